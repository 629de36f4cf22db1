-- Data (第五章 数据管理, src/data.c): the data resource catalogue
-- (第二十一条–第二十五条, 第二十九条) with its gates BJ022, BJ023, BJ025,
-- BJ029; inspection 第三十一条(五).  第六章 continues in security.sql.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2027-03-01';
SET bjxm_test.roles = 'ds_unit,ds_unit2,ds_bigdata,ds_finance,ds_gov';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO ds_unit, ds_unit2;
GRANT bjxm_bigdata TO ds_bigdata;
GRANT bjxm_finance TO ds_finance;
GRANT bjxm_city_gov TO ds_gov;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('ds_bigdata', '520500'), bjxm.set_jurisdiction('ds_finance', '520500'),
       bjxm.set_jurisdiction('ds_gov', '520500');

-- Fixture: two units, a review institution, two vendors, an evaluator.
SELECT bjxm.register_unit('11520500DK0000001D', '毕节市卫生健康局(数据)', 'admin_dept') > 0 AS ok,
       bjxm.register_unit('11520500DK0000002G', '毕节市交通运输局(数据)', 'admin_dept') > 0 AS ok2,
       bjxm.register_party('DK-R', '某信息化评审中心', 'reviewer', '91520100DKR000001B') > 0 AS r,
       bjxm.register_party('DK-W', '某低分软件有限公司', 'vendor', '91520100DKW000001X') > 0 AS v,
       bjxm.register_party('DK-W2', '某高分软件有限公司', 'vendor', '91520100DKW0000021') > 0 AS v2,
       bjxm.register_party('DK-E', '某第三方评估机构', 'evaluator', '91520100DKE0000017') > 0 AS e;
SELECT bjxm.grant_unit_member('ds_unit', '11520500DK0000001D'), bjxm.grant_unit_member('ds_unit2', '11520500DK0000002G');
-- Walk a project, as superuser, to 'service_plan_approved' or 'contracted'
-- (the steps are tested in lifecycle); the contract is dated 2026-11-27.
\i sql/include/countersign.sql
CREATE FUNCTION pg_temp.walk(unit bjxm.uscc, name text, target text, vendor text DEFAULT 'DK-W') RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  SET LOCAL bjxm.today = '2026-11-27';
  p := bjxm.create_project(unit, name, 'business_system', '{development}', 2027, 1000000);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'DK-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p);
  PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm._act(NULL, 'approve_annual_plan', jsonb_build_object('year', 2027, 'region', '520500',
     'excluded', (SELECT coalesce(jsonb_agg(x.project_id), '[]') FROM bjxm.projects x WHERE x.state = 'planned' AND x.project_id <> p)));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '软件开发', 1000000);
  PERFORM bjxm.arrange_budget(p, 1000000);
  PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
  PERFORM bjxm.entrust_review(p, 'DK-R');
  PERFORM bjxm.approve_service_plan(p, true, 950000, 'r');
  IF target = 'service_plan_approved' THEN RETURN p; END IF;
  PERFORM bjxm.record_procurement(p, vendor, 900000, 'open_tender');
  PERFORM bjxm.sign_contract(p, 'HT-DK-' || p, jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', unit::text, 'vendor', vendor), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
  PERFORM pg_temp.countersign(p);
  PERFORM bjxm.set_project_facts(p, '{"deployment_site": "city_data_center", "domestic_crypto": true, "gov_service_integration_required": false, "uses_third_party_system": false}');
  RETURN p;
END $$;
SELECT pg_temp.walk('11520500DK0000001D', '全民健康信息平台(数据)', 'contracted') AS hp \gset
SELECT pg_temp.walk('11520500DK0000001D', '医疗服务监管平台(数据)', 'contracted') AS hq \gset
SELECT pg_temp.walk('11520500DK0000001D', '医保结算系统(数据)', 'service_plan_approved') AS pa \gset
SELECT pg_temp.walk('11520500DK0000002G', '智慧交通平台(数据)', 'contracted', 'DK-W2') AS tp \gset
SELECT project_name, state FROM bjxm.project_library WHERE project_id IN (:hp, :hq, :pa, :tp) ORDER BY project_id;

------------------------------------------------------------------------
-- 第二十二条, 第二十四条: cataloguing (user unit)
------------------------------------------------------------------------
SET ROLE ds_bigdata;
SELECT bjxm.add_data_resource(:hp, '居民健康档案', '辖区居民健康档案', '数据库', 'conditional', 'none', '每日',
  '[{"name": "身份证号", "type": "字符型"}]', share_condition => '仅限卫生健康业务使用');
\echo :SQLSTATE
SET ROLE ds_unit;
-- 第二十四条: conditional sharing needs its condition (BJ023 at add time).
SELECT bjxm.add_data_resource(:hp, '居民健康档案', '辖区居民健康档案', '数据库', 'conditional', 'none', '每日',
  '[{"name": "身份证号", "type": "字符型"}]');
\echo :SQLSTATE
-- Malformed metadata: 22023.
SELECT bjxm.add_data_resource(:hp, '居民健康档案', '辖区居民健康档案', 'PDF', 'none', 'none', '每日',
  '[{"name": "身份证号", "type": "字符型"}]');
\echo :SQLSTATE
SELECT bjxm.add_data_resource(:hp, '居民健康档案', '辖区居民健康档案', '数据库', 'none', 'none', '每日', '[]');
\echo :SQLSTATE
SELECT bjxm.add_data_resource(:hp, '居民健康档案', '辖区居民健康档案', '数据库', 'none', 'none', '每日',
  '[{"name": "身份证号", "type": "字符型"}]', classification => '2-1');
\echo :SQLSTATE
-- The good cases.  r1: sensitive, conditionally shared, not opened.
SELECT bjxm.add_data_resource(:hp, '居民健康档案', '辖区居民电子健康档案', '数据库', 'conditional', 'none', '每日',
  '[{"name": "身份证号", "type": "字符型"}, {"name": "既往病史", "type": "文本型"}]', sensitive => true,
  classification => '2-01-001-001', share_condition => '仅限卫生健康及医保业务使用',
  share_method => '数据库', provide_method => '接口调用') AS r1 \gset
-- r2: shared and opened without condition.
SELECT bjxm.add_data_resource(:hp, '医疗机构名录', '全市医疗机构基本信息', '电子表格', 'unconditional', 'unconditional', '每月',
  '[{"name": "机构名称", "type": "字符型"}, {"name": "床位数", "type": "数值型"}]',
  classification => '2-01-001-002', share_method => '文件下载', provide_method => '文件',
  related_codes => '{2-01-001-001/000001}') AS r2 \gset
-- r3: neither shared nor opened.
SELECT bjxm.add_data_resource(:hp, '内部考勤记录', '本局考勤', '电子表格', 'none', 'none', '每月',
  '[{"name": "姓名", "type": "字符型"}]') AS r3 \gset
-- r4 (another project): sensitive, offered unconditionally and opened.
SELECT bjxm.add_data_resource(:pa, '参保人员名单', '医保参保人员', '数据库', 'unconditional', 'unconditional', '每日',
  '[{"name": "姓名", "type": "字符型"}, {"name": "身份证号", "type": "字符型"}]', sensitive => true,
  classification => '2-02-001-001') AS r4 \gset
SELECT resource_id = :r1 AS is_r1, name, resource_code, format, share_type, open_type, sensitive, level, listed_at
  FROM bjxm.data_resources WHERE resource_id IN (:r1, :r2, :r3, :r4) ORDER BY resource_id;

-- check_data_resource lists every finding, in article order, and changes nothing.
RESET ROLE;
SELECT count(*) AS events_before FROM bjxm.events \gset
SET ROLE ds_unit;
SELECT clause, severity, sqlstate, message FROM bjxm.check_data_resource(:r4);
SELECT clause, sqlstate FROM bjxm.check_data_resource(:r4, true);
RESET ROLE;
SELECT count(*) = :events_before AS unchanged, (SELECT listed_at IS NULL AND review_passed IS NULL FROM bjxm.data_resources
  WHERE resource_id = :r4) AS r4_untouched FROM bjxm.events;

-- 第三十一条(五): shareable data not listed (r3 is neither shared nor opened).
SET ROLE ds_unit;
SELECT clause, severity, sqlstate, message, detail FROM bjxm.inspect(:hp);

------------------------------------------------------------------------
-- 第二十二条: review (bigdata) and approval (city_gov) before listing
------------------------------------------------------------------------
-- BJ022: not reviewed.
SELECT bjxm.list_data_resource(:r1);
\echo :SQLSTATE
SELECT bjxm.review_data_resource(:r1, true);
\echo :SQLSTATE
SET ROLE ds_bigdata;
SELECT bjxm.review_data_resource(:r1, true), bjxm.review_data_resource(:r2, true), bjxm.review_data_resource(:r4, true),
       bjxm.review_data_resource(:r3, false);
-- BJ022: reviewed, not approved.
SET ROLE ds_unit;
SELECT bjxm.list_data_resource(:r1);
\echo :SQLSTATE
-- Only the government approves the catalogue.
SELECT bjxm.approve_catalogue('11520500DK0000001D');
\echo :SQLSTATE
SET ROLE ds_bigdata;
SELECT bjxm.approve_catalogue('11520500DK0000001D');
\echo :SQLSTATE
SET ROLE ds_gov;
SELECT bjxm.approve_catalogue('11520500DK0000001D') AS approved;
SELECT bjxm.approve_catalogue('11520500DK0000001D') AS approved_again;
-- A failed review is not approved: BJ022 still.
SET ROLE ds_unit;
SELECT bjxm.list_data_resource(:r3);
\echo :SQLSTATE

------------------------------------------------------------------------
-- 第二十三条: 分类分级 and 保密审查 before listing
------------------------------------------------------------------------
-- BJ023: no level, no secrecy review.
SELECT bjxm.list_data_resource(:r1);
\echo :SQLSTATE
SELECT bjxm.classify_data_resource(:r1, '机密数据', true);
\echo :SQLSTATE
SET ROLE ds_bigdata;
SELECT bjxm.classify_data_resource(:r1, '重要数据', true);
\echo :SQLSTATE
SET ROLE ds_unit;
SELECT bjxm.classify_data_resource(:r1, '重要数据', false);
-- BJ023: a level, but no secrecy review (and BJ022: the classification
-- cleared the review, see below).
SELECT clause, sqlstate, detail FROM bjxm.check_data_resource(:r1);
SELECT bjxm.classify_data_resource(:r1, '重要数据', true);
-- The review and the approval covered the entry as it was: a new
-- classification clears both (第二十二条), so BJ022 again.
SELECT review_passed, approved_at IS NULL AS approval_cleared FROM bjxm.data_resources WHERE resource_id = :r1;
SELECT bjxm.list_data_resource(:r1);
\echo :SQLSTATE
-- r2 and r4 are classified too, then all three reviewed and approved again.
SELECT bjxm.classify_data_resource(:r2, '一般数据', true), bjxm.classify_data_resource(:r4, '重要数据', true);
SET ROLE ds_bigdata;
SELECT bjxm.review_data_resource(:r1, true), bjxm.review_data_resource(:r2, true), bjxm.review_data_resource(:r4, true);
SET ROLE ds_gov;
SELECT bjxm.approve_catalogue('11520500DK0000001D') AS approved;
SET ROLE ds_unit;
-- Allowed: sensitive data shared on condition, not opened (第二十九条 satisfied).
SELECT count(*) AS findings FROM bjxm.check_data_resource(:r1);
SELECT bjxm.list_data_resource(:r1);
SELECT level, secrecy_reviewed, desensitized, published_on, listed_at IS NOT NULL AS listed
  FROM bjxm.data_resources WHERE resource_id = :r1;

------------------------------------------------------------------------
-- 第二十五条: opening needs 脱敏脱密
------------------------------------------------------------------------
SELECT bjxm.list_data_resource(:r2);
\echo :SQLSTATE
SELECT count(*) AS findings FROM bjxm.check_data_resource(:r2, desensitized => true);
SELECT bjxm.list_data_resource(:r2, desensitized => true);
SELECT desensitized, listed_at IS NOT NULL AS listed FROM bjxm.data_resources WHERE resource_id = :r2;

------------------------------------------------------------------------
-- 第二十九条: sensitive data never offered for unconditional sharing
------------------------------------------------------------------------
-- (r4 is 重要数据 too: BJ023 comes first, the check shows both.)
SELECT clause, sqlstate FROM bjxm.check_data_resource(:r4, true);
SELECT bjxm.list_data_resource(:r4, desensitized => true);
\echo :SQLSTATE
-- (r1 above is the allowed path: sensitive, shared on condition.)

-- Another unit's member can neither see nor act on the entries: 42501,
-- as for an entry that does not exist.
SET ROLE ds_unit2;
\set VERBOSITY sqlstate
SELECT bjxm.list_data_resource(:r4, true);
SELECT * FROM bjxm.check_data_resource(:r4);
SELECT * FROM bjxm.check_data_resource(-1);
\set VERBOSITY default
SELECT count(*) AS visible FROM bjxm.data_resources WHERE unit_id = (SELECT unit_id FROM bjxm.units WHERE code = '11520500DK0000001D');

-- (五) disappears once the shareable entries of the project are listed.
SET ROLE ds_unit;
SELECT count(*) AS findings FROM bjxm.inspect(:hp);
SELECT clause, message FROM bjxm.inspect(:pa) WHERE clause::text LIKE '第三十一条第(五)项%';

------------------------------------------------------------------------
-- The listed catalogue: data_catalogue (CSV by COPY) and catalogue_json
------------------------------------------------------------------------
SELECT name, resource_code, share_type, share_condition, open_type, update_cycle, level, published_on
  FROM bjxm.data_catalogue WHERE unit = '11520500DK0000001D' ORDER BY resource_id;
COPY (SELECT resource_code, name, format, share_type, open_type, update_cycle, level, published_on
        FROM bjxm.data_catalogue WHERE unit = '11520500DK0000001D' ORDER BY resource_id) TO STDOUT WITH (FORMAT csv, HEADER);
SELECT jsonb_pretty(bjxm.catalogue_json('11520500DK0000001D'));
SET ROLE ds_bigdata;
SELECT count(*) AS bigdata_sees FROM bjxm.data_catalogue WHERE unit = '11520500DK0000001D';
-- RLS: another unit's member sees none of them, in the view or the export.
SET ROLE ds_unit2;
SELECT count(*) AS unit2_sees FROM bjxm.data_catalogue WHERE unit = '11520500DK0000001D';
SELECT bjxm.catalogue_json('11520500DK0000001D') IS NULL AS unit2_gets_nothing;
SELECT bjxm.catalogue_json('11520500DK0000002G') -> 'resources' AS own_empty;

