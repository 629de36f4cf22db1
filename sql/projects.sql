-- Projects (第四章 项目管理, src/projects.c): the service plan, procurement,
-- the contract, adjustments, acceptance, then 第三十三条 evaluation and
-- 第十二条 postponement, continuing the projects planning.sql budgeted.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2026-11-27';
SELECT p.project_id AS p FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
 WHERE u.code = '11520500LC00000172' AND p.name = '教育资源公共服务平台' \gset
SELECT p.project_id AS q FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
 WHERE u.code = '11520500LC00000172' AND p.name = '校园安全视频平台' \gset
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
\set SHOW_CONTEXT never

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
