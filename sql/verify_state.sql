-- Reconciliation (issue 17 item 3; 第三十条): bjxm.verify_state() rebuilds
-- from the event log each project's state, line items, budget, contract and
-- payments, each unit's rectification orders and each catalogue entry's
-- status, and reports every row of the tables that disagrees.  Projects are
-- walked through the lifecycle with the real actions; the log and the
-- tables agree; then a superuser in session_replication_role = replica
-- edits each table behind the actions' back, and every edit is reported.
-- src/reconcile.c, bjxm._verify_state_rows in src/bjxm.sql.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm_test.roles = 'vs_unit,vs_bigdata,vs_finance,vs_gov,vs_auditor,vs_reviewer';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO vs_unit;
GRANT bjxm_bigdata TO vs_bigdata;
GRANT bjxm_finance TO vs_finance;
GRANT bjxm_city_gov TO vs_gov;
GRANT bjxm_auditor TO vs_auditor;
GRANT bjxm_reviewer TO vs_reviewer;
SELECT bjxm.set_jurisdiction('vs_bigdata', '520500'), bjxm.set_jurisdiction('vs_finance', '520500'),
       bjxm.set_jurisdiction('vs_gov', '520500'), bjxm.set_jurisdiction('vs_auditor', '520500');
SELECT bjxm.register_unit('11520500RC00000017', '毕节市对账测试局', 'admin_dept') > 0 AS unit,
       bjxm.register_party('RC-R', '某评审机构(对账)', 'reviewer', '12520500RCR000001Y') > 0 AS r,
       bjxm.register_party('RC-V', '某服务单位(对账)', 'vendor', '91520100RCW000001P') > 0 AS v;
SELECT bjxm.grant_unit_member('vs_unit', '11520500RC00000017'), bjxm.grant_party_member('vs_reviewer', 'RC-R');
\i sql/include/countersign.sql
-- A project walked by the superuser, on 2026-11-27, to target.
CREATE FUNCTION pg_temp.walk(name text, target text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  SET LOCAL bjxm.today = '2026-11-27';
  p := bjxm.create_project('11520500RC00000017', name, 'business_system', '{development}', 2027, 1000000);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'RC-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p);
  PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm._act(NULL, 'approve_annual_plan', jsonb_build_object('year', 2027, 'region', '520500',
     'excluded', (SELECT coalesce(jsonb_agg(x.project_id), '[]') FROM bjxm.projects x JOIN bjxm.units u USING (unit_id)
                  WHERE x.state = 'planned' AND x.project_id <> p AND x.plan_year = 2027 AND u.region = '520500')));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '软件开发', 600000);
  PERFORM bjxm.add_line_item(p, 'system_integration', name || '系统集成', 400000);
  PERFORM bjxm.arrange_budget(p, 900000);
  IF target = 'budgeted' THEN RETURN p; END IF;
  PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
  PERFORM bjxm.entrust_review(p, 'RC-R');
  PERFORM bjxm.approve_service_plan(p, true, 850000, 'r');
  PERFORM bjxm.record_procurement(p, 'RC-V', 800000, 'open_tender');
  PERFORM bjxm.sign_contract(p, 'HT-RC-' || p, jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', '11520500RC00000017', 'vendor', 'RC-V'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
  PERFORM pg_temp.countersign(p);
  PERFORM bjxm.set_project_facts(p, '{"deployment_site": "city_data_center", "domestic_crypto": true,
    "gov_service_integration_required": false, "uses_third_party_system": false}');
  PERFORM bjxm.start_implementation(p);
  RETURN p;
END $$;
SELECT pg_temp.walk('对账平台甲', 'implementing') AS a \gset
SELECT pg_temp.walk('对账平台乙', 'budgeted') AS b \gset
SELECT pg_temp.walk('对账平台丙', 'budgeted') AS c \gset
SET bjxm.today = '2027-03-01';
-- payments, a revised budget, a postponement
SELECT bjxm.record_disbursement(:a, 100000, '2027-02-01'), bjxm.record_disbursement(:a, 50000, '2027-02-15');
SET ROLE vs_finance;
SELECT bjxm.revise_budget(:b, 2027, 950000, '对账测试: 调增');
RESET ROLE;
SELECT bjxm.postpone(:c, '对账测试: 推迟');
-- rectification orders: one closed, one reported, one open
SET ROLE vs_bigdata;
SELECT bjxm.open_rectification('11520500RC00000017', 6, '对账测试: 已整改', NULL, '2027-03-20') AS o1 \gset
SELECT bjxm.open_rectification('11520500RC00000017', 5, '对账测试: 待核查', NULL, '2027-03-20') AS o2 \gset
SELECT bjxm.open_rectification('11520500RC00000017', 4, '对账测试: 待整改', :a, '2027-03-25') AS o3 \gset
SET ROLE vs_unit;
SELECT bjxm.report_rectification(:o1, '已按要求整改'), bjxm.report_rectification(:o2, '已报送整改结果');
SET ROLE vs_bigdata;
SELECT bjxm.close_rectification(:o1, true);
-- the catalogue: one listed, one delisted, one reviewed and approved, one only catalogued
SET ROLE vs_unit;
SELECT array_agg(bjxm.add_data_resource(:a, '对账学校名录' || i, '学校名称与地址', '电子表格', 'conditional', 'none', '每年',
  '[{"name": "学校名称", "type": "字符型"}]', false, '1-02-003-00' || i, '按需申请') ORDER BY i) AS rs
  FROM generate_series(1, 4) i \gset
SELECT (:'rs'::bigint[])[4] AS r \gset
SELECT bjxm.classify_data_resource(id, '一般数据', true) FROM unnest(:'rs'::bigint[]) id WHERE id < :r;
SET ROLE vs_bigdata;
SELECT bjxm.review_data_resource(id, true) FROM unnest(:'rs'::bigint[]) id WHERE id < :r;
SET ROLE vs_gov;
SELECT bjxm.approve_catalogue('11520500RC00000017') > 0 AS approved;
SET ROLE vs_unit;
SELECT bjxm.list_data_resource(id) FROM unnest(:'rs'::bigint[]) id ORDER BY id LIMIT 2;
SELECT bjxm.delist_data_resource((:'rs'::bigint[])[2], '对账测试: 下架');
RESET ROLE;

------------------------------------------------------------------------
-- The good case: the tables are what the events say.
------------------------------------------------------------------------
SET ROLE vs_auditor;
SELECT count(*) AS disagreements FROM bjxm.verify_state();
SET ROLE vs_bigdata;
SELECT count(*) AS disagreements FROM bjxm.verify_state();
-- Not the unit's, the finance department's or the government's to run.
SET ROLE vs_unit;
SELECT count(*) FROM bjxm.verify_state();
\echo :SQLSTATE
SET ROLE vs_finance;
SELECT count(*) FROM bjxm.verify_state();
\echo :SQLSTATE
RESET ROLE;
-- The rebuild behind it is the owner's only.
SET ROLE vs_auditor;
SELECT count(*) FROM bjxm._verify_state_rows();
\echo :SQLSTATE
RESET ROLE;

------------------------------------------------------------------------
-- Each table edited behind the actions' back (replica mode: no trigger
-- fires), each edit found.  One transaction, rolled back.
------------------------------------------------------------------------
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE bjxm.projects SET state = 'accepted' WHERE project_id = :a;
UPDATE bjxm.line_items SET amount = amount + 1 WHERE project_id = :b AND category = 'system_integration';
DELETE FROM bjxm.line_items WHERE project_id = :c AND category = 'system_integration';
UPDATE bjxm.budgets SET amount = 999000 WHERE project_id = :b;
UPDATE bjxm.projects SET budget = 1000000 WHERE project_id = :c;
UPDATE bjxm.projects SET contract_amount = 850000 WHERE project_id = :a;
UPDATE bjxm.contract_signatures SET amount = 850000 WHERE project_id = :a AND duty = 'user_unit';
INSERT INTO bjxm.disbursements (project_id, amount, paid_on, recorded_by) VALUES (:a, 9999999, '2027-02-20', 'postgres');
UPDATE bjxm.disbursements SET paid_on = '2027-01-15' WHERE project_id = :a AND amount = 50000;
UPDATE bjxm.rectifications SET status = 'closed' WHERE rectification_id = :o2;
UPDATE bjxm.rectifications SET deadline = '2027-12-31' WHERE rectification_id = :o3;
UPDATE bjxm.data_resources SET listed_at = now(), published_on = '2027-03-01' WHERE resource_id = (:'rs'::bigint[])[2];
UPDATE bjxm.data_resources SET review_passed = true WHERE resource_id = :r;
SELECT kind, table_name, column_name, in_table, from_events FROM bjxm.verify_state() ORDER BY 2, 3, 1, 4;
ROLLBACK;

-- Edits one at a time: each alone is found.
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE bjxm.projects SET state = 'terminated' WHERE project_id = :c;
SELECT kind, table_name, column_name, in_table, from_events FROM bjxm.verify_state();
ROLLBACK;
BEGIN;
SET LOCAL session_replication_role = replica;
DELETE FROM bjxm.disbursements WHERE project_id = :a AND amount = 100000;
SELECT kind, table_name, column_name, in_table, from_events FROM bjxm.verify_state();
ROLLBACK;
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE bjxm.line_items SET name = '对账平台乙系统集成(改)' WHERE project_id = :b AND category = 'system_integration';
SELECT kind, table_name, column_name, from_events IS NOT NULL AS from_events FROM bjxm.verify_state();
ROLLBACK;
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE bjxm.rectifications SET status = 'open', result = NULL, reported_on = NULL, verify_by = NULL WHERE rectification_id = :o2;
SELECT kind, table_name, column_name, in_table, from_events FROM bjxm.verify_state() ORDER BY 3;
ROLLBACK;
BEGIN;
SET LOCAL session_replication_role = replica;
DELETE FROM bjxm.budgets WHERE project_id = :b;
INSERT INTO bjxm.budgets (project_id, year, fund, amount, arranged_by) VALUES (:c, 2028, 'municipal_fiscal', 100000, 'postgres');
SELECT kind, table_name, column_name, in_table, from_events FROM bjxm.verify_state() ORDER BY 1, 3;
ROLLBACK;

-- Rolled back: consistent again.
SELECT count(*) AS disagreements FROM bjxm.verify_state();
