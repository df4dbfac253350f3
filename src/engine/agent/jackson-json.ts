/**
 * JSON text exactly as the agent's printers write it: Jackson's ObjectMapper, compact
 * (`{"a":"b","c":null}`) or with the default pretty printer (`{\n  "a" : "b"\n}`, arrays on
 * one line as `[ 1, 2 ]`, empty containers as `{ }` and `[ ]`). Jackson escapes only `"`, `\`
 * and control characters below U+0020 (short forms \b \t \n \f \r, otherwise \u00XX with
 * upper-case hex); it leaves `/` and non-ASCII text as they are.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

export function jacksonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const short = SHORT_ESCAPES[c];
    if (short) out += short;
    else if (c < 0x20) out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += s[i];
  }
  return `${out}"`;
}

function jacksonNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // Java prints doubles with Double.toString: 1.0E21, 1.5E-7; plain decimals match JS.
  const js = String(n);
  if (!js.includes('e')) return js;
  const [mant, exp] = js.split('e');
  return `${mant.includes('.') ? mant : `${mant}.0`}E${exp.replace('+', '')}`;
}

export function jacksonCompact(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return jacksonString(v);
  if (typeof v === 'number') return jacksonNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${(v as readonly JsonValue[]).map(jacksonCompact).join(',')}]`;
  const entries = Object.entries(v as Record<string, JsonValue>);
  return `{${entries.map(([k, x]) => `${jacksonString(k)}:${jacksonCompact(x)}`).join(',')}}`;
}

export function jacksonPretty(v: JsonValue, depth = 0): string {
  if (v === null || typeof v !== 'object') return jacksonCompact(v);
  if (Array.isArray(v)) {
    const items = v as readonly JsonValue[];
    return items.length === 0 ? '[ ]' : `[ ${items.map((x) => jacksonPretty(x, depth)).join(', ')} ]`;
  }
  const entries = Object.entries(v as Record<string, JsonValue>);
  if (entries.length === 0) return '{ }';
  const pad = '  '.repeat(depth + 1);
  const body = entries.map(([k, x]) => `${pad}${jacksonString(k)} : ${jacksonPretty(x, depth + 1)}`).join(',\n');
  return `{\n${body}\n${'  '.repeat(depth)}}`;
}
