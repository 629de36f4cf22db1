-- A hostile search_path cannot hijack bjxm (after contrib/seg's security
-- test): schema "evil", first on the path, shadows functions and operators
-- bjxm's code uses.  Each shadow raises a WARNING (seen even when the call
-- fails and rolls back) and writes a marker row, then does the real work,
-- so a leak shows in the output and in evil.marker.  Then catalog checks:
-- definer functions pin a safe search_path, owners are superusers.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;

SET client_min_messages = warning;
SET bjxm_test.roles = 'mx_sec_bigdata,mx_sec_unit,mx_sec_finance,mx_sec_reviewer';
\i sql/include/roles.sql
GRANT bjxm_bigdata TO mx_sec_bigdata;
GRANT bjxm_user_unit TO mx_sec_unit;
GRANT bjxm_finance TO mx_sec_finance;
GRANT bjxm_reviewer TO mx_sec_reviewer;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('mx_sec_bigdata', '520500'), bjxm.set_jurisdiction('mx_sec_finance', '520500');
RESET client_min_messages;

------------------------------------------------------------------------------
-- The hostile schema
------------------------------------------------------------------------------
CREATE SCHEMA evil;
GRANT USAGE ON SCHEMA evil TO PUBLIC;
CREATE TABLE evil.marker (what text NOT NULL, who name NOT NULL DEFAULT current_user);
GRANT SELECT, INSERT ON evil.marker TO PUBLIC;

CREATE FUNCTION evil.mark(what text) RETURNS void
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog AS $$
BEGIN
    RAISE WARNING 'evil: % called', what;
    INSERT INTO evil.marker (what) VALUES (what);
END $$;

-- Functions bjxm uses, shadowed (same argument types, or better matches
-- than pg_catalog's VARIADIC "any").
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('btrim(text)'); RETURN pg_catalog.btrim($1); END $$;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('lower(text)'); RETURN pg_catalog.lower($1); END $$;
CREATE FUNCTION evil.format(text) RETURNS text LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('format(text)'); RETURN pg_catalog.format($1); END $$;
CREATE FUNCTION evil.format(text, VARIADIC text[]) RETURNS text LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('format(text, text[])'); RETURN pg_catalog.format($1, VARIADIC $2); END $$;
CREATE FUNCTION evil.jsonb_build_object(VARIADIC text[]) RETURNS jsonb LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('jsonb_build_object(text[])'); RETURN pg_catalog.jsonb_object($1); END $$;
CREATE FUNCTION evil.clock_timestamp() RETURNS timestamptz LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('clock_timestamp()'); RETURN pg_catalog.clock_timestamp(); END $$;
CREATE FUNCTION evil.now() RETURNS timestamptz LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('now()'); RETURN pg_catalog.now(); END $$;
CREATE FUNCTION evil.current_setting(text) RETURNS text LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('current_setting(text)'); RETURN pg_catalog.current_setting($1); END $$;
CREATE FUNCTION evil.format_type(oid, integer) RETURNS text LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('format_type(oid, integer)'); RETURN pg_catalog.format_type($1, $2); END $$;
CREATE FUNCTION evil.trunc(numeric) RETURNS numeric LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('trunc(numeric)'); RETURN pg_catalog.trunc($1); END $$;
CREATE FUNCTION evil.pg_trigger_depth() RETURNS integer LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('pg_trigger_depth()'); RETURN pg_catalog.pg_trigger_depth(); END $$;

-- Operators bjxm uses, shadowed.
CREATE FUNCTION evil.text_eq(text, text) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('= (text, text)'); RETURN pg_catalog.texteq($1, $2); END $$;
CREATE FUNCTION evil.text_ne(text, text) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('<> (text, text)'); RETURN pg_catalog.textne($1, $2); END $$;
CREATE FUNCTION evil.text_nregex(text, text) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('!~ (text, text)'); RETURN pg_catalog.textregexne($1, $2); END $$;
CREATE FUNCTION evil.int8_eq(bigint, bigint) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('= (bigint, bigint)'); RETURN pg_catalog.int8eq($1, $2); END $$;
CREATE FUNCTION evil.int4_eq(integer, integer) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('= (integer, integer)'); RETURN pg_catalog.int4eq($1, $2); END $$;
CREATE FUNCTION evil.name_eq(name, name) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('= (name, name)'); RETURN pg_catalog.nameeq($1, $2); END $$;
CREATE FUNCTION evil.uscc_eq(bjxm.uscc, bjxm.uscc) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
    AS $$ BEGIN PERFORM evil.mark('= (uscc, uscc)'); RETURN bjxm.uscc_eq($1, $2); END $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq);
CREATE OPERATOR evil.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_ne);
CREATE OPERATOR evil.!~ (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_nregex);
CREATE OPERATOR evil.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil.int8_eq);
CREATE OPERATOR evil.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int4_eq);
CREATE OPERATOR evil.= (LEFTARG = name, RIGHTARG = name, FUNCTION = evil.name_eq);
CREATE OPERATOR evil.= (LEFTARG = bjxm.uscc, RIGHTARG = bjxm.uscc, FUNCTION = evil.uscc_eq);

-- The trap works: unqualified names in a query on this path hit evil.
SET search_path = evil, public, bjxm, pg_catalog;
SELECT btrim('  x  '::text) AS btrim, lower('X'::text) AS lower, 'a'::text = 'a'::text AS text_eq,
       1::bigint = 1::bigint AS int8_eq, 'a'::name = 'a'::name AS name_eq,
       '11520500MX00000059'::bjxm.uscc = '11520500MX00000059'::bjxm.uscc AS uscc_eq;
SELECT format('%s-%s', 'a'::text, 'b'::text) AS format, jsonb_build_object('k'::text, 'v'::text) AS jsonb,
       clock_timestamp() IS NOT NULL AS clock, 'a'::text <> 'b'::text AS text_ne;
SELECT count(*) AS markers FROM evil.marker;
TRUNCATE evil.marker;

------------------------------------------------------------------------------
-- bjxm under the hostile path: nothing of evil runs (no WARNING below)
------------------------------------------------------------------------------

-- bigdata: registries, membership, jurisdiction.
SET ROLE mx_sec_bigdata;
SELECT bjxm.register_unit('11520500MX00000059', '  安全测试单位 (security test unit)  ', 'institution') IS NOT NULL AS unit_registered;
SELECT bjxm.register_unit('11520500MX00000059', '重复 (duplicate)', 'institution');
\echo :SQLSTATE
SELECT bjxm.register_party('  MX-SEC-R  ', '安全测试评审机构 (security test reviewer)', 'reviewer',
                           '12520500MX00000043') IS NOT NULL AS party_registered;
SELECT bjxm.grant_unit_member('mx_sec_unit', '11520500MX00000059');
SELECT bjxm.revoke_unit_member('mx_sec_unit', '11520500MX00000059');
SELECT bjxm.grant_unit_member('mx_sec_unit', '11520500MX00000059');
SELECT bjxm.grant_unit_member('mx_sec_finance', '11520500MX00000059');   -- separation of duties
\echo :SQLSTATE
SELECT bjxm.grant_party_member('mx_sec_reviewer', 'MX-SEC-R');
SELECT bjxm.set_jurisdiction('mx_sec_finance', '520502');
SELECT bjxm.set_jurisdiction('mx_sec_finance', '520599');               -- unknown region
\echo :SQLSTATE
RESET ROLE;

-- A setting change (rolled back: settings are shared by every test).
BEGIN;
SELECT revision AS rev0 FROM bjxm.settings WHERE key OPERATOR(pg_catalog.=) 'notify' \gset
SET ROLE mx_sec_bigdata;
SELECT bjxm.set_setting('notify', 'FALSE');
SELECT bjxm.set_setting('rectification_days', '2.5');                   -- not an integer
\echo :SQLSTATE
ROLLBACK;
BEGIN;
SET ROLE mx_sec_bigdata;
SELECT bjxm.set_setting('notify', 'FALSE');
RESET ROLE;
SELECT value, revision OPERATOR(pg_catalog.-) :rev0 AS revision_delta
  FROM bjxm.settings WHERE key OPERATOR(pg_catalog.=) 'notify';
SELECT count(*) AS markers_before_rollback FROM evil.marker;
ROLLBACK;

-- The user unit: reads through RLS, refusals, read-only functions.
SET ROLE mx_sec_unit;
SELECT code, name, kind, region FROM bjxm.units;
SELECT action, note, actor FROM bjxm.events_since(0) ORDER BY event_id;
SELECT member FROM bjxm.unit_members;
SELECT bjxm.register_unit('11520500MX0000006C', '越权 (not allowed)', 'soe');
\echo :SQLSTATE
SELECT bjxm.grant_unit_member('mx_sec_unit', '11520500MX00000059');
\echo :SQLSTATE
SELECT bjxm.set_setting('notify', 'false');
\echo :SQLSTATE
SELECT * FROM bjxm.history(-1);
\echo :SQLSTATE
SELECT bjxm.state_at(-1, '2025-01-01 00:00+08');
\echo :SQLSTATE
SELECT bjxm.acting_role(), bjxm.label('soe'::bjxm.unit_kind) AS label,
       bjxm.region_of('11520500MX00000059') AS region,
       bjxm.clause_text('第十一条第(一)项') IS NOT NULL AS clause_text,
       bjxm.today() IS NOT NULL AS today;
SELECT count(*) > 0 AS has_sqlstates FROM bjxm.sqlstates();
RESET ROLE;

-- The marker table is empty: no evil object ran.
SET search_path = public, bjxm;
SELECT count(*) AS markers FROM evil.marker;
SELECT what, who FROM evil.marker ORDER BY what;

-- And everything was done right.
SELECT u.name, u.kind, u.region, m.member
  FROM bjxm.units u LEFT JOIN bjxm.unit_members m ON m.unit_id = u.unit_id
 WHERE u.code = '11520500MX00000059';
SELECT p.code, p.kind, p.uscc, pm.member
  FROM bjxm.parties p LEFT JOIN bjxm.party_members pm ON pm.party_id = p.party_id
 WHERE p.code = 'MX-SEC-R';
SELECT member, region FROM bjxm.jurisdictions WHERE member = 'mx_sec_finance';
-- (role_oid, recorded for set_jurisdiction, is shown as whether it is the member's OID)
SELECT e.action, e.actor, e.note, e.details - 'role_oid' AS details,
       (e.details ->> 'role_oid')::oid = (e.details ->> 'member')::regrole AS role_oid_is_members
  FROM bjxm.events e
 WHERE e.actor = 'mx_sec_bigdata'
 ORDER BY e.event_id;

SET client_min_messages = warning;
DROP SCHEMA evil CASCADE;
RESET client_min_messages;

------------------------------------------------------------------------------
-- Catalog checks
------------------------------------------------------------------------------

-- Every SECURITY DEFINER function of bjxm pins search_path: pg_catalog (or
-- bjxm) first, pg_temp named explicitly last, never public.
SELECT p.oid::regprocedure AS function, coalesce(c.setting, '(none)') AS search_path
  FROM pg_proc p
  LEFT JOIN LATERAL (SELECT substr(x, length('search_path=') + 1) AS setting
                       FROM unnest(p.proconfig) x WHERE x LIKE 'search\_path=%') c ON true
 WHERE p.pronamespace = 'bjxm'::regnamespace AND p.prosecdef
   AND (c.setting IS NULL
        OR c.setting !~ '^"?(pg_catalog|bjxm)"?(,|$)'
        OR c.setting ~ '(^|[ ,"])public([ ,"]|$)'
        OR c.setting !~ '(^|[ ,])"?pg_temp"?$')
 ORDER BY 1;

-- SQL and PL/pgSQL functions whose body is parsed at call time (not BEGIN
-- ATOMIC) pin search_path too, definer or not.
SELECT p.oid::regprocedure AS function
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'bjxm'::regnamespace
   AND (l.lanname = 'plpgsql' OR (l.lanname = 'sql' AND p.prosqlbody IS NULL))
   AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) x WHERE x LIKE 'search\_path=%')
 ORDER BY 1;

-- No function of bjxm is owned by a non-superuser.
SELECT p.oid::regprocedure AS function, pg_get_userbyid(p.proowner) AS owner
  FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
 WHERE p.pronamespace = 'bjxm'::regnamespace AND NOT r.rolsuper
 ORDER BY 1;

-- The checks above are not vacuous.
SELECT count(*) FILTER (WHERE prosecdef) > 0 AS has_definer_functions, count(*) > 0 AS has_functions
  FROM pg_proc WHERE pronamespace = 'bjxm'::regnamespace;

-- The id arrays behind the RLS policies (C, src/duties.c) equal the rule
-- written in SQL below (the SQL forms bjxm had until 0.2.0) for every role
-- the tests so far gave a duty, a unit, an institution or a jurisdiction,
-- and for the superuser.  Definer functions: the tables have RLS of their own.
CREATE FUNCTION pg_temp.sx_has(duty text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(bjxm.acting_role(), 'bjxm_' || duty, 'USAGE') $$;
-- 第三十五条 (0.3.0): the actor's row by role OID, while the role holds the
-- grant made with it; no row, no jurisdiction (no city-wide default).
CREATE FUNCTION pg_temp.sx_jurisdiction() RETURNS TABLE (region text) LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT j.region FROM bjxm.jurisdictions j
     WHERE j.role_oid = (SELECT oid FROM pg_roles WHERE rolname = bjxm.acting_role())
       AND EXISTS (SELECT 1 FROM pg_class c, aclexplode(c.relacl) a
                    WHERE c.oid = 'bjxm.jurisdictions'::regclass AND a.grantee = j.role_oid AND a.privilege_type = 'SELECT') $$;
CREATE FUNCTION pg_temp.sx_sees_all_units() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = bjxm.acting_role())
        OR ((pg_temp.sx_has('bigdata') OR pg_temp.sx_has('finance') OR pg_temp.sx_has('city_gov') OR pg_temp.sx_has('auditor'))
            AND COALESCE((SELECT j.region FROM pg_temp.sx_jurisdiction() j), '') = '520500') $$;
CREATE FUNCTION pg_temp.sx_visible_units() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT m.unit_id FROM bjxm.unit_members m WHERE m.member = bjxm.acting_role() AND pg_temp.sx_has('user_unit')
    UNION
    SELECT u.unit_id FROM bjxm.units u JOIN pg_temp.sx_jurisdiction() j ON j.region IN (u.region, '520500')
       AND (pg_temp.sx_has('bigdata') OR pg_temp.sx_has('finance') OR pg_temp.sx_has('city_gov') OR pg_temp.sx_has('auditor')) $$;
CREATE FUNCTION pg_temp.sx_reviewer_projects() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT e.project_id FROM bjxm.entrustments e JOIN bjxm.party_members m ON m.party_id = e.party_id
     WHERE m.member = bjxm.acting_role() AND pg_temp.sx_has('reviewer') $$;
CREATE FUNCTION pg_temp.sx_reviewer_units() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT p.unit_id FROM bjxm.projects p WHERE p.project_id IN (SELECT pg_temp.sx_reviewer_projects()) $$;
CREATE TEMP TABLE sx_ids (role name, sees_all boolean, sees_all_sql boolean, units_c bigint[], units_sql bigint[],
                          rp_c bigint[], rp_sql bigint[], ru_c bigint[], ru_sql bigint[]);
DO $$
DECLARE
    r name;
    all_units bigint[] := ARRAY(SELECT unit_id FROM bjxm.units ORDER BY 1);
    s boolean; s2 boolean; uc bigint[]; us bigint[]; pc bigint[]; ps bigint[]; rc bigint[]; rs bigint[];
BEGIN
    FOR r IN SELECT m.rolname FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid
                    JOIN pg_roles m ON m.oid = am.member WHERE g.rolname LIKE 'bjxm\_%'
             UNION SELECT member FROM bjxm.unit_members UNION SELECT member FROM bjxm.party_members
             UNION SELECT member FROM bjxm.jurisdictions UNION SELECT current_user
    LOOP
        CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r);
        EXECUTE format('SET ROLE %I', r);
        s := bjxm._sees_all_units();
        s2 := pg_temp.sx_sees_all_units();
        uc := bjxm._visible_unit_ids();
        us := CASE WHEN s2 THEN all_units ELSE ARRAY(SELECT DISTINCT v FROM pg_temp.sx_visible_units() v ORDER BY 1) END;
        pc := bjxm._reviewer_project_ids();
        ps := ARRAY(SELECT DISTINCT v FROM pg_temp.sx_reviewer_projects() v ORDER BY 1);
        rc := bjxm._reviewer_unit_ids();
        rs := ARRAY(SELECT DISTINCT v FROM pg_temp.sx_reviewer_units() v ORDER BY 1);
        RESET ROLE;
        INSERT INTO sx_ids VALUES (r, s, s2, uc, us, pc, ps, rc, rs);
    END LOOP;
END $$;
SELECT count(*) >= 20 AS many_roles,
       bool_or(sees_all) AS some_see_all,
       bool_or(NOT sees_all AND cardinality(units_c) > 0) AS some_see_some,
       bool_or(cardinality(units_c) = 0) AS some_see_none,
       bool_or(cardinality(rp_c) > 0 AND cardinality(ru_c) > 0) AS some_reviewer_entrusted,
       count(*) FILTER (WHERE units_c IS DISTINCT FROM units_sql OR rp_c IS DISTINCT FROM rp_sql
                           OR ru_c IS DISTINCT FROM ru_sql OR sees_all IS DISTINCT FROM sees_all_sql) AS mismatches
  FROM sx_ids;
SELECT * FROM sx_ids WHERE units_c IS DISTINCT FROM units_sql OR rp_c IS DISTINCT FROM rp_sql
                        OR ru_c IS DISTINCT FROM ru_sql OR sees_all IS DISTINCT FROM sees_all_sql ORDER BY role;
