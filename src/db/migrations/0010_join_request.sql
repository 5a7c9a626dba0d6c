-- Asking to join an organisation: a teacher asks to join a school, a
-- colleague a provider. Those who manage its people (the school's contacts
-- or the provider's members, the county's coordinators, admins) let them in
-- or not.
CREATE TABLE join_request (
  id          TEXT PRIMARY KEY,
  person_id   TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('teacher', 'school_contact', 'provider_member')),
  scope       TEXT NOT NULL,                 -- "school:<orgnr>" or a provider's id
  message     TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  reason      TEXT NOT NULL DEFAULT '',
  decided_by  TEXT REFERENCES person (id),
  created_at  TEXT NOT NULL,
  decided_at  TEXT
);
CREATE UNIQUE INDEX join_request_one_pending ON join_request (person_id, role, scope)
  WHERE state = 'pending';
CREATE INDEX join_request_by_scope ON join_request (scope, state);
