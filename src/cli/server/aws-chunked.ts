/**
 * `Content-Encoding: aws-chunked` request bodies, as the AWS SDKs and CLI send uploads with
 * flexible checksums (`x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER`) or SigV4 chunk
 * signatures (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`): `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n`
 * … `0\r\n<trailer lines>\r\n\r\n`. Decoding yields the object bytes and the trailing headers
 * (e.g. `x-amz-checksum-crc32`).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

export class AwsChunkedError extends Error {}

export interface DecodedChunks {
  readonly body: Uint8Array;
  readonly trailers: Record<string, string>;
  /** The chunk signatures in order (empty for unsigned streaming payloads). */
  readonly signatures: readonly string[];
}

export function isAwsChunked(headers: Readonly<Record<string, string>>): boolean {
  const encoding = headers['content-encoding'] ?? '';
  const sha = headers['x-amz-content-sha256'] ?? '';
  return encoding.split(',').some((e) => e.trim() === 'aws-chunked') || sha.startsWith('STREAMING-');
}

/** The Content-Encoding to store once aws-chunked is removed (undefined when nothing is left). */
export function remainingContentEncoding(value: string | undefined): string | undefined {
  const rest = (value ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '' && e !== 'aws-chunked');
  return rest.length ? rest.join(',') : undefined;
}

export function decodeAwsChunked(raw: Uint8Array): DecodedChunks {
  const parts: Uint8Array[] = [];
  const signatures: string[] = [];
  let pos = 0;
  let total = 0;
  for (;;) {
    const lineEnd = indexOfCrlf(raw, pos);
    if (lineEnd < 0) throw new AwsChunkedError('aws-chunked body ends inside a chunk header');
    const header = latin1(raw, pos, lineEnd);
    const [sizeHex, ...exts] = header.split(';');
    if (!/^[0-9a-fA-F]+$/.test(sizeHex.trim())) throw new AwsChunkedError(`aws-chunked chunk size ${JSON.stringify(sizeHex)} is not hexadecimal`);
    const size = parseInt(sizeHex.trim(), 16);
    for (const ext of exts) {
      const [k, v] = ext.split('=');
      if (k.trim() === 'chunk-signature' && v) signatures.push(v.trim());
    }
    pos = lineEnd + 2;
    if (size === 0) break;
    if (pos + size > raw.length) throw new AwsChunkedError('aws-chunked chunk is longer than the body');
    parts.push(raw.subarray(pos, pos + size));
    total += size;
    pos += size;
    if (raw[pos] === 0x0d && raw[pos + 1] === 0x0a) pos += 2;
  }
  const trailers: Record<string, string> = {};
  while (pos < raw.length) {
    const lineEnd = indexOfCrlf(raw, pos);
    const line = latin1(raw, pos, lineEnd < 0 ? raw.length : lineEnd);
    pos = lineEnd < 0 ? raw.length : lineEnd + 2;
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { body, trailers, signatures };
}

function indexOfCrlf(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) return i;
  return -1;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]);
  return s;
}
