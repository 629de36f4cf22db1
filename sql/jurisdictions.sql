-- Jurisdictions (第八章 附则, src/jurisdictions.c): 第三十四条, the service
-- plans the city's bigdata department reviews, and 第三十五条, counties
-- acting by reference within their own region.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2026-11-27';
SET bjxm_test.roles = 'jx_county_unit,jx_city_bigdata,jx_county_bigdata,jx_county_gov,jx_city_gov';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO jx_county_unit;
GRANT bjxm_bigdata TO jx_city_bigdata, jx_county_bigdata;
GRANT bjxm_city_gov TO jx_county_gov, jx_city_gov;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('jx_city_bigdata', '520500'), bjxm.set_jurisdiction('jx_city_gov', '520500');
SELECT bjxm.register_unit('12520525JX0000001Y', '纳雍县人民医院(辖区)', 'institution', '520525') > 0 AS ok,
       bjxm.register_party('JX-R', '辖区测试评审机构', 'reviewer', '125205007824815559') > 0 AS r,
       bjxm.register_party('JX-V', '辖区测试服务单位', 'vendor', '91520500JXW0000010') > 0 AS v;
SELECT bjxm.grant_unit_member('jx_county_unit', '12520525JX0000001Y');
SELECT bjxm.set_jurisdiction('jx_county_bigdata', '520525'), bjxm.set_jurisdiction('jx_county_gov', '520525');

-- A county project of 150万 (第三十四条(三): 100万 or more), walked by the
-- superuser to the annual plan (the steps are tested in planning).
CREATE FUNCTION pg_temp.walk(name text, estimate numeric) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  p := bjxm.create_project('12520525JX0000001Y', name, 'business_system', '{development}', 2027, estimate);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'JX-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p); PERFORM bjxm.propose_for_plan(p);
  RETURN p;
END $$;
SELECT pg_temp.walk('县医院信息平台(辖区)', 1500000) AS big \gset
SELECT pg_temp.walk('县医院排班系统(辖区)', 300000) AS small \gset
SELECT pg_temp.walk('县医院影像系统(辖区)', 1500000) AS mid \gset

-- 第三十五条: the county's plan is approved by the county's government or
-- the city's, never by another county's; the city's plan by the city's.
SET ROLE jx_county_gov;
SELECT bjxm.approve_annual_plan(2027, '520500');
\echo :SQLSTATE
SELECT count(*) AS findings FROM bjxm.check(NULL, 'approve_annual_plan', '{"year": 2027, "region": "520525"}');
SET ROLE jx_city_gov;
SELECT count(*) AS findings FROM bjxm.check(NULL, 'approve_annual_plan', '{"year": 2027, "region": "520525"}');
SET ROLE jx_county_gov;
SELECT bjxm.approve_annual_plan(2027, '520525') AS approved;
RESET ROLE;
SELECT bjxm.set_performance_targets(p, '{"t": 1}'), bjxm.add_line_item(p, 'software_development', '软件开发', 1500000) > 0 AS item
  FROM unnest(ARRAY[:big, :small, :mid]::bigint[]) p;
SELECT bjxm.arrange_budget(:big, 1500000), bjxm.arrange_budget(:small, 300000), bjxm.arrange_budget(:mid, 990000);
SELECT bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}'), bjxm.entrust_review(p, 'JX-R')
  FROM unnest(ARRAY[:big, :small, :mid]::bigint[]) p;
SELECT bjxm.approve_service_plan(:big, true, 1400000, 'r'), bjxm.approve_service_plan(:small, true, 290000, 'r');
-- 第十四条: the control price is priced within the budget.  The county
-- project of the issue (estimate 1,500,000, budget arranged at 990,000)
-- cannot have its control price reviewed at 1,500,000 ...
SELECT bjxm.approve_service_plan(:mid, true, 1500000, 'r');
\echo :SQLSTATE
SELECT bjxm.approve_service_plan(:mid, true, 990000, 'r');

-- 第三十四条(三): the county project of 100万 or more needs the city's review;
-- the small one does not.
SET ROLE jx_county_unit;
SELECT clause, sqlstate, message, detail FROM bjxm.check(:big, 'record_procurement', '{"vendor": "JX-V", "amount": 1300000, "method": "open_tender"}');
SELECT count(*) AS findings FROM bjxm.check(:small, 'record_procurement', '{"vendor": "JX-V", "amount": 290000, "method": "open_tender"}');
-- ... and its budget under the threshold does not hide its estimate: the
-- largest of estimate, budget, control price and procurement counts.
SELECT clause, sqlstate, detail FROM bjxm.check(:mid, 'record_procurement', '{"vendor": "JX-V", "amount": 990000, "method": "open_tender"}');
SELECT bjxm.record_procurement(:mid, 'JX-V', 990000, 'open_tender');
\echo :SQLSTATE
SELECT bjxm.record_procurement(:big, 'JX-V', 1300000, 'open_tender');
\echo :SQLSTATE
-- The review is the city's: the county's own bigdata department may not record it (第三十五条).
SET ROLE jx_county_bigdata;
SELECT clause, sqlstate, message FROM bjxm.check(:big, 'record_city_review', '{"passed": true}');
SELECT bjxm.record_city_review(:big, true, '县级自评');
\echo :SQLSTATE
SET ROLE jx_city_bigdata;
SELECT bjxm.record_city_review(:big, true, '市级评审通过');
SET ROLE jx_county_unit;
SELECT count(*) AS findings FROM bjxm.check(:big, 'record_procurement', '{"vendor": "JX-V", "amount": 1300000, "method": "open_tender"}');
SELECT bjxm.record_procurement(:big, 'JX-V', 1300000, 'open_tender');
SELECT bjxm.record_procurement(:small, 'JX-V', 290000, 'open_tender');
RESET ROLE;
SELECT project_name, state FROM bjxm.project_library WHERE project_id IN (:big, :small) ORDER BY project_id;

-- 第三十五条: who covers which region is the city's bigdata department's to
-- set; a county member may not widen its own.
SET ROLE jx_county_bigdata;
SELECT bjxm.set_jurisdiction('jx_county_bigdata', '520500');
\echo :SQLSTATE
SET ROLE jx_city_bigdata;
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'set_jurisdiction', '{"member": "jx_county_unit", "region": "520525"}');
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'set_jurisdiction', '{"member": "jx_county_gov", "region": "529999"}');
RESET ROLE;

-- 第三十五条 fails closed (issue 15).  The jurisdiction is kept by role OID,
-- valid while the role holds the SELECT grant set_jurisdiction made with it.
SET bjxm_test.roles = 'jx_rename_me,jx_dropped,jx_nojur_bigdata,jx_nojur_finance,jx_nojur_gov,jx_nojur_auditor,jx_void';
\i sql/include/roles.sql
GRANT bjxm_bigdata TO jx_rename_me, jx_dropped, jx_nojur_bigdata, jx_void;
GRANT bjxm_finance TO jx_nojur_finance;
GRANT bjxm_city_gov TO jx_nojur_gov;
GRANT bjxm_auditor TO jx_nojur_auditor;
SELECT bjxm.set_jurisdiction('jx_rename_me', '520525'), bjxm.set_jurisdiction('jx_dropped', '520525'),
       bjxm.set_jurisdiction('jx_void', '520500');
SELECT count(*) AS all_projects FROM bjxm.projects \gset
SELECT :all_projects > 3 AS more_than_the_county;
SET ROLE jx_rename_me;
SELECT count(*) AS county_projects FROM bjxm.projects;
RESET ROLE;
-- Replay: the county bigdata role renamed with ALTER ROLE … RENAME keeps
-- exactly its county — the same projects, no city setting.
ALTER ROLE jx_rename_me RENAME TO jx_renamed;
SET ROLE jx_renamed;
SELECT count(*) AS projects_after_rename, bool_and(u.region = '520525') AS all_in_county
  FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id = p.unit_id;
SELECT bjxm._sees_all_units() AS city_wide;
SELECT bjxm.set_setting('rectification_days', '10');
\echo :SQLSTATE
SELECT bjxm.register_unit('12520525JX00000022', '纳雍县改名后登记', 'institution', '520525') > 0 AS county_unit_registered;
SELECT region FROM bjxm.jurisdictions;
RESET ROLE;
-- The row follows the OID; its name is refreshed when a jurisdiction is next set (for pg_dump).
SELECT bjxm.set_jurisdiction('jx_dropped', '520525');
SELECT member, region FROM bjxm.jurisdictions WHERE role_oid = 'jx_renamed'::regrole;

-- A dropped role loses it.  DROP ROLE is refused while the jurisdiction
-- stands; DROP OWNED BY (the DBA's step before DROP ROLE) takes the grant
-- away, and the row left behind is void.
DROP ROLE jx_dropped;
\echo :SQLSTATE
DROP OWNED BY jx_dropped;
DROP ROLE jx_dropped;
-- A new role of the same name gets nothing (another OID).
CREATE ROLE jx_dropped NOLOGIN;
GRANT bjxm_bigdata TO jx_dropped;
SET ROLE jx_dropped;
SELECT count(*) AS projects_seen FROM bjxm.projects;
SELECT count(*) AS units_seen FROM bjxm.units;
SELECT bjxm.register_unit('12520525JX00000035', '纳雍县同名新角色', 'institution', '520525');
\echo :SQLSTATE
RESET ROLE;
SELECT count(*) AS rows_of_dropped_roles FROM bjxm.jurisdictions j WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.oid = j.role_oid);
-- A row whose grant is gone is void: what a later role given a dropped
-- role's OID would find.
SET ROLE jx_void;
SELECT bjxm._sees_all_units() AS city_wide_before;
RESET ROLE;
REVOKE SELECT ON bjxm.jurisdictions FROM jx_void;
SET ROLE jx_void;
SELECT bjxm._sees_all_units() AS city_wide_after, count(*) AS units_seen FROM bjxm.units;
RESET ROLE;

-- A bigdata, finance, city_gov or auditor member without a jurisdiction
-- sees nothing unit-scoped and changes nothing.
SET ROLE jx_nojur_bigdata;
SELECT (SELECT count(*) FROM bjxm.units) AS units, (SELECT count(*) FROM bjxm.projects) AS projects,
       (SELECT count(*) FROM bjxm.events) AS events, (SELECT count(*) FROM bjxm.project_library) AS library;
SELECT bjxm.set_setting('rectification_days', '10');
\echo :SQLSTATE
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'set_setting', '{"key": "rectification_days", "value": "10"}');
SELECT bjxm.register_unit('12520525JX00000035', '无管辖范围登记', 'institution', '520525');
\echo :SQLSTATE
SELECT bjxm.record_city_review(:big, true, '无管辖范围');
\echo :SQLSTATE
SET ROLE jx_nojur_finance;
SELECT (SELECT count(*) FROM bjxm.units) AS units, (SELECT count(*) FROM bjxm.projects) AS projects;
SELECT bjxm.arrange_budget(:small, 300000);
\echo :SQLSTATE
SET ROLE jx_nojur_gov;
SELECT (SELECT count(*) FROM bjxm.units) AS units, (SELECT count(*) FROM bjxm.projects) AS projects;
SELECT bjxm.approve_annual_plan(2027, '520525');
\echo :SQLSTATE
SET ROLE jx_nojur_auditor;
SELECT (SELECT count(*) FROM bjxm.units) AS units, (SELECT count(*) FROM bjxm.projects) AS projects,
       (SELECT count(*) FROM bjxm.jurisdictions) AS jurisdictions;
RESET ROLE;

-- The city-wide scope is granted explicitly (520500), and revoked.
SELECT bjxm.set_jurisdiction('jx_nojur_bigdata', '520500');
SET ROLE jx_nojur_bigdata;
SELECT bjxm._sees_all_units() AS city_wide, (SELECT count(*) FROM bjxm.projects) = :all_projects AS sees_every_project;
SELECT bjxm.set_setting('rectification_days', '30');
-- A county member does not revoke a jurisdiction; the city's bigdata does.
SET ROLE jx_renamed;
SELECT bjxm.revoke_jurisdiction('jx_nojur_bigdata');
\echo :SQLSTATE
SET ROLE jx_city_bigdata;
SELECT bjxm.revoke_jurisdiction('jx_nojur_bigdata');
SELECT bjxm.revoke_jurisdiction('jx_nojur_bigdata');
\echo :SQLSTATE
SET ROLE jx_nojur_bigdata;
SELECT bjxm._sees_all_units() AS city_wide, (SELECT count(*) FROM bjxm.projects) AS projects;
RESET ROLE;
SELECT action, actor, clause, note FROM bjxm.events
 WHERE action IN ('set_jurisdiction', 'revoke_jurisdiction') AND note LIKE 'jx\_nojur%' ORDER BY event_id;

-- Leave the cluster as found (the roles are made once per cluster).
SELECT bjxm.revoke_jurisdiction('jx_renamed');
DROP ROLE jx_renamed, jx_dropped;
