-- Separation of duties (第三条, 第七条, 第九条, 第三十条) and the independence
-- of third parties (第七条, 第十四条, 第三十三条): issue 15 item 4.
-- docs/operations.md 职责分离矩阵; src/duties.c, src/registries.c,
-- src/independence.c.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2044-11-27';
SET client_min_messages = warning;
SET bjxm_test.roles = 'sd_bigdata,sd_finance,sd_gov,sd_auditor,sd_unit,sd_unit_b,sd_reviewer,sd_reviewer2,sd_dual,sd_dual2,sd_audit_unit,sd_unit_audited,sd_inherits,sd_inherits2';
\i sql/include/roles.sql
GRANT bjxm_bigdata TO sd_bigdata;
GRANT bjxm_finance TO sd_finance;
GRANT bjxm_city_gov TO sd_gov;
GRANT bjxm_auditor TO sd_auditor, sd_audit_unit;
GRANT bjxm_user_unit TO sd_unit, sd_unit_b, sd_dual, sd_audit_unit, sd_unit_audited;
GRANT bjxm_reviewer TO sd_reviewer, sd_reviewer2, sd_dual2, sd_inherits, sd_inherits2;
SELECT bjxm.set_jurisdiction('sd_bigdata', '520500'), bjxm.set_jurisdiction('sd_finance', '520500'),
       bjxm.set_jurisdiction('sd_gov', '520500'), bjxm.set_jurisdiction('sd_auditor', '520500');
RESET client_min_messages;

-- The matrix itself (bjxm.duty_matrix(): the C table every check reads).
SELECT capacity, string_agg(other || CASE WHEN compatible THEN '' ELSE ':' || clause::text END, ', ' ORDER BY o) AS row
  FROM (SELECT m.*, array_position(ARRAY['user_unit', 'bigdata', 'finance', 'city_gov', 'reviewer', 'auditor'], other) AS o
          FROM bjxm.duty_matrix() m) x
 GROUP BY capacity
 ORDER BY array_position(ARRAY['user_unit', 'bigdata', 'finance', 'city_gov', 'reviewer', 'auditor'], capacity);
-- Symmetric, compatible on the diagonal.
SELECT count(*) AS asymmetric FROM bjxm.duty_matrix() a JOIN bjxm.duty_matrix() b
    ON a.capacity = b.other AND a.other = b.capacity
 WHERE a.compatible <> b.compatible OR a.clause IS DISTINCT FROM b.clause;
SELECT bool_and(compatible) AS diagonal_compatible FROM bjxm.duty_matrix() WHERE capacity = other;

-- Fixture (the superuser): two city units, two review institutions, a
-- vendor, designers and evaluators.  USCCs: the 'SD' ones are this test's.
SELECT bjxm.register_unit('11520500FL00000016', '分离测试局 (separation unit A)', 'admin_dept') > 0 AS unit_a,
       bjxm.register_unit('11520500FL00000029', '分离测试乙局 (separation unit B)', 'admin_dept') > 0 AS unit_b,
       bjxm.register_party('SD-R1', '分离测试评审中心', 'reviewer', '91520500FL0000001X') > 0 AS reviewer1,
       bjxm.register_party('SD-R2', '分离测试评审所', 'reviewer', '91520500FL00000021') > 0 AS reviewer2,
       bjxm.register_party('SD-V1', '分离测试软件有限公司', 'vendor', '91520500FL00000034') > 0 AS vendor,
       bjxm.register_party('SD-E1', '分离测试绩效评估有限公司', 'evaluator', '91520500FL00000047') > 0 AS evaluator,
       bjxm.register_party('SD-D1', '分离测试咨询设计有限公司', 'designer', '91520500FL0000005A') > 0 AS designer;
SELECT bjxm.grant_unit_member('sd_unit', '11520500FL00000016'), bjxm.grant_unit_member('sd_unit_b', '11520500FL00000029'),
       bjxm.grant_party_member('sd_reviewer', 'SD-R1'), bjxm.grant_party_member('sd_reviewer2', 'SD-R2');

------------------------------------------------------------------------------
-- 1. Grant time: bjxm.grant_unit_member / grant_party_member (第三条, 第七条,
--    第九条, 第三十条), both orders.
------------------------------------------------------------------------------
SET ROLE sd_bigdata;
-- The 0.2.0 bypass: one role made a unit member and a review institution's.
-- Unit first; then the DBA grants it the reviewer duty (a GRANT no
-- function sees), and bigdata makes it the institution's: refused.
SELECT bjxm.grant_unit_member('sd_dual', '11520500FL00000016');
RESET ROLE;
GRANT bjxm_reviewer TO sd_dual;
SET ROLE sd_bigdata;
SELECT bjxm.grant_party_member('sd_dual', 'SD-R1');
\echo :SQLSTATE
-- Institution first, then the unit: refused.
SELECT bjxm.grant_party_member('sd_dual2', 'SD-R2');
RESET ROLE;
GRANT bjxm_user_unit TO sd_dual2;
SET ROLE sd_bigdata;
SELECT bjxm.grant_unit_member('sd_dual2', '11520500FL00000029');
\echo :SQLSTATE
-- An auditor made a unit member: refused (第三十条).
SELECT bjxm.grant_unit_member('sd_audit_unit', '11520500FL00000016');
\echo :SQLSTATE
-- A role that inherits a unit member's role (GRANT sd_unit TO sd_inherits)
-- is refused as a review institution's member, the membership named.
RESET ROLE;
GRANT sd_unit TO sd_inherits;
SET ROLE sd_bigdata;
SELECT bjxm.grant_party_member('sd_inherits', 'SD-R2');
\echo :SQLSTATE
-- The same through bjxm.check: the finding, nothing written.
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'grant_party_member', '{"member": "sd_inherits", "party": "SD-R2"}');
RESET ROLE;
REVOKE sd_unit FROM sd_inherits;
SELECT member, unit_id IS NOT NULL AS unit FROM bjxm.unit_members WHERE member LIKE 'sd\_%' ORDER BY member;
SELECT member, party_id IS NOT NULL AS party FROM bjxm.party_members WHERE member LIKE 'sd\_%' ORDER BY member;

------------------------------------------------------------------------------
-- 2. Action time.  A database upgraded from 0.2.0 may hold both rows (and a
--    duty role can be granted at any time: GRANT cannot be refused); the
--    role then acts in neither capacity.
------------------------------------------------------------------------------
INSERT INTO bjxm.party_members (member, party_id) SELECT 'sd_dual', party_id FROM bjxm.parties WHERE code = 'SD-R1';
\i sql/include/countersign.sql
CREATE FUNCTION pg_temp.walk(unit bjxm.uscc, target text, reviewer text DEFAULT 'SD-R1', designer text DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  p bigint;
  s text;
BEGIN
  p := bjxm.create_project(unit, '分离测试项目 ' || target || ' ' || (SELECT count(*) FROM bjxm.projects), 'business_system',
                           '{development}', 2045, 1000000);
  PERFORM bjxm.set_demand_plan(p, jsonb_build_object('goals', 'g', 'service_content', 's', 'functions', 'f',
    'data_resources', 'd', 'network', 'n', 'security', 's', 'cost_estimate', 'c', 'designed_by', designer,
    'crypto_plan', jsonb_build_object('assessed_by', 'expert', 'passed', true, 'ref', 'r')));
  FOREACH s IN ARRAY ARRAY['declared', 'shortlisted', 'reviewed', 'in_library', 'planned', 'approved', 'budgeted',
                           'service_plan_submitted', 'service_plan_approved', 'procured', 'contracted',
                           'implementing', 'accepted'] LOOP
    EXIT WHEN target = 'draft';
    CASE s
      WHEN 'declared' THEN PERFORM bjxm.declare(p);
      WHEN 'shortlisted' THEN PERFORM bjxm.preliminary_review(p, true); PERFORM bjxm.entrust_review(p, reviewer);
      WHEN 'reviewed' THEN PERFORM bjxm.record_review(p, true, 'r');
      WHEN 'in_library' THEN PERFORM bjxm.admit_to_library(p);
      WHEN 'planned' THEN PERFORM bjxm.propose_for_plan(p);
      WHEN 'approved' THEN
        PERFORM bjxm.approve_annual_plan(2045, '520500',
          ARRAY(SELECT x.project_id FROM bjxm.projects x JOIN bjxm.units u USING (unit_id)
                 WHERE x.state = 'planned' AND x.project_id <> p AND x.plan_year = 2045 AND u.region = '520500'));
        PERFORM bjxm.set_performance_targets(p, '{"t": 1}');
        PERFORM bjxm.add_line_item(p, 'software_development', '分离测试软件开发', 1000000);
      WHEN 'budgeted' THEN PERFORM bjxm.arrange_budget(p, 1000000);
      WHEN 'service_plan_submitted' THEN
        PERFORM bjxm.submit_service_plan(p, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
          "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
          "service_guarantee": "g", "training_plan": "t"}');
        PERFORM bjxm.entrust_review(p, reviewer);
      WHEN 'service_plan_approved' THEN PERFORM bjxm.approve_service_plan(p, true, 950000, 'r');
      WHEN 'procured' THEN PERFORM bjxm.record_procurement(p, 'SD-V1', 900000, 'open_tender');
      WHEN 'contracted' THEN
        PERFORM bjxm.sign_contract(p, 'HT-SD-' || p, jsonb_build_object('parties', jsonb_build_object('bigdata', '大数据局',
          'user_unit', unit::text, 'vendor', 'SD-V1'), 'emergency_response', true, 'annual_security_test', true,
          'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
        PERFORM pg_temp.countersign(p, 'sd_unit');
      WHEN 'implementing' THEN PERFORM bjxm.start_implementation(p);
      WHEN 'accepted' THEN
        SET ROLE sd_unit;
        PERFORM bjxm.sign_acceptance(p, true, 'ok');
        SET ROLE sd_bigdata;
        PERFORM bjxm.sign_acceptance(p, true, 'ok');
        RESET ROLE;
    END CASE;
    EXIT WHEN s = target;
  END LOOP;
  RETURN p;
END $$;
SELECT pg_temp.walk('11520500FL00000016', 'shortlisted') AS shortlisted \gset
-- The bypass replayed: the unit-and-institution role declares its unit's
-- project and records the "third-party" review of it.  Both refused.
SET ROLE sd_dual;
SELECT bjxm.create_project('11520500FL00000016', '自审项目', 'business_system', '{development}', 2045, 500000);
\echo :SQLSTATE
SELECT bjxm.record_review(:shortlisted, true, '自己评审自己');
\echo :SQLSTATE
SELECT state FROM bjxm.projects WHERE project_id = :shortlisted;
-- The honest pair: the unit's own member and the institution's member.
SET ROLE sd_unit;
SELECT bjxm.create_project('11520500FL00000016', '正常项目', 'business_system', '{development}', 2045, 500000) > 0 AS created;
SET ROLE sd_reviewer;
SELECT sqlstate FROM bjxm.check(:shortlisted, 'record_review', '{"passed": true}');
RESET ROLE;

-- An auditor role given bjxm_user_unit (GRANT after the membership) does
-- not act as a unit member (第三十条), with a message saying why.
SET ROLE sd_bigdata;
SELECT bjxm.grant_unit_member('sd_unit_audited', '11520500FL00000016');
RESET ROLE;
GRANT bjxm_auditor TO sd_unit_audited;
SET ROLE sd_unit_audited;
SELECT bjxm.create_project('11520500FL00000016', '审计机关的项目', 'business_system', '{development}', 2045, 500000);
\echo :SQLSTATE
-- Nor as the auditor (verify_events is the auditor's or bigdata's).
SELECT count(*) FROM bjxm.verify_events();
\echo :SQLSTATE
RESET ROLE;
REVOKE bjxm_auditor FROM sd_unit_audited;
SET ROLE sd_unit_audited;
SELECT bjxm.create_project('11520500FL00000016', '撤销审计职责后的项目', 'business_system', '{development}', 2045, 500000) > 0 AS created;
RESET ROLE;

-- Through inheritance: a reviewer role granted a unit member's role
-- (GRANT sd_unit TO sd_reviewer2) holds the unit through it, and is
-- refused as the reviewer; revoked, it reviews again.
SELECT pg_temp.walk('11520500FL00000016', 'shortlisted', 'SD-R2') AS shortlisted2 \gset
GRANT sd_unit TO sd_reviewer2;
SET ROLE sd_reviewer2;
SELECT bjxm.record_review(:shortlisted2, true, '经继承的单位成员');
\echo :SQLSTATE
-- ... and as the unit, though the membership row names sd_unit only.
SELECT bjxm.create_project('11520500FL00000016', '经继承的项目', 'business_system', '{development}', 2045, 500000);
\echo :SQLSTATE
RESET ROLE;
REVOKE sd_unit FROM sd_reviewer2;
SET ROLE sd_reviewer2;
SELECT bjxm.record_review(:shortlisted2, true, '独立评审') IS NULL AS reviewed;
RESET ROLE;
-- A NOINHERIT login holding both roles has neither's privileges as itself
-- (it acts only after SET ROLE, as one of them): not in conflict as itself.
SET client_min_messages = warning;
DO $$ BEGIN CREATE ROLE sd_pool NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT sd_unit, sd_reviewer TO sd_pool;
RESET client_min_messages;

------------------------------------------------------------------------------
-- 3. Every cell of the matrix, at action time: a role per pair of
--    capacities, each given by a direct GRANT of the duty roles (the path
--    no grant function sees); each capacity tried through bjxm.check (or
--    verify_events for the auditor).  A conflict is refused in both
--    capacities with 42501 naming the matrix's article; a compatible pair
--    acts in both.
------------------------------------------------------------------------------
CREATE TABLE sd_cells (a text, b text, role name, tried text, outcome text, expected text, ok boolean);
SELECT pg_temp.walk('11520500FL00000016', 'approved') AS approved \gset
SELECT pg_temp.walk('11520500FL00000016', 'shortlisted') AS shortlisted3 \gset
CREATE FUNCTION pg_temp.try(role name, capacity text, approved bigint, shortlisted bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  f record;
  st text;
  msg text;
BEGIN
  EXECUTE format('SET ROLE %I', role);
  BEGIN
    IF capacity = 'auditor' THEN
      PERFORM count(*) FROM bjxm.verify_events();
      RESET ROLE;
      RETURN 'acts';
    END IF;
    SELECT * INTO f FROM bjxm.check(CASE capacity WHEN 'finance' THEN approved WHEN 'reviewer' THEN shortlisted END,
                                    CASE capacity WHEN 'user_unit' THEN 'create_project' WHEN 'bigdata' THEN 'register_party'
                                                  WHEN 'finance' THEN 'arrange_budget' WHEN 'city_gov' THEN 'approve_catalogue'
                                                  WHEN 'reviewer' THEN 'record_review' END,
                                    CASE capacity
                                      WHEN 'user_unit' THEN '{"unit": "11520500FL00000016", "name": "x", "category": "business_system", "services": ["development"], "plan_year": 2045, "estimate": 1}'
                                      WHEN 'bigdata' THEN '{"code": "SD-X", "name": "x", "kind": "vendor"}'
                                      WHEN 'finance' THEN '{"amount": 1000000}'
                                      WHEN 'city_gov' THEN '{"unit": "11520500FL00000016"}'
                                      WHEN 'reviewer' THEN '{"passed": true}' END::jsonb) c
     WHERE c.sqlstate = '42501' LIMIT 1;
    RESET ROLE;
    IF NOT FOUND THEN
      RETURN 'acts';
    END IF;
    st := f.sqlstate;
    msg := f.message;
  EXCEPTION WHEN OTHERS THEN
    RESET ROLE;
    st := SQLSTATE;
    msg := SQLERRM;
  END;
  RETURN CASE WHEN msg LIKE '%职责不相容%' THEN 'refused ' || st || ' ' || split_part(msg, ':', 1)
              ELSE 'refused otherwise ' || st || ': ' || msg END;
END $$;
SELECT set_config('sd.approved', :'approved', false) IS NOT NULL AS set,
       set_config('sd.shortlisted', :'shortlisted3', false) IS NOT NULL AS set;
SET client_min_messages = warning;
-- The roles: one per unordered pair, both duty roles GRANTed directly; a
-- user_unit role also a member of unit A, a reviewer one of SD-R1 (rows
-- as a 0.2.0 database may hold them: grant-time refusal is cell-tested
-- below).
DO $$
DECLARE
  m record;
  r text;
BEGIN
  FOR m IN SELECT * FROM bjxm.duty_matrix() WHERE capacity < other ORDER BY 1, 2 LOOP
    r := 'sd_cell_' || m.capacity || '_' || m.other;
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
    EXECUTE format('GRANT %I, %I TO %I', 'bjxm_' || m.capacity, 'bjxm_' || m.other, r);
    IF 'user_unit' IN (m.capacity, m.other) THEN
      INSERT INTO bjxm.unit_members (member, unit_id) SELECT r, unit_id FROM bjxm.units WHERE code = '11520500FL00000016';
    END IF;
    IF 'reviewer' IN (m.capacity, m.other) THEN
      INSERT INTO bjxm.party_members (member, party_id) SELECT r, party_id FROM bjxm.parties WHERE code = 'SD-R1';
    END IF;
    -- the city scope, so a cell is refused for its conflict, not for having
    -- no jurisdiction (第三十五条 fails closed)
    IF m.capacity IN ('bigdata', 'finance', 'city_gov', 'auditor') OR m.other IN ('bigdata', 'finance', 'city_gov', 'auditor') THEN
      INSERT INTO bjxm.jurisdictions (member, role_oid, region) VALUES (r, r::regrole::oid, '520500')
        ON CONFLICT DO NOTHING;
      EXECUTE format('GRANT SELECT ON bjxm.jurisdictions TO %I', r);
    END IF;
  END LOOP;
END $$;
DO $$
DECLARE
  m record;
  r text;
  cap text;
  outcome text;
  expected text;
BEGIN
  FOR m IN SELECT * FROM bjxm.duty_matrix() WHERE capacity < other ORDER BY 1, 2 LOOP
    r := 'sd_cell_' || m.capacity || '_' || m.other;
    FOREACH cap IN ARRAY ARRAY[m.capacity, m.other] LOOP
      outcome := pg_temp.try(r, cap, current_setting('sd.approved')::bigint, current_setting('sd.shortlisted')::bigint);
      expected := CASE WHEN m.compatible THEN 'acts' ELSE 'refused 42501 ' || m.clause::text END;
      INSERT INTO sd_cells VALUES (m.capacity, m.other, r, cap, outcome, expected, outcome = expected);
    END LOOP;
  END LOOP;
  -- The diagonal: a role of one capacity acts in it.
  FOR r, cap IN SELECT * FROM (VALUES ('sd_unit', 'user_unit'), ('sd_bigdata', 'bigdata'), ('sd_finance', 'finance'),
                                      ('sd_gov', 'city_gov'), ('sd_reviewer', 'reviewer'), ('sd_auditor', 'auditor')) v LOOP
    outcome := pg_temp.try(r, cap, current_setting('sd.approved')::bigint, current_setting('sd.shortlisted')::bigint);
    INSERT INTO sd_cells VALUES (cap, cap, r, cap, outcome, 'acts', outcome = 'acts');
  END LOOP;
END $$;
RESET client_min_messages;
SELECT a, b, tried, outcome, ok FROM sd_cells ORDER BY a, b, tried;
SELECT count(*) AS cells, count(*) FILTER (WHERE ok) AS hold FROM sd_cells;

-- Grant time, every cell a membership can make: a role holding one duty
-- (GRANTed) is offered a unit's, or a review institution's, membership.
CREATE TABLE sd_grant_cells (adding text, held text, outcome text, expected text, ok boolean);
SET client_min_messages = warning;
DO $$
DECLARE
  m record;
  r text;
  st text;
  msg text;
BEGIN
  FOR m IN SELECT * FROM bjxm.duty_matrix() WHERE capacity IN ('user_unit', 'reviewer') ORDER BY 1, 2 LOOP
    r := 'sd_g_' || m.capacity || '_' || m.other;
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
    EXECUTE format('GRANT %I, %I TO %I', 'bjxm_' || m.capacity, 'bjxm_' || m.other, r);
    st := 'ok';
    msg := NULL;
    BEGIN
      SET ROLE sd_bigdata;
      IF m.capacity = 'user_unit' THEN
        PERFORM bjxm.grant_unit_member(r::regrole, '11520500FL00000029');
      ELSE
        PERFORM bjxm.grant_party_member(r::regrole, 'SD-R2');
      END IF;
      RESET ROLE;
    EXCEPTION WHEN OTHERS THEN
      RESET ROLE;
      st := SQLSTATE;
      msg := SQLERRM;
    END;
    INSERT INTO sd_grant_cells VALUES (m.capacity, m.other, st || coalesce(' ' || split_part(msg, ':', 1), ''),
      CASE WHEN m.compatible THEN 'ok' ELSE '42501 ' || m.clause::text END,
      st || coalesce(' ' || split_part(msg, ':', 1), '') = CASE WHEN m.compatible THEN 'ok' ELSE '42501 ' || m.clause::text END);
  END LOOP;
END $$;
RESET client_min_messages;
SELECT adding, held, outcome, ok FROM sd_grant_cells ORDER BY 1, 2;

-- bjxm.duty_conflicts(): the roles a DBA must fix, each incompatible pair
-- once; the NOINHERIT pool is not among them, the honest roles neither.
SET ROLE sd_bigdata;
SELECT role, capacity, held, other, other_held, clause FROM bjxm.duty_conflicts()
 WHERE role::text LIKE 'sd\_%' AND role::text NOT LIKE 'sd\_cell\_%' AND role::text NOT LIKE 'sd\_g\_%' ORDER BY 1, 2, 4;
SELECT count(*) AS cell_roles_listed,
       (SELECT count(*) FROM bjxm.duty_matrix() WHERE capacity < other AND NOT compatible) AS incompatible_pairs
  FROM bjxm.duty_conflicts() WHERE role::text LIKE 'sd\_cell\_%';
SET ROLE sd_auditor;
SELECT count(*) > 0 AS auditor_sees FROM bjxm.duty_conflicts();
SET ROLE sd_unit;
SELECT count(*) FROM bjxm.duty_conflicts();
\echo :SQLSTATE
RESET ROLE;

------------------------------------------------------------------------------
-- 4. Third parties are independent (第七条, 第十四条, 第三十三条; BJ007):
--    a review, design or evaluation party that is the project's unit,
--    vendor or another of its third parties under another code.
------------------------------------------------------------------------------
SELECT bjxm.register_party('SD-E-V', '服务单位的评估分公司 (the vendor''s USCC)', 'evaluator', '91520500FL00000034') > 0 AS e_v,
       bjxm.register_party('SD-E-R', '评审中心的评估部 (reviewer SD-R1''s USCC)', 'evaluator', '91520500FL0000001X') > 0 AS e_r,
       bjxm.register_party('SD-E-U', '单位自己的评估 (unit A''s USCC)', 'evaluator', '11520500FL00000016') > 0 AS e_u,
       bjxm.register_party('SD-E-D', '咨询设计单位的评估部 (designer SD-D1''s USCC)', 'evaluator', '91520500FL0000005A') > 0 AS e_d,
       bjxm.register_party('SD-E-0', '未登记信用代码的评估机构', 'evaluator') > 0 AS e_0,
       bjxm.register_party('SD-R-D', '咨询设计单位的评审部 (designer SD-D1''s USCC)', 'reviewer', '91520500FL0000005A') > 0 AS r_d,
       bjxm.register_party('SD-R-U', '单位下属评审中心 (unit A''s USCC)', 'reviewer', '11520500FL00000016') > 0 AS r_u,
       bjxm.register_party('SD-D-R', '评审中心的设计部 (reviewer SD-R1''s USCC)', 'designer', '91520500FL0000001X') > 0 AS d_r,
       bjxm.register_party('SD-R-V', '服务单位的评审部 (the vendor''s USCC)', 'reviewer', '91520500FL00000034') > 0 AS r_v;

-- The 0.2.0 bypass: an evaluation party with the vendor's USCC scores the
-- vendor 100 (第三十三条).  Refused, and the scorecard does not show it.
SELECT pg_temp.walk('11520500FL00000016', 'accepted', 'SD-R1', 'SD-D1') AS accepted \gset
SET ROLE sd_bigdata;
SELECT bjxm.record_evaluation(:accepted, 'SD-E-V', 100, 100, 100, 'ZHPG-SELF');
\echo :SQLSTATE
SELECT sqlstate, clause, message, detail FROM bjxm.check(:accepted, 'record_evaluation',
  '{"party": "SD-E-V", "unit_score": 100, "vendor_score": 100, "reviewer_score": 100}');
-- With the reviewer's, the unit's, the designer's USCC, or none: refused.
SELECT c.party, f.sqlstate, f.clause, f.message
  FROM unnest(ARRAY['SD-E-R', 'SD-E-U', 'SD-E-D', 'SD-E-0']) c(party)
  CROSS JOIN LATERAL bjxm.check(:accepted, 'record_evaluation',
    jsonb_build_object('party', c.party, 'unit_score', 80, 'vendor_score', 80, 'reviewer_score', 80)) f
 ORDER BY 1;
SELECT count(*) AS evaluations FROM bjxm.evaluations WHERE project_id = :accepted;
SELECT count(*) AS self_scored FROM bjxm.vendor_scorecard WHERE party = 'SD-V1';
-- The independent evaluator: recorded, and the scorecard shows it.
SELECT bjxm.record_evaluation(:accepted, 'SD-E1', 85, 82, 88, 'ZHPG-SD-1') IS NULL AS evaluated;
SELECT party, role, evaluations FROM bjxm.vendor_scorecard WHERE party IN ('SD-V1', 'SD-R1') ORDER BY 1;
RESET ROLE;

-- Review: entrusting a reviewer that designed the plan (the designer's
-- USCC), or that is the unit itself: refused at entrust_review.
SELECT pg_temp.walk('11520500FL00000016', 'declared', 'SD-R1', 'SD-D1') AS designed \gset
SET ROLE sd_bigdata;
SELECT bjxm.preliminary_review(:designed, true) IS NULL AS shortlisted;
SELECT bjxm.entrust_review(:designed, 'SD-R-D');
\echo :SQLSTATE
SELECT bjxm.entrust_review(:designed, 'SD-R-U');
\echo :SQLSTATE
SELECT bjxm.entrust_review(:designed, 'SD-R1') IS NULL AS entrusted_independent;
RESET ROLE;
-- The other order: a designer named after the review, with the
-- reviewer's USCC (the service plan designed by the reviewing company).
SELECT pg_temp.walk('11520500FL00000016', 'budgeted') AS budgeted \gset
SET ROLE sd_unit;
SELECT bjxm.submit_service_plan(:budgeted, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
  "service_guarantee": "g", "training_plan": "t", "designed_by": "SD-D-R"}');
\echo :SQLSTATE
SELECT bjxm.submit_service_plan(:budgeted, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
  "service_guarantee": "g", "training_plan": "t", "designed_by": "SD-D1"}') IS NULL AS submitted;
RESET ROLE;
-- The demand plan returned by its reviewer and rewritten naming, as its
-- designer, a company with the reviewer's USCC: refused at set_demand_plan.
SELECT pg_temp.walk('11520500FL00000016', 'shortlisted', 'SD-R1') AS returned \gset
SET ROLE sd_reviewer;
SELECT bjxm.record_review(:returned, false, '退回修改') IS NULL AS returned;
SET ROLE sd_unit;
SELECT bjxm.set_demand_plan(:returned, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "c", "designed_by": "SD-D-R",
  "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
\echo :SQLSTATE
RESET ROLE;
-- The vendor procured after a reviewer with its USCC: 第十五条 (BJ015).
SELECT pg_temp.walk('11520500FL00000016', 'service_plan_approved', 'SD-R-V') AS spa \gset
SET ROLE sd_unit;
SELECT bjxm.record_procurement(:spa, 'SD-V1', 900000, 'open_tender');
\echo :SQLSTATE
RESET ROLE;
SELECT state FROM bjxm.projects WHERE project_id = :spa;

-- Nothing refused was written: no evaluation by SD-E-V in the event log,
-- no membership of sd_dual2 or sd_inherits at a review institution.
SELECT count(*) AS forbidden_events FROM bjxm.events
 WHERE (action = 'record_evaluation' AND note = 'ZHPG-SELF')
    OR (action = 'grant_party_member' AND details->>'member' IN ('sd_dual', 'sd_inherits'))
    OR (action = 'grant_unit_member' AND details->>'member' IN ('sd_dual2', 'sd_audit_unit'));
