-- bjxm demo: Bijie units, duty roles and projects in every state, the
-- refusals the regulation makes, and the analyst's views.
\pset footer off
\set QUIET on
\set VERBOSITY default
\set SHOW_CONTEXT never
CREATE EXTENSION bjxm;
SET search_path = public, bjxm;
-- The demo runs as if today were 2026-11-27 (superuser-only setting).
SET bjxm.today = '2026-11-27';

-- Duty roles are granted to people's roles; an application logs in as
-- demo_app (NOINHERIT) and SET ROLEs per request.
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['demo_app', 'demo_bd_app', '张伟_大数据局', '李娜_大数据局', '王芳_财政局', '刘洋_市政府', '陈静_审计局',
                           '赵磊_教育局', '孙丽_卫健局', '周强_城投', '吴敏_织金县医院', '郑涛_织金县大数据局',
                           '黄杰_评审中心', '林峰_评审所'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
  END LOOP;
END $$;
ALTER ROLE demo_app LOGIN NOINHERIT;
GRANT bjxm_bigdata TO "张伟_大数据局", "李娜_大数据局", "郑涛_织金县大数据局";
GRANT bjxm_finance TO "王芳_财政局";
GRANT bjxm_city_gov TO "刘洋_市政府";
GRANT bjxm_auditor TO "陈静_审计局";
-- 第三十五条: the city's departments cover the whole city (520500), granted
-- explicitly: a duty member without a jurisdiction acts on no region.
DO $$ BEGIN
  PERFORM bjxm.set_jurisdiction(quote_ident(r)::regrole, '520500')
     FROM unnest(ARRAY['张伟_大数据局', '李娜_大数据局', '王芳_财政局', '刘洋_市政府', '陈静_审计局']) r;
END $$;
GRANT bjxm_user_unit TO "赵磊_教育局", "孙丽_卫健局", "周强_城投", "吴敏_织金县医院";
GRANT bjxm_reviewer TO "黄杰_评审中心", "林峰_评审所";
GRANT "张伟_大数据局", "李娜_大数据局", "王芳_财政局", "刘洋_市政府", "陈静_审计局", "赵磊_教育局", "孙丽_卫健局",
      "周强_城投", "吴敏_织金县医院", "郑涛_织金县大数据局", "黄杰_评审中心", "林峰_评审所" TO demo_app;
-- 大数据局's own application login: a two-actor step (第十六条 contract,
-- 第二十条 acceptance) is signed by two logins, never by one pooled login.
ALTER ROLE demo_bd_app LOGIN NOINHERIT;
GRANT "张伟_大数据局", "李娜_大数据局", "郑涛_织金县大数据局" TO demo_bd_app;

SET ROLE "张伟_大数据局";
SELECT bjxm.register_unit('11520500DM00000175', '毕节市教育局', 'admin_dept'),
       bjxm.register_unit('11520500DM00000250', '毕节市卫生健康局', 'admin_dept'),
       bjxm.register_unit('91520500DM0000033J', '毕节市城市建设投资有限公司', 'soe'),
       bjxm.register_unit('12520524DM00000494', '织金县人民医院', 'institution', '520524'),
       bjxm.register_unit('11520500DM0000050K', '毕节市交通运输局', 'admin_dept') \gset
SELECT bjxm.register_party('PS-GZ', '贵州省信息化项目评审中心', 'reviewer', '12520000DMR000001F'),
       bjxm.register_party('PS-BJ', '毕节某工程咨询评审所', 'reviewer', '91520500DMR0000027'),
       bjxm.register_party('V-YF', '贵州云帆软件有限公司', 'vendor', '91520100DMW0000012'),
       bjxm.register_party('V-PS', '毕节某工程咨询评审所(投标)', 'vendor', '91520500DMR0000027'),
       bjxm.register_party('PG-01', '某第三方评估机构', 'evaluator', '91520100DME000001B') \gset
SELECT bjxm.grant_unit_member('赵磊_教育局', '11520500DM00000175'),
       bjxm.grant_unit_member('孙丽_卫健局', '11520500DM00000250'),
       bjxm.grant_unit_member('周强_城投', '91520500DM0000033J'),
       bjxm.grant_unit_member('吴敏_织金县医院', '12520524DM00000494'),
       bjxm.grant_party_member('黄杰_评审中心', 'PS-GZ'),
       bjxm.grant_party_member('林峰_评审所', 'PS-BJ'),
       bjxm.set_jurisdiction('郑涛_织金县大数据局', '520524') \gset
RESET ROLE;
-- The rest of Bijie: ~35 more units in the city and every county, each
-- county's own staff, review institutions, vendors, evaluators.
\ir bijie_units.sql
\set QUIET off

\echo
\echo '== 单位 (units by region; every USCC carries its GB 32100 check character) =='
SELECT COALESCE(r.name, '全市') AS "区划", count(*) FILTER (WHERE u.kind = 'admin_dept') AS "行政部门",
       count(*) FILTER (WHERE u.kind = 'institution') AS "事业单位", count(*) FILTER (WHERE u.kind = 'soe') AS "市属国企",
       count(*) AS "合计",
       CASE WHEN r.code IS NULL THEN ''
            WHEN count(*) <= 2 THEN string_agg(u.name, '、' ORDER BY u.unit_id)
            ELSE array_to_string((array_agg(u.name ORDER BY u.unit_id))[1:2], '、') || ' 等' END AS "单位"
  FROM bjxm.units u JOIN bjxm.regions r ON r.code = u.region
 GROUP BY ROLLUP ((r.code, r.name)) ORDER BY r.code NULLS LAST;
SELECT u.code AS "统一社会信用代码", u.name AS "单位", bjxm.label(u.kind) AS "类别", r.name AS "区划"
  FROM bjxm.units u JOIN bjxm.regions r ON r.code = u.region
 WHERE u.unit_id IN (SELECT min(unit_id) FROM bjxm.units GROUP BY region) OR u.kind = 'soe' ORDER BY u.region, u.code;

\echo
\echo '== 职责与管辖 (duty roles by jurisdiction, 第三条, 第三十五条) =='
SELECT COALESCE(r.name, '(无管辖范围 none)') AS "管辖", string_agg(x.rolname, ', ' ORDER BY x.rolname) FILTER (WHERE x.duty = 'bjxm_bigdata') AS "大数据部门",
       string_agg(x.rolname, ', ' ORDER BY x.rolname) FILTER (WHERE x.duty = 'bjxm_city_gov') AS "人民政府",
       string_agg(x.rolname, ', ' ORDER BY x.rolname) FILTER (WHERE x.duty IN ('bjxm_finance', 'bjxm_auditor')) AS "财政、审计",
       count(*) FILTER (WHERE x.duty = 'bjxm_user_unit') AS "单位成员"
  FROM (SELECT m.rolname, g.rolname AS duty,
               COALESCE((SELECT j.region FROM bjxm.jurisdictions j WHERE j.role_oid = m.oid),
                        (SELECT min(u.region) FROM bjxm.unit_members um JOIN bjxm.units u USING (unit_id)
                          WHERE um.member = m.rolname)) AS region
          FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
         WHERE g.rolname LIKE 'bjxm\_%' AND g.rolname <> 'bjxm_reviewer') x
  LEFT JOIN bjxm.regions r ON r.code = x.region
 GROUP BY x.region, r.name ORDER BY x.region;
\echo
\echo '== 第三方 (review institutions, vendors, evaluators) =='
SELECT p.code AS "代号", p.name AS "第三方机构", CASE p.kind WHEN 'reviewer' THEN '评审机构' WHEN 'vendor' THEN '服务单位'
       ELSE '评估机构' END AS "类别", p.uscc AS "统一社会信用代码",
       (SELECT string_agg(m.member, ', ') FROM bjxm.party_members m WHERE m.party_id = p.party_id) AS "评审人员"
  FROM bjxm.parties p ORDER BY p.kind DESC, p.code;

\set QUIET on
-- Walk a project to a target state as the application would, each step
-- by the role whose duty it is (SET ROLE inside the walk).
CREATE FUNCTION pg_temp.demo_walk(unit bjxm.uscc, member text, name text, cat bjxm.project_category,
                                  services bjxm.service_kind[], estimate numeric, target text,
                                  fund bjxm.fund_source DEFAULT 'municipal_fiscal',
                                  bd text DEFAULT '张伟_大数据局',            -- bigdata of the unit's jurisdiction
                                  party text DEFAULT 'PS-GZ',                  -- entrusted with the demand plan
                                  reviewer text DEFAULT '黄杰_评审中心')      -- its member
  RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  p bigint;
  steps text[] := ARRAY['draft', 'declared', 'shortlisted', 'reviewed', 'in_library', 'planned', 'approved',
                        'budgeted', 'service_plan_submitted', 'service_plan_approved', 'procured', 'contracted',
                        'implementing', 'accepted', 'evaluated'];
  stop int := array_position(steps, target);
BEGIN
  EXECUTE format('SET LOCAL ROLE %I', member);
  p := bjxm.create_project(unit, name, cat, services, 2027, estimate, fund);
  PERFORM bjxm.set_demand_plan(p, jsonb_build_object('goals', name || '建设目标', 'service_content', '开发与运维服务',
    'functions', '业务办理、统计分析', 'data_resources', '业务数据库', 'network', '电子政务外网',
    'security', '等保三级', 'cost_estimate', estimate || '元',
    'crypto_plan', jsonb_build_object('assessed_by', 'expert', 'passed', true, 'ref', 'MP-' || p)));
  PERFORM bjxm.set_project_facts(p, '{"deployment_site": "city_data_center", "domestic_crypto": true}');
  PERFORM bjxm.set_performance_targets(p, '{"上线率": "100%", "用户满意度": "≥90%"}');
  -- 第十一条: the budget's line items, all within the support scope.
  PERFORM bjxm.add_line_item(p, CASE WHEN 'development' = ANY (services) THEN 'software_development'
                                     ELSE 'operation_maintenance' END,
                             CASE WHEN 'development' = ANY (services) THEN '应用系统开发' ELSE '系统运维服务' END,
                             round(estimate * 0.6, 2));
  PERFORM bjxm.add_line_item(p, 'cloud_resource', '政务云资源租用', round(estimate * 0.2, 2));
  PERFORM bjxm.add_line_item(p, 'security_service', '等级保护测评与商用密码应用安全性评估', round(estimate * 0.15, 2));
  PERFORM bjxm.add_line_item(p, 'training', '系统操作培训', round(estimate * 0.05, 2));
  -- 第三十二条: a new major project needs its 事前绩效评估 before the budget.
  IF estimate >= (SELECT value::numeric FROM bjxm.settings WHERE key = 'major_project_threshold') THEN
    PERFORM bjxm.record_ex_ante_assessment(p, true, 'SQPG-' || p);
  END IF;
  IF stop >= 2 THEN PERFORM bjxm.declare(p); END IF;
  EXECUTE format('SET LOCAL ROLE %I', bd);
  IF stop >= 3 THEN PERFORM bjxm.preliminary_review(p, true, '符合规划'); PERFORM bjxm.entrust_review(p, party); END IF;
  IF stop >= 4 THEN EXECUTE format('SET LOCAL ROLE %I', reviewer); PERFORM bjxm.record_review(p, true, 'XQ-' || p); END IF;
  EXECUTE format('SET LOCAL ROLE %I', bd);
  IF stop >= 5 THEN PERFORM bjxm.admit_to_library(p); END IF;
  IF stop >= 6 THEN PERFORM bjxm.propose_for_plan(p); END IF;
  RETURN p;
END $$;
-- Continue from 'approved' onwards.  A county project goes through that
-- county's 大数据局 (bd, also the acceptance signer); the city 大数据局
-- (city_bd) gives the 第三十四条 city review where one is needed.
CREATE FUNCTION pg_temp.demo_continue(p bigint, member text, target text,
                                      bd text DEFAULT '张伟_大数据局',
                                      accept_bd text DEFAULT '李娜_大数据局',
                                      sp_party text DEFAULT 'PS-BJ',          -- reviews the service plan
                                      sp_reviewer text DEFAULT '林峰_评审所',
                                      vendor text DEFAULT 'V-YF',
                                      evaluator text DEFAULT 'PG-01',
                                      scores numeric[] DEFAULT '{90,88,85}',  -- unit, vendor, reviewer
                                      budget_ratio numeric DEFAULT 1,
                                      city_bd text DEFAULT '张伟_大数据局',
                                      signer text DEFAULT '毕节市大数据局') RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  steps text[] := ARRAY['approved', 'budgeted', 'service_plan_submitted', 'service_plan_approved', 'procured',
                        'contracted', 'implementing', 'accepted', 'evaluated'];
  stop int := array_position(steps, target);
  unit text;
  region text;
  budget numeric;
  fund text;
  terms jsonb;
BEGIN
  EXECUTE format('SET LOCAL ROLE %I', member);
  SELECT l.unit::text, l.region, round(l.estimate * budget_ratio, -2), l.fund INTO unit, region, budget, fund
    FROM bjxm.project_library l WHERE l.project_id = p;
  IF stop >= 2 THEN
    IF fund = 'self_raised' THEN
      EXECUTE format('SET LOCAL ROLE %I', member);
    ELSE
      SET LOCAL ROLE "王芳_财政局";
    END IF;
    PERFORM bjxm.arrange_budget(p, budget);
  END IF;
  EXECUTE format('SET LOCAL ROLE %I', member);
  IF stop >= 3 THEN PERFORM bjxm.submit_service_plan(p, '{"service_content": "平台开发", "budget": "按批复", "functions": "业务办理",
      "data_resources": "业务库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
      "crypto_solution": "SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "两期"}'); END IF;
  IF stop >= 4 THEN
    EXECUTE format('SET LOCAL ROLE %I', bd); PERFORM bjxm.entrust_review(p, sp_party);
    EXECUTE format('SET LOCAL ROLE %I', sp_reviewer); PERFORM bjxm.approve_service_plan(p, true, round(budget * 0.95, 2), 'FW-' || p);
    -- 第三十四条: (二) superior or self-raised funds; (三) a county project at
    -- or above county_review_threshold: the CITY 大数据局 reviews the plan.
    IF fund <> 'municipal_fiscal'
       OR (region <> '520500' AND budget >= (SELECT value::numeric FROM bjxm.settings WHERE key = 'county_review_threshold')) THEN
      EXECUTE format('SET LOCAL ROLE %I', city_bd); PERFORM bjxm.record_city_review(p, true, '同意');
    END IF;
  END IF;
  EXECUTE format('SET LOCAL ROLE %I', member);
  IF stop >= 5 THEN PERFORM bjxm.record_procurement(p, vendor, round(budget * 0.9, 2),
                      CASE WHEN budget >= 1000000 THEN 'open_tender' ELSE 'competitive_consultation' END::bjxm.procurement_method); END IF;
  -- 第十六条: the user unit and 大数据局 each sign the same contract (two actors).
  IF stop >= 6 THEN
    terms := jsonb_build_object('parties', jsonb_build_object(
      'bigdata', signer, 'user_unit', unit, 'vendor', vendor), 'emergency_response', true,
      'annual_security_test', true, 'crypto_assessment', true, 'risk_assessment', true, 'report_results', true);
    PERFORM bjxm.sign_contract(p, 'BJHT-' || p, terms);
    SET SESSION AUTHORIZATION demo_bd_app;
    EXECUTE format('SET LOCAL ROLE %I', accept_bd); PERFORM bjxm.sign_contract(p, 'BJHT-' || p, terms);
    SET SESSION AUTHORIZATION demo_app;
    EXECUTE format('SET LOCAL ROLE %I', member);
  END IF;
  IF stop >= 7 THEN PERFORM bjxm.start_implementation(p); END IF;
  IF stop >= 8 THEN
    PERFORM bjxm.sign_acceptance(p, true, '用户单位验收通过');
    SET SESSION AUTHORIZATION demo_bd_app;
    EXECUTE format('SET LOCAL ROLE %I', accept_bd); PERFORM bjxm.sign_acceptance(p, true, '大数据局验收通过');
    SET SESSION AUTHORIZATION demo_app;
    EXECUTE format('SET LOCAL ROLE %I', accept_bd);
  END IF;
  IF stop >= 9 THEN PERFORM bjxm.record_evaluation(p, evaluator, scores[1], scores[2], scores[3], 'PG-' || p); END IF;
END $$;

SET SESSION AUTHORIZATION demo_app;
SET search_path = public, bjxm;
SELECT pg_temp.demo_walk('11520500DM00000175', '赵磊_教育局', '教育资源公共服务平台', 'service_platform', '{development,operation}', 1200000, 'planned') AS e1,
       pg_temp.demo_walk('11520500DM00000175', '赵磊_教育局', '智慧校园安全监测系统', 'business_system', '{development}', 800000, 'planned') AS e2,
       pg_temp.demo_walk('11520500DM00000175', '赵磊_教育局', '学籍管理系统运维', 'business_system', '{operation}', 300000, 'in_library') AS e3,
       pg_temp.demo_walk('11520500DM00000175', '赵磊_教育局', '教师培训管理平台', 'service_platform', '{development}', 450000, 'shortlisted') AS e4,
       pg_temp.demo_walk('11520500DM00000250', '孙丽_卫健局', '全民健康信息平台', 'data_platform', '{development,operation}', 2600000, 'planned') AS h1,
       pg_temp.demo_walk('11520500DM00000250', '孙丽_卫健局', '医疗废物监管系统', 'business_system', '{development}', 500000, 'planned') AS h2,
       pg_temp.demo_walk('11520500DM00000250', '孙丽_卫健局', '卫生健康数据资源库', 'data_resource_db', '{development}', 900000, 'declared') AS h3,
       pg_temp.demo_walk('91520500DM0000033J', '周强_城投', '智慧停车服务平台', 'service_platform', '{development}', 1500000, 'planned', 'self_raised') AS c1,
       pg_temp.demo_walk('11520500DM00000250', '孙丽_卫健局', '健康档案数据治理', 'data_platform', '{supporting}', 200000, 'draft') AS h4,
       pg_temp.demo_walk('11520500DM00000175', '赵磊_教育局', '招生考试报名平台', 'service_platform', '{development}', 350000, 'planned') AS e5 \gset
SET ROLE "刘洋_市政府";
SELECT bjxm.approve_annual_plan(2027, '520500', ARRAY[:e5]::bigint[]) \gset
RESET ROLE;
SELECT pg_temp.demo_continue(:e1, '赵磊_教育局', 'evaluated'), pg_temp.demo_continue(:e2, '赵磊_教育局', 'implementing'),
       pg_temp.demo_continue(:h1, '孙丽_卫健局', 'contracted'), pg_temp.demo_continue(:h2, '孙丽_卫健局', 'service_plan_approved'),
       pg_temp.demo_continue(:c1, '周强_城投', 'procured') \gset
SET ROLE "孙丽_卫健局";
SELECT bjxm.withdraw(:h4, '并入全民健康信息平台') \gset
SET ROLE "张伟_大数据局";
SELECT bjxm.preliminary_review(:h3, false, '需求与全民健康信息平台重复, 请修改') \gset
SET ROLE "王芳_财政局";
SELECT bjxm.record_disbursement(:h1, 1200000, '2026-11-27') \gset
SET ROLE "李娜_大数据局";
SELECT bjxm.postpone(:e2, '用户单位原因, 资金执行缓慢') \gset
-- 第二十二条至第二十五条: 卫健局 catalogues the data of its contracted
-- platform, classifies it and records the 保密审查; bigdata reviews, the
-- city government approves the unit's catalogue; two entries are listed
-- (the third names personal data in its items but is declared not
-- sensitive and offered unconditionally: the items decide, it is refused
-- below).
SET ROLE "孙丽_卫健局";
SELECT bjxm.add_data_resource(:h1, '医疗机构基本信息', '全市医疗机构名称、类别、地址及诊疗科目', '数据库',
         'unconditional', 'unconditional', '每月',
         '[{"name": "机构名称", "type": "字符型"}, {"name": "机构类别", "type": "字符型"}, {"name": "地址", "type": "字符型"}, {"name": "诊疗科目", "type": "字符型"}]',
         share_method => '接口', provide_method => '共享交换平台', classification => '2-05-001-001') AS d1,
       bjxm.add_data_resource(:h1, '居民电子健康档案', '居民基本信息、既往病史与体检记录', '数据库',
         'conditional', 'none', '实时',
         '[{"name": "身份证号", "type": "字符型"}, {"name": "既往病史", "type": "字符型"}, {"name": "体检日期", "type": "日期型"}]',
         sensitive => true, share_condition => '仅限卫生健康、医保部门履职使用, 经本人授权调用',
         share_method => '接口', provide_method => '共享交换平台', classification => '2-05-002-001') AS d2,
       bjxm.add_data_resource(:h1, '传染病监测明细', '法定传染病病例报告明细', '电子表格',
         'unconditional', 'none', '每日',
         '[{"name": "病例编号", "type": "字符型"}, {"name": "病种", "type": "字符型"}, {"name": "患者身份证号", "type": "字符型"}, {"name": "现住址", "type": "字符型"}, {"name": "报告日期", "type": "日期型"}]',
         sensitive => false, classification => '2-05-003-001') AS d3 \gset
SELECT bjxm.classify_data_resource(:d1, '一般数据', true), bjxm.classify_data_resource(:d2, '重要数据', true),
       bjxm.classify_data_resource(:d3, '一般数据', true) \gset
SET ROLE "张伟_大数据局";
SELECT bjxm.review_data_resource(:d1, true), bjxm.review_data_resource(:d2, true),
       bjxm.review_data_resource(:d3, true) \gset
SET ROLE "刘洋_市政府";
SELECT bjxm.approve_catalogue('11520500DM00000250') \gset
SET ROLE "孙丽_卫健局";
SELECT bjxm.list_data_resource(:d1, desensitized => true), bjxm.list_data_resource(:d2) \gset
-- 第二十七条: the products each project uses, domestic or not.
SELECT bjxm.record_component(:h1, 'server', '华为泰山 2280 服务器(鲲鹏)', true),
       bjxm.record_component(:h1, 'os', '银河麒麟高级服务器操作系统 V10', true),
       bjxm.record_component(:h1, 'database', '达梦数据库 DM8', true),
       bjxm.record_component(:h1, 'middleware', 'Oracle WebLogic Server', false),
       bjxm.record_component(:h1, 'security', '奇安信网神防火墙', true) \gset
-- 第二十八条: the platform's first security test, on signing (due again in 12 months).
SELECT bjxm.record_security_assessment(:h1, 2026, 'security_test', true, '{bigdata,public_security,crypto_admin}',
                                       '贵州省信息安全测评中心') \gset
SET ROLE "赵磊_教育局";
SELECT bjxm.record_component(:e1, 'server', '中科曙光 I620 服务器(海光)', true),
       bjxm.record_component(:e1, 'os', 'CentOS 7', false),
       bjxm.record_component(:e1, 'database', 'Oracle Database 19c', false),
       bjxm.record_component(:e1, 'middleware', '东方通 TongWeb', true) \gset
-- 第三十二条: finance's 重点绩效评价 of the evaluated project (shown on the scorecard).
SET ROLE "王芳_财政局";
SELECT bjxm.record_key_evaluation(:e1, 2027, 86, 'ZD-' || :e1) \gset
RESET ROLE;
-- About 190 more projects over every unit and every state, money paid, a
-- data catalogue per unit, rectification orders.
\ir bijie_projects.sql
\set QUIET off

\echo
\echo '== Refusals: each names its article, with what was found and what to do =='
\set QUIET on
\set ON_ERROR_STOP off
SET ROLE "赵磊_教育局";
\echo '-- 第五条: declaring with an incomplete demand plan'
SELECT bjxm.create_project('11520500DM00000175', '在线阅卷系统', 'business_system', '{development}', 2027, 400000) AS bad \gset
SELECT bjxm.declare(:bad);
\echo '-- 第六条: declaring a project that is not for next year'
SELECT bjxm.create_project('11520500DM00000175', '后年项目', 'other', '{operation}', 2029, 100000) AS later \gset
SELECT bjxm.set_demand_plan(:later, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d", "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}') \gset
SELECT bjxm.declare(:later);
\echo '-- BJ000: an action the state does not allow, naming the actions it does'
SELECT bjxm.start_implementation(:e3);
SET ROLE "周强_城投";
\echo '-- 第十条: a 市属国企 project paid from the city budget'
SELECT bjxm.create_project('91520500DM0000033J', '城投官网改版', 'other', '{development}', 2027, 200000);
\echo '-- 第十五条: the vendor is, by USCC, the institution that reviewed the service plan'
SET ROLE "孙丽_卫健局";
SELECT bjxm.record_procurement(:h2, 'V-PS', 400000, 'open_tender');
\echo '-- 第十六条, 第二十八条: bjxm.check lists every reason a contract would be refused, changing nothing'
SET ROLE "周强_城投";
SELECT clause AS "条款", sqlstate, message AS "说明" FROM bjxm.check(:c1, 'sign_contract',
  '{"contract_no": "X", "terms": {"parties": {"bigdata": "毕节市大数据局", "user_unit": "91520500DM0000033J", "vendor": "V-PS"}, "emergency_response": true}}');
\echo '-- 第十二条: paying more than the contract (and the arranged budget)'
SET ROLE "王芳_财政局";
SELECT bjxm.record_disbursement(:h1, 2000000, '2026-11-27');
\echo '-- 第十二条: a payment dated before the contract it pays'
SELECT bjxm.record_disbursement(:h1, 1000, '2001-01-01');
\echo '-- 第二十九条: listing items that name personal data (患者身份证号, 现住址), declared not sensitive, for unconditional sharing'
SET ROLE "孙丽_卫健局";
SELECT bjxm.list_data_resource(:d3, desensitized => true);
\echo '-- 第三条: a unit member acting for another unit'
SET ROLE "赵磊_教育局";
SELECT bjxm.declare(:h3);
\echo '-- 第十一条: line items outside the support scope are refused, naming the item and the phrase or category found'
\echo '--         (全民健康信息平台 by 孙丽_卫健局; a 纳雍县 platform by its unit member); eligible ones are admitted'
\echo '--         before the budget; 第十九条: once budgeted, a new item needs an approved increase (last row)'
RESET ROLE;
CREATE FUNCTION pg_temp.demo_try_line_item(p bigint, member text, category text, name text, amount numeric)
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SET LOCAL ROLE %I', member);
  BEGIN
    RETURN '✓ 纳入, 事项 ' || bjxm.add_line_item(p, category, name, amount);
  EXCEPTION WHEN OTHERS THEN
    RETURN '✗ ' || SQLSTATE || ' ' || regexp_replace(SQLERRM, ' \([^()]*\)$', '');
  END;
END $$;
SELECT p AS cp, member AS cm FROM pg_temp.demo_projects
 WHERE final = 'implementing' AND region <> '520500' ORDER BY i LIMIT 1 \gset
-- (eligible items are admitted while the budget is still to be arranged: a
-- project of the approved plan; once budgeted, a new item needs an approved
-- 第十九条 increase)
SELECT p AS ap, member AS am FROM pg_temp.demo_projects
 WHERE final = 'approved' AND region <> '520500' ORDER BY i LIMIT 1 \gset
CREATE TEMP TABLE demo_tries AS
SELECT x.*, pg_temp.demo_try_line_item(x.p, x.member, x.category, x.name, x.amount) AS result
  FROM (VALUES (1, :h1, '孙丽_卫健局', 'software_development', '业务系统开发(含办公电脑采购)', 300000),
               (2, :h1, '孙丽_卫健局', 'business_operation', '平台上线宣传推广费', 80000),
               (3, :cp, :'cm', 'system_integration', '办公楼装修弱电改造', 450000),
               (4, :cp, :'cm', 'operation_maintenance', '运维人员加班费', 60000),
               (5, :cp, :'cm', 'travel', '项目调研差旅费', 20000),
               (6, :ap, :'am', 'software_development', '手机APP开发', 120000),
               (7, :ap, :'am', 'security_service', '等级保护测评', 80000),
               (8, :h1, '孙丽_卫健局', 'software_development', '手机APP开发', 120000))
       AS x(n, p, member, category, name, amount);
GRANT SELECT ON demo_tries TO PUBLIC;
SET ROLE "张伟_大数据局";
\set QUIET off
SELECT t.name AS "支出事项", t.category AS "类别", t.amount AS "金额(元)", t.result AS "结果"
  FROM demo_tries t ORDER BY t.n;
\set QUIET on
\echo '-- 第三十四条, 第三十五条: the city-level review of a county project is the CITY 大数据局''s, not the county''s'
RESET ROLE;
SELECT p AS kp, bd AS kbd, gov AS kgov FROM pg_temp.demo_projects
 WHERE final = 'service_plan_submitted' AND region <> '520500' AND estimate >= 1000000 ORDER BY i LIMIT 1 \gset
SET ROLE :"kbd";
SELECT bjxm.record_city_review(:kp, true, '同意');
\echo '-- 第三十五条: a county government approving the city''s annual plan'
SET ROLE :"kgov";
SELECT bjxm.approve_annual_plan(2027, '520500');
\echo '-- 第三十一条: an overdue rectification order stops new money for the unit'
SET ROLE "张伟_大数据局";
SELECT bjxm.open_rectification('11520500DM00000175', 3, '智慧校园安全监测系统未部署在城市数据中心', :e2, '2026-12-01') AS ord \gset
RESET ROLE;
RESET SESSION AUTHORIZATION;
SET bjxm.today = '2026-12-02';
SET SESSION AUTHORIZATION demo_app;
SET ROLE "李娜_大数据局";
SELECT bjxm.propose_for_plan(:e3);
\set ON_ERROR_STOP on
RESET ROLE;
RESET SESSION AUTHORIZATION;
SET search_path = public, bjxm;
\set QUIET off

-- The analyst's dashboards (today = 2026-12-02).  Amounts in 万元 where summed.
\set QUIET on
\pset null ''
\set QUIET off
\echo
\echo '== 项目库 (project library) by state =='
SELECT COALESCE(state_label, '合计') AS "状态", count(*) AS "项目数", round(sum(estimate) / 10000, 1) AS "估算合计(万元)",
       round(sum(budget) / 10000, 1) AS "预算合计(万元)",
       count(*) FILTER (WHERE region <> '520500') AS "其中县级"
  FROM bjxm.project_library GROUP BY ROLLUP ((state, state_label)) ORDER BY state NULLS LAST;

\echo
\echo '== 项目库 by region: 储备 (草稿–拟实施) | 实施 (已批准–实施中) | 完成 | 未通过或中止 =='
SELECT COALESCE(region_name, '全市') AS "区划", count(*) AS "项目数",
       count(*) FILTER (WHERE state IN ('draft', 'declared', 'shortlisted', 'reviewed', 'in_library', 'planned')) AS "储备",
       count(*) FILTER (WHERE state BETWEEN 'approved' AND 'implementing') AS "实施",
       count(*) FILTER (WHERE state IN ('accepted', 'evaluated')) AS "完成",
       count(*) FILTER (WHERE state IN ('returned', 'withdrawn', 'postponed', 'terminated')) AS "退回/撤回/推迟/终止",
       round(sum(estimate) / 10000, 1) AS "估算合计(万元)",
       count(DISTINCT unit) AS "单位数"
  FROM bjxm.project_library GROUP BY ROLLUP ((region, region_name)) ORDER BY region NULLS LAST;
\echo '-- the twelve largest projects'
SELECT project_id AS "编号", project_name AS "项目", unit_name AS "单位", region_name AS "区划", state_label AS "状态",
       fund_label AS "资金来源", round(estimate / 10000, 1) AS "估算(万元)"
  FROM bjxm.project_library ORDER BY estimate DESC, project_id LIMIT 12;

\echo
\echo '== 2027 年度实施计划 (annual plan) by region, approved by each 人民政府 =='
SELECT COALESCE(region_name, '全市') AS "区划", count(*) FILTER (WHERE NOT approved) AS "拟实施",
       count(*) FILTER (WHERE approved AND state NOT IN ('postponed', 'terminated')) AS "已批准",
       count(*) FILTER (WHERE state IN ('postponed', 'terminated')) AS "推迟/终止",
       round(sum(estimate) / 10000, 1) AS "估算合计(万元)", round(sum(budget) / 10000, 1) AS "预算合计(万元)",
       count(*) FILTER (WHERE fund = 'self_raised') AS "自筹", count(*) FILTER (WHERE fund = 'superior') AS "上级资金"
  FROM bjxm.annual_plan WHERE plan_year = 2027 GROUP BY ROLLUP ((region, region_name)) ORDER BY region NULLS LAST;
\echo '-- proposed, awaiting approval (拟实施)'
SELECT project_name AS "项目", unit_name AS "单位", region_name AS "区划", round(estimate / 10000, 1) AS "估算(万元)"
  FROM bjxm.annual_plan WHERE plan_year = 2027 AND NOT approved ORDER BY region, project_id LIMIT 12;

\echo
\echo '== 预算执行 (budget execution, 第十二条): slow projects first (执行率 < slow_execution_rate) =='
SELECT count(*) AS "有预算项目", round(sum(arranged) / 10000, 1) AS "预算合计(万元)", round(sum(paid) / 10000, 1) AS "已拨付(万元)",
       to_char(sum(paid) / sum(arranged) * 100, 'FM990.0') || '%' AS "总执行率",
       count(*) FILTER (WHERE slow) AS "执行缓慢", (SELECT value FROM bjxm.settings WHERE key = 'slow_execution_rate') AS "缓慢标准"
  FROM bjxm.budget_execution;
SELECT project_id AS "编号", project_name AS "项目", unit_name AS "单位", state_label AS "状态",
       round(arranged / 10000, 1) AS "预算(万元)", round(paid / 10000, 1) AS "已拨付(万元)",
       to_char(execution_rate * 100, 'FM990.0') || '%' AS "执行率", CASE WHEN slow THEN '** 缓慢 **' ELSE '' END AS "执行缓慢"
  FROM bjxm.budget_execution ORDER BY slow DESC, execution_rate, project_id LIMIT 15;

\echo
\echo '== 分年度、分资金来源的预算 (budgets per year and fund source, 第十条, 第十二条) =='
\echo '-- a two-year project gets its 2028 year from 上级资金; an 运维 project is renewed for 2028;'
\echo '-- a 市属国企 arranges its own funds for 2028 (revise_budget; each within the line items and the estimate)'
CREATE TEMP TABLE demo_years (what text, p bigint);
GRANT SELECT, INSERT ON demo_years TO PUBLIC;
DO $$
DECLARE r record;
BEGIN
  SELECT l.project_id, l.estimate, l.budget INTO r FROM bjxm.project_library l JOIN bjxm.projects x USING (project_id)
   WHERE l.state = 'implementing' AND l.fund = 'municipal_fiscal' AND 'development' = ANY (x.services)
     AND l.budget < l.estimate AND l.region = '520500'
     AND NOT EXISTS (SELECT 1 FROM bjxm.unit_compliance c WHERE c.unit = l.unit AND c.funding_blocked)
   ORDER BY l.project_id LIMIT 1;
  SET LOCAL ROLE "王芳_财政局";
  PERFORM bjxm.revise_budget(r.project_id, 2028, round((r.estimate - r.budget) * 0.8, 2), '二期建设, 省级专项资金', 'superior');
  INSERT INTO demo_years VALUES ('两年建设, 混合资金', r.project_id);
  RESET ROLE;
  SELECT l.project_id, l.estimate, l.budget INTO r FROM bjxm.project_library l JOIN bjxm.projects x USING (project_id)
   WHERE l.state IN ('contracted', 'implementing') AND l.fund = 'municipal_fiscal' AND 'operation' = ANY (x.services)
     AND l.project_id NOT IN (SELECT y.p FROM demo_years y)
     AND l.budget < l.estimate AND l.region = '520500'
     AND NOT EXISTS (SELECT 1 FROM bjxm.unit_compliance c WHERE c.unit = l.unit AND c.funding_blocked)
   ORDER BY l.project_id LIMIT 1;
  IF FOUND THEN
    SET LOCAL ROLE "王芳_财政局";
    PERFORM bjxm.revise_budget(r.project_id, 2028, round(r.estimate - r.budget, 2), '2028 年度运维续作');
    INSERT INTO demo_years VALUES ('运维逐年续作', r.project_id);
    RESET ROLE;
  END IF;
  SELECT l.project_id, l.estimate, l.budget, d.member INTO r FROM bjxm.project_library l
    JOIN pg_temp.demo_projects d ON d.p = l.project_id
   WHERE l.fund = 'self_raised' AND l.budget < l.estimate
     AND NOT EXISTS (SELECT 1 FROM bjxm.unit_compliance c WHERE c.unit = l.unit AND c.funding_blocked)
     AND l.state IN ('budgeted', 'service_plan_submitted', 'service_plan_approved', 'procured', 'contracted', 'implementing')
   ORDER BY l.project_id LIMIT 1;
  IF FOUND THEN
    EXECUTE format('SET LOCAL ROLE %I', r.member);
    PERFORM bjxm.revise_budget(r.project_id, 2028, round((r.estimate - r.budget) * 0.5, 2), '企业自有资金安排二期', 'self_raised');
    INSERT INTO demo_years VALUES ('国企自筹', r.project_id);
    RESET ROLE;
  END IF;
END $$;
SELECT y.what AS "情形", b.project_name AS "项目", b.year AS "年度", round(b.arranged / 10000, 1) AS "预算(万元)",
       (SELECT string_agg(bjxm.label(k::bjxm.fund_source) || ' ' || round(v::numeric / 10000, 1), '、' ORDER BY k)
          FROM jsonb_each_text(b.funds) AS f(k, v)) AS "资金来源(万元)",
       round(b.paid / 10000, 1) AS "当年拨付(万元)", to_char(b.time_progress * 100, 'FM990.0') || '%' AS "序时进度",
       CASE WHEN b.slow THEN '** 缓慢 **' ELSE '' END AS "执行缓慢"
  FROM demo_years y JOIN bjxm.budget_execution_by_year b ON b.project_id = y.p ORDER BY y.p, b.year;

\echo
\echo '== 整改 (rectification orders, 第三十一条): holds first =='
SELECT unit_name AS "单位", clause AS "条款", finding AS "问题", deadline AS "期限",
       CASE status WHEN 'open' THEN '待整改' WHEN 'reported' THEN '已报送' WHEN 'failed' THEN '不符合要求' ELSE '已整改' END AS "状态",
       CASE WHEN hold THEN '停拨 (自 ' || COALESCE(hold_since, deadline + 1) || ')' ELSE '' END AS "停止安排资金"
  FROM bjxm.rectification_board ORDER BY hold DESC, status <> 'closed' DESC, rectification_id;

\echo
\echo '== 单位合规 (unit compliance): blocked units first =='
SELECT unit_name AS "单位", unit_kind_label AS "类别", projects AS "项目数", open_orders AS "未关闭整改",
       holding_orders AS "停拨通知", CASE WHEN funding_blocked THEN '** 停止安排资金 **' ELSE '正常' END AS "资金"
  FROM bjxm.unit_compliance ORDER BY funding_blocked DESC, open_orders DESC, projects DESC, unit LIMIT 12;

\echo
\echo '== 支出事项 (line items, 第十一条): what the budgets are made of =='
SELECT c.label AS "支出类别", count(*) AS "事项数", count(DISTINCT i.project_id) AS "项目数",
       round(sum(i.amount) / 10000, 1) AS "金额(万元)"
  FROM bjxm.line_items i JOIN bjxm.expense_categories c ON c.code = i.category
 GROUP BY c.code, c.label ORDER BY sum(i.amount) DESC;

\echo
\echo '== History of one project, step by step, with its actors (line items and components left out) =='
SELECT action AS "操作", from_state AS "原状态", to_state AS "新状态", actor AS "角色", clause AS "条款"
  FROM bjxm.history(:e1) WHERE action NOT IN ('add_line_item', 'record_component');

\echo
\echo '== 数据资源目录 (listed data catalogue, 第二十二条至第二十五条) =='
SELECT resource_id AS "编号", name AS "资源名称", unit_name AS "提供单位", format AS "格式",
       jsonb_array_length(items) AS "信息项",
       CASE share_type WHEN 'unconditional' THEN '无条件共享' WHEN 'conditional' THEN '有条件共享' ELSE '不予共享' END AS "共享",
       CASE open_type WHEN 'unconditional' THEN '无条件开放' WHEN 'conditional' THEN '有条件开放' ELSE '不予开放' END AS "开放",
       update_cycle AS "更新周期", level AS "分级", published_on AS "发布日期"
  FROM bjxm.data_catalogue ORDER BY resource_id LIMIT 20;
SELECT d.name AS "未上架资源", CASE WHEN d.sensitive THEN '是' ELSE '否' END AS "敏感",
       string_agg(c.sqlstate || ' ' || c.clause, ', ' ORDER BY c.clause) AS "上架预检 (check_data_resource)"
  FROM bjxm.data_resources d CROSS JOIN LATERAL bjxm.check_data_resource(d.resource_id, true) c
 WHERE d.listed_at IS NULL GROUP BY d.resource_id, d.name, d.sensitive ORDER BY d.resource_id;

-- A year on: today moves 13 months past the contracts (superuser-only),
-- and the 教育局 platform records two of its three yearly assessments.
\set QUIET on
SET bjxm.today = '2027-12-28';
SET SESSION AUTHORIZATION demo_app;
SET ROLE "赵磊_教育局";
SELECT bjxm.record_security_assessment(:e1, 2027, 'security_test', true, '{bigdata,public_security,crypto_admin}',
                                       '贵州省信息安全测评中心'),
       bjxm.record_security_assessment(:e1, 2027, 'crypto_assessment', true, '{bigdata,public_security,crypto_admin}',
                                       '某商用密码检测机构') \gset
RESET ROLE;
RESET SESSION AUTHORIZATION;
\set QUIET off

\echo
\echo '== 安全评估到期 (yearly security assessments, 第二十八条; today = 2027-12-28) =='
SELECT CASE kind WHEN 'security_test' THEN '信息安全检测' WHEN 'crypto_assessment' THEN '密码安全性评估'
                 ELSE '风险评估' END AS "评估类别", count(*) AS "已签合同项目", count(*) FILTER (WHERE overdue) AS "逾期",
       count(*) FILTER (WHERE last_on IS NOT NULL) AS "有通过记录"
  FROM bjxm.security_assessment_due GROUP BY kind ORDER BY kind;
\echo '-- the two platforms followed above'
SELECT project_name AS "项目", unit_name AS "单位",
       CASE kind WHEN 'security_test' THEN '信息安全检测' WHEN 'crypto_assessment' THEN '密码安全性评估'
                 ELSE '风险评估' END AS "评估类别",
       since AS "合同签订", last_on AS "最近通过", due_on AS "到期日",
       CASE WHEN overdue THEN '** 逾期 **' ELSE '' END AS "逾期"
  FROM bjxm.security_assessment_due WHERE project_id IN (:e1, :h1) ORDER BY overdue DESC, project_id, due_on, kind;

\echo
\echo '== 国产化比例 (domestic products, 第二十七条) =='
SELECT project_name AS "项目", unit_name AS "单位", components AS "产品数", domestic AS "国产",
       to_char(domestic_ratio * 100, 'FM990.0') || '%' AS "项目国产化率",
       to_char(unit_domestic_ratio * 100, 'FM990.0') || '%' AS "单位国产化率"
  FROM bjxm.domestic_components ORDER BY unit, project_id;
SELECT p.name AS "项目", bjxm.label(p.state) AS "状态", c.kind AS "类别", c.product AS "产品",
       CASE WHEN c.domestic THEN '国产' ELSE '非国产' END AS "国产化"
  FROM bjxm.components c JOIN bjxm.projects p USING (project_id) ORDER BY c.project_id, c.component_id;

\echo
\echo '== 服务单位记分卡 (scorecard of vendors and review institutions, 第三十三条) =='
SELECT party AS "代号", party_name AS "机构", CASE role WHEN 'vendor' THEN '服务单位' ELSE '评审机构' END AS "角色",
       evaluations AS "评估次数", average_score AS "平均得分", latest_score AS "最近得分", trend AS "趋势",
       key_evaluation_average AS "重点绩效评价均分"
  FROM bjxm.vendor_scorecard ORDER BY role DESC, average_score DESC NULLS LAST, party;

\echo
\echo '== 监督检查 (bjxm.inspect, 第三十一条) of the 全民健康信息平台 =='
\set QUIET on
\x on
\set QUIET off
SELECT clause AS "条款", sqlstate, severity AS "级别", regexp_replace(message, '^[^:]*: ', '') AS "问题", detail AS "情况"
  FROM bjxm.inspect(:h1);
\set QUIET on
\x off
