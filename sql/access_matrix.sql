-- Access matrix (docs/reference.md §0 write path, visibility and duties): every
-- table, view and function of schema bjxm, found in pg_class and pg_proc, ×
-- nine roles.  A new table, view or function is covered without editing
-- this file; a new public function must be declared below (its duties, or
-- read-only), or the test fails with "no duty declared for X".
\set SHOW_CONTEXT never
SET search_path = public, bjxm;

------------------------------------------------------------------------------
-- Fixture: nine roles, three units (A city, B 大方县 520521, C 七星关区)
------------------------------------------------------------------------------
SET client_min_messages = warning;
SET bjxm_test.roles = 'mx_user_unit,mx_bigdata,mx_finance,mx_reviewer,mx_city_gov,mx_auditor,mx_other_unit,mx_county,mx_outsider';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO mx_user_unit, mx_other_unit;
GRANT bjxm_bigdata TO mx_bigdata, mx_county;
GRANT bjxm_finance TO mx_finance;
GRANT bjxm_reviewer TO mx_reviewer;
GRANT bjxm_city_gov TO mx_city_gov;
GRANT bjxm_auditor TO mx_auditor;
-- 第三十五条: no default scope; the city-wide jurisdiction (520500) is granted explicitly.
SELECT bjxm.set_jurisdiction('mx_bigdata', '520500'), bjxm.set_jurisdiction('mx_finance', '520500'),
       bjxm.set_jurisdiction('mx_city_gov', '520500'), bjxm.set_jurisdiction('mx_auditor', '520500');
RESET client_min_messages;

-- kind: unit = its own units; all = every unit (city level); county = the
-- units of its region; none = a duty that sees no unit yet (reviewer: no
-- entrusted projects); outsider = no duty role at all.
CREATE TABLE mx_am_roles (role name PRIMARY KEY, kind text NOT NULL, region text);
INSERT INTO mx_am_roles VALUES
    ('mx_user_unit', 'unit', NULL), ('mx_bigdata', 'all', NULL), ('mx_finance', 'all', NULL),
    ('mx_reviewer', 'none', NULL), ('mx_city_gov', 'all', NULL), ('mx_auditor', 'all', NULL),
    ('mx_other_unit', 'unit', NULL), ('mx_county', 'county', '520521'), ('mx_outsider', 'outsider', NULL);
GRANT SELECT ON mx_am_roles TO PUBLIC;

SET ROLE mx_bigdata;
SELECT bjxm.register_unit('11520500MX0000001W', '矩阵测试单位甲 (matrix unit A)', 'admin_dept') > 0 AS unit_a,
       bjxm.register_unit('11520521MX0000002D', '矩阵测试单位乙 (matrix unit B)', 'institution', '520521') > 0 AS unit_b,
       bjxm.register_unit('11520502MX00000030', '矩阵测试单位丙 (matrix unit C)', 'soe', '520502') > 0 AS unit_c,
       bjxm.register_party('MX-R1', '矩阵测试评审机构 (matrix reviewer)', 'reviewer') > 0 AS party;
SELECT bjxm.grant_unit_member('mx_user_unit', '11520500MX0000001W');
SELECT bjxm.grant_unit_member('mx_other_unit', '11520521MX0000002D');
SELECT bjxm.grant_party_member('mx_reviewer', 'MX-R1');
SELECT bjxm.set_jurisdiction('mx_county', '520521');
RESET ROLE;
-- A project in each of units A and B, created by their own members.
SET ROLE mx_user_unit;
SELECT bjxm.create_project('11520500MX0000001W', '矩阵测试项目甲 (matrix project A)', 'business_system',
                           '{development}', 2030, 500000) > 0 AS project_a;
SET ROLE mx_other_unit;
SELECT bjxm.create_project('11520521MX0000002D', '矩阵测试项目乙 (matrix project B)', 'data_platform',
                           '{operation}', 2030, 300000) > 0 AS project_b;
RESET ROLE;

-- Sanity of the fixture, on this test's own units: who sees which.
SET ROLE mx_user_unit;
SELECT code, name FROM bjxm.units ORDER BY code;
SET ROLE mx_other_unit;
SELECT code, name FROM bjxm.units ORDER BY code;
SET ROLE mx_county;
SELECT code, region FROM bjxm.units WHERE code::text LIKE '%MX00000%' ORDER BY code;
SET ROLE mx_auditor;
SELECT code, region FROM bjxm.units WHERE code::text LIKE '%MX00000%' ORDER BY code;
SET ROLE mx_outsider;
SELECT count(*) FROM bjxm.units;
\echo :SQLSTATE
RESET ROLE;

-- One row per cell checked; ok = the cell holds.
CREATE TABLE mx_am_cells (
    part    text NOT NULL,      -- a-privilege, a-attempt, a-owner, b-visibility, c-duty, c-execute, c-internal
    object  text NOT NULL,
    role    name,
    what    text,
    outcome text,
    ok      boolean NOT NULL
);
GRANT SELECT, INSERT ON mx_am_cells TO PUBLIC;

------------------------------------------------------------------------------
-- (a) Zero direct writes
------------------------------------------------------------------------------

-- Privileges: no role may INSERT, UPDATE, DELETE or TRUNCATE any relation
-- (tables, views, sequences' nextval/setval) of schema bjxm.
INSERT INTO mx_am_cells (part, object, role, what, outcome, ok)
SELECT 'a-privilege', c.oid::regclass::text, r.role, p.priv,
       CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(r.role, c.oid, p.priv)
            ELSE has_table_privilege(r.role, c.oid, p.priv) END::text,
       NOT CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(r.role, c.oid, p.priv)
                ELSE has_table_privilege(r.role, c.oid, p.priv) END
  FROM pg_class c
  CROSS JOIN mx_am_roles r
  JOIN LATERAL (SELECT unnest(CASE WHEN c.relkind = 'S' THEN ARRAY['USAGE', 'UPDATE']
                                   ELSE ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] END)) p(priv) ON true
 WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S');

-- Attempts: every table, every role, every kind of write.  Each attempt runs
-- in a subtransaction that is always rolled back; it must fail with 42501.
DO $$
DECLARE
    t record;
    r record;
    stmt record;
    st text;
BEGIN
    FOR t IN
        SELECT c.oid::regclass AS rel,
               (SELECT quote_ident(a.attname) FROM pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 ORDER BY a.attnum LIMIT 1) AS col
          FROM pg_class c
         WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind IN ('r', 'p')
         ORDER BY 1::text
    LOOP
        FOR r IN SELECT role FROM mx_am_roles ORDER BY role LOOP
            FOR stmt IN
                SELECT * FROM (VALUES
                    ('INSERT', format('INSERT INTO %s DEFAULT VALUES', t.rel)),
                    ('UPDATE', format('UPDATE %s SET %s = %s', t.rel, t.col, t.col)),
                    ('DELETE', format('DELETE FROM %s', t.rel)),
                    ('TRUNCATE', format('TRUNCATE %s', t.rel))) v(what, sql)
            LOOP
                BEGIN
                    EXECUTE format('SET ROLE %I', r.role);
                    EXECUTE stmt.sql;
                    RAISE EXCEPTION 'write succeeded' USING ERRCODE = 'MX000';
                EXCEPTION WHEN OTHERS THEN
                    st := SQLSTATE;
                END;
                INSERT INTO mx_am_cells (part, object, role, what, outcome, ok)
                    VALUES ('a-attempt', t.rel::text, r.role, stmt.what, st, st = '42501');
            END LOOP;
        END LOOP;
    END LOOP;
END $$;

-- Owners: every relation and function of schema bjxm belongs to a
-- superuser (the installer), never to an application or duty role.
INSERT INTO mx_am_cells (part, object, role, what, outcome, ok)
SELECT 'a-owner', o.obj, NULL, 'owner', o.owner::regrole::text,
       (SELECT rolsuper FROM pg_roles WHERE oid = o.owner)
       AND o.owner::regrole::text NOT IN (SELECT role FROM mx_am_roles)
       AND o.owner::regrole::text NOT LIKE 'bjxm\_%'
  FROM (SELECT c.oid::regclass::text AS obj, c.relowner AS owner FROM pg_class c
         WHERE c.relnamespace = 'bjxm'::regnamespace
        UNION ALL
        SELECT p.oid::regprocedure::text, p.proowner FROM pg_proc p
         WHERE p.pronamespace = 'bjxm'::regnamespace) o;

------------------------------------------------------------------------------
-- (b) Zero rows of another unit visible
------------------------------------------------------------------------------

-- Unit-scoped relations: a column unit_id bigint or unit bjxm.uscc.
CREATE VIEW mx_am_scoped AS
SELECT c.oid::regclass AS rel,
       string_agg(CASE WHEN a.attname = 'unit_id'
                       THEN '(t.unit_id IS NOT NULL AND t.unit_id <> ALL ($1))'
                       ELSE '(t.unit IS NOT NULL AND t.unit::text <> ALL ($2))' END,
                  ' OR ' ORDER BY a.attnum) AS foreign_row
  FROM pg_class c
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
   AND ((a.attname = 'unit_id' AND a.atttypid = 'bigint'::regtype)
        OR (a.attname = 'unit' AND a.atttypid = 'bjxm.uscc'::regtype))
 GROUP BY c.oid;

SELECT rel FROM mx_am_scoped ORDER BY rel::text;

DO $$
DECLARE
    t record;
    r record;
    ids bigint[];
    codes text[];
    total bigint;
    seen bigint;
    foreign_rows bigint;
    outcome text;
    ok boolean;
BEGIN
    FOR t IN SELECT * FROM mx_am_scoped ORDER BY rel::text LOOP
        EXECUTE format('SELECT count(*) FROM %s', t.rel) INTO total;
        FOR r IN SELECT * FROM mx_am_roles ORDER BY role LOOP
            -- The units this role may see, as the superuser knows them.
            ids := CASE r.kind
                WHEN 'all' THEN ARRAY(SELECT u.unit_id FROM bjxm.units u)
                WHEN 'unit' THEN ARRAY(SELECT m.unit_id FROM bjxm.unit_members m WHERE m.member = r.role)
                WHEN 'county' THEN ARRAY(SELECT u.unit_id FROM bjxm.units u WHERE u.region = r.region)
                ELSE '{}'::bigint[] END;
            codes := ARRAY(SELECT u.code::text FROM bjxm.units u WHERE u.unit_id = ANY (ids));
            BEGIN
                EXECUTE format('SET ROLE %I', r.role);
                EXECUTE format('SELECT count(*), count(*) FILTER (WHERE %s) FROM %s t', t.foreign_row, t.rel)
                    INTO seen, foreign_rows USING ids, codes;
                RESET ROLE;
                outcome := CASE WHEN seen = 0 THEN 'no rows' WHEN seen = total THEN 'every row'
                                ELSE 'some rows' END;
            EXCEPTION WHEN OTHERS THEN
                outcome := 'error ' || SQLSTATE;
                seen := NULL;
                foreign_rows := NULL;
            END;
            RESET ROLE;
            ok := coalesce(CASE r.kind
                -- city level: every row, none hidden
                WHEN 'all' THEN outcome NOT LIKE 'error%' AND seen = total AND foreign_rows = 0
                -- nothing at all, or permission denied: both fine
                WHEN 'outsider' THEN outcome IN ('no rows', 'error 42501')
                -- only its own units' (or county's) rows; permission denied is no leak
                ELSE outcome = 'error 42501' OR (outcome NOT LIKE 'error%' AND foreign_rows = 0) END, false);
            IF NOT ok AND seen IS NOT NULL THEN
                outcome := format('%s: %s visible, %s of other units, %s in table', outcome, seen, foreign_rows, total);
            END IF;
            INSERT INTO mx_am_cells (part, object, role, what, outcome, ok)
                VALUES ('b-visibility', t.rel::text, r.role, r.kind, outcome, ok);
        END LOOP;
    END LOOP;
END $$;

-- What the outsider and the other roles got, per kind of role.
SELECT role, what AS kind,
       string_agg(DISTINCT CASE WHEN outcome LIKE 'error 42501%' THEN 'permission denied'
                                WHEN ok AND outcome IN ('some rows', 'every row') AND what <> 'all' THEN 'own rows only'
                                ELSE outcome END, ', ') AS outcomes
  FROM mx_am_cells WHERE part = 'b-visibility'
 GROUP BY role, what ORDER BY role;

------------------------------------------------------------------------------
-- (c) Functions: every write function refuses the wrong duty with 42501
------------------------------------------------------------------------------

-- The duties of docs/reference.md §0 and §4–§9, by function name.  Add a line here
-- for every new write function.
CREATE TABLE mx_am_duties (fn name PRIMARY KEY, duties text[] NOT NULL);
INSERT INTO mx_am_duties VALUES
    ('register_unit', '{bigdata}'),
    ('register_party', '{bigdata}'),
    ('grant_unit_member', '{bigdata}'),
    ('revoke_unit_member', '{bigdata}'),
    ('grant_party_member', '{bigdata}'),
    ('set_jurisdiction', '{bigdata}'),
    ('revoke_jurisdiction', '{bigdata}'),
    ('set_setting', '{bigdata}'),
    ('set_regulation_figure', '{city_gov}'),  -- 第三十六条: the regulation's own figures
    -- docs/reference.md §4
    ('create_project', '{user_unit}'),
    ('set_demand_plan', '{user_unit}'),
    ('set_project_facts', '{user_unit}'),
    ('declare', '{user_unit}'),
    ('preliminary_review', '{bigdata}'),
    ('entrust_review', '{bigdata}'),
    ('record_review', '{reviewer}'),
    ('admit_to_library', '{bigdata}'),
    ('carry_over', '{bigdata}'),
    ('propose_for_plan', '{bigdata}'),
    ('approve_annual_plan', '{city_gov}'),
    ('arrange_budget', '{finance}'),          -- the unit itself only for self-raised funds
    ('revise_budget', '{finance}'),           -- likewise (第十条)
    ('set_performance_targets', '{user_unit}'),
    ('record_ex_ante_assessment', '{user_unit}'),
    ('submit_service_plan', '{user_unit}'),
    ('approve_service_plan', '{reviewer}'),
    ('record_city_review', '{bigdata}'),
    ('record_procurement', '{user_unit}'),
    ('approve_procurement_exception', '{finance}'),   -- 第十五条 (政府采购法第二十七条)
    ('sign_contract', '{bigdata,user_unit}'),
    ('start_implementation', '{user_unit}'),
    ('sign_acceptance', '{user_unit,bigdata}'),
    ('record_evaluation', '{bigdata}'),
    ('postpone', '{bigdata,finance}'),
    ('terminate', '{bigdata,finance}'),
    ('resume', '{bigdata,finance}'),
    ('withdraw', '{user_unit}'),
    ('request_adjustment', '{user_unit}'),
    ('record_adjustment_opinion', '{reviewer}'),   -- 第十九条: the entrusted institution's experts
    ('decide_adjustment', '{bigdata}'),
    ('amend_service_plan', '{user_unit}'),
    -- docs/reference.md §5
    ('record_disbursement', '{finance}'),
    ('record_self_evaluation', '{user_unit}'),
    ('record_key_evaluation', '{finance}'),
    ('open_rectification', '{bigdata,finance}'),
    ('report_rectification', '{user_unit}'),
    ('close_rectification', '{bigdata,finance}'),
    ('add_line_item', '{user_unit}'),
    ('waive_term', '{bigdata}'),
    ('set_excluded_term', '{bigdata}'),
    -- docs/reference.md §6
    ('add_data_resource', '{user_unit}'),
    ('classify_data_resource', '{user_unit}'),
    ('review_data_resource', '{bigdata}'),
    ('list_data_resource', '{user_unit}'),
    ('approve_catalogue', '{city_gov}'),
    ('delist_data_resource', '{user_unit,bigdata}'),
    ('record_component', '{user_unit}'),
    ('record_security_assessment', '{user_unit,bigdata}'),
    -- docs/reference.md §7 (issue 7): verifying the chain is the auditor's or bigdata's
    ('verify_events', '{auditor,bigdata}'),
    -- issue 17 item 3: reconciling the tables with the events, likewise
    ('verify_state', '{auditor,bigdata}'),
    -- issue 17 item 4: anchors and the export for the offline verifier, likewise
    ('chain_anchor', '{auditor,bigdata}'),
    ('chain_anchor_text', '{auditor,bigdata}'),
    ('export_events', '{auditor,bigdata}'),
    -- docs/operations.md 职责分离矩阵 (issue 15): the roles in incompatible combinations
    ('duty_conflicts', '{bigdata,auditor}'),
    -- issue 15 item 10: the daily reminders, run by the scheduler (superuser) or city bigdata
    ('send_reminders', '{bigdata}');
-- Public functions that change nothing: any role may call them (reads go
-- through RLS).  Add a line here for every new read-only function.
CREATE TABLE mx_am_readonly (fn name PRIMARY KEY);
INSERT INTO mx_am_readonly VALUES
    ('region_of'), ('clause'), ('article'), ('item'), ('item_count'), ('clause_text'),
    ('sqlstates'), ('actions'), ('label'), ('acting_role'), ('today'),
    ('history'), ('state_at'), ('events_since'), ('check'), ('inspect'), ('expense_check'),
    ('check_data_resource'), ('catalogue_json'), ('duty_matrix'), ('personal_data_items');

-- Type support and operator functions: named by pg_type, pg_operator,
-- pg_amproc or pg_cast.
CREATE VIEW mx_am_support AS
SELECT f::oid AS oid FROM pg_type t,
       LATERAL (VALUES (t.typinput), (t.typoutput), (t.typreceive), (t.typsend), (t.typmodin),
                       (t.typmodout), (t.typanalyze), (t.typsubscript)) v(f)
 WHERE t.typnamespace = 'bjxm'::regnamespace
UNION SELECT o.oprcode::oid FROM pg_operator o WHERE o.oprnamespace = 'bjxm'::regnamespace
UNION SELECT o.oprrest::oid FROM pg_operator o WHERE o.oprnamespace = 'bjxm'::regnamespace
UNION SELECT o.oprjoin::oid FROM pg_operator o WHERE o.oprnamespace = 'bjxm'::regnamespace
UNION SELECT a.amproc::oid FROM pg_amproc a
UNION SELECT c.castfunc FROM pg_cast c;

-- The public functions of schema bjxm.
CREATE VIEW mx_am_public AS
SELECT p.oid, p.proname, p.prokind, p.proargtypes
  FROM pg_proc p
 WHERE p.pronamespace = 'bjxm'::regnamespace
   AND p.proname NOT LIKE '\_%'
   AND p.oid NOT IN (SELECT oid FROM mx_am_support WHERE oid IS NOT NULL AND oid <> 0);

-- Every public function declared, every declaration a function.
SELECT 'no duty declared for ' || p.oid::regprocedure AS problem
  FROM mx_am_public p
 WHERE p.proname NOT IN (SELECT fn FROM mx_am_duties) AND p.proname NOT IN (SELECT fn FROM mx_am_readonly)
UNION ALL
SELECT 'declared twice: ' || d.fn FROM mx_am_duties d JOIN mx_am_readonly r USING (fn)
UNION ALL
SELECT 'declared but not in bjxm: ' || x.fn
  FROM (SELECT fn FROM mx_am_duties UNION ALL SELECT fn FROM mx_am_readonly) x
 WHERE x.fn NOT IN (SELECT proname FROM mx_am_public)
ORDER BY 1;

-- The declared duties are the registry's (bjxm.actions(), from the core
-- transition table): every action but the dry run is declared here with
-- the same duties.  arrange_budget's and revise_budget's {finance} is the
-- table's {user_unit,finance} narrowed by the fund (第十条); verify_events,
-- verify_state and duty_conflicts are not actions.
SELECT coalesce(a.action, d.fn::text) AS action, a.duties AS registry, d.duties AS declared
  FROM (SELECT * FROM bjxm.actions() WHERE kind <> 'dry_run') a FULL JOIN mx_am_duties d ON d.fn = a.action
 WHERE (SELECT array_agg(x ORDER BY x) FROM unnest(a.duties) x) IS DISTINCT FROM (SELECT array_agg(x ORDER BY x) FROM unnest(d.duties) x)
ORDER BY 1;

-- A plausible non-NULL argument of each type.
CREATE FUNCTION mx_am_dummy(t oid) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
    ty pg_type;
    v text;
BEGIN
    SELECT * INTO ty FROM pg_type WHERE oid = t;
    IF ty.typtype = 'd' THEN
        v := mx_am_dummy(ty.typbasetype);
        RETURN CASE WHEN v IS NULL THEN NULL ELSE format('%s::%s', v, format_type(t, NULL)) END;
    END IF;
    v := CASE
        WHEN t = 'bjxm.uscc'::regtype THEN quote_literal('11520500MX0000001W')   -- unit A
        WHEN t = 'bjxm.clause'::regtype THEN quote_literal('第三条')
        WHEN ty.typtype = 'e' THEN
            quote_literal((SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t ORDER BY e.enumsortorder LIMIT 1))
        WHEN ty.typcategory = 'A' THEN quote_literal('{}')
        WHEN t IN ('text'::regtype, 'varchar'::regtype, 'name'::regtype, 'bpchar'::regtype) THEN quote_literal('x')
        -- bigint arguments name things by id: use project A (visible to A's member).
        WHEN t = 'bigint'::regtype THEN (SELECT p.project_id::text FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)
                                          WHERE u.code = '11520500MX0000001W' LIMIT 1)
        WHEN t IN ('integer'::regtype, 'smallint'::regtype, 'numeric'::regtype) THEN '1'
        WHEN t IN ('jsonb'::regtype, 'json'::regtype) THEN quote_literal('{}')
        WHEN t = 'regrole'::regtype THEN quote_literal('mx_outsider')
        WHEN t = 'boolean'::regtype THEN 'true'
        WHEN t = 'date'::regtype THEN 'current_date'
        WHEN t IN ('timestamptz'::regtype, 'timestamp'::regtype) THEN 'now()'
        WHEN t = 'anyenum'::regtype THEN quote_literal('admin_dept') || '::bjxm.unit_kind'
        ELSE NULL END;
    IF v IS NULL OR t = 'anyenum'::regtype THEN
        RETURN v;
    END IF;
    RETURN format('%s::%s', v, format_type(t, NULL));
END $$;

-- The calls: each write function, each role holding none of its duties.
CREATE VIEW mx_am_calls AS
SELECT p.oid::regprocedure::text AS fn, r.role, d.duties,
       format('%s %s.%I(%s)', CASE WHEN p.prokind = 'p' THEN 'CALL' ELSE 'SELECT' END,
              'bjxm', p.proname,
              (SELECT string_agg(coalesce(mx_am_dummy(a.t), 'NULL /* no dummy value for ' || format_type(a.t, NULL) || ' */'),
                                 ', ' ORDER BY a.n)
                 FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, n))) AS sql
  FROM mx_am_public p
  JOIN mx_am_duties d ON d.fn = p.proname
 CROSS JOIN mx_am_roles r
 WHERE NOT EXISTS (SELECT 1 FROM unnest(d.duties) x(duty)
                    WHERE pg_has_role(r.role, 'bjxm_' || x.duty, 'USAGE'));

-- Arguments no dummy value was found for (extend mx_am_dummy).
SELECT DISTINCT fn, sql FROM mx_am_calls WHERE sql LIKE '%no dummy value%' ORDER BY 1;

DO $$
DECLARE
    c record;
    st text;
    msg text;
    ev_before bigint;
    ev_after bigint;
    seq_before text;
    seq_after text;
BEGIN
    FOR c IN SELECT * FROM mx_am_calls ORDER BY fn, role LOOP
        SELECT coalesce(max(event_id), 0) INTO ev_before FROM bjxm.events;
        SELECT string_agg(format('%s=%s', s.sequencename, s.last_value), ',' ORDER BY s.sequencename)
          INTO seq_before FROM pg_sequences s WHERE s.schemaname = 'bjxm';
        BEGIN
            EXECUTE format('SET ROLE %I', c.role);
            EXECUTE c.sql;
            RAISE EXCEPTION 'call succeeded' USING ERRCODE = 'MX000';
        EXCEPTION WHEN OTHERS THEN
            st := SQLSTATE;
            msg := SQLERRM;
        END;
        RESET ROLE;
        SELECT coalesce(max(event_id), 0) INTO ev_after FROM bjxm.events;
        SELECT string_agg(format('%s=%s', s.sequencename, s.last_value), ',' ORDER BY s.sequencename)
          INTO seq_after FROM pg_sequences s WHERE s.schemaname = 'bjxm';
        INSERT INTO mx_am_cells (part, object, role, what, outcome, ok)
            VALUES ('c-duty', c.fn, c.role, c.sql,
                    CASE WHEN st = '42501' AND ev_after = ev_before AND seq_after IS NOT DISTINCT FROM seq_before
                         THEN st
                         ELSE format('%s %s; events %s → %s; sequences %s → %s',
                                     st, msg, ev_before, ev_after, seq_before, seq_after) END,
                    st = '42501' AND ev_after = ev_before AND seq_after IS NOT DISTINCT FROM seq_before);
    END LOOP;
END $$;

-- Every role may execute every public function: a missing duty is refused
-- by the function itself (42501 naming the article), not hidden.
INSERT INTO mx_am_cells (part, object, role, what, outcome, ok)
SELECT 'c-execute', p.oid::regprocedure::text, r.role, 'EXECUTE',
       has_function_privilege(r.role, p.oid, 'EXECUTE')::text,
       has_function_privilege(r.role, p.oid, 'EXECUTE')
  FROM mx_am_public p CROSS JOIN mx_am_roles r;

-- Internal functions: no role may execute them, but the RLS helpers
-- (granted to PUBLIC because policies run them as the querying role) and
-- _time_progress (the budget views, security_invoker, compute 序时进度 with
-- it as the querying role; it reads only bjxm.today()).
INSERT INTO mx_am_cells (part, object, role, what, outcome, ok)
SELECT 'c-internal', p.oid::regprocedure::text, r.role, 'EXECUTE',
       has_function_privilege(r.role, p.oid, 'EXECUTE')::text,
       has_function_privilege(r.role, p.oid, 'EXECUTE') = (p.proname IN ('_sees_all_units', '_not_visible',
                                                         '_visible_unit_ids', '_reviewer_unit_ids', '_reviewer_project_ids',
                                                         '_time_progress'))
  FROM pg_proc p CROSS JOIN mx_am_roles r
 WHERE p.pronamespace = 'bjxm'::regnamespace AND p.proname LIKE '\_%';

-- And an attempt: the engine itself is out of reach (only the public
-- functions call it), as is the visibility rule's lookup by another name.
SET ROLE mx_bigdata;
SELECT bjxm._act(NULL, 'register_party', '{"code": "MX-FORGED", "name": "x", "kind": "vendor"}');
\echo :SQLSTATE
SELECT bjxm._act(NULL, 'expense_check', '{}');
\echo :SQLSTATE
RESET ROLE;

------------------------------------------------------------------------------
-- Results
------------------------------------------------------------------------------

-- Violations per part (all 0).
SELECT part, count(*) FILTER (WHERE NOT ok) AS violations
  FROM mx_am_cells GROUP BY part ORDER BY part;

-- The offending cells, if any.
SELECT part, object, role, what, outcome
  FROM mx_am_cells WHERE NOT ok ORDER BY part, object, role, what;

-- The matrix size.
SELECT count(*) AS cells_checked,
       count(DISTINCT object) AS objects,
       count(DISTINCT role) AS roles
  FROM mx_am_cells;

DROP VIEW mx_am_calls;
DROP FUNCTION mx_am_dummy(oid);
DROP VIEW mx_am_public, mx_am_support, mx_am_scoped;
DROP TABLE mx_am_cells, mx_am_duties, mx_am_readonly, mx_am_roles;
