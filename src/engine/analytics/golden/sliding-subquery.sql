-- Analytic results cannot be filtered at their own level: wrap the OVER query in a sub-query.
-- schema: K VARCHAR(2), V DOUBLE
-- row: '2024-01-01 00:00:00' {"K":"a","V":1}
-- row: '2024-01-01 00:00:10' {"K":"a","V":5}
-- row: '2024-01-01 00:00:20' {"K":"a","V":0}
-- row: '2024-01-01 00:01:15' {"K":"a","V":9}
-- expect: {"K":"a","V":5,"AVG_V":3,"T":"2024-01-01 00:00:10.000"}
-- expect: {"K":"a","V":9,"AVG_V":4.5,"T":"2024-01-01 00:01:15.000"}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (k VARCHAR(2), v DOUBLE, avg_v DOUBLE, t TIMESTAMP);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM K, V, A, ROWTIME FROM (
    SELECT STREAM K, V, AVG(V) OVER (PARTITION BY K RANGE INTERVAL '1' MINUTE PRECEDING) AS A
    FROM "SOURCE_SQL_STREAM_001") AS w
  WHERE V > A OR V = 9;
