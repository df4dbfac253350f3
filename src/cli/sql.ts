/**
 * `npm run sql -- --sql app.sql --input records.jsonl --schema input.json [--reference ref.json]
 *  [--errors] [--stream NAME] [--keys sql|written] [--rowtime] [--explain] [--discover]`
 *
 * Runs a Kinesis Data Analytics SQL (or Flink SQL) application over a finite record file and prints
 * every row of DESTINATION_SQL_STREAM (or --stream) as one JSON object per line, keys = the column
 * names as declared in its CREATE STREAM (`--keys sql` prints the folded SQL names instead). Diagnostics go to
 * stderr as `file:line:col: message` with a caret line and exit code 1; `--errors` prints the error
 * stream to stderr. `--rowtime` puts each row's ROWTIME (`yyyy-MM-dd HH:mm:ss.SSS`, UTC) first in every
 * object, as the in-application stream view shows it. Raw records get ROWTIME = 2026-01-01 00:00:00.000 UTC + line index ms.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDiagnostic, hasErrors } from '../engine/analytics/diagnostics';
import { discoverSchema } from '../engine/analytics/input-schema';
import { explainPlan } from '../engine/analytics/plan';
import type { KdaInputDocument, KdaReferenceDocument } from '../engine/analytics/replay';
import { parseRecordLine, replay } from '../engine/analytics/replay';
import { formatTimestamp } from '../engine/analytics/values';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run sql -- --sql app.sql --input records.jsonl [--schema input.json] [--reference ref.json] [--errors] [--stream NAME] [--keys sql|written] [--rowtime] [--explain] [--discover]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Map<string, string[]> {
  const args = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) usage(`unexpected argument '${a}'`);
    const [key, inline] = a.slice(2).split('=', 2);
    const flag = ['errors', 'explain', 'discover', 'rowtime'].includes(key);
    const value = inline ?? (flag ? 'true' : argv[++i]);
    if (value === undefined) usage(`--${key} needs a value`);
    args.set(key, [...(args.get(key) ?? []), value]);
  }
  return args;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(resolve(process.cwd(), path), 'utf8');
  } catch (e) {
    usage(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
}

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readText(path, what)) as T;
  } catch (e) {
    usage(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function inputDocument(doc: Record<string, unknown>): KdaInputDocument {
  const inputs = doc.Inputs as KdaInputDocument[] | undefined;
  const one = inputs?.[0] ?? (doc.Input as KdaInputDocument | undefined) ?? (doc as unknown as KdaInputDocument);
  if (!one.InputSchema) usage('the --schema document needs InputSchema {RecordFormat, RecordColumns}');
  return one;
}

function referenceDocument(doc: Record<string, unknown>, path: string): KdaReferenceDocument {
  const d = (doc.ReferenceDataSource as Record<string, unknown> | undefined) ?? doc;
  const local = (d.LocalFile ?? doc.LocalFile) as string | undefined;
  if (typeof d.TableName !== 'string' || !d.ReferenceSchema) usage(`reference ${path} needs TableName and ReferenceSchema`);
  if (typeof local !== 'string') usage(`reference ${path} needs "LocalFile": the object's body on disk`);
  return { TableName: d.TableName as string, ReferenceSchema: d.ReferenceSchema as KdaReferenceDocument['ReferenceSchema'], body: readText(local, 'reference data') };
}

const args = parseArgs(process.argv.slice(2));
const records = args.get('input')?.[0] ? readText(args.get('input')![0], 'records').split('\n') : [];

if (args.has('discover')) {
  const samples = records.filter((l) => l.trim()).slice(0, 100).map((l) => parseRecordLine(l, false).data);
  process.stdout.write(JSON.stringify({ InputSchema: discoverSchema(samples) }, null, 2) + '\n');
  process.exit(0);
}

const sqlPath = args.get('sql')?.[0] ?? usage('--sql is required');
const sql = readText(sqlPath, 'SQL file');
const input = args.get('schema')?.[0] ? inputDocument(readJson(args.get('schema')![0], 'input schema')) : undefined;
const references = (args.get('reference') ?? []).map((p) => referenceDocument(readJson(p, 'reference'), p));
const keys = args.get('keys')?.[0] === 'sql' ? 'sql' : 'written';

const result = replay({ sql, input, references, records, stream: args.get('stream')?.[0], keys, rowtime: args.has('rowtime') });
for (const d of result.diagnostics) process.stderr.write(`${sqlPath}:${formatDiagnostic(sql, d)}\n`);
if (!result.ok || hasErrors(result.diagnostics)) process.exit(1);
if (args.has('explain') && result.app) process.stderr.write(explainPlan(result.app.plan) + '\n');
if (!result.stream) process.stderr.write('warning: no DESTINATION_SQL_STREAM (or --stream) to print\n');
process.stdout.write(result.lines.map((l) => l + '\n').join(''));
if (args.has('errors')) {
  for (const e of result.errors) process.stderr.write(JSON.stringify({ ERROR_TIME: formatTimestamp(e.errorTimeMs), ERROR_LEVEL: e.errorLevel, ERROR_NAME: e.errorName, MESSAGE: e.message, DATA_ROWTIME: formatTimestamp(e.dataRowtimeMs), DATA_ROW: e.dataRow }) + '\n');
}
