-- bjxm 0.2.0 → 0.3.0.
--
-- Issue 13 (architecture): every state-changing function goes through the
-- one engine (bjxm._act), the registries, settings, rectification orders
-- and catalogue actions included; the dry runs expense_check and
-- check_data_resource are thin wrappers over bjxm.check; bjxm.actions()
-- lists the registry.  The PL/pgSQL helpers they used are gone.  Function
-- bodies are copies of src/bjxm.sql; test/scripts/upgrade.sh compares the
-- upgraded schema with a fresh install.
--
-- Issue 14 (第十五条 by 政府采购法): vendors need a USCC; setting
-- open_tender_threshold; bjxm.approve_procurement_exception and table
-- bjxm.procurement_exceptions (第二十七条); record_procurement with a
-- single-source ground and reason (第三十一条), stored on bjxm.projects.
\echo Use "ALTER EXTENSION bjxm UPDATE" to load this file. \quit

-- The events policy no longer needs the SQL visibility helpers.
DROP POLICY events_visible ON bjxm.events;
CREATE OR REPLACE FUNCTION bjxm._sees_all_units() RETURNS boolean
    AS 'MODULE_PATHNAME', 'bjxm_sees_all_units'
    LANGUAGE C STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
CREATE POLICY events_visible ON bjxm.events FOR SELECT
    USING ((SELECT bjxm._sees_all_units())
           OR unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR actor OPERATOR(pg_catalog.=) (SELECT bjxm.acting_role()));

-- Functions of the engine's registry: SQL over bjxm._act.
CREATE OR REPLACE FUNCTION bjxm.register_unit(code bjxm.uscc, name text, kind bjxm.unit_kind, region text DEFAULT '520500')
    RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'register_unit', pg_catalog.jsonb_build_object(
        'code', $1::text, 'name', $2, 'kind', $3, 'region', $4)) $$;
COMMENT ON FUNCTION bjxm.register_unit(bjxm.uscc, text, bjxm.unit_kind, text) IS '登记用户单位, 大数据部门 (register a user unit; bigdata, within its jurisdiction)';

CREATE OR REPLACE FUNCTION bjxm.register_party(code text, name text, kind text, uscc bjxm.uscc DEFAULT NULL)
    RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'register_party', pg_catalog.jsonb_build_object(
        'code', $1, 'name', $2, 'kind', $3, 'uscc', $4::text)) $$;
COMMENT ON FUNCTION bjxm.register_party(text, text, text, bjxm.uscc) IS '登记第三方机构, 大数据部门 (register a reviewer, vendor, evaluator or designer; bigdata)';

CREATE OR REPLACE FUNCTION bjxm.grant_unit_member(member regrole, unit bjxm.uscc)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'grant_unit_member', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'unit', $2::text)) $$;
COMMENT ON FUNCTION bjxm.grant_unit_member(regrole, bjxm.uscc) IS '授予角色代表某用户单位, 大数据部门 (let a role act for a unit; bigdata; separation of duties enforced)';

CREATE OR REPLACE FUNCTION bjxm.revoke_unit_member(member regrole, unit bjxm.uscc)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'revoke_unit_member', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'unit', $2::text)) $$;
COMMENT ON FUNCTION bjxm.revoke_unit_member(regrole, bjxm.uscc) IS '撤销角色代表某用户单位, 大数据部门 (stop a role acting for a unit; bigdata)';

CREATE OR REPLACE FUNCTION bjxm.grant_party_member(member regrole, party text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'grant_party_member', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'party', $2)) $$;
COMMENT ON FUNCTION bjxm.grant_party_member(regrole, text) IS '授予角色代表某评审机构, 大数据部门 (let a reviewer role act for its institution; bigdata)';

CREATE OR REPLACE FUNCTION bjxm.set_jurisdiction(member regrole, region text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_jurisdiction', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'region', $2)) $$;
COMMENT ON FUNCTION bjxm.set_jurisdiction(regrole, text) IS '设定职责角色成员的管辖区划, 市级大数据部门 (set a member''s jurisdiction: the city or one county; city bigdata)';

CREATE OR REPLACE FUNCTION bjxm.set_setting(key text, value text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_setting', pg_catalog.jsonb_build_object('key', $1, 'value', $2)) $$;
COMMENT ON FUNCTION bjxm.set_setting(text, text) IS '修改规则参数, 市级大数据部门, 留痕 (change a rule parameter; city bigdata; recorded as an event)';

CREATE OR REPLACE FUNCTION bjxm.open_rectification(unit bjxm.uscc, category int, finding text,
        project bigint DEFAULT NULL, deadline date DEFAULT NULL)
    RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'open_rectification', pg_catalog.jsonb_build_object(
        'unit', $1::text, 'category', $2, 'finding', $3, 'project', $4, 'deadline', $5)) $$;
COMMENT ON FUNCTION bjxm.open_rectification(bjxm.uscc, int, text, bigint, date) IS '下达整改通知, 第三十条、第三十一条 (open a rectification order; bigdata or finance)';

CREATE OR REPLACE FUNCTION bjxm.report_rectification(id bigint, result text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'report_rectification', pg_catalog.jsonb_build_object('id', $1, 'result', $2)) $$;
COMMENT ON FUNCTION bjxm.report_rectification(bigint, text) IS '报送整改结果, 第三十一条 (report the rectification result; user unit)';

CREATE OR REPLACE FUNCTION bjxm.close_rectification(id bigint, passed boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'close_rectification', pg_catalog.jsonb_build_object('id', $1, 'passed', $2)) $$;
COMMENT ON FUNCTION bjxm.close_rectification(bigint, boolean) IS '验收整改结果: 通过则关闭, 否则不符合要求, 第三十一条 (verify a rectification; bigdata or finance)';

CREATE OR REPLACE FUNCTION bjxm.set_excluded_term(term text, clause bjxm.clause, active boolean DEFAULT true) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_excluded_term', pg_catalog.jsonb_build_object(
        'term', $1, 'clause', $2::text, 'active', $3)) $$;
COMMENT ON FUNCTION bjxm.set_excluded_term(text, bjxm.clause, boolean) IS '增改或停用第十一条词条, 市级大数据部门, 留痕 (add, change or retire a dictionary term; city bigdata; audited)';

CREATE OR REPLACE FUNCTION bjxm.expense_check(category text, name text, description text DEFAULT '')
    RETURNS SETOF bjxm.violation
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT * FROM bjxm.check(NULL, 'expense_check', pg_catalog.jsonb_build_object(
        'category', $1, 'name', $2, 'description', $3)) $$;
COMMENT ON FUNCTION bjxm.expense_check(text, text, text) IS '按第十一条预检一项支出, 不作修改 (check a would-be line item against 第十一条; changes nothing)';

CREATE OR REPLACE FUNCTION bjxm.classify_data_resource(id bigint, level text, secrecy_reviewed boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'classify_data_resource', pg_catalog.jsonb_build_object(
        'id', $1, 'level', $2, 'secrecy_reviewed', $3)) $$;
COMMENT ON FUNCTION bjxm.classify_data_resource(bigint, text, boolean) IS '数据分类分级与保密审查, 第二十三条 (classify by level and record the secrecy review; user unit)';

CREATE OR REPLACE FUNCTION bjxm.review_data_resource(id bigint, passed boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'review_data_resource', pg_catalog.jsonb_build_object('id', $1, 'passed', $2)) $$;
COMMENT ON FUNCTION bjxm.review_data_resource(bigint, boolean) IS '审核数据资源目录, 第二十二条 (review a catalogue entry; bigdata)';

CREATE OR REPLACE FUNCTION bjxm.list_data_resource(id bigint, desensitized boolean DEFAULT false) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'list_data_resource', pg_catalog.jsonb_build_object('id', $1, 'desensitized', $2)) $$;
COMMENT ON FUNCTION bjxm.list_data_resource(bigint, boolean) IS '数据资源上架, 第二十二至二十五条、第二十九条 (list an entry on the provincial platform; user unit)';

CREATE OR REPLACE FUNCTION bjxm.check_data_resource(id bigint, desensitized boolean DEFAULT false)
    RETURNS SETOF bjxm.violation
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT * FROM bjxm.check(NULL, 'list_data_resource', pg_catalog.jsonb_build_object(
        'id', $1, 'desensitized', $2)) $$;
COMMENT ON FUNCTION bjxm.check_data_resource(bigint, boolean) IS '上架预检: 列出全部不通过理由, 不作修改 (dry run of list_data_resource)';

CREATE OR REPLACE FUNCTION bjxm.approve_catalogue(unit bjxm.uscc) RETURNS int
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'approve_catalogue', pg_catalog.jsonb_build_object('unit', $1::text))::int $$;
COMMENT ON FUNCTION bjxm.approve_catalogue(bjxm.uscc) IS '人民政府审定单位的数据资源目录, 返回审定条数, 第二十二条 (approve a unit''s reviewed entries; city_gov)';

-- The registry, listed.
CREATE FUNCTION bjxm.actions(OUT action text, OUT kind text, OUT duties text[], OUT clause bjxm.clause,
        OUT articles bjxm.clause[], OUT states text[], OUT arguments jsonb)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_actions' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.actions() IS '全部操作: 类别、职责、条款、允许的状态和参数, 供 bjxm.check 与应用使用 (every action: kind, duties, clauses, the states it is allowed from and its arguments by name)';
REVOKE ALL ON FUNCTION bjxm.actions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.actions() TO PUBLIC;

-- Helpers no function uses any more.
DROP FUNCTION bjxm._reviewer_units();
DROP FUNCTION bjxm._reviewer_projects();
DROP FUNCTION bjxm._visible_units();
DROP FUNCTION bjxm._authorize(text, int, text[], bigint, text);
DROP FUNCTION bjxm._record_event(bigint, bigint, text, bjxm.project_state, bjxm.project_state, bjxm.clause, text, jsonb);
DROP FUNCTION bjxm._log_refusal(text, text, text, bigint);
DROP FUNCTION bjxm._has_duty(text);
DROP FUNCTION bjxm._role_has_duty(regrole, text);
DROP FUNCTION bjxm._actor_is_superuser();

-- 第三十一条's items counted from the text, not written as 9.
ALTER TABLE bjxm.rectifications DROP CONSTRAINT rectifications_category_check,
    ADD CONSTRAINT rectifications_category_check CHECK (category BETWEEN 1 AND bjxm.item_count(31));

------------------------------------------------------------------------------
-- Issue 14 (the money chain).
------------------------------------------------------------------------------

-- 第十六条: the contract records its amount and date.  A contract signed
-- under an earlier release recorded neither: its date is the business date
-- of its sign_contract event, its amount the procurement amount (the most
-- 第十六条 allows it, and what the three-argument sign_contract records
-- since 0.3.0), so payments are held to the contract from now on.  A
-- payment already above it is a broken link bjxm.inspect reports (BJ012);
-- nothing is refused after the fact.
ALTER TABLE bjxm.projects
    ADD COLUMN contract_amount numeric(14,2) CHECK (contract_amount > 0),
    ADD COLUMN contract_signed_on date;
UPDATE bjxm.projects p
   SET contract_amount = p.procurement_amount,
       contract_signed_on = (SELECT e.effective_date FROM bjxm.events e
                              WHERE e.project_id OPERATOR(pg_catalog.=) p.project_id
                                AND e.action OPERATOR(pg_catalog.=) 'sign_contract'
                              ORDER BY e.event_id DESC LIMIT 1)
 WHERE p.contract_no IS NOT NULL;
COMMENT ON COLUMN bjxm.projects.contract_amount IS '合同金额(元), 不超过采购金额 (contract amount, at most the procurement amount, 第十六条)';
COMMENT ON COLUMN bjxm.projects.contract_signed_on IS '合同签订日期, 拨付不早于此日 (date the contract was signed; no payment before it)';

CREATE FUNCTION bjxm.sign_contract(project bigint, contract_no text, terms jsonb, amount numeric, signed_on date) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'sign_contract', pg_catalog.jsonb_build_object('contract_no', $2, 'terms', $3,
        'amount', $4, 'signed_on', $5)) $$;
COMMENT ON FUNCTION bjxm.sign_contract(bigint, text, jsonb, numeric, date) IS '签订三方服务合同并记录合同金额与签订日期, 第十六条、第二十八条 (sign the three-party contract with its amount and date; bigdata or user unit)';
REVOKE ALL ON FUNCTION bjxm.sign_contract(bigint, text, jsonb, numeric, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.sign_contract(bigint, text, jsonb, numeric, date) TO PUBLIC;

-- Issue 14: one project split into several under a threshold (第三十四条第(三)项,
-- 第三十二条): the name similarity that groups a unit's projects of one plan
-- year, and the index the sibling lookup uses.
INSERT INTO bjxm.settings (key, value, kind, clause, default_value, description) VALUES
    ('split_similarity', '0.8', 'rate', '第三十四条第(三)项', '0.8',
     '同一单位同一计划年度的项目名称相似度(去掉期次后)达到此值视为一个项目拆分, 合计金额适用 county_review_threshold 与 major_project_threshold (name similarity at or above which projects of one unit and plan year are one project split)');
CREATE INDEX projects_unit_year_idx ON bjxm.projects (unit_id, plan_year);

-- 第十五条 服务采购 by 政府采购法 (issue 14): the open-tender threshold,
-- methods other than open tender approved beforehand by 财政部门 (第二十七条),
-- single source on a ground of 第三十一条 (docs/reference.md §4)
------------------------------------------------------------------------------

ALTER TABLE bjxm.projects
    ADD COLUMN procurement_ground text CHECK (procurement_ground IN ('unique_supplier', 'emergency', 'consistency')),
    ADD COLUMN procurement_reason text;
COMMENT ON COLUMN bjxm.projects.procurement_ground IS '单一来源采购情形, 政府采购法第三十一条: unique_supplier (一) 唯一供应商 | emergency (二) 不可预见的紧急情况 | consistency (三) 一致性或服务配套 (single-source ground)';
COMMENT ON COLUMN bjxm.projects.procurement_reason IS '单一来源采购理由 (single-source reason)';

CREATE TABLE bjxm.procurement_exceptions (
    exception_id bigserial PRIMARY KEY,
    project_id   bigint NOT NULL REFERENCES bjxm.projects (project_id),
    method       bjxm.procurement_method NOT NULL CHECK (method <> 'open_tender'),
    reason       text NOT NULL CHECK (reason <> ''),
    approved_by  name NOT NULL,
    approved_at  timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    UNIQUE (project_id, method)
);
COMMENT ON TABLE bjxm.procurement_exceptions IS '财政部门事先批准的公开招标以外的采购方式, 政府采购法第二十七条 (methods other than open tender approved by finance before the procurement, 第十五条)';
COMMENT ON COLUMN bjxm.procurement_exceptions.exception_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.procurement_exceptions.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.procurement_exceptions.method IS '批准的采购方式 (method approved)';
COMMENT ON COLUMN bjxm.procurement_exceptions.reason IS '特殊情况 (reason)';
COMMENT ON COLUMN bjxm.procurement_exceptions.approved_by IS '批准角色 (approved by)';
COMMENT ON COLUMN bjxm.procurement_exceptions.approved_at IS '批准时间 (approved at)';

INSERT INTO bjxm.settings (key, value, kind, clause, default_value, description) VALUES
    ('open_tender_threshold', '2000000', 'amount', '第十五条', '2000000',
     '货物、服务公开招标数额标准(元); 默认为国办发〔2019〕55号的下限200万元, 贵州省标准未核实 (open-tender threshold for goods and services: at or above it, a method other than open tender needs finance''s prior approval)');

CREATE FUNCTION bjxm.record_procurement(project bigint, vendor text, amount numeric, method bjxm.procurement_method,
        ground text, reason text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_procurement', pg_catalog.jsonb_build_object('vendor', $2, 'amount', $3, 'method', $4,
        'ground', $5, 'reason', $6)) $$;
COMMENT ON FUNCTION bjxm.record_procurement(bigint, text, numeric, bjxm.procurement_method, text, text) IS '记录政府采购结果, 单一来源采购附政府采购法第三十一条情形及理由, 第十四条、第十五条、第三十四条 (record the procurement with the single-source ground and reason; user unit)';

CREATE FUNCTION bjxm.approve_procurement_exception(project bigint, method bjxm.procurement_method, reason text) RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'approve_procurement_exception', pg_catalog.jsonb_build_object('method', $2, 'reason', $3)) $$;
COMMENT ON FUNCTION bjxm.approve_procurement_exception(bigint, bjxm.procurement_method, text) IS '采购活动开始前批准公开招标以外的采购方式, 政府采购法第二十七条, 第十五条 (approve a method other than open tender before the procurement; finance)';

-- As src/bjxm.sql's privileges, row-level security and pg_dump lists.
REVOKE ALL ON bjxm.procurement_exceptions FROM PUBLIC;
REVOKE ALL ON SEQUENCE bjxm.procurement_exceptions_exception_id_seq FROM PUBLIC;
GRANT SELECT ON bjxm.procurement_exceptions
    TO bjxm_user_unit, bjxm_bigdata, bjxm_finance, bjxm_reviewer, bjxm_city_gov, bjxm_auditor;
REVOKE ALL ON FUNCTION bjxm.record_procurement(bigint, text, numeric, bjxm.procurement_method, text, text),
    bjxm.approve_procurement_exception(bigint, bjxm.procurement_method, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.record_procurement(bigint, text, numeric, bjxm.procurement_method, text, text),
    bjxm.approve_procurement_exception(bigint, bjxm.procurement_method, text) TO PUBLIC;
ALTER TABLE bjxm.procurement_exceptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.procurement_exceptions FORCE ROW LEVEL SECURITY;
CREATE POLICY procurement_exceptions_visible ON bjxm.procurement_exceptions FOR SELECT
    USING (project_id IN (SELECT p.project_id FROM bjxm.projects p));
SELECT pg_catalog.pg_extension_config_dump('bjxm.procurement_exceptions', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.procurement_exceptions_exception_id_seq', '');

-- 第三十四条: the item that once applied, so a fact turned off after the
-- service plan rests on it does not lift the city review.
ALTER TABLE bjxm.projects ADD COLUMN city_review_item integer CHECK (city_review_item BETWEEN 1 AND 3);
COMMENT ON COLUMN bjxm.projects.city_review_item IS '第三十四条曾适用的项, 事实事后更改也不解除市级评审 (the item of 第三十四条 that once applied; a fact turned off later does not lift the review)';

-- 第十九条: scoped adjustments; the experts' opinion from the entrusted
-- institution, bound to the request it reviewed; line items added after
-- the budget rest on an approved increase.  Requests recorded before 0.3.0
-- have no scope (sections NULL): they can still be decided, not used to
-- amend a plan (docs/reference.md).
ALTER TABLE bjxm.adjustments
    ADD COLUMN sections       text[],
    ADD COLUMN budget_delta   numeric(14,2) NOT NULL DEFAULT 0 CHECK (budget_delta >= 0),
    ADD COLUMN opinion_passed boolean,
    ADD COLUMN opinion        text,
    ADD COLUMN opinion_party  bigint REFERENCES bjxm.parties (party_id),
    ADD COLUMN opinion_by     name,
    ADD COLUMN opinion_at     timestamptz,
    ADD COLUMN opinion_digest text,
    ADD COLUMN plan_digest    text,
    ADD COLUMN changes        jsonb;
ALTER TABLE bjxm.line_items ADD COLUMN adjustment_id bigint REFERENCES bjxm.adjustments (adjustment_id);
CREATE INDEX line_items_adjustment_idx ON bjxm.line_items (adjustment_id) WHERE adjustment_id IS NOT NULL;
COMMENT ON COLUMN bjxm.adjustments.sections IS '调整范围: 修改的服务方案部分, 即 changes 的键 (the sections the amendment changes, the keys of changes; NULL: not stated, no amendment)';
COMMENT ON COLUMN bjxm.adjustments.budget_delta IS '申请增加的预算 (budget increase requested, yuan; 0: none)';
COMMENT ON COLUMN bjxm.adjustments.opinion_passed IS '专家评审意见是否同意 (whether the experts agreed)';
COMMENT ON COLUMN bjxm.adjustments.opinion IS '受委托评审机构的专家评审意见 (the entrusted institution''s expert opinion)';
COMMENT ON COLUMN bjxm.adjustments.opinion_party IS '出具意见的评审机构 (institution that gave the opinion)';
COMMENT ON COLUMN bjxm.adjustments.opinion_by IS '记录意见的角色 (role that recorded the opinion)';
COMMENT ON COLUMN bjxm.adjustments.opinion_at IS '意见时间 (opinion recorded at)';
COMMENT ON COLUMN bjxm.adjustments.opinion_digest IS '意见所评审的申请摘要 (digest of the request the opinion reviewed: reason, description, sections, budget delta)';
COMMENT ON COLUMN bjxm.line_items.adjustment_id IS '预算安排后据以新增的内容调整 (the approved 第十九条 adjustment a line item added after the budget rests on)';
COMMENT ON FUNCTION bjxm.request_adjustment(bigint, bjxm.adjustment_reason, text) IS '申请内容调整 (未载明范围, 不能据以修改方案), 第十九条 (request a content adjustment without a scope; user unit)';

CREATE FUNCTION bjxm.request_adjustment(project bigint, reason bjxm.adjustment_reason, description text,
                                        changes jsonb, budget_delta numeric DEFAULT 0) RETURNS bigint
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'request_adjustment', pg_catalog.jsonb_build_object('reason', $2, 'description', $3,
        -- (a JSON null is no object either: refused, not read as the unscoped form)
        'changes', CASE WHEN pg_catalog.jsonb_typeof($4) OPERATOR(pg_catalog.=) 'null' THEN '[]'::pg_catalog.jsonb ELSE $4 END,
        'budget_delta', NULLIF($5, 0))) $$;
COMMENT ON FUNCTION bjxm.request_adjustment(bigint, bjxm.adjustment_reason, text, jsonb, numeric) IS '申请内容调整, 载明服务方案各部分调整后的内容和增加的预算, 第十九条 (request an adjustment stating the new content of each plan section it changes and the budget increase; user unit)';

CREATE FUNCTION bjxm.record_adjustment_opinion(adjustment bigint, passed boolean, opinion text, report_ref text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(COALESCE((SELECT a.project_id FROM bjxm.adjustments a
                                       WHERE a.adjustment_id OPERATOR(pg_catalog.=) $1), 0),
        'record_adjustment_opinion', pg_catalog.jsonb_build_object('adjustment', $1, 'passed', $2, 'opinion', $3,
                                                                   'report_ref', $4)) $$;
COMMENT ON FUNCTION bjxm.record_adjustment_opinion(bigint, boolean, text, text) IS '受委托评审机构出具内容调整的专家评审意见, 第十九条 (the entrusted institution''s expert opinion on an adjustment; reviewer)';

REVOKE ALL ON FUNCTION bjxm.request_adjustment(bigint, bjxm.adjustment_reason, text, jsonb, numeric),
    bjxm.record_adjustment_opinion(bigint, boolean, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.request_adjustment(bigint, bjxm.adjustment_reason, text, jsonb, numeric),
    bjxm.record_adjustment_opinion(bigint, boolean, text, text) TO PUBLIC;
COMMENT ON COLUMN bjxm.adjustments.changes IS '申请的调整内容: 服务方案各部分调整后的文本, 专家评审的对象, 修改须与之一致 (the new content of each section, what the experts reviewed; the amendment must write exactly this)';
COMMENT ON COLUMN bjxm.adjustments.plan_digest IS '据此修改后的服务方案摘要, 服务方案评审的合法延续 (digest of the plan the amendment wrote: the reviewed plan''s lawful successor)';

-- 第十四条, 第三十四条: reviews bound to what they reviewed.  Reviews
-- recorded before 0.3.0 have no inputs: they stand, and bjxm.inspect lists
-- them (src/reviews.c).
ALTER TABLE bjxm.reviews ADD COLUMN inputs jsonb, ADD COLUMN digest text;
COMMENT ON COLUMN bjxm.reviews.inputs IS '所评审的内容: 服务方案、事实、金额、招标控制价 (what the review reviewed; a later change voids it, 第十四条, 第三十四条)';
COMMENT ON COLUMN bjxm.reviews.digest IS '所评审内容的摘要 md5(inputs) (digest of the inputs)';

-- 第十条, 第十二条: budgets per year and fund source.  A project budgeted
-- before 0.3.0 gets one row: its plan year, its fund, its budget.
CREATE TABLE bjxm.budgets (
    project_id  bigint NOT NULL REFERENCES bjxm.projects (project_id),
    year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    fund        bjxm.fund_source NOT NULL,
    amount      numeric(14,2) NOT NULL CHECK (amount >= 0),
    reason      text,
    arranged_by name NOT NULL,
    arranged_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    PRIMARY KEY (project_id, year, fund)
);
COMMENT ON TABLE bjxm.budgets IS '分年度、分资金来源的项目预算; projects.budget 为其合计 (a project''s budget per year and fund source, 第十条, 第十二条)';
COMMENT ON COLUMN bjxm.budgets.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.budgets.year IS '预算年度 (budget year)';
COMMENT ON COLUMN bjxm.budgets.fund IS '资金来源: 本级财政、上级资金、自筹 (fund source)';
COMMENT ON COLUMN bjxm.budgets.amount IS '该年度该来源的预算(元) (amount, yuan)';
COMMENT ON COLUMN bjxm.budgets.reason IS '调整理由 (reason of the last revision; NULL when arranged)';
COMMENT ON COLUMN bjxm.budgets.arranged_by IS '安排或调整的角色 (role that arranged or revised it)';
COMMENT ON COLUMN bjxm.budgets.arranged_at IS '安排或调整时间 (arranged or revised at)';
INSERT INTO bjxm.budgets (project_id, year, fund, amount, arranged_by)
SELECT p.project_id, p.plan_year, p.fund, p.budget, CURRENT_USER FROM bjxm.projects p WHERE p.budget IS NOT NULL;
REVOKE ALL ON bjxm.budgets FROM PUBLIC;
ALTER TABLE bjxm.budgets ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.budgets FORCE ROW LEVEL SECURITY;
CREATE POLICY budgets_visible ON bjxm.budgets FOR SELECT USING (project_id IN (SELECT p.project_id FROM bjxm.projects p));
SELECT pg_catalog.pg_extension_config_dump('bjxm.budgets', '');

CREATE FUNCTION bjxm._time_progress(year integer) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE WHEN $1 OPERATOR(pg_catalog.<) pg_catalog.date_part('year', bjxm.today())::integer THEN 1::numeric
                      WHEN $1 OPERATOR(pg_catalog.>) pg_catalog.date_part('year', bjxm.today())::integer THEN 0::numeric
                      ELSE pg_catalog.round(pg_catalog.date_part('month', bjxm.today())::numeric OPERATOR(pg_catalog./) 12, 4) END $$;
COMMENT ON FUNCTION bjxm._time_progress(integer) IS '序时进度: 该年度按月已过去的份额 (share of the year gone by bjxm.today(), by month; internal)';

CREATE OR REPLACE VIEW bjxm.budget_execution WITH (security_invoker = true) AS
SELECT l.project_id, l.project_name, l.unit, l.unit_name, l.region, l.state, l.state_label, l.plan_year, l.estimate,
       l.budget AS arranged, COALESCE(d.paid, 0)::numeric(14,2) AS paid,
       CASE WHEN l.budget OPERATOR(pg_catalog.>) 0 THEN pg_catalog.round(COALESCE(d.paid, 0) OPERATOR(pg_catalog./) l.budget, 4) END AS execution_rate,
       (l.state IN ('contracted', 'implementing')
        AND COALESCE(d.paid, 0) OPERATOR(pg_catalog./) l.budget OPERATOR(pg_catalog.<)
            ((SELECT s.value::numeric FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) 'slow_execution_rate')
             OPERATOR(pg_catalog.*) bjxm._time_progress(pg_catalog.date_part('year', bjxm.today())::integer))) AS slow,
       bjxm._time_progress(pg_catalog.date_part('year', bjxm.today())::integer) AS time_progress
  FROM bjxm.project_library l
  LEFT JOIN LATERAL (SELECT pg_catalog.sum(x.amount) AS paid FROM bjxm.disbursements x
                      WHERE x.project_id OPERATOR(pg_catalog.=) l.project_id) d ON true
 WHERE l.budget IS NOT NULL;
COMMENT ON COLUMN bjxm.budget_execution.slow IS '执行缓慢: 实施阶段执行率低于 slow_execution_rate × 序时进度 (slow execution, against the share of the year gone)';
COMMENT ON COLUMN bjxm.budget_execution.time_progress IS '序时进度: bjxm.today() 所在年度按月已过去的份额 (当月/12) (share of the current year gone, by month)';

CREATE VIEW bjxm.budget_execution_by_year WITH (security_invoker = true) AS
SELECT l.project_id, l.project_name, l.unit, l.unit_name, l.region, l.state, l.state_label, y.year,
       COALESCE(b.arranged, 0)::numeric(14,2) AS arranged, b.funds,
       COALESCE(d.paid, 0)::numeric(14,2) AS paid,
       CASE WHEN b.arranged OPERATOR(pg_catalog.>) 0
            THEN pg_catalog.round(COALESCE(d.paid, 0) OPERATOR(pg_catalog./) b.arranged, 4) END AS execution_rate,
       bjxm._time_progress(y.year) AS time_progress,
       (l.state IN ('contracted', 'implementing') AND b.arranged OPERATOR(pg_catalog.>) 0
        AND COALESCE(d.paid, 0) OPERATOR(pg_catalog./) b.arranged OPERATOR(pg_catalog.<)
            ((SELECT s.value::numeric FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) 'slow_execution_rate')
             OPERATOR(pg_catalog.*) bjxm._time_progress(y.year))) AS slow
  FROM bjxm.project_library l
  CROSS JOIN LATERAL (SELECT x.year FROM bjxm.budgets x WHERE x.project_id OPERATOR(pg_catalog.=) l.project_id
                      UNION
                      SELECT pg_catalog.date_part('year', x.paid_on)::integer FROM bjxm.disbursements x
                       WHERE x.project_id OPERATOR(pg_catalog.=) l.project_id) y
  LEFT JOIN LATERAL (SELECT pg_catalog.sum(x.amount) AS arranged,
                            pg_catalog.jsonb_object_agg(x.fund, x.amount) AS funds
                       FROM bjxm.budgets x
                      WHERE x.project_id OPERATOR(pg_catalog.=) l.project_id AND x.year OPERATOR(pg_catalog.=) y.year) b ON true
  LEFT JOIN LATERAL (SELECT pg_catalog.sum(x.amount) AS paid FROM bjxm.disbursements x
                      WHERE x.project_id OPERATOR(pg_catalog.=) l.project_id
                        AND x.paid_on OPERATOR(pg_catalog.>=) pg_catalog.make_date(y.year, 1, 1)
                        AND x.paid_on OPERATOR(pg_catalog.<) pg_catalog.make_date(y.year OPERATOR(pg_catalog.+) 1, 1, 1)) d ON true;
COMMENT ON VIEW bjxm.budget_execution_by_year IS '分年度预算执行: 安排(分资金来源)、当年拨付、执行率、序时进度、执行缓慢 (budget execution per year against 序时进度, 第十二条)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.project_id IS '项目编号 (project id)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.unit IS '用户单位统一社会信用代码 (unit USCC)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.unit_name IS '用户单位名称 (unit name)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.region IS '行政区划代码 (region)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.state IS '状态 (state)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.state_label IS '状态名称 (state, in Chinese)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.year IS '年度 (year: of a budget, or of a payment)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.arranged IS '该年度安排的预算合计(元) (arranged for the year, yuan)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.funds IS '该年度各资金来源的预算 {fund: amount} (the year''s budget per fund source)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.paid IS '该年度内拨付(元) (paid within the year, yuan)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.execution_rate IS '执行率 = 当年拨付 / 当年预算 (execution rate)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.time_progress IS '序时进度: 该年度已过去的月份 / 12 (bjxm.today() 所在年为当月/12, 以前年度为 1, 以后年度为 0) (share of the year gone, by month)';
COMMENT ON COLUMN bjxm.budget_execution_by_year.slow IS '执行缓慢: 实施阶段执行率低于 slow_execution_rate × 序时进度 (slow against 序时进度)';

CREATE FUNCTION bjxm.revise_budget(project bigint, year integer, new_amount numeric, reason text) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'revise_budget', pg_catalog.jsonb_build_object('year', $2, 'new_amount', $3, 'reason', $4)) $$;
COMMENT ON FUNCTION bjxm.revise_budget(bigint, integer, numeric, text) IS '调整项目某一年度的预算(项目的资金来源), 第十条、第十二条 (revise a year''s budget of the project''s fund source; finance, or the SOE itself for self-raised funds)';

CREATE FUNCTION bjxm.revise_budget(project bigint, year integer, new_amount numeric, reason text, fund bjxm.fund_source) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'revise_budget', pg_catalog.jsonb_build_object('year', $2, 'new_amount', $3, 'reason', $4,
                                                                               'fund', $5)) $$;
COMMENT ON FUNCTION bjxm.revise_budget(bigint, integer, numeric, text, bjxm.fund_source) IS '调整项目某一年度、某一资金来源(本级财政、上级资金、自筹)的预算, 第十条、第十二条 (revise a year''s budget of one fund source; finance, or the SOE itself for self-raised funds)';

REVOKE ALL ON FUNCTION bjxm._time_progress(integer), bjxm.revise_budget(bigint, integer, numeric, text),
    bjxm.revise_budget(bigint, integer, numeric, text, bjxm.fund_source) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm._time_progress(integer), bjxm.revise_budget(bigint, integer, numeric, text),
    bjxm.revise_budget(bigint, integer, numeric, text, bjxm.fund_source) TO PUBLIC;
GRANT SELECT ON bjxm.budgets, bjxm.budget_execution_by_year
    TO bjxm_user_unit, bjxm_bigdata, bjxm_finance, bjxm_reviewer, bjxm_city_gov, bjxm_auditor;

-- 第三十一条 (issue 15): a reported order gets a verification deadline;
-- the board shows when a hold began however it began, and what each order
-- needs now (待核查逾期 flags the regulator).
INSERT INTO bjxm.settings (key, value, kind, clause, default_value, description) VALUES
    ('verification_days', '15', 'integer', '第三十一条', '15',
     '报送整改结果后大数据部门或财政部门核查的期限(天), 本地政策, 原文未定; 逾期列为待核查逾期 (days the regulator has to verify a reported result; past them the order is flagged 待核查逾期)');
ALTER TABLE bjxm.rectifications ADD COLUMN verify_by date;
COMMENT ON COLUMN bjxm.rectifications.verify_by IS '核查期限: 报送日 + verification_days, 报送时确定 (date by which the regulator verifies a reported result; fixed when reported)';
UPDATE bjxm.rectifications r SET verify_by = r.reported_on OPERATOR(pg_catalog.+) 15
 WHERE r.status OPERATOR(pg_catalog.=) 'reported' AND r.reported_on IS NOT NULL;
CREATE OR REPLACE VIEW bjxm.rectification_board WITH (security_invoker = true) AS
SELECT r.rectification_id, u.code AS unit, u.name AS unit_name, u.region, r.category,
       bjxm.clause(31, r.category) AS clause, r.finding, r.project_id, r.status, r.deadline,
       (r.status OPERATOR(pg_catalog.<>) 'closed'
        AND (r.hold_since IS NOT NULL OR (r.status OPERATOR(pg_catalog.=) 'open'
                                           AND r.deadline OPERATOR(pg_catalog.<) bjxm.today())
             OR (r.status OPERATOR(pg_catalog.=) 'reported' AND r.verify_by OPERATOR(pg_catalog.<) bjxm.today()))) AS hold,
       CASE WHEN r.status OPERATOR(pg_catalog.<>) 'closed' THEN
            COALESCE(r.hold_since, CASE WHEN r.status OPERATOR(pg_catalog.=) 'open'
                                         AND r.deadline OPERATOR(pg_catalog.<) bjxm.today()
                                        THEN r.deadline OPERATOR(pg_catalog.+) 1
                                        WHEN r.status OPERATOR(pg_catalog.=) 'reported'
                                         AND r.verify_by OPERATOR(pg_catalog.<) bjxm.today()
                                        THEN r.verify_by OPERATOR(pg_catalog.+) 1 END)
            ELSE r.hold_since END AS hold_since,
       r.reported_on, r.opened_by, r.opened_at, r.closed_at, r.verify_by,
       (r.status OPERATOR(pg_catalog.=) 'reported' AND r.verify_by OPERATOR(pg_catalog.<) bjxm.today()) AS verification_overdue,
       CASE WHEN r.status OPERATOR(pg_catalog.=) 'reported' AND r.verify_by OPERATOR(pg_catalog.<) bjxm.today()
             AND r.hold_since IS NULL THEN '待核查逾期, 停止安排资金'
            WHEN r.status OPERATOR(pg_catalog.=) 'reported' AND r.verify_by OPERATOR(pg_catalog.<) bjxm.today() THEN '待核查逾期'
            WHEN r.status OPERATOR(pg_catalog.=) 'reported' THEN '待核查'
            WHEN r.status OPERATOR(pg_catalog.=) 'closed' THEN '已整改到位'
            WHEN r.status OPERATOR(pg_catalog.=) 'failed' THEN '整改不符合要求, 停止安排资金'
            WHEN r.deadline OPERATOR(pg_catalog.<) bjxm.today() THEN '逾期未整改, 停止安排资金'
            ELSE '待整改' END AS alert
  FROM bjxm.rectifications r
  JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) r.unit_id;
COMMENT ON COLUMN bjxm.rectification_board.hold_since IS '停止安排资金的起始日: 逾期未整改的为期限次日 (hold since: for an order overdue, the day after its deadline)';
COMMENT ON COLUMN bjxm.rectification_board.verify_by IS '核查期限 (date by which the regulator verifies the reported result)';
COMMENT ON COLUMN bjxm.rectification_board.verification_overdue IS '待核查逾期: 已报送而核查期限已过 (reported, and the regulator has not verified it in time)';
COMMENT ON COLUMN bjxm.rectification_board.alert IS '提示: 待整改、逾期未整改、待核查、待核查逾期、整改不符合要求、已整改到位 (what the order needs now)';

-- 第十六条 (issue 15): the contract is signed by the user unit and 大数据部门
-- each as its own actor and login; events and signatures record the login.
ALTER TABLE bjxm.events ADD COLUMN login name;
COMMENT ON COLUMN bjxm.events.login IS '登录用户 session_user, 与操作角色并列; 0.3.0 起记录并计入哈希 (the login beside the acting role: a pooled application shows; hashed from 0.3.0)';
CREATE TABLE bjxm.contract_signatures (
    project_id  bigint NOT NULL REFERENCES bjxm.projects (project_id),
    duty        text NOT NULL CHECK (duty IN ('user_unit', 'bigdata')),
    signer      name NOT NULL,
    login       name NOT NULL,
    login_oid   oid NOT NULL,
    contract_no text NOT NULL,
    terms       jsonb NOT NULL,
    amount      numeric(14,2),
    signed_on   date NOT NULL,
    signed_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    PRIMARY KEY (project_id, duty)
);
COMMENT ON TABLE bjxm.contract_signatures IS '三方服务合同签署: 用户单位与大数据部门各自签署, 双方签署一致后合同成立 (contract signatures pending, 第十六条)';
COMMENT ON COLUMN bjxm.contract_signatures.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.contract_signatures.duty IS '签署方 (side: user_unit or bigdata)';
COMMENT ON COLUMN bjxm.contract_signatures.signer IS '签署角色 (signing role)';
COMMENT ON COLUMN bjxm.contract_signatures.login IS '签署时的登录用户 session_user (the login that signed)';
COMMENT ON COLUMN bjxm.contract_signatures.login_oid IS '登录用户的 OID: 同一登录改名后仍是同一登录 (the login by OID: a renamed login is the same login)';
COMMENT ON COLUMN bjxm.contract_signatures.contract_no IS '合同编号 (contract number)';
COMMENT ON COLUMN bjxm.contract_signatures.terms IS '合同条款 (terms signed)';
COMMENT ON COLUMN bjxm.contract_signatures.amount IS '合同金额(元) (amount signed)';
COMMENT ON COLUMN bjxm.contract_signatures.signed_on IS '合同签订日期 (date on the contract)';
COMMENT ON COLUMN bjxm.contract_signatures.signed_at IS '签署时间 (signed at)';
ALTER TABLE bjxm.acceptance_signatures ADD COLUMN login name, ADD COLUMN login_oid oid;
COMMENT ON COLUMN bjxm.acceptance_signatures.login IS '签署时的登录用户 session_user (the login that signed; NULL before 0.3.0)';
COMMENT ON COLUMN bjxm.acceptance_signatures.login_oid IS '登录用户的 OID: 同一登录改名后仍是同一登录 (the login by OID; NULL before 0.3.0)';
REVOKE ALL ON bjxm.contract_signatures FROM PUBLIC;
GRANT SELECT ON bjxm.contract_signatures
    TO bjxm_user_unit, bjxm_bigdata, bjxm_finance, bjxm_reviewer, bjxm_city_gov, bjxm_auditor;
ALTER TABLE bjxm.contract_signatures ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.contract_signatures FORCE ROW LEVEL SECURITY;
CREATE POLICY contract_signatures_visible ON bjxm.contract_signatures FOR SELECT
    USING (project_id IN (SELECT p.project_id FROM bjxm.projects p));
SELECT pg_catalog.pg_extension_config_dump('bjxm.contract_signatures', '');
-- 第三条, 第七条, 第九条, 第三十条: separation of duties (docs/operations.md 职责分离矩阵).
CREATE FUNCTION bjxm.duty_matrix(OUT capacity text, OUT other text, OUT compatible boolean, OUT clause bjxm.clause)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_duty_matrix' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.duty_matrix() IS '职责分离矩阵: 两种职责能否由同一角色兼任, 不能时所依条款 (the separation-of-duties matrix: whether one role may hold both capacities, and the article that forbids it)';

CREATE FUNCTION bjxm.duty_conflicts(OUT role name, OUT capacity text, OUT held text, OUT other text, OUT other_held text,
                                    OUT clause bjxm.clause)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_duty_conflicts' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.duty_conflicts() IS '兼有不相容职责或成员资格的角色 (含经继承的), 这些角色的操作均被拒绝; 大数据部门或审计机关 (roles holding an incompatible pair of duties or memberships, inherited ones included; every action of theirs is refused; bigdata or auditor)';

REVOKE ALL ON FUNCTION bjxm.duty_matrix(), bjxm.duty_conflicts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.duty_matrix(), bjxm.duty_conflicts() TO PUBLIC;
------------------------------------------------------------------------------
-- Reminders (第二十八条, 第三十一条, 第十二条; issue 15 item 10): what is due
-- or overdue per unit, and a daily NOTIFY of it (docs/operations.md
-- "Reminders").
------------------------------------------------------------------------------

INSERT INTO bjxm.settings (key, value, kind, clause, default_value, description) VALUES
    ('reminder_days', '7', 'integer', '第三十一条', '7',
     '提醒提前天数: 期限在此天数内到来的事项列入 bjxm.reminders (days ahead a deadline is listed as due)');

-- Everything due (within reminder_days) or overdue, one row per item, with
-- the unit it concerns: RLS of the tables beneath decides who sees a row
-- (a unit its own, a regulator its jurisdiction).  The verification
-- deadline of a reported order is its verify_by (reported_on +
-- verification_days, fixed when reported).
CREATE VIEW bjxm.reminders WITH (security_invoker = true) AS
SELECT x.reminder, x.clause, x.unit, x.unit_name, x.region, x.project_id, x.object_id, x.detail, x.due_on,
       x.due_on OPERATOR(pg_catalog.<) bjxm.today() AS overdue,
       x.due_on OPERATOR(pg_catalog.-) bjxm.today() AS days_left,
       x.act_by
  FROM (
    -- 第三十一条: an open order's rectification deadline; the unit reports.
    SELECT 'rectification'::text AS reminder, bjxm.clause(31, r.category) AS clause, u.code AS unit,
           u.name AS unit_name, u.region, r.project_id, r.rectification_id AS object_id, ''::text AS detail,
           r.deadline AS due_on, 'user_unit'::text AS act_by
      FROM bjxm.rectifications r JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) r.unit_id
     WHERE r.status OPERATOR(pg_catalog.=) 'open'
    UNION ALL
    -- 第三十一条: a reported order's verification deadline; the regulator verifies (待核查).
    SELECT 'verification', bjxm.clause(31, r.category), u.code, u.name, u.region, r.project_id, r.rectification_id, '',
           r.verify_by,
           'bigdata,finance'
      FROM bjxm.rectifications r JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) r.unit_id
     WHERE r.status OPERATOR(pg_catalog.=) 'reported' AND r.verify_by IS NOT NULL
    UNION ALL
    -- 第二十八条: the yearly security test, crypto and risk assessment of a contracted project.
    SELECT 'security_assessment', bjxm.clause(28, 0), d.unit, d.unit_name, d.region, d.project_id, d.project_id,
           d.kind, d.due_on, 'user_unit'
      FROM bjxm.security_assessment_due d
    UNION ALL
    -- 第十二条: execution behind 序时进度 (budget_execution.slow), due while it lasts
    -- (the rate and 序时进度 are in budget_execution).
    SELECT 'slow_execution', bjxm.clause(12, 0), b.unit, b.unit_name, b.region, b.project_id, b.project_id,
           '', bjxm.today(), 'user_unit'
      FROM bjxm.budget_execution b
     WHERE b.slow
  ) x
 WHERE x.due_on OPERATOR(pg_catalog.<=)
       (bjxm.today() OPERATOR(pg_catalog.+) COALESCE((SELECT s.value::integer FROM bjxm.settings s
                                                      WHERE s.key OPERATOR(pg_catalog.=) 'reminder_days'), 7));
COMMENT ON VIEW bjxm.reminders IS '提醒: 到期或逾期的整改、待核查、年度安全评估和执行缓慢事项, 按单位 (everything due or overdue per unit: rectification and verification deadlines, yearly assessments, slow execution; 第十二条, 第二十八条, 第三十一条)';
COMMENT ON COLUMN bjxm.reminders.reminder IS 'rectification 整改期限 | verification 待核查期限 | security_assessment 年度安全评估 | slow_execution 执行缓慢 (kind of reminder)';
COMMENT ON COLUMN bjxm.reminders.clause IS '条款 (clause)';
COMMENT ON COLUMN bjxm.reminders.unit IS '单位 (unit)';
COMMENT ON COLUMN bjxm.reminders.unit_name IS '单位名称 (unit name)';
COMMENT ON COLUMN bjxm.reminders.region IS '区划 (region)';
COMMENT ON COLUMN bjxm.reminders.project_id IS '项目 (project, if any)';
COMMENT ON COLUMN bjxm.reminders.object_id IS '事项编号: 整改通知或项目 (the order, or the project)';
COMMENT ON COLUMN bjxm.reminders.detail IS '评估类别 (security_assessment: the kind of assessment; otherwise empty)';
COMMENT ON COLUMN bjxm.reminders.due_on IS '期限 (due on)';
COMMENT ON COLUMN bjxm.reminders.overdue IS '已逾期 (overdue)';
COMMENT ON COLUMN bjxm.reminders.days_left IS '剩余天数, 负数为逾期天数 (days left; negative: days overdue)';
COMMENT ON COLUMN bjxm.reminders.act_by IS '应由谁办理: user_unit 用户单位 | bigdata,finance 大数据部门或财政部门 (who acts)';

-- What send_reminders announced: one row per item per business day.
CREATE TABLE bjxm.reminder_log (
    reminder_id bigserial PRIMARY KEY,
    sent_on     date NOT NULL,
    reminder    text NOT NULL,
    unit_id     bigint NOT NULL REFERENCES bjxm.units (unit_id),
    project_id  bigint REFERENCES bjxm.projects (project_id),
    object_id   bigint NOT NULL,
    detail      text NOT NULL,
    due_on      date NOT NULL,
    overdue     boolean NOT NULL,
    act_by      text NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    UNIQUE (sent_on, reminder, object_id, detail)
);
CREATE INDEX reminder_log_unit_idx ON bjxm.reminder_log (unit_id, sent_on);
COMMENT ON TABLE bjxm.reminder_log IS '已发送的提醒, 每一事项每业务日一次 (reminders sent: each item once per business day; NOTIFY bjxm_reminders carries reminder_id only)';
COMMENT ON COLUMN bjxm.reminder_log.reminder_id IS '编号, 即 NOTIFY 的内容 (id, the NOTIFY payload)';
COMMENT ON COLUMN bjxm.reminder_log.sent_on IS '业务日期 (business date sent)';
COMMENT ON COLUMN bjxm.reminder_log.reminder IS '提醒类别, 同 bjxm.reminders (kind of reminder)';
COMMENT ON COLUMN bjxm.reminder_log.unit_id IS '单位 (unit)';
COMMENT ON COLUMN bjxm.reminder_log.project_id IS '项目 (project, if any)';
COMMENT ON COLUMN bjxm.reminder_log.object_id IS '事项编号: 整改通知或项目 (the order, or the project)';
COMMENT ON COLUMN bjxm.reminder_log.detail IS '评估类别 (security_assessment: the kind of assessment; otherwise empty)';
COMMENT ON COLUMN bjxm.reminder_log.due_on IS '期限 (due on)';
COMMENT ON COLUMN bjxm.reminder_log.overdue IS '发送时已逾期 (overdue when sent)';
COMMENT ON COLUMN bjxm.reminder_log.act_by IS '应由谁办理 (who acts)';
COMMENT ON COLUMN bjxm.reminder_log.sent_at IS '发送时间 (sent at)';

-- Each run of send_reminders (not unit-scoped: counts only).
CREATE TABLE bjxm.reminder_runs (
    run_id   bigserial PRIMARY KEY,
    ran_on   date NOT NULL,
    ran_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    ran_by   name NOT NULL,
    sent     integer NOT NULL,
    pending  integer NOT NULL
);
COMMENT ON TABLE bjxm.reminder_runs IS 'send_reminders 的每次运行 (each run of bjxm.send_reminders)';
COMMENT ON COLUMN bjxm.reminder_runs.run_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.reminder_runs.ran_on IS '业务日期 (business date)';
COMMENT ON COLUMN bjxm.reminder_runs.ran_at IS '运行时间 (ran at)';
COMMENT ON COLUMN bjxm.reminder_runs.ran_by IS '运行角色 (role that ran it)';
COMMENT ON COLUMN bjxm.reminder_runs.sent IS '本次新发送的提醒数 (reminders sent by this run)';
COMMENT ON COLUMN bjxm.reminder_runs.pending IS '到期或逾期的事项总数 (items due or overdue)';

-- Run daily by a scheduler (pg_cron): NOTIFY bjxm_reminders for each item
-- of bjxm.reminders not yet announced today; returns how many.  The
-- payload is the reminder_log id only ({"reminder_id": n}): any role can
-- LISTEN, and reads the item through RLS on bjxm.reminder_log.
CREATE FUNCTION bjxm.send_reminders() RETURNS integer
    AS 'MODULE_PATHNAME', 'bjxm_send_reminders' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.send_reminders() IS '发送当日到期或逾期事项的提醒 (NOTIFY bjxm_reminders, 每事项每日一次), 由调度程序(pg_cron)每日运行 (NOTIFY what is due or overdue, each item once a day; run daily by a scheduler)';

REVOKE ALL ON TABLE bjxm.reminder_log, bjxm.reminder_runs, bjxm.reminders FROM PUBLIC;
REVOKE ALL ON SEQUENCE bjxm.reminder_log_reminder_id_seq, bjxm.reminder_runs_run_id_seq FROM PUBLIC;
-- Public like every function: it checks its duty itself (42501 naming the article).
REVOKE ALL ON FUNCTION bjxm.send_reminders() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.send_reminders() TO PUBLIC;
GRANT SELECT ON bjxm.reminders, bjxm.reminder_log
    TO bjxm_user_unit, bjxm_bigdata, bjxm_finance, bjxm_reviewer, bjxm_city_gov, bjxm_auditor;
-- The runs count every unit's items: the oversight departments' only.
GRANT SELECT ON bjxm.reminder_runs TO bjxm_bigdata, bjxm_finance, bjxm_city_gov, bjxm_auditor;
ALTER TABLE bjxm.reminder_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.reminder_log FORCE ROW LEVEL SECURITY;
CREATE POLICY reminder_log_visible ON bjxm.reminder_log FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[])));
SELECT pg_catalog.pg_extension_config_dump('bjxm.reminder_log', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.reminder_log_reminder_id_seq', '');
-- The runs count every unit's items: city-wide oversight only (a county's
-- department sees its own items in reminders, not the city's totals).
ALTER TABLE bjxm.reminder_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.reminder_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY reminder_runs_city ON bjxm.reminder_runs FOR SELECT USING ((SELECT bjxm._sees_all_units()));
SELECT pg_catalog.pg_extension_config_dump('bjxm.reminder_runs', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.reminder_runs_run_id_seq', '');
-- 第三十五条: jurisdictions fail closed (docs/design.md "Jurisdictions fail
-- closed").  Rows keyed by role name become rows keyed by role OID, valid
-- while the role holds the SELECT grant made with them; a row whose role
-- no longer exists is dropped (it could only pass to a later role of that
-- name).  A role without a row, which 0.2.0 treated as city-wide, now has
-- no jurisdiction: the DBA grants the city explicitly (region 520500,
-- docs/operations.md).
ALTER TABLE bjxm.jurisdictions ADD COLUMN role_oid oid;
UPDATE bjxm.jurisdictions j SET role_oid = r.oid FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) j.member;
DELETE FROM bjxm.jurisdictions WHERE role_oid IS NULL;
ALTER TABLE bjxm.jurisdictions DROP CONSTRAINT jurisdictions_pkey;
ALTER TABLE bjxm.jurisdictions ADD CONSTRAINT jurisdictions_pkey PRIMARY KEY (role_oid);
-- The grants that validate the rows are the table's ordinary privileges,
-- not its initial ones: pg_dump must carry them as a fresh install's would.
DO $bjxm$
DECLARE
    init aclitem[];
    r record;
BEGIN
    SELECT i.initprivs INTO init FROM pg_catalog.pg_init_privs i
     WHERE i.objoid OPERATOR(pg_catalog.=) 'bjxm.jurisdictions'::pg_catalog.regclass
       AND i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND i.objsubid OPERATOR(pg_catalog.=) 0;
    FOR r IN SELECT j.member FROM bjxm.jurisdictions j LOOP
        EXECUTE pg_catalog.format('GRANT SELECT ON TABLE bjxm.jurisdictions TO %I', r.member);
    END LOOP;
    IF init IS NOT NULL THEN
        UPDATE pg_catalog.pg_init_privs i SET initprivs = init
         WHERE i.objoid OPERATOR(pg_catalog.=) 'bjxm.jurisdictions'::pg_catalog.regclass
           AND i.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND i.objsubid OPERATOR(pg_catalog.=) 0;
    END IF;
END
$bjxm$;
COMMENT ON TABLE bjxm.jurisdictions IS '管辖范围: 按角色 OID 登记; 未登记的角色没有管辖范围, 全市为 520500 (jurisdiction of duty-role members, keyed by role OID; none without a row; city-wide is region 520500; 第三十五条)';
COMMENT ON COLUMN bjxm.jurisdictions.role_oid IS '角色 OID, 据以执行; 角色持有本表的 SELECT 授权时有效 (role OID, enforced; valid while the role holds the SELECT grant made with it)';
COMMENT ON COLUMN bjxm.jurisdictions.member IS '角色名, 设定时刷新, 供转储恢复时映射为 OID (role name, refreshed when set; maps back to an OID on restore)';
COMMENT ON COLUMN bjxm.jurisdictions.region IS '管辖区划, 520500 为全市 (region acted on; 520500 = the whole city)';
DROP POLICY jurisdictions_visible ON bjxm.jurisdictions;
CREATE POLICY jurisdictions_visible ON bjxm.jurisdictions FOR SELECT
    USING ((SELECT bjxm._sees_all_units())
           OR role_oid OPERATOR(pg_catalog.=) (SELECT r.oid FROM pg_catalog.pg_roles r
                                               WHERE r.rolname OPERATOR(pg_catalog.=) bjxm.acting_role()));
CREATE FUNCTION bjxm._jurisdictions_restore() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.role_oid := (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) NEW.member);
    IF NEW.role_oid IS NULL THEN
        RAISE WARNING '第三十五条: 角色“%”不存在, 其管辖范围未恢复 (role % does not exist: jurisdiction % not restored)',
            NEW.member, NEW.member, NEW.region;
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION bjxm._jurisdictions_restore() IS '内部: 恢复时按角色名映射 OID (internal: map a restored jurisdiction to the OID of its role name)';
REVOKE ALL ON FUNCTION bjxm._jurisdictions_restore() FROM PUBLIC;
CREATE TRIGGER jurisdictions_restore BEFORE INSERT ON bjxm.jurisdictions
    FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)
    EXECUTE FUNCTION bjxm._jurisdictions_restore();

CREATE FUNCTION bjxm.revoke_jurisdiction(member regrole)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'revoke_jurisdiction', pg_catalog.jsonb_build_object('member', $1::oid::bigint)) $$;
COMMENT ON FUNCTION bjxm.revoke_jurisdiction(regrole) IS '撤销职责角色成员的管辖范围, 市级大数据部门 (remove a member''s jurisdiction: it then acts on no region; city bigdata)';

-- 第三十六条: the figures of the regulation (第三十二条, 第三十四条第(三)项)
-- and of the superior law it defers to (第十五条's 公开招标数额标准) change
-- only by the city government, with a reason, each a new rulebook version.
ALTER TABLE bjxm.settings ADD COLUMN regulation_figure boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN bjxm.settings.regulation_figure IS '规章规定的数额: 仅市人民政府以 set_regulation_figure 修改 (a figure of the regulation: changed only by the city government, set_regulation_figure)';
UPDATE bjxm.settings SET regulation_figure = true
 WHERE key IN ('county_review_threshold', 'major_project_threshold', 'open_tender_threshold');
CREATE TABLE bjxm.rulebook_versions (
    version    integer PRIMARY KEY CHECK (version > 0),
    key        text NOT NULL,
    old_value  text NOT NULL,
    new_value  text NOT NULL,
    reason     text NOT NULL CHECK (pg_catalog.btrim(reason) <> ''),
    changed_by name NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
COMMENT ON TABLE bjxm.rulebook_versions IS '规则版本: 规章规定数额的每次修改 (rulebook versions: each change of a figure of the regulation, 第三十六条)';
COMMENT ON COLUMN bjxm.rulebook_versions.version IS '规则版本号, 安装时为 0 (rulebook version; 0 as installed)';
COMMENT ON COLUMN bjxm.rulebook_versions.key IS '参数名 (setting key)';
COMMENT ON COLUMN bjxm.rulebook_versions.old_value IS '原值 (old value)';
COMMENT ON COLUMN bjxm.rulebook_versions.new_value IS '新值 (new value)';
COMMENT ON COLUMN bjxm.rulebook_versions.reason IS '修改理由 (reason)';
COMMENT ON COLUMN bjxm.rulebook_versions.changed_by IS '修改角色 (changed by)';
COMMENT ON COLUMN bjxm.rulebook_versions.changed_at IS '修改时间 (changed at)';
SELECT pg_catalog.pg_extension_config_dump('bjxm.rulebook_versions', '');
CREATE VIEW bjxm.rulebook AS
SELECT COALESCE((SELECT pg_catalog.max(v.version) FROM bjxm.rulebook_versions v), 0) AS version,
       (SELECT COALESCE(pg_catalog.sum(s.revision), 0) FROM bjxm.settings s) AS settings_revision,
       s.key, s.value, s.clause, s.default_value,
       (SELECT pg_catalog.max(v.version) FROM bjxm.rulebook_versions v WHERE v.key OPERATOR(pg_catalog.=) s.key) AS set_in_version,
       s.changed_at
  FROM bjxm.settings s
 WHERE s.regulation_figure;
COMMENT ON VIEW bjxm.rulebook IS '现行规则版本与规章规定的数额 (the rulebook in force: its version and the figures of the regulation, 第三十六条)';
COMMENT ON COLUMN bjxm.rulebook.version IS '现行规则版本号 (rulebook version in force; 0 = as installed)';
COMMENT ON COLUMN bjxm.rulebook.settings_revision IS '参数修订号, 即事件 rulebook 列的 r 值 (settings revision, the r of events.rulebook)';
COMMENT ON COLUMN bjxm.rulebook.key IS '参数名 (key)';
COMMENT ON COLUMN bjxm.rulebook.value IS '现行数额 (value in force)';
COMMENT ON COLUMN bjxm.rulebook.clause IS '依据条款 (clause)';
COMMENT ON COLUMN bjxm.rulebook.default_value IS '规章原定数额 (value installed)';
COMMENT ON COLUMN bjxm.rulebook.set_in_version IS '最近修改的规则版本 (version that last changed it; NULL = never)';
COMMENT ON COLUMN bjxm.rulebook.changed_at IS '最近修改时间 (last changed at)';
GRANT SELECT ON bjxm.rulebook_versions, bjxm.rulebook
    TO bjxm_user_unit, bjxm_bigdata, bjxm_finance, bjxm_reviewer, bjxm_city_gov, bjxm_auditor;
CREATE FUNCTION bjxm.set_regulation_figure(key text, value text, reason text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_regulation_figure', pg_catalog.jsonb_build_object('key', $1, 'value', $2, 'reason', $3)) $$;
COMMENT ON FUNCTION bjxm.set_regulation_figure(text, text, text) IS '修改规章规定的数额, 市人民政府(全市), 须说明理由, 每次为新的规则版本 (change a figure of the regulation; city government, city-wide; with a reason; a new rulebook version, 第三十六条)';
COMMENT ON FUNCTION bjxm.set_setting(text, text) IS '修改规则参数, 市级大数据部门, 留痕; 规章规定的数额除外 (change a rule parameter; city bigdata; recorded as an event; not the regulation''s figures)';
REVOKE ALL ON FUNCTION bjxm.revoke_jurisdiction(regrole), bjxm.set_regulation_figure(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.revoke_jurisdiction(regrole), bjxm.set_regulation_figure(text, text, text) TO PUBLIC;
-- Issue 15 item 7 (data gates fail closed, 第二十三条, 第二十五条, 第二十九条):
-- information items that name personal data make an entry sensitive
-- (bjxm.personal_data_items, the list of data/personal_data_items.tsv);
-- the trigger bjxm._data_resource_guard holds the gates on every write
-- path; bjxm.delist_data_resource.  Entries catalogued before are marked
-- from their items before the trigger exists: an entry listed under
-- 0.2.0 that now breaks a gate stays listed (nothing is refused after the
-- fact) and bjxm.inspect reports it (BJ023) until it is delisted.
ALTER TABLE bjxm.data_resources ADD COLUMN personal_items text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN bjxm.data_resources.personal_items IS '涉及个人信息的信息项, 由触发器按 data/personal_data_items.tsv 判定; 非空即为敏感数据 (items naming personal data, set by the trigger; any makes the entry sensitive, 第二十九条)';
COMMENT ON COLUMN bjxm.data_resources.sensitive IS '涉及商业秘密、个人隐私等敏感数据: 单位声明, 或信息项涉及个人信息 (sensitive data: declared, or items naming personal data; 第二十九条)';

CREATE FUNCTION bjxm.personal_data_items(items jsonb) RETURNS text[]
    AS 'MODULE_PATHNAME', 'bjxm_personal_data_items' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.personal_data_items(jsonb) IS '信息项中涉及个人信息的项, 如 {"家长手机号码(家长, 未成年人)"}; 规范化后匹配 data/personal_data_items.tsv, 第二十九条 (the information items that name personal data)';
UPDATE bjxm.data_resources d
   SET personal_items = bjxm.personal_data_items(d.items),
       sensitive = d.sensitive OR pg_catalog.cardinality(bjxm.personal_data_items(d.items)) OPERATOR(pg_catalog.>) 0;

CREATE FUNCTION bjxm._data_resource_gate(d bjxm.data_resources) RETURNS text[]
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE
      WHEN NOT COALESCE(d.review_passed, false) OR d.approved_at IS NULL THEN
        ARRAY['BJ022', '第二十二条: 数据资源目录未经大数据部门审核和市人民政府审定, 不能上架',
              pg_catalog.format('“%s”: 审核 %s, 审定 %s', d.name, COALESCE(d.review_passed::text, '无'), COALESCE(d.approved_at::text, '无'))]
      WHEN d.classification IS NULL OR d.level IS NULL OR NOT COALESCE(d.secrecy_reviewed, false) THEN
        ARRAY['BJ023', '第二十三条: 上架前须完成分类分级并做好保密审查',
              pg_catalog.format('“%s”: 分类 %s, 分级 %s, 保密审查 %s', d.name, COALESCE(d.classification, '无'), COALESCE(d.level, '无'), COALESCE(d.secrecy_reviewed::text, '无'))]
      WHEN d.level OPERATOR(pg_catalog.=) '核心数据' AND (d.open_type OPERATOR(pg_catalog.<>) 'none' OR d.share_type OPERATOR(pg_catalog.=) 'unconditional') THEN
        ARRAY['BJ023', '第二十三条: 核心数据不予开放, 仅可有条件共享',
              pg_catalog.format('“%s”: 共享类型 %s, 开放类型 %s', d.name, d.share_type, d.open_type)]
      WHEN d.level OPERATOR(pg_catalog.=) '重要数据' AND (d.open_type OPERATOR(pg_catalog.=) 'unconditional' OR d.share_type OPERATOR(pg_catalog.=) 'unconditional') THEN
        ARRAY['BJ023', '第二十三条: 重要数据仅可有条件共享、有条件开放',
              pg_catalog.format('“%s”: 共享类型 %s, 开放类型 %s', d.name, d.share_type, d.open_type)]
      WHEN d.open_type OPERATOR(pg_catalog.<>) 'none' AND NOT COALESCE(d.desensitized, false) THEN
        ARRAY['BJ025', '第二十五条: 拟开放的数据须先脱敏脱密',
              pg_catalog.format('“%s”: 开放类型 %s, 未声明已脱敏脱密', d.name, d.open_type)]
      WHEN d.sensitive AND (d.share_type OPERATOR(pg_catalog.=) 'unconditional' OR d.open_type OPERATOR(pg_catalog.=) 'unconditional') THEN
        ARRAY['BJ029', '第二十九条: 涉及商业秘密、个人隐私的敏感数据不得无条件共享或开放',
              pg_catalog.format('“%s”: 共享类型 %s, 开放类型 %s, 个人信息项 %s', d.name, d.share_type, d.open_type,
                                COALESCE(pg_catalog.array_to_string(d.personal_items, '、'), ''))]
    END $$;
COMMENT ON FUNCTION bjxm._data_resource_gate(bjxm.data_resources) IS '内部: 已上架条目须满足的条件, 不满足时返回 {SQLSTATE, 信息, 详情} (internal: the gates a listed entry satisfies)';

CREATE FUNCTION bjxm._data_resource_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    gate text[];
BEGIN
    -- its items (every text of each), and its name and summary (issue 15)
    NEW.personal_items := bjxm.personal_data_items(
        CASE WHEN pg_catalog.jsonb_typeof(NEW.items) OPERATOR(pg_catalog.=) 'array' THEN NEW.items ELSE '[]' END
        OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_array(
            pg_catalog.jsonb_build_object('name', NEW.name, 'summary', NEW.summary)));
    IF pg_catalog.cardinality(NEW.personal_items) OPERATOR(pg_catalog.>) 0 THEN
        NEW.sensitive := true;
    END IF;
    IF TG_OP OPERATOR(pg_catalog.=) 'UPDATE' THEN
        IF OLD.listed_at IS NOT NULL AND NEW.listed_at IS NOT NULL AND
           (NEW.classification, NEW.level, NEW.secrecy_reviewed, NEW.sensitive, NEW.desensitized, NEW.items,
            NEW.share_type, NEW.share_condition, NEW.open_type, NEW.project_id, NEW.unit_id)
           IS DISTINCT FROM
           (OLD.classification, OLD.level, OLD.secrecy_reviewed, OLD.sensitive, OLD.desensitized, OLD.items,
            OLD.share_type, OLD.share_condition, OLD.open_type, OLD.project_id, OLD.unit_id) THEN
            RAISE EXCEPTION '第二十三条: 已上架的数据资源“%”不能改变分类分级、保密审查、敏感属性、脱敏脱密、信息项或共享开放类型', OLD.name
                USING ERRCODE = 'BJ023',
                      DETAIL = pg_catalog.format('发布于 %s; 分级 %s → %s; 保密审查 %s → %s; 敏感 %s → %s; 脱敏脱密 %s → %s。',
                          OLD.published_on, OLD.level, NEW.level, OLD.secrecy_reviewed, NEW.secrecy_reviewed,
                          OLD.sensitive, NEW.sensitive, OLD.desensitized, NEW.desensitized),
                      HINT = '先以 bjxm.delist_data_resource 下架, 重新分级后经大数据部门重新审核、市人民政府审定, 再上架。';
        END IF;
        IF (NEW.classification, NEW.level, NEW.secrecy_reviewed, NEW.sensitive, NEW.items,
            NEW.share_type, NEW.share_condition, NEW.open_type)
           IS DISTINCT FROM
           (OLD.classification, OLD.level, OLD.secrecy_reviewed, OLD.sensitive, OLD.items,
            OLD.share_type, OLD.share_condition, OLD.open_type) THEN
            NEW.review_passed := NULL;
            NEW.reviewed_at := NULL;
            NEW.approved_at := NULL;
        END IF;
    END IF;
    IF NEW.listed_at IS NOT NULL THEN
        gate := bjxm._data_resource_gate(NEW);
        IF gate IS NOT NULL THEN
            RAISE EXCEPTION '%', gate[2] USING ERRCODE = gate[1], DETAIL = gate[3],
                HINT = '上架条件见 bjxm.check_data_resource; 已上架条目先以 bjxm.delist_data_resource 下架。';
        END IF;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION bjxm._data_resource_guard() IS '内部: 个人信息项即敏感数据; 已上架条目的分级、敏感、脱敏脱密等不可改变; 改变后须重新审核; 已上架条目须满足上架条件 (internal: the data gates on every write path)';
CREATE TRIGGER data_resources_guard BEFORE INSERT OR UPDATE ON bjxm.data_resources
    FOR EACH ROW EXECUTE FUNCTION bjxm._data_resource_guard();

CREATE FUNCTION bjxm.delist_data_resource(id bigint, reason text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'delist_data_resource', pg_catalog.jsonb_build_object('id', $1, 'reason', $2)) $$;
COMMENT ON FUNCTION bjxm.delist_data_resource(bigint, text) IS '数据资源下架, 写明理由; 下架后方可重新分级, 须重新审核审定后再上架, 第二十一条、第二十三条 (delist an entry, with a reason; user unit or bigdata)';
REVOKE ALL ON FUNCTION bjxm.personal_data_items(jsonb), bjxm._data_resource_gate(bjxm.data_resources),
    bjxm._data_resource_guard(), bjxm.delist_data_resource(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.delist_data_resource(bigint, text), bjxm.personal_data_items(jsonb) TO PUBLIC;

------------------------------------------------------------------------------
-- Issue 16: 第十一条 that cannot be dodged by spelling.  The dictionary
-- learns kinds (always / purchase_only) and context rules, and is reseeded
-- from data/i16 (1107 phrases, in normal form).
------------------------------------------------------------------------------
ALTER TABLE bjxm.excluded_terms
    ADD COLUMN class text,
    ADD COLUMN kind text NOT NULL DEFAULT 'always' CHECK (kind IN ('always', 'purchase_only')),
    ADD COLUMN allow_contexts text[] NOT NULL DEFAULT '{}',
    ADD COLUMN deny_contexts text[] NOT NULL DEFAULT '{}',
    ADD COLUMN refuse_by_default boolean NOT NULL DEFAULT true,
    ADD CONSTRAINT excluded_terms_contexts_check
        CHECK (kind = 'purchase_only' OR (allow_contexts = '{}' AND deny_contexts = '{}' AND refuse_by_default));
COMMENT ON COLUMN bjxm.excluded_terms.class IS '开支类别, 如 office_computers (expense class of a seeded phrase, data/i16/README.md)';
COMMENT ON COLUMN bjxm.excluded_terms.kind IS 'always: 出现即排除; purchase_only: 仅作为采购或开支时排除, 由上下文规则判定 (always excluded, or only as a purchase, decided by the context rule)';
COMMENT ON COLUMN bjxm.excluded_terms.allow_contexts IS '上下文规则: 表明是系统主题的邻近词, 如 系统、平台、app (contexts that make the phrase the subject of a system)';
COMMENT ON COLUMN bjxm.excluded_terms.deny_contexts IS '上下文规则: 表明是采购或开支的邻近词, 如 采购、<N>台 (contexts that make it a purchase; <N>台 = a number then 台)';
COMMENT ON COLUMN bjxm.excluded_terms.refuse_by_default IS '上下文规则: 两类邻近词均未出现时是否排除 (whether the phrase is refused when neither kind of context is near)';

CREATE OR REPLACE FUNCTION bjxm._dictionary_restore_merge() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME OPERATOR(pg_catalog.=) 'excluded_terms' THEN
        UPDATE bjxm.excluded_terms t SET clause = NEW.clause, active = NEW.active, revision = NEW.revision,
               class = NEW.class, kind = NEW.kind, allow_contexts = NEW.allow_contexts, deny_contexts = NEW.deny_contexts,
               refuse_by_default = NEW.refuse_by_default
         WHERE t.term OPERATOR(pg_catalog.=) NEW.term;
    ELSE
        UPDATE bjxm.expense_categories c SET label = NEW.label, eligible = NEW.eligible, clause = NEW.clause,
               revision = NEW.revision
         WHERE c.code OPERATOR(pg_catalog.=) NEW.code;
    END IF;
    IF FOUND THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION bjxm.set_excluded_term(term text, clause bjxm.clause, active boolean, kind text,
        allow text[] DEFAULT '{}', deny text[] DEFAULT '{}', refuse_by_default boolean DEFAULT true) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_excluded_term', pg_catalog.jsonb_build_object(
        'term', $1, 'clause', $2::text, 'active', $3, 'kind', $4, 'allow', pg_catalog.to_jsonb($5),
        'deny', pg_catalog.to_jsonb($6), 'refuse_by_default', $7)) $$;
COMMENT ON FUNCTION bjxm.set_excluded_term(text, bjxm.clause, boolean, text, text[], text[], boolean) IS '增改第十一条词条及其上下文规则 (always 或 purchase_only), 市级大数据部门, 留痕 (add or change a dictionary term with its kind and context rule; city bigdata; audited)';
REVOKE ALL ON FUNCTION bjxm.set_excluded_term(text, bjxm.clause, boolean, text, text[], text[], boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.set_excluded_term(text, bjxm.clause, boolean, text, text[], text[], boolean) TO PUBLIC;

-- 0.2.0's four terms that were not in normal form take the spelling of
-- data/i16 (a DBA's change to them is kept: the row is renamed, not
-- replaced), and waivers follow them.
CREATE TEMPORARY TABLE bjxm_terms_renamed (old text, new text);
INSERT INTO bjxm_terms_renamed VALUES ('A4纸', 'a4纸'), ('U盘采购', 'u盘采购'), ('采购U盘', '采购u盘'), ('改(扩)建', '改扩建');
UPDATE bjxm.term_waivers w SET term = r.new FROM bjxm_terms_renamed r
 WHERE w.term OPERATOR(pg_catalog.=) r.old
   AND NOT EXISTS (SELECT 1 FROM bjxm.term_waivers x WHERE x.project_id OPERATOR(pg_catalog.=) w.project_id
                   AND x.term OPERATOR(pg_catalog.=) r.new);
UPDATE bjxm.excluded_terms t SET term = r.new FROM bjxm_terms_renamed r
 WHERE t.term OPERATOR(pg_catalog.=) r.old
   AND NOT EXISTS (SELECT 1 FROM bjxm.excluded_terms x WHERE x.term OPERATOR(pg_catalog.=) r.new);
DROP TABLE bjxm_terms_renamed;

-- @terms_seed begin: generated by tools/terms_seed.sh --write; do not edit
CREATE TEMPORARY TABLE bjxm_terms_seed (term text, clause bjxm.clause, class text, kind text,
    allow_contexts text[], deny_contexts text[], refuse_by_default boolean, seeded boolean);
INSERT INTO bjxm_terms_seed (term, clause, class, kind, allow_contexts, deny_contexts, refuse_by_default, seeded) VALUES
    ('人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('工作人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('职工工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('干部职工工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('在编人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('编外人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('临聘人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('聘用人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('派遣人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('劳务派遣人员工资', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('劳务派遣费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('劳务派遣人员费用', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('劳务费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('人员经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('编外人员经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('聘用人员经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('临聘人员经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('临聘人员费用', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('公用经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('专项工作经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('日常工作经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('办公经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('工资福利', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('工资性支出', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('工资及福利', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('基本工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('绩效工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('人员薪酬', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('职工薪酬', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('薪酬支出', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('薪酬福利', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('绩效奖金', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('年终奖', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('人员奖金', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('发放奖金', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('奖金福利', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('福利费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('加班费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('加班补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('值班费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('值班补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('津贴补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('岗位津贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('交通补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('餐费补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('住房补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('误餐补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('伙食补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('社会保险费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('社保费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('缴纳社保', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('五险一金', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('职工住房公积金', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('单位公积金', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('职业年金', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('工会经费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('慰问金', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('差旅费', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('网上报销|报销系统|报销模块|报销平台|报销在线|报销审核|在线审核|在线报销|标准查询|查询模块|管理系统|管理模块|审批系统|审批模块|核算系统|系统对接|接口|数据', '|'), pg_catalog.string_to_array('支出|开支|补助|补贴|经费|<N>人次|<N>次|住宿|交通|项目|及|以及|和', '|'), true, true),
    ('差旅补助', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('差旅补贴', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('出差费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('出差补助', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('出差补贴', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('住宿费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('城市间交通费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('市内交通费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('考察费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('学习考察', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('考察学习', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('外出培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('参加培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('干部培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('职工培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('会议费', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会务费', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会场租赁', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议场地', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('接待费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('公务接待', '第十一条第(一)项', 'hospitality', 'purchase_only', pg_catalog.string_to_array('管理系统|系统|平台|模块|审批|登记|管理|接口|数据', '|'), pg_catalog.string_to_array('费|餐|住宿|用餐|宴|烟酒|礼品|<N>批|<N>人次|支出|开支|及|以及|和', '|'), true, true),
    ('招待费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('公务用车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|平台|系统|监控|定位|调度|信息|标识|改革|服务平台|轨迹|北斗|数据|接口|共享|模块|审批|派车', '|'), pg_catalog.string_to_array('购置|采购|购买|更新|运行|维护|维修|保险|加油|燃油|费|<N>辆|<N>台|添置|新购|增购|<N>批', '|'), true, true),
    ('公车购置', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('公车运行费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('公车运行维护', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('公车维护费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆购置', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('税', '|'), pg_catalog.string_to_array('<N>辆|<N>台|费|经费|支出|及|以及|和', '|'), true, true),
    ('购置车辆', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('购买车辆', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆采购', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('采购车辆', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆维修费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆维护费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆运行维护费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆保养费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆保险费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆年检费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('加油费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('加油卡', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|台账|数据|系统|模块|平台|接口|统计', '|'), pg_catalog.string_to_array('充值|费|<N>张|购|办理|公车|车辆', '|'), true, true),
    ('燃油费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('过路过桥费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('水电费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('办公用水', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('办公用电', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('物业费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('物业管理费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('取暖费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('房屋租赁费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公用房租金', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('保洁费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('保安服务费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('绿化费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('邮电费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('快递费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('印刷费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('办公家具', '第十一条第(一)项', 'office_furniture', 'purchase_only', pg_catalog.string_to_array('资产卡片|资产管理|资产登记|资产|盘点|登记|台账|管理系统', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|配置|<N>套|<N>件|<N>张|及|以及|和', '|'), true, true),
    ('家具购置', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('家具采购', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('购置家具', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('配套家具', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公桌', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('桌椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('会议桌', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('电脑桌', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('文件柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('书柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('保密柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('沙发', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('茶几', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公屏风', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公工位', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公电脑', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('资产卡片|资产管理|资产登记|资产|盘点|登记|台账|管理系统|终端管理|准入|补丁', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|更新|配备|配置|配套|<N>台|<N>套|及|以及|和', '|'), true, true),
    ('笔记本电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('台式电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('平板电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('台式机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公计算机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('台式计算机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('便携式计算机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑采购', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('采购电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('购置电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('购买电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑购置', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公终端采购', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公终端购置', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公设备购置', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('办公设备采购', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('打印机', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('管理|驱动|监控|接入|共享服务|适配|状态|平台|系统|云打印|安全审计|监管|接口|模块', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|租赁|耗材|维修|硒鼓|墨盒|<N>台|费|办公室|科室|股室|机关|干部|领导|工作人员|配发|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('复印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('传真机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('碎纸机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('投影仪', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('办公空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('饮水机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('耗材费', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('办公耗材', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('打印耗材', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('耗材购置', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('购置耗材', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('硒鼓', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('墨盒', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('碳粉', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('墨粉', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('打印纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('复印纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('a4纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('色带', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('办公用品', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('文具', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('u盘采购', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('采购u盘', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('移动硬盘采购', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('话费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通讯费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机通信费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('电话通信费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('固话费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('固定电话', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('座机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('电话机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机购置', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('购置手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机采购', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('采购手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('购买手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机补贴', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通讯补贴', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机卡', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('短信费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('办公短信', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信套餐', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信包', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('宣传推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传费', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传活动', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传片', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传视频', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传册', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传海报', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传物料', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传单', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('广告宣传', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告费', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告投放', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告位购买', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告位租赁', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('推广费', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('推广活动', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('运营推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('推广运营', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('营销推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('品牌推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('线上推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('线下推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('流量推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('搜索引擎推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('直播推广', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('直播带货', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('带货直播', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('直播活动', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('网络直播费', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('新媒体运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('公众号运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('微信公众号运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('微博运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('抖音运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('短视频运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('短视频制作', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('视频号运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('账号运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('代运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('业务运营支出', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('业务运营费', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('业务运营服务', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('内容采编', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('采编服务', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('新闻采编服务', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('采编人员', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('采编费', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('稿费', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('稿酬', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('撰稿', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('文案撰写', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('内容制作', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('内容生产', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('内容运营', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('内容更新', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('栏目运营', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('信息发布费', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('话务服务', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('话务坐席', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('话务员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('坐席人员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('人工坐席服务', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('客服人员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('活动策划', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('活动执行', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('参展费', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('展位费', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('展台搭建', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('宣传册印制', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('办公楼装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼新建', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新建办公楼', '第十一条第(三)项', 'office_premises', 'purchase_only', pg_catalog.string_to_array('项目审批|审批|投资项目|项目管理|进度|台账|监管|统计', '|'), pg_catalog.string_to_array('布线|综合布线|弱电|配套|网络|监控|门禁|智能化|装修|机房|工程|楼层|点位|信息点|安防|及|以及|和', '|'), true, true),
    ('新办公楼', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼改造', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼改扩建', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼扩建', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼智能化', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼综合布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼网络布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公大楼', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公用房装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公用房改造', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公场所新建', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公场所改造', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公场所改扩建', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公场所装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公场所信息化', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公场所配套', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公区装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公区弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公区综合布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公区网络布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公室装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公室改造', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公网络布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址综合布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址网络', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公搬迁', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新办公区', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('业务用房装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('业务用房弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('楼宇弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('配套弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('配套综合布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('配套网络布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('配套信息化基础设施', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('改扩建', '第十一条第(三)项', 'office_premises', 'purchase_only', pg_catalog.string_to_array('机房|数据中心|云|平台|系统|网络安全|灾备|数据库', '|'), pg_catalog.string_to_array('办公|大楼|楼|用房|场所|工程', '|'), true, true),
    ('室内装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新大楼', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼迁建', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('基本支出', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('日常公用经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('机关运行经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('运转经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('工作经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('办公费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('三公经费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('公务费', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('部门预算基本支出', '第十一条第(一)项', 'general_funds', 'always', '{}', '{}', true, true),
    ('员工工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('员工薪酬', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('人员薪资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('薪资发放', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('发放工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('工资支出', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('月工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('岗位工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('薪级工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('基础性绩效', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('奖励性绩效', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('目标考核奖', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('绩效考核奖', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('考核奖励', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('全勤奖', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('过节费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('节日补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('降温费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('高温补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('通勤补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('车改补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('公务交通补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('下乡补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('驻村补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('乡镇工作补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('艰苦边远地区津贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('生活补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('人员补助', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('临时工工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('合同工工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('司机工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('驾驶员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('食堂人员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('辅警工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('协管员工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('公益性岗位补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('公益性岗位工资', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('见习补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('实习生补贴', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('薪金', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('薪水', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('人头经费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('人头费', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('劳务报酬', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('劳务费用', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('劳务用工', '第十一条第(一)项', 'labour_services', 'purchase_only', pg_catalog.string_to_array('实名制|实名|管理|系统|平台|监管|数据|考勤|备案', '|'), pg_catalog.string_to_array('费|工资|报酬|薪酬|<N>人|<N>名|支出|派遣|及|以及|和', '|'), true, true),
    ('劳务工资', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('临时用工费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('用工费用', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('编外用工', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('临时工费用', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('驾驶员劳务费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('劳务派遣服务费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('派遣用工', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('派遣服务费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('工勤人员经费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('勤杂人员', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('聘用人员劳务费', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('劳务补贴', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('养老保险费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('医疗保险费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('失业保险费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('工伤保险费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('生育保险费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('缴纳住房公积金', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('缴纳公积金', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('单位缴纳社保', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('补充医疗保险', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('职工医保', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('社会保障缴费', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('差旅', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('系统|平台|管理|审批|报销系统|模块|申请|app|服务平台|接口|开发|数据', '|'), pg_catalog.string_to_array('费|补助|补贴|住宿|机票|车票|交通|开支|支出|经费|<N>人次|<N>次', '|'), true, true),
    ('出差', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('系统|平台|管理|审批|报销系统|模块|申请|app|服务平台|接口|开发|数据', '|'), pg_catalog.string_to_array('费|补助|补贴|住宿|机票|车票|交通|开支|支出|经费|<N>人次|<N>次', '|'), true, true),
    ('机票', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('飞机票', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('火车票', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('高铁票', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('车船费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('伙食费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('住宿费用', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('酒店住宿', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('登记|住宿登记|治安|旅馆|旅馆业|监管|系统|平台|数据|行业|管理|入住登记|实名', '|'), pg_catalog.string_to_array('费|支出|开支|会议|接待|期间|出差|差旅|<N>晚|<N>间|<N>人次|<N>天|及|以及|和', '|'), true, true),
    ('宾馆住宿', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('出差住宿', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('差旅交通费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('交通费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('打车费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('出租车费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('网约车费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('外出考察', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('赴外考察', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('考察调研费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('学习交流费用', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('出国费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('因公出国', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('审批|管理|系统|平台|备案|证照|护照|证件|数据|模块', '|'), pg_catalog.string_to_array('费|经费|<N>人次|<N>人|考察|培训|学习|交流|支出|及|以及|和', '|'), true, true),
    ('出境费用', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('差旅开支', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('干部教育培训', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('管理系统|系统|平台|网络学院|在线|app|学时|档案|管理|信息|数据|模块', '|'), pg_catalog.string_to_array('费|经费|班|<N>人|<N>人次|<N>期|支出|组织|开展|举办|赴|外出', '|'), true, true),
    ('党员培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('党员教育培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('脱产培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('学历教育', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('继续教育学费', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('培训进修', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('进修费', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('学费报销', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('党校培训', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('外出学习', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('赴外学习', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('参观学习', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('考察交流', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('拓展训练', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('团建', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('素质拓展', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('会议', '第十一条第(一)项', 'meetings', 'purchase_only', pg_catalog.string_to_array('视频|电视|电子|无纸化|系统|平台|管理|预约|终端|直播|纪要|录播|app|接入|mcu|云|软件|会商|远程|扩容|运维|模块|音视频', '|'), pg_catalog.string_to_array('费|场地|租|住宿|餐|茶歇|布置|召开|举办|组织|承办|会标|资料印|服务费|差旅|<N>场|<N>次|<N>期', '|'), false, true),
    ('会务', '第十一条第(一)项', 'meetings', 'purchase_only', pg_catalog.string_to_array('系统|平台|管理|app|小程序|模块|签到|报名', '|'), pg_catalog.string_to_array('费|服务|保障|组织|承办|<N>场|<N>次', '|'), true, true),
    ('会议室租用', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议场地费', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会场布置', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议住宿', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议餐费', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议用餐', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议茶歇', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('茶歇', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议服务费', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('年会', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('座谈会经费', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('研讨会费用', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会标制作', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议租车', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议资料印制', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会议室租金', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('接待', '第十一条第(一)项', 'hospitality', 'purchase_only', pg_catalog.string_to_array('系统|平台|管理|登记|预约|模块|来访|服务中心|大厅|窗口|访客|游客|导览', '|'), pg_catalog.string_to_array('费|用餐|餐|住宿|公务|宴|烟酒|礼品|<N>批|<N>人次', '|'), false, true),
    ('工作餐', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('餐费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('用餐费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('就餐费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('宴请', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('烟酒', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('礼品', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('纪念品', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('伴手礼', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('招待餐', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('接待用餐', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('食堂经费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('食堂运营', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('伙食经费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('公务宴请', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('车辆', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('系统|平台|app|开发|管理|监测|监控|监管|调度|接口|模块|软件|数据|应用|对接|接入|适配|识别|卡口|定位|轨迹|gps|北斗|导航|视频|违章|违法|通行|登记|检测|检验|动态|信息|查询|称重|超限|卫星|追踪|充电|运输|抓拍|号牌|备案|租赁备案|租赁企业|租赁监管|租赁行业|租赁管理', '|'), pg_catalog.string_to_array('购置|购买|采购|购入|添置|更新|租赁|租用|维修费|维护费|保养|保险|年检|燃油|加油|费|<N>辆|<N>台|运维|运行维护|维护|维修|洗车|修车|公务|新购|增购|<N>批', '|'), false, true),
    ('公车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('系统|平台|app|开发|管理|监测|监控|监管|调度|接口|模块|软件|数据|应用|对接|接入|适配|改革|定位|轨迹|北斗|标识', '|'), pg_catalog.string_to_array('购置|采购|购买|更新|运行费|运行维护|维护费|维修|保养|加油|燃油|保险|<N>辆|运维|修车|洗车|年检|用油|添置|新购|增购|<N>批', '|'), true, true),
    ('公务车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|平台|系统|监控|定位|调度|信息|标识|改革|轨迹|北斗|加油卡管理|数据|接口|模块|审批|派车', '|'), pg_catalog.string_to_array('购置|采购|购买|更新|运行|维护|维修|保险|加油|燃油|费|<N>辆|<N>台|添置|新购|增购|<N>批', '|'), true, true),
    ('汽车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('系统|平台|app|开发|管理|监测|监控|监管|调度|接口|模块|运维|软件|数据|应用|对接|接入|适配|维修监管|检测|充电|产业|电子|排放|尾气|4s|零部件|制造|行业|租赁备案|租赁企业|租赁监管|租赁行业|租赁管理', '|'), pg_catalog.string_to_array('购置|购买|采购|购入|添置|更新|租赁|租用|保养|保险|燃油|加油|<N>辆|<N>台|新购|增购|<N>批', '|'), false, true),
    ('购车', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆租赁费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆租用', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('租用车辆', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('租赁车辆', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('租车费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('用车费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆燃油', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('汽油费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('柴油费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('油费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('油卡', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|台账|数据|系统|模块|平台|接口|统计', '|'), pg_catalog.string_to_array('充值|费|<N>张|购|办理|公车|车辆|用油', '|'), true, true),
    ('加油卡充值', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('etc充值', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('洗车费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆保险', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('交强险', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆商业险', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('汽车轮胎', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('维修保养费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('保养费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆更新', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('更新车辆', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('公务用车购置', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('执法车辆购置', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('轿车', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('越野车', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('商务车', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('面包车', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('皮卡车', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('通行费', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('稽核|征收|清分|结算|系统|平台|管理|监测|数据|拆分', '|'), pg_catalog.string_to_array('报销|支出|充值|经费', '|'), true, true),
    ('停车费', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('收费系统|系统|平台|征收|管理|监管|电子|缴费|无感', '|'), pg_catalog.string_to_array('报销|支出|补贴|经费', '|'), true, true),
    ('水费', '第十一条第(一)项', 'utilities', 'purchase_only', pg_catalog.string_to_array('征收|收缴|缴费系统|系统|平台|管理|监测|计量|结算|数据|账单|机房|数据中心|idc', '|'), pg_catalog.string_to_array('办公|支出|报销|<N>月', '|'), true, true),
    ('电费', '第十一条第(一)项', 'utilities', 'purchase_only', pg_catalog.string_to_array('征收|收缴|缴费系统|系统|平台|管理|监测|计量|结算|数据|账单|机房|数据中心|idc', '|'), pg_catalog.string_to_array('办公|支出|报销|<N>月', '|'), true, true),
    ('办公电费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('办公水费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('燃气费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('天然气费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('暖气费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('供暖费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('采暖费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('办公用水电', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('水电气费', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('水电暖', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('水电燃气', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('物业服务费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('物业管理服务', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('保洁服务', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('保安费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('门卫费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('安保服务费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('绿化养护', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('房租', '第十一条第(一)项', 'property', 'purchase_only', pg_catalog.string_to_array('赁|管理|系统|平台|监管|备案|数据|补贴发放', '|'), pg_catalog.string_to_array('费|物业|<N>月|<N>年|支出|办公|交|付|缴', '|'), true, true),
    ('办公场地租金', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('场地租金', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('房屋租金', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('租房费用', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公室租金', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公用房租赁', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公场所租赁', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('房屋维修费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公用房维修', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('电梯维保', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('消防维保', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('搬家费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('邮寄费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('邮费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('邮资', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('快递服务费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('印刷品', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('文件印刷', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('资料印刷', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('印制费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('复印费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('打印费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('装订费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('文印费', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('办公桌椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公台', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公沙发', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('会议椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('培训桌椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('档案柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('密集架', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('更衣柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('储物柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('茶水柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('办公柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('铁皮柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('保险柜', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('书架', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('书桌', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('班台', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('职员桌', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('会议桌椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('转椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('折叠椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('窗帘', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('地毯', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('衣帽架', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('报刊架', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('资料架', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('椅子', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('电脑', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('端|版|网页|浏览器|客户端|终端管理|系统|软件|病毒|安全|适配|访问|操作|管控|远程|桌面|准入|平台|管理|监管|接口|模块', '|'), pg_catalog.string_to_array('采购|购置|购买|购入|添置|配备|配发|更换|租赁|租用|<N>台|<N>部|<N>套|<N>个|维修|维护|配件|主机|<N>把|办公室|科室|股室|机关|干部|领导|工作人员|换新|买|安装|外勤|换掉|同事|新进|新购|增购|<N>批', '|'), false, true),
    ('笔记本', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('管控|安全管理|准入|终端管理|系统|平台|管理|监管|接口|模块|远程接入|远程|vpn|接入', '|'), pg_catalog.string_to_array('采购|购置|购买|配备|更换|电脑|<N>本|<N>台|<N>部|办公室|科室|股室|机关|干部|领导|工作人员|配发|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('计算机', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('系统|信息系统|网络|软件|病毒|安全|等级|视觉|辅助|应用|技术|专业|机房|集群|中心|学院|考试|软件著作|取证|模拟|仿真|程序|语言|能力|联网|管理|终端管理', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|办公|维修|<N>台|办公室|科室|股室|机关|干部|领导|工作人员|配发|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), false, true),
    ('平板', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('端|版|适配|app|管理|应用|客户端|系统|显示|拼接|平台|监管|接口|模块', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|电脑|<N>台|<N>部|办公室|科室|股室|机关|干部|领导|工作人员|配发|换新|买|安装|外勤|阅文|无纸化办公|添置|新购|增购|<N>批', '|'), true, true),
    ('终端', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('管理|安全|平台|系统|接入|适配|准入|检测|防护|杀毒|认证|数据|应用|软件|监测|感知|物联|边缘|模组', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|配发|办公|<N>台|<N>部|<N>套|办公室|科室|股室|机关|干部|领导|工作人员|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), false, true),
    ('一体机', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('自助|政务服务|查询|办事|触摸|叫号|排队|接入|对接|服务|大厅|诊疗|体检|健康|超融合|数据库|存储|系统|平台|管理|监管|接口|模块|备份|容灾|灾备', '|'), pg_catalog.string_to_array('办公|电脑|复印|<N>台|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|购买|采购|安装|购置|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('显示器', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('大屏|拼接|led|指挥|监控|机房|控制室|中心|坐席显示|系统|平台|管理|监管|接口|模块', '|'), pg_catalog.string_to_array('办公|电脑|<N>台|采购|购置|更换|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|换新|买|购买|安装|外勤|双屏|添置|新购|增购|<N>批', '|'), true, true),
    ('手提电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('笔电', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('便携式电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('便携电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('台式主机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑主机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('一体机电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑一体机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('微机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('个人电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('个人计算机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('pc机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('台式电脑主机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('键盘鼠标', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('键鼠套装', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑配件', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公电脑配件', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑维修', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑维护', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑更新', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('电脑更换', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('更换电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('换电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公电脑更新', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('商务笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('轻薄本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('游戏本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('工作站电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('国产电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('信创电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('信创笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公用计算机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('便携机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('thinkpad', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('thinkcentre', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('thinkbook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('ideapad', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('ideacentre', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想扬天', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('扬天', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想昭阳', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想小新', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想开天', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想启天', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想台式', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想一体机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('联想拯救者', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('elitebook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('probook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('elitedesk', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('prodesk', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('惠普战66', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('惠普战99', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('惠普笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('惠普电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('惠普台式', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('暗影精灵', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('hp笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('hp电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('戴尔', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('dell', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('optiplex', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('vostro', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('inspiron', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('戴尔成就', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('灵越', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('戴尔latitude', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('delllatitude', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('戴尔xps', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('戴尔precision', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('matebook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('matepad', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('华为笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('华为平板', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('华为擎云', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('擎云', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('magicbook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('荣耀笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('苹果电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('苹果笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('苹果平板', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('macbook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('imac', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('macmini', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('小米笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('神舟电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('同方电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('清华同方', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('长城电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('宏碁', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('华硕', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('asus', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('ipad', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('端|版|适配|app|客户端|ios|应用|系统|平台|管理|监管|接口|模块', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|<N>台|<N>部|办公室|科室|股室|机关|干部|领导|工作人员|配发|换新|买|安装|外勤|apple|添置|新购|增购|<N>批', '|'), true, true),
    ('打印', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('服务|接口|模块|功能|系统|平台|管理|控件|插件|预览|模板|驱动|组件|中间件|云打印|电子|自助|套打|证照|标签|票据|报表|格式', '|'), pg_catalog.string_to_array('纸|耗材|费|墨|复印|<N>台|<N>张|装订|材料', '|'), false, true),
    ('扫描仪', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('档案|数字化|高速|文档|影像|加工|条码|二维码|驱动|对接|接入|系统|平台|管理|监管|接口|模块|数字化加工|档案扫描', '|'), pg_catalog.string_to_array('办公|<N>台|采购|购置|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|购买|安装|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('高拍仪', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('窗口|政务服务|受理|对接|接入|驱动|插件|控件|调用|证照', '|'), pg_catalog.string_to_array('办公|<N>台|采购|购置|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|购买|安装|外勤|添置|新购|增购|<N>批', '|'), false, true),
    ('考勤机', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('数据|接入|对接|同步|接口|平台', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|<N>台|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('相机', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('监控|卡口|抓拍|视频|识别|接入|工业|热成像|测速|电子警察|网络|智能|ai|调用|人脸', '|'), pg_catalog.string_to_array('数码|单反|微单|镜头|办公|<N>台|采购|购置|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|购买|安装|外勤|宣传|拍摄|索尼|尼康|佳能|富士|添置|新购|增购|<N>批', '|'), false, true),
    ('摄像机', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('网络|监控|枪机|球机|视频|接入|高清|智能|ai|红外|热成像|卡口|联网|点位|人脸', '|'), pg_catalog.string_to_array('数码|手持|家用|办公|<N>台|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|购买|采购|安装|购置|外勤', '|'), false, true),
    ('电视机', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('构|顶盒|台', '|'), pg_catalog.string_to_array('<N>台|采购|购置|购买|办公|会议室|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('空调', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('精密|机房|数据中心|列间|行级|ups|动环|环境监控|冷通道|idc|动力|基站|系统|平台|管理|监管|接口|模块|负荷|调控|节能|用电', '|'), pg_catalog.string_to_array('办公|<N>台|<N>匹|采购|购置|购买|更换|维修|安装|格力|美的|海尔|挂机|柜机|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|换新|买|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('办公设备', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('资产管理|管理系统|管理平台|资产|运维管理', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|<N>台|<N>套|办公室|科室|股室|机关|干部|领导|工作人员|配发|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), true, true),
    ('影印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('喷墨打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('针式打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('彩色打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('多功能一体机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('打印复印一体机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('复印一体机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('数码复合机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('复合机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('速印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('一体化速印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('油印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('胶装机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('装订机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('塑封机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('过塑机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('点钞机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('验钞机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('保险箱', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('录音笔', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('数码相机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('单反相机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('冰箱', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('微波炉', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('电水壶', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('热水器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('立式空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('挂式空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('柜式空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('壁挂空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('空调机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('中央空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('格力空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('美的空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('海尔空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('奥克斯空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('格力', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('加湿器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('空气净化器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('净水器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('饮水设备', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('电风扇', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('取暖器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('电暖器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('办公电器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('家电', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('以旧换新|补贴|下乡|回收|维修|行业|市场|监管|系统|平台|数据|消费', '|'), pg_catalog.string_to_array('办公|购置|采购|购买|<N>台|<N>件|会议室|机关|食堂|冰箱|微波炉|饮水机|更换|配备', '|'), true, true),
    ('家用电器', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('投影机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('投影幕布', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('幕布', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('电子白板', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('会议平板', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('翻页笔', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('激光笔', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('会议室音响', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('办公器材', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('办公器具', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('办公用具', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('办公物资', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('佳能', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('爱普生', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('epson', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('兄弟打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('brother打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('奔图', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('pantum', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('富士施乐', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('富士胶片商业创新', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('施乐', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('xerox', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('理光', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('ricoh', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('柯尼卡美能达', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('柯美', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('京瓷', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('kyocera', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('夏普复印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('东芝复印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('利盟', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('lexmark', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('震旦', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('laserjet', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('deskjet', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('officejet', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('惠普打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('hp打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('联想打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('canon打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('得力打印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('惠普复印机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('耗材', '第十一条第(一)项', 'consumables', 'purchase_only', pg_catalog.string_to_array('医用|医疗|药品|药械|卫生|监管|追溯|集中采购|器械|平台|系统|采购数据|采购监管|阳光采购|采购平台', '|'), pg_catalog.string_to_array('办公|打印|费|购置|采购', '|'), true, true),
    ('u盘', '第十一条第(一)项', 'consumables', 'purchase_only', pg_catalog.string_to_array('管控|管理|禁用|安全|接入|审计|准入|病毒|插拔|摆渡|系统|平台|监管|接口|模块|注册|授权', '|'), pg_catalog.string_to_array('采购|购置|购买|<N>个|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|安装|外勤|分发|拷贝|添置|新购|增购|<N>批', '|'), true, true),
    ('移动硬盘', '第十一条第(一)项', 'consumables', 'purchase_only', pg_catalog.string_to_array('管控|管理|禁用|安全|接入|审计|准入|病毒|插拔|摆渡|系统|平台|监管|接口|模块|注册|授权', '|'), pg_catalog.string_to_array('采购|购置|购买|<N>个|<N>块|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|安装|外勤|分发|拷贝|添置|新购|增购|<N>批', '|'), true, true),
    ('影印纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('粉盒', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('鼓架', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('感光鼓', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('墨水', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('碳带', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('打印头', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('a3纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('纸张', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('纸巾', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('抽纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('卫生纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('清洁用品', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('洗手液', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('垃圾袋', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('桶装水', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('矿泉水', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('办公纸张', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('信封', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('文件袋', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('档案袋', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('档案盒', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('签字笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('中性笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('圆珠笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('铅笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('记号笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('白板笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('荧光笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('订书机', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('订书钉', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('回形针', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('胶水', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('胶带', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('便利贴', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('便签纸', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('计算器', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('文具用品', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('办公文具', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('文化用品', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('得力文具', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('得力办公', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('晨光文具', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('晨光中性笔', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('齐心文具', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('干电池', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('五号电池', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('七号电池', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('优盘', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('闪存盘', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('鼠标垫', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('插线板', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('插排', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('排插', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('办公日用品', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('劳保用品', '第十一条第(一)项', 'consumables', 'always', '{}', '{}', true, true),
    ('手机', '第十一条第(一)项', 'communication_fees', 'purchase_only', pg_catalog.string_to_array('系统|平台|app|开发|管理|监测|监控|监管|调度|接口|模块|运维|软件|数据|应用|对接|接入|适配|端|版|号码|信令|银行|支付|扫码|实名|短信验证|定位|客户端|小程序|ios|安卓|android|h5|网页|访问|操作|拍照|验证|号登录|号注册|号核验|取证|取证分析|木马|安全', '|'), pg_catalog.string_to_array('采购|购置|购买|购入|配备|配发|更换|费|通讯|通信|话费|流量|卡|套餐|补贴|<N>部|<N>台|办公室|科室|股室|机关|干部|领导|工作人员|换新|买|安装|外勤|添置|新购|增购|<N>批', '|'), false, true),
    ('iphone', '第十一条第(一)项', 'communication_fees', 'purchase_only', pg_catalog.string_to_array('端|版|适配|app|客户端|ios|应用|系统|平台|管理|监管|接口|模块', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|配备|<N>台|<N>部|办公室|科室|股室|机关|干部|领导|工作人员|配发|换新|买|安装|外勤|apple|添置|新购|增购|<N>批', '|'), true, true),
    ('宽带费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('宽带费用', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('宽带包年', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('宽带续费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('办公宽带', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('家庭宽带', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('网络流量费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机流量费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('流量费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('流量包', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('流量卡', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('上网费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('上网卡', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('网费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('电话费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('话费充值', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机话费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通信费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通信补贴', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通讯费用', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通话费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('长途话费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('电话月租', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('座机费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('固话月租', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机套餐', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通讯套餐', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('手机号卡', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('工作手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('办公手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('公务手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('苹果手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('华为手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('小米手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('荣耀手机', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('oppo', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('vivo', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('传真费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('电话线路费', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('短信群发费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信条数', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信充值', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信通知费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('群发短信费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信费用', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信资费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信服务费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信包年', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('宣传推介', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('推介会', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('招商推介', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传报道', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传资料', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传品', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传展板', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('展板制作', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('易拉宝', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('横幅', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传横幅', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传标语', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传栏', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传画', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传折页', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('折页', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('彩页', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('海报制作', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传片拍摄', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('专题片', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('微电影', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('形象片', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传短片', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('品牌宣传', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('媒体宣传', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('推广费用', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('推广服务', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('推广宣传', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('拉新', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('地推', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('用户拉新', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('流量投放', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('竞价推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('竞价排名', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('seo优化', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('搜索优化', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('sem推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('软文', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('新闻发布会', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('发布会', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('媒体邀请', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('网红', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('达人推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('kol推广', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('网评员', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('网络评论员', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('网宣', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('网络宣传', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('外宣', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('对外宣传', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('文创产品', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('吉祥物', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('形象设计', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('vi设计', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('粉丝增长', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('涨粉', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('刷量', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('舆论引导', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传服务', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传经费', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('推广经费', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('广告制作', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告牌', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('匾|审批|监管|管理|系统|平台|巡查|执法|设置|备案|整治|巡检|安全|隐患|检测|排查|app', '|'), pg_catalog.string_to_array('投放|发布|费|制作|宣传|<N>块|<N>个|<N>处|购买|租赁|及|以及|和', '|'), true, true),
    ('户外广告', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('设施监管|监管|审批|管理|系统|平台|巡查|执法|设置|备案|整治|巡检|安全|隐患|检测|排查|app', '|'), pg_catalog.string_to_array('投放|发布|费|制作|宣传|<N>块|<N>个|<N>处|购买|租赁|及|以及|和', '|'), true, true),
    ('电视广告', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('报纸广告', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('灯箱广告', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('公交广告', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告推广', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('信息流广告', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('朋友圈广告', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('媒体投放', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告发布', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('广告服务', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('直播间', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('直播费用', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('直播服务费', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('主播', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('带货', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('直播代运营', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true),
    ('抖音推广', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('快手运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('快手推广', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('小红书运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('头条号运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('今日头条运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('百家号运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('视频号推广', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('微信推广', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('公众号推广', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('公众号代运维', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('公众号维护', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('公众号托管', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('账号托管', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('新媒体托管', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('新媒体矩阵运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('政务新媒体运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('融媒体运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('微博代运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('社群运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('用户运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('活动运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('代运维', '第十一条第(二)项', 'account_operation', 'purchase_only', pg_catalog.string_to_array('系统|平台|服务器|机房|数据库|网络|云|中间件|软件|信息系统|it|设备|硬件|数据中心', '|'), pg_catalog.string_to_array('公众号|微信|微博|抖音|账号|新媒体|网站内容|视频号|头条|快手', '|'), false, true),
    ('信息采编', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('新闻采写', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('新闻稿', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('稿件撰写', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('约稿', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('供稿', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('专栏撰写', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('文章撰写', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('编辑校对', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('网站内容维护', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('栏目更新', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('栏目维护', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('网站信息发布', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('图片拍摄', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('摄影服务', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('摄像服务', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('视频拍摄', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('视频剪辑', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('后期制作', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('配音', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('图文设计', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('平面设计', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('专题策划', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('内容策划', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('选题策划', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('图文制作', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('内容审核外包', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('话务人员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('话务座席', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('坐席员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('接线员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('客服坐席', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('客服座席', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('客服外包', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('呼叫中心外包', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('热线外包', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('热线座席', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('热线坐席', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('坐席外包', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('坐席服务费', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('座席服务', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('座席人员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('窗口人员', '第十一条第(二)项', 'staffed_operation', 'purchase_only', pg_catalog.string_to_array('培训|系统|平台|使用|操作|终端|app|模块', '|'), pg_catalog.string_to_array('工资|薪酬|劳务|派遣|外包|聘用|费|补贴|<N>名|<N>人|<N>人月', '|'), true, true),
    ('窗口工作人员', '第十一条第(二)项', 'staffed_operation', 'purchase_only', pg_catalog.string_to_array('培训|系统|平台|使用|操作|终端|app|模块', '|'), pg_catalog.string_to_array('工资|薪酬|劳务|派遣|外包|聘用|费|补贴|<N>名|<N>人|<N>人月', '|'), true, true),
    ('帮办代办人员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('导办人员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('业务受理人员', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('人工客服', '第十一条第(二)项', 'staffed_operation', 'purchase_only', pg_catalog.string_to_array('系统|转接|接口|模块|平台|功能|排队|工单', '|'), pg_catalog.string_to_array('外包|人员|坐席|座席|<N>名|<N>人|服务费|费|<N>人月', '|'), true, true),
    ('网格员', '第十一条第(二)项', 'staffed_operation', 'purchase_only', pg_catalog.string_to_array('平台|系统|app|终端|管理|考核系统|移动端|巡查系统|上报|模块', '|'), pg_catalog.string_to_array('补贴|工资|经费|报酬|<N>名|<N>人|待遇|劳务|补助|按月|按人|误工|聘请|聘用|发放|<N>人月', '|'), false, true),
    ('活动经费', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('活动组织', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('活动承办', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('晚会', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('文艺演出', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('比赛奖金', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('竞赛奖品', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('颁奖', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('奖品', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('表彰奖励', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('路演', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('展会', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('参展', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('布展', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('展厅布展', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('展览展示', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('数博会展位', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('特装展位', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('活动场地', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('活动物料', '第十一条第(二)项', 'events', 'always', '{}', '{}', true, true),
    ('平台运营人员', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('运营人员', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('运营团队', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('运营专员', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('业务外包', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('审核外包', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('业务管理支出', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('业务工作经费', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('办公楼网络', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼机房', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼监控', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼安防', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼门禁', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公区监控', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公区网络', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公区安防', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公室网络', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公室布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公场所网络', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址机房', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址安防', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址监控', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新办公楼宇', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新建大楼', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('大楼装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('大楼弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('大楼智能化', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('大楼布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('楼宇智能化', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('楼宇综合布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('楼层弱电', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('会议室装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('会议室改造', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('装饰装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公装修', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公环境改造', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公用房建设', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('业务用房建设', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('业务用房改造', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('综合楼', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼宇', '第十一条第(三)项', 'office_premises', 'purchase_only', pg_catalog.string_to_array('能耗|节能|监测|分析|能源|用能|碳排放|系统|平台|数据', '|'), pg_catalog.string_to_array('布线|弱电|装修|改造|新建|租赁|物业|保洁|智能化|综合布线|网络|安防|监控', '|'), true, true),
    ('办公楼层', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公室搬迁', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('搬迁网络', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址搬迁', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('大楼建设', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('大楼配套', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('工程配套信息化', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('配套智能化', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('配套安防', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('配套监控', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('基建配套', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('土建配套', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('土建工程', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('基建工程', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新区办公', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('公务车辆', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|平台|系统|监控|定位|调度|信息|标识|改革|轨迹|北斗|加油卡管理|数据|接口|模块|审批|派车', '|'), pg_catalog.string_to_array('购置|采购|购买|更新|运行|维护|维修|保养|保险|年检|加油|燃油|费|<N>辆|<N>台|及|以及|和', '|'), true, true),
    ('差旅费用', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('网上报销|报销系统|报销模块|报销平台|报销在线|报销审核|在线审核|在线报销|标准查询|查询模块|管理系统|管理模块|审批系统|审批模块|核算系统|系统对接|接口|数据', '|'), pg_catalog.string_to_array('支出|开支|补助|补贴|经费|<N>人次|<N>次|住宿|交通|项目|及|以及|和', '|'), true, true),
    ('广告位', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('审批|监管|管理|系统|平台|巡查|执法|备案|资源管理|巡检|安全|隐患|检测|排查|app', '|'), pg_catalog.string_to_array('投放|发布|费|制作|宣传|<N>块|<N>个|<N>处|购买|租赁|及|以及|和', '|'), true, true),
    ('办公终端', '第十一条第(一)项', 'office_computers', 'purchase_only', pg_catalog.string_to_array('补丁|安全|管理|准入|病毒|杀毒|防护|管控|资产|盘点|登记|台账|管理系统|接入|适配|开发|移动办公|app|软件', '|'), pg_catalog.string_to_array('采购|购置|购买|更换|更新|配备|配发|配置|<N>台|<N>套|<N>部|及|以及|和', '|'), true, true),
    ('短信', '第十一条第(一)项', 'sms', 'purchase_only', pg_catalog.string_to_array('平台|网关|接口|验证码|验证|认证|通道|系统|模块|推送|服务接入|链路|二次|发布|预警', '|'), pg_catalog.string_to_array('费|资费|群发|<N>条|套餐|包|充值|会议通知|值班提醒|工作短信|开会|发通知|机关|办公|工作', '|'), false, true),
    ('通知短信', '第十一条第(一)项', 'sms', 'purchase_only', pg_catalog.string_to_array('平台|网关|接口|通道|系统|模块|推送|功能|发送功能', '|'), pg_catalog.string_to_array('费|资费|群发|<N>条|会议|开会', '|'), true, true),
    ('群发短信', '第十一条第(一)项', 'sms', 'purchase_only', pg_catalog.string_to_array('平台|网关|接口|通道|系统|模块|功能', '|'), pg_catalog.string_to_array('费|资费|<N>条|会议|开会|通知', '|'), true, true),
    ('简讯', '第十一条第(一)项', 'sms', 'purchase_only', pg_catalog.string_to_array('系统|平台|模块|编辑|发布系统|栏目', '|'), pg_catalog.string_to_array('费|资费|群发|<N>条|会议通知|包', '|'), false, true),
    ('直播', '第十一条第(二)项', 'live_streaming', 'purchase_only', pg_catalog.string_to_array('技术|平台|系统|音视频|信号|推流|编码|录播|点播|云|模块|支撑|设备|监管|监测|开标|庭审|接入', '|'), pg_catalog.string_to_array('开展|做|推介|带货|农产品|农特产品|<N>场|网红|主播|领导|上线|线上直播|卖|农户', '|'), false, true),
    ('推文', '第十一条第(二)项', 'content', 'purchase_only', pg_catalog.string_to_array('系统|平台|模块|推送接口|接口|审核系统|管理|监测', '|'), pg_catalog.string_to_array('撰写|编辑|排版|<N>篇|公众号|日常|写|代写|费', '|'), true, true),
    ('发稿', '第十一条第(二)项', 'content', 'purchase_only', pg_catalog.string_to_array('系统|平台|审核|流程|模块|管理|审批|签发|管理系统', '|'), pg_catalog.string_to_array('每天|服务|费|<N>篇|公众号|网站|写稿|代发', '|'), true, true),
    ('写稿', '第十一条第(二)项', 'content', 'purchase_only', pg_catalog.string_to_array('系统|平台|辅助|智能|ai|机器人|模块|工具', '|'), pg_catalog.string_to_array('每天|服务|费|<N>篇|公众号|网站|发稿|代写', '|'), true, true),
    ('水电', '第十一条第(一)项', 'utilities', 'purchase_only', pg_catalog.string_to_array('气|站|报装|水利|工程|开发|能源|集团|监测|系统|平台|数据|缴费系统', '|'), pg_catalog.string_to_array('办公|全年|支出|费|<N>月|机关|暖', '|'), true, true),
    ('水电气', '第十一条第(一)项', 'utilities', 'purchase_only', pg_catalog.string_to_array('报装|联合|能耗数据|数据|监测|系统|平台|缴费系统|采集|计量', '|'), pg_catalog.string_to_array('费|办公|支出|全年|机关', '|'), true, true),
    ('能耗费', '第十一条第(一)项', 'utilities', 'purchase_only', pg_catalog.string_to_array('监测|分析|统计|数据|系统|平台|计量', '|'), pg_catalog.string_to_array('办公|支出|全年|机关', '|'), true, true),
    ('移动存储', '第十一条第(一)项', 'consumables', 'purchase_only', pg_catalog.string_to_array('管控|管理|禁用|安全|接入|审计|准入|病毒|插拔|摆渡|注册|授权|系统|平台', '|'), pg_catalog.string_to_array('采购|购置|购买|<N>个|<N>块|拷贝|股室|科室|分发', '|'), true, true),
    ('租车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('出|平台|监管|系统|管理|调度|数据|网约', '|'), pg_catalog.string_to_array('费|服务费|包车|下乡|临时|<N>辆|<N>天|<N>次', '|'), true, true),
    ('包车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('客运|监管|系统|平台|管理|调度|数据|备案|旅游', '|'), pg_catalog.string_to_array('费|服务费|下乡|临时|督导|<N>辆|<N>天|<N>次', '|'), true, true),
    ('执法车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('辆|管理|定位|监管|系统|平台|调度|轨迹|北斗|gps|数据', '|'), pg_catalog.string_to_array('购置|采购|购买|更新|<N>辆|<N>台|维修|保养|加油', '|'), true, true),
    ('执勤用车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|定位|监管|系统|平台|调度|轨迹|北斗|gps|数据', '|'), pg_catalog.string_to_array('购置|采购|购买|更新|<N>辆|<N>台|维修|保养|加油', '|'), true, true),
    ('社保公积金', '第十一条第(一)项', 'social_insurance', 'purchase_only', pg_catalog.string_to_array('数据|系统|平台|查询|接口|共享|核验|业务|缴存', '|'), pg_catalog.string_to_array('单位部分|单位缴纳|聘用人员|人员|费|支出|<N>人', '|'), true, true),
    ('业务用房', '第十一条第(三)项', 'office_premises', 'purchase_only', pg_catalog.string_to_array('管理|系统|平台|数据|登记|台账', '|'), pg_catalog.string_to_array('新建|布线|装修|建设|工程|楼层|弱电|租赁|租用|搬迁', '|'), true, true),
    ('技术用房', '第十一条第(三)项', 'office_premises', 'purchase_only', pg_catalog.string_to_array('管理|系统|平台|数据|登记|台账', '|'), pg_catalog.string_to_array('新建|布线|装修|建设|工程|楼层|弱电|租赁|租用|搬迁', '|'), true, true),
    ('餐饮住宿', '第十一条第(一)项', 'hospitality', 'purchase_only', pg_catalog.string_to_array('数据|统计|监测|平台|系统|行业|企业|场所|监管|旅游', '|'), pg_catalog.string_to_array('费|支出|来宾|检查|期间|接待|会议|专家', '|'), true, true),
    ('餐饮及住宿', '第十一条第(一)项', 'hospitality', 'purchase_only', pg_catalog.string_to_array('数据|统计|监测|平台|系统|行业|企业|场所|监管|旅游', '|'), pg_catalog.string_to_array('费|支出|来宾|检查|期间|接待|会议|专家', '|'), true, true),
    ('笔记型电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('笔记型计算机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('办公pc', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('台式pc', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('aio电脑', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('aio一体机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('印表机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('事务机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('冷气机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('冷暖空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('液晶电视', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('座椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('人体工学椅', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('屏风隔断', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('简讯费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('简讯资费', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('简讯包', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('群发简讯', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('短信套餐包', '第十一条第(一)项', 'sms', 'always', '{}', '{}', true, true),
    ('流量套餐', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('话费补贴', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('通讯补助', '第十一条第(一)项', 'communication_fees', 'always', '{}', '{}', true, true),
    ('出行费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('出行费用', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('公务出行费', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('吃住行', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('来宾接待', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('来宾餐饮', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('来宾住宿', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('场地租用', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('会场租用', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('场地租赁费', '第十一条第(一)项', 'meetings', 'always', '{}', '{}', true, true),
    ('车补', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('用油费', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('租车服务', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆运行维护', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆运维', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆保养', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('车辆年检', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('用水支出', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('用电支出', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('水电支出', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('能耗支出', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('保洁绿化', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('物业保洁', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('门卫安保', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('人员费用', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('劳务派遣人员', '第十一条第(一)项', 'labour_services', 'always', '{}', '{}', true, true),
    ('领导力', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('党性教育', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('平台|系统|数字|资源|展馆|vr|线上|app|资源库|模块', '|'), pg_catalog.string_to_array('全员|赴|参观|考察|开展|组织|费|<N>人|<N>人次', '|'), true, true),
    ('红色研学', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('红色教育', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('平台|系统|数字|资源|展馆|vr|线上|app|资源库|模块', '|'), pg_catalog.string_to_array('全员|赴|参观|考察|开展|组织|费|<N>人|<N>人次|基地', '|'), true, true),
    ('红色教育基地', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('研学旅行费', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('形象宣传', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('宣传广告', '第十一条第(二)项', 'publicity', 'always', '{}', '{}', true, true),
    ('外包坐席', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('外包客服', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('话务外包', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('人工话务', '第十一条第(二)项', 'staffed_operation', 'always', '{}', '{}', true, true),
    ('稿件采写', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('宣传稿件', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('搬新楼', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新楼布线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新楼网线', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('新址办公', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('迁建办公', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('搬迁新址', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('办公楼信息点位', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('vivobook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('zenbook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('华硕笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('惠普战', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('机械革命', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('神舟笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('redmibook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('红米笔记本', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('微软surface', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('小米平板', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('荣耀平板', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('华为matebook', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('华为mate', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('oppo手机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('vivo手机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('红米手机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('redmi手机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('三星手机', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('兄弟hl', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('兄弟dcp', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('兄弟mfc', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('映美', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('富士通fi', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('富士通扫描', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('紫光扫描', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('汉王扫描', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('kfr', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('美的kfr', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('志高空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('海信空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('tcl空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('大金空调', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('格兰仕', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('海信电视', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('小米电视', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('tcl电视', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('创维电视', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('长虹电视', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('康佳电视', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('尼康', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('索尼相机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('索尼a7', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('单反', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('微单相机', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('gopro', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('爱普生投影', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('比亚迪', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('江铃', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('五菱', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('别克gl8', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('帕萨特', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('凯美瑞', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('丰田汉兰达', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('汉兰达', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('普拉多', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('依维柯', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('考斯特', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('哈弗', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('传祺', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('途观', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('办公家俱', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('家俱', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('laptop', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('notebookcomputer', '第十一条第(一)项', 'office_computers', 'always', '{}', '{}', true, true),
    ('工钱', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('饭钱', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('油钱', '第十一条第(一)项', 'vehicles', 'always', '{}', '{}', true, true),
    ('饭费', '第十一条第(一)项', 'hospitality', 'always', '{}', '{}', true, true),
    ('的钱', '第十一条第(一)项', 'general_funds', 'purchase_only', pg_catalog.string_to_array('袋子|系统|平台|模块|监管|追溯|支付|管理', '|'), pg_catalog.string_to_array('寄|买|请|保洁|吃饭|开会', '|'), true, true),
    ('路费', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('线|电|链|专', '|'), pg_catalog.string_to_array('报销|跑|往返|车票|住宿', '|'), true, true),
    ('修车', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('监管|行业|企业|备案|系统|平台|汽修|厂|维修监管', '|'), pg_catalog.string_to_array('费|钱|公车|单位|车子|送修', '|'), true, true),
    ('寄快递', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('印材料', '第十一条第(一)项', 'postage_printing', 'always', '{}', '{}', true, true),
    ('装订', '第十一条第(一)项', 'postage_printing', 'purchase_only', pg_catalog.string_to_array('档案|拆|数字化|加工|卷|扫描|案卷', '|'), pg_catalog.string_to_array('材料|汇报|印|打印|复印|费|文件', '|'), false, true),
    ('桌子', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('柜子', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('凳子', '第十一条第(一)项', 'office_furniture', 'always', '{}', '{}', true, true),
    ('吃饭', '第十一条第(一)项', 'hospitality', 'purchase_only', pg_catalog.string_to_array('食堂|刷卡|系统|平台|点餐|预约|app', '|'), pg_catalog.string_to_array('接待|来人|招待|请|费|钱', '|'), true, true),
    ('打扫卫生', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公楼清洁', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公区清洁', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公室清洁', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('清洁费', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('临时工', '第十一条第(一)项', 'labour_services', 'purchase_only', pg_catalog.string_to_array('管理|系统|平台|实名|监管|台账', '|'), pg_catalog.string_to_array('工资|工钱|报酬|薪酬|费|<N>名|<N>人|<N>人月|聘|聘用|聘请|雇|补助|补贴|劳务|外包', '|'), true, true),
    ('劳动报酬', '第十一条第(一)项', 'wages', 'purchase_only', pg_catalog.string_to_array('监管|保障|欠薪|拖欠|支付监管|系统|平台|权益|仲裁|争议|数据', '|'), pg_catalog.string_to_array('临时工|人员|<N>人|<N>名|<N>人月|发放|支出|费', '|'), true, true),
    ('绩效薪酬', '第十一条第(一)项', 'wages', 'purchase_only', pg_catalog.string_to_array('管理系统|系统|平台|核算|模块|改革|数据|分析', '|'), pg_catalog.string_to_array('人员|干部|发放|支出|<N>人|<N>名|年度', '|'), true, true),
    ('在编人员', '第十一条第(一)项', 'wages', 'purchase_only', pg_catalog.string_to_array('管理|信息|系统|平台|台账|数据|核验|实名|统计', '|'), pg_catalog.string_to_array('工资|薪酬|绩效|补贴|奖金|社保|费|报酬', '|'), false, true),
    ('绩效', '第十一条第(一)项', 'wages', 'purchase_only', pg_catalog.string_to_array('评价|评估|考核|管理|系统|平台|目标|指标|监控|资金|项目|预算|数据', '|'), pg_catalog.string_to_array('干部|人员|职工|员工|发放|奖|薪酬|年度绩效', '|'), false, true),
    ('人力成本', '第十一条第(一)项', 'wages', 'purchase_only', pg_catalog.string_to_array('核算系统|分析|系统|平台|模块|管理系统|测算|模型|数据', '|'), pg_catalog.string_to_array('人员|科室|支出|费|<N>人', '|'), true, true),
    ('发工资', '第十一条第(一)项', 'wages', 'purchase_only', pg_catalog.string_to_array('系统|平台|模块|功能|接口|管理|代发', '|'), pg_catalog.string_to_array('给|人员|小哥|驻场|临时工', '|'), true, true),
    ('餐补', '第十一条第(一)项', 'wages', 'always', '{}', '{}', true, true),
    ('本单位', '第十一条第(一)项', 'wages', 'purchase_only', pg_catalog.string_to_array('系统|平台|数据|业务|信息|网络', '|'), pg_catalog.string_to_array('工资|人工费|社保|餐补|绩效|薪酬|报酬|补助|加班费|劳务费', '|'), false, true),
    ('劳务派遣', '第十一条第(一)项', 'labour_services', 'purchase_only', pg_catalog.string_to_array('管理|平台|系统|监管|备案|单位备案|许可|经营|企业|机构|行业', '|'), pg_catalog.string_to_array('<N>人|<N>名|<N>人月|费|工资|用工|服务费|及|以及|和', '|'), true, true),
    ('人员社保', '第十一条第(一)项', 'social_insurance', 'always', '{}', '{}', true, true),
    ('单位缴纳', '第十一条第(一)项', 'social_insurance', 'purchase_only', pg_catalog.string_to_array('系统|平台|数据|核定|基数|查询|接口|征缴|模块|申报系统', '|'), pg_catalog.string_to_array('部分|社保|公积金|人员|<N>人|费|支出', '|'), true, true),
    ('网格管理员', '第十一条第(二)项', 'staffed_operation', 'purchase_only', pg_catalog.string_to_array('平台|系统|app|终端|管理|考核系统|移动端|巡查系统|上报|模块', '|'), pg_catalog.string_to_array('补贴|工资|经费|报酬|<N>名|<N>人|待遇|劳务|补助|按月|按人|误工|聘请|聘用|发放|<N>人月', '|'), false, true),
    ('驾驶员', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|系统|平台|考试|驾驶人|信息|数据|行为|疲劳|监测|识别|档案|app|资格|监管', '|'), pg_catalog.string_to_array('费|费用|工资|<N>人|<N>名|<N>人月|服务|聘|外包|劳务|报酬|用车|及|以及|和|补贴', '|'), true, true),
    ('司机', '第十一条第(一)项', 'vehicles', 'purchase_only', pg_catalog.string_to_array('管理|系统|平台|考试|驾驶人|信息|数据|行为|疲劳|监测|识别|档案|app|资格|监管', '|'), pg_catalog.string_to_array('费|费用|工资|<N>人|<N>名|<N>人月|服务|聘|外包|劳务|报酬|用车|及|以及|和|补贴', '|'), true, true),
    ('门卫外包', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('保安外包', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('办公楼保安', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('保安', '第十一条第(一)项', 'property', 'purchase_only', pg_catalog.string_to_array('监管|公司|企业|行业|从业|管理系统|系统|平台|许可|培训|证', '|'), pg_catalog.string_to_array('外包|费|<N>名|<N>人|<N>人月|办公楼|门卫|服务费|工资|聘|值守|及', '|'), false, true),
    ('门卫', '第十一条第(一)项', 'property', 'purchase_only', pg_catalog.string_to_array('系统|管理|道闸|门禁|识别|访客|登记|智能', '|'), pg_catalog.string_to_array('外包|费|<N>名|<N>人|<N>人月|值班|保安|工资|聘', '|'), false, true),
    ('接电话', '第十一条第(二)项', 'staffed_operation', 'purchase_only', pg_catalog.string_to_array('系统|功能|模块|平台|软电话|接口|自动|智能|机器人|ai', '|'), pg_catalog.string_to_array('请|人|专门|<N>人|<N>名', '|'), true, true),
    ('差费', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('网上报销|报销系统|报销模块|报销平台|报销在线|报销审核|在线审核|在线报销|标准查询|查询模块|管理系统|管理模块|审批系统|审批模块|核算系统|系统对接|接口|数据', '|'), pg_catalog.string_to_array('支出|开支|补助|补贴|经费|<N>人次|<N>次|住宿|交通|项目|及|以及|和', '|'), true, true),
    ('往返交通', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('交通及住宿', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('交通住宿', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('车票住宿', '第十一条第(一)项', 'travel', 'always', '{}', '{}', true, true),
    ('考察', '第十一条第(一)项', 'travel', 'purchase_only', pg_catalog.string_to_array('系统|平台|管理|模块|数据|app|干部', '|'), pg_catalog.string_to_array('<N>人次|<N>人|<N>天|赴|外出|外省|外地|学习|往返|交通|住宿|费|出国|出省', '|'), false, true),
    ('出去学习', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('外地学习', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('外出研修', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('外出参加', '第十一条第(一)项', 'training_unrelated', 'always', '{}', '{}', true, true),
    ('研修班', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('系统|平台|管理|在线|网络|线上|app', '|'), pg_catalog.string_to_array('干部|组织|参加|举办|费|<N>人|<N>期|外出', '|'), true, true),
    ('公文写作', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('系统|辅助|智能|ai|平台|模块|工具|助手', '|'), pg_catalog.string_to_array('培训|班|讲座|参加|费', '|'), true, true),
    ('培训费', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('操作|使用|系统|平台|技术|运维|应用|软件|用户|业务|上线', '|'), pg_catalog.string_to_array('干部|素质|素能|外出|参加|党|职工|党员', '|'), false, true),
    ('素质提升', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('系统|平台|app|在线|网络学院|学时|模块', '|'), pg_catalog.string_to_array('干部|培训|班|研修|外出|组织', '|'), true, true),
    ('素能提升', '第十一条第(一)项', 'training_unrelated', 'purchase_only', pg_catalog.string_to_array('系统|平台|app|在线|网络学院|学时|模块', '|'), pg_catalog.string_to_array('干部|培训|班|研修|外出|组织', '|'), true, true),
    ('办公区用电', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('办公区用水', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('办公楼用电', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('办公楼用水', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('机关用电', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('机关用水', '第十一条第(一)项', 'utilities', 'always', '{}', '{}', true, true),
    ('租赁办公', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('租用办公', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('租办公', '第十一条第(一)项', 'property', 'always', '{}', '{}', true, true),
    ('写字楼', '第十一条第(一)项', 'property', 'purchase_only', pg_catalog.string_to_array('监测|经济|楼宇经济|系统|平台|数据|入驻|招商|管理|统计', '|'), pg_catalog.string_to_array('租|租赁|租用|<N>月|<N>平|<N>m2|平米|物业|办公|<N>年', '|'), true, true),
    ('办公楼搬迁', '第十一条第(三)项', 'office_premises', 'always', '{}', '{}', true, true),
    ('大楼', '第十一条第(三)项', 'office_premises', 'purchase_only', pg_catalog.string_to_array('机房|数据中心|idc|运维|系统|平台|管理系统|智慧', '|'), pg_catalog.string_to_array('新建|搬迁|新址|综合布线|布线|弱电|点位|信息点|配线|楼层|装修|智能化', '|'), false, true),
    ('新址', '第十一条第(三)项', 'office_premises', 'purchase_only', pg_catalog.string_to_array('机房|数据中心|云|服务器|系统|平台|idc', '|'), pg_catalog.string_to_array('办公|布设|布线|点位|弱电|电话|装修|大楼', '|'), false, true),
    ('复印设备', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('索尼fx', '第十一条第(一)项', 'office_equipment', 'always', '{}', '{}', true, true),
    ('摄影机', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('网络|监控|枪机|球机|视频|接入|高清|智能|ai|红外|热成像|卡口|联网|点位|人脸', '|'), pg_catalog.string_to_array('数码|手持|家用|办公|<N>台|办公室|科室|股室|机关|干部|领导|工作人员|配发|配备|更换|换新|买|购买|采购|安装|购置|外勤|电影|宣传|拍摄|索尼', '|'), false, true),
    ('电视', '第十一条第(一)项', 'office_equipment', 'purchase_only', pg_catalog.string_to_array('广播|台|机构|会议|电话|购物|剧|节目|监管|信号|网络|有线|数字|频道|新闻|系统|平台|大屏|大学|iptv|互动|直播|播出|监测|转播|中心', '|'), pg_catalog.string_to_array('挂|大|买|采购|购置|购买|<N>台|会议室|办公室|投屏|液晶|寸|安装|配备|更换|机关|领导', '|'), false, true),
    ('sms', '第十一条第(一)项', 'sms', 'purchase_only', pg_catalog.string_to_array('平台|网关|接口|验证码|验证|认证|通道|系统|模块|推送|服务接入|链路|二次|发布|预警', '|'), pg_catalog.string_to_array('费|资费|群发|<N>条|套餐|包|充值|会议通知|值班提醒|工作短信|开会|发通知|机关|办公|工作', '|'), false, true),
    ('推介费', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('营销费', '第十一条第(二)项', 'business_operation', 'always', '{}', '{}', true, true),
    ('推广投放', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('投放费', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('信息流推广', '第十一条第(二)项', 'advertising', 'always', '{}', '{}', true, true),
    ('大屏广告', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('监管|审批|管理|系统|平台|巡查|巡检|备案|监测|执法|整治|安全', '|'), pg_catalog.string_to_array('投放|发布|费|制作|<N>天|<N>块|<N>个|<N>处|<N>月|购买|租赁|商圈|及', '|'), true, true),
    ('轮播广告', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('监管|审批|管理|系统|平台|巡查|巡检|备案|监测|执法|整治|安全', '|'), pg_catalog.string_to_array('投放|发布|费|制作|<N>天|<N>块|<N>个|<N>处|<N>月|购买|租赁|商圈|及', '|'), true, true),
    ('框架广告', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('监管|审批|管理|系统|平台|巡查|巡检|备案|监测|执法|整治|安全', '|'), pg_catalog.string_to_array('投放|发布|费|制作|<N>天|<N>块|<N>个|<N>处|<N>月|购买|租赁|商圈|及', '|'), true, true),
    ('电梯广告', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('监管|审批|管理|系统|平台|巡查|巡检|备案|监测|执法|整治|安全', '|'), pg_catalog.string_to_array('投放|发布|费|制作|<N>天|<N>块|<N>个|<N>处|<N>月|购买|租赁|商圈|及', '|'), true, true),
    ('楼宇广告', '第十一条第(二)项', 'advertising', 'purchase_only', pg_catalog.string_to_array('监管|审批|管理|系统|平台|巡查|巡检|备案|监测|执法|整治|安全', '|'), pg_catalog.string_to_array('投放|发布|费|制作|<N>天|<N>块|<N>个|<N>处|<N>月|购买|租赁|商圈|及', '|'), true, true),
    ('按篇计费', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('按篇付费', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('按篇结算', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('按条计费', '第十一条第(二)项', 'content', 'always', '{}', '{}', true, true),
    ('上稿', '第十一条第(二)项', 'content', 'purchase_only', pg_catalog.string_to_array('系统|平台|流程|模块|功能|工具|ai|智能|支持|辅助|接口', '|'), pg_catalog.string_to_array('服务|费|按篇|<N>篇|<N>条|上稿|人工|外包|代', '|'), true, true),
    ('审校', '第十一条第(二)项', 'content', 'purchase_only', pg_catalog.string_to_array('系统|平台|流程|模块|功能|工具|ai|智能|支持|辅助|接口', '|'), pg_catalog.string_to_array('服务|费|按篇|<N>篇|<N>条|上稿|人工|外包|代', '|'), true, true),
    ('稿件采编', '第十一条第(二)项', 'content', 'purchase_only', pg_catalog.string_to_array('系统|平台|流程|模块|功能|工具|ai|智能|支持|辅助|接口', '|'), pg_catalog.string_to_array('服务|费|按篇|<N>篇|<N>条|上稿|人工|外包|代', '|'), true, true),
    ('采写', '第十一条第(二)项', 'content', 'purchase_only', pg_catalog.string_to_array('系统|平台|流程|模块|功能|工具|ai|智能|支持|辅助|接口', '|'), pg_catalog.string_to_array('服务|费|按篇|<N>篇|<N>条|上稿|人工|外包|代', '|'), true, true),
    ('发抖音', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('帮忙运营', '第十一条第(二)项', 'account_operation', 'always', '{}', '{}', true, true),
    ('拍视频', '第十一条第(二)项', 'account_operation', 'purchase_only', pg_catalog.string_to_array('随手|上报|取证|系统|app|功能|模块|执法|巡查|举报', '|'), pg_catalog.string_to_array('发|找|请|公司|宣传|抖音|快手|<N>条|<N>个', '|'), true, true),
    ('卖货', '第十一条第(二)项', 'live_streaming', 'always', '{}', '{}', true, true)
;
-- @terms_seed end


-- Seeded rows take kind, class and rule from the new seed; a clause a DBA
-- changed (revision > 0) is kept.  (UPDATE, then INSERT of the new rows:
-- an INSERT … ON CONFLICT would meet the restore-merge trigger first.)
UPDATE bjxm.excluded_terms t
   SET class = s.class, kind = s.kind, allow_contexts = s.allow_contexts, deny_contexts = s.deny_contexts,
       refuse_by_default = s.refuse_by_default, seeded = true,
       clause = CASE WHEN t.revision OPERATOR(pg_catalog.=) 0 THEN s.clause ELSE t.clause END
  FROM bjxm_terms_seed s
 WHERE t.term OPERATOR(pg_catalog.=) s.term;
INSERT INTO bjxm.excluded_terms (term, clause, class, kind, allow_contexts, deny_contexts, refuse_by_default, seeded)
SELECT s.term, s.clause, s.class, s.kind, s.allow_contexts, s.deny_contexts, s.refuse_by_default, true
  FROM bjxm_terms_seed s
 WHERE NOT EXISTS (SELECT 1 FROM bjxm.excluded_terms t WHERE t.term OPERATOR(pg_catalog.=) s.term);
DROP TABLE bjxm_terms_seed;

------------------------------------------------------------------------------
-- Issue 17: the event log without a global serialization point.  Ids come
-- from a sequence; each transaction appends to the lane of its first
-- event's unit (0: the city); the events recorded so far become lane 0 in
-- their order (their hashes are unchanged: the chain was already in id
-- order).  bjxm.event_chain goes.
------------------------------------------------------------------------------
CREATE SEQUENCE bjxm.event_ids AS bigint CACHE 1;
COMMENT ON SEQUENCE bjxm.event_ids IS '内部: 事件编号 (internal: event ids, in the order of record; a rolled-back action leaves a gap)';
SELECT pg_catalog.setval('bjxm.event_ids', COALESCE((SELECT pg_catalog.max(e.event_id) FROM bjxm.events e), 1),
                         EXISTS (SELECT 1 FROM bjxm.events));

CREATE TABLE bjxm.event_lanes (
    lane          bigint PRIMARY KEY,
    last_seq      bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    last_event_id bigint NOT NULL DEFAULT 0,
    last_hash     bytea
);
COMMENT ON TABLE bjxm.event_lanes IS '内部: 事件链的各条链头, 每个单位一条, 0 为市级 (internal: the heads of the event lanes, one per unit, 0 for city-level events)';
COMMENT ON COLUMN bjxm.event_lanes.lane IS '链: 单位编号, 0 为市级 (lane: the unit id, 0 for the city)';
COMMENT ON COLUMN bjxm.event_lanes.last_seq IS '本链最后事件的序号 (lane_seq of the lane''s last event)';
COMMENT ON COLUMN bjxm.event_lanes.last_event_id IS '本链最后事件编号; 空链为建链时已有的最大编号, 本链此后的编号都更大 (event_id of the lane''s last event; for an empty lane the last id when it was created: its writers'' ids are all above it)';
COMMENT ON COLUMN bjxm.event_lanes.last_hash IS '本链最后事件的 SM3 哈希 (SM3 hash of the lane''s last event)';
INSERT INTO bjxm.event_lanes (lane) VALUES (0);

CREATE FUNCTION bjxm._event_lanes_restore_merge() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.last_seq OPERATOR(pg_catalog.>) 0 THEN
        UPDATE bjxm.event_lanes l SET last_seq = NEW.last_seq, last_event_id = NEW.last_event_id, last_hash = NEW.last_hash
         WHERE l.lane OPERATOR(pg_catalog.=) NEW.lane AND l.last_seq OPERATOR(pg_catalog.=) 0;
        IF FOUND THEN
            RETURN NULL;
        END IF;
    ELSIF EXISTS (SELECT 1 FROM bjxm.event_lanes l WHERE l.lane OPERATOR(pg_catalog.=) NEW.lane) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION bjxm._event_lanes_restore_merge() IS '内部: 恢复时以转储的链头替换空链头 (internal: a restored lane head replaces an empty one)';
CREATE TRIGGER event_lanes_restore_merge BEFORE INSERT ON bjxm.event_lanes
    FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)
    EXECUTE FUNCTION bjxm._event_lanes_restore_merge();
REVOKE ALL ON FUNCTION bjxm._event_lanes_restore_merge() FROM PUBLIC;

ALTER TABLE bjxm.events DISABLE TRIGGER events_append_only;
ALTER TABLE bjxm.events ADD COLUMN lane bigint NOT NULL DEFAULT 0, ADD COLUMN lane_seq bigint;
UPDATE bjxm.events e SET lane_seq = n.seq
  FROM (SELECT x.event_id, pg_catalog.row_number() OVER (ORDER BY x.event_id) AS seq FROM bjxm.events x) n
 WHERE n.event_id OPERATOR(pg_catalog.=) e.event_id;
ALTER TABLE bjxm.events ALTER COLUMN lane DROP DEFAULT, ALTER COLUMN lane_seq SET NOT NULL;
-- ids come from bjxm.event_ids (from 1): an id <= 0 is a hand-made event, and export_events(0) would leave it out
ALTER TABLE bjxm.events ADD CONSTRAINT events_event_id_positive CHECK (event_id OPERATOR(pg_catalog.>) 0);
ALTER TABLE bjxm.events ENABLE TRIGGER events_append_only;
CREATE UNIQUE INDEX events_lane_idx ON bjxm.events (lane, lane_seq);
COMMENT ON COLUMN bjxm.events.lane IS '所在链: 本事务首个事件的单位, 0 为市级; 0.3.0 之前的事件在 0 链 (lane: the unit of the transaction''s first event, 0 for the city; events before 0.3.0 are lane 0)';
COMMENT ON COLUMN bjxm.events.lane_seq IS '链内序号, 从 1 起连续 (position in the lane, contiguous from 1)';
UPDATE bjxm.event_lanes l
   SET last_seq = (SELECT pg_catalog.count(*) FROM bjxm.events),
       last_event_id = COALESCE((SELECT pg_catalog.max(e.event_id) FROM bjxm.events e), 0),
       last_hash = (SELECT e.hash FROM bjxm.events e ORDER BY e.event_id DESC LIMIT 1)
 WHERE l.lane OPERATOR(pg_catalog.=) 0;
INSERT INTO bjxm.event_lanes (lane, last_event_id)
SELECT u.unit_id, COALESCE((SELECT pg_catalog.max(e.event_id) FROM bjxm.events e), 0) FROM bjxm.units u
    ON CONFLICT (lane) DO NOTHING;

ALTER EXTENSION bjxm DROP TABLE bjxm.event_chain;
DROP TABLE bjxm.event_chain;
SELECT pg_catalog.pg_extension_config_dump('bjxm.event_lanes', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.event_ids', '');

DROP FUNCTION bjxm.events_since(bigint, int);
CREATE FUNCTION bjxm.events_since(after bigint, max int DEFAULT 1000)
    RETURNS SETOF bjxm.events
    AS 'MODULE_PATHNAME', 'bjxm_events_since' LANGUAGE C VOLATILE
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.events_since(bigint, int) IS '补读某编号之后的事件, 受行级安全约束 (catch up on events after an id, as the caller may see them)';
GRANT EXECUTE ON FUNCTION bjxm.events_since(bigint, int) TO PUBLIC;

-- 第三十条: reconciliation of the tables with the event log (issue 17 item 3,
-- docs/design.md "Reconciliation").  bjxm._verify_state_rows rebuilds from
-- bjxm.events each project's state, plan year, estimate, fund, budget and
-- contract, its line items, budgets rows, contract signatures and
-- disbursements, each rectification order and each catalogue entry, and
-- returns one row per disagreement with the tables.  The events are read in
-- event_id order within a project, unit or object.  Operators are
-- pg_catalog's by the function's search_path (pg_temp comes last).
------------------------------------------------------------------------------

CREATE FUNCTION bjxm._verify_state_rows(OUT kind text, OUT table_name text, OUT row_key text, OUT column_name text,
        OUT in_table text, OUT from_events text, OUT detail text)
    RETURNS SETOF record LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp SET datestyle = 'ISO, YMD'
    AS $$
WITH ev AS (
    SELECT e.event_id, e.action, e.project_id, e.unit_id, e.from_state, e.to_state, e.details AS d,
           e.effective_date, e.clause
      FROM bjxm.events e
),
-- projects: create_project, carry_over, every state change, postpone/resume
created AS (
    SELECT DISTINCT ON (v.project_id) v.project_id, v.unit_id, v.event_id, v.d
      FROM ev v WHERE v.action = 'create_project' AND v.project_id IS NOT NULL
     ORDER BY v.project_id, v.event_id
),
last_state AS (
    SELECT DISTINCT ON (v.project_id) v.project_id, v.to_state, v.event_id
      FROM ev v WHERE v.project_id IS NOT NULL AND v.to_state IS NOT NULL
     ORDER BY v.project_id, v.event_id DESC
),
last_year AS (
    SELECT DISTINCT ON (v.project_id) v.project_id, (v.d ->> 'plan_year')::integer AS plan_year
      FROM ev v WHERE v.action IN ('create_project', 'carry_over') AND v.project_id IS NOT NULL
     ORDER BY v.project_id, v.event_id DESC
),
last_postpone AS (
    SELECT DISTINCT ON (v.project_id) v.project_id,
           CASE WHEN v.action = 'postpone' THEN v.from_state END AS postponed_from
      FROM ev v WHERE v.action IN ('postpone', 'resume') AND v.project_id IS NOT NULL
     ORDER BY v.project_id, v.event_id DESC
),
-- budgets: arrange_budget (year, fund; before 0.3.0 the plan year and fund
-- the events give the project), revise_budget (year, fund, new_amount)
budget_ev AS (
    SELECT v.project_id, v.event_id,
           COALESCE((v.d ->> 'year')::integer, ly.plan_year) AS year,
           COALESCE(v.d ->> 'fund', c.d ->> 'fund', 'municipal_fiscal') AS fund,
           (CASE WHEN v.action = 'arrange_budget' THEN v.d ->> 'amount' ELSE v.d ->> 'new_amount' END)::numeric AS amount
      FROM ev v
      LEFT JOIN last_year ly ON ly.project_id = v.project_id
      LEFT JOIN created c ON c.project_id = v.project_id
     WHERE v.action IN ('arrange_budget', 'revise_budget') AND v.project_id IS NOT NULL
),
budget_want AS (
    SELECT DISTINCT ON (b.project_id, b.year, b.fund) b.project_id, b.year, b.fund, b.amount, b.event_id
      FROM budget_ev b ORDER BY b.project_id, b.year, b.fund, b.event_id DESC
),
budget_total AS (
    SELECT b.project_id, sum(b.amount) AS budget FROM budget_want b GROUP BY b.project_id
),
-- the contract: each side's signature (sign_contract with side; a pending
-- one stays in procured), and the contract formed (the move out of procured)
sign_ev AS (
    SELECT v.project_id, v.event_id, v.to_state, v.d,
           COALESCE(v.d ->> 'side',
                    CASE WHEN v.to_state <> 'procured' THEN
                        CASE lag(v.d ->> 'side') OVER (PARTITION BY v.project_id ORDER BY v.event_id)
                             WHEN 'user_unit' THEN 'bigdata' WHEN 'bigdata' THEN 'user_unit' END END) AS side
      FROM ev v WHERE v.action = 'sign_contract' AND v.project_id IS NOT NULL
),
signature_want AS (
    SELECT DISTINCT ON (s.project_id, s.side) s.project_id, s.side, s.event_id, s.d
      FROM sign_ev s WHERE s.side IS NOT NULL ORDER BY s.project_id, s.side, s.event_id DESC
),
contract_want AS (
    SELECT DISTINCT ON (s.project_id) s.project_id, s.event_id, s.d
      FROM sign_ev s WHERE s.to_state <> 'procured' ORDER BY s.project_id, s.event_id DESC
),
project_want AS (
    SELECT c.project_id, c.unit_id, c.event_id, btrim(c.d ->> 'name') AS name, c.d ->> 'category' AS category,
           ly.plan_year, (c.d ->> 'estimate')::numeric AS estimate,
           COALESCE(c.d ->> 'fund', 'municipal_fiscal') AS fund, ls.to_state AS state, ls.event_id AS state_event,
           lp.postponed_from, bt.budget,
           k.event_id AS contract_event, k.d AS contract
      FROM created c
      LEFT JOIN last_year ly ON ly.project_id = c.project_id
      LEFT JOIN last_state ls ON ls.project_id = c.project_id
      LEFT JOIN last_postpone lp ON lp.project_id = c.project_id
      LEFT JOIN budget_total bt ON bt.project_id = c.project_id
      LEFT JOIN contract_want k ON k.project_id = c.project_id
),
-- line items: add_line_item names the row (line_item_id) and its digest
line_want AS (
    SELECT DISTINCT ON ((v.d ->> 'line_item_id')::bigint) (v.d ->> 'line_item_id')::bigint AS line_item_id,
           v.project_id, v.event_id, v.d
      FROM ev v WHERE v.action = 'add_line_item' AND v.d ? 'line_item_id'
     ORDER BY (v.d ->> 'line_item_id')::bigint, v.event_id
),
-- disbursements: by disbursement_id (0.3.0), else paired by project, amount and date
dis_ev AS (
    SELECT v.event_id, v.project_id, (v.d ->> 'disbursement_id')::bigint AS disbursement_id,
           (v.d ->> 'amount')::numeric AS amount, (v.d ->> 'paid_on')::date AS paid_on
      FROM ev v WHERE v.action = 'record_disbursement' AND v.project_id IS NOT NULL
),
dis_by_id AS (
    SELECT x.*, d.disbursement_id AS row_id, d.project_id AS row_project, d.amount AS row_amount, d.paid_on AS row_paid_on
      FROM dis_ev x LEFT JOIN bjxm.disbursements d ON d.disbursement_id = x.disbursement_id
     WHERE x.disbursement_id IS NOT NULL
),
dis_rows_left AS (
    SELECT d.disbursement_id, d.project_id, d.amount, d.paid_on,
           row_number() OVER (PARTITION BY d.project_id, d.amount, d.paid_on ORDER BY d.disbursement_id) AS n
      FROM bjxm.disbursements d
     WHERE NOT EXISTS (SELECT 1 FROM dis_ev x WHERE x.disbursement_id = d.disbursement_id)
),
dis_ev_left AS (
    SELECT x.event_id, x.project_id, x.amount, x.paid_on,
           row_number() OVER (PARTITION BY x.project_id, x.amount, x.paid_on ORDER BY x.event_id) AS n
      FROM dis_ev x WHERE x.disbursement_id IS NULL
),
-- rectification orders: open, report, close
rx_open AS (
    SELECT DISTINCT ON ((v.d ->> 'rectification_id')::bigint) (v.d ->> 'rectification_id')::bigint AS id,
           v.event_id, v.unit_id, v.project_id, v.d, (v.d ->> 'deadline')::date AS deadline,
           COALESCE((v.d ->> 'category')::integer, bjxm.item(v.clause)) AS category
      FROM ev v WHERE v.action = 'open_rectification' AND v.d ? 'rectification_id'
     ORDER BY (v.d ->> 'rectification_id')::bigint, v.event_id
),
rx_ev AS (
    SELECT (v.d ->> 'rectification_id')::bigint AS id, v.event_id, v.action, v.effective_date, v.d,
           CASE WHEN v.action = 'report_rectification' THEN 'reported'
                WHEN (v.d ->> 'passed')::boolean THEN 'closed' ELSE 'failed' END AS status,
           CASE WHEN v.action = 'report_rectification' THEN
                    CASE WHEN v.effective_date > o.deadline THEN o.deadline + 1 END
                WHEN NOT (v.d ->> 'passed')::boolean THEN
                    CASE WHEN v.effective_date > o.deadline THEN o.deadline + 1 ELSE v.effective_date END
           END AS hold
      FROM ev v JOIN rx_open o ON o.id = (v.d ->> 'rectification_id')::bigint
     WHERE v.action IN ('report_rectification', 'close_rectification')
),
rx_want AS (
    SELECT o.id, o.event_id, o.unit_id, o.project_id, o.deadline, o.category, o.d ->> 'finding' AS finding,
           o.d ? 'finding' AS has_finding,
           COALESCE(l.status, 'open') AS status, COALESCE(l.event_id, o.event_id) AS status_event,
           r.effective_date AS reported_on, (r.d ->> 'verify_by')::date AS verify_by, r.d ->> 'result' AS result,
           COALESCE(r.d ? 'result', true) AS has_result,
           h.hold AS hold_since,
           EXISTS (SELECT 1 FROM rx_ev c WHERE c.id = o.id AND c.status = 'closed') AS closed
      FROM rx_open o
      LEFT JOIN LATERAL (SELECT x.status, x.event_id FROM rx_ev x WHERE x.id = o.id ORDER BY x.event_id DESC LIMIT 1) l ON true
      LEFT JOIN LATERAL (SELECT x.effective_date, x.d FROM rx_ev x WHERE x.id = o.id AND x.action = 'report_rectification'
                          ORDER BY x.event_id DESC LIMIT 1) r ON true
      LEFT JOIN LATERAL (SELECT x.hold FROM rx_ev x WHERE x.id = o.id AND x.hold IS NOT NULL
                          ORDER BY x.event_id LIMIT 1) h ON true
),
-- the data catalogue: add, classify, review, approve_catalogue, list, delist
dr_add AS (
    SELECT DISTINCT ON ((v.d ->> 'resource_id')::bigint) (v.d ->> 'resource_id')::bigint AS id,
           v.event_id, v.project_id, v.unit_id, v.d
      FROM ev v WHERE v.action = 'add_data_resource' AND v.d ? 'resource_id'
     ORDER BY (v.d ->> 'resource_id')::bigint, v.event_id
),
dr_ev AS (
    SELECT (v.d ->> 'resource_id')::bigint AS id, v.event_id, v.action, v.effective_date, v.d
      FROM ev v
     WHERE v.action IN ('classify_data_resource', 'review_data_resource', 'list_data_resource', 'delist_data_resource')
       AND v.d ? 'resource_id'
    UNION ALL
    SELECT r.id::bigint, v.event_id, v.action, v.effective_date, v.d
      FROM ev v CROSS JOIN LATERAL jsonb_array_elements_text(v.d -> 'resource_ids') AS r(id)
     WHERE v.action = 'approve_catalogue' AND jsonb_typeof(v.d -> 'resource_ids') = 'array'
),
dr_classify AS (
    SELECT c.id, c.event_id, c.d ->> 'level' AS level, (c.d ->> 'secrecy_reviewed')::boolean AS secrecy,
           (c.d ->> 'level', (c.d ->> 'secrecy_reviewed')::boolean) IS DISTINCT FROM
           (lag(c.d ->> 'level') OVER w, lag((c.d ->> 'secrecy_reviewed')::boolean) OVER w) AS clears
      FROM dr_ev c WHERE c.action = 'classify_data_resource'
    WINDOW w AS (PARTITION BY c.id ORDER BY c.event_id)
),
dr_want AS (
    SELECT a.id, a.event_id, a.project_id, a.unit_id, btrim(a.d ->> 'name') AS name, a.d ->> 'format' AS format,
           a.d ->> 'share_type' AS share_type, a.d ->> 'open_type' AS open_type,
           a.d ->> 'classification' AS classification,
           lc.level, lc.secrecy,
           rv.action AS review_by, rv.d AS review_d, rv.event_id AS review_event,
           ls.action AS list_by, ls.d AS list_d, ls.effective_date AS list_date, ls.event_id AS list_event,
           -- events recorded before 0.3.0 carry only the entry's id
           EXISTS (SELECT 1 FROM dr_ev x WHERE x.id = a.id AND
                   ((x.action = 'classify_data_resource' AND NOT x.d ? 'level') OR
                    (x.action = 'review_data_resource' AND NOT x.d ? 'passed') OR
                    (x.action = 'list_data_resource' AND NOT x.d ? 'desensitized'))) OR
           EXISTS (SELECT 1 FROM ev v WHERE v.action = 'approve_catalogue' AND v.unit_id = a.unit_id
                   AND NOT v.d ? 'resource_ids') AS old_events
      FROM dr_add a
      LEFT JOIN LATERAL (SELECT c.level, c.secrecy FROM dr_classify c WHERE c.id = a.id
                          ORDER BY c.event_id DESC LIMIT 1) lc ON true
      -- what stands of the review: the last review, approval, or classification that cleared them
      LEFT JOIN LATERAL (SELECT x.action, x.d, x.event_id FROM dr_ev x
                          WHERE x.id = a.id AND (x.action IN ('review_data_resource', 'approve_catalogue') OR
                                EXISTS (SELECT 1 FROM dr_classify c WHERE c.event_id = x.event_id AND c.clears))
                          ORDER BY x.event_id DESC LIMIT 1) rv ON true
      LEFT JOIN LATERAL (SELECT x.action, x.d, x.effective_date, x.event_id FROM dr_ev x
                          WHERE x.id = a.id AND x.action IN ('list_data_resource', 'delist_data_resource')
                          ORDER BY x.event_id DESC LIMIT 1) ls ON true
),
dr_review AS (
    -- review_passed: the last review unless a clearing classification came after it
    SELECT w.id,
           (SELECT (x.d ->> 'passed')::boolean FROM dr_ev x
             WHERE x.id = w.id AND x.action = 'review_data_resource'
               AND NOT EXISTS (SELECT 1 FROM dr_classify c WHERE c.id = w.id AND c.clears AND c.event_id > x.event_id)
             ORDER BY x.event_id DESC LIMIT 1) AS review_passed,
           COALESCE(w.review_by = 'approve_catalogue', false) AS approved,
           COALESCE(w.list_by = 'list_data_resource', false) AS listed,
           (SELECT (x.d ->> 'desensitized')::boolean FROM dr_ev x
             WHERE x.id = w.id AND x.action = 'list_data_resource' ORDER BY x.event_id DESC LIMIT 1) AS desensitized
      FROM dr_want w
)
------------------------------------------------------------------------------
-- projects
SELECT 'no_event', 'projects', 'project_id=' || p.project_id, NULL, p.name, NULL,
       '表中有此项目, 无创建它的事件 (a project no create_project event created)'
  FROM bjxm.projects p WHERE NOT EXISTS (SELECT 1 FROM created c WHERE c.project_id = p.project_id)
UNION ALL
SELECT 'no_row', 'projects', 'project_id=' || c.project_id, NULL, NULL, c.d ->> 'name',
       '事件 ' || c.event_id || ' 创建的项目不在表中 (the project event ' || c.event_id || ' created is missing)'
  FROM created c WHERE NOT EXISTS (SELECT 1 FROM bjxm.projects p WHERE p.project_id = c.project_id)
UNION ALL
SELECT 'differs', 'projects', 'project_id=' || p.project_id, x.col, x.t, x.e,
       '表中值与事件不符, 据事件 ' || x.evt || ' (the table differs from event ' || x.evt || ')'
  FROM bjxm.projects p JOIN project_want w ON w.project_id = p.project_id
 CROSS JOIN LATERAL (VALUES
    ('state', p.state::text, w.state::text, p.state::text IS DISTINCT FROM w.state::text, w.state_event),
    ('postponed_from', p.postponed_from::text, w.postponed_from::text,
     p.postponed_from::text IS DISTINCT FROM w.postponed_from::text, w.state_event),
    ('unit_id', p.unit_id::text, w.unit_id::text, p.unit_id IS DISTINCT FROM w.unit_id, w.event_id),
    ('name', p.name, w.name, p.name IS DISTINCT FROM w.name, w.event_id),
    ('category', p.category::text, w.category, p.category::text IS DISTINCT FROM w.category, w.event_id),
    ('plan_year', p.plan_year::text, w.plan_year::text, p.plan_year IS DISTINCT FROM w.plan_year, w.event_id),
    ('estimate', p.estimate::text, w.estimate::text, p.estimate IS DISTINCT FROM w.estimate, w.event_id),
    ('fund', p.fund::text, w.fund, p.fund::text IS DISTINCT FROM w.fund, w.event_id),
    ('budget', p.budget::text, w.budget::text, p.budget IS DISTINCT FROM w.budget, w.event_id),
    ('contract_no', p.contract_no, btrim(w.contract ->> 'contract_no'),
     p.contract_no IS DISTINCT FROM btrim(w.contract ->> 'contract_no'), w.contract_event),
    ('contract_terms', p.contract_terms::text, (w.contract -> 'terms')::text,
     p.contract_terms IS DISTINCT FROM w.contract -> 'terms', w.contract_event),
    ('contract_amount', p.contract_amount::text, w.contract ->> 'amount',
     (w.contract IS NULL OR w.contract ? 'amount') AND
     p.contract_amount IS DISTINCT FROM (w.contract ->> 'amount')::numeric, w.contract_event),
    ('contract_signed_on', p.contract_signed_on::text, w.contract ->> 'signed_on',
     (w.contract IS NULL OR w.contract ? 'signed_on') AND
     p.contract_signed_on IS DISTINCT FROM (w.contract ->> 'signed_on')::date, w.contract_event)
 ) AS x(col, t, e, differs, evt)
 WHERE x.differs
------------------------------------------------------------------------------
-- budgets
UNION ALL
SELECT 'no_event', 'budgets', 'project_id=' || b.project_id || ',year=' || b.year || ',fund=' || b.fund, 'amount',
       b.amount::text, NULL, '表中有此预算行, 无安排或调整它的事件 (a budget row no arrange_budget or revise_budget event wrote)'
  FROM bjxm.budgets b
 WHERE NOT EXISTS (SELECT 1 FROM budget_want w WHERE w.project_id = b.project_id AND w.year = b.year AND w.fund = b.fund::text)
UNION ALL
SELECT 'no_row', 'budgets', 'project_id=' || w.project_id || ',year=' || w.year || ',fund=' || w.fund, 'amount',
       NULL, w.amount::text, '事件 ' || w.event_id || ' 写入的预算行不在表中 (the budget row event ' || w.event_id || ' wrote is missing)'
  FROM budget_want w
 WHERE NOT EXISTS (SELECT 1 FROM bjxm.budgets b WHERE w.project_id = b.project_id AND w.year = b.year AND w.fund = b.fund::text)
UNION ALL
SELECT 'differs', 'budgets', 'project_id=' || b.project_id || ',year=' || b.year || ',fund=' || b.fund, 'amount',
       b.amount::text, w.amount::text,
       '表中值与事件不符, 据事件 ' || w.event_id || ' (the table differs from event ' || w.event_id || ')'
  FROM bjxm.budgets b JOIN budget_want w ON w.project_id = b.project_id AND w.year = b.year AND w.fund = b.fund::text
 WHERE b.amount IS DISTINCT FROM w.amount
------------------------------------------------------------------------------
-- contract signatures
UNION ALL
SELECT 'no_event', 'contract_signatures', 'project_id=' || s.project_id || ',duty=' || s.duty, NULL, s.contract_no, NULL,
       '表中有此签署, 无签署它的事件 (a signature no sign_contract event recorded)'
  FROM bjxm.contract_signatures s
 WHERE NOT EXISTS (SELECT 1 FROM signature_want w WHERE w.project_id = s.project_id AND w.side = s.duty)
UNION ALL
SELECT 'no_row', 'contract_signatures', 'project_id=' || w.project_id || ',duty=' || w.side, NULL, NULL, w.d ->> 'contract_no',
       '事件 ' || w.event_id || ' 记录的签署不在表中 (the signature event ' || w.event_id || ' recorded is missing)'
  FROM signature_want w
 WHERE NOT EXISTS (SELECT 1 FROM bjxm.contract_signatures s WHERE w.project_id = s.project_id AND w.side = s.duty)
UNION ALL
SELECT 'differs', 'contract_signatures', 'project_id=' || s.project_id || ',duty=' || s.duty, x.col, x.t, x.e,
       '表中值与事件不符, 据事件 ' || w.event_id || ' (the table differs from event ' || w.event_id || ')'
  FROM bjxm.contract_signatures s JOIN signature_want w ON w.project_id = s.project_id AND w.side = s.duty
 CROSS JOIN LATERAL (VALUES
    ('contract_no', s.contract_no, btrim(w.d ->> 'contract_no'), s.contract_no IS DISTINCT FROM btrim(w.d ->> 'contract_no')),
    ('terms', s.terms::text, (w.d -> 'terms')::text, s.terms IS DISTINCT FROM w.d -> 'terms'),
    ('amount', s.amount::text, w.d ->> 'amount', w.d ? 'amount' AND s.amount IS DISTINCT FROM (w.d ->> 'amount')::numeric),
    ('signed_on', s.signed_on::text, w.d ->> 'signed_on',
     w.d ? 'signed_on' AND s.signed_on IS DISTINCT FROM (w.d ->> 'signed_on')::date)
 ) AS x(col, t, e, differs)
 WHERE x.differs
------------------------------------------------------------------------------
-- line items
UNION ALL
SELECT CASE WHEN EXISTS (SELECT 1 FROM ev v WHERE v.action = 'add_line_item' AND v.project_id = l.project_id
                          AND NOT v.d ? 'line_item_id') THEN 'not_verifiable' ELSE 'no_event' END,
       'line_items', 'line_item_id=' || l.line_item_id, NULL, l.name || ': ' || l.amount, NULL,
       '表中有此支出事项, 无记录它的事件 (a line item no add_line_item event recorded; not_verifiable: '
       || 'the project has add_line_item events from before 0.3.0, which do not name their row)'
  FROM bjxm.line_items l WHERE NOT EXISTS (SELECT 1 FROM line_want w WHERE w.line_item_id = l.line_item_id)
UNION ALL
SELECT 'no_row', 'line_items', 'line_item_id=' || w.line_item_id, NULL, NULL, (w.d ->> 'category') || ': ' || (w.d ->> 'amount'),
       '事件 ' || w.event_id || ' 记录的支出事项不在表中 (the line item event ' || w.event_id || ' recorded is missing)'
  FROM line_want w WHERE NOT EXISTS (SELECT 1 FROM bjxm.line_items l WHERE l.line_item_id = w.line_item_id)
UNION ALL
SELECT 'differs', 'line_items', 'line_item_id=' || l.line_item_id, x.col, x.t, x.e,
       '表中值与事件不符, 据事件 ' || w.event_id || ' (the table differs from event ' || w.event_id || ')'
  FROM bjxm.line_items l JOIN line_want w ON w.line_item_id = l.line_item_id
 CROSS JOIN LATERAL (VALUES
    ('project_id', l.project_id::text, w.project_id::text, l.project_id IS DISTINCT FROM w.project_id),
    ('category', l.category, w.d ->> 'category', l.category IS DISTINCT FROM w.d ->> 'category'),
    ('amount', l.amount::text, w.d ->> 'amount', l.amount IS DISTINCT FROM (w.d ->> 'amount')::numeric),
    ('name, description', l.name || ' / ' || l.description, 'md5 ' || (w.d ->> 'digest'),
     w.d ? 'digest' AND md5(l.category || chr(31) || l.name || chr(31) || l.description || chr(31) ||
                            l.amount::numeric(14,2)::text) IS DISTINCT FROM w.d ->> 'digest'),
    ('admission_event', l.admission_event::text, w.event_id::text, l.admission_event IS DISTINCT FROM w.event_id),
    ('adjustment_id', l.adjustment_id::text, w.d ->> 'adjustment',
     l.adjustment_id IS DISTINCT FROM (w.d ->> 'adjustment')::bigint)
 ) AS x(col, t, e, differs)
 WHERE x.differs
------------------------------------------------------------------------------
-- disbursements
UNION ALL
SELECT 'no_row', 'disbursements', 'disbursement_id=' || x.disbursement_id, NULL, NULL, x.amount || ' @ ' || x.paid_on,
       '事件 ' || x.event_id || ' 记录的拨付不在表中 (the disbursement event ' || x.event_id || ' recorded is missing)'
  FROM dis_by_id x WHERE x.row_id IS NULL
UNION ALL
SELECT 'differs', 'disbursements', 'disbursement_id=' || x.disbursement_id, c.col, c.t, c.e,
       '表中值与事件不符, 据事件 ' || x.event_id || ' (the table differs from event ' || x.event_id || ')'
  FROM dis_by_id x
 CROSS JOIN LATERAL (VALUES
    ('project_id', x.row_project::text, x.project_id::text, x.row_project IS DISTINCT FROM x.project_id),
    ('amount', x.row_amount::text, x.amount::text, x.row_amount IS DISTINCT FROM x.amount),
    ('paid_on', x.row_paid_on::text, x.paid_on::text, x.row_paid_on IS DISTINCT FROM x.paid_on)
 ) AS c(col, t, e, differs)
 WHERE x.row_id IS NOT NULL AND c.differs
UNION ALL
SELECT 'no_event', 'disbursements', 'disbursement_id=' || d.disbursement_id, 'amount', d.amount || ' @ ' || d.paid_on, NULL,
       '表中有此拨付, 无记录它的事件 (a disbursement no record_disbursement event recorded)'
  FROM dis_rows_left d
 WHERE NOT EXISTS (SELECT 1 FROM dis_ev_left x WHERE x.project_id = d.project_id AND x.amount = d.amount
                      AND x.paid_on = d.paid_on AND x.n = d.n)
UNION ALL
SELECT 'no_row', 'disbursements', 'project_id=' || x.project_id, 'amount', NULL, x.amount || ' @ ' || x.paid_on,
       '事件 ' || x.event_id || ' 记录的拨付不在表中 (the disbursement event ' || x.event_id || ' recorded is missing)'
  FROM dis_ev_left x
 WHERE NOT EXISTS (SELECT 1 FROM dis_rows_left d WHERE x.project_id = d.project_id AND x.amount = d.amount
                      AND x.paid_on = d.paid_on AND x.n = d.n)
------------------------------------------------------------------------------
-- rectification orders
UNION ALL
SELECT 'no_event', 'rectifications', 'rectification_id=' || r.rectification_id, NULL, r.status, NULL,
       '表中有此整改通知, 无下达它的事件 (an order no open_rectification event opened)'
  FROM bjxm.rectifications r WHERE NOT EXISTS (SELECT 1 FROM rx_open o WHERE o.id = r.rectification_id)
UNION ALL
SELECT 'no_row', 'rectifications', 'rectification_id=' || w.id, NULL, NULL, w.status,
       '事件 ' || w.event_id || ' 下达的整改通知不在表中 (the order event ' || w.event_id || ' opened is missing)'
  FROM rx_want w WHERE NOT EXISTS (SELECT 1 FROM bjxm.rectifications r WHERE r.rectification_id = w.id)
UNION ALL
SELECT 'differs', 'rectifications', 'rectification_id=' || r.rectification_id, x.col, x.t, x.e,
       '表中值与事件不符, 据事件 ' || x.evt || ' (the table differs from event ' || x.evt || ')'
  FROM bjxm.rectifications r JOIN rx_want w ON w.id = r.rectification_id
 CROSS JOIN LATERAL (VALUES
    ('status', r.status, w.status, r.status IS DISTINCT FROM w.status, w.status_event),
    ('unit_id', r.unit_id::text, w.unit_id::text, r.unit_id IS DISTINCT FROM w.unit_id, w.event_id),
    ('project_id', r.project_id::text, w.project_id::text, r.project_id IS DISTINCT FROM w.project_id, w.event_id),
    ('category', r.category::text, w.category::text, r.category IS DISTINCT FROM w.category, w.event_id),
    ('finding', r.finding, w.finding, w.has_finding AND r.finding IS DISTINCT FROM w.finding, w.event_id),
    ('deadline', r.deadline::text, w.deadline::text, r.deadline IS DISTINCT FROM w.deadline, w.event_id),
    ('reported_on', r.reported_on::text, w.reported_on::text, r.reported_on IS DISTINCT FROM w.reported_on, w.status_event),
    ('verify_by', r.verify_by::text, w.verify_by::text, r.verify_by IS DISTINCT FROM w.verify_by, w.status_event),
    ('result', r.result, w.result, w.has_result AND r.result IS DISTINCT FROM w.result, w.status_event),
    ('hold_since', r.hold_since::text, w.hold_since::text, r.hold_since IS DISTINCT FROM w.hold_since, w.status_event),
    ('closed_at', CASE WHEN r.closed_at IS NULL THEN 'NULL' ELSE 'set' END, CASE WHEN w.closed THEN 'set' ELSE 'NULL' END,
     (r.closed_at IS NOT NULL) IS DISTINCT FROM w.closed, w.status_event)
 ) AS x(col, t, e, differs, evt)
 WHERE x.differs
------------------------------------------------------------------------------
-- data catalogue entries
UNION ALL
SELECT CASE WHEN EXISTS (SELECT 1 FROM ev v WHERE v.action = 'add_data_resource' AND v.project_id = r.project_id
                          AND NOT v.d ? 'resource_id') THEN 'not_verifiable' ELSE 'no_event' END,
       'data_resources', 'resource_id=' || r.resource_id, NULL, r.name, NULL,
       '表中有此目录条目, 无编目它的事件 (an entry no add_data_resource event catalogued; not_verifiable: '
       || 'the project has add_data_resource events from before 0.3.0, which do not name their row)'
  FROM bjxm.data_resources r WHERE NOT EXISTS (SELECT 1 FROM dr_add a WHERE a.id = r.resource_id)
UNION ALL
SELECT 'no_row', 'data_resources', 'resource_id=' || a.id, NULL, NULL, a.d ->> 'name',
       '事件 ' || a.event_id || ' 编目的条目不在表中 (the entry event ' || a.event_id || ' catalogued is missing)'
  FROM dr_add a WHERE NOT EXISTS (SELECT 1 FROM bjxm.data_resources r WHERE r.resource_id = a.id)
UNION ALL
SELECT 'not_verifiable', 'data_resources', 'resource_id=' || w.id, 'level, secrecy_reviewed, review_passed, approved_at, desensitized',
       NULL, NULL,
       '该条目的分级、审核、审定或上架事件记录于 0.3.0 之前, 只有条目编号 (events of this entry from before 0.3.0 carry only its id)'
  FROM dr_want w JOIN bjxm.data_resources r ON r.resource_id = w.id WHERE w.old_events
UNION ALL
SELECT 'differs', 'data_resources', 'resource_id=' || r.resource_id, x.col, x.t, x.e,
       '表中值与事件不符, 据事件 ' || x.evt || ' (the table differs from event ' || x.evt || ')'
  FROM bjxm.data_resources r JOIN dr_want w ON w.id = r.resource_id JOIN dr_review v ON v.id = w.id
 CROSS JOIN LATERAL (VALUES
    ('status', CASE WHEN r.listed_at IS NOT NULL THEN 'listed' WHEN r.approved_at IS NOT NULL THEN 'approved'
                    WHEN r.review_passed THEN 'reviewed' WHEN NOT r.review_passed THEN 'rejected' ELSE 'catalogued' END,
               CASE WHEN v.listed THEN 'listed' WHEN v.approved THEN 'approved'
                    WHEN v.review_passed THEN 'reviewed' WHEN NOT v.review_passed THEN 'rejected' ELSE 'catalogued' END,
     NOT w.old_events AND
     (r.listed_at IS NOT NULL, r.approved_at IS NOT NULL, r.review_passed) IS DISTINCT FROM
     (v.listed, v.approved, v.review_passed), COALESCE(GREATEST(w.list_event, w.review_event), w.event_id)),
    ('published_on', r.published_on::text, CASE WHEN v.listed THEN w.list_date::text END,
     r.published_on IS DISTINCT FROM CASE WHEN v.listed THEN w.list_date END, COALESCE(w.list_event, w.event_id)),
    ('desensitized', r.desensitized::text, v.desensitized::text,
     NOT w.old_events AND r.desensitized IS DISTINCT FROM v.desensitized, COALESCE(w.list_event, w.event_id)),
    ('level', r.level, w.level, NOT w.old_events AND r.level IS DISTINCT FROM w.level, w.event_id),
    ('secrecy_reviewed', r.secrecy_reviewed::text, w.secrecy::text,
     NOT w.old_events AND r.secrecy_reviewed IS DISTINCT FROM w.secrecy, w.event_id),
    ('project_id', r.project_id::text, w.project_id::text, r.project_id IS DISTINCT FROM w.project_id, w.event_id),
    ('unit_id', r.unit_id::text, w.unit_id::text, r.unit_id IS DISTINCT FROM w.unit_id, w.event_id),
    ('name', r.name, w.name, r.name IS DISTINCT FROM w.name, w.event_id),
    ('format', r.format, w.format, r.format IS DISTINCT FROM w.format, w.event_id),
    ('share_type', r.share_type, w.share_type, r.share_type IS DISTINCT FROM w.share_type, w.event_id),
    ('open_type', r.open_type, w.open_type, r.open_type IS DISTINCT FROM w.open_type, w.event_id),
    ('classification', r.classification, w.classification, r.classification IS DISTINCT FROM w.classification, w.event_id)
 ) AS x(col, t, e, differs, evt)
 WHERE x.differs
$$;
COMMENT ON FUNCTION bjxm._verify_state_rows() IS '内部: bjxm.verify_state 的重建与比对, 仅扩展所有者可执行 (internal: the rebuild and comparison behind bjxm.verify_state; the owner''s only)';

CREATE FUNCTION bjxm.verify_state(OUT kind text, OUT table_name text, OUT row_key text, OUT column_name text,
        OUT in_table text, OUT from_events text, OUT detail text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_verify_state' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.verify_state() IS '对账: 由事件日志重建各项目的状态、支出事项、预算、合同与拨付, 各单位的整改通知, 各数据资源目录条目的状态, 报告表中与事件不符的每一处 (differs), 无事件的行 (no_event), 事件所记而表中缺失的行 (no_row), 以及 0.3.0 之前的事件不足以核对的 (not_verifiable); 无结果即一致; 审计机关或大数据部门, 第三十条 (reconcile the tables with the event log: one row per disagreement, none when consistent; auditor or bigdata)';
REVOKE ALL ON FUNCTION bjxm._verify_state_rows(), bjxm.verify_state() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.verify_state() TO PUBLIC;
-- as a fresh install's: no one but the owner
REVOKE ALL ON bjxm.event_lanes FROM PUBLIC;
REVOKE ALL ON SEQUENCE bjxm.event_ids FROM PUBLIC;

-- Issue 17 item 4: anchors and the export for the offline verifier
-- (docs/event-export.md, docs/design.md §12).  第三十条: the auditor keeps
-- anchors outside the database and verifies without it.
CREATE FUNCTION bjxm.verify_events(anchors text, OUT checked bigint, OUT first_broken bigint, OUT detail text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_verify_events' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.verify_events(text) IS '校验事件日志的 SM3 哈希链, 并核对先前保存的锚点 (chain_anchor_text 的原文): 锚点所记的每个事件须仍在且哈希不变, 故锚点覆盖范围内的改写, 即使整条链重新链接, 也被报告; 编号低于锚点界限却不在锚点覆盖的链前缀内的事件 (事后以旧编号插入) 也被报告; 审计机关或大数据部门, 第三十条 (verify the chain and the anchors an auditor kept: any rewrite the anchors cover, even a full re-link, is reported, and so is an event with an id below the anchor''s horizon outside the anchored prefixes (inserted later with an old id); auditor or bigdata)';

CREATE FUNCTION bjxm.export_events(after bigint DEFAULT 0)
    RETURNS SETOF text
    AS 'MODULE_PATHNAME', 'bjxm_export_events' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.export_events(bigint) IS '导出事件日志供离线校验 (bjxm-verify): 编号大于 after 的每个事件一行 (bjxm-export-v1), 按链与序号排序, 其后每条链头一行 (bjxm-head-v1); 格式见 docs/event-export.md; 审计机关或大数据部门, 第三十条 (export the event log for the offline verifier, one line per event then one per lane head; auditor or bigdata)';

CREATE FUNCTION bjxm.chain_anchor()
    RETURNS TABLE (lane bigint, lane_seq bigint, event_id bigint, hash text, taken_at timestamptz, horizon bigint)
    AS 'MODULE_PATHNAME', 'bjxm_chain_anchor' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.chain_anchor() IS '锚点: 各条事件链已提交的链头 (序号、事件编号与 SM3 哈希), 供审计机关保存于数据库之外; 每行同一界限 horizon: 编号低于它的事件取锚点时均已提交 (或永不提交), 须在锚点覆盖的链前缀之内; 审计机关或大数据部门, 第三十条 (anchors: the committed head of every event lane, for an auditor to keep outside the database; on every row the same horizon: every event with a lower id was committed when the anchor was taken, or never will be, so must lie in an anchored lane prefix; auditor or bigdata)';

CREATE FUNCTION bjxm.chain_anchor_text()
    RETURNS text
    AS 'MODULE_PATHNAME', 'bjxm_chain_anchor_text' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.chain_anchor_text() IS '锚点的文本形式: 每条链一行 bjxm-anchor-v1, 一行界限 bjxm-anchor-horizon-v1, 末行为前文的 SM3 校验和; 供保存并交给 verify_events(anchors) 或 bjxm-verify --anchors; 审计机关或大数据部门, 第三十条 (the anchors as text to save: one line per lane, the horizon line and a final SM3 sum line; auditor or bigdata)';

REVOKE ALL ON FUNCTION bjxm.verify_events(text), bjxm.export_events(bigint), bjxm.chain_anchor(),
    bjxm.chain_anchor_text() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.verify_events(text), bjxm.export_events(bigint), bjxm.chain_anchor(),
    bjxm.chain_anchor_text() TO PUBLIC;
