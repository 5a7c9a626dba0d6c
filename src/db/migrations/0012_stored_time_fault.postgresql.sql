-- PostgreSQL's reading of 0012_stored_time_fault.sql: the same table and the
-- same search for stored times that are not real times, with regular
-- expressions where SQLite used strftime and GLOB. (A database made on
-- PostgreSQL starts empty, or is filled by `stemnet db copy`, which brings
-- the rows this found on SQLite.)
CREATE TABLE stored_time_fault (
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  column_name TEXT NOT NULL,
  value       TEXT NOT NULL,
  found_at    TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id, column_name)
);

INSERT INTO stored_time_fault (table_name, row_id, column_name, value, found_at)
SELECT 'offer_slot', id, 'starts_at', starts_at, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  FROM offer_slot
 WHERE starts_at !~ '^[12][0-9]{3}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]$'
UNION ALL
SELECT 'offer_slot', id, 'ends_at', ends_at, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  FROM offer_slot
 WHERE ends_at !~ '^[12][0-9]{3}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]$'
UNION ALL
SELECT 'booking_request', id, 'proposed_time', proposed_time, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  FROM booking_request
 WHERE proposed_time !~ '^[12][0-9]{3}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]$'
UNION ALL
SELECT 'matching_round', id, 'period_from', period_from, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  FROM matching_round
 WHERE period_from !~ '^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$'
UNION ALL
SELECT 'matching_round', id, 'period_to', period_to, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  FROM matching_round
 WHERE period_to !~ '^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$';
