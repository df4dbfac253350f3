/** English strings of the 'glossary' namespace (loaded on demand). */
const glossary = {
  title: 'glossary',
} as const;

export default glossary;
