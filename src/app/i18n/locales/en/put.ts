/** English strings of the 'put' namespace (loaded on demand). */
const put = {
  title: 'put',
} as const;

export default put;
