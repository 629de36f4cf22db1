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
