-- Procurement (第十五条 服务采购, src/projects.c): 用户单位 organises the
-- government procurement "按照《中华人民共和国政府采购法》…的规定".  bjxm
-- refuses (BJ015) a vendor without a USCC (the conflict-of-interest check
-- compares USCCs), a method other than open tender at or above setting
-- open_tender_threshold unless 财政部门 approved that method for the
-- project beforehand (政府采购法第二十七条, approve_procurement_exception),
-- and single source without a ground of 政府采购法第三十一条 and a reason.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2034-11-27';
SET bjxm_test.roles = 'pc_unit,pc_unit2,pc_bigdata,pc_finance,pc_county_finance';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO pc_unit, pc_unit2;
GRANT bjxm_bigdata TO pc_bigdata;
GRANT bjxm_finance TO pc_finance, pc_county_finance;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('pc_bigdata', '520500'), bjxm.set_jurisdiction('pc_finance', '520500');

-- Fixture (the superuser): two city units, a reviewer, a vendor registered
-- without a USCC and two with one; projects walked to service_plan_approved
-- (the steps are tested in planning and projects).
SELECT bjxm.register_unit('11520500PC0000001G', '毕节市采购测试局', 'admin_dept') > 0 AS unit_a,
       bjxm.register_unit('11520500PC0000002K', '毕节市采购测试乙局', 'admin_dept') > 0 AS unit_b,
       bjxm.register_party('PC-R', '采购测试评审机构', 'reviewer', '125205009623858847') > 0 AS reviewer,
       bjxm.register_party('PC-V0', '未登记信用代码的服务单位', 'vendor') > 0 AS vendor_without_uscc,
       bjxm.register_party('PC-V1', '贵州某采购测试软件有限公司', 'vendor', '91520500PCW000001M') > 0 AS vendor1,
       bjxm.register_party('PC-V2', '毕节某采购测试信息技术有限公司', 'vendor', '91520500PCW000002Q') > 0 AS vendor2;
SELECT bjxm.grant_unit_member('pc_unit', '11520500PC0000001G'), bjxm.grant_unit_member('pc_unit2', '11520500PC0000002K');
SELECT bjxm.set_jurisdiction('pc_county_finance', '520521');
CREATE FUNCTION pg_temp.walk(name text, target text, control numeric DEFAULT 4800000, est numeric DEFAULT 5000000)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  p := bjxm.create_project('11520500PC0000001G', name, 'business_system', '{development}', 2035, est);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'PC-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p);
  PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm.approve_annual_plan(2035, '520500',
    ARRAY(SELECT x.project_id FROM bjxm.projects x WHERE x.state = 'planned' AND x.project_id <> p));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '软件开发', est);
  PERFORM bjxm.arrange_budget(p, est);
  IF target = 'budgeted' THEN RETURN p; END IF;
  PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
  PERFORM bjxm.entrust_review(p, 'PC-R');
  PERFORM bjxm.approve_service_plan(p, true, control, 'r');
  RETURN p;
END $$;
SELECT pg_temp.walk('政务云采购测试平台', 'service_plan_approved') AS p1 \gset
SELECT pg_temp.walk('应急指挥单一来源测试系统', 'service_plan_approved', 1999999.99) AS p2 \gset
SELECT pg_temp.walk('数据中台门槛测试项目', 'service_plan_approved', 1999999.99) AS p3 \gset
SELECT pg_temp.walk('尚未评审服务方案的项目', 'budgeted') AS p4 \gset
SELECT name, state, control_price FROM bjxm.projects WHERE project_id IN (:p1, :p2, :p3, :p4) ORDER BY project_id;
-- The setting, as installed: the national floor of 国办发〔2019〕55号.
SELECT key, value, kind, clause, default_value FROM bjxm.settings WHERE key = 'open_tender_threshold';

------------------------------------------------------------------------
-- 第十五条: the vendor needs a USCC
------------------------------------------------------------------------
SET ROLE pc_unit;
SELECT bjxm.record_procurement(:p1, 'PC-V0', 900000, 'open_tender');
\echo :SQLSTATE
SELECT clause, sqlstate, message, detail FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V0", "amount": 900000, "method": "open_tender"}');
-- The same procurement with a registered USCC passes.
SELECT count(*) AS findings FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V1", "amount": 900000, "method": "open_tender"}');
-- So do the project's reviewers and designers: one without a USCC (a
-- reviewer registered without one, a designer named in a plan that is no
-- registered party) cannot be told apart from the vendor.
RESET ROLE;
BEGIN;
UPDATE bjxm.parties SET uscc = NULL WHERE code = 'PC-R';
SELECT sqlstate, message, detail FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V1", "amount": 900000, "method": "open_tender"}');
ROLLBACK;
BEGIN;
UPDATE bjxm.projects SET demand_plan = demand_plan || '{"designed_by": "某未登记的设计院"}' WHERE project_id = :p1;
SELECT sqlstate, detail FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V1", "amount": 900000, "method": "open_tender"}');
ROLLBACK;
SET ROLE pc_unit;

------------------------------------------------------------------------
-- 第十五条 (政府采购法第二十七条): open tender at or above the threshold
------------------------------------------------------------------------
SELECT bjxm.record_procurement(:p1, 'PC-V1', 2500000, 'competitive_negotiation');
\echo :SQLSTATE
SELECT severity, clause, sqlstate, message, detail FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V1", "amount": 2500000, "method": "competitive_negotiation"}');
-- At the threshold exactly is "达到": refused too; a cent below is not.
SELECT count(*) AS at_threshold FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V1", "amount": 2000000, "method": "inquiry"}');
SELECT m.method, count(c.*) AS findings_below_threshold
  FROM unnest(enum_range(NULL::bjxm.procurement_method)) m(method)
  LEFT JOIN LATERAL bjxm.check(:p1, 'record_procurement',
       jsonb_build_object('vendor', 'PC-V1', 'amount', 1999999.99, 'method', m.method)) c ON true
 WHERE m.method <> 'single_source'
 GROUP BY m.method ORDER BY m.method;
-- The method follows the 采购预算 (the control price), not the winning
-- amount: on p1 (control price 4,800,000) a bid won at 1,999,999.99 is
-- still one that needed open tender; on p3 (control price 1,999,999.99)
-- every method is open.
SELECT m.method, count(c.*) AS findings_below_threshold_on_p3
  FROM unnest(enum_range(NULL::bjxm.procurement_method)) m(method)
  LEFT JOIN LATERAL bjxm.check(:p3, 'record_procurement',
       jsonb_build_object('vendor', 'PC-V1', 'amount', 1999999.99, 'method', m.method)) c ON true
 WHERE m.method <> 'single_source'
 GROUP BY m.method ORDER BY m.method;
SELECT sqlstate, detail FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V1", "amount": 1999999.99, "method": "inquiry"}');
-- Open tender needs nothing, whatever the amount.
SELECT count(*) AS open_tender_findings FROM bjxm.check(:p1, 'record_procurement', '{"vendor": "PC-V1", "amount": 2500000, "method": "open_tender"}');

------------------------------------------------------------------------
-- approve_procurement_exception: 财政部门, before the procurement
------------------------------------------------------------------------
-- The unit cannot approve its own exception (第十五条: 财政部门's duty).
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_negotiation', '技术复杂, 不能确定详细规格');
\echo :SQLSTATE
SELECT bjxm._act(:p1, 'approve_procurement_exception', '{"method": "competitive_negotiation", "reason": "自己批准"}');
\echo :SQLSTATE
-- Nor the city's bigdata department, nor a county's finance.
SET ROLE pc_bigdata;
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_negotiation', '技术复杂');
\echo :SQLSTATE
SET ROLE pc_county_finance;
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_negotiation', '技术复杂');
\echo :SQLSTATE
-- Finance: a reason is required, and open tender needs no exception.
SET ROLE pc_finance;
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_negotiation', '   ');
\echo :SQLSTATE
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_negotiation', NULL);
\echo :SQLSTATE
SELECT bjxm.approve_procurement_exception(:p1, 'open_tender', '无须批准');
\echo :SQLSTATE
-- Not before the service plan passed its review (the project is budgeted).
SELECT bjxm.approve_procurement_exception(:p4, 'competitive_negotiation', '技术复杂');
\echo :SQLSTATE
-- An exception for another method does not help.
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_consultation', '技术复杂, 需与供应商磋商') > 0 AS approved;
SET ROLE pc_unit;
SELECT bjxm.record_procurement(:p1, 'PC-V1', 2500000, 'competitive_negotiation');
\echo :SQLSTATE
-- The method approved for this project, then the procurement passes.
SET ROLE pc_finance;
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_negotiation', '技术复杂, 不能确定详细规格') > 0 AS approved;
-- Once per project and method.
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_negotiation', '再批一次');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:p1, 'approve_procurement_exception', '{"method": "competitive_negotiation", "reason": "再批一次"}');
SELECT method, reason, approved_by, approved_at IS NOT NULL AS dated
  FROM bjxm.procurement_exceptions WHERE project_id = :p1 ORDER BY exception_id;
SELECT action, from_state, to_state, clause, note, details FROM bjxm.events
 WHERE project_id = :p1 AND action = 'approve_procurement_exception' ORDER BY event_id;
-- An exception of one project does not serve another.
SET ROLE pc_unit;
SELECT count(*) AS findings_on_p3 FROM bjxm.check(:p3, 'record_procurement', '{"vendor": "PC-V1", "amount": 2500000, "method": "competitive_negotiation"}');
SELECT bjxm.record_procurement(:p1, 'PC-V1', 2500000, 'competitive_negotiation');
SELECT state, procurement_amount, procurement_method, procurement_ground, procurement_reason FROM bjxm.projects WHERE project_id = :p1;
-- The exceptions are visible with their project only.
SELECT count(*) AS own_exceptions FROM bjxm.procurement_exceptions;
SET ROLE pc_unit2;
SELECT count(*) AS other_units_exceptions FROM bjxm.procurement_exceptions;
-- After the procurement, an exception is too late.
SET ROLE pc_finance;
SELECT bjxm.approve_procurement_exception(:p1, 'inquiry', '事后补批');
\echo :SQLSTATE

------------------------------------------------------------------------
-- 政府采购法第三十一条: single source on a ground, with a reason
------------------------------------------------------------------------
SET ROLE pc_unit;
-- The four-argument function gives no ground.
SELECT bjxm.record_procurement(:p2, 'PC-V2', 500000, 'single_source');
\echo :SQLSTATE
SELECT clause, sqlstate, message, detail FROM bjxm.check(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 500000, "method": "single_source"}')
 ORDER BY message;
SELECT bjxm.record_procurement(:p2, 'PC-V2', 500000, 'single_source', NULL, '只有原厂能维护');
\echo :SQLSTATE
-- Grounds are the three of 第三十一条, spelt exactly.
SELECT bjxm.record_procurement(:p2, 'PC-V2', 500000, 'single_source', 'sole_vendor', '只有原厂能维护');
\echo :SQLSTATE
SELECT g AS ground, (SELECT string_agg(sqlstate || ' ' || detail, '; ') FROM bjxm.check(:p2, 'record_procurement',
         jsonb_build_object('vendor', 'PC-V2', 'amount', 500000, 'method', 'single_source', 'ground', g, 'reason', '只有原厂能维护'))) AS findings
  FROM unnest(ARRAY[' unique_supplier', 'unique_supplier ', 'UNIQUE_SUPPLIER', 'Emergency', '(一)', '一', '', 'unique_supplier,emergency']) g;
-- A ground without a reason.
SELECT bjxm.record_procurement(:p2, 'PC-V2', 500000, 'single_source', 'unique_supplier', ' ');
\echo :SQLSTATE
-- A reason that shows nothing is none: an ideographic space, a zero-width space.
SELECT encode(convert_to(r, 'UTF8'), 'hex') AS reason_utf8, (SELECT string_agg(sqlstate, ',') FROM bjxm.check(:p2, 'record_procurement',
         jsonb_build_object('vendor', 'PC-V2', 'amount', 500000, 'method', 'single_source', 'ground', 'unique_supplier',
                            'reason', r))) AS findings
  FROM (VALUES (U&'\3000'), (U&'\200B'), (U&'\3000\200B\FEFF '), (U&'\3000原厂\200B')) v(r);
-- 第三十一条第(三)项 添购: only from the original supplier, within 10% of
-- the original contract; a first purchase has none.
SELECT sqlstate, detail FROM bjxm.check(:p2, 'record_procurement',
  '{"vendor": "PC-V2", "amount": 500000, "method": "single_source", "ground": "consistency", "reason": "与原系统一致"}');
-- Forged arguments: bjxm._act is not the unit's to call, and bjxm.check
-- (which anyone may call with any JSON) and the engine refuse a ground
-- that is not text, a missing reason and an approval passed as an argument.
SELECT bjxm._act(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 500000, "method": "single_source", "ground": "unique_supplier"}');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 500000, "method": "single_source", "ground": 1, "reason": "r"}');
SELECT sqlstate, message FROM bjxm.check(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 500000, "method": "single_source", "ground": ["unique_supplier"], "reason": "r"}');
SELECT sqlstate, message FROM bjxm.check(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 500000, "method": "single_source", "ground": "unique_supplier"}');
SELECT sqlstate, message FROM bjxm.check(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 2500000, "method": "competitive_negotiation", "exception": true}')
 ORDER BY message;
SELECT sqlstate, message FROM bjxm.check(:p2, 'approve_procurement_exception', '{"method": "competitive_negotiation", "reason": "r", "approved_by": "pc_finance"}')
 ORDER BY message;
RESET ROLE;
SELECT bjxm._act(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 500000, "method": "single_source", "ground": 1, "reason": "r"}');
\echo :SQLSTATE
SELECT bjxm._act(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 2500000, "method": "single_source", "ground": "emergency", "reason": "r", "exception": true}');
\echo :SQLSTATE
SET ROLE pc_unit;
-- A ground or reason given for another method is refused, not recorded.
SELECT bjxm.record_procurement(:p2, 'PC-V2', 500000, 'open_tender', 'unique_supplier', '只有原厂能维护');
\echo :SQLSTATE
SELECT bjxm.record_procurement(:p2, 'PC-V2', 500000, 'inquiry', NULL, '询价理由');
\echo :SQLSTATE
-- A ground does not lift the threshold: single source of 2,500,000 still
-- needs finance's exception.
SELECT sqlstate, message FROM bjxm.check(:p2, 'record_procurement', '{"vendor": "PC-V2", "amount": 2500000, "method": "single_source", "ground": "emergency", "reason": "突发事件"}');
-- Every finding at once: no USCC, the threshold, no ground, no reason.
SELECT severity, clause, sqlstate, message FROM bjxm.check(:p2, 'record_procurement', '{"vendor": "PC-V0", "amount": 2500000, "method": "single_source"}')
 ORDER BY message;
-- A ground of 第三十一条 and a reason, below the threshold: recorded, and
-- in the event.
SELECT bjxm.record_procurement(:p2, 'PC-V2', 500000, 'single_source', 'unique_supplier', '只有原厂能提供该专用设备的维护');
SELECT state, procurement_method, procurement_ground, procurement_reason FROM bjxm.projects WHERE project_id = :p2;
SELECT action, from_state, to_state, clause, note, details FROM bjxm.events
 WHERE project_id = :p2 AND action = 'record_procurement' ORDER BY event_id;

------------------------------------------------------------------------
-- The threshold is a setting (大数据部门, 第三条)
------------------------------------------------------------------------
SET ROLE pc_unit;
SELECT bjxm.set_setting('open_tender_threshold', '4000000');
\echo :SQLSTATE
SET ROLE pc_bigdata;
SELECT bjxm.set_setting('open_tender_threshold', '4000000');
\echo :SQLSTATE
-- (the superior law's figure is the city government's: bjxm.set_regulation_figure)
RESET ROLE;
SELECT bjxm.set_regulation_figure('open_tender_threshold', '4000000', '测试: 省级公开招标数额标准400万元');
SET ROLE pc_unit;
SELECT count(*) AS bj015_at_4000000 FROM bjxm.check(:p3, 'record_procurement', '{"vendor": "PC-V1", "amount": 2500000, "method": "competitive_negotiation"}')
 WHERE sqlstate = 'BJ015';
RESET ROLE;
SELECT bjxm.set_regulation_figure('open_tender_threshold', '1000000', '测试: 100万元');
SET ROLE pc_unit;
SELECT sqlstate, detail FROM bjxm.check(:p3, 'record_procurement', '{"vendor": "PC-V1", "amount": 1500000, "method": "inquiry"}');
RESET ROLE;
SELECT bjxm.set_regulation_figure('open_tender_threshold', '2000000', '测试: 恢复为200万元');
-- Below the threshold as installed, inquiry is recorded.
SET ROLE pc_unit;
SELECT bjxm.record_procurement(:p3, 'PC-V1', 1500000, 'inquiry');
SELECT state, procurement_amount, procurement_method FROM bjxm.projects WHERE project_id = :p3;
RESET ROLE;
SELECT value, revision FROM bjxm.settings WHERE key = 'open_tender_threshold';

------------------------------------------------------------------------
-- 第三十四条(一) after the fact: a fact that brought the project under the
-- city review cannot be turned off to procure, and one turned on after
-- the procurement shuts the next gates until the city reviews
------------------------------------------------------------------------
SELECT pg_temp.walk('第三方系统事实测试平台', 'service_plan_approved') AS f1 \gset
SELECT pg_temp.walk('事后登记第三方系统的项目', 'service_plan_approved') AS f2 \gset
SELECT pg_temp.walk('申报阶段更正事实的项目', 'budgeted') AS f3 \gset
SET ROLE pc_unit;
SELECT bjxm.set_project_facts(:f1, '{"uses_third_party_system": true}');
SELECT bjxm.set_project_facts(:f1, '{"uses_third_party_system": false}');
SELECT clause, sqlstate, detail FROM bjxm.check(:f1, 'record_procurement', '{"vendor": "PC-V1", "amount": 4000000, "method": "open_tender"}');
SELECT bjxm.record_procurement(:f1, 'PC-V1', 4000000, 'open_tender');
\echo :SQLSTATE
SET ROLE pc_bigdata;
SELECT bjxm.record_city_review(:f1, true, '同意');
SET ROLE pc_unit;
SELECT bjxm.record_procurement(:f1, 'PC-V1', 4000000, 'open_tender');
-- The issue's path: false, procured, then true.
SELECT bjxm.set_project_facts(:f2, '{"uses_third_party_system": false}');
SELECT bjxm.record_procurement(:f2, 'PC-V1', 4000000, 'open_tender');
SELECT bjxm.set_project_facts(:f2, '{"uses_third_party_system": true}');
SELECT bjxm.sign_contract(:f2, 'HT-F2', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500PC0000001G', 'vendor', 'PC-V1'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
\echo :SQLSTATE
-- Reviewed where it stands; not passed, the state stays and the gate stays shut.
SET ROLE pc_bigdata;
SELECT bjxm.record_city_review(:f2, false, '第三方系统须整改');
SELECT state, city_review_passed, city_review_item FROM bjxm.projects WHERE project_id = :f2;
SET ROLE pc_unit;
SELECT sqlstate, message FROM bjxm.check(:f2, 'sign_contract', '{"contract_no": "HT-F2", "terms": {}}') WHERE sqlstate = 'BJ034';
SET ROLE pc_bigdata;
SELECT bjxm.record_city_review(:f2, true, '同意');
SET ROLE pc_unit;
SELECT bjxm.sign_contract(:f2, 'HT-F2', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500PC0000001G', 'vendor', 'PC-V1'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
SET ROLE pc_bigdata;
SELECT bjxm.sign_contract(:f2, 'HT-F2', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500PC0000001G', 'vendor', 'PC-V1'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
SET ROLE pc_unit;
SELECT state FROM bjxm.projects WHERE project_id = :f2;
-- Before the service plan rests on the facts, a wrong fact is corrected freely.
SELECT bjxm.set_project_facts(:f3, '{"uses_third_party_system": true}');
SELECT bjxm.set_project_facts(:f3, '{"uses_third_party_system": false}');
SELECT city_review_item FROM bjxm.projects WHERE project_id = :f3;
RESET ROLE;

-- 第三条: a unit member later granted bjxm_finance does not approve its own
-- unit's exception (nor anything else: a role holding a unit and an
-- oversight duty acts in neither, docs/operations.md 职责分离矩阵).
SELECT pg_temp.walk('自批例外测试平台', 'service_plan_approved') AS s1 \gset
GRANT bjxm_finance TO pc_unit;
SET ROLE pc_unit;
SELECT bjxm.approve_procurement_exception(:s1, 'single_source', '本单位自己批准');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:s1, 'approve_procurement_exception', '{"method": "single_source", "reason": "r"}');
RESET ROLE;
REVOKE bjxm_finance FROM pc_unit;
SELECT count(*) AS exceptions FROM bjxm.procurement_exceptions WHERE project_id = :s1;

-- 政府采购法实施条例第二十八条 化整为零: one platform procured in two
-- phases of one plan year, each priced under the open-tender threshold
-- (control price 1,200,000), the group over it: each phase by inquiry is
-- refused, naming the other; by open tender, or with finance's prior
-- approval of the method, it goes through.
SELECT pg_temp.walk('城乡供水监测平台(一期)', 'service_plan_approved', 1200000, 1300000) AS s2 \gset
SELECT pg_temp.walk('城乡供水监测平台(二期)', 'service_plan_approved', 1200000, 1300000) AS s3 \gset
SET ROLE pc_unit;
SELECT bjxm.record_procurement(:s2, 'PC-V1', 1200000, 'inquiry');
\echo :SQLSTATE
SELECT sqlstate, regexp_replace(detail, '编号 \d+', '编号 #', 'g') AS detail FROM bjxm.check(:s3, 'record_procurement', '{"vendor": "PC-V1", "amount": 1200000, "method": "inquiry"}');
SELECT count(*) AS open_tender_findings FROM bjxm.check(:s3, 'record_procurement', '{"vendor": "PC-V1", "amount": 1200000, "method": "open_tender"}');
SET ROLE pc_finance;
SELECT bjxm.approve_procurement_exception(:s2, 'inquiry', '两期分属不同业务系统, 经论证分别采购') > 0 AS approved;
SET ROLE pc_unit;
SELECT bjxm.record_procurement(:s2, 'PC-V1', 1200000, 'inquiry');
SELECT state FROM bjxm.projects WHERE project_id = :s2;
RESET ROLE;

-- The first part bought by inquiry before its sibling existed: the
-- sibling that appears later makes it a split one; its contract waits
-- (BJ015) and inspect reports it, until the sibling is terminated.
SELECT pg_temp.walk('公交电子站牌系统(一期)', 'service_plan_approved', 1200000, 1300000) AS s4 \gset
SET ROLE pc_unit;
SELECT bjxm.record_procurement(:s4, 'PC-V1', 1200000, 'inquiry') IS NULL AS procured_alone;
RESET ROLE;
SELECT pg_temp.walk('公交电子站牌系统(二期)', 'service_plan_approved', 1200000, 1300000) AS s5 \gset
SET ROLE pc_unit;
SELECT bjxm.sign_contract(:s4, 'HT-S4', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500PC0000001G', 'vendor', 'PC-V1'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
\echo :SQLSTATE
SELECT severity, sqlstate, message FROM bjxm.inspect(:s4) WHERE sqlstate = 'BJ015';
RESET ROLE;
SELECT bjxm.terminate(:s5, '与一期合并为一个项目');
SET ROLE pc_unit;
SELECT bjxm.sign_contract(:s4, 'HT-S4', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500PC0000001G', 'vendor', 'PC-V1'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true)) IS NULL AS contracted;
RESET ROLE;

-- The refusals above were logged and recorded nothing on the projects.
SELECT p.name, count(e.*) AS events_since_approval
  FROM bjxm.projects p LEFT JOIN bjxm.events e ON e.project_id = p.project_id
   AND e.action IN ('record_procurement', 'approve_procurement_exception')
 WHERE p.project_id IN (:p1, :p2, :p3, :p4) GROUP BY p.project_id, p.name ORDER BY p.project_id;
DROP FUNCTION pg_temp.walk(text, text, numeric, numeric);
RESET bjxm.today;
