/**
 * S3 output key templates of channels (docs.aws.amazon.com/streams/latest/dev/data-delivery-s3-key-template.html):
 * `!{name}` variables among channel-name, channel-id, yyyy, MM, dd, HH, mm and extension; literals of letters,
 * digits and / _ - . + =; at most 1,024 characters, no "..", not starting or ending with "/". The default
 * template organises objects by channel and hour; a unique suffix is always appended to the key (here
 * "-<6-digit object number>-<channel-id prefix>", after the MSK twin page's example, placed before a trailing
 * !{extension}). Pure kernel.
 */
import { CHANNEL_KEY_TEMPLATE_LENGTH_MAX } from '../streams/limits';

export const DEFAULT_KEY_TEMPLATE =
  'kinesis-channel/!{channel-name}/!{channel-id}/!{yyyy}/!{MM}/!{dd}/!{HH}/!{channel-name}-!{channel-id}-!{yyyy}-!{MM}-!{dd}-!{HH}-!{mm}!{extension}';

const VARIABLES = new Set(['channel-name', 'channel-id', 'yyyy', 'YY', 'MM', 'dd', 'HH', 'mm', 'extension']);
const LITERAL = /^[a-zA-Z0-9/_\-.+=]*$/;

export type KeySegment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'var'; readonly name: string };

/** Parses a template; returns the problem in words when it breaks a rule. */
export function parseKeyTemplate(template: string): KeySegment[] | string {
  if (template.length === 0 || template.length > CHANNEL_KEY_TEMPLATE_LENGTH_MAX) return `OutputKeyTemplate must be 1 to ${CHANNEL_KEY_TEMPLATE_LENGTH_MAX} characters long.`;
  if (template.startsWith('/') || template.endsWith('/')) return 'OutputKeyTemplate must not start or end with "/".';
  if (template.includes('..') || template.includes('./')) return 'OutputKeyTemplate must not contain ".." or "./".';
  const segments: KeySegment[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('!{');
    const text = open < 0 ? rest : rest.slice(0, open);
    if (!LITERAL.test(text)) return `OutputKeyTemplate literal "${text}" may only hold letters, digits and / _ - . + =.`;
    if (text) segments.push({ kind: 'text', text });
    if (open < 0) break;
    const close = rest.indexOf('}', open);
    if (close < 0) return 'OutputKeyTemplate has a "!{" without its closing "}".';
    const name = rest.slice(open + 2, close);
    if (!VARIABLES.has(name)) return `OutputKeyTemplate variable !{${name}} is not supported; use ${[...VARIABLES].map((v) => `!{${v}}`).join(', ')}.`;
    segments.push({ kind: 'var', name });
    rest = rest.slice(close + 1);
  }
  if (!segments.some((s) => s.kind === 'var')) return 'OutputKeyTemplate must use at least one variable.';
  return segments;
}

export interface KeyValues {
  readonly channelName: string;
  readonly channelId: string;
  readonly timeMs: number;
  readonly extension: string;
  /** Per-channel object number, for the unique suffix. */
  readonly objectNumber: number;
}

export function evaluateKeyTemplate(segments: readonly KeySegment[], v: KeyValues): string {
  const d = new Date(v.timeMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const values: Record<string, string> = {
    'channel-name': v.channelName,
    'channel-id': v.channelId,
    yyyy: String(d.getUTCFullYear()),
    YY: two(d.getUTCFullYear() % 100),
    MM: two(d.getUTCMonth() + 1),
    dd: two(d.getUTCDate()),
    HH: two(d.getUTCHours()),
    mm: two(d.getUTCMinutes()),
    extension: v.extension,
  };
  const suffix = `-${String(v.objectNumber).padStart(6, '0')}-${v.channelId.replace(/-/g, '').slice(0, 11)}`;
  const last = segments[segments.length - 1];
  // The suffix goes before a trailing !{extension}, so "….json.gz" keys keep their extension.
  const body = last.kind === 'var' && last.name === 'extension' ? segments.slice(0, -1) : segments;
  const key = body.map((s) => (s.kind === 'text' ? s.text : values[s.name])).join('');
  return body === segments ? key + suffix : key + suffix + v.extension;
}
