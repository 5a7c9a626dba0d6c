-- Matching rounds: a coordinator assigns many open requests to many offer
-- slots at once. A round is created for a region and a period, solved into a
-- proposal (which can be solved again while nothing is accepted), and
-- accepted: each assignment becomes a booking request, in one transaction.
CREATE TABLE matching_round (
  id           TEXT PRIMARY KEY,
  region       TEXT NOT NULL,                 -- a county number, or "NO"
  period_from  TEXT NOT NULL,                 -- YYYY-MM-DD
  period_to    TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('open', 'proposed', 'accepted')),
  created_by   TEXT NOT NULL,                 -- a person's id, or "cli"
  created_at   TEXT NOT NULL,
  solved_at    TEXT,
  accepted_at  TEXT,
  summary      TEXT NOT NULL DEFAULT '{}'      -- JSON: the proposal's totals and FCFS's, size, time
);
CREATE INDEX matching_round_by_region ON matching_round (region, created_at);

CREATE TABLE round_assignment (
  round_id         TEXT NOT NULL REFERENCES matching_round (id) ON DELETE CASCADE,
  open_request_id  TEXT NOT NULL REFERENCES open_request (id),
  slot_id          TEXT NOT NULL REFERENCES offer_slot (id),
  distance_m       INTEGER NOT NULL,
  fit_subject      INTEGER NOT NULL,
  fit_week         INTEGER NOT NULL,
  fit_grade        INTEGER NOT NULL,
  equity           INTEGER NOT NULL,
  request_id       TEXT REFERENCES booking_request (id),  -- made when the round is accepted
  PRIMARY KEY (round_id, open_request_id)
);

CREATE TABLE round_unserved (
  round_id         TEXT NOT NULL REFERENCES matching_round (id) ON DELETE CASCADE,
  open_request_id  TEXT NOT NULL REFERENCES open_request (id),
  reason           TEXT NOT NULL,
  equity           INTEGER NOT NULL,
  PRIMARY KEY (round_id, open_request_id)
);
