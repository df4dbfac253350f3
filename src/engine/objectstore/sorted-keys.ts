/**
 * Keys kept in a sorted array (UTF-16 code-unit order, which equals S3's UTF-8 byte order for the
 * BMP keys the simulator writes), and the opaque continuation tokens that resume a listing after a key.
 */

export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted(sorted: string[], value: string): void {
  sorted.splice(lowerBound(sorted, value), 0, value);
}

export function removeSorted(sorted: string[], value: string): void {
  const i = lowerBound(sorted, value);
  if (sorted[i] === value) sorted.splice(i, 1);
}

/** The token is the last key (or rolled-up key) already returned, hex-encoded so it stays opaque and URL-safe. */
export function encodeToken(key: string): string {
  let hex = '';
  for (const byte of new TextEncoder().encode(key)) hex += byte.toString(16).padStart(2, '0');
  return `k1.${hex}`;
}

/** The key a token resumes after, or undefined when the token is not one this store issued. */
export function decodeToken(token: string): string | undefined {
  if (!/^k1\.([0-9a-f]{2})*$/.test(token)) return undefined;
  const hex = token.slice(3);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return new TextDecoder().decode(bytes);
}
