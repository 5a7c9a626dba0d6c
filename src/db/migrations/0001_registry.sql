-- The registry of Norway: counties, municipalities (and the territories
-- Svalbard and Jan Mayen, which have municipality numbers but are not
-- municipalities), postcodes, institutions and schools, plus a record of
-- every imported file. Written in SQL that SQLite and PostgreSQL both accept.

CREATE TABLE county (
  number          TEXT PRIMARY KEY,            -- fylkesnummer, 2 digits
  name            TEXT NOT NULL,               -- as published, parallel names joined by " - "
  name_norwegian  TEXT NOT NULL,
  website         TEXT,
  population      BIGINT,
  label_lon       DOUBLE PRECISION NOT NULL,
  label_lat       DOUBLE PRECISION NOT NULL
);

CREATE TABLE municipality (
  number            TEXT PRIMARY KEY,          -- kommunenummer, 4 digits
  kind              TEXT NOT NULL CHECK (kind IN ('municipality', 'territory')),
  name              TEXT NOT NULL,             -- as published, parallel names joined by " - "
  name_norwegian    TEXT NOT NULL,
  county_number     TEXT REFERENCES county (number),
  admin_centre      TEXT,
  population        BIGINT,
  area_km2          DOUBLE PRECISION,
  written_language  TEXT CHECK (written_language IN ('bokmal', 'nynorsk', 'neutral')),
  website           TEXT,
  label_lon         DOUBLE PRECISION NOT NULL,
  label_lat         DOUBLE PRECISION NOT NULL
);
CREATE INDEX municipality_by_county ON municipality (county_number, number);

CREATE TABLE postcode (
  code                 TEXT PRIMARY KEY,       -- 4 digits
  place                TEXT NOT NULL,
  municipality_number  TEXT NOT NULL REFERENCES municipality (number)
);
CREATE INDEX postcode_by_municipality ON postcode (municipality_number);

CREATE TABLE institution (
  id            TEXT PRIMARY KEY,              -- a stable slug, e.g. "ntnu", "vilvite"
  kind          TEXT NOT NULL CHECK (kind IN ('science_centre', 'higher_education')),
  name          TEXT NOT NULL,
  abbreviation  TEXT,
  category      TEXT,                          -- SSB category, for higher education
  ownership     TEXT,
  note          TEXT,
  source_url    TEXT
);

CREATE TABLE institution_site (
  institution_id       TEXT NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
  municipality_number  TEXT NOT NULL REFERENCES municipality (number),
  PRIMARY KEY (institution_id, municipality_number)
);

CREATE TABLE school (
  orgnr                TEXT PRIMARY KEY,       -- organisasjonsnummer, 9 digits, mod-11
  name                 TEXT NOT NULL,
  name_key             TEXT NOT NULL,          -- text::search_key(name): what q= matches
  sort_key             TEXT NOT NULL,          -- text::sort_key(name): Norwegian alphabetical order
  municipality_number  TEXT NOT NULL REFERENCES municipality (number),
  county_number        TEXT REFERENCES county (number),
  lon                  DOUBLE PRECISION NOT NULL,
  lat                  DOUBLE PRECISION NOT NULL,
  location_precision   TEXT NOT NULL CHECK (location_precision IN ('address', 'municipality'))
);
CREATE INDEX school_by_municipality ON school (municipality_number, sort_key, orgnr);
CREATE INDEX school_by_county ON school (county_number, sort_key, orgnr);
CREATE INDEX school_by_name ON school (sort_key, orgnr);

-- A grade level seen at a school in a published file, with how many pupils
-- took part (the largest count over the subjects; NULL when suppressed).
CREATE TABLE school_grade (
  orgnr          TEXT NOT NULL REFERENCES school (orgnr) ON DELETE CASCADE,
  grade          INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 13),
  school_year    TEXT NOT NULL,                -- "2025-26"
  tested_pupils  INTEGER,
  PRIMARY KEY (orgnr, grade, school_year)
);

CREATE TABLE import_record (
  kind         TEXT NOT NULL,                  -- "reference", "schools", ...
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  row_count    BIGINT NOT NULL,
  source       TEXT,
  licence      TEXT,
  imported_at  TEXT NOT NULL,
  PRIMARY KEY (kind, sha256)
);
