-- The monitor: indicators along the education chain, their values per area,
-- period and breakdown (the cube), where each value came from, and targets.

CREATE TABLE indicator (
  id              TEXT PRIMARY KEY,            -- "numeracy_grade5", stable, used in URLs
  name_nb         TEXT NOT NULL,
  name_nn         TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  definition_nb   TEXT NOT NULL,
  definition_en   TEXT NOT NULL,
  unit            TEXT NOT NULL,               -- "scale points", "percent", "persons", ...
  decimals        INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
  direction       TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better', 'neutral')),
  stage           TEXT NOT NULL CHECK (stage IN ('primary', 'lower_secondary', 'upper_secondary',
                                                 'higher_education', 'labour_market', 'engagement',
                                                 'context')),
  origin          TEXT NOT NULL CHECK (origin IN ('imported', 'computed')),
  source_name     TEXT NOT NULL,               -- "SSB", "Udir", "stemnet"
  source_table    TEXT,                        -- "SSB 07459"
  source_url      TEXT,
  licence         TEXT NOT NULL,
  attribution     TEXT NOT NULL,
  levels          TEXT NOT NULL,               -- area levels it has, e.g. "country,county,municipality"
  breakdowns      TEXT NOT NULL,               -- breakdown dimensions, e.g. "sex,subject"; "" for none
  headline        TEXT NOT NULL,               -- the breakdown shown on maps, e.g. "measure=score"
  spec            TEXT NOT NULL                -- the catalogue entry as JSON (fetch recipe, mapping)
);
CREATE INDEX indicator_by_stage ON indicator (stage, id);

-- One imported file (or fetched response): the provenance shown with the data.
CREATE TABLE data_import (
  id           TEXT PRIMARY KEY,               -- kind + ":" + sha256 (+ ":" + indicator for mapped files)
  kind         TEXT NOT NULL,                  -- "udir", "csv", "jsonstat", "pxweb", "computed"
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  row_count    BIGINT NOT NULL,
  cell_count   BIGINT NOT NULL,
  source       TEXT NOT NULL,
  licence      TEXT NOT NULL
);

-- Which (indicator, period) slices an import delivered; a newer import of the
-- same slice replaces its cells, and this row keeps the older one's history.
CREATE TABLE import_coverage (
  import_id      TEXT NOT NULL REFERENCES data_import (id),
  indicator_id   TEXT NOT NULL REFERENCES indicator (id),
  period         TEXT NOT NULL,
  cells          BIGINT NOT NULL,
  superseded_by  TEXT REFERENCES data_import (id),
  PRIMARY KEY (import_id, indicator_id, period)
);

-- The cube. A breakdown is "" for the total or "dim=category;dim=category"
-- with dimensions in alphabetical order. A cell with a status carries no
-- number: suppressed stays suppressed.
CREATE TABLE indicator_value (
  indicator_id  TEXT NOT NULL REFERENCES indicator (id),
  area_level    TEXT NOT NULL CHECK (area_level IN ('country', 'county', 'municipality', 'school')),
  area_code     TEXT NOT NULL,                 -- "NO", "03", "0301", or a school's orgnr
  period        TEXT NOT NULL,                 -- "2024", "2025-26", ...
  breakdown     TEXT NOT NULL,
  value         DOUBLE PRECISION,
  status        TEXT NOT NULL CHECK (status IN ('', '..', ':', '.', '*')),
  import_id     TEXT NOT NULL REFERENCES data_import (id),
  PRIMARY KEY (indicator_id, area_level, area_code, period, breakdown),
  CHECK ((status = '' AND value IS NOT NULL) OR (status <> '' AND value IS NULL))
);
CREATE INDEX indicator_value_by_area ON indicator_value (area_level, area_code, indicator_id, period);
CREATE INDEX indicator_value_by_period ON indicator_value (indicator_id, period);

CREATE TABLE target (
  id            TEXT PRIMARY KEY,
  indicator_id  TEXT NOT NULL REFERENCES indicator (id),
  area_level    TEXT NOT NULL CHECK (area_level IN ('all', 'country', 'county', 'municipality')),
  area_code     TEXT NOT NULL,                 -- "" when area_level is 'all'
  value         DOUBLE PRECISION NOT NULL,
  year          INTEGER NOT NULL,
  set_by        TEXT NOT NULL,
  reason        TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX target_by_indicator ON target (indicator_id, area_level, area_code);
