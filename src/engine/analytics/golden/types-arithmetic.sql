-- Integer division truncates; DOUBLE division does not; DECIMAL keeps scale; NULL propagates; CAST truncates toward zero.
-- schema: A INTEGER, B INTEGER, D DOUBLE, M DECIMAL(8,2), S VARCHAR(20)
-- row: 1000 {"A":7,"B":2,"D":7.0,"M":"1.10","S":"hello world"}
-- row: 1001 {"A":-7,"B":2,"D":-7.5,"M":2.25,"S":null}
-- expect: {"Q":3,"R":1,"DQ":3.5,"MM":3.3,"NEG":-3,"C":7,"T":"hello","U":"HELLO WORLD","L":11,"Z":null}
-- expect: {"Q":-3,"R":-1,"DQ":-3.75,"MM":6.75,"NEG":3,"C":-7,"T":null,"U":null,"L":null,"Z":null}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (q INTEGER, r INTEGER, dq DOUBLE, mm DECIMAL(8,2), neg INTEGER, c INTEGER, t VARCHAR(5), u VARCHAR(20), l INTEGER, z INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM A / B, MOD(A, B), D / 2, M * 3, -(A / 2), CAST(D AS INTEGER), S, UPPER(S), CHAR_LENGTH(S), A + NULL
  FROM "SOURCE_SQL_STREAM_001";
