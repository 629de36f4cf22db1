-- Planning (第二章 计划管理, src/planning.c): every gate from 创建 and 申报
-- to the approved annual plan and its budget, driven by distinct roles with SET ROLE, as an application would.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2026-11-27';
SET bjxm_test.roles = 'lc_app,lc_bd_app,lc_unit,lc_unit2,lc_county_unit,lc_bigdata,lc_county_bigdata,lc_finance,lc_gov,lc_county_gov,lc_reviewer,lc_reviewer2,lc_auditor';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO lc_unit, lc_unit2, lc_county_unit;
GRANT bjxm_bigdata TO lc_bigdata, lc_county_bigdata;
GRANT bjxm_finance TO lc_finance;
GRANT bjxm_city_gov TO lc_gov, lc_county_gov;
GRANT bjxm_reviewer TO lc_reviewer, lc_reviewer2;
GRANT bjxm_auditor TO lc_auditor;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('lc_bigdata', '520500'), bjxm.set_jurisdiction('lc_finance', '520500'),
       bjxm.set_jurisdiction('lc_gov', '520500'), bjxm.set_jurisdiction('lc_auditor', '520500');
GRANT lc_unit, lc_unit2, lc_county_unit, lc_bigdata, lc_county_bigdata, lc_finance, lc_gov, lc_county_gov,
      lc_reviewer, lc_reviewer2, lc_auditor TO lc_app;
-- The pooled login inherits nothing: it acts only through SET ROLE.
ALTER ROLE lc_app LOGIN NOINHERIT;
-- 大数据局's own login: a two-actor step (第十六条 contract, 第二十条
-- acceptance) needs a second login besides the pooled one.
GRANT lc_bigdata, lc_county_bigdata TO lc_bd_app;
ALTER ROLE lc_bd_app LOGIN NOINHERIT;

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
-- 第十条: 自筹 is a 市属国企's; a 行政部门 project declared self_raised (to
-- arrange its own budget) is refused.
SELECT bjxm.create_project('11520500LC00000172', '自筹绕过财政', 'business_system', '{development}', 2027, 500000, 'self_raised');
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
-- 第十条, 第十一条: a budget is arranged on the project's line items (the
-- only place 第十一条's scope can be checked), at most their sum and at
-- most the reviewed estimate (1,200,000).
SET ROLE lc_finance;
SELECT sqlstate, message, detail FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1150000}') WHERE sqlstate = 'BJ010';
SET ROLE lc_unit;
SELECT bjxm.add_line_item(:p, 'software_development', '教育资源平台软件开发', 700000) > 0 AS item;
SET ROLE lc_finance;
SELECT sqlstate, message, detail FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1150000}') WHERE sqlstate = 'BJ010';
SET ROLE lc_unit;
SELECT bjxm.add_line_item(:p, 'operation_maintenance', '教育资源平台运维服务', 600000) > 0 AS item;
SET ROLE lc_finance;
SELECT sqlstate, message, detail FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1150000}') WHERE sqlstate = 'BJ010';
SELECT sqlstate, message, detail FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1250000}') WHERE sqlstate = 'BJ010';
-- A project of an 行政部门 recorded as self_raised before 0.3.0 (set here
-- directly, as an upgraded row would be): finance may not arrange it, and
-- neither may the unit.
RESET SESSION AUTHORIZATION;
UPDATE bjxm.projects SET fund = 'self_raised' WHERE project_id = :p;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
SET ROLE lc_finance;
SELECT sqlstate, message FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1150000}') WHERE sqlstate IN ('BJ010', '42501');
SET ROLE lc_unit;
SELECT sqlstate, message FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1150000}') WHERE sqlstate IN ('BJ010', '42501');
RESET SESSION AUTHORIZATION;
UPDATE bjxm.projects SET fund = 'municipal_fiscal' WHERE project_id = :p;
SET SESSION AUTHORIZATION lc_app;
SET search_path = public, bjxm;
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
-- (第三十二条's figure is the city government's, bjxm.set_regulation_figure.)
SET ROLE lc_gov;
SELECT bjxm.set_regulation_figure('major_project_threshold', '1000000', '测试: 重大项目标准调为100万元');
SET ROLE lc_finance;
SELECT sqlstate, message FROM bjxm.check(:p, 'arrange_budget', '{"amount": 1150000}');
SELECT sqlstate, message FROM bjxm.check(:p, 'arrange_budget', '{"amount": 900000}');
SELECT bjxm.arrange_budget(:p, 1150000);
\echo :SQLSTATE
SET ROLE lc_unit;
SELECT bjxm.record_ex_ante_assessment(:p, true, 'SQPG-2027-05');
SET ROLE lc_finance;
SELECT bjxm.arrange_budget(:p, 1150000);
SET ROLE lc_gov;
SELECT bjxm.set_regulation_figure('major_project_threshold', '10000000', '测试: 恢复为1000万元');
SET ROLE lc_finance;

