-- TOP_K_ITEMS_TUMBLING and COUNT_DISTINCT_ITEMS_TUMBLING on 10-second ROWTIME windows, unioned.
-- schema: SYM VARCHAR(4)
-- row: 1000 {"SYM":"a"}
-- row: 2000 {"SYM":"b"}
-- row: 3000 {"SYM":"a"}
-- row: 4000 {"SYM":"c"}
-- row: 5000 {"SYM":"a"}
-- row: 6000 {"SYM":"b"}
-- row: 12000 {"SYM":"z"}
-- expect: {"SYM":"a","N":3}
-- expect: {"SYM":"b","N":2}
-- expect: {"SYM":"z","N":1}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (sym VARCHAR(4), n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM * FROM TABLE(TOP_K_ITEMS_TUMBLING(CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"), 'SYM', 2, 10));
