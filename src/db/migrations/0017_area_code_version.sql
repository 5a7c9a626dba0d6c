-- Which code version an import used for a period (issue 15, item 2): the
-- span of days over which every municipality and county code of its cells
-- was valid (from SSB's code lists since 2017). NULL ends are open: older
-- than the history, or valid today. Both NULL without area codes.
ALTER TABLE import_coverage ADD COLUMN area_codes_from TEXT;
ALTER TABLE import_coverage ADD COLUMN area_codes_to TEXT;
