/**
 * W3C_LOG_PARSE (Apache/W3C access-log lines, predefined or custom `%` formats) and SYS_LOG_PARSE
 * (RFC 3164 `Mon DD HH:MM:SS rest` lines). Owns the format compiler, the per-specifier column types
 * and the conversion of matched fields; functions.ts only wires them in.
 *
 * Column types follow the KDA reference's rule "chosen from the possible outputs of the specifier":
 * `%b` numeric (BIGINT; the CLF dash for zero bytes reads as NULL), `%B` text (as the reference's
 * prose states), status codes INTEGER, sizes/durations/ports/pids BIGINT, `%t` TIMESTAMP (the zone
 * offset is read and ignored, like every other pattern in this engine: wall clock as written), the
 * rest VARCHAR (a `-` stays text). Columns are named COLUMN1…N, one per specifier.
 * **[sim]** a line that does not match its format yields NULL, like REGEX_LOG_PARSE.
 */
import { parseWithPattern } from './date-format';
import type { SqlType, Value } from './types';
import { T } from './types';
import { SqlRuntimeError } from './values';

export interface W3cFormat {
  readonly columnTypes: readonly SqlType[];
  readonly regex: RegExp;
  readonly converters: readonly ((text: string) => Value)[];
}

/** Predefined format names → Apache specifiers (KDA reference table; IIS is the comma-separated IIS 5 layout). */
const PREDEFINED: Readonly<Record<string, string>> = {
  COMMON: '%h %l %u %t "%r" %>s %b',
  'COMMON WITH VHOST': '%v %h %l %u %t "%r" %>s %b',
  'NCSA EXTENDED': '%h %l %u %t "%r" %>s %b "%[Referer]i" "%[User-agent]i"',
  REFERER: '%[Referer]i ---> %U',
  AGENT: '%[User-agent]i',
  IIS: '%h, %u, %[MM/dd/yy]t, %[HH:mm:ss]t, %[service]e, %v, %A, %D, %I, %O, %>s, %[win32]e, %m, %U, %q,',
};

const CLF_TIME_PATTERN = 'dd/MMM/yyyy:HH:mm:ss Z';
const BIGINT_SPECIFIERS = new Set(['b', 'D', 'I', 'O', 'p', 'P', 'T', 'k']);

interface Spec {
  readonly letter: string;
  readonly argument: string | null;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal between specifiers: runs of whitespace match any run of whitespace. */
function literalRegex(text: string): string {
  return text.split(/(\s+)/).map((part) => (/^\s+$/.test(part) ? '\\s+' : escapeRegex(part))).join('');
}

function specType(spec: Spec): SqlType {
  if (spec.letter === 's') return T.INTEGER;
  if (spec.letter === 't') return T.TIMESTAMP;
  if (BIGINT_SPECIFIERS.has(spec.letter)) return T.BIGINT;
  return T.VARCHAR;
}

function converter(spec: Spec): (text: string) => Value {
  const type = specType(spec);
  if (type.kind === 'VARCHAR') return (text) => text;
  if (type.kind === 'TIMESTAMP') {
    const pattern = spec.argument ?? CLF_TIME_PATTERN;
    return (text) => (text === '-' || text === '' ? null : parseWithPattern(pattern, text));
  }
  return (text) => {
    if (text === '-' || text === '') return null;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new SqlRuntimeError('Parse error', `W3C_LOG_PARSE: '${text}' is not a number for %${spec.letter}`);
    return Math.trunc(n);
  };
}

/** Compiles a predefined name or a custom Apache format; returns an error message when malformed. */
export function compileW3cFormat(format: string): W3cFormat | string {
  const text = PREDEFINED[format.trim().toUpperCase().replace(/\s+/g, ' ')] ?? format;
  const literals: string[] = [''];
  const specs: Spec[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '%') {
      literals[literals.length - 1] += ch;
      continue;
    }
    if (text[i + 1] === '%') {
      literals[literals.length - 1] += '%';
      i++;
      continue;
    }
    // %[modifiers][{arg}|[arg]]letter — modifiers (<, >, !, status lists) do not change the field.
    const m = /^%[<>!\d,]*(?:\{([^}]*)\}|\[([^\]]*)\])?([a-zA-Z])/.exec(text.slice(i));
    if (!m) return `W3C_LOG_PARSE: cannot read the format specifier at '${text.slice(i, i + 12)}' in '${text}'`;
    specs.push({ letter: m[3], argument: m[1] ?? m[2] ?? null });
    literals.push('');
    i += m[0].length - 1;
  }
  if (specs.length === 0) return `W3C_LOG_PARSE: the format '${format}' has no % specifiers (predefined: ${Object.keys(PREDEFINED).join(', ')})`;
  let source = '^' + literalRegex(literals[0]);
  specs.forEach((spec, k) => {
    const before = literals[k];
    const after = literals[k + 1];
    const quoted = before.endsWith('"') && after.startsWith('"');
    if (spec.letter === 't' && spec.argument === null && !quoted) source += '\\[([^\\]]*)\\]';
    else if (quoted) source += '((?:[^"\\\\]|\\\\.)*)';
    else if (after === '' || /^\s/.test(after)) source += '(\\S*)';
    else source += '(.*?)';
    source += literalRegex(after);
  });
  return { columnTypes: specs.map(specType), regex: new RegExp(source + '\\s*$'), converters: specs.map(converter) };
}

const compiled = new Map<string, W3cFormat | string>();

/** Compiled format for a (usually literal) format string; bounded memo so per-row calls stay cheap. */
export function w3cFormatOf(format: string): W3cFormat | string {
  let f = compiled.get(format);
  if (f === undefined) {
    if (compiled.size >= 64) compiled.clear();
    f = compileW3cFormat(format);
    compiled.set(format, f);
  }
  return f;
}

export function w3cParse(line: string, format: W3cFormat): Value[] | null {
  const m = format.regex.exec(line);
  if (!m) return null;
  return format.converters.map((convert, i) => convert(m[i + 1] ?? ''));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SYSLOG_LINE = /^(?:<\d{1,3}>)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s?(.*)$/s;

/**
 * RFC 3164 lines carry no year: **[sim]** the year is taken from `yearFromMs` (the row's processing
 * time). Output: COLUMN1 TIMESTAMP, COLUMN2 VARCHAR (everything after the timestamp). NULL when the
 * line does not start with a syslog timestamp.
 */
export function sysLogParse(line: string, yearFromMs: number): Value[] | null {
  const m = SYSLOG_LINE.exec(line);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1].toLowerCase());
  if (month < 0) return null;
  const year = new Date(yearFromMs).getUTCFullYear();
  return [Date.UTC(year, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])), m[6]];
}

export const SYS_LOG_ROW: SqlType = { kind: 'ROW', fields: [{ name: 'COLUMN1', type: T.TIMESTAMP }, { name: 'COLUMN2', type: T.VARCHAR }] };

export function w3cRowType(format: string | null): SqlType {
  const f = format === null ? null : w3cFormatOf(format);
  const types = f && typeof f !== 'string' ? f.columnTypes : [];
  return { kind: 'ROW', fields: types.map((type, i) => ({ name: `COLUMN${i + 1}`, type })) };
}
