-- FROM (sub-query), UNION ALL of two streams, column list on INSERT.
-- schema: A INTEGER
-- row: 1 {"A":1}
-- row: 2 {"A":2}
-- expect: {"X":10,"Y":null}
-- expect: {"X":100,"Y":null}
-- expect: {"X":20,"Y":null}
-- expect: {"X":200,"Y":null}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (x INTEGER, y INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" (x)
  SELECT STREAM b FROM (SELECT STREAM A * 10 AS b FROM "SOURCE_SQL_STREAM_001") AS t
  UNION ALL
  SELECT STREAM A * 100 FROM "SOURCE_SQL_STREAM_001";
