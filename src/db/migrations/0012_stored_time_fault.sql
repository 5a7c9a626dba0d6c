-- Times that are not real times, stored before every time was parsed by one
-- function (core/time): found once here and kept for the operator to see
-- (`stemnet db migrate` and `stemnet serve` report them). Readers skip such
-- rows; nothing is changed or deleted, so that a person can mend them.
CREATE TABLE stored_time_fault (
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  column_name TEXT NOT NULL,
  value       TEXT NOT NULL,
  found_at    TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id, column_name)
);

INSERT INTO stored_time_fault (table_name, row_id, column_name, value, found_at)
SELECT 'offer_slot', id, 'starts_at', starts_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM offer_slot
 WHERE strftime('%Y-%m-%dT%H:%M', starts_at) IS NOT starts_at OR starts_at NOT GLOB '[12][0-9][0-9][0-9]-*'
UNION ALL
SELECT 'offer_slot', id, 'ends_at', ends_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM offer_slot
 WHERE strftime('%Y-%m-%dT%H:%M', ends_at) IS NOT ends_at OR ends_at NOT GLOB '[12][0-9][0-9][0-9]-*'
UNION ALL
SELECT 'booking_request', id, 'proposed_time', proposed_time, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM booking_request
 WHERE proposed_time IS NOT NULL
   AND (strftime('%Y-%m-%dT%H:%M', proposed_time) IS NOT proposed_time
        OR proposed_time NOT GLOB '[12][0-9][0-9][0-9]-*')
UNION ALL
SELECT 'matching_round', id, 'period_from', period_from, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM matching_round
 WHERE strftime('%Y-%m-%d', period_from) IS NOT period_from
UNION ALL
SELECT 'matching_round', id, 'period_to', period_to, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM matching_round
 WHERE strftime('%Y-%m-%d', period_to) IS NOT period_to;
