-- The event log (docs/reference.md §7): append-only for everyone, the owner included.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SELECT count(*) > 0 AS has_events FROM bjxm.events;
UPDATE bjxm.events SET note = 'edited';
\echo :SQLSTATE
DELETE FROM bjxm.events;
\echo :SQLSTATE
TRUNCATE bjxm.events CASCADE;
\echo :SQLSTATE
-- Ids are gapless and increase in the order of record; `at` is clock time,
-- so two actions in one transaction get two different times.
BEGIN;
SELECT bjxm.register_party('EV-1', '评估机构甲', 'evaluator') > 0 AS ok;
SELECT bjxm.register_party('EV-2', '评估机构乙', 'evaluator') > 0 AS ok;
SELECT count(DISTINCT at) AS distinct_times, max(event_id) - min(event_id) AS id_span
  FROM (SELECT * FROM bjxm.events ORDER BY event_id DESC LIMIT 2) e;
COMMIT;
SELECT count(*) = max(event_id) AS gapless, min(event_id) = 1 AS starts_at_one FROM bjxm.events;
-- effective_date is bjxm.today(); rulebook names the version and settings revision.
SELECT effective_date = bjxm.today() AS effective_today, rulebook ~ '^bjxm [0-9.]+ r[0-9]+$' AS rulebook_form
  FROM bjxm.events ORDER BY event_id DESC LIMIT 1;
-- Catch-up: events_since returns what the caller may see, in order.
SELECT count(*) = (SELECT count(*) FROM bjxm.events WHERE event_id > 2) AS all_after_2
  FROM bjxm.events_since(2);
SELECT event_id FROM bjxm.events_since(0, 3);
SELECT * FROM bjxm.events_since(0, 0);
\echo :SQLSTATE
SELECT * FROM bjxm.events_since(NULL);
\echo :SQLSTATE
SET ROLE dx_unit_a;
SELECT bool_and(unit_id = (SELECT unit_id FROM bjxm.units WHERE code = '11520500MB1545443Y') OR actor = 'dx_unit_a') AS only_own_unit,
       count(*) > 0 AS some
  FROM bjxm.events_since(0, 10000);
-- A project nobody can see, or that does not exist, is 42501 alike.
SELECT * FROM bjxm.history(987654);
\echo :SQLSTATE
SELECT bjxm.state_at(987654, now());
\echo :SQLSTATE
RESET ROLE;
-- The owner cannot hide the log from pg_dump or bypass the trigger by accident:
-- its triggers are there and enabled.
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'bjxm.events'::regclass AND NOT tgisinternal ORDER BY tgname;
