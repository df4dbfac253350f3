/**
 * The object store's ETag digest: a fast 128-bit content hash. Not MD5 (the engine stays free of
 * crypto dependencies); clients treat ETags as opaque quoted strings.
 */

/** A fast 128-bit content digest (four FNV-1a lanes) as 32 hex chars; stable, but not MD5. */
export function contentDigestHex(bytes: Uint8Array): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ 0x9e3779b9, c = 0x85ebca6b, d = 0xc2b2ae35;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i];
    a = Math.imul(a ^ x, 16777619);
    b = Math.imul(b ^ x, 2246822507);
    c = Math.imul(c ^ x, 3266489909);
    d = Math.imul(d ^ x, 668265263);
  }
  a = Math.imul(a ^ bytes.length, 16777619);
  const h = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return h(a) + h(b) + h(c) + h(d);
}
