-- No existence oracles (issue 15 item 9; 第三条, 第三十五条): every function
-- of schema bjxm that names an object by id (a bigint or bigint[] argument,
-- or a bjxm.uscc), found in pg_proc, is called by roles that may not see
-- the object (another unit's member, a county department of another
-- county, a review institution not entrusted) with (a) the id of an
-- existing object of another unit and (b) an id nothing has.  The two
-- answers must be the same once the id itself is replaced by <id>: the
-- SQLSTATE, message, detail and hint of an error, or the result.  bjxm.check
-- is tried for every action of bjxm.actions() and every id argument.
-- Only a summary is printed: the mismatches (none), the arguments no kind
-- of object is known for (none), and whether the enumeration found the
-- functions (a vanished enumeration fails here).
\set SHOW_CONTEXT never
SET search_path = public, bjxm;

------------------------------------------------------------------------------
-- Fixture: three roles, one unit in 520526 (威宁县) with a project
------------------------------------------------------------------------------
SET client_min_messages = warning;
SET bjxm_test.roles = 'or_member,or_county,or_reviewer';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO or_member;
GRANT bjxm_bigdata TO or_county;
GRANT bjxm_reviewer TO or_reviewer;
RESET client_min_messages;

-- A valid USCC with this 17-character prefix (the first check character that parses).
CREATE FUNCTION or_uscc(prefix text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE c text;
BEGIN
    FOREACH c IN ARRAY string_to_array('0123456789ABCDEFGHJKLMNPQRTUWXY', NULL) LOOP
        BEGIN
            RETURN (prefix || c)::bjxm.uscc::text;
        EXCEPTION WHEN OTHERS THEN NULL;
        END;
    END LOOP;
    RAISE EXCEPTION 'no check character for %', prefix;
END $$;

SELECT bjxm.register_unit(or_uscc('12520526QX0000001')::bjxm.uscc, '存在性测试单位 (oracle unit)', 'institution', '520526') > 0 AS unit,
       bjxm.register_party('OR-R1', '存在性测试评审机构 (oracle reviewer)', 'reviewer') > 0 AS party;
SELECT bjxm.grant_unit_member('or_member', or_uscc('12520526QX0000001')::bjxm.uscc);
SELECT bjxm.grant_party_member('or_reviewer', 'OR-R1');
SELECT bjxm.set_jurisdiction('or_county', '520526');
SET ROLE or_member;
SELECT bjxm.create_project(or_uscc('12520526QX0000001')::bjxm.uscc, '存在性测试项目 (oracle project)', 'business_system',
                           '{development}', 2030, 200000) > 0 AS project;
RESET ROLE;

-- The callers; none of them may see a unit outside 520526.
CREATE TABLE or_callers (role name PRIMARY KEY);
INSERT INTO or_callers VALUES ('or_member'), ('or_county'), ('or_reviewer');

-- The kinds of object an id names: existing ones of units outside 520526
-- (one project in each state; the newest of each other kind), an id
-- nothing has, and the caller's own object of that kind (for the other id
-- arguments of a call; the missing id where it has none).
CREATE TABLE or_objects (kind text NOT NULL, existing text NOT NULL);
INSERT INTO or_objects
SELECT 'project', max(p.project_id)::text
  FROM bjxm.projects p JOIN bjxm.units u USING (unit_id) WHERE u.region <> '520526' GROUP BY p.state
UNION ALL
SELECT 'adjustment', max(a.adjustment_id)::text
  FROM bjxm.adjustments a JOIN bjxm.projects p USING (project_id) JOIN bjxm.units u USING (unit_id)
 WHERE u.region <> '520526' GROUP BY a.status
UNION ALL
SELECT 'rectification', max(r.rectification_id)::text
  FROM bjxm.rectifications r JOIN bjxm.units u USING (unit_id) WHERE u.region <> '520526' GROUP BY r.status
UNION ALL
SELECT 'data_resource', max(d.resource_id)::text
  FROM bjxm.data_resources d JOIN bjxm.units u USING (unit_id) WHERE u.region <> '520526'
UNION ALL
SELECT 'unit', max(u.code::text) FROM bjxm.units u WHERE u.region <> '520526' GROUP BY u.region, u.kind;
CREATE TABLE or_kinds (kind text PRIMARY KEY, missing text NOT NULL, own text NOT NULL);
INSERT INTO or_kinds VALUES
    ('project', '987654321', (SELECT min(p.project_id)::text FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
                               WHERE u.code = or_uscc('12520526QX0000001')::bjxm.uscc)),
    ('adjustment', '987654321', '987654321'),
    ('rectification', '987654321', '987654321'),
    ('data_resource', '987654321', '987654321'),
    ('unit', or_uscc('11520500QX0000099'), or_uscc('12520526QX0000001'));
GRANT SELECT ON or_objects, or_kinds, or_callers TO PUBLIC;

-- Every kind has existing objects (else the test below proves nothing).
SELECT k.kind, count(o.existing) > 0 AS has_existing
  FROM or_kinds k LEFT JOIN or_objects o USING (kind) GROUP BY k.kind ORDER BY 1;

-- Which kind of object an argument names, by function (or action) and
-- argument name; NULL = unknown (reported below); 'none' = names no
-- object: events_since's after is a position in the log, region_of reads
-- the region out of the code it is given.
CREATE FUNCTION or_kind(fn text, arg text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN arg IN ('project', 'excluded') THEN 'project'
        WHEN arg = 'adjustment' THEN 'adjustment'
        WHEN arg = 'id' AND fn LIKE '%rectification%' THEN 'rectification'
        WHEN arg = 'id' AND fn LIKE '%data_resource%' THEN 'data_resource'
        WHEN arg IN ('unit', 'code', 'uscc') THEN 'unit'
        WHEN fn IN ('events_since', 'export_events') AND arg = 'after' THEN 'none'
        WHEN fn = 'region_of' THEN 'none'
    END $$;

------------------------------------------------------------------------------
-- The calls
------------------------------------------------------------------------------

-- Type support and operator functions, and the internal ones (_…): not called.
CREATE VIEW or_support AS
SELECT f::oid AS oid FROM pg_type t,
       LATERAL (VALUES (t.typinput), (t.typoutput), (t.typreceive), (t.typsend)) v(f)
 WHERE t.typnamespace = 'bjxm'::regnamespace
UNION SELECT o.oprcode::oid FROM pg_operator o WHERE o.oprnamespace = 'bjxm'::regnamespace
UNION SELECT a.amproc::oid FROM pg_amproc a
UNION SELECT c.castfunc FROM pg_cast c;

-- The id arguments of the public functions: function, position, name, type.
CREATE VIEW or_id_args AS
SELECT p.oid, p.proname::text AS fn, a.n::int AS pos, coalesce(p.proargnames[a.n], '$' || a.n) AS arg,
       a.t AS argtype, or_kind(p.proname, p.proargnames[a.n]) AS kind
  FROM pg_proc p, unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, n)
 WHERE p.pronamespace = 'bjxm'::regnamespace
   AND p.proname NOT LIKE '\_%'
   AND p.oid NOT IN (SELECT oid FROM or_support WHERE oid IS NOT NULL)
   AND a.t IN ('bigint'::regtype, 'bigint[]'::regtype, 'bjxm.uscc'::regtype);

-- Arguments that name something this test does not know (extend or_kind).
SELECT fn, arg, format_type(argtype, NULL) AS type FROM or_id_args WHERE kind IS NULL ORDER BY 1, 2;

-- A plausible value of every other argument, the same in both calls.
CREATE FUNCTION or_filler(t oid, caller name, arg text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE ty pg_type;
BEGIN
    SELECT * INTO ty FROM pg_type WHERE oid = t;
    RETURN CASE
        WHEN ty.typtype = 'e' THEN
            quote_literal((SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t ORDER BY e.enumsortorder LIMIT 1))
            || '::' || format_type(t, NULL)
        WHEN t = 'bjxm.clause'::regtype THEN '''第三条''::bjxm.clause'
        WHEN t = 'bigint[]'::regtype THEN '''{}''::bigint[]'
        WHEN ty.typcategory = 'A' THEN '''{}''::' || format_type(t, NULL)
        WHEN t = 'text'::regtype AND arg = 'region' THEN '''520526'''   -- the county's own
        WHEN t = 'text'::regtype THEN '''x'''
        WHEN t = 'integer'::regtype THEN '2030'
        WHEN t = 'numeric'::regtype THEN '1000'
        WHEN t = 'boolean'::regtype THEN 'true'
        WHEN t = 'jsonb'::regtype THEN '''{}''::jsonb'
        WHEN t = 'date'::regtype THEN 'bjxm.today()'
        WHEN t = 'timestamptz'::regtype THEN 'now()'
        WHEN t = 'regrole'::regtype THEN quote_literal(caller) || '::regrole'
        ELSE 'NULL::' || format_type(t, NULL) END;
END $$;

-- A literal of an id of kind for an argument of type t.
CREATE FUNCTION or_literal(v text, t oid) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t = 'bigint[]'::regtype THEN format('ARRAY[%s]::bigint[]', v)
                WHEN t = 'bjxm.uscc'::regtype THEN format('%L::bjxm.uscc', v)
                ELSE v || '::bigint' END $$;

-- One template per (function, id argument, caller): %s is the id under test.
CREATE TABLE or_calls (fn text, arg text, kind text, caller name, template text, scalar boolean, argtype oid);

-- The public functions (bjxm.check is expanded below, per action).
INSERT INTO or_calls
SELECT i.oid::regprocedure::text, i.arg, i.kind, c.role,
       format('%s bjxm.%I(%s)',
              CASE WHEN p.proretset OR p.prorettype NOT IN ('void'::regtype, 'bigint'::regtype, 'integer'::regtype)
                   THEN 'SELECT string_agg(r::text, E''\n'') FROM' ELSE 'SELECT' END,
              p.proname,
              (SELECT string_agg(CASE WHEN a.n = i.pos THEN '%s'
                                      WHEN a.t IN ('bigint'::regtype, 'bigint[]'::regtype, 'bjxm.uscc'::regtype)
                                           AND or_kind(p.proname, p.proargnames[a.n]) IS NOT NULL
                                           AND or_kind(p.proname, p.proargnames[a.n]) <> 'none'
                                      THEN or_literal((SELECT k.own FROM or_kinds k
                                                        WHERE k.kind = or_kind(p.proname, p.proargnames[a.n])), a.t)
                                      ELSE or_filler(a.t, c.role, p.proargnames[a.n]) END, ', ' ORDER BY a.n)
                 FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, n)))
       || CASE WHEN p.proretset OR p.prorettype NOT IN ('void'::regtype, 'bigint'::regtype, 'integer'::regtype)
               THEN ' r' ELSE '' END,
       NOT (p.proretset OR p.prorettype NOT IN ('void'::regtype, 'bigint'::regtype, 'integer'::regtype)),
       i.argtype
  FROM or_id_args i JOIN pg_proc p ON p.oid = i.oid CROSS JOIN or_callers c
 WHERE i.kind IS NOT NULL AND i.kind <> 'none' AND i.fn <> 'check';

-- bjxm.check: every action, its project and every id argument it takes.
INSERT INTO or_calls
SELECT 'check(' || a.action || ')', 'project', 'project', c.role,
       format('SELECT string_agg(r::text, E''\n'') FROM bjxm.check(%%s, %L, ''{}'') r', a.action), false,
       'bigint'::regtype
  FROM bjxm.actions() a CROSS JOIN or_callers c
 WHERE a.kind = 'on_state'
UNION ALL
SELECT 'check(' || a.action || ')', x.arg ->> 'name', or_kind(a.action, x.arg ->> 'name'), c.role,
       format('SELECT string_agg(r::text, E''\n'') FROM bjxm.check(%s, %L, jsonb_build_object(%L, %s)) r',
              CASE WHEN a.kind = 'on_state' THEN (SELECT k.own FROM or_kinds k WHERE k.kind = 'project') ELSE 'NULL' END,
              a.action, x.arg ->> 'name',
              CASE WHEN x.arg ->> 'type' = 'uscc' THEN '%s::text' ELSE '%s' END), false,
       CASE WHEN x.arg ->> 'type' = 'uscc' THEN 'bjxm.uscc'::regtype ELSE 'bigint'::regtype END
  FROM bjxm.actions() a CROSS JOIN jsonb_array_elements(a.arguments) x(arg) CROSS JOIN or_callers c
 WHERE x.arg ->> 'type' IN ('bigint', 'uscc');

-- The arguments of bjxm.check's actions that name something unknown.
SELECT DISTINCT fn, arg FROM or_calls WHERE kind IS NULL ORDER BY 1, 2;

-- The outcome of one call: an error's fields, or its result; the id replaced by <id>.
CREATE FUNCTION or_outcome(template text, scalar boolean, caller name, id text, t oid) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    res text;
    st text;
    msg text;
    det text;
    hin text;
    outcome text;
BEGIN
    BEGIN
        EXECUTE format('SET ROLE %I', caller);
        EXECUTE format(template, or_literal(id, t)) INTO res;
        outcome := CASE WHEN scalar THEN 'ok' ELSE 'result: ' || coalesce(res, '<null>') END;
        RAISE EXCEPTION 'roll back' USING ERRCODE = 'OR000';
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
                                hin = PG_EXCEPTION_HINT;
        IF st <> 'OR000' THEN
            outcome := format('%s | %s | %s | %s', st, msg, det, hin);
        END IF;
    END;
    RESET ROLE;
    -- The id as a whole word (a number not inside a longer one).
    RETURN regexp_replace(outcome, '(?<![0-9A-Za-z])' || id || '(?![0-9A-Za-z])', '<id>', 'g');
END $$;

------------------------------------------------------------------------------
-- The comparison
------------------------------------------------------------------------------

CREATE TABLE or_results (fn text, arg text, caller name, existing text, outcome_existing text, outcome_missing text);

DO $$
DECLARE
    c record;
    o record;
    missing_outcome text;
BEGIN
    FOR c IN SELECT * FROM or_calls WHERE kind IS NOT NULL ORDER BY fn, arg, caller LOOP
        missing_outcome := or_outcome(c.template, c.scalar, c.caller, (SELECT k.missing FROM or_kinds k WHERE k.kind = c.kind), c.argtype);
        FOR o IN SELECT * FROM or_objects WHERE kind = c.kind LOOP
            INSERT INTO or_results VALUES (c.fn, c.arg, c.caller, o.existing,
                                           or_outcome(c.template, c.scalar, c.caller, o.existing, c.argtype), missing_outcome);
        END LOOP;
    END LOOP;
END $$;

-- The enumeration found the functions and actions (at least those of 0.3.0).
SELECT count(DISTINCT fn) FILTER (WHERE fn NOT LIKE 'check(%') >= 50 AS functions_tried,
       count(DISTINCT fn) FILTER (WHERE fn LIKE 'check(%') >= 40 AS check_actions_tried,
       count(DISTINCT caller) AS callers
  FROM or_results;

-- The one answer that must differ (docs/design.md, existence oracles): a
-- unit is registered once, so register_unit by a county's bigdata with
-- the USCC of a unit registered elsewhere is refused (23505) where a new
-- one is registered.  A USCC is public (国家企业信用信息公示系统); the
-- refusal names nothing of the unit but its code, which the caller gave.
CREATE TABLE or_accepted (fn text, arg text, caller name, existing_state text, missing_state text);
INSERT INTO or_accepted VALUES ('register_unit(uscc,text,unit_kind,text)', 'code', 'or_county', '23505', 'ok');
SELECT a.fn, a.arg, a.caller, a.existing_state, a.missing_state,
       count(r.*) FILTER (WHERE split_part(r.outcome_existing, ' ', 1) = a.existing_state
                            AND r.outcome_missing = a.missing_state) > 0 AS still_differs
  FROM or_accepted a LEFT JOIN or_results r USING (fn, arg, caller)
 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;

-- Mismatches: an existing object answered otherwise than a missing one.
SELECT fn, arg, caller, min(existing) AS example,
       min(outcome_existing) AS existing, min(outcome_missing) AS missing
  FROM or_results r
 WHERE outcome_existing IS DISTINCT FROM outcome_missing
   AND NOT EXISTS (SELECT 1 FROM or_accepted a WHERE a.fn = r.fn AND a.arg = r.arg AND a.caller = r.caller
                      AND split_part(r.outcome_existing, ' ', 1) = a.existing_state
                      AND r.outcome_missing = a.missing_state)
 GROUP BY fn, arg, caller
 ORDER BY 1, 2, 3;
