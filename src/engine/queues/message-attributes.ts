/**
 * Message attributes: validation (≤10 per message; names of [A-Za-z0-9_.-], ≤256, no leading,
 * trailing or doubled period, no AWS./Amazon. prefix; DataType String|Number|Binary with an
 * optional ".label") and the MD5 digests SQS returns: body MD5 over UTF-8 bytes; attribute
 * MD5 over the attributes sorted by name, each as length-prefixed (4-byte big-endian) name,
 * type, one transport byte (1 string/number, 2 binary) and length-prefixed value.
 * Source: "Message metadata for Amazon SQS" — calculating the MD5 message digest
 * (docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html).
 */
import { md5Bytes } from '../hash/index';
import { invalidParameter, sqsError } from './errors';
import { ATTRIBUTE_NAME_MAX, ATTRIBUTE_TYPE_MAX, MESSAGE_ATTRIBUTES_MAX } from './limits';
import { toHex } from './sha256';

export interface AttributeValue {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: Uint8Array;
}

export type AttributeMap = Readonly<Record<string, AttributeValue>>;

const encoder = new TextEncoder();

export function md5Hex(bytes: Uint8Array): string {
  return toHex(md5Bytes(bytes));
}

export function bodyMd5(body: string): string {
  return md5Hex(encoder.encode(body));
}

function pushLengthPrefixed(parts: Uint8Array[], bytes: Uint8Array): void {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, bytes.length);
  parts.push(len, bytes);
}

/** MD5OfMessageAttributes (or MD5OfMessageSystemAttributes); undefined for no attributes. */
export function attributesMd5(attrs: AttributeMap | undefined): string | undefined {
  const names = Object.keys(attrs ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!attrs || names.length === 0) return undefined;
  const parts: Uint8Array[] = [];
  for (const name of names) {
    const v = attrs[name];
    pushLengthPrefixed(parts, encoder.encode(name));
    pushLengthPrefixed(parts, encoder.encode(v.DataType));
    const binary = v.DataType.startsWith('Binary');
    parts.push(new Uint8Array([binary ? 2 : 1]));
    pushLengthPrefixed(parts, binary ? (v.BinaryValue ?? new Uint8Array()) : encoder.encode(v.StringValue ?? ''));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return md5Hex(all);
}

/** Bytes the attributes add to the message size (name + type + value). */
export function attributesSize(attrs: AttributeMap | undefined): number {
  let n = 0;
  for (const [name, v] of Object.entries(attrs ?? {})) {
    n += encoder.encode(name).length + encoder.encode(v.DataType).length;
    n += v.BinaryValue ? v.BinaryValue.length : encoder.encode(v.StringValue ?? '').length;
  }
  return n;
}

const NAME_RE = /^[A-Za-z0-9_.-]+$/;
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function validateAttributes(attrs: AttributeMap | undefined, what: 'message' | 'system'): void {
  const names = Object.keys(attrs ?? {});
  if (!attrs || names.length === 0) return;
  if (what === 'system') {
    for (const n of names) {
      if (n !== 'AWSTraceHeader') throw invalidParameter('MessageSystemAttributes', n, 'Only AWSTraceHeader is supported as a message system attribute.');
      if (attrs[n].DataType !== 'String') throw invalidParameter('MessageSystemAttributes', n, 'AWSTraceHeader must have DataType String.');
    }
  }
  if (names.length > MESSAGE_ATTRIBUTES_MAX) {
    throw invalidParameter('MessageAttributes', names.length, `Number of message attributes [${names.length}] exceeds the allowed maximum [${MESSAGE_ATTRIBUTES_MAX}].`);
  }
  for (const name of names) {
    const v = attrs[name];
    if (name.length === 0 || name.length > ATTRIBUTE_NAME_MAX || !NAME_RE.test(name) || name.startsWith('.') || name.endsWith('.') || name.includes('..')) {
      throw invalidParameter('MessageAttributes', name, `Message attribute name '${name}' is invalid: use 1-${ATTRIBUTE_NAME_MAX} of A-Z, a-z, 0-9, underscore, hyphen and period, with no leading, trailing or consecutive periods.`);
    }
    if (what === 'message' && /^(aws\.|amazon\.)/i.test(name)) {
      throw invalidParameter('MessageAttributes', name, `Message attribute name '${name}' is reserved: names starting with AWS. or Amazon. are for AWS use.`);
    }
    const type = v.DataType;
    if (!type) throw invalidParameter('MessageAttributes', name, `The message attribute '${name}' must contain a non-empty attribute type.`);
    const base = type.split('.', 1)[0];
    if (type.length > ATTRIBUTE_TYPE_MAX || !['String', 'Number', 'Binary'].includes(base) || (type.includes('.') && type.length === base.length + 1)) {
      throw invalidParameter('MessageAttributes', name, `The type of message attribute '${name}' is invalid: ${type}. Use String, Number or Binary, optionally followed by .label.`);
    }
    if (base === 'Binary') {
      if (!v.BinaryValue || v.BinaryValue.length === 0) throw invalidParameter('MessageAttributes', name, `The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
      if (v.StringValue !== undefined) throw invalidParameter('MessageAttributes', name, `The message attribute '${name}' with type 'Binary' must use field 'Binary' only.`);
    } else {
      if (v.StringValue === undefined || v.StringValue === '') throw invalidParameter('MessageAttributes', name, `The message attribute '${name}' must contain a non-empty message attribute value for message attribute type '${base}'.`);
      if (v.BinaryValue !== undefined) throw invalidParameter('MessageAttributes', name, `The message attribute '${name}' with type '${base}' must use field 'String' only.`);
      if (base === 'Number') {
        const digits = v.StringValue.replace(/^[+-]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
        if (!NUMBER_RE.test(v.StringValue) || digits.length > 38) {
          throw invalidParameter('MessageAttributes', name, `Can't cast the value of message (user) attribute '${name}' to a number.`);
        }
      }
      if (!validText(v.StringValue)) throw sqsError('InvalidMessageContents', `Invalid characters found in the value of message attribute '${name}'.`);
    }
  }
}

/** #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (no lone surrogates). */
export function validText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd)) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return false;
  }
  return true;
}
