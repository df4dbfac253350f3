/**
 * The query the Analytics page opens on, written from the source stream's discovered schema so
 * that it binds and runs without an error on whatever the scenario's stream carries: a count per
 * 10-second tumbling window, per key (the text column with the fewest distinct sample values), with
 * the average of the first numeric column when there is one. Pure: schema and samples in, SQL out.
 * Before the stream holds records there is nothing to discover; the page shows `pendingStarter`.
 */
import type { InputSchema, RecordColumn } from '../../../engine/analytics/input-schema';

export interface StarterSql {
  readonly sql: string;
  /** The output column to chart first. */
  readonly chartColumn: string;
}

/** Words the generated comments use (the page passes them in its language). */
export interface StarterWords {
  /** "Records per {{key}} in 10-second tumbling windows, from the columns discovered in {{stream}}." */
  readonly perKey: (key: string, stream: string) => string;
  /** "Records in 10-second tumbling windows, from the columns discovered in {{stream}}." */
  readonly total: (stream: string) => string;
}

const isText = (c: RecordColumn) => /^(VARCHAR|CHAR)/i.test(c.SqlType);
const isNumber = (c: RecordColumn) => /^(TINYINT|SMALLINT|INT|INTEGER|BIGINT|DECIMAL|NUMERIC|REAL|FLOAT|DOUBLE)\b/i.test(c.SqlType);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Distinct values of a top-level field among the JSON samples (CSV: the n-th field). */
function distinct(samples: readonly string[], schema: InputSchema, column: RecordColumn): number {
  const index = schema.RecordColumns.indexOf(column);
  const seen = new Set<string>();
  for (const s of samples) {
    if (schema.RecordFormat.RecordFormatType === 'CSV') {
      seen.add(s.split('\n')[0]?.split(',')[index] ?? '');
      continue;
    }
    try {
      const doc = JSON.parse(s) as Record<string, unknown>;
      const key = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(column.Mapping ?? '')?.[1];
      seen.add(JSON.stringify(key ? doc[key] : undefined));
    } catch { /* not JSON: counted as nothing */ }
  }
  return seen.size;
}

/** The key to group by: a text column whose sample values repeat most (fewest distinct, above one). */
export function pickKeyColumn(schema: InputSchema, samples: readonly string[]): RecordColumn | null {
  const texts = schema.RecordColumns.filter(isText);
  if (texts.length === 0) return null;
  const scored = texts.map((c) => ({ c, n: samples.length ? distinct(samples, schema, c) : 2 }));
  const varied = scored.filter((x) => x.n > 1);
  const pool = varied.length ? varied : scored;
  return pool.reduce((best, x) => (x.n < best.n ? x : best)).c;
}

export function kdaStarter(schema: InputSchema, samples: readonly string[], stream: string, words: StarterWords, namePrefix = 'SOURCE_SQL_STREAM'): StarterSql {
  const key = pickKeyColumn(schema, samples);
  const measure = schema.RecordColumns.find(isNumber) ?? null;
  const source = quote(`${namePrefix}_001`);
  const columns = [
    ...(key ? [`${quote(key.Name)} ${key.SqlType}`] : []),
    '"n" BIGINT',
    ...(measure ? [`${quote(`avg_${measure.Name}`)} DOUBLE`] : []),
  ];
  const selected = [
    ...(key ? [`s.${quote(key.Name)}`] : []),
    'COUNT(*)',
    ...(measure ? [`AVG(CAST(s.${quote(measure.Name)} AS DOUBLE))`] : []),
  ];
  const groupBy = [...(key ? [`s.${quote(key.Name)}`] : []), "STEP(s.ROWTIME BY INTERVAL '10' SECOND)"];
  const sql = `-- ${key ? words.perKey(key.Name, stream) : words.total(stream)}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  ${columns.join(',\n  ')});

CREATE OR REPLACE PUMP "STARTER_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM ${selected.join(', ')}
    FROM ${source} AS s
    GROUP BY ${groupBy.join(', ')};
`;
  return { sql, chartColumn: 'n' };
}

/** Flink SQL identifiers, double-quoted: field names such as user or level are keywords elsewhere. */
const fq = (name: string) => quote(name);

/** Flink SQL types for the discovered SQL types (Flink's JSON format reads top-level fields by name). */
function flinkType(sqlType: string): string {
  const t = sqlType.toUpperCase();
  if (t.startsWith('VARCHAR') || t.startsWith('CHAR')) return 'STRING';
  if (t === 'INTEGER') return 'INT';
  if (t.startsWith('TIMESTAMP')) return 'TIMESTAMP(3)';
  return t;
}

export function flinkStarter(schema: InputSchema, samples: readonly string[], stream: string, words: StarterWords): StarterSql {
  // Only top-level JSON fields map to Flink columns by name; nested ones need a ROW type, left out here.
  const fields = schema.RecordFormat.RecordFormatType === 'JSON'
    ? schema.RecordColumns.filter((c) => c.Mapping === `$.${c.Name}` && /^[A-Za-z_][A-Za-z0-9_]*$/.test(c.Name))
    : [];
  const key = pickKeyColumn({ ...schema, RecordColumns: fields }, samples);
  const declared = fields.map((c) => `  ${fq(c.Name)} ${flinkType(c.SqlType)},`).join('\n');
  const sql = `-- ${key ? words.perKey(key.Name, stream) : words.total(stream)}
CREATE TABLE source_records (
${declared}${declared ? '\n' : ''}  proc AS PROCTIME()
) WITH (
  'connector' = 'kinesis',
  'stream' = '${stream.replace(/'/g, "''")}',
  'format' = 'json',
  'scan.stream.initpos' = 'LATEST'
);

CREATE TABLE counts (
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
${key ? `  ${fq(key.Name)} STRING,\n` : ''}  n            BIGINT
) WITH ('connector' = 'print');

INSERT INTO counts
SELECT window_start, window_end, ${key ? `${fq(key.Name)}, ` : ''}COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE source_records, DESCRIPTOR(proc), INTERVAL '10' SECOND))
GROUP BY window_start, window_end${key ? `, ${fq(key.Name)}` : ''};
`;
  return { sql, chartColumn: 'n' };
}

/** What the editor holds before the stream has records: a comment saying how the starter comes. */
export function pendingStarter(lines: readonly string[]): string {
  return `${lines.map((l) => `-- ${l}`).join('\n')}\n`;
}
