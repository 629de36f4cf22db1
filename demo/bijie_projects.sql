-- bjxm demo, part 3 (\ir from demo.sql): about 190 more projects over
-- every unit and every state, deterministic (no random()), each step taken
-- through the public functions by the role whose duty it is — a county's
-- projects by that county's 大数据局 and 人民政府, the city 大数据局 giving
-- the 第三十四条 city reviews.  Then disbursements, a listed data
-- catalogue per unit, and rectification orders.
-- Entered and left as demo_app (the temporary tables are made as postgres).
RESET SESSION AUTHORIZATION;
SET client_min_messages = warning;   -- the walk's NOTICEs (第三十三条 vendor warnings) are not the point here

-- What each kind of project is called, its category and services.
CREATE TEMP TABLE demo_kinds (k int PRIMARY KEY, suffix text, cat bjxm.project_category, services bjxm.service_kind[]);
INSERT INTO demo_kinds VALUES
  (0, '服务平台', 'service_platform', '{development,operation}'),
  (1, '数据资源库', 'data_resource_db', '{development}'),
  (2, '业务系统', 'business_system', '{development}'),
  (3, '政务云资源', 'gov_cloud', '{operation}'),
  (4, '系统运维服务', 'business_system', '{operation}'),
  (5, '监测平台', 'data_platform', '{development,operation}'),
  (6, '数据共享交换平台', 'data_platform', '{development}'),
  (7, '移动办事应用', 'service_platform', '{development}'),
  (8, '指挥调度系统', 'business_system', '{development,operation}'),
  (9, '网络安全防护升级', 'other', '{supporting}'),
  (10, '电子档案管理系统', 'business_system', '{development}'),
  (11, '大数据分析平台', 'data_platform', '{development}');

-- The final state of project i, in blocks; units are dealt out with a
-- stride of 17 over the 40 units, so every state lands on many units.
CREATE TEMP TABLE demo_projects AS
WITH states(ord, state, cnt) AS (VALUES
  (1, 'draft', 9), (2, 'declared', 9), (3, 'returned', 10), (4, 'shortlisted', 9), (5, 'reviewed', 8),
  (6, 'in_library', 10), (7, 'planned', 10), (8, 'approved', 9), (9, 'budgeted', 10),
  (10, 'service_plan_submitted', 8), (11, 'service_plan_approved', 8), (12, 'procured', 8),
  (13, 'contracted', 14), (14, 'implementing', 24), (15, 'accepted', 8), (16, 'evaluated', 15),
  (17, 'withdrawn', 6), (18, 'postponed', 7), (19, 'terminated', 6)),
slots AS (SELECT row_number() OVER (ORDER BY ord, g)::int AS i, state
            FROM states CROSS JOIN LATERAL generate_series(1, cnt) g),
units AS (SELECT row_number() OVER (ORDER BY n)::int - 1 AS idx, * FROM demo_units),
dealt AS (SELECT s.i, s.state, u.*, row_number() OVER (PARTITION BY u.n ORDER BY s.i)::int AS rank
            FROM slots s JOIN units u ON u.idx = ((s.i - 1) * 17) % 40)
SELECT d.i, d.n AS unit_n, d.code AS unit, d.member, d.region, d.kind AS unit_kind,
       CASE WHEN d.region = '520500' THEN '' ELSE st.short END || d.theme || k.suffix AS name,
       k.cat, k.services,
       CASE WHEN d.short = '市政务服务中心' AND d.rank = 1 THEN 12000000   -- a 重大项目: 事前绩效评估
            ELSE (ARRAY[35, 48, 60, 75, 88, 120, 150, 180, 230, 260, 320, 45, 96, 135, 56, 410, 66, 110, 28, 520])
                 [(d.i * 7 + (d.i / 40) * 3) % 20 + 1] * 10000 END::numeric AS estimate,
       CASE WHEN d.kind = 'soe' THEN 'self_raised'
            WHEN d.region = '520500' AND d.i % 9 = 0 THEN 'superior'
            WHEN d.region <> '520500' AND d.i % 13 = 0 THEN 'superior'
            ELSE 'municipal_fiscal' END::bjxm.fund_source AS fund,
       d.state AS final,
       -- where postponed and terminated projects stood when stopped
       CASE d.state WHEN 'postponed' THEN (ARRAY['approved', 'budgeted', 'procured', 'contracted', 'implementing',
                                                 'service_plan_approved', 'implementing'])[d.i % 7 + 1]
                    WHEN 'terminated' THEN (ARRAY['approved', 'budgeted', 'contracted', 'implementing',
                                                  'service_plan_submitted', 'implementing'])[d.i % 6 + 1] END AS at,
       st.bigdata AS bd, st.gov,
       CASE WHEN d.region = '520500' THEN '李娜_大数据局' ELSE st.bigdata END AS accept_bd,
       CASE WHEN d.region = '520500' THEN '毕节市大数据局' ELSE st.short || '大数据局' END AS signer,
       (ARRAY['PS-GZ', 'PS-ZX', 'PS-XK', 'PS-BJ'])[(d.i + d.i / 40) % 4 + 1] AS party,
       (ARRAY['黄杰_评审中心', '王磊_中咨评审', '杨帆_鑫科评审', '林峰_评审所'])[(d.i + d.i / 40) % 4 + 1] AS reviewer,
       (ARRAY['PS-GZ', 'PS-ZX', 'PS-XK', 'PS-BJ'])[(d.i + d.i / 40 + 1) % 4 + 1] AS sp_party,
       (ARRAY['黄杰_评审中心', '王磊_中咨评审', '杨帆_鑫科评审', '林峰_评审所'])[(d.i + d.i / 40 + 1) % 4 + 1] AS sp_reviewer,
       (ARRAY['V-YF', 'V-QY', 'V-ZH', 'V-SL', 'V-HT', 'V-XD'])[d.i % 6 + 1] AS vendor,
       (ARRAY['PG-01', 'PG-02'])[d.i % 2 + 1] AS evaluator,
       ARRAY[80 + d.i % 15,
             (ARRAY[88, 92, 84, 79, 86, 56])[d.i % 6 + 1] + d.i % 5 - 2,
             78 + d.i % 17]::numeric[] AS scores,
       (ARRAY[1, 0.95, 0.9, 1])[(d.i + d.i / 40) % 4 + 1]::numeric AS budget_ratio,
       -- share of the budget paid so far; below slow_execution_rate (0.5) is slow
       CASE WHEN d.state IN ('accepted', 'evaluated') THEN (ARRAY[1, 0.95, 0.9])[d.i % 3 + 1]
            ELSE (ARRAY[0.15, 0.3, 0.42, 0.55, 0.6, 0.7, 0.25, 0.8, 0, 0.48, 0.65])[d.i % 11 + 1] END::numeric AS paid_share,
       NULL::bigint AS p
  FROM dealt d
  JOIN demo_staff st ON st.region = d.region
  JOIN demo_kinds k ON k.k = (d.n * 5 + d.rank) % 12;
ALTER TABLE demo_projects ADD PRIMARY KEY (i);
GRANT SELECT, UPDATE ON demo_projects, demo_kinds TO PUBLIC;

SET SESSION AUTHORIZATION demo_app;
SET search_path = public, bjxm;

-- 1. Each project is drafted, declared, reviewed and admitted as far as its
-- final state needs; those bound for the plan are proposed for it.
DO $$
DECLARE r record; pid bigint;
BEGIN
  FOR r IN SELECT * FROM pg_temp.demo_projects ORDER BY i LOOP
    pid := pg_temp.demo_walk(r.unit::bjxm.uscc, r.member, r.name, r.cat, r.services, r.estimate,
           CASE WHEN r.final IN ('draft', 'declared', 'shortlisted', 'reviewed', 'in_library') THEN r.final
                WHEN r.final = 'returned' THEN CASE WHEN r.i % 2 = 1 THEN 'declared' ELSE 'shortlisted' END
                WHEN r.final = 'withdrawn' THEN CASE WHEN r.i % 2 = 0 THEN 'draft' ELSE 'declared' END
                WHEN r.final = 'planned' THEN 'in_library'     -- proposed after the plan is approved
                ELSE 'planned' END,
           r.fund, r.bd, r.party, r.reviewer);
    UPDATE pg_temp.demo_projects SET p = pid WHERE i = r.i;
    IF r.final = 'returned' AND r.i % 2 = 1 THEN
      EXECUTE format('SET LOCAL ROLE %I', r.bd);
      PERFORM bjxm.preliminary_review(pid, false,
        (ARRAY['需求方案与已建系统功能重复, 请整合后重新申报', '经费估算依据不足, 请补充测算明细',
               '数据资源未与全市共享交换平台对接, 请修改'])[r.i % 3 + 1]);
    ELSIF r.final = 'returned' THEN
      EXECUTE format('SET LOCAL ROLE %I', r.reviewer);
      PERFORM bjxm.record_review(pid, false, 'XQ-' || pid || '-退');
    ELSIF r.final = 'withdrawn' THEN
      EXECUTE format('SET LOCAL ROLE %I', r.member);
      PERFORM bjxm.withdraw(pid, (ARRAY['并入市级统建平台', '需求变化, 暂缓建设', '改由上级部门统一部署'])[r.i % 3 + 1]);
    END IF;
  END LOOP;
END $$;

-- 2. Each 人民政府 approves its own 2027 plan (第九条, 第三十五条).
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT DISTINCT d.region, d.gov FROM pg_temp.demo_projects d ORDER BY d.region LOOP
    EXECUTE format('SET LOCAL ROLE %I', r.gov);
    PERFORM bjxm.approve_annual_plan(2027, r.region);
  END LOOP;
END $$;

-- 3. Budget, service plan, city review, procurement, contract,
-- implementation, acceptance, evaluation; money paid; projects postponed
-- or terminated where they stood; the last ones proposed for the plan.
DO $$
DECLARE r record; paid numeric;
BEGIN
  FOR r IN SELECT * FROM pg_temp.demo_projects
            WHERE final NOT IN ('draft', 'declared', 'shortlisted', 'reviewed', 'in_library', 'returned', 'withdrawn')
            ORDER BY i LOOP
    IF r.final = 'planned' THEN
      EXECUTE format('SET LOCAL ROLE %I', r.bd);
      PERFORM bjxm.propose_for_plan(r.p);
      CONTINUE;
    END IF;
    PERFORM pg_temp.demo_continue(r.p, r.member, COALESCE(r.at, r.final), bd => r.bd, accept_bd => r.accept_bd,
              sp_party => r.sp_party, sp_reviewer => r.sp_reviewer, vendor => r.vendor, evaluator => r.evaluator,
              scores => r.scores, budget_ratio => r.budget_ratio, signer => r.signer);
    IF COALESCE(r.at, r.final) IN ('contracted', 'implementing', 'accepted', 'evaluated') AND r.paid_share > 0 THEN
      SET LOCAL ROLE "王芳_财政局";
      SELECT round(j.contract_amount * r.paid_share, 2) INTO paid FROM bjxm.projects j WHERE j.project_id = r.p;
      -- Paid on the demo's day: a payment is never dated before the
      -- contract it pays (第十二条), and the demo signs them today.
      PERFORM bjxm.record_disbursement(r.p, round(paid * 0.6, 2), '2026-11-27');
      PERFORM bjxm.record_disbursement(r.p, paid - round(paid * 0.6, 2), '2026-11-27');
    END IF;
    IF r.final = 'postponed' THEN
      EXECUTE format('SET LOCAL ROLE %I', r.bd);
      PERFORM bjxm.postpone(r.p, (ARRAY['配套资金未到位', '用户单位机构改革, 需求调整', '与省级统建系统衔接, 暂缓实施'])[r.i % 3 + 1]);
    ELSIF r.final = 'terminated' THEN
      EXECUTE format('SET LOCAL ROLE %I', r.bd);
      PERFORM bjxm.terminate(r.p, (ARRAY['省级统建系统已覆盖, 终止实施', '用户单位原因无法实施', '服务单位严重违约, 解除合同'])[r.i % 3 + 1]);
    END IF;
  END LOOP;
END $$;

-- 4. 第二十二条至第二十五条: a data resource per unit for one project
-- already contracted; the unit classifies it, the 大数据局 of its
-- jurisdiction reviews, its 人民政府 approves the catalogue, the unit lists it.
CREATE TEMP TABLE demo_resources (unit_n int PRIMARY KEY, name text, summary text, format text, share_type text,
                                  open_type text, cycle text, items text[], sensitive boolean, share_condition text,
                                  classification text, level text);
INSERT INTO demo_resources VALUES
  (5,  '公交线路与站点信息', '全市公交线路、站点位置及首末班时间', '数据库', 'unconditional', 'unconditional', '每月',
       '{线路名称,站点名称,经纬度,首末班时间}', false, NULL, '2-12-001-001', '一般数据'),
  (11, '机动车违法处理网点', '交通违法处理网点名称、地址和办理时间', '电子表格', 'unconditional', 'unconditional', '每季度',
       '{网点名称,地址,办理时间}', false, NULL, '2-03-004-002', '一般数据'),
  (12, '最低生活保障对象名册', '城乡低保对象家庭及保障金额', '数据库', 'conditional', 'none', '每月',
       '{户主姓名,身份证号,保障人数,保障金额}', true, '仅限民政、人社、医保部门核查救助资格使用', '2-04-001-003', '重要数据'),
  (15, '空气质量监测数据', '各监测站点逐小时空气质量指数与污染物浓度', '服务接口', 'unconditional', 'unconditional', '实时',
       '{站点,时间,AQI,PM2.5}', false, NULL, '2-15-002-001', '一般数据'),
  (17, '集中式饮用水水源地水质', '水源地月度水质监测结果', '电子表格', 'unconditional', 'unconditional', '每月',
       '{水源地,监测日期,水质类别}', false, NULL, '2-16-003-001', '一般数据'),
  (19, 'A级旅游景区名录', '全市A级旅游景区名称、等级、地址', '数据库', 'unconditional', 'unconditional', '每季度',
       '{景区名称,等级,地址,开放时间}', false, NULL, '2-20-001-002', '一般数据'),
  (21, '市场主体登记信息', '企业及个体工商户登记基本信息', '数据库', 'unconditional', 'conditional', '每日',
       '{统一社会信用代码,名称,类型,登记机关}', false, NULL, '2-10-001-001', '一般数据'),
  (22, '定点医药机构名录', '医保定点医疗机构和零售药店', '数据库', 'unconditional', 'unconditional', '每月',
       '{机构名称,机构类型,地址}', false, NULL, '2-06-002-001', '一般数据'),
  (24, '政务服务事项目录', '市级政务服务事项及办事指南', '服务接口', 'unconditional', 'unconditional', '每周',
       '{事项名称,实施主体,办理时限}', false, NULL, '1-01-002-001', '一般数据'),
  (31, '医院科室与专家排班', '七星关区人民医院科室设置与专家出诊时间', '数据库', 'unconditional', 'unconditional', '每日',
       '{科室,专家姓名,出诊时间}', false, NULL, '2-05-004-001', '一般数据'),
  (33, '中小学校名录', '大方县中小学校名称、学段、地址', '电子表格', 'unconditional', 'unconditional', '每年',
       '{学校名称,学段,地址}', false, NULL, '2-07-001-001', '一般数据'),
  (37, '农村客运班线信息', '金沙县农村客运班线与站点', '电子表格', 'unconditional', 'unconditional', '每季度',
       '{班线名称,起讫站点,班次}', false, NULL, '2-12-002-003', '一般数据'),
  (42, '住院患者诊疗记录', '威宁县人民医院住院病案首页', '数据库', 'conditional', 'none', '每日',
       '{病案号,身份证号,诊断,出院日期}', true, '仅限卫生健康、医保部门履职使用, 经本人授权调用', '2-05-002-004', '重要数据'),
  (44, '应急避难场所分布', '赫章县应急避难场所位置与容量', '图形图像', 'unconditional', 'unconditional', '每年',
       '{场所名称,经纬度,容纳人数}', false, NULL, '2-18-001-001', '一般数据');
GRANT SELECT ON demo_resources TO PUBLIC;
DO $$
DECLARE r record; d bigint;
BEGIN
  FOR r IN SELECT DISTINCT ON (x.unit_n) x.*, j.p, j.member, j.bd, j.gov, j.unit
             FROM pg_temp.demo_resources x
             JOIN pg_temp.demo_projects j ON j.unit_n = x.unit_n
            WHERE j.final IN ('contracted', 'implementing', 'accepted', 'evaluated')
            ORDER BY x.unit_n, j.i LOOP
    EXECUTE format('SET LOCAL ROLE %I', r.member);
    d := bjxm.add_data_resource(r.p, r.name, r.summary, r.format, r.share_type, r.open_type, r.cycle,
           (SELECT jsonb_agg(jsonb_build_object('name', it, 'type', '字符型')) FROM unnest(r.items) it),
           sensitive => r.sensitive, share_condition => r.share_condition, share_method => '接口',
           provide_method => '共享交换平台', classification => r.classification);
    PERFORM bjxm.classify_data_resource(d, r.level, true);
    EXECUTE format('SET LOCAL ROLE %I', r.bd);
    PERFORM bjxm.review_data_resource(d, true);
    EXECUTE format('SET LOCAL ROLE %I', r.gov);
    PERFORM bjxm.approve_catalogue(r.unit::bjxm.uscc);
    EXECUTE format('SET LOCAL ROLE %I', r.member);
    PERFORM bjxm.list_data_resource(d, desensitized => r.open_type <> 'none');
  END LOOP;
END $$;

-- 5. 第三十条, 第三十一条: rectification orders on other units.  The
-- 自然资源和规划局 order falls overdue on 2026-12-01; 纳雍县卫生健康局
-- reports, and its county 大数据局 finds the result wanting (failed: the
-- hold starts at once); 威宁县人民医院 reports in time; 市民政局's is closed.
DO $$
DECLARE o bigint;
  nr constant text := (SELECT code FROM pg_temp.demo_units WHERE n = 13);
  ny constant text := (SELECT code FROM pg_temp.demo_units WHERE n = 40);
  wn constant text := (SELECT code FROM pg_temp.demo_units WHERE n = 42);
  mz constant text := (SELECT code FROM pg_temp.demo_units WHERE n = 12);
BEGIN
  SET LOCAL ROLE "张伟_大数据局";
  PERFORM bjxm.open_rectification(nr::bjxm.uscc, 5, '国土空间规划图层满足共享条件而未上架共享', NULL, '2026-11-30');
  o := bjxm.open_rectification(mz::bjxm.uscc, 8, '社会救助系统未按合同开展年度风险评估', NULL, '2026-12-10');
  SET LOCAL ROLE "市民政局_罗军";
  PERFORM bjxm.report_rectification(o, '已完成年度风险评估并报送结果');
  SET LOCAL ROLE "张伟_大数据局";
  PERFORM bjxm.close_rectification(o, true);

  SET LOCAL ROLE "纳雍县大数据局_付强";
  o := bjxm.open_rectification(ny::bjxm.uscc, 6, '卫生健康监测平台未开展年度信息安全检测', NULL, '2026-12-20');
  SET LOCAL ROLE "纳雍县卫生健康局_沈冰";
  PERFORM bjxm.report_rectification(o, '已委托检测机构, 检测报告待出具');
  SET LOCAL ROLE "纳雍县大数据局_付强";
  PERFORM bjxm.close_rectification(o, false);

  SET LOCAL ROLE "威宁县大数据局_白雪";
  o := bjxm.open_rectification(wn::bjxm.uscc, 3, '智慧医院业务系统未部署在城市数据中心', NULL, '2026-12-15');
  SET LOCAL ROLE "威宁县人民医院_卢刚";
  PERFORM bjxm.report_rectification(o, '已迁移至城市数据中心');
END $$;

RESET client_min_messages;
SET search_path = public, bjxm;
