-- Holds (第三十一条, issue 15): 「对未整改或整改后不符合要求的, 不再安排后续项目资金」
-- covers every step that commits money, not just budgeting it; a reported
-- order is verified in time or flagged (待核查逾期); a report closed as
-- failed after the deadline restores the hold from the deadline; every
-- hold shows when it began.  src/supervision.c.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm_test.roles = 'hd_unit,hd_unit2,hd_bigdata,hd_finance,hd_reviewer';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO hd_unit, hd_unit2;
GRANT bjxm_bigdata TO hd_bigdata;
GRANT bjxm_finance TO hd_finance;
GRANT bjxm_reviewer TO hd_reviewer;
SELECT bjxm.set_jurisdiction('hd_bigdata', '520500'), bjxm.set_jurisdiction('hd_finance', '520500');
SELECT bjxm.register_unit('11520500HD0000001E', '毕节市民政局', 'admin_dept') > 0 AS unit_a,
       bjxm.register_unit('11520500HD0000002H', '毕节市人社局', 'admin_dept') > 0 AS unit_b,
       bjxm.register_party('HD-R', '某评审机构', 'reviewer', '12520500HDR0000016') > 0 AS r,
       bjxm.register_party('HD-V', '某服务单位', 'vendor', '91520500HDW000001K') > 0 AS v;
SELECT bjxm.grant_unit_member('hd_unit', '11520500HD0000001E'), bjxm.grant_unit_member('hd_unit2', '11520500HD0000002H'),
       bjxm.grant_party_member('hd_reviewer', 'HD-R');
\i sql/include/countersign.sql
-- A project walked by the superuser, on 2026-11-27, to target.
CREATE FUNCTION pg_temp.walk(unit bjxm.uscc, name text, target text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  SET LOCAL bjxm.today = '2026-11-27';
  p := bjxm.create_project(unit, name, 'business_system', '{development}', 2027, 1000000);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'HD-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p);
  PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm._act(NULL, 'approve_annual_plan', jsonb_build_object('year', 2027, 'region', '520500',
     'excluded', (SELECT coalesce(jsonb_agg(x.project_id), '[]') FROM bjxm.projects x JOIN bjxm.units u USING (unit_id)
                  WHERE x.state = 'planned' AND x.project_id <> p AND x.plan_year = 2027 AND u.region = '520500')));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '软件开发', 1000000);
  PERFORM bjxm.arrange_budget(p, 900000);
  IF target = 'budgeted' THEN RETURN p; END IF;
  PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
  PERFORM bjxm.entrust_review(p, 'HD-R');
  PERFORM bjxm.approve_service_plan(p, true, 850000, 'r');
  IF target = 'service_plan_approved' THEN RETURN p; END IF;
  PERFORM bjxm.record_procurement(p, 'HD-V', 800000, 'open_tender');
  IF target = 'procured' THEN RETURN p; END IF;
  PERFORM bjxm.sign_contract(p, 'HT-' || p, jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', unit::text, 'vendor', 'HD-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
  PERFORM pg_temp.countersign(p);
  RETURN p;
END $$;
-- The terms a contract of unit A signs.
CREATE FUNCTION pg_temp.terms() RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局', 'user_unit', '11520500HD0000001E',
    'vendor', 'HD-V'), 'emergency_response', true, 'annual_security_test', true, 'crypto_assessment', true,
    'risk_assessment', true, 'report_results', true) $$;
SELECT pg_temp.walk('11520500HD0000001E', '社会救助平台', 'budgeted') AS a1 \gset
SELECT pg_temp.walk('11520500HD0000001E', '养老服务平台', 'service_plan_approved') AS a2 \gset
SELECT pg_temp.walk('11520500HD0000001E', '婚姻登记系统', 'procured') AS a3 \gset
SELECT pg_temp.walk('11520500HD0000001E', '殡葬管理系统', 'contracted') AS a4 \gset
SELECT pg_temp.walk('11520500HD0000001E', '社区治理平台', 'procured') AS a5 \gset
SELECT pg_temp.walk('11520500HD0000002H', '就业服务平台', 'procured') AS b1 \gset
SELECT bjxm.start_implementation(:a4);

------------------------------------------------------------------------
-- A report must say something: "." would only pause the hold.
------------------------------------------------------------------------
SET bjxm.today = '2027-03-01';
SET ROLE hd_bigdata;
SELECT bjxm.open_rectification('11520500HD0000001E', 6, '安全保障不到位', NULL, '2027-03-10') AS o1 \gset
SET ROLE hd_unit;
SELECT bjxm.report_rectification(:o1, '.');
\echo :SQLSTATE
SELECT bjxm.report_rectification(:o1, ' 。。！ ');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(NULL, 'report_rectification', jsonb_build_object('id', :o1, 'result', '……'));
SELECT status FROM bjxm.rectification_board WHERE rectification_id = :o1;
-- Reported in time: the hold pauses, and the regulator has
-- verification_days (15) to verify it.
RESET ROLE;
SET bjxm.today = '2027-03-05';
SET ROLE hd_unit;
SELECT bjxm.report_rectification(:o1, '已完成等保测评整改, 附测评报告');
SELECT status, hold, hold_since, reported_on, verify_by, verification_overdue, alert
  FROM bjxm.rectification_board WHERE rectification_id = :o1;

------------------------------------------------------------------------
-- While the hold is paused (reported, not yet verified), after the
-- original deadline, project a5's contract is signed.
------------------------------------------------------------------------
RESET ROLE;
SET bjxm.today = '2027-03-12';
SET ROLE hd_unit;
SELECT bjxm.sign_contract(:a5, 'HT-A5', pg_temp.terms());
SET ROLE hd_bigdata;
SELECT bjxm.sign_contract(:a5, 'HT-A5', pg_temp.terms());
SELECT state FROM bjxm.projects WHERE project_id = :a5;

------------------------------------------------------------------------
-- Nobody verifies: past verify_by the board and inspect flag the
-- regulator (待核查逾期).
------------------------------------------------------------------------
RESET ROLE;
SET bjxm.today = '2027-03-25';
SET ROLE hd_bigdata;
SELECT status, hold, verification_overdue, alert FROM bjxm.rectification_board WHERE rectification_id = :o1;
SELECT clause, sqlstate, severity, message FROM bjxm.inspect(:a1) WHERE sqlstate = 'BJ031';
SELECT sqlstate, detail FROM bjxm.inspect(:a1) WHERE message LIKE '%待核查逾期%';
-- ... and the hold is back from the day after verify_by (2027-03-21): a
-- report pauses a hold only while it waits to be verified, so "1" or "无"
-- buys verification_days at most.
SELECT status, hold, hold_since, alert FROM bjxm.rectification_board WHERE rectification_id = :o1;
SET ROLE hd_unit;
SELECT bjxm.record_procurement(:a2, 'HD-V', 800000, 'open_tender');
\echo :SQLSTATE
SET ROLE hd_bigdata;

------------------------------------------------------------------------
-- Closed as failed after the deadline: the hold runs from the day after
-- the deadline (2027-03-11), not from today.
------------------------------------------------------------------------
SELECT bjxm.close_rectification(:o1, false);
SELECT status, hold, hold_since, verification_overdue, alert FROM bjxm.rectification_board WHERE rectification_id = :o1;

------------------------------------------------------------------------
-- Every step that commits money is refused, naming the order.
------------------------------------------------------------------------
-- Preparing a service plan commits nothing: allowed.
SET ROLE hd_unit;
SELECT bjxm.submit_service_plan(:a1, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
SET ROLE hd_bigdata;
SELECT bjxm.entrust_review(:a1, 'HD-R');
-- Approving a control price: refused (a plan that fails commits nothing: allowed).
SET ROLE hd_reviewer;
SELECT bjxm.approve_service_plan(:a1, true, 850000, 'FW-A1');
\echo :SQLSTATE
SELECT sqlstate, message FROM bjxm.check(:a1, 'approve_service_plan', '{"passed": true, "tender_control_price": 850000}');
-- Procurement: refused.
SET ROLE hd_unit;
SELECT bjxm.record_procurement(:a2, 'HD-V', 800000, 'open_tender');
\echo :SQLSTATE
SELECT state FROM bjxm.projects WHERE project_id = :a2;
-- The contract: refused to either side, in either order.
SELECT bjxm.sign_contract(:a3, 'HT-A3', pg_temp.terms());
\echo :SQLSTATE
SET ROLE hd_bigdata;
SELECT bjxm.sign_contract(:a3, 'HT-A3', pg_temp.terms());
\echo :SQLSTATE
SELECT state, (SELECT count(*) FROM bjxm.contract_signatures s WHERE s.project_id = :a3) AS signatures
  FROM bjxm.projects WHERE project_id = :a3;
-- Raising a budget: refused; a decrease is not new money.
SET ROLE hd_finance;
SELECT bjxm.revise_budget(:a1, 2027, 950000, '追加');
\echo :SQLSTATE
-- Approving a 第十九条 increase commits money: refused; one without an
-- increase is not.
RESET ROLE;
SELECT bjxm.request_adjustment(:a4, 'business_need', '追加移动端, 增加十万', '{"functions": "f 及移动端"}', 100000) AS adj \gset
SELECT bjxm.record_adjustment_opinion(:adj, true, '同意');
SET ROLE hd_bigdata;
SELECT bjxm.decide_adjustment(:adj, true);
\echo :SQLSTATE
SELECT status FROM bjxm.adjustments WHERE adjustment_id = :adj;
RESET ROLE;
SELECT bjxm.request_adjustment(:a4, 'business_need', '培训改为线上', '{"training_plan": "线上培训"}') AS adj0 \gset
SELECT bjxm.record_adjustment_opinion(:adj0, true, '同意');
SET ROLE hd_bigdata;
SELECT bjxm.decide_adjustment(:adj0, true);
-- Payments: owed under a5's contract? It was recorded on 2027-03-12,
-- inside the restored hold: refused.  Under a4's contract of 2026-11-27,
-- before the hold: paid, with a warning.
SET ROLE hd_finance;
SELECT bjxm.record_disbursement(:a5, 100000, '2027-03-25');
\echo :SQLSTATE
SELECT bjxm.record_disbursement(:a4, 100000, '2027-03-25');
SELECT count(*) AS paid FROM bjxm.disbursements WHERE project_id IN (:a4, :a5);
-- check() shows all of it, as errors.
SET ROLE hd_unit;
SELECT sqlstate, severity FROM bjxm.check(:a2, 'record_procurement', '{"vendor": "HD-V", "amount": 800000, "method": "open_tender"}')
 WHERE sqlstate = 'BJ031';
SELECT sqlstate, severity FROM bjxm.check(:a3, 'sign_contract', jsonb_build_object('contract_no', 'HT-A3', 'terms', pg_temp.terms()))
 WHERE sqlstate = 'BJ031';
-- Another unit's hold never blocks: unit B signs.
SET ROLE hd_unit2;
SELECT bjxm.sign_contract(:b1, 'HT-B1', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
  'user_unit', '11520500HD0000002H', 'vendor', 'HD-V'), 'emergency_response', true, 'annual_security_test', true,
  'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
SET ROLE hd_bigdata;
SELECT bjxm.sign_contract(:b1, 'HT-B1', jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
  'user_unit', '11520500HD0000002H', 'vendor', 'HD-V'), 'emergency_response', true, 'annual_security_test', true,
  'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
SELECT state FROM bjxm.projects WHERE project_id = :b1;

------------------------------------------------------------------------
-- An open order past its deadline holds, and shows since when.
------------------------------------------------------------------------
SELECT bjxm.open_rectification('11520500HD0000002H', 7, '未部署国产密码', NULL, '2027-03-31') AS o2 \gset
RESET ROLE;
SET bjxm.today = '2027-04-02';
SET ROLE hd_bigdata;
SELECT status, hold, hold_since, alert FROM bjxm.rectification_board WHERE rectification_id = :o2;
SET ROLE hd_finance;
SELECT bjxm.record_disbursement(:b1, 1000, '2027-04-01');
\echo :SQLSTATE

------------------------------------------------------------------------
-- Verified and closed: the money flows again.
------------------------------------------------------------------------
SET ROLE hd_unit;
SELECT bjxm.report_rectification(:o1, '重新完成等保测评并通过复核');
SET ROLE hd_bigdata;
SELECT bjxm.close_rectification(:o1, true);
SELECT status, hold, alert FROM bjxm.rectification_board WHERE rectification_id = :o1;
SET ROLE hd_reviewer;
SELECT bjxm.approve_service_plan(:a1, true, 850000, 'FW-A1');
SET ROLE hd_finance;
SELECT bjxm.record_disbursement(:a5, 100000, '2027-04-02');
SELECT state FROM bjxm.projects WHERE project_id = :a1;

------------------------------------------------------------------------
-- (second red team) A signature from before a postponement does not wait
-- for the other side through it: after the resume, both sign afresh.
------------------------------------------------------------------------
SET ROLE hd_unit;
SELECT bjxm.sign_contract(:a3, 'HT-A3', pg_temp.terms());
SET ROLE hd_bigdata;
SELECT bjxm.postpone(:a3, '资金未到位');
SELECT bjxm.resume(:a3);
SELECT bjxm.sign_contract(:a3, 'HT-A3', pg_temp.terms());
SELECT state FROM bjxm.projects WHERE project_id = :a3;
SET ROLE hd_unit;
SELECT bjxm.sign_contract(:a3, 'HT-A3', pg_temp.terms());
SELECT state FROM bjxm.projects WHERE project_id = :a3;

-- (second red team) inspect: a contracted project postponed is still
-- contracted for the facts it owes — silence stays an error.
SELECT severity, count(*) FROM bjxm.inspect(:a3) WHERE message LIKE '%not reported%' GROUP BY severity;
SET ROLE hd_bigdata;
SELECT bjxm.postpone(:a3, '服务单位人员变动');
SELECT severity, count(*) FROM bjxm.inspect(:a3) WHERE message LIKE '%not reported%' GROUP BY severity;
RESET ROLE;
RESET bjxm.today;
