-- bjxm.today() and rule settings (docs/reference.md §2 bjxm.today, §9).
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
-- Today in Asia/Shanghai whatever the session's TimeZone.
SET TimeZone = 'America/Los_Angeles';
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS shanghai_date;
RESET TimeZone;
-- The superuser-only override.
SET bjxm.today = '2027-03-15';
SELECT bjxm.today();
SET bjxm.today = '2027-02-29';
\echo :SQLSTATE
SET bjxm.today = 'tomorrow';
\echo :SQLSTATE
SELECT bjxm.today();
RESET bjxm.today;
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS back_to_real_date;
-- An ordinary role cannot set it once the library is loaded ...
SET ROLE dx_unit_a;
SET bjxm.today = '2030-01-01';
\echo :SQLSTATE
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS unchanged;
RESET ROLE;
-- ... nor before: a placeholder set in a fresh session is refused when the library loads.
\c bjxm_regress
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET ROLE dx_unit_a;
SET bjxm.today = '2030-01-01';
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS placeholder_ignored;
SHOW bjxm.today;
RESET ROLE;

-- Settings: rule parameters are data; changes are the city bigdata's and are audited.
SELECT key, value, kind, clause FROM bjxm.settings ORDER BY key;
SET ROLE dx_unit_a;
SELECT bjxm.set_setting('rectification_days', '10');
\echo :SQLSTATE
SET ROLE dx_bigdata_dafang;
SELECT bjxm.set_setting('rectification_days', '10');
\echo :SQLSTATE
SET ROLE dx_bigdata;
SELECT bjxm.set_setting('rectification_days', '-3');
\echo :SQLSTATE
SELECT bjxm.set_setting('rectification_days', '2.5');
\echo :SQLSTATE
SELECT bjxm.set_setting('slow_execution_rate', '1.5');
\echo :SQLSTATE
SELECT bjxm.set_setting('county_review_threshold', '1000000.001');
\echo :SQLSTATE
SELECT bjxm.set_setting('notify', 'maybe');
\echo :SQLSTATE
SELECT bjxm.set_setting('no_such_key', '1');
\echo :SQLSTATE
SELECT bjxm.set_setting('rectification_days', '45');
SELECT key, value, revision FROM bjxm.settings WHERE key = 'rectification_days';
SELECT action, actor, clause, note, details FROM bjxm.events ORDER BY event_id DESC LIMIT 1;
SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1;
SELECT bjxm.set_setting('rectification_days', '30');
RESET ROLE;
-- Labels.
SELECT bjxm.label('in_library'::bjxm.project_state), bjxm.label('soe'::bjxm.unit_kind),
       bjxm.label('single_source'::bjxm.procurement_method);
SELECT t.typname, count(*) AS values_without_label
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
 WHERE t.typnamespace = 'bjxm'::regnamespace
   AND NOT EXISTS (SELECT 1 FROM bjxm.enum_labels l WHERE l.enum_type = 'bjxm.' || t.typname AND l.value = e.enumlabel)
 GROUP BY 1;
