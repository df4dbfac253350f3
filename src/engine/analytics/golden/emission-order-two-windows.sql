-- §10 ordering: a stagger pump and a tumbling pump write one stream; rows closed by the same ROWTIME
-- bound, and rows flushed at end of input, enter it in ROWTIME order whatever the pump order.
-- At 75 s: tumbling [0 s, 60 s) → ROWTIME 60 s (a, b), stagger a [1 s, 61 s) → ROWTIME 61 s.
-- End of input: stagger b → 90 s, tumbling [60 s, 120 s) → 120 s, stagger a [75 s, 135 s) → 135 s.
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
CREATE OR REPLACE PUMP "STAGGERED" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM 'S', SYM, SUM(X) FROM "SOURCE_SQL_STREAM_001"
  WINDOWED BY STAGGER (PARTITION BY SYM RANGE INTERVAL '1' MINUTE);
CREATE OR REPLACE PUMP "TUMBLING" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM 'T', SYM, SUM(X) FROM "SOURCE_SQL_STREAM_001" AS s
  GROUP BY SYM, STEP(s.ROWTIME BY INTERVAL '1' MINUTE);
