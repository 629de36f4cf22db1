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
