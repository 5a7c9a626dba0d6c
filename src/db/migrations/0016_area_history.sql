-- Norway's areas as they were (issue 15): every municipality and county code
-- since 2017 with its name over a period, the changes between codes, and
-- FHI's population weights of split counties. Written by `stemnet import
-- reference` from data/reference/areas-history (SSB KLASS 131, FHI).
CREATE TABLE area_version (
  level       TEXT NOT NULL CHECK (level IN ('county', 'municipality')),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  valid_from  TEXT,              -- first day (YYYY-MM-DD); NULL: older than the history
  valid_to    TEXT,              -- last day; NULL: valid today
  PRIMARY KEY (level, code, name)
);

-- old_code became (wholly or in part) new_code on changed_on: a merger is
-- several rows with one new code, a split several with one old code.
CREATE TABLE area_change (
  level       TEXT NOT NULL CHECK (level IN ('county', 'municipality')),
  old_code    TEXT NOT NULL,
  old_name    TEXT NOT NULL,
  new_code    TEXT NOT NULL,
  new_name    TEXT NOT NULL,
  changed_on  TEXT NOT NULL,
  PRIMARY KEY (level, old_code, new_code, changed_on)
);
CREATE INDEX area_change_by_new ON area_change (level, new_code, changed_on);

-- The share of an original county's population of `year` living in today's county.
CREATE TABLE county_weight (
  year           INTEGER NOT NULL,
  original_code  TEXT NOT NULL,
  current_code   TEXT NOT NULL,
  weight         DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (year, original_code, current_code)
);
