-- A personal calendar feed: a secret token per person, kept as its SHA-256.
CREATE TABLE calendar_token (
  person_id   TEXT PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
);
