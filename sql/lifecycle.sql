-- The project lifecycle (SPEC §3): every gate from 申报 to 综合评估,
-- driven by distinct roles with SET ROLE, as an application would.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2026-11-27';
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['lc_app', 'lc_unit', 'lc_unit2', 'lc_county_unit', 'lc_bigdata', 'lc_county_bigdata',
                           'lc_finance', 'lc_gov', 'lc_county_gov', 'lc_reviewer', 'lc_reviewer2', 'lc_auditor'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
  END LOOP;
END $$;
GRANT bjxm_user_unit TO lc_unit, lc_unit2, lc_county_unit;
GRANT bjxm_bigdata TO lc_bigdata, lc_county_bigdata;
GRANT bjxm_finance TO lc_finance;
GRANT bjxm_city_gov TO lc_gov, lc_county_gov;
GRANT bjxm_reviewer TO lc_reviewer, lc_reviewer2;
GRANT bjxm_auditor TO lc_auditor;
GRANT lc_unit, lc_unit2, lc_county_unit, lc_bigdata, lc_county_bigdata, lc_finance, lc_gov, lc_county_gov,
      lc_reviewer, lc_reviewer2, lc_auditor TO lc_app;
-- The pooled login inherits nothing: it acts only through SET ROLE.
ALTER ROLE lc_app LOGIN NOINHERIT;

-- Registries.
SET ROLE lc_bigdata;
SELECT bjxm.register_unit('11520500LC00000172', '毕节市教育局', 'admin_dept') > 0 AS ok;
SELECT bjxm.register_unit('91520500LC00000291', '毕节市某城投公司', 'soe') > 0 AS ok;
SELECT bjxm.register_unit('12520524LC0000032A', '织金县人民医院', 'institution', '520524') > 0 AS ok;
SELECT bjxm.register_party('LC-R1', '贵州某工程咨询评审中心', 'reviewer', '91520100LCR000001C') > 0 AS ok;
SELECT bjxm.register_party('LC-R2', '毕节某信息技术评审所', 'reviewer', '91520500LCR0000024') > 0 AS ok;
SELECT bjxm.register_party('LC-V1', '贵州某软件有限公司', 'vendor', '91520100LCW000001Y') > 0 AS ok;
SELECT bjxm.register_party('LC-V2', '毕节某信息技术评审所(同一法人)', 'vendor', '91520500LCR0000024') > 0 AS ok;
SELECT bjxm.register_party('LC-D1', '某咨询设计院', 'designer', '91520100LCD0000012') > 0 AS ok;
SELECT bjxm.register_party('LC-E1', '某第三方评估机构', 'evaluator', '91520100LCE0000018') > 0 AS ok;
SELECT bjxm.grant_unit_member('lc_unit', '11520500LC00000172');
SELECT bjxm.grant_unit_member('lc_unit2', '91520500LC00000291');
SELECT bjxm.grant_unit_member('lc_county_unit', '12520524LC0000032A');
SELECT bjxm.grant_party_member('lc_reviewer', 'LC-R1');
SELECT bjxm.grant_party_member('lc_reviewer2', 'LC-R2');
SELECT bjxm.set_jurisdiction('lc_county_bigdata', '520524');
SELECT bjxm.set_jurisdiction('lc_county_gov', '520524');
RESET ROLE;

SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
\set SHOW_CONTEXT never

------------------------------------------------------------------------
-- 第二条, 第十条: creating a project
------------------------------------------------------------------------
SET ROLE lc_unit;
SELECT bjxm.create_project('11520500LC00000172', '涉密考务系统', 'business_system', '{development}', 2027, 800000, classified => true);
\echo :SQLSTATE
SET ROLE lc_unit2;
SELECT bjxm.create_project('91520500LC00000291', '城投智慧停车平台', 'service_platform', '{development}', 2027, 900000);
\echo :SQLSTATE
SELECT bjxm.create_project('91520500LC00000291', '城投智慧停车平台', 'service_platform', '{development}', 2027, 900000, 'self_raised') AS soe_project \gset
-- A unit member acts only for its unit.
SELECT bjxm.create_project('11520500LC00000172', '越权创建', 'other', '{operation}', 2027, 1000);
\echo :SQLSTATE
SET ROLE lc_bigdata;
SELECT bjxm.create_project('11520500LC00000172', '大数据局代建', 'other', '{operation}', 2027, 1000);
\echo :SQLSTATE
SET ROLE lc_unit;
-- Money: more than two decimals is refused, never rounded.
SELECT bjxm.create_project('11520500LC00000172', '教育资源公共服务平台', 'service_platform', '{development,operation}', 2027, 1200000.005);
\echo :SQLSTATE
SELECT bjxm.create_project('11520500LC00000172', '教育资源公共服务平台', 'service_platform', '{development,operation}', 2027, 0);
\echo :SQLSTATE
SELECT bjxm.create_project('11520500LC00000172', '教育资源公共服务平台', 'service_platform', '{development,operation}', 2027, 1200000) AS p \gset
SELECT project_name, unit_name, state, state_label, plan_year, estimate FROM bjxm.project_library WHERE project_id = :p;

------------------------------------------------------------------------
-- 第五条, 第六条: demand plan and declaration
------------------------------------------------------------------------
SELECT bjxm.declare(:p);
\echo :SQLSTATE
SELECT sqlstate, severity, message FROM bjxm.check(:p, 'declare');
SELECT bjxm.set_demand_plan(:p, '{"goals": "统一全市教育资源", "service_content": "平台开发与运维", "functions": "资源检索、课程直播",
  "data_resources": "课程库、教师库", "network": "电子政务外网", "security": "等保三级",
  "cost_estimate": "120万元", "crypto_plan": {"assessed_by": "expert", "passed": false, "ref": "MP-2026-01"}}');
SELECT bjxm.declare(:p);
\echo :SQLSTATE
SELECT bjxm.set_demand_plan(:p, '{"goals": "统一全市教育资源", "service_content": "平台开发与运维", "functions": "资源检索、课程直播",
  "data_resources": "课程库、教师库", "network": "电子政务外网", "security": "等保三级", "designed_by": "LC-D1",
  "cost_estimate": "120万元", "crypto_plan": {"assessed_by": "third_party", "passed": true, "ref": "MP-2026-01"}}');
-- 第六条: only next year's projects are declared now.
SELECT bjxm.create_project('11520500LC00000172', '后年项目', 'other', '{operation}', 2028, 50000) AS later \gset
SELECT bjxm.set_demand_plan(:later, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "5万元", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
SELECT bjxm.declare(:later);
\echo :SQLSTATE
SELECT bjxm.withdraw(:later, '改为后年再报');
SELECT bjxm.declare(:p);
-- Not twice: BJ000 names the state and the actions allowed.
SELECT bjxm.declare(:p);
\echo :SQLSTATE

------------------------------------------------------------------------
-- 第六条–第八条: preliminary review, entrusted review, library
------------------------------------------------------------------------
SELECT bjxm.preliminary_review(:p, true, '符合规划');
\echo :SQLSTATE
SET ROLE lc_bigdata;
SELECT bjxm.preliminary_review(:p, false, '需求不明确, 请补充');
SELECT state FROM bjxm.projects WHERE project_id = :p;
SET ROLE lc_unit;
SELECT bjxm.declare(:p);
SET ROLE lc_bigdata;
SELECT bjxm.preliminary_review(:p, true, '符合规划');
SELECT project_id = :p AS listed, state FROM bjxm.candidate_list WHERE project_id = :p;
-- 第七条: only the entrusted institution records the review.
SET ROLE lc_reviewer;
SELECT bjxm.record_review(:p, true, 'PS-2026-118');
\echo :SQLSTATE
SET ROLE lc_bigdata;
SELECT bjxm.entrust_review(:p, 'LC-V1');
\echo :SQLSTATE
SELECT bjxm.entrust_review(:p, 'LC-R2');
SELECT bjxm.entrust_review(:p, 'LC-R1');
SET ROLE lc_reviewer2;
SELECT bjxm.record_review(:p, true, 'PS-2026-118');
\echo :SQLSTATE
SET ROLE lc_reviewer;
SELECT project_name FROM bjxm.project_library;
SELECT bjxm.record_review(:p, true, 'PS-2026-118');
SET ROLE lc_bigdata;
SELECT bjxm.admit_to_library(:p);
SELECT bjxm.carry_over(:p, 2026);
\echo :SQLSTATE

------------------------------------------------------------------------
-- 第九条, 第三十二条, 第十条: plan, approval, budget
------------------------------------------------------------------------
SELECT bjxm.propose_for_plan(:p);
SET ROLE lc_unit;
SELECT bjxm.create_project('11520500LC00000172', '校园安全视频平台', 'business_system', '{development}', 2027, 600000) AS q \gset
-- Without SET ROLE the pooled login has no duty at all.
RESET ROLE;
SELECT bjxm.declare(:q);
\echo :SQLSTATE
RESET SESSION AUTHORIZATION;
-- (a second project walked to 'planned' by a superuser: flagged in the log)
SELECT bjxm.set_demand_plan(:q, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "60万元", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
SELECT bjxm.declare(:q); SELECT bjxm.preliminary_review(:q, true); SELECT bjxm.entrust_review(:q, 'LC-R1');
SELECT bjxm.record_review(:q, true, 'x'); SELECT bjxm.admit_to_library(:q); SELECT bjxm.propose_for_plan(:q);
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_county_gov;
SELECT bjxm.approve_annual_plan(2027);
\echo :SQLSTATE
SET ROLE lc_gov;
SELECT project_name, state_label, approved FROM bjxm.annual_plan WHERE plan_year = 2027 AND unit = '11520500LC00000172' ORDER BY project_id;
SELECT bjxm.approve_annual_plan(2027, '520500', ARRAY[999999]::bigint[]);
\echo :SQLSTATE
SELECT bjxm.approve_annual_plan(2027, '520500', ARRAY[:q]::bigint[]) AS approved_count;
SELECT project_name, state_label, approved FROM bjxm.annual_plan WHERE plan_year = 2027 AND unit = '11520500LC00000172' ORDER BY project_id;
SELECT state FROM bjxm.projects WHERE project_id = :q;
-- 第三十二条: no budget without performance targets.
SET ROLE lc_finance;
SELECT bjxm.arrange_budget(:p, 1150000);
\echo :SQLSTATE
SET ROLE lc_unit;
SELECT bjxm.arrange_budget(:p, 1150000);
\echo :SQLSTATE
SELECT bjxm.set_performance_targets(:p, '{"覆盖学校": 300, "月活跃教师": 5000}');
SET ROLE lc_finance;
-- A major project with development services needs a passed 事前绩效评估.
SET ROLE lc_bigdata;
SELECT bjxm.set_setting('major_project_threshold', '1000000');
SET ROLE lc_finance;
SELECT sqlstate, message FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1150000}');
SELECT sqlstate, message FROM bjxm.check(:p, 'arrange_budget', '{"amount": 900000}');
SELECT bjxm.arrange_budget(:p, 1150000);
\echo :SQLSTATE
SET ROLE lc_unit;
SELECT bjxm.record_ex_ante_assessment(:p, true, 'SQPG-2027-05');
SET ROLE lc_finance;
SELECT bjxm.arrange_budget(:p, 1150000);
SET ROLE lc_bigdata;
SELECT bjxm.set_setting('major_project_threshold', '10000000');
SET ROLE lc_finance;

------------------------------------------------------------------------
-- 第十三条, 第十四条, 第三十四条: service plan, control price, city review
------------------------------------------------------------------------
SET ROLE lc_unit;
SELECT bjxm.submit_service_plan(:p, '{"service_content": "平台开发", "budget": "115万元"}');
\echo :SQLSTATE
SELECT bjxm.submit_service_plan(:p, '{"service_content": "平台开发", "budget": "115万元", "functions": "检索、直播",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "两期"}');
SET ROLE lc_bigdata;
SELECT bjxm.entrust_review(:p, 'LC-R2');
SET ROLE lc_reviewer2;
SELECT bjxm.approve_service_plan(:p, true, NULL, 'FW-2027-9');
\echo :SQLSTATE
SELECT bjxm.approve_service_plan(:p, true, 1100000, 'FW-2027-9');
SELECT state, control_price FROM bjxm.projects WHERE project_id = :p;

------------------------------------------------------------------------
-- 第十四条, 第十五条, 第三十四条: procurement
------------------------------------------------------------------------
SET ROLE lc_unit;
SELECT bjxm.record_procurement(:p, 'LC-V1', 1100000.01, 'open_tender');
\echo :SQLSTATE
-- LC-V2 has the USCC of LC-R2, which reviewed this project's service plan.
SELECT bjxm.record_procurement(:p, 'LC-V2', 1000000, 'open_tender');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:p, 'record_procurement', '{"vendor": "LC-V2", "amount": 1200000, "method": "open_tender"}');
-- 第三十四条(一): a city unit using a third-party system needs the city-level review.
SELECT bjxm.set_project_facts(:p, '{"uses_third_party_system": true, "deployment_site": "city_data_center"}');
SELECT bjxm.record_procurement(:p, 'LC-V1', 1050000, 'open_tender');
\echo :SQLSTATE
SET ROLE lc_county_bigdata;
SELECT bjxm.record_city_review(:p, true, '同意');
\echo :SQLSTATE
SET ROLE lc_bigdata;
SELECT bjxm.record_city_review(:p, true, '同意');
SET ROLE lc_unit;
SELECT bjxm.record_procurement(:p, 'LC-V1', 1050000, 'open_tender');

------------------------------------------------------------------------
-- 第十六条, 第二十八条: the three-party contract
------------------------------------------------------------------------
SELECT bjxm.sign_contract(:p, 'BJ-HT-2027-001', '{"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500LC00000172", "vendor": "LC-V2"},
  "emergency_response": true, "annual_security_test": true}');
\echo :SQLSTATE
SELECT sqlstate, message, detail FROM bjxm.check(:p, 'sign_contract', '{"contract_no": "X", "terms": {"parties": {"bigdata": "x", "user_unit": "11520500LC00000172", "vendor": "LC-V1"}, "emergency_response": true}}');
SELECT bjxm.sign_contract(:p, 'BJ-HT-2027-001', '{"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500lc00000172", "vendor": "LC-V1"},
  "emergency_response": true, "annual_security_test": true, "crypto_assessment": true, "risk_assessment": true, "report_results": true}');
SELECT bjxm.start_implementation(:p);

------------------------------------------------------------------------
-- 第十九条: adjustments
------------------------------------------------------------------------
-- Changing the approved plan needs an approved adjustment (and the plan stays complete).
SELECT bjxm.amend_service_plan(:p, 0, '{"service_content": "平台开发(含移动端)", "budget": "115万元", "functions": "检索、直播、移动端",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "两期"}');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:p, 'amend_service_plan', '{"adjustment": 0, "plan": {}}');
SELECT bjxm.request_adjustment(:p, 'optimization', '增加移动端') AS adj \gset
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj, true);
\echo :SQLSTATE
SELECT bjxm.decide_adjustment(:adj, true, '专家组同意增加移动端');
SET ROLE lc_unit;
SELECT bjxm.amend_service_plan(:p, :adj, '{"service_content": "平台开发(含移动端)", "budget": "115万元", "functions": "检索、直播、移动端",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "两期"}');
-- An adjustment is used once.
SELECT bjxm.amend_service_plan(:p, :adj, '{"service_content": "平台开发(含移动端)", "budget": "115万元", "functions": "检索、直播、移动端",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "两期"}');
\echo :SQLSTATE

------------------------------------------------------------------------
-- 第二十条: acceptance by one user-unit and one bigdata actor
------------------------------------------------------------------------
SELECT bjxm.sign_acceptance(:p, true, '功能完整');
SELECT state FROM bjxm.projects WHERE project_id = :p;
SELECT bjxm.sign_acceptance(:p, true, '再签一次');
\echo :SQLSTATE
SET ROLE lc_bigdata;
SELECT bjxm.sign_acceptance(:p, false, '性能不达标');
SELECT state, (SELECT count(*) FROM bjxm.acceptance_signatures s WHERE s.project_id = :p) AS signatures FROM bjxm.projects WHERE project_id = :p;
SET ROLE lc_unit;
SELECT bjxm.sign_acceptance(:p, true, '整改后复验');
SET ROLE lc_bigdata;
SELECT bjxm.sign_acceptance(:p, true, '复验通过');
SELECT state FROM bjxm.projects WHERE project_id = :p;

------------------------------------------------------------------------
-- 第三十三条: comprehensive evaluation
------------------------------------------------------------------------
SELECT bjxm.record_evaluation(:p, 'LC-E1', 88, 101, 90, 'ZHPG-2028-01');
\echo :SQLSTATE
SELECT bjxm.record_evaluation(:p, 'LC-R1', 88, 91, 90, 'ZHPG-2028-01');
\echo :SQLSTATE
SELECT bjxm.record_evaluation(:p, 'LC-E1', 88, 91.5, 90, 'ZHPG-2028-01');
SELECT state, state_label FROM bjxm.project_library WHERE project_id = :p;
-- Nothing leaves evaluated.
SELECT bjxm.postpone(:p, '无');
\echo :SQLSTATE

------------------------------------------------------------------------
-- 第十二条: postpone, resume, terminate
------------------------------------------------------------------------
-- The excluded project goes back to the plan and is approved in a later round.
SET ROLE lc_bigdata;
SELECT bjxm.propose_for_plan(:q);
SET ROLE lc_gov;
SELECT bjxm.approve_annual_plan(2027) AS approved_count;
SET ROLE lc_finance;
SELECT bjxm.postpone(:q, '用户单位原因, 资金执行缓慢');
SELECT state FROM bjxm.projects WHERE project_id = :q;
SELECT bjxm.resume(:q);
SELECT state FROM bjxm.projects WHERE project_id = :q;
-- postpone and resume write the project row once each (state, updated_at
-- and postponed_from in one UPDATE), within one transaction's counters.
RESET ROLE;
RESET SESSION AUTHORIZATION;
BEGIN;
SELECT pg_stat_get_xact_tuples_updated('bjxm.projects'::regclass) AS upd0 \gset
SET ROLE lc_finance;
SELECT bjxm.postpone(:q, '用户单位原因, 再次推迟');
RESET ROLE;
SELECT pg_stat_get_xact_tuples_updated('bjxm.projects'::regclass) - :upd0 AS row_writes, state, postponed_from,
       updated_at >= now() AS written_now FROM bjxm.projects WHERE project_id = :q;
SET ROLE lc_finance;
SELECT bjxm.resume(:q);
RESET ROLE;
SELECT pg_stat_get_xact_tuples_updated('bjxm.projects'::regclass) - :upd0 AS row_writes, state, postponed_from,
       updated_at >= now() AS written_now FROM bjxm.projects WHERE project_id = :q;
COMMIT;
SET SESSION AUTHORIZATION lc_app;
SET ROLE lc_unit;
SELECT bjxm.terminate(:q, '不需要了');
\echo :SQLSTATE
SET ROLE lc_bigdata;
SELECT bjxm.terminate(:q, '用户单位原因无法实施');
SELECT bjxm.resume(:q);
\echo :SQLSTATE

------------------------------------------------------------------------
-- History: every step with its actor
------------------------------------------------------------------------
SET ROLE lc_auditor;
SELECT action, from_state, to_state, actor, actor_is_superuser, clause FROM bjxm.history(:p);
SELECT bjxm.state_at(:p, '2000-01-01') IS NULL AS before_it_existed, bjxm.state_at(:p, now()) AS now_state;
-- Other units' members cannot see it, nor tell that it exists.
SET ROLE lc_county_unit;
SELECT count(*) FROM bjxm.project_library WHERE project_id = :p;
SELECT * FROM bjxm.history(:p);
\echo :SQLSTATE
SELECT bjxm.declare(:p);
\echo :SQLSTATE
SELECT bjxm.declare(987654321);
\echo :SQLSTATE
SELECT * FROM bjxm.check(:p, 'declare');
\echo :SQLSTATE
RESET ROLE;
RESET SESSION AUTHORIZATION;
