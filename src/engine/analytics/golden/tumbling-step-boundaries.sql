-- A row exactly on a boundary starts the next window; output ROWTIME = window end; empty windows emit nothing.
-- schema: K VARCHAR(4), V INTEGER
-- row: '2024-01-01 00:00:00.000' {"K":"a","V":1}
-- row: '2024-01-01 00:00:09.999' {"K":"b","V":2}
-- row: '2024-01-01 00:00:10.000' {"K":"a","V":3}
-- row: '2024-01-01 00:00:45.000' {"K":"a","V":4}
-- expect: {"W":"2024-01-01 00:00:00.000","K":"a","N":1,"S":1,"RT":"2024-01-01 00:00:10.000"}
-- expect: {"W":"2024-01-01 00:00:00.000","K":"b","N":1,"S":2,"RT":"2024-01-01 00:00:10.000"}
-- expect: {"W":"2024-01-01 00:00:10.000","K":"a","N":1,"S":3,"RT":"2024-01-01 00:00:20.000"}
-- expect: {"W":"2024-01-01 00:00:40.000","K":"a","N":1,"S":4,"RT":"2024-01-01 00:00:50.000"}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (w TIMESTAMP, k VARCHAR(4), n BIGINT, s BIGINT, rt TIMESTAMP);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM STEP(s.ROWTIME BY INTERVAL '10' SECOND), K, COUNT(*), SUM(V), s.ROWTIME
  FROM "SOURCE_SQL_STREAM_001" AS s
  GROUP BY K, STEP(s.ROWTIME BY INTERVAL '10' SECOND);
