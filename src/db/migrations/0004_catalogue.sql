-- The catalogue: what providers offer schools, with ready-made kits and
-- the occasions (slots) a school can book. The full-text index is derived
-- data, built per database dialect by catalogue/service.cpp (prepare).

CREATE TABLE offer (
  id                 TEXT PRIMARY KEY,
  organisation_id    TEXT NOT NULL REFERENCES organisation (id),
  title              TEXT NOT NULL,
  description        TEXT NOT NULL,
  format             TEXT NOT NULL CHECK (format IN ('workplace_visit', 'school_visit', 'digital_qa', 'virtual_tour',
                                                     'role_model_talk', 'kit', 'camp')),
  subjects           TEXT NOT NULL,            -- comma list of subject ids
  grade_min          INTEGER NOT NULL CHECK (grade_min BETWEEN 1 AND 13),
  grade_max          INTEGER NOT NULL CHECK (grade_max BETWEEN 1 AND 13),
  languages          TEXT NOT NULL,            -- comma list: nb, nn, en, se, ...
  capacity           INTEGER NOT NULL CHECK (capacity > 0),   -- pupils per occasion
  digital            INTEGER NOT NULL CHECK (digital IN (0, 1)),
  municipality_number TEXT REFERENCES municipality (number),
  address            TEXT NOT NULL,
  travel_radius_km   INTEGER NOT NULL CHECK (travel_radius_km >= 0),
  duration_minutes   INTEGER NOT NULL CHECK (duration_minutes > 0),
  cost_nok           INTEGER NOT NULL CHECK (cost_nok >= 0),
  preparation        TEXT NOT NULL,
  on_request         INTEGER NOT NULL CHECK (on_request IN (0, 1)),
  kit_before         TEXT NOT NULL,            -- ready-made kit: before / during / after
  kit_during         TEXT NOT NULL,
  kit_after          TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (grade_min <= grade_max)
);
CREATE INDEX offer_by_organisation ON offer (organisation_id, status);
CREATE INDEX offer_by_municipality ON offer (municipality_number, status);

CREATE TABLE offer_slot (
  id         TEXT PRIMARY KEY,
  offer_id   TEXT NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  starts_at  TEXT NOT NULL,                    -- local time, ISO 8601, "2026-03-16T09:00"
  ends_at    TEXT NOT NULL,
  capacity   INTEGER NOT NULL CHECK (capacity > 0),   -- classes per occasion
  booked     INTEGER NOT NULL DEFAULT 0,
  CHECK (booked >= 0 AND booked <= capacity),
  CHECK (starts_at < ends_at)
);
CREATE INDEX offer_slot_by_offer ON offer_slot (offer_id, starts_at);
