-- Two pumps insert into one stream: rows interleave in ROWTIME order; a tumbling window's row (ROWTIME = end) comes before the row that closed it.
-- schema: V INTEGER
-- row: '2024-01-01 00:00:05' {"V":1}
-- row: '2024-01-01 00:00:15' {"V":2}
-- expect: {"WHAT":"row","V":1}
-- expect: {"WHAT":"sum","V":1}
-- expect: {"WHAT":"row","V":2}
-- expect: {"WHAT":"sum","V":2}
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (what VARCHAR(3), v BIGINT);
CREATE OR REPLACE PUMP "P1" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM 'row', V FROM "SOURCE_SQL_STREAM_001";
CREATE OR REPLACE PUMP "P2" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM 'sum', SUM(V) FROM "SOURCE_SQL_STREAM_001" AS s GROUP BY STEP(s.ROWTIME BY INTERVAL '10' SECOND);
