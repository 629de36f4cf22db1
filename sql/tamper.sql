-- Tamper evidence: the event log is an SM3 hash chain (GB/T 32905-2016);
-- bjxm.verify_events() reports the first broken link.
\set SHOW_CONTEXT never
-- The shared test database's log, after every test so far, is intact.
SELECT first_broken IS NULL AS intact, checked = (SELECT count(*) FROM bjxm.events) AS all_checked FROM bjxm.verify_events();
-- Verifying is the auditor's or bigdata's.
SET ROLE dx_unit_a;
SELECT * FROM bjxm.verify_events();
\echo :SQLSTATE
SET ROLE dx_auditor;
SELECT first_broken IS NULL AS intact FROM bjxm.verify_events();
RESET ROLE;
-- Each event links to the one before it in its lane (issue 17: one lane
-- per unit, 0 for the city); the first of a lane to zeros.
SELECT count(*) FILTER (WHERE e.prev_hash IS DISTINCT FROM coalesce(p.hash, decode(repeat('00', 32), 'hex'))) AS unlinked,
       count(*) FILTER (WHERE length(e.hash) <> 32) AS bad_length,
       count(DISTINCT e.lane) > 1 AS several_lanes
  FROM bjxm.events e LEFT JOIN bjxm.events p ON p.lane = e.lane AND p.lane_seq = e.lane_seq - 1;
SELECT prev_hash = '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea AS first_links_to_zero
  FROM bjxm.events WHERE event_id = 1;

-- A superuser who disables the trigger and edits a row is caught (in a
-- scratch database, so the shared log stays whole).
CREATE DATABASE bjxm_tamper;
\c bjxm_tamper
\set SHOW_CONTEXT never
CREATE EXTENSION bjxm;
SELECT bjxm.register_party('T-' || g, '机构' || g, 'vendor') > 0 AS ok FROM generate_series(1, 5) g;
SELECT checked, first_broken, detail FROM bjxm.verify_events();
ALTER TABLE bjxm.events DISABLE TRIGGER events_append_only;
UPDATE bjxm.events SET note = '篡改的说明' WHERE event_id = 3;
ALTER TABLE bjxm.events ENABLE TRIGGER events_append_only;
SELECT checked, first_broken, detail FROM bjxm.verify_events();
-- Putting the words back restores the chain: the hash covers the content.
ALTER TABLE bjxm.events DISABLE TRIGGER events_append_only;
UPDATE bjxm.events SET note = '机构3' WHERE event_id = 3;
SELECT checked, first_broken FROM bjxm.verify_events();
-- Changing the actor, or forging a hash for the edit, is caught too.
UPDATE bjxm.events SET actor = 'someone_else' WHERE event_id = 2;
SELECT first_broken FROM bjxm.verify_events();
UPDATE bjxm.events SET actor = 'postgres' WHERE event_id = 2;
-- The login beside the actor (issue 15) is hashed too: changed or removed, caught.
SELECT login FROM bjxm.events WHERE event_id = 2;
UPDATE bjxm.events SET login = 'pooled_app' WHERE event_id = 2;
SELECT first_broken FROM bjxm.verify_events();
UPDATE bjxm.events SET login = NULL WHERE event_id = 2;
SELECT first_broken FROM bjxm.verify_events();
UPDATE bjxm.events SET login = 'postgres' WHERE event_id = 2;
UPDATE bjxm.events SET note = 'x' WHERE event_id = 4;
SELECT first_broken, detail FROM bjxm.verify_events();
UPDATE bjxm.events SET note = '机构4' WHERE event_id = 4;
SELECT first_broken IS NULL AS intact_again FROM bjxm.verify_events();
-- Removing the last event disagrees with the chain head; removing one in
-- the middle leaves a gap.
DELETE FROM bjxm.events WHERE event_id = 5;
SELECT checked, first_broken, detail FROM bjxm.verify_events();
DELETE FROM bjxm.events WHERE event_id = 3;
SELECT checked, first_broken, detail FROM bjxm.verify_events();
ALTER TABLE bjxm.events ENABLE TRIGGER events_append_only;
\c bjxm_regress
DROP DATABASE bjxm_tamper;
