-- §10 ordering inside one pump: UNION ALL of a stagger and a tumbling aggregate; rows closed by the
-- same ROWTIME bound (75 s closes tumbling [0 s, 60 s) → 60 s and stagger a [1 s, 61 s) → 61 s)
-- leave the pump in ROWTIME order.
-- schema: SYM VARCHAR(4), X INTEGER
-- row: 1000 {"SYM":"a","X":1}
-- row: 30000 {"SYM":"b","X":2}
-- row: 75000 {"SYM":"a","X":4}
-- expect: {"KIND":"T","SYM":"a","TOTAL":1}
-- expect: {"KIND":"T","SYM":"b","TOTAL":2}
-- expect: {"KIND":"S","SYM":"a","TOTAL":1}
-- expect: {"KIND":"S","SYM":"b","TOTAL":2}
-- expect: {"KIND":"T","SYM":"a","TOTAL":4}
-- expect: {"KIND":"S","SYM":"a","TOTAL":4}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (kind VARCHAR(1), sym VARCHAR(4), total INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM * FROM (
    SELECT STREAM 'S' AS k, SYM, SUM(X) AS t FROM "SOURCE_SQL_STREAM_001"
      WINDOWED BY STAGGER (PARTITION BY SYM RANGE INTERVAL '1' MINUTE)
    UNION ALL
    SELECT STREAM 'T' AS k, SYM, SUM(X) AS t FROM "SOURCE_SQL_STREAM_001" AS s
      GROUP BY SYM, STEP(s.ROWTIME BY INTERVAL '1' MINUTE));
