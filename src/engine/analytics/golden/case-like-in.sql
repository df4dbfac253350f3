-- CASE (searched and simple), LIKE, IN, BETWEEN and three-valued logic in WHERE.
-- schema: NAME VARCHAR(16), N INTEGER
-- row: 1 {"NAME":"alpha","N":1}
-- row: 2 {"NAME":"beta","N":5}
-- row: 3 {"NAME":"gamma","N":null}
-- row: 4 {"NAME":"alphabet","N":12}
-- expect: {"NAME":"alpha","SIZE":"small","KIND":"one","STARTS":true}
-- expect: {"NAME":"beta","SIZE":"medium","KIND":"other","STARTS":false}
-- expect: {"NAME":"alphabet","SIZE":"large","KIND":"other","STARTS":true}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (name VARCHAR(16), size VARCHAR(8), kind VARCHAR(8), starts BOOLEAN);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM NAME,
    CASE WHEN N < 3 THEN 'small' WHEN N BETWEEN 3 AND 10 THEN 'medium' ELSE 'large' END,
    CASE N WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'other' END,
    NAME LIKE 'alph%'
  FROM "SOURCE_SQL_STREAM_001"
  WHERE N IN (1, 5, 12) OR N > 100;
