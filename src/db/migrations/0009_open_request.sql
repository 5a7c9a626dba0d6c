-- Open requests: a school's wish for any provider ("someone from industry to
-- talk about energy to grade 9, week 12"). Providers and coordinators answer,
-- naming an offer if they like; the school takes one answer, which becomes an
-- ordinary booking request. Matching rounds read the open ones.
CREATE TABLE open_request (
  id            TEXT PRIMARY KEY,
  school_orgnr  TEXT NOT NULL REFERENCES school (orgnr),
  teacher_id    TEXT NOT NULL REFERENCES person (id),
  grade         INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 13),
  pupils        INTEGER NOT NULL CHECK (pupils BETWEEN 1 AND 1000),
  subjects      TEXT NOT NULL,                 -- comma list of LK20 subject ids, at least one
  formats       TEXT NOT NULL,                 -- comma list of welcome formats; '' = any
  digital_ok    INTEGER NOT NULL CHECK (digital_ok IN (0, 1)),
  weeks         TEXT NOT NULL,                 -- comma list of ISO weeks, "2027-W12"
  note          TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('open', 'taken', 'withdrawn')),
  request_id    TEXT REFERENCES booking_request (id),  -- the request made from the answer taken
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX open_request_by_state ON open_request (state, created_at);
CREATE INDEX open_request_by_school ON open_request (school_orgnr, state);

CREATE TABLE open_request_answer (
  id               TEXT PRIMARY KEY,
  open_request_id  TEXT NOT NULL REFERENCES open_request (id) ON DELETE CASCADE,
  author_id        TEXT NOT NULL REFERENCES person (id),
  organisation_id  TEXT REFERENCES organisation (id),  -- the provider answering; NULL for a coordinator
  offer_id         TEXT REFERENCES offer (id),
  slot_id          TEXT REFERENCES offer_slot (id),
  body             TEXT NOT NULL,
  created_at       TEXT NOT NULL
);
CREATE INDEX open_request_answer_by_request ON open_request_answer (open_request_id, created_at);
