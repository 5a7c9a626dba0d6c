-- Targets set, changed and retired in the browser (issue 15, item 6), with
-- who and why kept. A change ends the old row ('changed') and adds a new one
-- that `replaces` it; a retirement ends the row ('retired'). Nothing is
-- deleted: an ended target stays listed with its end. `set_by_person` is
-- the account that set it (NULL when set from the command line, where
-- `set_by` is the name given).
ALTER TABLE target ADD COLUMN set_by_person TEXT;
ALTER TABLE target ADD COLUMN replaces TEXT;
ALTER TABLE target ADD COLUMN ended_at TEXT;
ALTER TABLE target ADD COLUMN ended_by TEXT;
ALTER TABLE target ADD COLUMN ended_by_person TEXT;
ALTER TABLE target ADD COLUMN ended_reason TEXT;
ALTER TABLE target ADD COLUMN ended_how TEXT CHECK (ended_how IN ('changed', 'retired'));
