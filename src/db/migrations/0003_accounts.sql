-- Accounts: people, their sessions, password resets, sign-in throttling,
-- organisations and the roles people hold in them.

CREATE TABLE person (
  id             TEXT PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE,          -- lower-cased
  name           TEXT NOT NULL,
  password_hash  TEXT NOT NULL,                 -- libsodium crypto_pwhash_str (argon2id)
  language       TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  created_at     TEXT NOT NULL
);

-- A session is known by the SHA-256 of its token; the token itself lives
-- only in the browser's HttpOnly cookie.
CREATE TABLE session (
  token_hash  TEXT PRIMARY KEY,
  person_id   TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX session_by_person ON session (person_id);

CREATE TABLE password_reset (
  token_hash  TEXT PRIMARY KEY,
  person_id   TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);

-- Failed sign-ins per key ("email:..." or "ip:..."), for back-off.
CREATE TABLE login_throttle (
  key           TEXT PRIMARY KEY,
  failures      INTEGER NOT NULL,
  locked_until  TEXT NOT NULL
);

CREATE TABLE organisation (
  id                   TEXT PRIMARY KEY,     -- "school:<orgnr>" for schools, else a slug
  kind                 TEXT NOT NULL CHECK (kind IN ('school', 'company', 'higher_education', 'science_centre',
                                                    'municipality', 'volunteer')),
  name                 TEXT NOT NULL,
  orgnr                TEXT UNIQUE,           -- mod-11 checked; NULL for volunteers
  municipality_number  TEXT REFERENCES municipality (number),
  sector               TEXT,
  profile              TEXT NOT NULL DEFAULT '',
  shows                TEXT NOT NULL DEFAULT '',  -- careers, apprenticeships, recruitment (comma list)
  logo_url             TEXT,
  status               TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at           TEXT NOT NULL
);

-- A role a person holds: teacher / school_contact / provider_member for an
-- organisation, coordinator for a county, admin for the whole country.
CREATE TABLE person_role (
  person_id        TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role             TEXT NOT NULL CHECK (role IN ('teacher', 'school_contact', 'provider_member', 'coordinator',
                                                 'admin')),
  scope            TEXT NOT NULL,             -- organisation id, county number, or "NO"
  created_at       TEXT NOT NULL,
  PRIMARY KEY (person_id, role, scope)
);
CREATE INDEX person_role_by_scope ON person_role (scope, role);
