-- Catalogue search in the database (issue 16, item 5): the columns a search
-- filters and orders by, in one index, so that counting the hits and finding
-- a page's offers read the index and not the offers' long texts; listing by
-- title walks it in order and stops at the page's end.
CREATE INDEX offer_listing ON offer (status, title, id, organisation_id, municipality_number,
                                     digital, travel_radius_km, format, grade_min, grade_max,
                                     on_request);
