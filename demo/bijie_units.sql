-- bjxm demo, part 2 (\ir from demo.sql): the rest of Bijie — city
-- departments, 事业单位, 市属国企 and units in every county, each county's
-- own 大数据局 and 人民政府 members, review institutions, vendors and
-- evaluators.  Runs as the postgres superuser; every registration goes
-- through the public functions under the role whose duty it is.

-- GB 32100-2015 USCC: 2-character head, the unit's region (GB/T 2260),
-- 'DM' and a 7-digit serial, then the modulus-31 check character.
CREATE FUNCTION pg_temp.demo_uscc(head text, region text, n int) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  cs constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
  w constant int[] := '{1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}';
  s text := head || region || 'DM' || lpad(n::text, 7, '0');
  total int := 0;
BEGIN
  FOR i IN 1..17 LOOP
    total := total + (strpos(cs, substr(s, i, 1)) - 1) * w[i];
  END LOOP;
  RETURN s || substr(cs, (31 - total % 31) % 31 + 1, 1);
END $$;

-- The units: serial, USCC head (11 机关, 12 事业单位, 91 企业), region, name,
-- short name (used in role and project names), kind, the theme of its
-- projects, and the person who acts for it.  The five units registered
-- above are listed too (code given), for their theme and member.
CREATE TEMP TABLE demo_units (n int PRIMARY KEY, code text, head text, region text, name text, short text,
                              kind bjxm.unit_kind, theme text, person text, member text);
INSERT INTO demo_units (n, code, head, region, name, short, kind, theme, person, member) VALUES
  (1,  '11520500DM00000175', '11', '520500', '毕节市教育局', '市教育局', 'admin_dept', '智慧教育', NULL, '赵磊_教育局'),
  (2,  '11520500DM00000250', '11', '520500', '毕节市卫生健康局', '市卫生健康局', 'admin_dept', '全民健康', NULL, '孙丽_卫健局'),
  (3,  '91520500DM0000033J', '91', '520500', '毕节市城市建设投资有限公司', '市城投公司', 'soe', '智慧城建', NULL, '周强_城投'),
  (4,  '12520524DM00000494', '12', '520524', '织金县人民医院', '织金县人民医院', 'institution', '智慧医院', NULL, '吴敏_织金县医院'),
  (5,  '11520500DM0000050K', '11', '520500', '毕节市交通运输局', '市交通运输局', 'admin_dept', '综合交通', '谭辉', NULL),
  (11, NULL, '11', '520500', '毕节市公安局', '市公安局', 'admin_dept', '治安防控', '何平', NULL),
  (12, NULL, '11', '520500', '毕节市民政局', '市民政局', 'admin_dept', '社会救助', '罗军', NULL),
  (13, NULL, '11', '520500', '毕节市自然资源和规划局', '市自然资源和规划局', 'admin_dept', '国土空间', '高峰', NULL),
  (14, NULL, '11', '520500', '毕节市人力资源和社会保障局', '市人社局', 'admin_dept', '就业社保', '梁雪', NULL),
  (15, NULL, '11', '520500', '毕节市生态环境局', '市生态环境局', 'admin_dept', '生态环境', '宋佳', NULL),
  (16, NULL, '11', '520500', '毕节市住房和城乡建设局', '市住建局', 'admin_dept', '智慧住建', '唐明', NULL),
  (17, NULL, '11', '520500', '毕节市水务局', '市水务局', 'admin_dept', '智慧水务', '许亮', NULL),
  (18, NULL, '11', '520500', '毕节市农业农村局', '市农业农村局', 'admin_dept', '智慧农业', '韩梅', NULL),
  (19, NULL, '11', '520500', '毕节市文化广电旅游局', '市文广旅局', 'admin_dept', '智慧文旅', '冯晨', NULL),
  (20, NULL, '11', '520500', '毕节市应急管理局', '市应急管理局', 'admin_dept', '应急管理', '邓超', NULL),
  (21, NULL, '11', '520500', '毕节市市场监督管理局', '市市场监管局', 'admin_dept', '市场监管', '曹阳', NULL),
  (22, NULL, '11', '520500', '毕节市医疗保障局', '市医保局', 'admin_dept', '医保基金', '彭涛', NULL),
  (23, NULL, '11', '520500', '毕节市统计局', '市统计局', 'admin_dept', '统计数据', '曾琳', NULL),
  (24, NULL, '12', '520500', '毕节市政务服务中心', '市政务服务中心', 'institution', '一网通办', '肖红', NULL),
  (25, NULL, '12', '520500', '毕节职业技术学院', '毕节职院', 'institution', '智慧校园', '田野', NULL),
  (26, NULL, '12', '520500', '毕节市第一人民医院', '市第一人民医院', 'institution', '智慧医院', '董洁', NULL),
  (27, NULL, '12', '520500', '毕节市疾病预防控制中心', '市疾控中心', 'institution', '疾病监测', '袁浩', NULL),
  (28, NULL, '12', '520500', '毕节市公共资源交易中心', '市公共资源交易中心', 'institution', '电子交易', '潘婷', NULL),
  (29, NULL, '91', '520500', '毕节市水务投资集团有限公司', '市水投集团', 'soe', '供水调度', '蒋勇', NULL),
  (30, NULL, '91', '520500', '毕节市大数据产业发展有限公司', '市大数据公司', 'soe', '城市运营', '蔡文', NULL),
  (31, NULL, '12', '520502', '七星关区人民医院', '七星关区人民医院', 'institution', '智慧医院', '余杰', NULL),
  (32, NULL, '11', '520502', '七星关区教育局', '七星关区教育局', 'admin_dept', '智慧教育', '杜鹃', NULL),
  (33, NULL, '11', '520521', '大方县教育局', '大方县教育局', 'admin_dept', '智慧教育', '叶青', NULL),
  (34, NULL, '12', '520521', '大方县人民医院', '大方县人民医院', 'institution', '智慧医院', '程亮', NULL),
  (35, NULL, '11', '520581', '黔西市卫生健康局', '黔西市卫生健康局', 'admin_dept', '卫生健康', '魏东', NULL),
  (36, NULL, '11', '520581', '黔西市自然资源局', '黔西市自然资源局', 'admin_dept', '国土空间', '苏敏', NULL),
  (37, NULL, '11', '520523', '金沙县交通运输局', '金沙县交通运输局', 'admin_dept', '交通运输', '吕斌', NULL),
  (38, NULL, '12', '520523', '金沙县人民医院', '金沙县人民医院', 'institution', '智慧医院', '丁宁', NULL),
  (39, NULL, '11', '520524', '织金县教育局', '织金县教育局', 'admin_dept', '智慧教育', '任杰', NULL),
  (40, NULL, '11', '520525', '纳雍县卫生健康局', '纳雍县卫生健康局', 'admin_dept', '卫生健康', '沈冰', NULL),
  (41, NULL, '11', '520525', '纳雍县农业农村局', '纳雍县农业农村局', 'admin_dept', '智慧农业', '姚远', NULL),
  (42, NULL, '12', '520526', '威宁彝族回族苗族自治县人民医院', '威宁县人民医院', 'institution', '智慧医院', '卢刚', NULL),
  (43, NULL, '11', '520526', '威宁彝族回族苗族自治县教育局', '威宁县教育局', 'admin_dept', '智慧教育', '姜华', NULL),
  (44, NULL, '11', '520527', '赫章县应急管理局', '赫章县应急管理局', 'admin_dept', '应急管理', '崔颖', NULL),
  (45, NULL, '12', '520527', '赫章县人民医院', '赫章县人民医院', 'institution', '智慧医院', '钟鸣', NULL);
UPDATE demo_units SET code = pg_temp.demo_uscc(head, region, 100 + n * 7) WHERE code IS NULL;
UPDATE demo_units SET member = short || '_' || person WHERE member IS NULL;

-- Each county's staff: a 大数据局 member and a 人民政府 member with that
-- county as jurisdiction (第三十五条).  织金县's 大数据局 member exists.
CREATE TEMP TABLE demo_staff (region text PRIMARY KEY, short text, bigdata text, gov text);
INSERT INTO demo_staff VALUES
  ('520500', '毕节市', '张伟_大数据局', '刘洋_市政府'),
  ('520502', '七星关区', '七星关区大数据局_汪洋', '七星关区人民政府_范明'),
  ('520521', '大方县', '大方县大数据局_吴刚', '大方县人民政府_金鑫'),
  ('520581', '黔西市', '黔西市大数据局_石磊', '黔西市人民政府_廖凯'),
  ('520523', '金沙县', '金沙县大数据局_贾静', '金沙县人民政府_夏雨'),
  ('520524', '织金县', '郑涛_织金县大数据局', '织金县人民政府_韦丽'),
  ('520525', '纳雍县', '纳雍县大数据局_付强', '纳雍县人民政府_方圆'),
  ('520526', '威宁县', '威宁县大数据局_白雪', '威宁县人民政府_邹平'),
  ('520527', '赫章县', '赫章县大数据局_孟凡', '赫章县人民政府_熊伟');

-- Review institutions, vendors, evaluators (the first five are registered above).
CREATE TEMP TABLE demo_parties (n int PRIMARY KEY, code text, name text, kind text, uscc text, member text);
INSERT INTO demo_parties VALUES
  (1, 'PS-ZX', '贵州中咨信息工程咨询有限公司', 'reviewer', pg_temp.demo_uscc('91', '520100', 3101), '王磊_中咨评审'),
  (2, 'PS-XK', '毕节鑫科工程造价咨询有限公司', 'reviewer', pg_temp.demo_uscc('91', '520500', 3102), '杨帆_鑫科评审'),
  (3, 'V-QY', '贵州黔云数智科技有限公司', 'vendor', pg_temp.demo_uscc('91', '520100', 3103), NULL),
  (4, 'V-ZH', '毕节智汇信息技术有限公司', 'vendor', pg_temp.demo_uscc('91', '520500', 3104), NULL),
  (5, 'V-SL', '贵州数联网络工程有限公司', 'vendor', pg_temp.demo_uscc('91', '520100', 3105), NULL),
  (6, 'V-HT', '贵阳华拓软件股份有限公司', 'vendor', pg_temp.demo_uscc('91', '520100', 3106), NULL),
  (7, 'V-XD', '毕节星达通信工程有限公司', 'vendor', pg_temp.demo_uscc('91', '520500', 3107), NULL),
  (8, 'PG-02', '贵州黔信绩效评估有限公司', 'evaluator', pg_temp.demo_uscc('91', '520100', 3108), NULL);
GRANT SELECT ON demo_units, demo_staff, demo_parties TO PUBLIC;

-- The roles (people), granted their duty and to the application role.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT bigdata AS role, 'bjxm_bigdata' AS duty FROM demo_staff WHERE region <> '520500'
           UNION ALL SELECT gov, 'bjxm_city_gov' FROM demo_staff WHERE region <> '520500'
           UNION ALL SELECT member, 'bjxm_user_unit' FROM demo_units
           UNION ALL SELECT member, 'bjxm_reviewer' FROM demo_parties WHERE member IS NOT NULL LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r.role);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
    IF NOT pg_has_role(r.role, r.duty, 'MEMBER') THEN EXECUTE format('GRANT %I TO %I', r.duty, r.role); END IF;
    IF NOT pg_has_role('demo_app', r.role, 'MEMBER') THEN EXECUTE format('GRANT %I TO demo_app', r.role); END IF;
    -- 大数据局's own login signs its side of two-actor steps (第十六条, 第二十条)
    IF r.duty = 'bjxm_bigdata' AND NOT pg_has_role('demo_bd_app', r.role, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO demo_bd_app', r.role);
    END IF;
  END LOOP;
END $$;

-- The city bigdata department registers city units and third parties and
-- sets each county member's jurisdiction; each county's 大数据局 then
-- registers its own units and their members.
DO $$
DECLARE r record;
BEGIN
  SET LOCAL ROLE "张伟_大数据局";
  FOR r IN SELECT * FROM demo_staff WHERE region <> '520500' ORDER BY region LOOP
    PERFORM bjxm.set_jurisdiction(r.bigdata::regrole, r.region), bjxm.set_jurisdiction(r.gov::regrole, r.region);
  END LOOP;
  FOR r IN SELECT * FROM demo_parties ORDER BY n LOOP
    PERFORM bjxm.register_party(r.code, r.name, r.kind, r.uscc::bjxm.uscc);
    IF r.member IS NOT NULL THEN PERFORM bjxm.grant_party_member(r.member::regrole, r.code); END IF;
  END LOOP;
  FOR r IN SELECT u.*, s.bigdata FROM demo_units u JOIN demo_staff s USING (region) ORDER BY u.region <> '520500', u.region, u.n LOOP
    EXECUTE format('SET LOCAL ROLE %I', r.bigdata);
    IF NOT EXISTS (SELECT 1 FROM bjxm.units x WHERE x.code = r.code::bjxm.uscc) THEN
      PERFORM bjxm.register_unit(r.code::bjxm.uscc, r.name, r.kind, r.region);
    END IF;
    PERFORM bjxm.grant_unit_member(r.member::regrole, r.code::bjxm.uscc);
  END LOOP;
END $$;
RESET ROLE;
