-- The engine and its registry (src/engine.c, src/registry.c): every
-- state-changing function is an action of the registry, run through the
-- same steps; bjxm.check explains every one of them, a NULL project for
-- actions on units, parties, orders, catalogue entries and settings.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2026-11-27';
SET bjxm_test.roles = 'en_unit,en_bigdata,en_county_bigdata,en_finance,en_outsider';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO en_unit;
GRANT bjxm_bigdata TO en_bigdata, en_county_bigdata;
GRANT bjxm_finance TO en_finance;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('en_bigdata', '520500'), bjxm.set_jurisdiction('en_finance', '520500');

------------------------------------------------------------------------
-- The registry, as bjxm.actions() lists it
------------------------------------------------------------------------
SELECT action, kind, duties, clause, articles, cardinality(states) AS states,
       jsonb_array_length(arguments) AS arguments
  FROM bjxm.actions() ORDER BY kind, action;

-- Every public function that changes data is an action of the same name,
-- performed by bjxm._act; every action but the dry run has one.  The rest
-- of the public functions only read (listed, to be read by a reviewer).
CREATE TEMP VIEW en_functions AS
SELECT p.proname::text AS fn, p.provolatile,
       substring(pg_get_functiondef(p.oid) FROM 'bjxm\._act\(.*?,\s*''([a-z_]+)'',') AS acts,
       substring(pg_get_functiondef(p.oid) FROM 'bjxm\.check\(NULL, ''([a-z_]+)''') AS checks
  FROM pg_proc p
 WHERE p.pronamespace = 'bjxm'::regnamespace AND p.proname NOT LIKE '\_%' AND p.prokind = 'f'
   AND p.prorettype <> 'trigger'::regtype
   AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend))
   AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprcode = p.oid)
   AND NOT EXISTS (SELECT 1 FROM pg_amproc a WHERE a.amproc = p.oid);
SELECT fn, acts FROM en_functions WHERE acts IS NOT NULL AND acts <> fn;
SELECT a.action AS action_without_function FROM bjxm.actions() a
 WHERE a.kind <> 'dry_run' AND NOT EXISTS (SELECT 1 FROM en_functions f WHERE f.acts = a.action);
SELECT fn AS dry_run_wrapper, checks FROM en_functions WHERE checks IS NOT NULL ORDER BY fn;
SELECT fn AS reads_only, provolatile FROM en_functions WHERE acts IS NULL AND checks IS NULL ORDER BY fn;
SELECT count(DISTINCT acts) AS actions_by_function,   -- overloads (sign_contract, record_procurement) are one action
       (SELECT count(*) FROM bjxm.actions() WHERE kind <> 'dry_run') AS actions_in_registry
  FROM en_functions;
-- No public function is written in PL/pgSQL any more but the readers.
SELECT p.proname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'bjxm'::regnamespace AND l.lanname = 'plpgsql' AND p.prorettype <> 'trigger'::regtype
 ORDER BY 1;

------------------------------------------------------------------------
-- bjxm.check explains the actions on units, parties, members, settings,
-- orders and catalogue entries, with a NULL project
------------------------------------------------------------------------
SELECT bjxm.register_unit('11520500EN0000005B', '引擎测试单位', 'admin_dept') > 0 AS ok;
SELECT bjxm.register_unit('11520524EN0000007A', '织金县引擎测试单位', 'admin_dept', '520524') > 0 AS ok;
SELECT bjxm.grant_unit_member('en_unit', '11520500EN0000005B');
SELECT bjxm.set_jurisdiction('en_county_bigdata', '520524');
SELECT bjxm.open_rectification('11520500EN0000005B', 6, '引擎测试整改', NULL, '2026-12-31') AS ord \gset
SELECT count(*) AS events_before FROM bjxm.events \gset

-- Registries: the duty, the region (第三十五条), a duplicate, a bad kind.
SET ROLE en_outsider;
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'register_unit',
  '{"code": "11520500EN0000005B", "name": "x", "kind": "admin_dept", "region": "520500"}');
SET ROLE en_county_bigdata;
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'register_unit',
  '{"code": "11520500EN0000005B", "name": " ", "kind": "soe", "region": "520599"}');
SET ROLE en_bigdata;
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'register_unit',
  '{"code": "11520500EN0000005B", "name": "重复", "kind": "admin_dept", "region": "520500"}');
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'register_party',
  '{"code": "EN-X", "name": "某机构", "kind": "auditor"}');
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'register_party',
  '{"code": "EN-V", "name": "某服务单位", "kind": "vendor"}');
-- Members by role name or OID; separation of duties (第三条).
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'grant_unit_member',
  '{"member": "en_finance", "unit": "11520500EN0000005B"}');
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'grant_unit_member',
  jsonb_build_object('member', 'en_outsider'::regrole::oid::bigint, 'unit', '11520500EN0000005B'));
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'grant_unit_member',
  '{"member": "no_such_role_en", "unit": "11520500EN0000005B"}');
-- The city's own actions: a county member is out of its jurisdiction.
SET ROLE en_county_bigdata;
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'set_setting', '{"key": "rectification_days", "value": "40"}');
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'set_jurisdiction', '{"member": "en_county_bigdata", "region": "520500"}');
SET ROLE en_bigdata;
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'set_setting', '{"key": "rectification_days", "value": "0"}');
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'set_setting', '{"key": "no_such_setting", "value": "1"}');
SELECT count(*) AS findings FROM bjxm.check(NULL, 'set_setting', '{"key": "rectification_days", "value": "40"}');
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'set_excluded_term',
  '{"term": "某词", "clause": "第十二条", "active": true}');
-- Rectification orders: by the unit's member, the order's state.
SET ROLE en_unit;
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'open_rectification',
  '{"unit": "11520500EN0000005B", "category": 6, "finding": "x"}');
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'report_rectification', jsonb_build_object('id', :ord, 'result', ' '));
SELECT count(*) AS findings FROM bjxm.check(NULL, 'report_rectification', jsonb_build_object('id', :ord, 'result', '已整改'));
SET ROLE en_finance;
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'close_rectification', jsonb_build_object('id', :ord, 'passed', true));
SELECT clause, sqlstate, severity, message FROM bjxm.check(NULL, 'open_rectification',
  '{"unit": "11520500EN0000005B", "category": 10, "finding": "x", "deadline": "2020-01-01"}');
-- An order, a unit or an entry that does not exist: refused as invisible (42501), not listed.
SET ROLE en_unit;
SELECT * FROM bjxm.check(NULL, 'report_rectification', '{"id": 999999, "result": "x"}');
\echo :SQLSTATE
SELECT * FROM bjxm.check(NULL, 'list_data_resource', '{"id": 999999}');
\echo :SQLSTATE
SET ROLE en_bigdata;
SELECT * FROM bjxm.check(NULL, 'grant_unit_member', '{"member": "en_unit", "unit": "91520500EN0000008C"}');
\echo :SQLSTATE
-- The dry run of 第十一条 needs no duty and no project.
SET ROLE en_outsider;
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'expense_check', '{"category": "software_development", "name": "办公电脑采购"}');
-- None of the checks above changed anything.
RESET ROLE;
SELECT count(*) = :events_before AS unchanged FROM bjxm.events;

------------------------------------------------------------------------
-- Arguments: parsed by their spec, unknown ones refused, the object in the right place
------------------------------------------------------------------------
SET ROLE en_bigdata;
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'set_setting', '{"key": "rectification_days", "value": "40", "valeu": "41"}');
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'set_setting', '{"key": 7, "value": "40"}');
SELECT * FROM bjxm.check(42, 'set_setting', '{"key": "rectification_days", "value": "40"}');
\echo :SQLSTATE
SELECT * FROM bjxm.check(NULL, 'declare');
\echo :SQLSTATE
SELECT * FROM bjxm.check(NULL, 'no_such_action');
\echo :SQLSTATE
SELECT * FROM bjxm.check(NULL, 'set_setting', '[1, 2]');
\echo :SQLSTATE
-- The dry run is never performed.
RESET ROLE;
SELECT bjxm._act(NULL, 'expense_check', '{"category": "software_development", "name": "x"}');
\echo :SQLSTATE

------------------------------------------------------------------------
-- One success, one event; one refusal, no change
------------------------------------------------------------------------
SET ROLE en_bigdata;
SELECT bjxm.set_setting('rectification_days', '40');
SELECT bjxm.set_setting('rectification_days', 'forty');
\echo :SQLSTATE
SELECT bjxm.register_party('EN-V', '引擎测试服务单位', 'vendor') > 0 AS ok;
RESET ROLE;
SELECT action, actor, clause, note, details FROM bjxm.events WHERE event_id > :events_before ORDER BY event_id;
SET ROLE en_bigdata;
SELECT bjxm.set_setting('rectification_days', '30');
RESET ROLE;

------------------------------------------------------------------------
-- Red-team findings (issue 13): check never crashes, never locks, and
-- explains what the action refuses; bad dates and codes are findings.
------------------------------------------------------------------------
-- A role without any duty asks about register_unit with no arguments: the
-- findings, not a crashed backend.
SET ROLE en_outsider;
SELECT clause, sqlstate FROM bjxm.check(NULL, 'register_unit', '{}') ORDER BY 1, 2;
SELECT clause, sqlstate FROM bjxm.check(NULL, 'register_unit', '{"code": "11520500EN0000005B", "kind": "admin_dept", "region": "520500"}') ORDER BY 1, 2;
-- 第九条: an excluded project that is not in the plan is explained by check
-- as the action refuses it.
RESET ROLE;
CREATE ROLE en_gov NOLOGIN;
GRANT bjxm_city_gov TO en_gov;
SELECT bjxm.set_jurisdiction('en_gov', '520500');
SET ROLE en_gov;
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'approve_annual_plan', '{"year": 2027, "region": "520500", "excluded": [99999]}');
SELECT bjxm.approve_annual_plan(2027, '520500', ARRAY[99999]::bigint[]);
\echo :SQLSTATE
-- A bad date or code is a finding of check and a logged refusal of the
-- action; 'today', 'epoch' and infinity are not dates of a payment or a deadline.
SET ROLE en_bigdata;
SELECT clause, sqlstate FROM bjxm.check(NULL, 'open_rectification', '{"unit": "bogus", "category": 1, "finding": "x"}');
SELECT clause, sqlstate FROM bjxm.check(NULL, 'open_rectification', '{"unit": "11520500EN0000005B", "category": 1, "finding": "x", "deadline": "2027-02-30"}');
SELECT clause, sqlstate FROM bjxm.check(NULL, 'open_rectification', '{"unit": "11520500EN0000005B", "category": 1, "finding": "x", "deadline": "today"}');
SELECT bjxm.open_rectification('11520500EN0000005B', 1, 'x', NULL, 'infinity');
\echo :SQLSTATE
SELECT clause, sqlstate FROM bjxm.check(NULL, 'set_excluded_term', '{"term": "x", "clause": "第九十九条", "active": true}');
RESET ROLE;
-- 第三十五条: a role holding a jurisdiction cannot be dropped until it is revoked.
DROP ROLE en_gov;
\echo :SQLSTATE
SELECT bjxm.revoke_jurisdiction('en_gov');
DROP ROLE en_gov;
