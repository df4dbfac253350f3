/**
 * Scalar function library (KDA SQL reference + the Flink names the mapping table mentions).
 * Each entry gives its arity, its result type from the argument types, and its evaluation over
 * already-evaluated arguments. Null-propagating unless `nullSafe`.
 */
import type { FuncCall } from './ast';
import { formatWithPattern, parseWithPattern } from './date-format';
import type { LogColumn } from './log-parse';
import { countColumns, fixedColumnParse, parseLogColumns, variableColumnParse } from './log-parse';
import type { SqlType, Value } from './types';
import { isInteger, isInterval, isNumeric, numericResult, T, UNIT_MS } from './types';
import { castValue, ceilTimestamp, floorTimestamp, SqlRuntimeError } from './values';
import { SqlBindError } from './diagnostics';
import { SYS_LOG_ROW, sysLogParse, w3cFormatOf, w3cParse, w3cRowType } from './w3c-log-parse';

export interface EvalContext {
  /** Processing time of the row being evaluated (CURRENT_ROW_TIMESTAMP). */
  nowMs: number;
  /** Fixed at application start (CURRENT_TIMESTAMP and friends). */
  queryStartMs: number;
}

export interface ScalarFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly nullSafe?: boolean;
  returns(argTypes: readonly SqlType[], call: FuncCall): SqlType;
  evaluate(args: Value[], argTypes: readonly SqlType[], call: FuncCall, ctx: EvalContext): Value;
}

const str = (v: Value) => v as string;
const num = (v: Value) => v as number;
const fixed = (t: SqlType) => () => t;
const sameAsFirst = (types: readonly SqlType[]) => (isNumeric(types[0]) ? types[0] : T.DOUBLE);

function fn(minArgs: number, maxArgs: number, returns: ScalarFunction['returns'], evaluate: ScalarFunction['evaluate'], nullSafe = false): ScalarFunction {
  return { minArgs, maxArgs, returns, evaluate, nullSafe };
}

function trimChars(s: string, chars: string, spec: 'BOTH' | 'LEADING' | 'TRAILING'): string {
  let start = 0;
  let end = s.length;
  if (spec !== 'TRAILING') while (start < end && chars.includes(s[start])) start++;
  if (spec !== 'LEADING') while (end > start && chars.includes(s[end - 1])) end--;
  return s.slice(start, end);
}

function substring(s: string, from: number, length?: number): string {
  // SQL semantics: positions are 1-based; a start before 1 eats into the length.
  const startIndex = from - 1;
  const endIndex = length === undefined ? s.length : startIndex + length;
  if (length !== undefined && length < 0) throw new SqlRuntimeError('Substring error', 'SUBSTRING length must not be negative');
  return s.slice(Math.max(0, startIndex), Math.max(0, endIndex));
}

function javaRegex(pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern.replace(/\(\?<([a-zA-Z][a-zA-Z0-9]*)>/g, '(?<$1>'), flags);
  } catch {
    throw new SqlRuntimeError('Regex error', `invalid regular expression '${pattern}'`);
  }
}

function regexReplace(s: string, pattern: string, repl: string, startPos: number, occurrence: number): string {
  const re = javaRegex(pattern, 'g');
  const head = s.slice(0, Math.max(0, startPos - 1));
  const tail = s.slice(Math.max(0, startPos - 1));
  const jsRepl = repl.replace(/\$(\d)/g, '$$$1');
  let seen = 0;
  return head + tail.replace(re, (...m) => {
    seen++;
    if (occurrence !== 0 && seen !== occurrence) return m[0] as string;
    return (m[0] as string).replace(javaRegex(pattern), jsRepl);
  });
}

function regexGroupCount(pattern: string): number {
  try {
    return (new RegExp(pattern + '|').exec('') as RegExpExecArray).length - 1;
  } catch {
    return 0;
  }
}

function rowType(count: number): SqlType {
  return { kind: 'ROW', fields: Array.from({ length: count }, (_, i) => ({ name: `COLUMN${i + 1}`, type: T.VARCHAR })) };
}

function logColumnsOf(spec: Value): LogColumn[] {
  if (typeof spec === 'number') return countColumns(spec);
  const cols = parseLogColumns(String(spec));
  if (typeof cols === 'string') throw new SqlRuntimeError('Parse error', cols);
  return cols;
}

/** Result ROW type, known at bind time when the column description is a literal. */
function logRowType(call: FuncCall): SqlType {
  const spec = call.args[1];
  if (spec?.type === 'literal' && spec.kind === 'number') return rowType(Number(spec.value));
  if (spec?.type === 'literal' && spec.kind === 'string') {
    const cols = parseLogColumns(spec.value as string);
    if (typeof cols !== 'string') return { kind: 'ROW', fields: cols.map((c) => ({ name: c.name, type: c.type })) };
  }
  return rowType(0);
}

function literalArg(call: FuncCall, index: number): string | null {
  const a = call.args[index];
  return a && a.type === 'literal' && a.kind === 'string' ? (a.value as string) : null;
}

function extract(ms: number, unit: string, type: SqlType): number {
  if (type.kind === 'TIME') ms = ms % 86_400_000;
  const d = new Date(ms);
  switch (unit) {
    case 'YEAR': return d.getUTCFullYear();
    case 'QUARTER': return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'MONTH': return d.getUTCMonth() + 1;
    case 'WEEK': {
      const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const dayNr = (target.getUTCDay() + 6) % 7;
      target.setUTCDate(target.getUTCDate() - dayNr + 3);
      const firstThursday = Date.UTC(target.getUTCFullYear(), 0, 4);
      return 1 + Math.round((target.getTime() - firstThursday) / 604_800_000 - 3 / 7 + ((new Date(firstThursday).getUTCDay() + 6) % 7) / 7);
    }
    case 'DAY': return d.getUTCDate();
    case 'HOUR': return d.getUTCHours();
    case 'MINUTE': return d.getUTCMinutes();
    case 'SECOND': return d.getUTCSeconds();
    case 'MILLISECOND': return d.getUTCMilliseconds();
    default: throw new SqlRuntimeError('Extract error', `cannot EXTRACT ${unit}`);
  }
}

const timeOrNumber = (types: readonly SqlType[]) => (types[0].kind === 'TIMESTAMP' || types[0].kind === 'DATE' ? types[0] : sameAsFirst(types));

export const SCALAR_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  CHAR_LENGTH: fn(1, 1, fixed(T.INTEGER), (a) => str(a[0]).length),
  CHARACTER_LENGTH: fn(1, 1, fixed(T.INTEGER), (a) => str(a[0]).length),
  UPPER: fn(1, 1, (t) => t[0], (a) => str(a[0]).toUpperCase()),
  LOWER: fn(1, 1, (t) => t[0], (a) => str(a[0]).toLowerCase()),
  INITCAP: fn(1, 1, (t) => t[0], (a) => str(a[0]).toLowerCase().replace(/(^|[^a-zA-Z0-9])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())),
  SUBSTRING: fn(2, 3, (t) => ({ kind: 'VARCHAR', length: t[0].length }), (a) => substring(str(a[0]), num(a[1]), a.length > 2 ? num(a[2]) : undefined)),
  POSITION: fn(2, 2, fixed(T.INTEGER), (a) => str(a[1]).indexOf(str(a[0])) + 1),
  TRIM: fn(1, 2, (t) => ({ kind: 'VARCHAR', length: t[0].length }), (a, _t, call) => trimChars(str(a[0]), a.length > 1 ? str(a[1]) : ' ', call.trimSpec ?? 'BOTH')),
  LTRIM: fn(1, 1, (t) => t[0], (a) => trimChars(str(a[0]), ' ', 'LEADING')),
  RTRIM: fn(1, 1, (t) => t[0], (a) => trimChars(str(a[0]), ' ', 'TRAILING')),
  OVERLAY: fn(3, 4, fixed(T.VARCHAR), (a) => {
    const s = str(a[0]);
    const x = str(a[1]);
    const from = num(a[2]);
    const length = a.length > 3 ? num(a[3]) : x.length;
    return s.slice(0, from - 1) + x + s.slice(from - 1 + length);
  }),
  REGEX_REPLACE: fn(3, 5, fixed(T.VARCHAR), (a) => regexReplace(str(a[0]), str(a[1]), str(a[2]), a.length > 3 ? num(a[3]) : 1, a.length > 4 ? num(a[4]) : 0)),
  REPLACE: fn(3, 3, fixed(T.VARCHAR), (a) => str(a[0]).split(str(a[1])).join(str(a[2]))),
  CONCAT: fn(1, 99, fixed(T.VARCHAR), (a) => a.map((v) => String(v)).join('')),
  LPAD: fn(3, 3, fixed(T.VARCHAR), (a) => str(a[0]).padStart(num(a[1]), str(a[2])).slice(0, num(a[1]))),
  RPAD: fn(3, 3, fixed(T.VARCHAR), (a) => str(a[0]).padEnd(num(a[1]), str(a[2])).slice(0, num(a[1]))),
  ABS: fn(1, 1, sameAsFirst, (a) => Math.abs(num(a[0]))),
  CEIL: fn(1, 1, timeOrNumber, (a, _t, call) => (call.unit ? ceilTimestamp(num(a[0]), call.unit) : Math.ceil(num(a[0])))),
  FLOOR: fn(1, 1, timeOrNumber, (a, _t, call) => (call.unit ? floorTimestamp(num(a[0]), call.unit) : Math.floor(num(a[0])))),
  EXP: fn(1, 1, fixed(T.DOUBLE), (a) => Math.exp(num(a[0]))),
  LN: fn(1, 1, fixed(T.DOUBLE), (a) => {
    if (num(a[0]) <= 0) throw new SqlRuntimeError('Invalid argument', `LN of a non-positive number (${num(a[0])})`);
    return Math.log(num(a[0]));
  }),
  LOG10: fn(1, 1, fixed(T.DOUBLE), (a) => {
    if (num(a[0]) <= 0) throw new SqlRuntimeError('Invalid argument', `LOG10 of a non-positive number (${num(a[0])})`);
    return Math.log10(num(a[0]));
  }),
  SQRT: fn(1, 1, fixed(T.DOUBLE), (a) => Math.sqrt(num(a[0]))),
  POWER: fn(2, 2, fixed(T.DOUBLE), (a) => num(a[0]) ** num(a[1])),
  MOD: fn(2, 2, (t) => (isInteger(t[0]) && isInteger(t[1]) ? t[1] : numericResult(t[0], t[1], '%')), (a) => {
    if (num(a[1]) === 0) throw new SqlRuntimeError('Divide by zero', 'MOD by zero');
    return num(a[0]) % num(a[1]);
  }),
  ROUND: fn(1, 2, sameAsFirst, (a) => {
    const f = 10 ** (a.length > 1 ? num(a[1]) : 0);
    return (Math.sign(num(a[0])) * Math.round(Math.abs(num(a[0])) * f)) / f;
  }),
  SIGN: fn(1, 1, sameAsFirst, (a) => Math.sign(num(a[0]))),
  STEP: fn(2, 2, (t) => t[0], (a, t) => {
    const width = t[1].kind === 'INTERVAL_YEAR_MONTH' ? NaN : num(a[1]);
    if (!(width > 0)) throw new SqlRuntimeError('Invalid argument', 'STEP width must be a positive number or day-time interval');
    return Math.floor(num(a[0]) / width) * width;
  }),
  EXTRACT: fn(1, 1, fixed(T.BIGINT), (a, t, call) => {
    if (isInterval(t[0])) return Math.trunc(num(a[0]) / UNIT_MS[call.unit ?? 'SECOND']);
    return extract(num(a[0]), call.unit ?? 'SECOND', t[0]);
  }),
  CURRENT_ROW_TIMESTAMP: fn(0, 0, fixed(T.TIMESTAMP), (_a, _t, _c, ctx) => ctx.nowMs),
  CURRENT_TIMESTAMP: fn(0, 0, fixed(T.TIMESTAMP), (_a, _t, _c, ctx) => ctx.queryStartMs),
  LOCALTIMESTAMP: fn(0, 0, fixed(T.TIMESTAMP), (_a, _t, _c, ctx) => ctx.queryStartMs),
  CURRENT_DATE: fn(0, 0, fixed(T.DATE), (_a, _t, _c, ctx) => floorTimestamp(ctx.queryStartMs, 'DAY')),
  CURRENT_TIME: fn(0, 0, fixed(T.TIME), (_a, _t, _c, ctx) => ctx.queryStartMs % 86_400_000),
  LOCALTIME: fn(0, 0, fixed(T.TIME), (_a, _t, _c, ctx) => ctx.queryStartMs % 86_400_000),
  TSDIFF: fn(2, 2, fixed(T.BIGINT), (a) => num(a[1]) - num(a[0])),
  UNIX_TIMESTAMP: fn(1, 1, fixed(T.BIGINT), (a, t) => (t[0].kind === 'VARCHAR' || t[0].kind === 'CHAR' ? (castValue(a[0], t[0], T.TIMESTAMP) as number) : num(a[0]))),
  TO_TIMESTAMP: fn(1, 2, fixed(T.TIMESTAMP), (a, t) => (a.length > 1 ? parseWithPattern(str(a[1]), str(a[0])) : castValue(a[0], t[0].kind === 'VARCHAR' || t[0].kind === 'CHAR' ? t[0] : T.BIGINT, T.TIMESTAMP))),
  CHAR_TO_TIMESTAMP: fn(2, 2, fixed(T.TIMESTAMP), (a) => parseWithPattern(str(a[0]), str(a[1]))),
  CHAR_TO_DATE: fn(2, 2, fixed(T.DATE), (a) => floorTimestamp(parseWithPattern(str(a[0]), str(a[1])), 'DAY')),
  CHAR_TO_TIME: fn(2, 2, fixed(T.TIME), (a) => parseWithPattern(str(a[0]), str(a[1])) % 86_400_000),
  TIMESTAMP_TO_CHAR: fn(2, 2, fixed(T.VARCHAR), (a) => formatWithPattern(str(a[0]), num(a[1]))),
  DATE_TO_CHAR: fn(2, 2, fixed(T.VARCHAR), (a) => formatWithPattern(str(a[0]), num(a[1]))),
  TIME_TO_CHAR: fn(2, 2, fixed(T.VARCHAR), (a) => formatWithPattern(str(a[0]), num(a[1]))),
  DATE_FORMAT: fn(2, 2, fixed(T.VARCHAR), (a) => formatWithPattern(str(a[1]), num(a[0]))),
  COALESCE: fn(1, 99, (t) => t.find((x) => x.kind !== 'NULL') ?? T.NULL, (a) => a.find((v) => v !== null) ?? null, true),
  NULLIF: fn(2, 2, (t) => t[0], (a) => (a[0] !== null && a[1] !== null && a[0] === a[1] ? null : a[0]), true),
  REGEX_LOG_PARSE: fn(2, 2, (_t, call) => rowType(regexGroupCount(literalArg(call, 1) ?? '')), (a) => {
    const m = javaRegex(str(a[1])).exec(str(a[0]));
    if (!m || m[0].length !== str(a[0]).length) return null;
    return m.slice(1).map((g) => g ?? null);
  }),
  FAST_REGEX_LOG_PARSER: fn(2, 2, (_t, call) => rowType(regexGroupCount(literalArg(call, 1) ?? '')), (a) => {
    // The fast parser matches a prefix lazily; like REGEX_LOG_PARSE it yields NULL when nothing matches.
    const m = javaRegex(str(a[1])).exec(str(a[0]));
    return m ? m.slice(1).map((g) => g ?? null) : null;
  }),
  VARIABLE_COLUMN_LOG_PARSE: fn(3, 5, (_t, call) => logRowType(call), (a) => {
    const cols = logColumnsOf(a[1]);
    return variableColumnParse(str(a[0]), cols, str(a[2]), a.length > 3 && a[3] !== null ? str(a[3]) : null, a.length > 4 && a[4] !== null ? str(a[4]) : null);
  }),
  FIXED_COLUMN_LOG_PARSE: fn(2, 2, (_t, call) => logRowType(call), (a) => fixedColumnParse(str(a[0]), logColumnsOf(a[1]))),
  W3C_LOG_PARSE: fn(2, 2, (_t, call) => {
    const format = literalArg(call, 1);
    const compiled = format === null ? null : w3cFormatOf(format);
    // A literal format that cannot be read is a bind error, not one error row per record.
    if (typeof compiled === 'string') throw new SqlBindError(compiled, call.args[1].range);
    return w3cRowType(format);
  }, (a) => {
    const format = w3cFormatOf(str(a[1]));
    if (typeof format === 'string') throw new SqlRuntimeError('Parse error', format);
    return w3cParse(str(a[0]), format);
  }),
  SYS_LOG_PARSE: fn(1, 1, () => SYS_LOG_ROW, (a, _t, _c, ctx) => sysLogParse(str(a[0]), ctx.nowMs)),
};

/** Aggregate names (GROUP BY / OVER / stagger). */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'FIRST_VALUE', 'LAST_VALUE', 'EXP_AVG', 'ANY', 'EVERY', 'SOME',
  'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'STDDEV', 'VARIANCE',
]);

export const TABLE_FUNCTIONS: readonly string[] = [
  'RANDOM_CUT_FOREST', 'RANDOM_CUT_FOREST_WITH_EXPLANATION', 'HOTSPOTS', 'TOP_K_ITEMS_TUMBLING',
  'COUNT_DISTINCT_ITEMS_TUMBLING', 'TUMBLE', 'HOP', 'CUMULATE', 'SESSION',
];

/** Every callable name, for editor completion. */
export const FUNCTION_NAMES: readonly string[] = [
  ...Object.keys(SCALAR_FUNCTIONS), ...AGGREGATE_FUNCTIONS, ...TABLE_FUNCTIONS, 'CAST', 'CASE',
].sort();
