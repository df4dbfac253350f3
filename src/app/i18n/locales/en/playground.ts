/** English strings of the 'playground' namespace (loaded on demand). */
const playground = {
  title: 'playground',
} as const;

export default playground;
