-- Inner join with a reference table on a key; rows without a match are dropped.
-- schema: ID INTEGER, QTY INTEGER
-- ref: PRODUCTS PID INTEGER, PNAME VARCHAR(10), UNIT DOUBLE
-- refrow: {"PID":1,"PNAME":"apple","UNIT":0.5}
-- refrow: {"PID":2,"PNAME":"pear","UNIT":0.75}
-- row: 1 {"ID":2,"QTY":4}
-- row: 2 {"ID":3,"QTY":1}
-- row: 3 {"ID":1,"QTY":3}
-- expect: {"NAME":"pear","TOTAL":3}
-- expect: {"NAME":"apple","TOTAL":1.5}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (name VARCHAR(10), total DOUBLE);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM p.PNAME, s.QTY * p.UNIT
  FROM "SOURCE_SQL_STREAM_001" AS s JOIN "PRODUCTS" AS p ON s.ID = p.PID;
