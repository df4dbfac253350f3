-- HAVING may use a select-list alias of an aggregate.
-- schema: K VARCHAR(2)
-- row: 1000 {"K":"a"}
-- row: 2000 {"K":"a"}
-- row: 3000 {"K":"b"}
-- expect: {"K":"a","CNT":2}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (k VARCHAR(2), cnt BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM K, COUNT(*) AS cnt FROM "SOURCE_SQL_STREAM_001" AS s
  GROUP BY K, STEP(s.ROWTIME BY INTERVAL '1' MINUTE) HAVING cnt > 1;
