/**
 * Example applications to start from, written for the demo clickstream
 * ({"user":"…","page":"/cart","ip":"…","at":"…"}) but easy to adapt: KDA SQL (legacy) windows,
 * top-K and anomaly detection, and the Flink SQL TUMBLE equivalent.
 */

export interface SqlExample {
  readonly id: string;
  readonly title: string;
  readonly dialect: 'kda' | 'flink';
  readonly description: string;
  readonly sql: string;
  /** The output column to chart first. */
  readonly chartColumn?: string;
}

export const SQL_EXAMPLES: readonly SqlExample[] = [
  {
    id: 'tumbling-count',
    title: 'Tumbling count per key',
    dialect: 'kda',
    description: 'Records per page in 10-second tumbling windows (GROUP BY STEP(ROWTIME …)); one row per page when each window closes.',
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
    title: 'Sliding average',
    dialect: 'kda',
    description: 'Per page, the average user number over the last 10 seconds and the last 5 rows: one output row per input row (WINDOW … RANGE / ROWS PRECEDING).',
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
    title: 'Top-K users',
    dialect: 'kda',
    description: 'The 5 most frequent users in 10-second tumbling windows with TOP_K_ITEMS_TUMBLING — the hot key shows up at the top.',
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
    title: 'Anomaly detection (RANDOM_CUT_FOREST)',
    dialect: 'kda',
    description: 'Per-second request counts per page, scored by RANDOM_CUT_FOREST: traffic bursts get high ANOMALY_SCOREs once the forest has learned.',
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
    title: 'Flink SQL: TUMBLE window',
    dialect: 'flink',
    description: 'The same count per page in Managed Service for Apache Flink style: a Kinesis source table with a processing-time attribute and the TUMBLE table-valued function.',
    chartColumn: 'n',
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
