-- Budgets as they really are (第十条, 第十二条; src/funding.c): per year
-- and per fund source (本级财政 municipal_fiscal, 上级资金 superior, 自筹
-- self_raised) in bjxm.budgets, projects.budget their sum; revise_budget by
-- 财政部门 (the 市属国企 itself for self-raised funds).  An increase rests on
-- line items, stays within the estimate and the approved 第十九条
-- increases, and re-runs 第三十一条, 第三十二条 and 第三十四条; a decrease
-- never goes below what is paid or committed.  budget_execution_by_year
-- measures each year against 序时进度.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2026-11-27';
SET bjxm_test.roles = 'bg_unit,bg_soe,bg_finance,bg_county_unit';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO bg_unit, bg_soe, bg_county_unit;
GRANT bjxm_finance TO bg_finance;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('bg_finance', '520500');
SELECT bjxm.register_unit('11520500BG0000001G', '毕节市预算测试局', 'admin_dept') > 0 AS unit,
       bjxm.register_unit('91520500BG0000002B', '毕节市预算测试国企', 'soe') > 0 AS soe,
       bjxm.register_unit('11520521BG00000034', '大方县预算测试局', 'admin_dept', '520521') > 0 AS county,
       bjxm.register_party('BG-R', '预算测试评审机构', 'reviewer', '12520500BG0000004N') > 0 AS reviewer,
       bjxm.register_party('BG-V', '预算测试服务单位', 'vendor', '91520500BG0000005L') > 0 AS vendor;
SELECT bjxm.grant_unit_member('bg_unit', '11520500BG0000001G'), bjxm.grant_unit_member('bg_soe', '91520500BG0000002B'),
       bjxm.grant_unit_member('bg_county_unit', '11520521BG00000034');
-- A project walked (as the superuser) to target, with items and a budget.
\i sql/include/countersign.sql
CREATE FUNCTION pg_temp.walk(unit text, name text, estimate numeric, items numeric, budget numeric, target text,
                             fund bjxm.fund_source DEFAULT 'municipal_fiscal') RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  p := bjxm.create_project(unit::bjxm.uscc, name, 'business_system', '{development,operation}', 2027, estimate, fund);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '开发', items);
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'BG-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p); PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm.approve_annual_plan(2027, (SELECT u.region FROM bjxm.units u WHERE u.code = unit::bjxm.uscc),
    ARRAY(SELECT x.project_id FROM bjxm.projects x WHERE x.state = 'planned' AND x.project_id <> p));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  IF target = 'approved' THEN RETURN p; END IF;
  PERFORM bjxm.arrange_budget(p, budget);
  IF target = 'budgeted' THEN RETURN p; END IF;
  PERFORM bjxm.set_project_facts(p, '{"deployment_site": "city_data_center"}');
  PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
  PERFORM bjxm.entrust_review(p, 'BG-R');
  PERFORM bjxm.approve_service_plan(p, true, budget, 'r');
  IF target = 'service_plan_approved' THEN RETURN p; END IF;
  PERFORM bjxm.record_procurement(p, 'BG-V', budget, 'open_tender');
  IF target = 'procured' THEN RETURN p; END IF;
  PERFORM bjxm.sign_contract(p, 'HT-' || p, jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', unit, 'vendor', 'BG-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
  PERFORM pg_temp.countersign(p);
  RETURN p;
END $$;

------------------------------------------------------------------------------
-- A two-year project: 2027 from 本级财政, 2028 from 上级资金.
------------------------------------------------------------------------------
SELECT pg_temp.walk('11520500BG0000001G', '多年度预算测试平台', 1200000, 1200000, 800000, 'budgeted') AS m \gset
SELECT year, fund, amount, reason IS NULL AS arranged FROM bjxm.budgets WHERE project_id = :m;
SET ROLE bg_unit;
-- 第十条: a unit member does not arrange 本级财政 or 上级资金 money.
SELECT bjxm.revise_budget(:m, 2028, 400000, '二期运维', 'superior');
\echo :SQLSTATE
SET ROLE bg_finance;
SELECT bjxm.revise_budget(:m, 2028, 400000, '二期运维 (上级资金)', 'superior');
SELECT year, fund, amount, reason FROM bjxm.budgets WHERE project_id = :m ORDER BY year, fund;
SELECT budget FROM bjxm.projects WHERE project_id = :m;
SELECT e.action, e.actor, e.details->>'year' AS year, e.details->>'fund' AS fund, e.details->>'old_amount' AS old,
       e.details->>'new_amount' AS new, e.details->>'budget' AS total, e.note
  FROM bjxm.events e WHERE e.project_id = :m AND e.action = 'revise_budget';
-- An increase rests on line items (1,200,000 here) and the reviewed estimate.
SELECT bjxm.revise_budget(:m, 2028, 400000.01, '多加一分', 'superior');
\echo :SQLSTATE
SELECT sqlstate, message, detail FROM bjxm.check(:m, 'revise_budget', '{"year": 2028, "new_amount": 500000, "reason": "追加", "fund": "superior"}');
-- Bad arguments: a year before the plan year or too far ahead, a blank
-- reason, a negative amount, a total of zero.
SELECT bjxm.revise_budget(:m, 2026, 1000, '提前');
\echo :SQLSTATE
SELECT bjxm.revise_budget(:m, 2038, 1000, '太远');
\echo :SQLSTATE
SELECT bjxm.revise_budget(:m, 2028, 1000, '  ', 'superior');
\echo :SQLSTATE
SELECT bjxm.revise_budget(:m, 2028, -1, '负数', 'superior');
\echo :SQLSTATE
-- A year taken down to 0 is allowed while the total stays above zero.
SELECT bjxm.revise_budget(:m, 2028, 0, '二期取消', 'superior');
SELECT budget FROM bjxm.projects WHERE project_id = :m;
SELECT sqlstate, message FROM bjxm.check(:m, 'revise_budget', '{"year": 2027, "new_amount": 0, "reason": "清零"}')
 WHERE sqlstate = '22023';
SELECT bjxm.revise_budget(:m, 2028, 400000, '二期恢复', 'superior');
-- Only from the budget to implementation.
RESET ROLE;
SELECT pg_temp.walk('11520500BG0000001G', '尚未安排预算的平台', 500000, 500000, 500000, 'approved') AS a \gset
SET ROLE bg_finance;
SELECT bjxm.revise_budget(:a, 2027, 500000, '未安排先调整');
\echo :SQLSTATE

------------------------------------------------------------------------------
-- Above the estimate only with an approved 第十九条 increase.
------------------------------------------------------------------------------
RESET ROLE;
SELECT pg_temp.walk('11520500BG0000001G', '估算上限测试平台', 1000000, 1300000, 1000000, 'service_plan_approved') AS e \gset
SET ROLE bg_finance;
SELECT bjxm.revise_budget(:e, 2027, 1200000, '追加二十万');
\echo :SQLSTATE
RESET ROLE;
SELECT bjxm.request_adjustment(:e, 'business_need', '增加模块, 追加二十万', '{"functions": "f 及新模块", "budget": "120万元"}', 200000) AS adj \gset
SELECT bjxm.record_adjustment_opinion(:adj, true, '同意'), bjxm.decide_adjustment(:adj, true);
SET ROLE bg_finance;
SELECT bjxm.revise_budget(:e, 2027, 1200000, '按同意的调整追加二十万');
SELECT bjxm.revise_budget(:e, 2027, 1200000.01, '再多一分');
\echo :SQLSTATE

------------------------------------------------------------------------------
-- A decrease never below what is paid, nor the contract, procurement or
-- control price.
------------------------------------------------------------------------------
RESET ROLE;
SELECT pg_temp.walk('11520500BG0000001G', '调减测试平台', 1000000, 1000000, 1000000, 'contracted') AS d \gset
SET ROLE bg_finance;
SELECT bjxm.record_disbursement(:d, 300000, '2026-11-27');
SELECT sqlstate, message FROM bjxm.check(:d, 'revise_budget', '{"year": 2027, "new_amount": 200000, "reason": "调减"}') ORDER BY 1;
SELECT bjxm.revise_budget(:d, 2027, 999999.99, '调减一分');
\echo :SQLSTATE
-- The paid amount counts payments in every year (check with control price
-- and contract lowered out of the way in a transaction: only BJ012 left).
BEGIN;
RESET ROLE;
UPDATE bjxm.projects SET control_price = NULL, procurement_amount = NULL, contract_amount = NULL WHERE project_id = :d;
SELECT sqlstate, detail FROM bjxm.check(:d, 'revise_budget', '{"year": 2027, "new_amount": 299999.98, "reason": "调减"}');
SELECT count(*) AS findings FROM bjxm.check(:d, 'revise_budget', '{"year": 2027, "new_amount": 299999.99, "reason": "调减"}');
ROLLBACK;

------------------------------------------------------------------------------
-- 第十条 (deliverable 3): 自筹 only for a 市属国企, itemised and audited.
------------------------------------------------------------------------------
SET ROLE bg_unit;
SELECT sqlstate, message FROM bjxm.check(:m, 'revise_budget', '{"year": 2028, "new_amount": 100, "reason": "自筹", "fund": "self_raised"}')
 WHERE sqlstate = 'BJ010';
RESET ROLE;
SELECT pg_temp.walk('91520500BG0000002B', '国企自筹测试平台', 1200000, 1200000, 900000, 'budgeted', 'self_raised') AS s \gset
SELECT year, fund, amount FROM bjxm.budgets WHERE project_id = :s;
SET ROLE bg_finance;
SELECT bjxm.revise_budget(:s, 2028, 100000, '财政代为安排');
\echo :SQLSTATE
SET ROLE bg_soe;
SELECT sqlstate, message FROM bjxm.check(:s, 'revise_budget', '{"year": 2028, "new_amount": 100000, "reason": "财政资金", "fund": "municipal_fiscal"}')
 WHERE sqlstate IN ('BJ010', '42501') ORDER BY 1;
SELECT bjxm.revise_budget(:s, 2028, 300000.01, '企业自有资金安排二期');
\echo :SQLSTATE
SELECT bjxm.revise_budget(:s, 2028, 300000, '企业自有资金安排二期');
SELECT e.actor, e.details->>'fund' AS fund, e.details->>'budget' AS total FROM bjxm.events e
 WHERE e.project_id = :s AND e.action = 'revise_budget';

------------------------------------------------------------------------------
-- 第三十四条 at the new amount: a county project raised to 1,000,000 is
-- warned, and the contract then waits for the city review.
------------------------------------------------------------------------------
RESET ROLE;
SELECT pg_temp.walk('11520521BG00000034', '县级调增测试平台', 950000, 1100000, 950000, 'procured') AS c \gset
SELECT bjxm.request_adjustment(:c, 'business_need', '追加十五万', '{"budget": "110万元"}', 150000) AS cadj \gset
SELECT bjxm.record_adjustment_opinion(:cadj, true, '同意'), bjxm.decide_adjustment(:cadj, true);
SET ROLE bg_finance;
SELECT bjxm.revise_budget(:c, 2027, 1100000, '按同意的调整追加');
RESET ROLE;
SELECT bjxm.sign_contract(:c, 'HT-C', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
  'user_unit', '11520521BG00000034', 'vendor', 'BG-V'), 'emergency_response', true, 'annual_security_test', true,
  'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
\echo :SQLSTATE
SELECT bjxm.record_city_review(:c, true, '同意追加后的方案');
SELECT bjxm.sign_contract(:c, 'HT-C', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
  'user_unit', '11520521BG00000034', 'vendor', 'BG-V'), 'emergency_response', true, 'annual_security_test', true,
  'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
SELECT pg_temp.countersign(:c);

------------------------------------------------------------------------------
-- 第三十一条: no new money under a hold; a decrease is not new money.
------------------------------------------------------------------------------
SELECT bjxm.open_rectification('11520500BG0000001G', 3, '未部署在城市数据中心', NULL, '2026-12-31') AS r \gset
SELECT bjxm.report_rectification(:r, '已迁移');
SELECT bjxm.close_rectification(:r, false);
SET ROLE bg_finance;
SELECT bjxm.revise_budget(:m, 2028, 300000, '调减二期', 'superior');
SELECT bjxm.revise_budget(:m, 2028, 350000, '追加二期', 'superior');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:m, 'revise_budget', '{"year": 2028, "new_amount": 350000, "reason": "追加", "fund": "superior"}');
RESET ROLE;

------------------------------------------------------------------------------
-- 序时进度 (the share of the year gone, by month): 2026-11-27 → 11/12.
------------------------------------------------------------------------------
SELECT project_name, year, arranged, funds, paid, execution_rate, time_progress, slow
  FROM bjxm.budget_execution_by_year WHERE project_id IN (:m, :d) ORDER BY project_id, year;
SELECT project_name, arranged, paid, execution_rate, time_progress, slow
  FROM bjxm.budget_execution WHERE project_id = :d;
-- In March 2027, 序时进度 is 3/12: nothing paid in 2027 is slow against
-- 0.5 × 3/12; 130,000 of the 2027 budget paid in March (13%) is not.
SET bjxm.today = '2027-03-15';
SELECT year, paid, time_progress, slow FROM bjxm.budget_execution_by_year WHERE project_id = :d ORDER BY year;
SET ROLE bg_finance;
SELECT bjxm.record_disbursement(:d, 130000, '2027-03-15');
RESET ROLE;
SELECT year, paid, execution_rate, time_progress, slow FROM bjxm.budget_execution_by_year WHERE project_id = :d ORDER BY year;
SET bjxm.today = '2026-11-27';

DROP FUNCTION pg_temp.walk(text, text, numeric, numeric, numeric, text, bjxm.fund_source);
RESET bjxm.today;
