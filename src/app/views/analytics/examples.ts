/**
 * Example applications to start from (titles and descriptions are in the `analytics` translations,
 * keyed by id), written for the demo clickstream
 * ({"user":"…","page":"/cart","ip":"…","at":"…"}) but easy to adapt: KDA SQL (legacy) windows,
 * top-K and anomaly detection, and the Flink SQL TUMBLE equivalent.
 */

export interface SqlExample {
  readonly id: string;
  readonly dialect: 'kda' | 'flink';
  readonly sql: string;
  /** The output column to chart first. */
  readonly chartColumn?: string;
  /** A Flink example's source table: the stream its 'stream' option names and the JSON fields it declares. */
  readonly flinkSource?: { readonly stream: string; readonly fields: readonly string[] };
}

export const SQL_EXAMPLES: readonly SqlExample[] = [
  {
    id: 'tumbling-count',
    dialect: 'kda',
    chartColumn: 'n',
    sql: `-- Records per page, every 10 seconds (tumbling window on ROWTIME).
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  page VARCHAR(16),
  n    BIGINT);

CREATE OR REPLACE PUMP "COUNT_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM s."page", COUNT(*)
    FROM "SOURCE_SQL_STREAM_001" AS s
    GROUP BY s."page", STEP(s.ROWTIME BY INTERVAL '10' SECOND);
`,
  },
  {
    id: 'sliding-average',
    dialect: 'kda',
    chartColumn: 'avg_10s',
    sql: `-- A sliding window emits one row per input row.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  page      VARCHAR(16),
  user_no   DOUBLE,
  avg_10s   DOUBLE,
  avg_last5 DOUBLE);

CREATE OR REPLACE PUMP "AVG_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM "page",
           CAST("user" AS DOUBLE),
           AVG(CAST("user" AS DOUBLE)) OVER w10s,
           AVG(CAST("user" AS DOUBLE)) OVER (PARTITION BY "page" ROWS 4 PRECEDING)
    FROM "SOURCE_SQL_STREAM_001"
    WINDOW w10s AS (PARTITION BY "page" RANGE INTERVAL '10' SECOND PRECEDING);
`,
  },
  {
    id: 'top-k',
    dialect: 'kda',
    chartColumn: 'MOST_FREQUENT_VALUES',
    sql: `-- Most frequent partition keys ("hot keys") per 10-second window.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  "user"               VARCHAR(16),
  MOST_FREQUENT_VALUES BIGINT);

CREATE OR REPLACE PUMP "TOPK_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM *
    FROM TABLE(TOP_K_ITEMS_TUMBLING(
      CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"),
      'user',   -- column to count
      5,        -- K
      10));     -- window, seconds
`,
  },
  {
    id: 'anomaly',
    dialect: 'kda',
    chartColumn: 'ANOMALY_SCORE',
    sql: `-- Stage 1: requests per page per second.
CREATE OR REPLACE STREAM "PAGE_RATE" (
  page VARCHAR(16),
  n    DOUBLE);

CREATE OR REPLACE PUMP "RATE_PUMP" AS
  INSERT INTO "PAGE_RATE"
    SELECT STREAM s."page", CAST(COUNT(*) AS DOUBLE)
    FROM "SOURCE_SQL_STREAM_001" AS s
    GROUP BY s."page", STEP(s.ROWTIME BY INTERVAL '1' SECOND);

-- Stage 2: an anomaly score per row (0 while the forest learns its first 32 rows).
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  page          VARCHAR(16),
  n             DOUBLE,
  ANOMALY_SCORE DOUBLE);

CREATE OR REPLACE PUMP "ANOMALY_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM page, n, ANOMALY_SCORE
    FROM TABLE(RANDOM_CUT_FOREST(
      CURSOR(SELECT STREAM * FROM "PAGE_RATE"),
      50,     -- number of trees
      32,     -- sub-sample size
      1000,   -- time decay
      1));    -- shingle size
`,
  },
  {
    id: 'flink-tumble',
    dialect: 'flink',
    chartColumn: 'n',
    flinkSource: { stream: 'clickstream', fields: ['page', 'ip'] },
    sql: `-- Flink SQL: the source is a table over the Kinesis stream.
CREATE TABLE clicks (
  page STRING,
  ip   STRING,
  proc AS PROCTIME()
) WITH (
  'connector' = 'kinesis',
  'stream' = 'clickstream',
  'format' = 'json',
  'scan.stream.initpos' = 'LATEST'
);

CREATE TABLE page_counts (
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  page         STRING,
  n            BIGINT
) WITH ('connector' = 'print');

INSERT INTO page_counts
SELECT window_start, window_end, page, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(proc), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, page;
`,
  },
];

export const DEFAULT_EXAMPLE = SQL_EXAMPLES[0];
