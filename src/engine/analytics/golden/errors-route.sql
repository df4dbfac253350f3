-- Division by zero drops the row to error_stream; a record that fails its mapping does too.
-- schema: A INTEGER, B INTEGER
-- row: 1 {"A":6,"B":3}
-- row: 2 {"A":1,"B":0}
-- row: 3 {"A":"x","B":1}
-- row: 4 {"A":9,"B":3}
-- expect: {"Q":2}
-- expect: {"Q":3}
-- errors: 2
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (q INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM A / B FROM "SOURCE_SQL_STREAM_001";
