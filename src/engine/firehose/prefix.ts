/**
 * S3 prefixes and object names: parsing and evaluating `!{namespace:value}` expressions
 * (timestamp with a Java DateTimeFormatter subset, firehose:random-string, firehose:error-output-type,
 * partitionKeyFromQuery, partitionKeyFromLambda), the default `yyyy/MM/dd/HH/` prefix in UTC, and
 * the object name `<prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><ext>` (spec §6).
 */
import { EVALUATED_PREFIX_CHARS_MAX } from './limits';

export type ErrorOutputType =
  | 'processing-failed'
  | 'AmazonOpenSearchService-failed'
  | 'splunk-failed'
  | 'format-conversion-failed'
  | 'http-endpoint-failed'
  | 'partitioning-failed'
  | 'activePartitionExceeded';

export type PrefixSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'timestamp'; readonly pattern: string }
  | { readonly kind: 'random' }
  | { readonly kind: 'error-output-type' }
  | { readonly kind: 'query-key'; readonly key: string }
  | { readonly kind: 'lambda-key'; readonly key: string };

export class PrefixError extends Error {}

export const DEFAULT_TIMESTAMP_PATTERN = 'yyyy/MM/dd/HH/';
const DATE_LETTERS = /[yMdHhmsSa]/;

/** Parses a prefix template; throws PrefixError naming the bad expression. */
export function parsePrefix(template: string): PrefixSegment[] {
  const segments: PrefixSegment[] = [];
  let i = 0;
  let text = '';
  while (i < template.length) {
    if (template[i] === '!' && template[i + 1] === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new PrefixError(`unterminated expression at position ${i} in "${template}"`);
      if (text) segments.push({ kind: 'text', text });
      text = '';
      segments.push(parseExpression(template.slice(i + 2, end)));
      i = end + 1;
    } else {
      text += template[i++];
    }
  }
  if (text) segments.push({ kind: 'text', text });
  return segments;
}

function parseExpression(body: string): PrefixSegment {
  const colon = body.indexOf(':');
  const ns = colon < 0 ? body : body.slice(0, colon);
  const value = colon < 0 ? '' : body.slice(colon + 1);
  switch (ns) {
    case 'timestamp':
      checkDatePattern(value);
      return { kind: 'timestamp', pattern: value };
    case 'firehose':
      if (value === 'random-string') return { kind: 'random' };
      if (value === 'error-output-type') return { kind: 'error-output-type' };
      throw new PrefixError(`unknown firehose expression "!{firehose:${value}}"; use random-string or error-output-type`);
    case 'partitionKeyFromQuery':
    case 'partitionKeyFromLambda':
      if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new PrefixError(`partition key name "${value}" is not valid`);
      return { kind: ns === 'partitionKeyFromQuery' ? 'query-key' : 'lambda-key', key: value };
    default:
      throw new PrefixError(`unknown namespace "${ns}" in "!{${body}}"; use timestamp, firehose, partitionKeyFromQuery or partitionKeyFromLambda`);
  }
}

function checkDatePattern(pattern: string): void {
  if (!pattern) throw new PrefixError('!{timestamp:} needs a pattern such as yyyy/MM/dd');
  const withoutLiterals = pattern.replace(/'[^']*'/g, '');
  const bad = withoutLiterals.match(/[A-Za-z]/g)?.find((c) => !DATE_LETTERS.test(c));
  if (bad) throw new PrefixError(`timestamp pattern "${pattern}" uses unsupported letter "${bad}"; quote literal text with '…'`);
}

export interface PrefixValues {
  readonly timestampMs: number;
  readonly randomString: () => string;
  readonly errorOutputType?: ErrorOutputType;
  readonly queryKeys?: Readonly<Record<string, string>>;
  readonly lambdaKeys?: Readonly<Record<string, string>>;
}

/** Evaluates parsed segments; a missing partition key is a PrefixError (the record goes to the error output). */
export function evaluatePrefix(segments: readonly PrefixSegment[], values: PrefixValues): string {
  let out = '';
  for (const s of segments) {
    switch (s.kind) {
      case 'text': out += s.text; break;
      case 'timestamp': out += formatJavaDate(s.pattern, values.timestampMs); break;
      case 'random': out += values.randomString(); break;
      case 'error-output-type':
        if (!values.errorOutputType) throw new PrefixError('error-output-type is only allowed in ErrorOutputPrefix');
        out += values.errorOutputType;
        break;
      case 'query-key':
      case 'lambda-key': {
        const source = s.kind === 'query-key' ? values.queryKeys : values.lambdaKeys;
        const v = source?.[s.key];
        if (v === undefined) throw new PrefixError(`partition key "${s.key}" has no value for this record`);
        out += v;
        break;
      }
    }
  }
  if (out.length > EVALUATED_PREFIX_CHARS_MAX) throw new PrefixError(`evaluated prefix is ${out.length} chars; the limit is ${EVALUATED_PREFIX_CHARS_MAX}`);
  return out;
}

/** Only partition keys evaluated: the identity of a dynamic partition (time is filled in at delivery). */
export function partitionIdentity(segments: readonly PrefixSegment[], values: Omit<PrefixValues, 'timestampMs' | 'randomString'>): string {
  let out = '';
  for (const s of segments) {
    if (s.kind === 'query-key' || s.kind === 'lambda-key') {
      const source = s.kind === 'query-key' ? values.queryKeys : values.lambdaKeys;
      const v = source?.[s.key];
      if (v === undefined) throw new PrefixError(`partition key "${s.key}" has no value for this record`);
      out += `${s.key}=${v}\u0000`;
    }
  }
  return out;
}

export const hasKind = (segments: readonly PrefixSegment[], kind: PrefixSegment['kind']) => segments.some((s) => s.kind === kind);

/** The effective data prefix: Firehose appends `yyyy/MM/dd/HH/` when no timestamp (or partition key) is used. */
export function effectiveDataPrefix(prefix: string | undefined): PrefixSegment[] {
  const segments = parsePrefix(prefix ?? '');
  if (hasKind(segments, 'error-output-type')) throw new PrefixError('Prefix must not contain any occurrence of !{firehose:error-output-type}');
  const usesKeys = hasKind(segments, 'query-key') || hasKind(segments, 'lambda-key');
  if (!hasKind(segments, 'timestamp') && !usesKeys) segments.push({ kind: 'timestamp', pattern: DEFAULT_TIMESTAMP_PATTERN });
  return segments;
}

/** The effective error prefix: as given, or `<Prefix><error-output-type>/yyyy/MM/dd/HH/` when unset. */
// The rules and AWS's messages: https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html#prefix-rules
export function effectiveErrorPrefix(prefix: string | undefined, errorOutputPrefix: string | undefined): PrefixSegment[] {
  if (errorOutputPrefix === undefined || errorOutputPrefix === '') {
    const given = parsePrefix(prefix ?? '');
    // "ErrorOutputPrefix can be null only if Prefix contains no expressions."
    if (given.some((s) => s.kind !== 'text')) throw new PrefixError('ErrorOutputPrefix cannot be null or empty when Prefix contains expressions');
    const base = given.filter((s) => s.kind === 'text');
    return [...base, { kind: 'error-output-type' }, { kind: 'text', text: '/' }, { kind: 'timestamp', pattern: DEFAULT_TIMESTAMP_PATTERN }];
  }
  const segments = parsePrefix(errorOutputPrefix);
  if (hasKind(segments, 'query-key') || hasKind(segments, 'lambda-key')) {
    throw new PrefixError("Dynamic Partitioning Namespaces can't be part of an error prefix expression");
  }
  const usesExpressions = segments.some((s) => s.kind !== 'text');
  if (usesExpressions && !hasKind(segments, 'error-output-type')) {
    throw new PrefixError('ErrorOutputPrefix must contain at least one occurrence of !{firehose:error-output-type}');
  }
  if (!hasKind(segments, 'timestamp')) segments.push({ kind: 'timestamp', pattern: DEFAULT_TIMESTAMP_PATTERN });
  return segments;
}

/** `<prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><ext>`; the time is the delivery time in UTC. */
export function objectKey(prefix: string, streamName: string, version: number, timeMs: number, uuid: string, extension: string): string {
  return `${prefix}${streamName}-${version}-${formatJavaDate('yyyy-MM-dd-HH-mm-ss', timeMs)}-${uuid}${extension}`;
}

/** Formats epoch ms in UTC with the DateTimeFormatter letters Firehose prefixes use; '…' is literal. */
export function formatJavaDate(pattern: string, epochMs: number): string {
  const d = new Date(epochMs);
  const fields: Record<string, number> = {
    y: d.getUTCFullYear(), M: d.getUTCMonth() + 1, d: d.getUTCDate(), H: d.getUTCHours(),
    h: ((d.getUTCHours() + 11) % 12) + 1, m: d.getUTCMinutes(), s: d.getUTCSeconds(), S: d.getUTCMilliseconds(),
  };
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const lit = pattern.slice(i + 1, end < 0 ? pattern.length : end);
      out += lit === '' ? "'" : lit;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === c) run++;
    if (c === 'a') out += d.getUTCHours() < 12 ? 'AM' : 'PM';
    else if (c in fields) {
      const v = fields[c];
      if (c === 'y' && run === 2) out += String(v % 100).padStart(2, '0');
      else if (c === 'S') out += String(v).padStart(3, '0').slice(0, run).padEnd(run, '0');
      else out += String(v).padStart(run, '0');
    } else out += c.repeat(run);
    i += run;
  }
  return out;
}

const RANDOM_ALPHABET = '0123456789abcdef';
/** 11 random lowercase hex characters, as `!{firehose:random-string}` produces. */
export function randomString11(nextUint32: () => number): string {
  let out = '';
  for (let i = 0; i < 11; i++) out += RANDOM_ALPHABET[nextUint32() & 15];
  return out;
}
