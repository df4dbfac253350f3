-- SELECT DISTINCT groups by every item; with a ROWTIME-based item it emits as each minute closes.
-- schema: K VARCHAR(2)
-- row: '2024-01-01 00:00:01' {"K":"a"}
-- row: '2024-01-01 00:00:02' {"K":"a"}
-- row: '2024-01-01 00:00:03' {"K":"b"}
-- row: '2024-01-01 00:01:00' {"K":"a"}
-- expect: {"M":"2024-01-01 00:00:00.000","K":"a"}
-- expect: {"M":"2024-01-01 00:00:00.000","K":"b"}
-- expect: {"M":"2024-01-01 00:01:00.000","K":"a"}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (m TIMESTAMP, k VARCHAR(2));
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM DISTINCT FLOOR(s.ROWTIME TO MINUTE), K FROM "SOURCE_SQL_STREAM_001" AS s;
