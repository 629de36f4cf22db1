-- Duty roles, registries, membership, jurisdictions (第三条, 第三十五条; docs/reference.md §0).
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
-- The six duty roles exist as NOLOGIN group roles.
SELECT rolname, rolcanlogin, rolsuper, rolbypassrls, rolinherit
  FROM pg_roles WHERE rolname LIKE 'bjxm\_%' ORDER BY rolname;
-- An existing role that can log in is refused, not adopted (here in a scratch database).
ALTER ROLE bjxm_auditor LOGIN;
CREATE DATABASE bjxm_roles_scratch;
\c bjxm_roles_scratch
CREATE EXTENSION bjxm;
\echo :SQLSTATE
\c bjxm_regress
ALTER ROLE bjxm_auditor NOLOGIN;
ALTER ROLE bjxm_finance BYPASSRLS;
\c bjxm_roles_scratch
CREATE EXTENSION bjxm;
\echo :SQLSTATE
\c bjxm_regress
ALTER ROLE bjxm_finance NOBYPASSRLS;
\c bjxm_roles_scratch
CREATE EXTENSION bjxm;
SELECT count(*) > 50 AS installed FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid WHERE e.extname = 'bjxm' AND d.deptype = 'e';
\c bjxm_regress
DROP DATABASE bjxm_roles_scratch;
SET search_path = public, bjxm;
\set SHOW_CONTEXT never

-- Test roles.  An application logs in as dx_app and SET ROLEs per request.
SET bjxm_test.roles = 'dx_app,dx_bigdata,dx_bigdata_dafang,dx_finance,dx_city_gov,dx_auditor,dx_unit_a,dx_unit_b,dx_reviewer,dx_outsider,dx_newcomer';
\i sql/include/roles.sql
ALTER ROLE dx_app LOGIN;
GRANT bjxm_bigdata TO dx_bigdata, dx_bigdata_dafang;
GRANT bjxm_finance TO dx_finance;
GRANT bjxm_city_gov TO dx_city_gov;
GRANT bjxm_auditor TO dx_auditor;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('dx_bigdata', '520500'), bjxm.set_jurisdiction('dx_finance', '520500'),
       bjxm.set_jurisdiction('dx_city_gov', '520500'), bjxm.set_jurisdiction('dx_auditor', '520500');
GRANT bjxm_user_unit TO dx_unit_a, dx_unit_b;
GRANT bjxm_reviewer TO dx_reviewer;
GRANT dx_bigdata, dx_bigdata_dafang, dx_finance, dx_city_gov, dx_auditor, dx_unit_a, dx_unit_b,
      dx_reviewer, dx_outsider, dx_newcomer TO dx_app;

-- From here on the session is the application's pooled login.
SET SESSION AUTHORIZATION dx_app;
SET search_path = public, bjxm;

-- Registration is the bigdata department's (第三条): refused for others, with 42501.
SET ROLE dx_unit_a;
SELECT bjxm.register_unit('11520500MB1545443Y', '毕节市大数据局', 'admin_dept');
\echo :SQLSTATE
SET ROLE dx_outsider;
SELECT bjxm.register_unit('11520500MB1545443Y', '毕节市大数据局', 'admin_dept');
\echo :SQLSTATE
SET ROLE dx_bigdata;
SELECT bjxm.acting_role();
SELECT bjxm.register_unit('11520500MB1545443Y', '毕节市大数据局', 'admin_dept') > 0 AS registered;
SELECT bjxm.register_unit('12520500MB1A234565', '毕节市第一人民医院', 'institution') > 0 AS registered;
SELECT bjxm.register_unit('52520521MJ5678901X', '大方县教育局', 'admin_dept', '520521') > 0 AS registered;
-- Bad registrations change nothing.
SELECT bjxm.register_unit('11520500MB1545443Y', '重复', 'admin_dept');
\echo :SQLSTATE
SELECT bjxm.register_unit('91520502MA6H123453', '未知区划', 'soe', '520599');
\echo :SQLSTATE
SELECT bjxm.register_unit('91520502MA6H123453', '  ', 'soe');
\echo :SQLSTATE
SELECT bjxm.register_party('DX-R1', '贵州某评审中心', 'reviewer', '91520500MA6DJ1234E') > 0 AS registered;
SELECT bjxm.register_party('DX-X', '某机构', 'auditor');
\echo :SQLSTATE

-- Membership; separation of duties (第三条).
SELECT bjxm.grant_unit_member('dx_unit_a', '11520500MB1545443Y');
SELECT bjxm.grant_unit_member('dx_unit_b', '12520500MB1A234565');
SELECT bjxm.grant_unit_member('dx_finance', '12520500MB1A234565');
\echo :SQLSTATE
SELECT bjxm.grant_unit_member('dx_newcomer', '12520500MB1A234565');
\echo :SQLSTATE
SELECT bjxm.grant_unit_member('dx_unit_a', '91520502MA6H123453');
\echo :SQLSTATE
SELECT bjxm.grant_party_member('dx_reviewer', 'DX-R1');
SELECT bjxm.grant_party_member('dx_unit_a', 'DX-R1');
\echo :SQLSTATE

-- Jurisdiction (第三十五条): set by the city's bigdata; a county acts only on its own units.
SELECT bjxm.set_jurisdiction('dx_bigdata_dafang', '520521');
SELECT bjxm.set_jurisdiction('dx_unit_a', '520521');
\echo :SQLSTATE
SET ROLE dx_bigdata_dafang;
SELECT bjxm.set_jurisdiction('dx_bigdata_dafang', '520500');
\echo :SQLSTATE
SELECT bjxm.register_unit('91520502MA6H123453', '市某国企', 'soe');
\echo :SQLSTATE
SELECT bjxm.register_unit('91520502MA6H123453', '大方县某国企', 'soe', '520521') > 0 AS registered;
SELECT bjxm.grant_unit_member('dx_unit_a', '12520500MB1A234565');
\echo :SQLSTATE

-- Visibility follows membership and jurisdiction, through RLS.
SELECT code, name, region FROM bjxm.units WHERE code::text LIKE '%' ORDER BY code;
SET ROLE dx_unit_a;
SELECT code, name FROM bjxm.units ORDER BY code;
SELECT member, unit_id IS NOT NULL AS has_unit FROM bjxm.unit_members ORDER BY member;
SET ROLE dx_unit_b;
SELECT code, name FROM bjxm.units ORDER BY code;
SET ROLE dx_auditor;
SELECT count(*) >= 4 AS sees_all FROM bjxm.units;
SET ROLE dx_outsider;
SELECT count(*) FROM bjxm.units;
\echo :SQLSTATE
-- Nobody writes a table directly, whatever the duty.
SET ROLE dx_bigdata;
INSERT INTO bjxm.units (code, name, kind, region) VALUES ('91520000214401234B', 'x', 'soe', '520500');
\echo :SQLSTATE
UPDATE bjxm.units SET name = 'x';
\echo :SQLSTATE
DELETE FROM bjxm.unit_members;
\echo :SQLSTATE
TRUNCATE bjxm.jurisdictions;
\echo :SQLSTATE

-- Revoking membership ends visibility.
SELECT bjxm.revoke_unit_member('dx_unit_b', '12520500MB1A234565');
SET ROLE dx_unit_b;
SELECT count(*) AS units_after_revoke FROM bjxm.units;
RESET ROLE;

-- Every action is in the log with its actor; the pooled login never appears.
RESET SESSION AUTHORIZATION;
SELECT action, actor, actor_is_superuser, clause, note
  FROM bjxm.events WHERE actor LIKE 'dx\_%' ORDER BY event_id;
-- Role names that need quoting (spaces, capitals, Chinese) are keyed by the name itself.
DO $$ BEGIN CREATE ROLE "Dx 单位成员" NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT bjxm_user_unit TO "Dx 单位成员";
SET ROLE dx_bigdata;
SELECT bjxm.grant_unit_member('"Dx 单位成员"', '12520500MB1A234565');
RESET ROLE;
SELECT member FROM bjxm.unit_members WHERE member LIKE 'Dx%';
SET ROLE "Dx 单位成员";
SELECT code, name FROM bjxm.units ORDER BY code;
RESET ROLE;
-- A superuser passes duty checks and is flagged in the log.
SELECT bjxm.register_party('DX-V1', '毕节某信息技术有限公司', 'vendor', '91520000214401234B') > 0 AS registered;
SELECT action, actor, actor_is_superuser FROM bjxm.events ORDER BY event_id DESC LIMIT 1;
