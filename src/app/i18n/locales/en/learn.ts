/** English strings of the 'learn' namespace (loaded on demand). */
const learn = {
  title: 'learn',
} as const;

export default learn;
