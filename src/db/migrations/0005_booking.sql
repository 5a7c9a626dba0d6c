-- Requests and bookings: a school's request for an offer, the provider's
-- answer, the occasion, and what both sides said afterwards; a message
-- thread per request; an audit log of every change.

CREATE TABLE booking_request (
  id             TEXT PRIMARY KEY,
  offer_id       TEXT NOT NULL REFERENCES offer (id),
  provider_id    TEXT NOT NULL REFERENCES organisation (id),
  school_orgnr   TEXT NOT NULL REFERENCES school (orgnr),
  teacher_id     TEXT NOT NULL REFERENCES person (id),
  grade          INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 13),
  pupils         INTEGER NOT NULL CHECK (pupils BETWEEN 1 AND 1000),
  wished         TEXT NOT NULL,                 -- wished dates or weeks, free text
  slot_id        TEXT REFERENCES offer_slot (id),  -- asked for, then confirmed
  proposed_time  TEXT,                          -- the provider's other time
  state          TEXT NOT NULL CHECK (state IN ('requested', 'proposed', 'accepted', 'declined', 'cancelled',
                                                'completed', 'not_held')),
  reason         TEXT NOT NULL,                 -- why declined, cancelled or not held
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX booking_request_by_school ON booking_request (school_orgnr, state);
CREATE INDEX booking_request_by_provider ON booking_request (provider_id, state);

CREATE TABLE request_message (
  id          TEXT PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES booking_request (id) ON DELETE CASCADE,
  author_id   TEXT NOT NULL REFERENCES person (id),
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX request_message_by_request ON request_message (request_id, created_at);

CREATE TABLE booking_feedback (
  request_id     TEXT NOT NULL REFERENCES booking_request (id) ON DELETE CASCADE,
  side           TEXT NOT NULL CHECK (side IN ('school', 'provider')),
  score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment        TEXT NOT NULL,
  pupils_reached INTEGER,
  girls          INTEGER,
  boys           INTEGER,
  created_at     TEXT NOT NULL,
  PRIMARY KEY (request_id, side)
);

CREATE TABLE audit_log (
  id         TEXT PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  action     TEXT NOT NULL,                     -- "request.accept", ...
  subject    TEXT NOT NULL,                     -- what it acted on, e.g. the request id
  detail     TEXT NOT NULL
);
CREATE INDEX audit_log_by_subject ON audit_log (subject, at);
