-- Supervision (第七章 监督管理, src/supervision.c): rectification holds
-- (第三十条, 第三十一条), performance (第三十二条), inspection, on the
-- projects funding.sql walked.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2027-03-01';
SELECT p.project_id AS hp FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
 WHERE u.code = '11520500MN00000198' AND p.name = '全民健康信息平台' \gset
SELECT p.project_id AS hq FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
 WHERE u.code = '11520500MN00000198' AND p.name = '医保智能监控系统' \gset
SELECT p.project_id AS tp FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
 WHERE u.code = '11520500MN00000273' AND p.name = '智慧交通平台' \gset
SELECT p.project_id AS tq FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
 WHERE u.code = '11520500MN00000273' AND p.name = '公交调度系统' \gset

------------------------------------------------------------------------
-- 第三十一条: rectification holds
------------------------------------------------------------------------
SET ROLE mn_unit;
SELECT bjxm.open_rectification('11520500MN00000198', 3, '未部署在城市数据中心');
\echo :SQLSTATE
SET ROLE mn_bigdata;
SELECT bjxm.open_rectification('11520500MN00000198', 10, 'x');
\echo :SQLSTATE
SELECT bjxm.open_rectification('11520500MN00000198', 3, '未部署在城市数据中心', :tp);
\echo :SQLSTATE
SELECT bjxm.open_rectification('11520500MN00000198', 3, '全民健康信息平台未部署在城市数据中心', :hp, '2027-03-10') AS ord \gset
SELECT rectification_id = :ord AS same, clause, status, deadline, hold FROM bjxm.rectification_board WHERE unit = '11520500MN00000198';
-- Not yet overdue: funding proceeds, with a warning.
SELECT severity, sqlstate, message FROM bjxm.check(:hq, 'propose_for_plan');
SELECT bjxm.propose_for_plan(:hq);
-- Overdue: no new money for the unit (不再安排后续项目资金), naming the order.
RESET ROLE;
SET bjxm.today = '2027-03-11';
SELECT hold FROM bjxm.rectification_board WHERE rectification_id = :ord;
SET ROLE mn_gov;
SELECT bjxm.approve_annual_plan(2027) > 0 AS approved;
SET ROLE mn_unit;
SELECT bjxm.set_performance_targets(:hq, '{"t": 1}');
SELECT bjxm.add_line_item(:hq, 'software_development', '医保智能监控软件开发', 500000) > 0 AS item;
SET ROLE mn_finance;
SELECT bjxm.arrange_budget(:hq, 500000);
\echo :SQLSTATE
SELECT severity, sqlstate, message FROM bjxm.check(:hq, 'arrange_budget', '{"amount": 500000}');
-- Disbursements under a signed contract are owed to the vendor: warned, not blocked.
SELECT severity, sqlstate FROM bjxm.check(:hp, 'record_disbursement', '{"amount": 1, "paid_on": "2027-03-11"}');
-- One unit's hold never blocks another unit.
SET ROLE mn_bigdata;
SELECT count(*) AS findings FROM bjxm.check(:tq, 'propose_for_plan');
SELECT bjxm.propose_for_plan(:tq);
-- A late report keeps the hold until the order is closed as passed.
SET ROLE mn_unit;
SELECT bjxm.report_rectification(:ord, '已迁移至城市数据中心');
SELECT status, hold, hold_since FROM bjxm.rectification_board WHERE rectification_id = :ord;
SET ROLE mn_finance;
SELECT bjxm.arrange_budget(:hq, 500000);
\echo :SQLSTATE
SELECT bjxm.close_rectification(:ord, false);
SELECT status, hold FROM bjxm.rectification_board WHERE rectification_id = :ord;
SELECT bjxm.close_rectification(:ord, true);
\echo :SQLSTATE
SET ROLE mn_unit;
SELECT bjxm.report_rectification(:ord, '已迁移并通过验收测试');
SET ROLE mn_bigdata;
SELECT bjxm.close_rectification(:ord, true);
SELECT status, hold FROM bjxm.rectification_board WHERE rectification_id = :ord;
SELECT funding_blocked, open_orders FROM bjxm.unit_compliance WHERE unit = '11520500MN00000198';
SET ROLE mn_finance;
SELECT bjxm.arrange_budget(:hq, 500000);
-- A failed verification holds at once, before any deadline.
SET ROLE mn_bigdata;
SELECT bjxm.open_rectification('11520500MN00000273', 6, '安全保障不到位', NULL, '2027-06-30') AS ord2 \gset
SET ROLE mn_unit2;
SELECT bjxm.report_rectification(:ord2, '已加固');
SET ROLE mn_bigdata;
SELECT bjxm.close_rectification(:ord2, false);
SELECT status, hold FROM bjxm.rectification_board WHERE rectification_id = :ord2;
SET ROLE mn_gov;
SELECT bjxm.approve_annual_plan(2027) AS approved;
SET ROLE mn_unit2;
SELECT bjxm.set_performance_targets(:tq, '{"t": 1}');
SELECT bjxm.add_line_item(:tq, 'software_development', '公交调度软件开发', 300000) > 0 AS item;
SET ROLE mn_finance;
SELECT bjxm.arrange_budget(:tq, 300000);
\echo :SQLSTATE

------------------------------------------------------------------------
-- 第三十二条: self-evaluation and 重点绩效评价
------------------------------------------------------------------------
SET ROLE mn_unit;
SELECT bjxm.record_self_evaluation(:hp, 2027, 92, '{"summary": "按期完成"}');
\echo :SQLSTATE
SELECT bjxm.start_implementation(:hp);
SELECT bjxm.record_self_evaluation(:hp, 2027, 92, '{"summary": "按期完成"}');
SELECT bjxm.record_self_evaluation(:hp, 2027, 120, '{}');
\echo :SQLSTATE
SELECT bjxm.record_key_evaluation(:hp, 2027, 85, 'ZD-2027-3');
\echo :SQLSTATE
SET ROLE mn_finance;
SELECT bjxm.record_key_evaluation(:hp, 2027, 85, 'ZD-2027-3');
SELECT kind, year, score FROM bjxm.performance_evaluations WHERE project_id = :hp ORDER BY kind;

------------------------------------------------------------------------
-- 第三十一条(三)(四)(七)(八): automatic inspection
------------------------------------------------------------------------
-- Issue 15: a contracted project that reported nothing gets errors (未报告),
-- as one that honestly reports a violation does — silence is no cover.
SET ROLE mn_unit;
SELECT clause, severity, message FROM bjxm.inspect(:hp);
SELECT bjxm.set_project_facts(:hp, '{"deployment_site": "某商业云", "gov_service_integration_required": true,
  "gov_service_integrated": false, "domestic_crypto": false, "uses_third_party_system": true}');
SELECT clause, severity, message FROM bjxm.inspect(:hp);
SELECT bjxm.set_project_facts(:hp, '{"deployment_site": "city_data_center", "gov_service_integrated": true,
  "domestic_crypto": true, "uses_third_party_system": false}');
SELECT count(*) AS findings FROM bjxm.inspect(:hp);
SELECT bjxm.set_project_facts(:hp, '{"color": "red"}');
\echo :SQLSTATE
SET ROLE mn_unit2;
SELECT * FROM bjxm.inspect(:hp);
\echo :SQLSTATE
-- check() changes nothing.
RESET ROLE;
SELECT count(*) AS events_before FROM bjxm.events \gset
SELECT count(*) > 0 AS has_findings FROM bjxm.check(:hq, 'record_procurement', '{"vendor": "MN-V", "amount": 99999999, "method": "inquiry"}');
SELECT count(*) = :events_before AS unchanged FROM bjxm.events;
RESET bjxm.today;
