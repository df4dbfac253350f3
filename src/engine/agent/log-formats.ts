/**
 * The agent's predefined LOGTOJSON formats: the regular expression each `logFormat` applies
 * to a whole line and the JSON field names in capture-group order. The grammar follows the
 * grok-style building blocks the agent uses (hosts, users, HTTP dates, syslog timestamps); a
 * line must match from its first to its last character.
 * Source: Firehose developer guide, "Use the agent to pre-process data"
 * (docs.aws.amazon.com/firehose/latest/dev/data-processing.html) for the field names and
 * examples; the exact grammar from awslabs/amazon-kinesis-agent (spec kinesis-agent.md §6).
 */
import { mustCompile, type JavaPattern } from './java-regex';

export const LOG_FORMATS = ['COMMONAPACHELOG', 'COMBINEDAPACHELOG', 'APACHEERRORLOG', 'SYSLOG', 'RFC3339SYSLOG'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const int = '(?:[+-]?(?:[0-9]+))';
const posInt = '(?:[1-9][0-9]*)';
const nonNegInt = '(?:[0-9]+)';
const ip = '(?:[\\d\\.]+)';
const hostname = '(?:[\\w\\-]+)(?:\\.(?:[\\w\\-]+))*(?:\\.?|\\b)';
const ipOrHost = `(?:${hostname}|${ip})`;
const uriHost = `(?:${ipOrHost}(?::${posInt})?)`;
const user = '(?:[a-zA-Z0-9._-]+)';
const monthDay = '(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])';
const weekDay = '(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)';
const month = '\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b';
const year = '(?:[1-9]\\d*)';
const time = '(?:(?:2[0123]|[01]?[0-9]):(?:[0-5][0-9]):(?:(?:[0-5]?[0-9]|60)(?:[:\\.,][0-9]+)?))';
const httpDate = `(?:${monthDay}/${month}/${year}:${time}\\s${int})`;
const errorLogTime = `(?:${weekDay}\\s+${month}\\s+${monthDay}\\s+${time}\\s+${year})`;
const syslogTime = `(?:${month}\\s+${monthDay}\\s+${time})`;
const rfc3339 = '(?:\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)(?:Z|(?:[-+]\\d{2}:\\d{2}))';
const facility = `<${nonNegInt}.${nonNegInt}>`;
const program = `([\\w\\._/%-]+)(?:\\[(${posInt})\\])?`;
const noQuote = '[^"]+';

const common = `^(${ipOrHost}) (${user}) (${user}) \\[(${httpDate})\\] "(${noQuote})" (${int}|\\-) (${int}|\\-)`;
const combined = `${common} "(${noQuote})" "(${noQuote})"`;
const syslogTail = ` (?:${facility} )?(${user}) ${program}: (.*)`;

export interface LogFormatDef {
  readonly pattern: JavaPattern;
  readonly fields: readonly string[];
  /** Apache formats turn a field written as "-" into null; syslog formats keep it. */
  readonly dashIsNull: boolean;
}

const COMMON_FIELDS = ['host', 'ident', 'authuser', 'datetime', 'request', 'response', 'bytes'];
const SYSLOG_FIELDS = ['timestamp', 'hostname', 'program', 'processid', 'message'];

export const LOG_FORMAT_DEFS: Readonly<Record<LogFormat, LogFormatDef>> = {
  // Apache access formats accept anything after the last field (".*"), e.g. extra columns.
  COMMONAPACHELOG: { pattern: mustCompile(`${common}.*`), fields: COMMON_FIELDS, dashIsNull: true },
  COMBINEDAPACHELOG: { pattern: mustCompile(`${combined}.*`), fields: [...COMMON_FIELDS, 'referer', 'agent'], dashIsNull: true },
  APACHEERRORLOG: {
    pattern: mustCompile(`^\\[(${errorLogTime})\\] \\[(?:(\\w+):)?(\\w+)\\] \\[pid (${nonNegInt})(?::tid (${nonNegInt}))?\\] \\[client (${uriHost})\\] (.*)`),
    fields: ['timestamp', 'module', 'severity', 'processid', 'threadid', 'client', 'message'],
    dashIsNull: true,
  },
  SYSLOG: { pattern: mustCompile(`^(${syslogTime})${syslogTail}`), fields: SYSLOG_FIELDS, dashIsNull: false },
  RFC3339SYSLOG: { pattern: mustCompile(`^(${rfc3339})${syslogTail}`), fields: SYSLOG_FIELDS, dashIsNull: false },
};

export function isApacheFormat(f: LogFormat): boolean {
  return f === 'COMMONAPACHELOG' || f === 'COMBINEDAPACHELOG' || f === 'APACHEERRORLOG';
}
