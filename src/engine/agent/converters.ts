/**
 * The agent's data converters, applied in list order to each record's UTF-8 text. Each one
 * returns the new text, `null` when it drops the record (LOGTOJSON on a line it cannot parse),
 * or throws ConversionError — then the agent sends the *raw* record and counts a processing
 * error (spec kinesis-agent.md §6). Rules per option: Firehose developer guide, "Use the agent
 * to pre-process data" (docs.aws.amazon.com/firehose/latest/dev/data-processing.html).
 */
import type { ProcessingOption } from './config-types';
import { jacksonCompact, jacksonPretty, type JsonValue } from './jackson-json';
import { compileJavaRegex, javaSplit, matchWhole } from './java-regex';
import { isApacheFormat, LOG_FORMAT_DEFS } from './log-formats';

export class ConversionError extends Error {}

export interface ConversionContext {
  /** Epoch ms used by ADDMETADATA's "ts". */
  readonly nowMs: number;
}

export type ConversionOutcome =
  | { readonly kind: 'converted'; readonly text: string }
  | { readonly kind: 'skipped'; readonly by: string }
  | { readonly kind: 'failed'; readonly by: string; readonly reason: string };

/** Java's String.trim(): strips every char ≤ U+0020 at both ends (not Unicode spaces). */
export function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return s.slice(a, b);
}

function stripNewline(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

function print(map: Record<string, JsonValue>, format: 'COMPACT' | 'PRETTYPRINT'): string {
  return `${format === 'PRETTYPRINT' ? jacksonPretty(map) : jacksonCompact(map)}\n`;
}

const NEWLINE_PATTERN = (() => {
  const c = compileJavaRegex('\n');
  if (!c.ok) throw new Error('unreachable');
  return c.pattern;
})();

function convertOne(option: ProcessingOption, text: string, ctx: ConversionContext): string | null {
  switch (option.optionName) {
    case 'SINGLELINE': {
      const lines = javaSplit(NEWLINE_PATTERN, text).map((l) => (option.noTrim ? l : javaTrim(l)));
      return `${lines.join(option.escapeNewLine ? '\\n' : '')}\n`;
    }
    case 'CSVTOJSON': {
      const delimiter = compileJavaRegex(option.delimiter);
      if (!delimiter.ok) throw new ConversionError(`delimiter ${JSON.stringify(option.delimiter)}: ${delimiter.message}`);
      const columns = javaSplit(delimiter.pattern, stripNewline(text));
      const map: Record<string, JsonValue> = {};
      option.customFieldNames.forEach((name, i) => {
        map[name] = i < columns.length ? columns[i] : null;
      });
      return print(map, option.jsonFormat);
    }
    case 'LOGTOJSON': {
      const def = LOG_FORMAT_DEFS[option.logFormat];
      const pattern = option.matchPattern ?? def.pattern;
      const fields = option.customFieldNames ?? def.fields;
      const groups = matchWhole(pattern, stripNewline(text));
      if (!groups || groups.length - 1 !== fields.length) return null;
      const map: Record<string, JsonValue> = {};
      fields.forEach((name, i) => {
        const v = groups[i + 1];
        map[name] = v === undefined || (isApacheFormat(option.logFormat) && v === '-') ? null : v;
      });
      return print(map, option.jsonFormat);
    }
    case 'ADDMETADATA': {
      const map: Record<string, JsonValue> = {};
      if (option.timestamp) map.ts = new Date(ctx.nowMs).toISOString();
      map.metadata = option.metadata;
      map.data = stripNewline(text);
      return print(map, option.jsonFormat);
    }
    case 'ADDBRACKETS':
      return `{${text}}`;
    case 'ADDEC2METADATA':
      // No instance metadata service in reach: the agent passes the record unchanged.
      return text;
  }
}

/** Runs the chain; `text` is the raw record (with its trailing newline, as the agent passes it). */
export function convertRecord(options: readonly ProcessingOption[], text: string, ctx: ConversionContext): ConversionOutcome {
  let current = text;
  for (const option of options) {
    try {
      const next = convertOne(option, current, ctx);
      if (next === null) return { kind: 'skipped', by: option.optionName };
      current = next;
    } catch (e) {
      if (e instanceof ConversionError) return { kind: 'failed', by: option.optionName, reason: e.message };
      throw e;
    }
  }
  return { kind: 'converted', text: current };
}
