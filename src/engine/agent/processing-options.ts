/**
 * Reads one `dataProcessingOptions` entry into a ProcessingOption, with the agent's start-up
 * checks: LOGTOJSON needs a logFormat; matchPattern needs customFieldNames; customFieldNames
 * without matchPattern must rename every predefined field; CSVTOJSON needs customFieldNames.
 * Option names and keys: Firehose developer guide, "Use the agent to pre-process data"
 * (docs.aws.amazon.com/firehose/latest/dev/data-processing.html).
 */
import { ConfigReader, isObject } from './config-reader';
import type { ConfigDiagnostic, JsonFormat, ProcessingOption } from './config-types';
import { compileJavaRegex } from './java-regex';
import type { JsonValue } from './jackson-json';
import { LOG_FORMAT_DEFS, LOG_FORMATS } from './log-formats';

export const OPTION_NAMES = ['SINGLELINE', 'CSVTOJSON', 'LOGTOJSON', 'ADDMETADATA', 'ADDEC2METADATA', 'ADDBRACKETS', 'USINGPLUGGIN'] as const;
const JSON_FORMATS: readonly JsonFormat[] = ['COMPACT', 'PRETTYPRINT'];
const SINGLELINE_PARSE_OPTIONS = ['NO_TRIM', 'ESCAPE_NEW_LINE'] as const;

export function readProcessingOption(raw: unknown, path: string, diagnostics: ConfigDiagnostic[]): ProcessingOption | undefined {
  if (!isObject(raw)) {
    diagnostics.push({ path, message: 'each dataProcessingOptions entry must be an object like {"optionName": "SINGLELINE"}', severity: 'error' });
    return undefined;
  }
  const r = new ConfigReader(raw, path, diagnostics);
  const name = r.enumOf('optionName', OPTION_NAMES);
  if (name === undefined) return undefined;
  switch (name) {
    case 'SINGLELINE': {
      r.unknownKeys(['optionName', 'parseOptions']);
      const po = raw.parseOptions;
      const list = po === undefined || po === null ? [] : Array.isArray(po) ? po : [po];
      for (const p of list) {
        if (!(SINGLELINE_PARSE_OPTIONS as readonly unknown[]).includes(p)) {
          r.error('parseOptions', `Value(${String(p)}) is not legally accepted by key: parseOptions. Legal values are [${SINGLELINE_PARSE_OPTIONS.join(', ')}]`);
        }
      }
      return { optionName: name, noTrim: list.includes('NO_TRIM'), escapeNewLine: list.includes('ESCAPE_NEW_LINE') };
    }
    case 'CSVTOJSON': {
      r.unknownKeys(['optionName', 'customFieldNames', 'delimiter', 'jsonFormat']);
      const customFieldNames = r.stringList('customFieldNames', true);
      const delimiter = r.string('delimiter') ?? ',';
      const d = compileJavaRegex(delimiter);
      if (!d.ok) r.warn('delimiter', `delimiter is a regular expression and ${d.message}: every record would fail conversion and be sent raw`);
      const jsonFormat = r.enumOf('jsonFormat', JSON_FORMATS, 'COMPACT');
      return customFieldNames ? { optionName: name, customFieldNames, delimiter, jsonFormat } : undefined;
    }
    case 'LOGTOJSON': {
      r.unknownKeys(['optionName', 'logFormat', 'matchPattern', 'customFieldNames', 'jsonFormat']);
      const logFormat = r.enumOf('logFormat', LOG_FORMATS);
      const customFieldNames = r.stringList('customFieldNames', false);
      const jsonFormat = r.enumOf('jsonFormat', JSON_FORMATS, 'COMPACT');
      const source = r.string('matchPattern');
      if (logFormat === undefined) return undefined;
      if (source !== undefined) {
        const compiled = compileJavaRegex(source);
        if (!compiled.ok) {
          r.error('matchPattern', `matchPattern: ${compiled.message}`);
          return undefined;
        }
        if (!customFieldNames) {
          r.error('matchPattern', 'matchPattern must be specified together with customFieldNames (one name per capture group)');
          return undefined;
        }
        if (customFieldNames.length !== compiled.pattern.groupCount) {
          r.warn('customFieldNames', `matchPattern has ${compiled.pattern.groupCount} capture groups but ${customFieldNames.length} customFieldNames: the agent skips every line`);
        }
        return { optionName: name, logFormat, matchPattern: compiled.pattern, customFieldNames, jsonFormat };
      }
      const expected = LOG_FORMAT_DEFS[logFormat].fields.length;
      if (customFieldNames && customFieldNames.length !== expected) {
        r.error('customFieldNames', `Invalid custom field names for the selected log format: ${logFormat} has ${expected} fields (${LOG_FORMAT_DEFS[logFormat].fields.join(', ')}), got ${customFieldNames.length}. Please modify the field names or specify the matchPattern`);
        return undefined;
      }
      return { optionName: name, logFormat, customFieldNames, jsonFormat };
    }
    case 'ADDMETADATA': {
      r.unknownKeys(['optionName', 'metadata', 'timestamp', 'jsonFormat']);
      const ts = raw.timestamp;
      if (ts !== undefined && ts !== 'true' && ts !== 'false' && typeof ts !== 'boolean') {
        r.error('timestamp', `timestamp must be "true" or "false", got ${JSON.stringify(ts)}`);
      }
      const jsonFormat = r.enumOf('jsonFormat', JSON_FORMATS, 'COMPACT');
      return { optionName: name, metadata: (raw.metadata ?? null) as JsonValue, timestamp: ts === 'true' || ts === true, jsonFormat };
    }
    case 'ADDBRACKETS':
      r.unknownKeys(['optionName']);
      return { optionName: name };
    case 'ADDEC2METADATA':
      r.unknownKeys(['optionName', 'logFormat', 'metadataTTL']);
      r.warn('optionName', 'ADDEC2METADATA reads the EC2 instance metadata service; off EC2 (as here) metadata is unavailable and records pass unchanged');
      return { optionName: name };
    case 'USINGPLUGGIN':
      r.error('optionName', 'USINGPLUGGIN loads a Java class (className) into the agent; a class cannot be loaded here');
      return undefined;
  }
}
