/**
 * Request validation the way the AWS model does it: wrong JSON types → SerializationException; constraint
 * failures (required, length, range, pattern, enum) collected into one ValidationException whose message reads
 * "N validation errors detected: Value '<v>' at '<member>' failed to satisfy constraint: <rule>" (≤ 10, joined
 * by "; "). Blobs are decoded here so the operations receive bytes.
 */
import { AwsServiceError } from '../result';
import { decodeBase64 } from './base64';

export type Rule =
  | { readonly kind: 'string'; readonly min?: number; readonly max?: number; readonly pattern?: RegExp; readonly enum?: readonly string[]; readonly required?: boolean }
  | { readonly kind: 'int'; readonly min?: number; readonly max?: number; readonly required?: boolean }
  | { readonly kind: 'bool'; readonly required?: boolean }
  | { readonly kind: 'blob'; readonly max?: number; readonly required?: boolean }
  | { readonly kind: 'timestamp'; readonly required?: boolean }
  | { readonly kind: 'list'; readonly member: Rule; readonly min?: number; readonly max?: number; readonly required?: boolean }
  | { readonly kind: 'map'; readonly key: Rule; readonly value: Rule; readonly min?: number; readonly max?: number; readonly required?: boolean }
  | { readonly kind: 'struct'; readonly fields: Fields; readonly required?: boolean };

export type Fields = Readonly<Record<string, Rule>>;

function serializationError(message: string): AwsServiceError {
  return new AwsServiceError('SerializationException', message);
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function show(value: unknown): string {
  if (value instanceof Uint8Array) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${show(v)}`).join(', ')}}`;
  return String(value);
}

/** Validates `body` against `fields`; returns a copy with blobs as Uint8Array and timestamps as epoch ms. */
export function validateRequest(body: Record<string, unknown>, fields: Fields): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw serializationError('The request body must be a JSON object.');
  const problems: string[] = [];
  const out = checkStruct(body, fields, '', problems);
  if (problems.length > 0) {
    const n = problems.length;
    const head = `${n} validation error${n === 1 ? '' : 's'} detected: `;
    throw new AwsServiceError('ValidationException', head + problems.slice(0, 10).join('; '));
  }
  return out;
}

function checkStruct(value: Record<string, unknown>, fields: Fields, path: string, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(fields)) {
    const member = path ? `${path}.${camel(name)}` : camel(name);
    const v = value[name];
    if (v === undefined || v === null) {
      if (rule.required) problems.push(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    out[name] = checkValue(v, rule, member, name, problems);
  }
  return out;
}

function fail(problems: string[], value: unknown, member: string, rule: string): void {
  problems.push(`Value '${show(value)}' at '${member}' failed to satisfy constraint: ${rule}`);
}

function checkLength(problems: string[], value: unknown, shown: unknown, length: number, member: string, min?: number, max?: number): void {
  if (min !== undefined && length < min) fail(problems, shown ?? value, member, `Member must have length greater than or equal to ${min}`);
  if (max !== undefined && length > max) fail(problems, shown ?? value, member, `Member must have length less than or equal to ${max}`);
}

/** Length in Unicode code points (what the model's string lengths count), without allocating. */
function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

function checkValue(v: unknown, rule: Rule, member: string, name: string, problems: string[]): unknown {
  switch (rule.kind) {
    case 'string': {
      if (typeof v !== 'string') throw serializationError(`Member ${name} must be a string, got ${typeof v}.`);
      checkLength(problems, v, undefined, codePointLength(v), member, rule.min, rule.max);
      if (rule.pattern && !rule.pattern.test(v)) {
        fail(problems, v, member, `Member must satisfy regular expression pattern: ${rule.pattern.source.replace(/^\^\(\?:|\)\$$/g, '').replace(/^\^|\$$/g, '')}`);
      }
      if (rule.enum && !rule.enum.includes(v)) fail(problems, v, member, `Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
      return v;
    }
    case 'int': {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw serializationError(`Member ${name} must be an integer, got ${JSON.stringify(v)}.`);
      if (rule.min !== undefined && v < rule.min) fail(problems, v, member, `Member must have value greater than or equal to ${rule.min}`);
      if (rule.max !== undefined && v > rule.max) fail(problems, v, member, `Member must have value less than or equal to ${rule.max}`);
      return v;
    }
    case 'bool':
      if (typeof v !== 'boolean') throw serializationError(`Member ${name} must be a boolean, got ${JSON.stringify(v)}.`);
      return v;
    case 'blob': {
      const bytes = v instanceof Uint8Array ? v : typeof v === 'string' ? decodeBase64(v) : undefined;
      if (!bytes) throw serializationError(`Member ${name} must be base64-encoded binary data.`);
      checkLength(problems, bytes, bytes, bytes.length, member, undefined, rule.max);
      return bytes;
    }
    case 'timestamp':
      return parseTimestampMs(v, name);
    case 'list': {
      if (!Array.isArray(v)) throw serializationError(`Member ${name} must be a list.`);
      checkLength(problems, v, undefined, v.length, member, rule.min, rule.max);
      return v.map((item, i) => {
        if (item === null || item === undefined) throw serializationError(`Member ${name} must not contain null.`);
        return checkValue(item, rule.member, `${member}.${i + 1}.member`, name, problems);
      });
    }
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) throw serializationError(`Member ${name} must be a map.`);
      const entries = Object.entries(v as Record<string, unknown>);
      checkLength(problems, v, undefined, entries.length, member, rule.min, rule.max);
      const out: Record<string, unknown> = {};
      for (const [k, val] of entries) {
        checkValue(k, rule.key, member, name, problems);
        out[k] = checkValue(val, rule.value, `${member}.${k}`, name, problems);
      }
      return out;
    }
    case 'struct':
      if (typeof v !== 'object' || Array.isArray(v)) throw serializationError(`Member ${name} must be a structure.`);
      return checkStruct(v as Record<string, unknown>, rule.fields, member, problems);
  }
}

/**
 * JSON 1.1 timestamps are epoch seconds (a number with a millisecond fraction); CBOR 1.1 decodes them to Date.
 * Any other JSON type is a SerializationException in the service's words (as captured by kinesalite's
 * validations against AWS: "class java.lang.String can not be converted to milliseconds since epoch").
 */
export function parseTimestampMs(v: unknown, name: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v * 1000);
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') throw serializationError('class java.lang.String can not be converted to milliseconds since epoch');
  if (typeof v === 'boolean') throw serializationError('class java.lang.Boolean can not be converted to milliseconds since epoch');
  if (Array.isArray(v)) throw serializationError('Start of list found where not expected');
  throw serializationError(`Start of structure or map found where not expected (member ${name}).`);
}

/** Epoch ms → JSON 1.1 timestamp: epoch seconds with the millisecond fraction. */
export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}
