-- Reviews bound to what they reviewed (第十四条 the service plan and its
-- 招标控制价, 第三十四条 the city-level review; src/reviews.c).  A review
-- keeps its inputs; a later change to them voids it: the next gate
-- (procurement, contract, implementation, payment) is refused until it is
-- reviewed again, and bjxm.check names the void review and what changed.
-- The fixture acts as the superuser (every duty is tested elsewhere).
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2026-11-27';
SELECT bjxm.register_unit('11520500RB00000015', '毕节市评审绑定测试局', 'admin_dept') > 0 AS city_unit,
       bjxm.register_party('RB-R', '评审绑定测试评审机构', 'reviewer', '12520500RB00000025') > 0 AS reviewer,
       bjxm.register_party('RB-V', '评审绑定测试服务单位', 'vendor', '91520500RB00000033') > 0 AS vendor;
CREATE FUNCTION pg_temp.plan(content text, extra jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('service_content', content, 'budget', '90万元', 'functions', '业务办理',
    'data_resources', '业务库', 'network', '政务外网', 'security', '等保三级', 'technical_route', '微服务',
    'crypto_solution', 'SM2/SM3/SM4', 'schedule', '6个月', 'service_guarantee', '7x24', 'training_plan', '两期') || extra $$;
-- A city unit's project doing its business on a third party's system
-- (第三十四条第(一)项), walked to service_plan_submitted.
CREATE FUNCTION pg_temp.walk(name text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  p := bjxm.create_project('11520500RB00000015', name, 'business_system', '{development}', 2027, 900000);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '开发', 900000);
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'RB-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p); PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm.approve_annual_plan(2027, '520500',
    ARRAY(SELECT x.project_id FROM bjxm.projects x WHERE x.state = 'planned' AND x.project_id <> p));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  PERFORM bjxm.arrange_budget(p, 900000);
  PERFORM bjxm.set_project_facts(p, '{"uses_third_party_system": true, "deployment_site": "city_data_center"}');
  PERFORM bjxm.submit_service_plan(p, pg_temp.plan('平台开发'));
  PERFORM bjxm.entrust_review(p, 'RB-R');
  RETURN p;
END $$;
-- Review ids depend on the tests before: a detail shows them as #.
CREATE FUNCTION pg_temp.ids(t text) RETURNS text LANGUAGE sql AS $$
  SELECT regexp_replace(t, '评审记录 \d+', '评审记录 #', 'g') $$;
CREATE FUNCTION pg_temp.findings(p bigint, action text, args jsonb DEFAULT '{}')
    RETURNS TABLE (sqlstate text, message text, detail text) LANGUAGE sql AS $$
  SELECT c.sqlstate, c.message, pg_temp.ids(c.detail) FROM bjxm.check(p, action, args) c
   WHERE c.sqlstate IN ('BJ014', 'BJ034') ORDER BY 1, 3 $$;

------------------------------------------------------------------------------
-- The bypass: the city review of plan version 1 counted after the plan was
-- returned, rewritten (采购第三方SaaS并对外运营) and approved again.
------------------------------------------------------------------------------
SELECT pg_temp.walk('社保业务协同平台') AS a \gset
SELECT bjxm.record_city_review(:a, true, '同意: 平台开发');
SELECT kind, passed, inputs->'plan'->>'service_content' AS reviewed_content, inputs->>'amount' AS amount,
       inputs->'uses_third_party_system' AS third_party, digest = md5(inputs::text) AS digest_of_inputs
  FROM bjxm.reviews WHERE project_id = :a AND kind = 'city';
SELECT bjxm.approve_service_plan(:a, false, NULL, '方案需修改');
SELECT state FROM bjxm.projects WHERE project_id = :a;
SELECT bjxm.submit_service_plan(:a, pg_temp.plan('采购第三方SaaS并对外运营'));
SELECT bjxm.approve_service_plan(:a, true, 880000, 'FW-2');
SELECT bjxm.record_procurement(:a, 'RB-V', 870000, 'open_tender');
\echo :SQLSTATE
SELECT * FROM pg_temp.findings(:a, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');
-- Reviewed again on the plan as it stands, the gate opens.
SELECT bjxm.record_city_review(:a, true, '同意: 第三方SaaS');
SELECT count(*) AS findings FROM pg_temp.findings(:a, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');
SELECT bjxm.record_procurement(:a, 'RB-V', 870000, 'open_tender');

------------------------------------------------------------------------------
-- A fact the review rested on, turned off and on again after it; a fact
-- it did not rest on (deployment_site) changes nothing.
------------------------------------------------------------------------------
SELECT pg_temp.walk('公积金业务协同平台') AS b \gset
SELECT bjxm.record_city_review(:b, true, '同意');
SELECT bjxm.approve_service_plan(:b, true, 880000, 'FW-3');
SELECT bjxm.set_project_facts(:b, '{"deployment_site": "city_data_center", "gov_service_integration_required": true}');
SELECT count(*) AS unrelated_fact_findings FROM pg_temp.findings(:b, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');
SELECT bjxm.set_project_facts(:b, '{"uses_third_party_system": false}');
SELECT * FROM pg_temp.findings(:b, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');
SELECT bjxm.set_project_facts(:b, '{"uses_third_party_system": true}');
SELECT count(*) AS restored_findings FROM pg_temp.findings(:b, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');

------------------------------------------------------------------------------
-- Amounts: a review of more covers less; a higher amount than reviewed
-- (here the estimate raised behind the functions' back) voids it.
------------------------------------------------------------------------------
BEGIN;
UPDATE bjxm.projects SET estimate = 800000 WHERE project_id = :b;
SELECT count(*) AS lower_amount_findings FROM pg_temp.findings(:b, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');
UPDATE bjxm.projects SET estimate = 1500000 WHERE project_id = :b;
SELECT * FROM pg_temp.findings(:b, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');
ROLLBACK;

------------------------------------------------------------------------------
-- 第十四条: the service-plan review binds the plan and its 招标控制价.  A
-- plan changed outside bjxm's functions voids it (BJ014, naming the
-- sections); the entrusted institution reviews again at
-- service_plan_approved (passed keeps the state) and the gate opens.
------------------------------------------------------------------------------
SELECT bjxm.record_procurement(:b, 'RB-V', 870000, 'open_tender') IS NULL AS procured_b;
SELECT pg_temp.walk('医保业务协同平台') AS c \gset
SELECT bjxm.record_city_review(:c, true, '同意'), bjxm.approve_service_plan(:c, true, 880000, 'FW-4');
SELECT inputs->>'control_price' AS reviewed_control_price FROM bjxm.reviews WHERE project_id = :c AND kind = 'service_plan';
UPDATE bjxm.projects SET service_plan = service_plan || '{"functions": "业务办理、对外收费运营"}' WHERE project_id = :c;
SELECT bjxm.record_procurement(:c, 'RB-V', 870000, 'open_tender');
\echo :SQLSTATE
SELECT * FROM pg_temp.findings(:c, 'record_procurement', '{"vendor": "RB-V", "amount": 870000, "method": "open_tender"}');
SELECT bjxm.approve_service_plan(:c, true, 860000, 'FW-4 复审');
SELECT state, control_price FROM bjxm.projects WHERE project_id = :c;
-- A review that still stands is not re-reviewed (no shopping for a lower
-- control price under the same plan).
SELECT bjxm.approve_service_plan(:c, true, 500000, 'FW-4 再审压价');
\echo :SQLSTATE
SELECT bjxm.record_city_review(:c, true, '复审同意');
SELECT bjxm.record_procurement(:c, 'RB-V', 860000, 'open_tender') IS NULL AS procured_c;

------------------------------------------------------------------------------
-- 第十九条: an amendment under an approved adjustment is the approved
-- plan's lawful successor (the service-plan review stands), but the city
-- reviewed the old plan: its review is void until it reviews again.
------------------------------------------------------------------------------
SELECT bjxm.request_adjustment(:c, 'optimization', '增加移动端功能', '{"functions": "业务办理、移动端"}') AS adj \gset
SELECT bjxm.record_adjustment_opinion(:adj, true, '同意'), bjxm.decide_adjustment(:adj, true);
SELECT bjxm.amend_service_plan(:c, :adj, pg_temp.plan('平台开发', '{"functions": "业务办理、移动端"}'));
SELECT plan_digest = md5((SELECT service_plan FROM bjxm.projects WHERE project_id = :c)::text) AS successor
  FROM bjxm.adjustments WHERE adjustment_id = :adj;
SELECT * FROM pg_temp.findings(:c, 'sign_contract', '{"contract_no": "HT-C", "terms": {}}');
SELECT bjxm.record_city_review(:c, true, '同意增加移动端');
SELECT * FROM pg_temp.findings(:c, 'sign_contract', '{"contract_no": "HT-C", "terms": {}}');

------------------------------------------------------------------------------
-- bjxm.inspect reports a void review past the procurement, and a review
-- recorded before 0.3.0 (no inputs) as a warning.
------------------------------------------------------------------------------
BEGIN;
UPDATE bjxm.projects SET service_plan = service_plan || '{"schedule": "24个月"}' WHERE project_id = :b;
SELECT severity, sqlstate, message, pg_temp.ids(detail) AS detail FROM bjxm.inspect(:b)
 WHERE sqlstate IN ('BJ014', 'BJ034') ORDER BY 2;
ROLLBACK;
BEGIN;
UPDATE bjxm.reviews SET inputs = NULL, digest = NULL WHERE project_id = :b;
SELECT severity, sqlstate, message FROM bjxm.inspect(:b) WHERE sqlstate IN ('BJ014', 'BJ034') ORDER BY 2;
ROLLBACK;

DROP FUNCTION pg_temp.walk(text);
RESET bjxm.today;
