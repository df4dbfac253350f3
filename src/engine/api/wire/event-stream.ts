/**
 * The `application/vnd.amazon.eventstream` binary framing (SubscribeToShard responses), written
 * here so both the Node API server and the in-page SDK handler can emit it. Pure TypeScript.
 *
 * A message: prelude [total length u32, headers length u32, CRC32 of those 8 bytes], headers,
 * payload, CRC32 of everything before it. Header: name length u8, name, type u8, value.
 * We emit string headers (type 7: u16 length + UTF-8) only, which is all the protocol needs.
 */

const CRC_TABLE = buildCrcTable();

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE 802.3), the checksum the event-stream framing uses. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const HEADER_TYPE_STRING = 7;
const PRELUDE_BYTES = 12;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export type EventStreamHeaders = Readonly<Record<string, string>>;

export interface EventStreamMessage {
  readonly headers: EventStreamHeaders;
  readonly payload: Uint8Array;
}

export function encodeEventStreamMessage(headers: EventStreamHeaders, payload: Uint8Array | string): Uint8Array {
  const body = typeof payload === 'string' ? utf8.encode(payload) : payload;
  const encodedHeaders: Array<[Uint8Array, Uint8Array]> = [];
  let headersLength = 0;
  for (const [name, value] of Object.entries(headers)) {
    const n = utf8.encode(name);
    const v = utf8.encode(value);
    if (n.length > 255 || v.length > 0xffff) throw new Error(`event-stream header ${name} is too long`);
    encodedHeaders.push([n, v]);
    headersLength += 1 + n.length + 1 + 2 + v.length;
  }
  const total = PRELUDE_BYTES + headersLength + body.length + 4;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(out, 0, 8));
  let at = PRELUDE_BYTES;
  for (const [n, v] of encodedHeaders) {
    out[at++] = n.length;
    out.set(n, at);
    at += n.length;
    out[at++] = HEADER_TYPE_STRING;
    view.setUint16(at, v.length);
    at += 2;
    out.set(v, at);
    at += v.length;
  }
  out.set(body, at);
  at += body.length;
  view.setUint32(at, crc32(out, 0, at));
  return out;
}

/** Event message with an `:event-type` (e.g. "initial-response", "SubscribeToShardEvent"). */
export function encodeEvent(eventType: string, payload: Uint8Array | string, contentType: string): Uint8Array {
  return encodeEventStreamMessage(
    { ':event-type': eventType, ':content-type': contentType, ':message-type': 'event' },
    payload,
  );
}

/** A modelled error delivered inside the stream, as the service does after the 200 response has started. */
export function encodeExceptionEvent(errorName: string, message: string, contentType: string, payload?: Uint8Array): Uint8Array {
  return encodeEventStreamMessage(
    { ':exception-type': errorName, ':content-type': contentType, ':message-type': 'exception' },
    payload ?? JSON.stringify({ message }),
  );
}

/**
 * Splits a buffer into complete messages, verifying both CRCs; returns the bytes of any
 * incomplete trailing message so callers can feed chunks as they arrive. Used by tests and tools.
 */
export function decodeEventStreamMessages(bytes: Uint8Array): { messages: EventStreamMessage[]; rest: Uint8Array } {
  const messages: EventStreamMessage[] = [];
  let at = 0;
  while (bytes.length - at >= PRELUDE_BYTES) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at);
    const total = view.getUint32(0);
    if (bytes.length - at < total) break;
    const headersLength = view.getUint32(4);
    if (view.getUint32(8) !== crc32(bytes, at, at + 8)) throw new Error('event-stream prelude CRC mismatch');
    if (view.getUint32(total - 4) !== crc32(bytes, at, at + total - 4)) throw new Error('event-stream message CRC mismatch');
    const headers: Record<string, string> = {};
    let h = at + PRELUDE_BYTES;
    const headersEnd = h + headersLength;
    while (h < headersEnd) {
      const nameLength = bytes[h++];
      const name = utf8Decoder.decode(bytes.subarray(h, h + nameLength));
      h += nameLength;
      const type = bytes[h++];
      if (type !== HEADER_TYPE_STRING) throw new Error(`event-stream header type ${type} is not supported by this decoder`);
      const length = (bytes[h] << 8) | bytes[h + 1];
      h += 2;
      headers[name] = utf8Decoder.decode(bytes.subarray(h, h + length));
      h += length;
    }
    messages.push({ headers, payload: bytes.slice(headersEnd, at + total - 4) });
    at += total;
  }
  return { messages, rest: bytes.slice(at) };
}
