-- Area boundaries for maps, kept as their publisher wrote them (Kartverket's
-- simplified county GeoJSON and municipality TopoJSON), so that every
-- stemnet serve answers them from the database alone.
CREATE TABLE boundary (
  level       TEXT PRIMARY KEY CHECK (level IN ('county', 'municipality')),
  format      TEXT NOT NULL CHECK (format IN ('geojson', 'topojson')),
  body        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  area_count  INTEGER NOT NULL
);
