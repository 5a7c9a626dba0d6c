-- bench/scale/national.sql — a national data set for bench/scale.sh, made from
-- the demo (`stemnet demo seed`) on SQLite: 10 000 offers spread over every
-- municipality (copies of the demo's 86, every format), 50 000 slots (5 per
-- offer, school days of spring 2027), 5 000 teachers at schools across the
-- country, and 20 000 booking requests. Fictitious, like the demo: addresses
-- end in @bench.stemnet.invalid. Rows are written straight into the tables
-- (a load test's fixture, not a journey); the server rebuilds the search
-- index at start. `stemnet db copy` moves the result to PostgreSQL.
BEGIN;
CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 50000)
INSERT INTO n SELECT i FROM c;
CREATE TEMP TABLE src AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, * FROM offer;
CREATE TEMP TABLE mun AS
  SELECT ROW_NUMBER() OVER (ORDER BY number) - 1 AS k, number FROM municipality
   WHERE label_lon IS NOT NULL;
CREATE TEMP TABLE sch AS
  SELECT ROW_NUMBER() OVER (ORDER BY orgnr) - 1 AS k, orgnr FROM school;

INSERT INTO offer (id, organisation_id, title, description, format, subjects, languages,
                   grade_min, grade_max, capacity, digital, municipality_number, address,
                   travel_radius_km, duration_minutes, cost_nok, preparation, on_request,
                   kit_before, kit_during, kit_after, status, created_at, updated_at, materials,
                   preparation_minutes, curriculum)
SELECT 'bench-offer-' || n.i, s.organisation_id, s.title || ' (' || n.i || ')', s.description,
       s.format, s.subjects, s.languages, s.grade_min, s.grade_max, s.capacity, s.digital,
       m.number, s.address, s.travel_radius_km, s.duration_minutes, s.cost_nok, s.preparation,
       s.on_request, s.kit_before, s.kit_during, s.kit_after, 'published', s.created_at,
       s.updated_at, s.materials, s.preparation_minutes, s.curriculum
  FROM n
  JOIN src s ON s.k = n.i % (SELECT COUNT(*) FROM src)
  JOIN mun m ON m.k = (n.i * 7) % (SELECT COUNT(*) FROM mun)
 WHERE n.i <= 10000;

-- Five slots per offer on weekdays from 4 January 2027, two classes each.
INSERT INTO offer_slot (id, offer_id, starts_at, ends_at, capacity, booked)
SELECT 'bench-slot-' || n.i, 'bench-offer-' || ((n.i - 1) / 5 + 1),
       date('2027-01-04', '+' || (((n.i * 3) % 100) / 5 * 7 + (n.i * 3) % 5) || ' days') || 'T09:00',
       date('2027-01-04', '+' || (((n.i * 3) % 100) / 5 * 7 + (n.i * 3) % 5) || ' days') || 'T11:00',
       2, 0
  FROM n WHERE n.i <= 5 * (SELECT COUNT(*) FROM offer WHERE id LIKE 'bench-offer-%');

-- Teachers, each at a school; one password hash (the demo's) for all.
INSERT INTO person (id, email, name, password_hash, language, created_at)
SELECT 'bench-teacher-' || n.i, 'laerer' || n.i || '@bench.stemnet.invalid', 'Lærer ' || n.i,
       (SELECT password_hash FROM person ORDER BY id LIMIT 1), 'nb', '2026-08-15T08:00:00Z'
  FROM n WHERE n.i <= 5000;
INSERT INTO person_role (person_id, role, scope, created_at)
SELECT 'bench-teacher-' || n.i, 'teacher', 'school:' || s.orgnr, '2026-08-15T08:00:00Z'
  FROM n JOIN sch s ON s.k = (n.i * 13) % (SELECT COUNT(*) FROM sch)
 WHERE n.i <= 5000;

-- Requests: each teacher asks for four offers, for a slot of each.
INSERT INTO booking_request (id, offer_id, provider_id, school_orgnr, teacher_id, grade, pupils,
                             wished, slot_id, proposed_time, state, reason, created_at,
                             updated_at)
SELECT 'bench-request-' || n.i, o.id, o.organisation_id, substr(r.scope, 8),
       'bench-teacher-' || ((n.i - 1) % 5000 + 1), o.grade_min, 24, 'våren 2027',
       'bench-slot-' || ((n.i * 17) % 10000 * 5 + 1), NULL, 'requested', '',
       '2026-09-01T08:00:00Z', '2026-09-01T08:00:00Z'
  FROM n
  JOIN offer o ON o.id = 'bench-offer-' || ((n.i * 17) % 10000 + 1)
  JOIN person_role r ON r.person_id = 'bench-teacher-' || ((n.i - 1) % 5000 + 1)
 WHERE n.i <= 20000;
COMMIT;
