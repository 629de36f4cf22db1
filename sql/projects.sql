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
-- 第十六条 (issue 15): the unit's signature, whatever its "parties" say,
-- is one side: the project stays procured until 大数据部门 signs.
SELECT state FROM bjxm.projects WHERE project_id = :p;
SELECT duty, signer, login, contract_no FROM bjxm.contract_signatures WHERE project_id = :p;
SELECT bjxm.start_implementation(:p);
\echo :SQLSTATE
-- The unit's member signing again only replaces its own signature; its
-- pooled login cannot sign the other side: lc_app SET ROLE to 大数据局's
-- role is the same login.
SELECT bjxm.sign_contract(:p, 'BJ-HT-2027-001', '{"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500lc00000172", "vendor": "LC-V1"},
  "emergency_response": true, "annual_security_test": true, "crypto_assessment": true, "risk_assessment": true, "report_results": true}');
SELECT state FROM bjxm.projects WHERE project_id = :p;
SET ROLE lc_bigdata;
SELECT bjxm.sign_contract(:p, 'BJ-HT-2027-001', '{"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500lc00000172", "vendor": "LC-V1"},
  "emergency_response": true, "annual_security_test": true, "crypto_assessment": true, "risk_assessment": true, "report_results": true}');
\echo :SQLSTATE
-- 大数据局 through its own login signs — but not a different contract.
SET SESSION AUTHORIZATION lc_bd_app;
SET ROLE lc_bigdata;
SELECT bjxm.sign_contract(:p, 'BJ-HT-2027-001', '{"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500lc00000172", "vendor": "LC-V1"},
  "emergency_response": true, "annual_security_test": true, "crypto_assessment": true, "risk_assessment": true, "report_results": true}',
  900000, '2026-11-27');
\echo :SQLSTATE
SELECT sqlstate, detail FROM bjxm.check(:p, 'sign_contract', '{"contract_no": "BJ-HT-2027-009", "terms": {"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500lc00000172", "vendor": "LC-V1"},
  "emergency_response": true, "annual_security_test": true, "crypto_assessment": true, "risk_assessment": true, "report_results": true}}');
SELECT bjxm.sign_contract(:p, 'BJ-HT-2027-001', '{"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500lc00000172", "vendor": "LC-V1"},
  "emergency_response": true, "annual_security_test": true, "crypto_assessment": true, "risk_assessment": true, "report_results": true}');
SELECT state, contract_no, contract_amount FROM bjxm.projects WHERE project_id = :p;
-- Events record the login beside the acting role.
SELECT action, to_state, actor, login FROM bjxm.events WHERE project_id = :p AND action = 'sign_contract' ORDER BY event_id;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_unit;
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
-- Bad changes: an unknown section, content that is not text or shows
-- nothing (an ideographic space), nothing to change, a negative increase.
SELECT bjxm.request_adjustment(:p, 'optimization', '调整', '{"service_content": "s", "预算": "b"}');
\echo :SQLSTATE
SELECT bjxm.request_adjustment(:p, 'optimization', '调整', '{"functions": 1}');
\echo :SQLSTATE
SELECT bjxm.request_adjustment(:p, 'optimization', '调整', '{"functions": "　"}');
\echo :SQLSTATE
SELECT bjxm.request_adjustment(:p, 'optimization', '调整', '{}');
\echo :SQLSTATE
SELECT bjxm.request_adjustment(:p, 'optimization', '调整', '{"budget": "b"}', -1);
\echo :SQLSTATE
-- A request without a scope (the 0.2.0 form) can be decided but amends nothing.
SELECT bjxm.request_adjustment(:p, 'optimization', '增加移动端') AS adj_legacy \gset
-- The experts' opinion is the entrusted institution's: not bigdata's text, not the unit's.
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj_legacy, true, '专家组同意增加移动端');
\echo :SQLSTATE
SET ROLE lc_unit;
SELECT bjxm.record_adjustment_opinion(:adj_legacy, true, '我们自己同意');
\echo :SQLSTATE
SET ROLE lc_reviewer2;
SELECT bjxm.record_adjustment_opinion(:adj_legacy, true, '专家组同意增加移动端', 'ZJ-2027-3');
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj_legacy, true);
SET ROLE lc_unit;
SELECT bjxm.amend_service_plan(:p, :adj_legacy, '{"service_content": "平台开发(含移动端)", "budget": "115万元", "functions": "检索、直播、移动端",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "两期"}');
\echo :SQLSTATE
-- 「微调培训计划」: the request states the training plan's new text; the
-- experts review that text, and the amendment may write only that.
SELECT bjxm.request_adjustment(:p, 'optimization', '微调培训计划', '{"training_plan": "三期"}') AS adj \gset
SELECT sections, changes, budget_delta, status FROM bjxm.adjustments WHERE adjustment_id = :adj;
SET ROLE lc_reviewer2;
SELECT bjxm.record_adjustment_opinion(:adj, true, '同意微调培训计划');
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj, true);
SELECT status, opinion_passed, opinion_by, expert_opinion FROM bjxm.adjustments WHERE adjustment_id = :adj;
SET ROLE lc_unit;
-- replacing the service content and writing 追加至500万 into the plan: refused, the sections named
SELECT bjxm.amend_service_plan(:p, :adj, '{"service_content": "采购第三方SaaS并对外运营", "budget": "追加至500万", "functions": "检索、直播",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "三期"}');
\echo :SQLSTATE
-- the approved section itself rewritten to something else (the red-team's
-- 「采购第三方SaaS并对外运营, 追加至500万」 in the training plan): refused
SELECT bjxm.amend_service_plan(:p, :adj, '{"service_content": "平台开发", "budget": "115万元", "functions": "检索、直播",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24",
  "training_plan": "采购第三方SaaS并对外运营, 追加至500万"}');
\echo :SQLSTATE
-- a section added or dropped is a change too
SELECT sqlstate, message FROM bjxm.check(:p, 'amend_service_plan', jsonb_build_object('adjustment', :adj, 'plan',
  '{"service_content": "平台开发", "budget": "115万元", "functions": "检索、直播", "data_resources": "课程库", "network": "政务外网",
    "security": "等保三级", "technical_route": "微服务", "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月",
    "service_guarantee": "7x24", "training_plan": "三期", "extra": "运营收费"}'::jsonb));
SELECT bjxm.amend_service_plan(:p, :adj, '{"service_content": "平台开发", "budget": "115万元", "functions": "检索、直播",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "三期"}');
SELECT service_plan->>'training_plan' AS training_plan, service_plan->>'service_content' AS service_content
  FROM bjxm.projects WHERE project_id = :p;
-- An adjustment is used once.
SELECT bjxm.amend_service_plan(:p, :adj, '{"service_content": "平台开发", "budget": "115万元", "functions": "检索、直播",
  "data_resources": "课程库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "国密SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "四期"}');
\echo :SQLSTATE
-- The experts disagree: bigdata cannot approve; it can reject.
SELECT bjxm.request_adjustment(:p, 'business_need', '增加移动端', '{"service_content": "平台开发(含移动端)", "functions": "检索、直播、移动端"}') AS adj_no \gset
SET ROLE lc_reviewer2;
SELECT bjxm.record_adjustment_opinion(:adj_no, false, '不属于已批复框架');
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj_no, true);
\echo :SQLSTATE
SELECT bjxm.decide_adjustment(:adj_no, false, '按专家意见不同意');
-- An opinion binds the request it reviewed: a request edited after the
-- opinion (here by the owner, directly) needs a new opinion.
SET ROLE lc_unit;
SELECT bjxm.request_adjustment(:p, 'mandated', '按省要求增加电子证照接口', '{"functions": "检索、直播、电子证照接口"}') AS adj_d \gset
SET ROLE lc_reviewer2;
SELECT bjxm.record_adjustment_opinion(:adj_d, true, '同意增加接口');
RESET ROLE;
RESET SESSION AUTHORIZATION;
UPDATE bjxm.adjustments SET changes = changes || '{"service_content": "平台开发及运营"}' WHERE adjustment_id = :adj_d;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj_d, true);
\echo :SQLSTATE
-- The library ahead of its schema (before ALTER EXTENSION UPDATE): a clean
-- refusal (0A000) that writes nothing, not a missing-column error.
RESET ROLE;
RESET SESSION AUTHORIZATION;
BEGIN;
ALTER TABLE bjxm.adjustments DROP COLUMN opinion_digest;
SET LOCAL ROLE lc_reviewer2;
SELECT bjxm.record_adjustment_opinion(:adj_d, true, '旧版本上的意见');
\echo :SQLSTATE
ROLLBACK;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_reviewer2;
SELECT bjxm.record_adjustment_opinion(:adj_d, true, '重新评审: 同意增加接口及服务内容');
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj_d, true);

-- 第十条, 第十九条: once the budget rests on the line items they are
-- frozen: a new one needs an approved adjustment that asked for more
-- budget, within what it asked (the 5,000,000 item on an 800,000 budget).
SET ROLE lc_unit;
SELECT bjxm.add_line_item(:p, 'software_development', '移动端开发', 5000000);
\echo :SQLSTATE
SELECT bjxm.request_adjustment(:p, 'business_need', '增加移动端, 追加预算20万元',
  '{"functions": "检索、直播、电子证照接口、移动端", "budget": "135万元"}', 200000) AS adj_m \gset
SELECT bjxm.add_line_item(:p, 'software_development', '移动端开发', 150000);
\echo :SQLSTATE
SET ROLE lc_reviewer2;
SELECT bjxm.record_adjustment_opinion(:adj_m, true, '同意增加移动端及预算20万元');
SET ROLE lc_bigdata;
SELECT bjxm.decide_adjustment(:adj_m, true);
SET ROLE lc_unit;
SELECT bjxm.add_line_item(:p, 'software_development', '移动端开发', 150000) > 0 AS added;
SELECT bjxm.add_line_item(:p, 'software_development', '移动端测试', 100000);
\echo :SQLSTATE
SELECT sqlstate, detail FROM bjxm.check(:p, 'add_line_item', '{"category": "software_development", "name": "移动端测试", "amount": 50000.01}');
SELECT bjxm.add_line_item(:p, 'software_development', '移动端测试', 50000) > 0 AS added;
SELECT name, amount, adjustment_id = :adj_m AS under_adjustment FROM bjxm.line_items
 WHERE project_id = :p AND adjustment_id IS NOT NULL ORDER BY line_item_id;
SELECT (details->>'adjustment')::bigint = :adj_m AS event_names_adjustment FROM bjxm.events
 WHERE project_id = :p AND action = 'add_line_item' ORDER BY event_id DESC LIMIT 1;

------------------------------------------------------------------------
-- 第二十条: acceptance by one user-unit and one bigdata actor
------------------------------------------------------------------------
SELECT bjxm.sign_acceptance(:p, true, '功能完整');
SELECT state FROM bjxm.projects WHERE project_id = :p;
SELECT bjxm.sign_acceptance(:p, true, '再签一次');
\echo :SQLSTATE
SET SESSION AUTHORIZATION lc_bd_app;
SET ROLE lc_bigdata;
SELECT bjxm.sign_acceptance(:p, false, '性能不达标');
SELECT state, (SELECT count(*) FROM bjxm.acceptance_signatures s WHERE s.project_id = :p) AS signatures FROM bjxm.projects WHERE project_id = :p;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_unit;
SELECT bjxm.sign_acceptance(:p, true, '整改后复验');
-- Issue 15: the pooled login that signed for the unit cannot sign for 大数据局 too.
SET ROLE lc_bigdata;
SELECT bjxm.sign_acceptance(:p, true, '复验通过');
\echo :SQLSTATE
-- ... nor after renaming itself: the login is compared by OID.
RESET SESSION AUTHORIZATION;
ALTER ROLE lc_app RENAME TO lc_app_renamed;
SET SESSION AUTHORIZATION lc_app_renamed;
SET ROLE lc_bigdata;
SELECT bjxm.sign_acceptance(:p, true, '复验通过');
\echo :SQLSTATE
RESET SESSION AUTHORIZATION;
ALTER ROLE lc_app_renamed RENAME TO lc_app;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_bigdata;
SELECT state FROM bjxm.projects WHERE project_id = :p;
SET SESSION AUTHORIZATION lc_bd_app;
SET ROLE lc_bigdata;
SELECT bjxm.sign_acceptance(:p, true, '复验通过');
SELECT state FROM bjxm.projects WHERE project_id = :p;
SELECT duty, signer, login FROM bjxm.acceptance_signatures WHERE project_id = :p ORDER BY duty;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_bigdata;

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
