-- Ready-made kits in full, and files (issue 14).
--
-- An offer's kit: a list of materials, the teacher's preparation time, and
-- the LK20 curricula it serves (codes such as NAT01-04, which Udir's pages
-- are named by).
ALTER TABLE offer ADD COLUMN materials TEXT NOT NULL DEFAULT '[]';          -- JSON array of strings
ALTER TABLE offer ADD COLUMN preparation_minutes INTEGER NOT NULL DEFAULT 0
  CHECK (preparation_minutes >= 0);
ALTER TABLE offer ADD COLUMN curriculum TEXT NOT NULL DEFAULT '';            -- comma list of codes

-- Files people attach (media module): a kit's worksheets, an offer's or a
-- provider's pictures and logo. The bytes are in the database so that every
-- server answers them and a backup holds them; a picture is stored once,
-- already resized and without its metadata.
CREATE TABLE media_file (
  id          TEXT PRIMARY KEY,
  owner       TEXT NOT NULL,                  -- "offer:<id>", "organisation:<id>"
  role        TEXT NOT NULL CHECK (role IN ('material', 'picture', 'logo')),
  name        TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size > 0),
  width       INTEGER,
  height      INTEGER,
  sha256      TEXT NOT NULL,
  position    INTEGER NOT NULL,               -- order within the owner and role
  created_at  TEXT NOT NULL,
  body        BLOB NOT NULL
);
CREATE INDEX media_file_by_owner ON media_file (owner, role, position);
