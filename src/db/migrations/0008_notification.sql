-- Notifications: every e-mail goes through this outbox. It is written in the
-- same transaction as the change it tells about, in the recipient's
-- language, and sent later by the mail worker (SMTP, or .eml files in
-- development). A mail one may opt out of carries its own unsubscribe token
-- (it is in the mail's text anyway, so it is kept as it is).
CREATE TABLE notification (
  id                TEXT PRIMARY KEY,
  person_id         TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind              TEXT NOT NULL,
  to_address        TEXT NOT NULL,
  language          TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  subject           TEXT NOT NULL,
  body              TEXT NOT NULL,
  unsubscribe_token TEXT UNIQUE,              -- in the mail's one-click link; NULL: no opting out
  unsubscribe_url   TEXT,
  state             TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
  attempts          INTEGER NOT NULL DEFAULT 0,
  next_attempt_at   TEXT NOT NULL,
  claimed_until     TEXT,                      -- a worker is sending it until then
  last_error        TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  sent_at           TEXT
);
CREATE INDEX notification_queue ON notification (state, next_attempt_at);
CREATE INDEX notification_by_person ON notification (person_id, created_at);

-- What a person has chosen; a kind without a row has its default.
CREATE TABLE notification_preference (
  person_id  TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (person_id, kind)
);
