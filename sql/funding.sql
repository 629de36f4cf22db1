-- Funding (第三章 资金管理, src/funding.c): budget execution (第十二条):
-- disbursements within the budget, not to a postponed project.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2027-03-01';
SET bjxm_test.roles = 'mn_unit,mn_unit2,mn_bigdata,mn_finance,mn_gov';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO mn_unit, mn_unit2;
GRANT bjxm_bigdata TO mn_bigdata;
GRANT bjxm_finance TO mn_finance;
GRANT bjxm_city_gov TO mn_gov;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('mn_bigdata', '520500'), bjxm.set_jurisdiction('mn_finance', '520500'),
       bjxm.set_jurisdiction('mn_gov', '520500');

-- Fixture: two units; in each, one project walked by the superuser to
-- 'contracted' and one to 'in_library' (the steps are tested in lifecycle).
SELECT bjxm.register_unit('11520500MN00000198', '毕节市卫生健康局', 'admin_dept') > 0 AS ok,
       bjxm.register_unit('11520500MN00000273', '毕节市交通运输局', 'admin_dept') > 0 AS ok2,
       bjxm.register_party('MN-R', '某评审机构', 'reviewer', '125205002610635208') > 0 AS r,
       bjxm.register_party('MN-V', '某服务单位', 'vendor', '91520500MNW000001K') > 0 AS v;
SELECT bjxm.grant_unit_member('mn_unit', '11520500MN00000198'), bjxm.grant_unit_member('mn_unit2', '11520500MN00000273');
\i sql/include/countersign.sql
CREATE FUNCTION pg_temp.walk(unit bjxm.uscc, name text, target text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  SET LOCAL bjxm.today = '2026-11-27';
  p := bjxm.create_project(unit, name, 'business_system', '{development}', 2027, 1000000);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'MN-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p);
  IF target = 'in_library' THEN RETURN p; END IF;
  PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm._act(NULL, 'approve_annual_plan', jsonb_build_object('year', 2027, 'region', '520500',
     'excluded', (SELECT coalesce(jsonb_agg(x.project_id), '[]') FROM bjxm.projects x WHERE x.state = 'planned' AND x.project_id <> p)));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '软件开发', 1000000);
  PERFORM bjxm.arrange_budget(p, 1000000);
  PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
  PERFORM bjxm.entrust_review(p, 'MN-R');
  PERFORM bjxm.approve_service_plan(p, true, 950000, 'r');
  PERFORM bjxm.record_procurement(p, 'MN-V', 900000, 'open_tender');
  IF target = 'procured' THEN RETURN p; END IF;
  PERFORM bjxm.sign_contract(p, 'HT-' || p, jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', unit::text, 'vendor', 'MN-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
  PERFORM pg_temp.countersign(p);
  RETURN p;
END $$;
SELECT pg_temp.walk('11520500MN00000198', '全民健康信息平台', 'contracted') AS hp \gset
SELECT pg_temp.walk('11520500MN00000198', '医保智能监控系统', 'in_library') AS hq \gset
SELECT pg_temp.walk('11520500MN00000273', '智慧交通平台', 'contracted') AS tp \gset
SELECT pg_temp.walk('11520500MN00000273', '公交调度系统', 'in_library') AS tq \gset
SELECT pg_temp.walk('11520500MN00000273', '出租车监管平台', 'procured') AS tr \gset
SELECT project_name, state FROM bjxm.project_library WHERE project_id IN (:hp, :hq, :tp, :tq, :tr) ORDER BY project_id;

------------------------------------------------------------------------
-- 第十二条, 第十六条: disbursements never exceed the contract (900,000 as
-- procured: the three-argument sign_contract records the procurement
-- amount, signed on bjxm.today(), 2026-11-27) nor the budget (1,000,000)
------------------------------------------------------------------------
SELECT contract_amount, contract_signed_on FROM bjxm.projects WHERE project_id = :hp;
SET ROLE mn_unit;
SELECT bjxm.record_disbursement(:hp, 100000, '2027-02-01');
\echo :SQLSTATE
SET ROLE mn_finance;
SELECT bjxm.record_disbursement(:hp, 600000, '2027-02-01');
SELECT bjxm.record_disbursement(:hp, 300000.01, '2027-02-15');
\echo :SQLSTATE
-- Dated before the contract (the 2001 payment of the issue): BJ012.
SELECT bjxm.record_disbursement(:hp, 1000, '2001-01-01');
\echo :SQLSTATE
SELECT bjxm.record_disbursement(:hp, 1000, '2026-11-26');
\echo :SQLSTATE
SELECT bjxm.record_disbursement(:hp, 100000, '2027-12-31');
\echo :SQLSTATE
SELECT bjxm.record_disbursement(:hp, 100000.001, '2027-02-15');
\echo :SQLSTATE
SELECT bjxm.record_disbursement(:hp, -5, '2027-02-15');
\echo :SQLSTATE
SELECT bjxm.record_disbursement(:hp, 299000, '2027-02-15');
SELECT bjxm.record_disbursement(:hp, 1000, '2026-11-27');
SELECT project_name, arranged, paid, execution_rate, slow FROM bjxm.budget_execution WHERE project_id IN (:hp, :tp) ORDER BY project_id;
-- A contract without an amount (signed under 0.2.0; cleared here directly,
-- as an upgraded row would be): payments are held to the budget, and
-- inspect reports the contract.
RESET ROLE;
UPDATE bjxm.projects SET contract_amount = NULL, contract_signed_on = NULL WHERE project_id = :hp;
SET ROLE mn_finance;
SELECT bjxm.record_disbursement(:hp, 100000.01, '2027-02-15');
\echo :SQLSTATE
SELECT severity, sqlstate, message, detail FROM bjxm.inspect(:hp) WHERE sqlstate IN ('BJ010', 'BJ012', 'BJ014', 'BJ016');
SELECT severity, sqlstate FROM bjxm.check(:hp, 'record_disbursement', '{"amount": 100000, "paid_on": "2027-02-15"}');
-- A contract of 800,000 with 900,000 paid, or a payment before its date
-- (rows no action writes): inspect shows each broken link.
RESET ROLE;
UPDATE bjxm.projects SET contract_amount = 800000, contract_signed_on = '2027-02-10' WHERE project_id = :hp;
SET ROLE mn_finance;
SELECT severity, sqlstate, message, detail FROM bjxm.inspect(:hp) WHERE sqlstate IN ('BJ010', 'BJ012', 'BJ014', 'BJ016');
RESET ROLE;
UPDATE bjxm.projects SET contract_amount = 900000, contract_signed_on = '2026-11-27' WHERE project_id = :hp;
SET ROLE mn_finance;
SELECT count(*) AS chain_findings FROM bjxm.inspect(:hp) WHERE sqlstate IN ('BJ010', 'BJ012', 'BJ014', 'BJ016');

------------------------------------------------------------------------
-- 第十六条: the contract records its amount (at most the procurement
-- amount, 900,000) and its date (not after today)
------------------------------------------------------------------------
SET ROLE mn_unit2;
SELECT bjxm.sign_contract(:tr, 'HT-TR', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500MN00000273', 'vendor', 'MN-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true), 900000.01, '2027-02-20');
\echo :SQLSTATE
SELECT bjxm.sign_contract(:tr, 'HT-TR', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500MN00000273', 'vendor', 'MN-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true), 880000, '2027-03-02');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:tr, 'sign_contract', jsonb_build_object('contract_no', 'HT-TR',
    'terms', '{}'::jsonb, 'amount', 2000000, 'signed_on', '2027-02-20'));
SELECT bjxm.sign_contract(:tr, 'HT-TR', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500MN00000273', 'vendor', 'MN-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true), 880000, '2027-02-20');
SET ROLE mn_bigdata;
SELECT bjxm.sign_contract(:tr, 'HT-TR', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500MN00000273', 'vendor', 'MN-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true), 880000, '2027-02-20');
SELECT state, contract_amount, contract_signed_on FROM bjxm.projects WHERE project_id = :tr;
SET ROLE mn_finance;
SELECT bjxm.record_disbursement(:tr, 1000, '2027-02-19');
\echo :SQLSTATE
SELECT bjxm.record_disbursement(:tr, 880000, '2027-02-20');
SELECT bjxm.record_disbursement(:tr, 0.01, '2027-02-21');
\echo :SQLSTATE
SELECT severity, sqlstate, message FROM bjxm.inspect(:tr) WHERE sqlstate IN ('BJ010', 'BJ012', 'BJ014', 'BJ016');
-- Not before the contract: BJ000.
SELECT bjxm.record_disbursement(:hq, 1, '2027-02-15');
\echo :SQLSTATE
-- A postponed project gets nothing: BJ012.
SELECT bjxm.postpone(:tp, '交通局原因');
SELECT bjxm.record_disbursement(:tp, 1000, '2027-02-15');
\echo :SQLSTATE
SELECT bjxm.resume(:tp);
SELECT bjxm.record_disbursement(:tp, 1000, '2027-02-15');

-- 第十二条: nor backdated into a postponement: postponed on 03-05, resumed
-- on 03-20, a payment dated 03-10 is refused; the days it was not
-- postponed (its first day, the day it resumed) are not.
RESET ROLE;
SET bjxm.today = '2027-03-05';
SET ROLE mn_finance;
SELECT bjxm.postpone(:tp, '交通局原因, 再次推迟');
RESET ROLE;
SET bjxm.today = '2027-03-20';
SET ROLE mn_finance;
SELECT bjxm.resume(:tp);
SELECT bjxm.record_disbursement(:tp, 1000, '2027-03-10');
\echo :SQLSTATE
SELECT sqlstate, detail FROM bjxm.check(:tp, 'record_disbursement', '{"amount": 1000, "paid_on": "2027-03-19"}');
SELECT count(*) AS findings FROM bjxm.check(:tp, 'record_disbursement', '{"amount": 1000, "paid_on": "2027-03-05"}');
SELECT bjxm.record_disbursement(:tp, 1000, '2027-03-20');
RESET ROLE;
SET bjxm.today = '2027-03-01';
