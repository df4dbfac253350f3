-- Stream-to-reference-table join (LEFT OUTER keeps unknown tickers), CASE and string functions.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  ticker VARCHAR(8), company VARCHAR(32), price DECIMAL(10,2), band VARCHAR(6), traded_minute TIMESTAMP, label VARCHAR(40));
CREATE OR REPLACE PUMP "ENRICH" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM s.ticker, COALESCE(c.name, 'unknown'), s.price,
         CASE WHEN s.price >= 100 THEN 'HIGH' WHEN s.price >= 10 THEN 'MID' ELSE 'LOW' END,
         FLOOR(s.traded_at TO MINUTE),
         LOWER(s.ticker) || '@' || TIMESTAMP_TO_CHAR('HH:mm', s.traded_at)
  FROM "SOURCE_SQL_STREAM_001" AS s
  LEFT OUTER JOIN "COMPANIES" AS c ON s.ticker = c.ticker;
