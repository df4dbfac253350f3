/**
 * The `application/x-amz-cbor-1.1` body codec (the Java SDK and KCL default) on top of cbor-x.
 * Requests are converted to the JSON-1.1 wire document the APIs take (byte strings → base64,
 * tag-1 timestamps → epoch seconds); responses back (the API's blob fields → byte strings,
 * timestamp fields → tag 1 holding epoch MILLISECONDS, which is what the AWS Java SDKs write
 * and read for CBOR payloads).
 */
import { Decoder, Encoder, Tag } from 'cbor-x';
import type { ApiBinding, BodyCodec } from './types';

export const CBOR_CONTENT_TYPE = 'application/x-amz-cbor-1.1';

const decoder = new Decoder({ mapsAsObjects: true, useRecords: false });
const encoder = new Encoder({ useRecords: false, tagUint8Array: false, mapsAsObjects: true });

/** Above this a tag-1 number can only be milliseconds (1e11 s is the year 5138). */
const MILLIS_THRESHOLD = 1e11;

function epochSecondsOf(value: unknown): unknown {
  const raw = value instanceof Date ? value.getTime() / 1000 : typeof value === 'number' ? value : undefined;
  if (raw === undefined) return value;
  return Math.abs(raw) > MILLIS_THRESHOLD ? raw / 1000 : raw;
}

function toWireValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return epochSecondsOf(value);
  if (value instanceof Tag) return value.tag === 1 ? epochSecondsOf(value.value) : toWireValue(value.value);
  if (Array.isArray(value)) return value.map(toWireValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toWireValue(v);
    return out;
  }
  return value;
}

function fromWireValue(value: unknown, key: string, blobs: ReadonlySet<string>, stamps: ReadonlySet<string>): unknown {
  if (typeof value === 'string' && blobs.has(key)) return Buffer.from(value, 'base64');
  if (typeof value === 'number' && stamps.has(key)) return new Tag(Math.round(value * 1000), 1);
  if (Array.isArray(value)) return value.map((v) => fromWireValue(v, key, blobs, stamps));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromWireValue(v, k, blobs, stamps);
    return out;
  }
  return value;
}

const fieldSets = new WeakMap<ApiBinding, { blobs: ReadonlySet<string>; stamps: ReadonlySet<string> }>();
function fieldsOf(binding: ApiBinding | undefined): { blobs: ReadonlySet<string>; stamps: ReadonlySet<string> } {
  if (!binding) return { blobs: new Set(), stamps: new Set() };
  let sets = fieldSets.get(binding);
  if (!sets) {
    sets = { blobs: new Set(binding.blobFields ?? []), stamps: new Set(binding.timestampFields ?? []) };
    fieldSets.set(binding, sets);
  }
  return sets;
}

export const cborCodec: BodyCodec = {
  contentType: CBOR_CONTENT_TYPE,
  decode(body) {
    if (body.length === 0) return {};
    const doc: unknown = toWireValue(decoder.decode(body));
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('the body is not a CBOR map');
    return doc as Record<string, unknown>;
  },
  encode(doc, binding) {
    const { blobs, stamps } = fieldsOf(binding);
    return encoder.encode(fromWireValue(doc, '', blobs, stamps));
  },
};

/** Decodes a CBOR response body as a client would (tag 1 → Date from milliseconds); for tests and tools. */
export function decodeCborResponse(body: Uint8Array): unknown {
  return decoder.decode(body);
}
