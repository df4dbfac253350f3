/**
 * EBML, the binary container grammar under Matroska/WebM: variable-length integers (IDs keep
 * their length marker, sizes drop it), element headers, and a writer that builds elements from
 * children. Unknown sizes (all value bits set) are reported as `undefined`, as MediaRecorder and
 * live producers write Segment and Cluster that way. Pure: bytes in, bytes out.
 * Spec: RFC 8794 (EBML), https://www.rfc-editor.org/rfc/rfc8794 §4 (VINT), §6 (element data size).
 */

export class EbmlError extends Error {
  override readonly name = 'EbmlError';
}

/** An element ID with its length-marker bits, as Matroska's tables list them (e.g. Cluster 0x1F43B675). */
export type EbmlId = number;

export interface ElementHeader {
  readonly id: EbmlId;
  /** Data size in bytes, or undefined for "unknown size" (streamed elements). */
  readonly size: number | undefined;
  /** Bytes taken by the ID and size fields. */
  readonly headerBytes: number;
}

/** Length in bytes of the VINT that starts with `first` (1–8), or 0 when the byte is invalid. */
function vintLength(first: number): number {
  for (let n = 1; n <= 8; n++) if (first & (0x80 >> (n - 1))) return n;
  return 0;
}

/**
 * Reads an element header at `offset`, or returns undefined when `bytes` ends before the header
 * does (a streaming reader waits for more). Throws EbmlError on bytes that cannot be EBML.
 */
export function readElementHeader(bytes: Uint8Array, offset: number): ElementHeader | undefined {
  if (offset >= bytes.length) return undefined;
  const idLen = vintLength(bytes[offset]);
  if (idLen === 0 || idLen > 4) throw new EbmlError(`invalid EBML element ID byte 0x${bytes[offset].toString(16)} at offset ${offset}`);
  if (offset + idLen >= bytes.length) return undefined;
  let id = 0;
  for (let i = 0; i < idLen; i++) id = id * 256 + bytes[offset + i];
  const sizeAt = offset + idLen;
  const sizeLen = vintLength(bytes[sizeAt]);
  if (sizeLen === 0) throw new EbmlError(`invalid EBML size byte 0x${bytes[sizeAt].toString(16)} at offset ${sizeAt}`);
  if (sizeAt + sizeLen > bytes.length) return undefined;
  let size = bytes[sizeAt] & (0xff >> sizeLen);
  let allOnes = size === 0xff >> sizeLen;
  for (let i = 1; i < sizeLen; i++) {
    const b = bytes[sizeAt + i];
    if (b !== 0xff) allOnes = false;
    size = size * 256 + b;
  }
  return { id, size: allOnes ? undefined : size, headerBytes: idLen + sizeLen };
}

export function readUint(bytes: Uint8Array, offset = 0, length = bytes.length - offset): number {
  let v = 0;
  for (let i = 0; i < length; i++) v = v * 256 + bytes[offset + i];
  return v;
}

export function readFloat(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 4) return view.getFloat32(0);
  if (bytes.length === 8) return view.getFloat64(0);
  if (bytes.length === 0) return 0;
  throw new EbmlError(`EBML float must be 0, 4 or 8 bytes, got ${bytes.length}`);
}

export function readString(bytes: Uint8Array): string {
  let end = bytes.indexOf(0);
  if (end < 0) end = bytes.length;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/** A child element inside a master element's data. */
export interface ChildElement {
  readonly id: EbmlId;
  readonly data: Uint8Array;
}

/** Splits a master element's data (known sizes only) into its direct children. */
export function readChildren(data: Uint8Array): ChildElement[] {
  const out: ChildElement[] = [];
  let at = 0;
  while (at < data.length) {
    const h = readElementHeader(data, at);
    if (!h) throw new EbmlError(`truncated element at offset ${at} of a ${data.length}-byte master element`);
    if (h.size === undefined) throw new EbmlError(`unknown-size element 0x${h.id.toString(16)} inside a sized master element`);
    const start = at + h.headerBytes;
    if (start + h.size > data.length) throw new EbmlError(`element 0x${h.id.toString(16)} overruns its parent`);
    out.push({ id: h.id, data: data.subarray(start, start + h.size) });
    at = start + h.size;
  }
  return out;
}

// ---- writing ----

function idBytes(id: EbmlId): number[] {
  const out: number[] = [];
  let v = id;
  do {
    out.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  return out;
}

/** Size VINT in the fewest bytes (never the all-ones pattern, which means "unknown"). */
export function sizeVint(size: number): number[] {
  for (let n = 1; n <= 8; n++) {
    const max = 2 ** (7 * n) - 1;
    if (size < max) {
      const out = new Array<number>(n);
      let v = size;
      for (let i = n - 1; i >= 0; i--) {
        out[i] = v % 256;
        v = Math.floor(v / 256);
      }
      out[0] |= 0x80 >> (n - 1);
      return out;
    }
  }
  throw new EbmlError(`element size ${size} exceeds EBML's 2^56-2 byte maximum`);
}

export const UNKNOWN_SIZE = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An element with the given data (or children, concatenated). */
export function element(id: EbmlId, data: Uint8Array | readonly Uint8Array[]): Uint8Array {
  const body = data instanceof Uint8Array ? data : concatBytes(data);
  return concatBytes([Uint8Array.from([...idBytes(id), ...sizeVint(body.length)]), body]);
}

/** Header of an element whose size is not known up front (live Segment/Cluster). */
export function unknownSizeHeader(id: EbmlId): Uint8Array {
  return Uint8Array.from([...idBytes(id), ...UNKNOWN_SIZE]);
}

export function uintElement(id: EbmlId, value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new EbmlError(`EBML uint must be a non-negative safe integer, got ${value}`);
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v % 256);
    v = Math.floor(v / 256);
  } while (v > 0);
  return element(id, Uint8Array.from(bytes));
}

export function floatElement(id: EbmlId, value: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, value);
  return element(id, b);
}

export function stringElement(id: EbmlId, value: string): Uint8Array {
  return element(id, new TextEncoder().encode(value));
}
