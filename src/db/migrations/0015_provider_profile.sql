-- A provider's public page (issue 14): a contact person, a web site, what it
-- recruits for, and for a role model (kind volunteer) their field and their
-- employer or place of study. The logo is a file now (media_file, role
-- "logo"), no longer an address elsewhere: pages load nothing from other
-- origins.
ALTER TABLE organisation ADD COLUMN contact_name TEXT;
ALTER TABLE organisation ADD COLUMN contact_title TEXT;
ALTER TABLE organisation ADD COLUMN contact_email TEXT;
ALTER TABLE organisation ADD COLUMN contact_phone TEXT;
ALTER TABLE organisation ADD COLUMN website TEXT;
ALTER TABLE organisation ADD COLUMN field TEXT;        -- a role model's field ("havbruksingeniør")
ALTER TABLE organisation ADD COLUMN affiliation TEXT;  -- a role model's employer or place of study

-- "shows" (careers, apprenticeships, recruitment) becomes what the provider
-- recruits young people for: jobs, apprenticeships, summer_jobs, studies.
-- Showing careers is what every provider does, so it is no longer a choice;
-- "recruitment" meant jobs.
ALTER TABLE organisation ADD COLUMN recruits_for TEXT NOT NULL DEFAULT '';  -- comma list
UPDATE organisation SET recruits_for = RTRIM(
    (CASE WHEN ',' || shows || ',' LIKE '%,recruitment,%' THEN 'jobs,' ELSE '' END) ||
    (CASE WHEN ',' || shows || ',' LIKE '%,apprenticeships,%' THEN 'apprenticeships,' ELSE '' END),
    ',');
ALTER TABLE organisation DROP COLUMN shows;
ALTER TABLE organisation DROP COLUMN logo_url;
