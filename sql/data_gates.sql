-- Data gates fail closed (issue 15 item 7; 第二十三条, 第二十五条, 第二十九条):
-- information items that name personal data make an entry sensitive
-- whatever the unit declares; 核心数据 is never opened and 重要数据 is shared
-- and opened only on conditions; a listed entry is not reclassified,
-- re-reviewed or changed until it is delisted, and a new classification
-- needs a new review.  Each bypass found on 0.2.0 is replayed and refused;
-- the honest path runs.  The trigger bjxm._data_resource_guard holds the
-- same on every write path (owner UPDATE, COPY).
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2027-03-01';
SET bjxm_test.roles = 'dg_unit,dg_unit2,dg_bigdata,dg_gov';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO dg_unit, dg_unit2;
GRANT bjxm_bigdata TO dg_bigdata;
GRANT bjxm_city_gov TO dg_gov;
SELECT bjxm.set_jurisdiction('dg_bigdata', '520500'), bjxm.set_jurisdiction('dg_gov', '520500');

SELECT bjxm.register_unit('11520500DG00000017', '毕节市教育局(数据门)', 'admin_dept') > 0 AS ok,
       bjxm.register_unit('11520500DG0000002A', '毕节市水务局(数据门)', 'admin_dept') > 0 AS ok2,
       bjxm.register_party('DG-R', '某评审中心(数据门)', 'reviewer', '91520100DKR000001B') > 0 AS r,
       bjxm.register_party('DG-W', '某软件公司(数据门)', 'vendor', '91520100DGW000001P') > 0 AS v;
SELECT bjxm.grant_unit_member('dg_unit', '11520500DG00000017'), bjxm.grant_unit_member('dg_unit2', '11520500DG0000002A');
\i sql/include/countersign.sql
CREATE FUNCTION pg_temp.walk(unit bjxm.uscc, name text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  SET LOCAL bjxm.today = '2026-11-27';
  p := bjxm.create_project(unit, name, 'business_system', '{development}', 2027, 1000000);
  PERFORM bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
  PERFORM bjxm.declare(p); PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, 'DG-R');
  PERFORM bjxm.record_review(p, true, 'r'); PERFORM bjxm.admit_to_library(p);
  PERFORM bjxm.propose_for_plan(p);
  PERFORM bjxm._act(NULL, 'approve_annual_plan', jsonb_build_object('year', 2027, 'region', '520500',
     'excluded', (SELECT coalesce(jsonb_agg(x.project_id), '[]') FROM bjxm.projects x JOIN bjxm.units u USING (unit_id)
                  WHERE x.state = 'planned' AND x.project_id <> p AND x.plan_year = 2027 AND u.region = '520500')));
  PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
  PERFORM bjxm.add_line_item(p, 'software_development', name || '软件开发', 1000000);
  PERFORM bjxm.arrange_budget(p, 1000000);
  PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
    "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
    "service_guarantee": "g", "training_plan": "t"}');
  PERFORM bjxm.entrust_review(p, 'DG-R');
  PERFORM bjxm.approve_service_plan(p, true, 950000, 'r');
  PERFORM bjxm.record_procurement(p, 'DG-W', 900000, 'open_tender');
  PERFORM bjxm.sign_contract(p, 'HT-DG-' || p, jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
    'user_unit', unit::text, 'vendor', 'DG-W'), 'emergency_response', true, 'annual_security_test', true,
    'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
  PERFORM pg_temp.countersign(p);
  PERFORM bjxm.set_project_facts(p, '{"deployment_site": "city_data_center", "domestic_crypto": true,
    "gov_service_integration_required": false, "uses_third_party_system": false}');
  RETURN p;
END $$;
SELECT pg_temp.walk('11520500DG00000017', '学生综合素质评价系统(数据门)') AS ep \gset
SELECT pg_temp.walk('11520500DG0000002A', '智慧水务平台(数据门)') AS wp \gset
-- Review every unreviewed entry of a unit (bigdata) and approve its catalogue (government).
CREATE FUNCTION pg_temp.review_and_approve(unit bjxm.uscc) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE d bigint;
BEGIN
  SET LOCAL ROLE dg_bigdata;
  FOR d IN SELECT x.resource_id FROM bjxm.data_resources x JOIN bjxm.units u USING (unit_id)
            WHERE u.code = unit AND x.review_passed IS NULL AND x.listed_at IS NULL ORDER BY 1 LOOP
    PERFORM bjxm.review_data_resource(d, true);
  END LOOP;
  SET LOCAL ROLE dg_gov;
  RETURN bjxm.approve_catalogue(unit);
END $$;
GRANT EXECUTE ON FUNCTION pg_temp.review_and_approve(bjxm.uscc) TO PUBLIC;

------------------------------------------------------------------------
-- The matcher (src/core/personal.c through bjxm.personal_data_items)
------------------------------------------------------------------------
SELECT n AS item, bjxm.personal_data_items(jsonb_build_array(jsonb_build_object('name', n, 'type', '字符型'))) AS personal
  FROM unnest(ARRAY['公民身份号码', '家长手机号码', '家庭住址', '身份证 号', '身 份 证 号', '身份证　号',
                    '联系电话（家长）', 'ＱＱ号', '手机' || chr(8203) || '号码', '银行卡号', '既往病史',
                    '人脸照片', '机构名称', '学校地址', '专家姓名', '病例数', '手机银行']) n;
-- Elements without a name, and non-arrays, name nothing.
SELECT bjxm.personal_data_items('[{"type": "x"}, 3, "身份证号", {"name": 5}]') AS odd,
       bjxm.personal_data_items('{"name": "身份证号"}') AS not_array;

------------------------------------------------------------------------
-- Bypass 1 (第二十九条): items 公民身份号码, 家长手机号码, 家庭住址 declared
-- not sensitive, offered for unconditional sharing and opening
------------------------------------------------------------------------
SET ROLE dg_unit;
SELECT bjxm.add_data_resource(:ep, '学生家庭信息', '在校学生家庭情况', '数据库', 'unconditional', 'unconditional', '每学期',
  '[{"name": "公民身份号码", "type": "字符型"}, {"name": "家长手机号码", "type": "字符型"}, {"name": "家庭住址", "type": "字符型"}]',
  sensitive => false, classification => '2-07-002-001') AS b1 \gset
-- The unit's word is not taken: the entry is sensitive, and says why.
SELECT sensitive, personal_items FROM bjxm.data_resources WHERE resource_id = :b1;
SELECT bjxm.classify_data_resource(:b1, '一般数据', true);
SELECT pg_temp.review_and_approve('11520500DG00000017') AS approved;
SET ROLE dg_unit;
SELECT clause, sqlstate, message, detail FROM bjxm.check_data_resource(:b1, true);
SELECT bjxm.list_data_resource(:b1, desensitized => true);
\echo :SQLSTATE
SELECT listed_at IS NULL AS not_listed FROM bjxm.data_resources WHERE resource_id = :b1;

-- Variants: spelled with a space, an ideographic space, full-width, a
-- zero-width space, inside a longer name; one item is enough.
SELECT bjxm.add_data_resource(:ep, '学生名册' || v.i, '在校学生', '数据库', 'unconditional', 'none', '每学期',
         jsonb_build_array(jsonb_build_object('name', '学校名称', 'type', '字符型'), jsonb_build_object('name', v.n, 'type', '字符型')),
         classification => '2-07-002-00' || (v.i + 1)) > 0 AS added, v.n AS item
  FROM (VALUES (1, '身份证 号'), (2, '身份证　号'), (3, 'ＱＱ号'), (4, '手机' || chr(8203) || '号码'), (5, '紧急联系人移动电话')) v(i, n);
SELECT d.name, d.sensitive, d.personal_items FROM bjxm.data_resources d
 WHERE d.unit_id = (SELECT unit_id FROM bjxm.units WHERE code = '11520500DG00000017') AND d.name LIKE '学生名册%' ORDER BY d.resource_id;
SELECT d.name, (SELECT string_agg(c.sqlstate, ',' ORDER BY c.clause) FROM bjxm.check_data_resource(d.resource_id, true) c) AS findings
  FROM bjxm.data_resources d
 WHERE d.unit_id = (SELECT unit_id FROM bjxm.units WHERE code = '11520500DG00000017') AND d.name LIKE '学生名册%' ORDER BY d.resource_id;

-- The second red team (issue 15): other spellings units use ...
SELECT n AS item, bjxm.personal_data_items(jsonb_build_array(jsonb_build_object('name', n))) AS personal
  FROM unnest(ARRAY['手机', '身分證字號', 'ID card no', 'sfzh', '居所', '銀行帳號', '艾滋病感染情况', '联系方式', '住所',
                    '⾝份证号', '個人電話號碼', '銀行賬戶', '身份︱证号']) n;
-- ... and personal data outside the item's name: its type, a description,
-- a near-duplicate key — every text of an item is read.
SELECT bjxm.personal_data_items('[{"name": "字段1", "type": "身份证号"}, {"name": "字段2", "description": "居民身份证号码"},
                                  {"name": "字段3", "type": "字符型", "name ": "手机号码"}, {"name": "字段4", "type": "字符型"}]') AS hidden;
-- The entry's name and summary are read too: 字段1/字段2 of a 居民身份证号码库
-- are personal data whatever the columns are called.
SELECT bjxm.add_data_resource(:ep, '居民身份证号码库', '全市居民身份证号码、手机号码', '数据库', 'unconditional', 'unconditional', '每月',
  '[{"name": "字段1", "type": "字符型"}, {"name": "字段2", "type": "字符型"}]',
  sensitive => false, classification => '2-07-002-009') AS b9 \gset
SELECT sensitive, personal_items FROM bjxm.data_resources WHERE resource_id = :b9;
SELECT sqlstate FROM bjxm.check_data_resource(:b9, true) WHERE sqlstate = 'BJ029';

-- The honest path: the same items, sensitive, shared on condition, not opened.
SELECT bjxm.add_data_resource(:ep, '学生家庭信息(共享)', '在校学生家庭情况', '数据库', 'conditional', 'none', '每学期',
  '[{"name": "公民身份号码", "type": "字符型"}, {"name": "家长手机号码", "type": "字符型"}, {"name": "家庭住址", "type": "字符型"}]',
  sensitive => true, share_condition => '仅限教育、民政部门核查资助资格使用', classification => '2-07-002-009') AS h1 \gset
SELECT bjxm.classify_data_resource(:h1, '重要数据', true);
SELECT pg_temp.review_and_approve('11520500DG00000017') AS approved;
SET ROLE dg_unit;
SELECT count(*) AS findings FROM bjxm.check_data_resource(:h1);
SELECT bjxm.list_data_resource(:h1);
SELECT listed_at IS NOT NULL AS listed, sensitive FROM bjxm.data_resources WHERE resource_id = :h1;

------------------------------------------------------------------------
-- Bypass 2 (第二十三条): a 核心数据 entry opened unconditionally
------------------------------------------------------------------------
SET ROLE dg_unit2;
SELECT bjxm.add_data_resource(:wp, '城市供水管网拓扑', '主干管网及加压站', '数据库', 'conditional', 'unconditional', '每月',
  '[{"name": "管段编号", "type": "字符型"}, {"name": "加压站位置", "type": "字符型"}]',
  share_condition => '仅限应急、住建部门使用', classification => '2-16-004-001') AS c1 \gset
SELECT bjxm.classify_data_resource(:c1, '核心数据', true);
SELECT pg_temp.review_and_approve('11520500DG0000002A') AS approved;
SET ROLE dg_unit2;
SELECT clause, sqlstate, message, detail FROM bjxm.check_data_resource(:c1, true);
SELECT bjxm.list_data_resource(:c1, desensitized => true);
\echo :SQLSTATE
-- Variants: 核心数据 opened on conditions, or shared unconditionally;
-- 重要数据 opened or shared unconditionally.
SELECT bjxm.add_data_resource(:wp, '管网拓扑' || v.i, '主干管网', '数据库', v.share, v.open, '每月',
         '[{"name": "管段编号", "type": "字符型"}]', share_condition => CASE WHEN v.share = 'conditional' THEN '仅限应急部门' END,
         classification => '2-16-004-00' || (v.i + 1)) > 0 AS added, v.level
  FROM (VALUES (1, 'conditional', 'conditional', '核心数据'), (2, 'unconditional', 'none', '核心数据'),
               (3, 'conditional', 'unconditional', '重要数据'), (4, 'unconditional', 'none', '重要数据'),
               (5, 'conditional', 'conditional', '重要数据'), (6, 'conditional', 'none', '核心数据')) v(i, share, open, level);
SELECT bjxm.classify_data_resource(d.resource_id, CASE WHEN d.name IN ('管网拓扑1', '管网拓扑2', '管网拓扑6') THEN '核心数据' ELSE '重要数据' END, true)
  FROM bjxm.data_resources d WHERE d.name LIKE '管网拓扑_' ORDER BY d.resource_id;
SELECT pg_temp.review_and_approve('11520500DG0000002A') AS approved;
SET ROLE dg_unit2;
SELECT d.name, d.level, d.share_type, d.open_type,
       (SELECT string_agg(c.sqlstate || ' ' || c.clause, ', ' ORDER BY c.clause) FROM bjxm.check_data_resource(d.resource_id, true) c) AS findings
  FROM bjxm.data_resources d WHERE d.name LIKE '管网拓扑_' ORDER BY d.resource_id;
-- The allowed ones list: 重要数据 on conditions (opened after 脱敏脱密), 核心数据 shared on condition, not opened.
SELECT bjxm.list_data_resource(d.resource_id, desensitized => d.open_type <> 'none')
  FROM bjxm.data_resources d WHERE d.name IN ('管网拓扑5', '管网拓扑6') ORDER BY d.resource_id;
SELECT d.name, d.level, d.listed_at IS NOT NULL AS listed FROM bjxm.data_resources d WHERE d.name LIKE '管网拓扑_' ORDER BY d.resource_id;

------------------------------------------------------------------------
-- Bypass 3 (第二十三条): a listed entry reclassified to 核心数据 with the
-- secrecy review set to false
------------------------------------------------------------------------
SET ROLE dg_unit;
SELECT bjxm.add_data_resource(:ep, '中小学校名录(数据门)', '学校名称、学段、地址', '电子表格', 'unconditional', 'unconditional', '每年',
  '[{"name": "学校名称", "type": "字符型"}, {"name": "学段", "type": "字符型"}, {"name": "学校地址", "type": "字符型"}]',
  classification => '2-07-001-009') AS s1 \gset
SELECT bjxm.classify_data_resource(:s1, '一般数据', true);
SELECT pg_temp.review_and_approve('11520500DG00000017') AS approved;
SET ROLE dg_unit;
SELECT bjxm.list_data_resource(:s1, desensitized => true);
SELECT bjxm.classify_data_resource(:s1, '核心数据', false);
\echo :SQLSTATE
-- Nor re-reviewed while listed, nor listed twice.
SET ROLE dg_bigdata;
SELECT bjxm.review_data_resource(:s1, false);
\echo :SQLSTATE
SET ROLE dg_unit;
SELECT clause, sqlstate FROM bjxm.check_data_resource(:s1, true);
SELECT level, secrecy_reviewed, review_passed, listed_at IS NOT NULL AS listed, open_type FROM bjxm.data_resources WHERE resource_id = :s1;
-- Another unit's member cannot delist it (as if it did not exist); a
-- delisting needs its reason; an entry not listed is not delisted.
SET ROLE dg_unit2;
\set VERBOSITY sqlstate
SELECT bjxm.delist_data_resource(:s1, '测试');
\set VERBOSITY default
SET ROLE dg_unit;
SELECT bjxm.delist_data_resource(:s1, ' ');
\echo :SQLSTATE
SELECT bjxm.delist_data_resource(:b1, '未上架');
\echo :SQLSTATE
-- Delisted, it may be reclassified; that clears the review and the approval.
SELECT bjxm.delist_data_resource(:s1, '拟重新分级为核心数据');
SELECT listed_at IS NULL AS delisted, published_on, review_passed FROM bjxm.data_resources WHERE resource_id = :s1;
SELECT count(*) AS in_catalogue FROM bjxm.data_catalogue WHERE resource_id = :s1;
SELECT bjxm.classify_data_resource(:s1, '核心数据', true);
SELECT level, review_passed, reviewed_at IS NULL AS review_cleared, approved_at IS NULL AS approval_cleared
  FROM bjxm.data_resources WHERE resource_id = :s1;
SELECT bjxm.list_data_resource(:s1, desensitized => true);
\echo :SQLSTATE
-- After a new review it still is 核心数据 catalogued for opening: refused.
SELECT pg_temp.review_and_approve('11520500DG00000017') AS approved;
SET ROLE dg_unit;
SELECT bjxm.list_data_resource(:s1, desensitized => true);
\echo :SQLSTATE

-- The honest reclassification: listed, delisted (by bigdata, 第二十一条),
-- reclassified, reviewed and approved again, listed again.
SELECT bjxm.classify_data_resource(:h1, '核心数据', true);
\echo :SQLSTATE
SET ROLE dg_bigdata;
SELECT bjxm.delist_data_resource(:h1, '大数据部门统筹: 重新分级');
SET ROLE dg_unit;
SELECT bjxm.classify_data_resource(:h1, '核心数据', true);
SELECT bjxm.list_data_resource(:h1);
\echo :SQLSTATE
SELECT pg_temp.review_and_approve('11520500DG00000017') AS approved;
SET ROLE dg_unit;
SELECT bjxm.list_data_resource(:h1);
SELECT level, listed_at IS NOT NULL AS listed, review_passed FROM bjxm.data_resources WHERE resource_id = :h1;
-- Classifying with the same values changes nothing and keeps the review.
SELECT bjxm.delist_data_resource(:h1, '核对');
SELECT bjxm.classify_data_resource(:h1, '核心数据', true);
SELECT review_passed, approved_at IS NOT NULL AS approved FROM bjxm.data_resources WHERE resource_id = :h1;
SELECT bjxm.list_data_resource(:h1);
SELECT listed_at IS NOT NULL AS listed FROM bjxm.data_resources WHERE resource_id = :h1;
-- The events record each step, with the delisting reason.
RESET ROLE;
SELECT e.action, e.note FROM bjxm.events e
 WHERE e.action IN ('delist_data_resource') ORDER BY e.event_id;

------------------------------------------------------------------------
-- Every write path: the trigger (the owner's UPDATE, COPY on restore)
------------------------------------------------------------------------
-- Bypass 3 by the owner's own UPDATE: refused while listed.
UPDATE bjxm.data_resources SET level = '核心数据', secrecy_reviewed = false WHERE resource_id = :h1;
\echo :SQLSTATE
UPDATE bjxm.data_resources SET desensitized = NOT desensitized WHERE resource_id = :h1;
\echo :SQLSTATE
UPDATE bjxm.data_resources SET items = '[{"name": "学校名称", "type": "字符型"}]' WHERE resource_id = :h1;
\echo :SQLSTATE
-- Declared not sensitive by UPDATE: the items still say otherwise.
UPDATE bjxm.data_resources SET sensitive = false WHERE resource_id = :b1 RETURNING sensitive, personal_items;
-- Listing by UPDATE skips no gate.
UPDATE bjxm.data_resources SET listed_at = now(), desensitized = true WHERE resource_id = :b1;
\echo :SQLSTATE
UPDATE bjxm.data_resources SET listed_at = now(), desensitized = true WHERE resource_id = (SELECT resource_id FROM bjxm.data_resources WHERE name = '管网拓扑1');
\echo :SQLSTATE
-- A restored row (COPY) that is listed and breaks a gate is refused.
SELECT format('printf ''%%s\n'' ''%s,%s,恢复的条目,数据库,"[{""name"": ""身份证号"", ""type"": ""字符型""}]",unconditional,none,每月,false,一般数据,true,true,2027-01-01,true,2027-01-02,2-07-009-001''',
              :ep, u.unit_id) AS prog FROM bjxm.units u WHERE u.code = '11520500DG00000017' \gset
COPY bjxm.data_resources (project_id, unit_id, name, format, items, share_type, open_type, update_cycle, sensitive,
                          level, secrecy_reviewed, review_passed, approved_at, desensitized, listed_at, classification)
  FROM PROGRAM :'prog' WITH (FORMAT csv);
\echo :SQLSTATE
-- The same row, not listed, is restored, and sensitive.
SELECT replace(:'prog', ',2027-01-02,', ',,') AS prog \gset
COPY bjxm.data_resources (project_id, unit_id, name, format, items, share_type, open_type, update_cycle, sensitive,
                          level, secrecy_reviewed, review_passed, approved_at, desensitized, listed_at, classification)
  FROM PROGRAM :'prog' WITH (FORMAT csv);
SELECT sensitive, personal_items, listed_at IS NULL AS not_listed FROM bjxm.data_resources WHERE name = '恢复的条目';
DELETE FROM bjxm.data_resources WHERE name = '恢复的条目';
-- An entry listed before the gates existed (as after an upgrade from
-- 0.2.0; simulated with the trigger off) is reported by inspect.
ALTER TABLE bjxm.data_resources DISABLE TRIGGER data_resources_guard;
UPDATE bjxm.data_resources SET level = '核心数据' WHERE resource_id = :s1;
UPDATE bjxm.data_resources SET listed_at = now(), desensitized = true, published_on = '2027-03-01' WHERE resource_id = :s1;
ALTER TABLE bjxm.data_resources ENABLE TRIGGER data_resources_guard;
SET ROLE dg_unit;
SELECT clause, sqlstate, message, detail FROM bjxm.inspect(:ep) WHERE sqlstate = 'BJ023';
-- Delisting it is the way out.
SELECT bjxm.delist_data_resource(:s1, '不满足上架条件');
SELECT count(*) AS bj023_findings FROM bjxm.inspect(:ep) WHERE sqlstate = 'BJ023';
RESET ROLE;
