/**
 * The agent is a Java program, so every pattern in agent.json (multiLineStartPattern,
 * matchPattern, CSVTOJSON's delimiter, fileFooterPattern) is a java.util.regex pattern and is
 * applied with Java's matching verbs. This module translates the common Java syntax to a JS
 * RegExp and reproduces the three verbs the agent uses: `matches()` (whole input),
 * `lookingAt()` (prefix) and `String.split(regex)` (which drops trailing empty strings).
 * Constructs JS cannot express (possessive quantifiers, atomic groups, \A \Z \z, inline
 * flags after the start) are reported as errors naming the construct, never silently changed.
 * Pure TS: no Node built-ins.
 */

export interface JavaPattern {
  readonly source: string;
  /** The translated JS pattern (without anchors). */
  readonly js: string;
  readonly flags: string;
  readonly groupCount: number;
}

export type CompileResult = { readonly ok: true; readonly pattern: JavaPattern } | { readonly ok: false; readonly message: string };

const INLINE_FLAGS: Readonly<Record<string, string>> = { i: 'i', s: 's', m: 'm', u: '', x: '' };
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
};

/** Translates a Java regex to JS, or explains which construct has no JS equivalent. */
export function compileJavaRegex(source: string): CompileResult {
  let body = source;
  let flags = '';
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(body);
  if (lead) {
    for (const f of lead[1]) {
      if (!(f in INLINE_FLAGS)) return { ok: false, message: `inline flag (?${f}) is not supported` };
      if (INLINE_FLAGS[f] && !flags.includes(INLINE_FLAGS[f])) flags += INLINE_FLAGS[f];
    }
    body = body.slice(lead[0].length);
  }
  if (/\(\?[a-zA-Z-]+[:)]/.test(body)) return { ok: false, message: 'inline flags are supported only at the start of the pattern, e.g. (?i)…' };
  if (/\(\?>/.test(body)) return { ok: false, message: 'atomic groups (?>…) are not supported' };
  if (/(?<!\\)[*+?}]\+/.test(body.replace(/\\\\/g, ''))) return { ok: false, message: 'possessive quantifiers (*+, ++, ?+) are not supported' };
  if (/\\[AZzG]/.test(body.replace(/\\\\/g, ''))) return { ok: false, message: '\\A, \\Z, \\z and \\G are not supported; use ^ and $' };
  let js = body.replace(/\\p\{(\w+)\}/g, (all, name: string) => (POSIX_CLASSES[name] ? `[${POSIX_CLASSES[name]}]` : all))
    .replace(/\\P\{(\w+)\}/g, (all, name: string) => (POSIX_CLASSES[name] ? `[^${POSIX_CLASSES[name]}]` : all))
    .replace(/\\Q([\s\S]*?)(\\E|$)/g, (_all, lit: string) => lit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // Java's \h is horizontal whitespace; JS has no \h.
  js = js.replace(/\\h/g, '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]');
  try {
    new RegExp(js, flags);
  } catch (e) {
    return { ok: false, message: `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
  const groupCount = (new RegExp(`(?:${js})|`, flags).exec('') as RegExpExecArray).length - 1;
  return { ok: true, pattern: { source, js, flags, groupCount } };
}

export function mustCompile(source: string): JavaPattern {
  const r = compileJavaRegex(source);
  if (!r.ok) throw new Error(`pattern ${JSON.stringify(source)}: ${r.message}`);
  return r.pattern;
}

const wholeCache = new WeakMap<JavaPattern, RegExp>();
const prefixCache = new WeakMap<JavaPattern, RegExp>();

/** Java `Matcher.matches()`: the groups (index 1…groupCount; undefined = did not participate), or null. */
export function matchWhole(p: JavaPattern, input: string): (string | undefined)[] | null {
  let re = wholeCache.get(p);
  if (!re) wholeCache.set(p, (re = new RegExp(`^(?:${p.js})$`, p.flags.replace('m', ''))));
  const m = re.exec(input);
  return m ? Array.from(m) : null;
}

/** Java `Matcher.lookingAt()`: does a match start at the beginning of the input. */
export function lookingAt(p: JavaPattern, input: string): boolean {
  let re = prefixCache.get(p);
  if (!re) prefixCache.set(p, (re = new RegExp(`^(?:${p.js})`, p.flags.replace('m', ''))));
  return re.test(input);
}

/**
 * Java `String.split(regex)` with limit 0: trailing empty strings are removed, a zero-width
 * match at the start never yields a leading empty string, and no match returns the input.
 */
export function javaSplit(p: JavaPattern, input: string): string[] {
  if (input.length === 0) return [''];
  const re = new RegExp(p.js, `${p.flags.replace('m', '')}g`);
  const parts: string[] = [];
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    const end = m.index + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      if (m.index === 0 || m.index >= input.length) continue;
    }
    parts.push(input.slice(start, m.index));
    start = end;
  }
  if (start === 0 && parts.length === 0) return [input];
  parts.push(input.slice(start));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
