-- bjxm 0.1.0 → 0.2.0: the event log becomes an SM3 hash chain (tamper
-- evidence, GB/T 32905-2016) and bjxm.verify_events() reports its first
-- broken link.  Events recorded before the upgrade are hashed in id order.
\echo Use "ALTER EXTENSION bjxm UPDATE" to load this file. \quit

ALTER TABLE bjxm.event_chain ADD COLUMN last_hash bytea;
COMMENT ON COLUMN bjxm.event_chain.last_hash IS '最后事件的 SM3 哈希 (SM3 hash of the last event)';
ALTER TABLE bjxm.events ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;
COMMENT ON COLUMN bjxm.events.prev_hash IS '上一事件的 SM3 哈希, 首个为全零 (SM3 hash of the previous event; zeros for the first)';
COMMENT ON COLUMN bjxm.events.hash IS 'SM3(上一哈希 ‖ 本事件规范化内容), 防篡改 (SM3 of the previous hash and this event: tamper evidence, GB/T 32905-2016)';

-- Hash what is there, once: the append-only trigger is off only inside
-- this script, which runs in one transaction.
CREATE FUNCTION bjxm._upgrade_chain() RETURNS bigint
    AS 'MODULE_PATHNAME', 'bjxm_upgrade_chain' LANGUAGE C VOLATILE;
ALTER TABLE bjxm.events DISABLE TRIGGER events_append_only;
SELECT bjxm._upgrade_chain();
ALTER TABLE bjxm.events ENABLE TRIGGER events_append_only;
DROP FUNCTION bjxm._upgrade_chain();
ALTER TABLE bjxm.events ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;

CREATE FUNCTION bjxm.verify_events(OUT checked bigint, OUT first_broken bigint, OUT detail text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_verify_events' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.verify_events() IS '校验事件日志的 SM3 哈希链, 报告第一个断点; 审计机关或大数据部门 (verify the event log''s SM3 chain and report the first broken link; auditor or bigdata)';
REVOKE ALL ON FUNCTION bjxm.verify_events() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.verify_events() TO PUBLIC;

-- Functions changed since 0.1.0 (bad-input hardening): length limits with
-- 22001, a NULL member refused, report_ref optional.  Copies of
-- src/bjxm.sql; test/scripts/upgrade.sh compares them with a fresh install.
CREATE OR REPLACE FUNCTION bjxm.register_unit(code bjxm.uscc, name text, kind bjxm.unit_kind, region text DEFAULT '520500')
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    id bigint;
BEGIN
    PERFORM bjxm._authorize('register_unit', 3, ARRAY['bigdata'], NULL, region);
    IF name IS NULL OR btrim(name) OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION '第三条: 单位名称不能为空 (unit name is required)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF pg_catalog.length(name) OPERATOR(pg_catalog.>) 200 THEN
        RAISE EXCEPTION '第三条: 单位名称超过 200 个字符 (unit name longer than 200 characters)'
            USING ERRCODE = 'string_data_right_truncation';
    END IF;
    IF code IS NULL OR kind IS NULL OR region IS NULL THEN
        RAISE EXCEPTION '第三条: 单位代码、类别和区划不能为空 (code, kind and region are required)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM bjxm.regions r WHERE r.code OPERATOR(pg_catalog.=) region) THEN
        RAISE EXCEPTION '第三十五条: 未知的行政区划“%” (unknown region %)', region, region
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = '区划为毕节市及所辖县(市、区)的 GB/T 2260 代码, 见 bjxm.regions。';
    END IF;
    IF EXISTS (SELECT 1 FROM bjxm.units u WHERE u.code OPERATOR(bjxm.=) register_unit.code) THEN
        RAISE EXCEPTION '第三条: 统一社会信用代码 % 已登记 (unit % is already registered)', code, code
            USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO bjxm.units (code, name, kind, region)
        VALUES (register_unit.code, btrim(register_unit.name), register_unit.kind, register_unit.region)
        RETURNING unit_id INTO id;
    PERFORM bjxm._record_event(NULL, id, 'register_unit', NULL, NULL, '第三条', btrim(register_unit.name),
        pg_catalog.jsonb_build_object('code', code::text, 'kind', kind, 'region', region));
    RETURN id;
EXCEPTION WHEN OTHERS THEN
    -- Every refusal leaves one structured LOG line (the rows roll back).
    PERFORM bjxm._log_refusal(SQLSTATE, SQLERRM, 'register_unit', NULL);
    RAISE;
END $$;

CREATE OR REPLACE FUNCTION bjxm.register_party(code text, name text, kind text, uscc bjxm.uscc DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    id bigint;
BEGIN
    PERFORM bjxm._authorize('register_party', 3, ARRAY['bigdata']);
    IF code IS NULL OR btrim(code) OPERATOR(pg_catalog.=) '' OR name IS NULL OR btrim(name) OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION '第三条: 第三方代号和名称不能为空 (party code and name are required)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF pg_catalog.length(code) OPERATOR(pg_catalog.>) 64 OR pg_catalog.length(name) OPERATOR(pg_catalog.>) 200 THEN
        RAISE EXCEPTION '第三条: 第三方代号超过 64 个字符或名称超过 200 个字符 (party code or name too long)'
            USING ERRCODE = 'string_data_right_truncation';
    END IF;
    IF kind IS NULL OR kind OPERATOR(pg_catalog.<>) ALL (ARRAY['reviewer', 'vendor', 'evaluator', 'designer']) THEN
        RAISE EXCEPTION '第三条: 第三方类别“%”无效 (party kind must be reviewer, vendor, evaluator or designer)', kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM bjxm.parties p WHERE p.code OPERATOR(pg_catalog.=) btrim(register_party.code)) THEN
        RAISE EXCEPTION '第三条: 第三方代号“%”已登记 (party % is already registered)', code, code
            USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO bjxm.parties (code, name, kind, uscc)
        VALUES (btrim(register_party.code), btrim(register_party.name), register_party.kind, register_party.uscc)
        RETURNING party_id INTO id;
    PERFORM bjxm._record_event(NULL, NULL, 'register_party', NULL, NULL, '第三条', btrim(register_party.name),
        pg_catalog.jsonb_build_object('code', btrim(register_party.code), 'kind', kind, 'uscc', uscc::text));
    RETURN id;
EXCEPTION WHEN OTHERS THEN
    -- Every refusal leaves one structured LOG line (the rows roll back).
    PERFORM bjxm._log_refusal(SQLSTATE, SQLERRM, 'register_party', NULL);
    RAISE;
END $$;

CREATE OR REPLACE FUNCTION bjxm.revoke_unit_member(member regrole, unit bjxm.uscc)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    uid bigint;
BEGIN
    SELECT u.unit_id INTO uid FROM bjxm.units u WHERE u.code OPERATOR(bjxm.=) unit;
    IF NOT FOUND THEN
        PERFORM bjxm._authorize('revoke_unit_member', 3, ARRAY['bigdata']);
        RAISE EXCEPTION '第三条: 单位 % 不存在或无权访问 (no such unit, or not visible)', unit
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM bjxm._authorize('revoke_unit_member', 3, ARRAY['bigdata'], uid);
    IF member IS NULL THEN
        RAISE EXCEPTION '第三条: 成员角色不能为空 (member is required)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    DELETE FROM bjxm.unit_members m
     WHERE m.member OPERATOR(pg_catalog.=) pg_catalog.pg_get_userbyid(revoke_unit_member.member)::text
       AND m.unit_id OPERATOR(pg_catalog.=) uid;
    IF FOUND THEN
        PERFORM bjxm._record_event(NULL, uid, 'revoke_unit_member', NULL, NULL, '第三条', pg_catalog.pg_get_userbyid(member)::text,
            pg_catalog.jsonb_build_object('member', pg_catalog.pg_get_userbyid(member)::text, 'unit', unit::text));
    END IF;
EXCEPTION WHEN OTHERS THEN
    -- Every refusal leaves one structured LOG line (the rows roll back).
    PERFORM bjxm._log_refusal(SQLSTATE, SQLERRM, 'revoke_unit_member', NULL);
    RAISE;
END $$;

CREATE OR REPLACE FUNCTION bjxm.set_excluded_term(term text, clause bjxm.clause, active boolean DEFAULT true) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM bjxm._authorize('set_excluded_term', 11, ARRAY['bigdata'], NULL, '520500');
    IF NOT bjxm._sees_all_units() THEN
        RAISE EXCEPTION '第十一条: 词典由市级大数据部门维护 (only the city bigdata department edits the dictionary)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF term IS NULL OR pg_catalog.btrim(term) OPERATOR(pg_catalog.=) '' OR clause IS NULL OR active IS NULL THEN
        RAISE EXCEPTION '第十一条: 词条、条款和是否生效不能为空 (term, clause and active are required)'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF pg_catalog.length(term) OPERATOR(pg_catalog.>) 64 THEN
        RAISE EXCEPTION '第十一条: 词条超过 64 个字符; 词典收录的是开支事项短语 (term longer than 64 characters)'
            USING ERRCODE = 'string_data_right_truncation';
    END IF;
    IF bjxm.article(clause) OPERATOR(pg_catalog.<>) 11 OR bjxm.item(clause) OPERATOR(pg_catalog.=) 0 THEN
        RAISE EXCEPTION '第十一条: 词条的依据须为第十一条第(一)至(三)项, 而为 % (clause must be an item of 第十一条)', clause
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO bjxm.excluded_terms AS t (term, clause, active, revision)
        VALUES (pg_catalog.btrim(set_excluded_term.term), set_excluded_term.clause, set_excluded_term.active, 1)
        ON CONFLICT ON CONSTRAINT excluded_terms_pkey DO UPDATE
           SET clause = EXCLUDED.clause, active = EXCLUDED.active, revision = t.revision OPERATOR(pg_catalog.+) 1;
    PERFORM bjxm._record_event(NULL, NULL, 'set_excluded_term', NULL, NULL, clause,
        pg_catalog.format('%s: %s', pg_catalog.btrim(term), CASE WHEN active THEN '生效' ELSE '停用' END),
        pg_catalog.jsonb_build_object('term', pg_catalog.btrim(term), 'clause', clause::text, 'active', active));
EXCEPTION WHEN OTHERS THEN
    -- Every refusal leaves one structured LOG line (the rows roll back).
    PERFORM bjxm._log_refusal(SQLSTATE, SQLERRM, 'set_excluded_term', NULL);
    RAISE;
END $$;

CREATE OR REPLACE FUNCTION bjxm.record_key_evaluation(project bigint, year int, score numeric, report_ref text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_key_evaluation', pg_catalog.jsonb_build_object('year', $2, 'score', $3, 'report_ref', $4)) $$;

-- An order opened while funding is in flight serializes with it (stress test finding).
CREATE OR REPLACE FUNCTION bjxm.open_rectification(unit bjxm.uscc, category int, finding text,
        project bigint DEFAULT NULL, deadline date DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    uid bigint;
    id bigint;
    due date;
BEGIN
    SELECT u.unit_id INTO uid FROM bjxm.units u WHERE u.code OPERATOR(bjxm.=) unit;
    IF NOT FOUND THEN
        PERFORM bjxm._authorize('open_rectification', 30, ARRAY['bigdata', 'finance']);
        RAISE EXCEPTION '第三十条: 单位 % 不存在或无权访问 (no such unit, or not visible)', unit
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM bjxm._authorize('open_rectification', 30, ARRAY['bigdata', 'finance'], uid);
    IF category IS NULL OR category OPERATOR(pg_catalog.<) 1 OR category OPERATOR(pg_catalog.>) 9 THEN
        RAISE EXCEPTION '第三十一条: 问题类别须为第三十一条第(一)至(九)项之一, 而为 % (category must be 1–9)', category
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF finding IS NULL OR pg_catalog.btrim(finding) OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION '第三十一条: 须写明发现的问题 (finding is required)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF project IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bjxm.projects p
            WHERE p.project_id OPERATOR(pg_catalog.=) project AND p.unit_id OPERATOR(pg_catalog.=) uid) THEN
        RAISE EXCEPTION '第三十一条: 项目 % 不属于单位 % (project does not belong to the unit)', project, unit
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    due := COALESCE(deadline, bjxm.today() OPERATOR(pg_catalog.+)
                    (SELECT s.value::int FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) 'rectification_days'));
    IF due OPERATOR(pg_catalog.<) bjxm.today() THEN
        RAISE EXCEPTION '第三十一条: 整改期限 % 早于今天 % (deadline in the past)', due, bjxm.today()
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A new order may already be overdue for a funding action dated later:
    -- serialize with in-flight funding on the unit row (funding.c).
    UPDATE bjxm.units u SET rectification_version = u.rectification_version OPERATOR(pg_catalog.+) 1
     WHERE u.unit_id OPERATOR(pg_catalog.=) uid;
    INSERT INTO bjxm.rectifications (unit_id, category, finding, project_id, deadline, opened_by)
        VALUES (uid, category, pg_catalog.btrim(finding), project, due, bjxm.acting_role())
        RETURNING rectification_id INTO id;
    PERFORM bjxm._record_event(project, uid, 'open_rectification', NULL, NULL, bjxm.clause(31, category),
        pg_catalog.btrim(finding), pg_catalog.jsonb_build_object('rectification_id', id, 'deadline', due));
    RETURN id;
EXCEPTION WHEN OTHERS THEN
    -- Every refusal leaves one structured LOG line (the rows roll back).
    PERFORM bjxm._log_refusal(SQLSTATE, SQLERRM, 'open_rectification', NULL);
    RAISE;
END $$;

-- Indexable visibility policies (docs/performance.md §5.1): same meaning.

-- The visible units and projects as arrays, computed once per query, so a
-- policy "unit_id = ANY (…)" is an index condition rather than a filter
-- over every row (docs/performance.md §5.1).  A role that sees every unit
-- gets every unit id.  In C (src/duties.c), with the same rule as
-- _sees_all_units(), _visible_units() and _reviewer_projects() and kept
-- plans: SQL bodies were planned afresh on every query.
CREATE FUNCTION bjxm._visible_unit_ids() RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'bjxm_visible_unit_ids'
    LANGUAGE C STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm._visible_unit_ids() IS '内部: 当前角色可见单位的编号数组 (internal: ids of the units the actor sees, for indexable policies)';
CREATE FUNCTION bjxm._reviewer_unit_ids() RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'bjxm_reviewer_unit_ids'
    LANGUAGE C STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm._reviewer_unit_ids() IS '内部: 受委托项目所属单位的编号数组 (internal: ids of the units of entrusted projects)';
CREATE FUNCTION bjxm._reviewer_project_ids() RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'bjxm_reviewer_project_ids'
    LANGUAGE C STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm._reviewer_project_ids() IS '内部: 受委托项目的编号数组 (internal: ids of the projects entrusted to the actor''s institution)';
REVOKE ALL ON FUNCTION bjxm._visible_unit_ids(), bjxm._reviewer_unit_ids(), bjxm._reviewer_project_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm._visible_unit_ids(), bjxm._reviewer_unit_ids(), bjxm._reviewer_project_ids() TO PUBLIC;
DROP POLICY units_visible ON bjxm.units;
DROP POLICY unit_members_visible ON bjxm.unit_members;
DROP POLICY projects_visible ON bjxm.projects;
DROP POLICY data_resources_visible ON bjxm.data_resources;
DROP POLICY rectifications_visible ON bjxm.rectifications;
CREATE POLICY units_visible ON bjxm.units FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._reviewer_unit_ids()) AS bigint[])));
CREATE POLICY unit_members_visible ON bjxm.unit_members FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[])));
CREATE POLICY projects_visible ON bjxm.projects FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR project_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._reviewer_project_ids()) AS bigint[])));
CREATE POLICY data_resources_visible ON bjxm.data_resources FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[])));
CREATE POLICY rectifications_visible ON bjxm.rectifications FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[])));
