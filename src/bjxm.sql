-- bjxm: 毕节市市级信息化项目统筹管理办法(试行), enforced inside PostgreSQL.
--
-- The one source of the install script.  `make` builds it into
-- bjxm--<version>.sql (the version lives only in bjxm.control) and splices
-- the regulation's text, generated from data/regulation.zh.txt, in at the
-- seed marker below.  Sections follow the regulation's chapters.

-- The messages, labels and the regulation text are UTF-8 Chinese.
DO $bjxm$
BEGIN
    IF pg_catalog.current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'bjxm 需要 UTF8 编码的数据库 (bjxm needs a UTF8 database), 当前为 %',
            pg_catalog.current_setting('server_encoding')
            USING ERRCODE = 'feature_not_supported';
    END IF;
END
$bjxm$;

COMMENT ON SCHEMA bjxm IS '毕节市市级信息化项目统筹管理 (Bijie municipal IT-project measures): 函数、视图与数据 (functions, views and data)';

------------------------------------------------------------------------------
-- Types (docs/reference.md §1)
------------------------------------------------------------------------------

-- bjxm.uscc: 统一社会信用代码, GB 32100-2015.
CREATE TYPE bjxm.uscc;

CREATE FUNCTION bjxm.uscc_in(cstring) RETURNS bjxm.uscc
    AS 'MODULE_PATHNAME', 'bjxm_uscc_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bjxm.uscc_out(bjxm.uscc) RETURNS cstring
    AS 'MODULE_PATHNAME', 'bjxm_uscc_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bjxm.uscc_recv(internal) RETURNS bjxm.uscc
    AS 'MODULE_PATHNAME', 'bjxm_uscc_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bjxm.uscc_send(bjxm.uscc) RETURNS bytea
    AS 'MODULE_PATHNAME', 'bjxm_uscc_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE bjxm.uscc (
    INPUT = bjxm.uscc_in,
    OUTPUT = bjxm.uscc_out,
    RECEIVE = bjxm.uscc_recv,
    SEND = bjxm.uscc_send,
    INTERNALLENGTH = 18,
    ALIGNMENT = char,
    STORAGE = plain
);
COMMENT ON TYPE bjxm.uscc IS '统一社会信用代码, 18位, 含校验 (unified social credit code, GB 32100-2015, checked)';
COMMENT ON FUNCTION bjxm.uscc_in(cstring) IS '统一社会信用代码文本输入 (uscc text input)';
COMMENT ON FUNCTION bjxm.uscc_out(bjxm.uscc) IS '统一社会信用代码文本输出 (uscc text output)';
COMMENT ON FUNCTION bjxm.uscc_recv(internal) IS '统一社会信用代码二进制输入 (uscc binary input)';
COMMENT ON FUNCTION bjxm.uscc_send(bjxm.uscc) IS '统一社会信用代码二进制输出 (uscc binary output)';

CREATE FUNCTION bjxm.uscc_cmp(bjxm.uscc, bjxm.uscc) RETURNS int
    AS 'MODULE_PATHNAME', 'bjxm_uscc_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_eq(bjxm.uscc, bjxm.uscc) RETURNS bool
    AS 'MODULE_PATHNAME', 'bjxm_uscc_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_ne(bjxm.uscc, bjxm.uscc) RETURNS bool
    AS 'MODULE_PATHNAME', 'bjxm_uscc_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_lt(bjxm.uscc, bjxm.uscc) RETURNS bool
    AS 'MODULE_PATHNAME', 'bjxm_uscc_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_le(bjxm.uscc, bjxm.uscc) RETURNS bool
    AS 'MODULE_PATHNAME', 'bjxm_uscc_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_gt(bjxm.uscc, bjxm.uscc) RETURNS bool
    AS 'MODULE_PATHNAME', 'bjxm_uscc_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_ge(bjxm.uscc, bjxm.uscc) RETURNS bool
    AS 'MODULE_PATHNAME', 'bjxm_uscc_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_hash(bjxm.uscc) RETURNS int
    AS 'MODULE_PATHNAME', 'bjxm_uscc_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.uscc_hash_extended(bjxm.uscc, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'bjxm_uscc_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.region_of(bjxm.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'bjxm_uscc_region' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.uscc_cmp(bjxm.uscc, bjxm.uscc) IS '统一社会信用代码比较, btree 支持 (uscc comparison, btree support)';
COMMENT ON FUNCTION bjxm.uscc_eq(bjxm.uscc, bjxm.uscc) IS '统一社会信用代码相等 (uscc equality)';
COMMENT ON FUNCTION bjxm.uscc_ne(bjxm.uscc, bjxm.uscc) IS '统一社会信用代码不等 (uscc inequality)';
COMMENT ON FUNCTION bjxm.uscc_lt(bjxm.uscc, bjxm.uscc) IS '统一社会信用代码小于 (uscc less than)';
COMMENT ON FUNCTION bjxm.uscc_le(bjxm.uscc, bjxm.uscc) IS '统一社会信用代码小于等于 (uscc less or equal)';
COMMENT ON FUNCTION bjxm.uscc_gt(bjxm.uscc, bjxm.uscc) IS '统一社会信用代码大于 (uscc greater than)';
COMMENT ON FUNCTION bjxm.uscc_ge(bjxm.uscc, bjxm.uscc) IS '统一社会信用代码大于等于 (uscc greater or equal)';
COMMENT ON FUNCTION bjxm.uscc_hash(bjxm.uscc) IS '统一社会信用代码哈希 (uscc hash support)';
COMMENT ON FUNCTION bjxm.uscc_hash_extended(bjxm.uscc, bigint) IS '统一社会信用代码带种子哈希 (uscc seeded hash support)';
COMMENT ON FUNCTION bjxm.region_of(bjxm.uscc) IS '代码第3–8位登记管理机关行政区划码 (the 6-digit GB/T 2260 region code in positions 3–8)';

CREATE OPERATOR bjxm.= (
    LEFTARG = bjxm.uscc, RIGHTARG = bjxm.uscc, PROCEDURE = bjxm.uscc_eq,
    COMMUTATOR = OPERATOR(bjxm.=), NEGATOR = OPERATOR(bjxm.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR bjxm.<> (
    LEFTARG = bjxm.uscc, RIGHTARG = bjxm.uscc, PROCEDURE = bjxm.uscc_ne,
    COMMUTATOR = OPERATOR(bjxm.<>), NEGATOR = OPERATOR(bjxm.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR bjxm.< (
    LEFTARG = bjxm.uscc, RIGHTARG = bjxm.uscc, PROCEDURE = bjxm.uscc_lt,
    COMMUTATOR = OPERATOR(bjxm.>), NEGATOR = OPERATOR(bjxm.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR bjxm.<= (
    LEFTARG = bjxm.uscc, RIGHTARG = bjxm.uscc, PROCEDURE = bjxm.uscc_le,
    COMMUTATOR = OPERATOR(bjxm.>=), NEGATOR = OPERATOR(bjxm.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR bjxm.> (
    LEFTARG = bjxm.uscc, RIGHTARG = bjxm.uscc, PROCEDURE = bjxm.uscc_gt,
    COMMUTATOR = OPERATOR(bjxm.<), NEGATOR = OPERATOR(bjxm.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR bjxm.>= (
    LEFTARG = bjxm.uscc, RIGHTARG = bjxm.uscc, PROCEDURE = bjxm.uscc_ge,
    COMMUTATOR = OPERATOR(bjxm.<=), NEGATOR = OPERATOR(bjxm.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR bjxm.= (bjxm.uscc, bjxm.uscc) IS '统一社会信用代码相等 (uscc equality)';
COMMENT ON OPERATOR bjxm.<> (bjxm.uscc, bjxm.uscc) IS '统一社会信用代码不等 (uscc inequality)';
COMMENT ON OPERATOR bjxm.< (bjxm.uscc, bjxm.uscc) IS '统一社会信用代码小于 (uscc less than)';
COMMENT ON OPERATOR bjxm.<= (bjxm.uscc, bjxm.uscc) IS '统一社会信用代码小于等于 (uscc less or equal)';
COMMENT ON OPERATOR bjxm.> (bjxm.uscc, bjxm.uscc) IS '统一社会信用代码大于 (uscc greater than)';
COMMENT ON OPERATOR bjxm.>= (bjxm.uscc, bjxm.uscc) IS '统一社会信用代码大于等于 (uscc greater or equal)';

CREATE OPERATOR CLASS bjxm.uscc_ops DEFAULT FOR TYPE bjxm.uscc USING btree AS
    OPERATOR 1 bjxm.<, OPERATOR 2 bjxm.<=, OPERATOR 3 bjxm.=,
    OPERATOR 4 bjxm.>=, OPERATOR 5 bjxm.>,
    FUNCTION 1 bjxm.uscc_cmp(bjxm.uscc, bjxm.uscc);
CREATE OPERATOR CLASS bjxm.uscc_hash_ops DEFAULT FOR TYPE bjxm.uscc USING hash AS
    OPERATOR 1 bjxm.=,
    FUNCTION 1 bjxm.uscc_hash(bjxm.uscc),
    FUNCTION 2 bjxm.uscc_hash_extended(bjxm.uscc, bigint);
COMMENT ON OPERATOR CLASS bjxm.uscc_ops USING btree IS '统一社会信用代码 btree 排序 (uscc btree ordering)';
COMMENT ON OPERATOR CLASS bjxm.uscc_hash_ops USING hash IS '统一社会信用代码哈希 (uscc hashing)';
COMMENT ON OPERATOR FAMILY bjxm.uscc_ops USING btree IS '统一社会信用代码 btree 族 (uscc btree family)';
COMMENT ON OPERATOR FAMILY bjxm.uscc_hash_ops USING hash IS '统一社会信用代码哈希族 (uscc hash family)';

-- bjxm.clause: a citation of this regulation, stored as (article, item).
CREATE TYPE bjxm.clause;

CREATE FUNCTION bjxm.clause_in(cstring) RETURNS bjxm.clause
    AS 'MODULE_PATHNAME', 'bjxm_clause_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bjxm.clause_out(bjxm.clause) RETURNS cstring
    AS 'MODULE_PATHNAME', 'bjxm_clause_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bjxm.clause_recv(internal) RETURNS bjxm.clause
    AS 'MODULE_PATHNAME', 'bjxm_clause_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bjxm.clause_send(bjxm.clause) RETURNS bytea
    AS 'MODULE_PATHNAME', 'bjxm_clause_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE bjxm.clause (
    INPUT = bjxm.clause_in,
    OUTPUT = bjxm.clause_out,
    RECEIVE = bjxm.clause_recv,
    SEND = bjxm.clause_send,
    INTERNALLENGTH = 4,
    PASSEDBYVALUE,
    ALIGNMENT = int4,
    STORAGE = plain
);
COMMENT ON TYPE bjxm.clause IS '本办法条款引用, 如 第十一条第(一)项 (a citation of the measures: article and item)';
COMMENT ON FUNCTION bjxm.clause_in(cstring) IS '条款引用文本输入 (clause text input)';
COMMENT ON FUNCTION bjxm.clause_out(bjxm.clause) IS '条款引用文本输出, 规范形式 (clause text output, canonical form)';
COMMENT ON FUNCTION bjxm.clause_recv(internal) IS '条款引用二进制输入 (clause binary input)';
COMMENT ON FUNCTION bjxm.clause_send(bjxm.clause) IS '条款引用二进制输出 (clause binary output)';

-- (article, item) packed in an int4 orders like the integer: reuse int4's
-- comparison and hash functions.
CREATE FUNCTION bjxm.clause_cmp(bjxm.clause, bjxm.clause) RETURNS int
    AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_eq(bjxm.clause, bjxm.clause) RETURNS bool
    AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_ne(bjxm.clause, bjxm.clause) RETURNS bool
    AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_lt(bjxm.clause, bjxm.clause) RETURNS bool
    AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_le(bjxm.clause, bjxm.clause) RETURNS bool
    AS 'int4le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_gt(bjxm.clause, bjxm.clause) RETURNS bool
    AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_ge(bjxm.clause, bjxm.clause) RETURNS bool
    AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_hash(bjxm.clause) RETURNS int
    AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.clause_hash_extended(bjxm.clause, bigint) RETURNS bigint
    AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION bjxm.clause_cmp(bjxm.clause, bjxm.clause) IS '条款比较, 先条后项, btree 支持 (clause comparison: article, then item)';
COMMENT ON FUNCTION bjxm.clause_eq(bjxm.clause, bjxm.clause) IS '条款相等 (clause equality)';
COMMENT ON FUNCTION bjxm.clause_ne(bjxm.clause, bjxm.clause) IS '条款不等 (clause inequality)';
COMMENT ON FUNCTION bjxm.clause_lt(bjxm.clause, bjxm.clause) IS '条款在前 (clause less than)';
COMMENT ON FUNCTION bjxm.clause_le(bjxm.clause, bjxm.clause) IS '条款在前或相同 (clause less or equal)';
COMMENT ON FUNCTION bjxm.clause_gt(bjxm.clause, bjxm.clause) IS '条款在后 (clause greater than)';
COMMENT ON FUNCTION bjxm.clause_ge(bjxm.clause, bjxm.clause) IS '条款在后或相同 (clause greater or equal)';
COMMENT ON FUNCTION bjxm.clause_hash(bjxm.clause) IS '条款哈希 (clause hash support)';
COMMENT ON FUNCTION bjxm.clause_hash_extended(bjxm.clause, bigint) IS '条款带种子哈希 (clause seeded hash support)';

CREATE OPERATOR bjxm.= (
    LEFTARG = bjxm.clause, RIGHTARG = bjxm.clause, PROCEDURE = bjxm.clause_eq,
    COMMUTATOR = OPERATOR(bjxm.=), NEGATOR = OPERATOR(bjxm.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR bjxm.<> (
    LEFTARG = bjxm.clause, RIGHTARG = bjxm.clause, PROCEDURE = bjxm.clause_ne,
    COMMUTATOR = OPERATOR(bjxm.<>), NEGATOR = OPERATOR(bjxm.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR bjxm.< (
    LEFTARG = bjxm.clause, RIGHTARG = bjxm.clause, PROCEDURE = bjxm.clause_lt,
    COMMUTATOR = OPERATOR(bjxm.>), NEGATOR = OPERATOR(bjxm.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR bjxm.<= (
    LEFTARG = bjxm.clause, RIGHTARG = bjxm.clause, PROCEDURE = bjxm.clause_le,
    COMMUTATOR = OPERATOR(bjxm.>=), NEGATOR = OPERATOR(bjxm.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR bjxm.> (
    LEFTARG = bjxm.clause, RIGHTARG = bjxm.clause, PROCEDURE = bjxm.clause_gt,
    COMMUTATOR = OPERATOR(bjxm.<), NEGATOR = OPERATOR(bjxm.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR bjxm.>= (
    LEFTARG = bjxm.clause, RIGHTARG = bjxm.clause, PROCEDURE = bjxm.clause_ge,
    COMMUTATOR = OPERATOR(bjxm.<=), NEGATOR = OPERATOR(bjxm.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR bjxm.= (bjxm.clause, bjxm.clause) IS '条款相等 (clause equality)';
COMMENT ON OPERATOR bjxm.<> (bjxm.clause, bjxm.clause) IS '条款不等 (clause inequality)';
COMMENT ON OPERATOR bjxm.< (bjxm.clause, bjxm.clause) IS '条款在前 (clause less than)';
COMMENT ON OPERATOR bjxm.<= (bjxm.clause, bjxm.clause) IS '条款在前或相同 (clause less or equal)';
COMMENT ON OPERATOR bjxm.> (bjxm.clause, bjxm.clause) IS '条款在后 (clause greater than)';
COMMENT ON OPERATOR bjxm.>= (bjxm.clause, bjxm.clause) IS '条款在后或相同 (clause greater or equal)';

CREATE OPERATOR CLASS bjxm.clause_ops DEFAULT FOR TYPE bjxm.clause USING btree AS
    OPERATOR 1 bjxm.<, OPERATOR 2 bjxm.<=, OPERATOR 3 bjxm.=,
    OPERATOR 4 bjxm.>=, OPERATOR 5 bjxm.>,
    FUNCTION 1 bjxm.clause_cmp(bjxm.clause, bjxm.clause);
CREATE OPERATOR CLASS bjxm.clause_hash_ops DEFAULT FOR TYPE bjxm.clause USING hash AS
    OPERATOR 1 bjxm.=,
    FUNCTION 1 bjxm.clause_hash(bjxm.clause),
    FUNCTION 2 bjxm.clause_hash_extended(bjxm.clause, bigint);
COMMENT ON OPERATOR CLASS bjxm.clause_ops USING btree IS '条款 btree 排序 (clause btree ordering)';
COMMENT ON OPERATOR CLASS bjxm.clause_hash_ops USING hash IS '条款哈希 (clause hashing)';
COMMENT ON OPERATOR FAMILY bjxm.clause_ops USING btree IS '条款 btree 族 (clause btree family)';
COMMENT ON OPERATOR FAMILY bjxm.clause_hash_ops USING hash IS '条款哈希族 (clause hash family)';

CREATE FUNCTION bjxm.clause(article int, item int DEFAULT 0) RETURNS bjxm.clause
    AS 'MODULE_PATHNAME', 'bjxm_clause_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bjxm.article(bjxm.clause) RETURNS int
    AS 'MODULE_PATHNAME', 'bjxm_clause_article' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.item(bjxm.clause) RETURNS int
    AS 'MODULE_PATHNAME', 'bjxm_clause_item' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bjxm.item_count(article int) RETURNS int
    AS 'MODULE_PATHNAME', 'bjxm_item_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.clause(int, int) IS '由条号和项号构造条款, 项号0为整条 (build a clause from article and item; item 0 = whole article)';
COMMENT ON FUNCTION bjxm.article(bjxm.clause) IS '条款的条号 (the article number, 1–36)';
COMMENT ON FUNCTION bjxm.item(bjxm.clause) IS '条款的项号, 0为整条 (the item number, 0 = whole article)';
COMMENT ON FUNCTION bjxm.item_count(int) IS '该条按原文分几项 (how many items the article has in the text)';

------------------------------------------------------------------------------
-- The regulation itself (all 36 articles and their items)
------------------------------------------------------------------------------

CREATE TABLE bjxm.regulation (
    article       smallint NOT NULL CHECK (article BETWEEN 1 AND 36),
    item          smallint NOT NULL CHECK (item >= 0),
    clause        bjxm.clause GENERATED ALWAYS AS (bjxm.clause(article, item)) STORED,
    chapter       smallint NOT NULL,
    chapter_title text NOT NULL,
    heading       text,
    body          text NOT NULL,
    PRIMARY KEY (article, item)
);
CREATE UNIQUE INDEX regulation_clause_key ON bjxm.regulation (clause);
COMMENT ON TABLE bjxm.regulation IS '毕节市市级信息化项目统筹管理办法(试行)全文, 逐条逐项 (the full text of the measures, by article and item)';
COMMENT ON COLUMN bjxm.regulation.article IS '条号 (article number)';
COMMENT ON COLUMN bjxm.regulation.item IS '项号, 0为整条 (item number, 0 = whole article)';
COMMENT ON COLUMN bjxm.regulation.clause IS '条款引用 (the clause)';
COMMENT ON COLUMN bjxm.regulation.chapter IS '章号 (chapter number)';
COMMENT ON COLUMN bjxm.regulation.chapter_title IS '章名 (chapter title)';
COMMENT ON COLUMN bjxm.regulation.heading IS '条标题, 如“编制目的” (article heading, where the text has one)';
COMMENT ON COLUMN bjxm.regulation.body IS '原文 (the text; for a whole article, including its items)';

@REGULATION_SEED@

CREATE FUNCTION bjxm.clause_text(bjxm.clause) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
        SELECT r.body FROM bjxm.regulation r WHERE r.clause OPERATOR(bjxm.=) $1;
    END;
COMMENT ON FUNCTION bjxm.clause_text(bjxm.clause) IS '条款原文 (the regulation''s own text of an article or item)';

------------------------------------------------------------------------------
-- SQLSTATEs (docs/reference.md §2), from the one list in src/errors.h
------------------------------------------------------------------------------

CREATE FUNCTION bjxm.sqlstates(OUT sqlstate text, OUT clause bjxm.clause, OUT meaning text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_sqlstates' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.sqlstates() IS 'bjxm 的错误码及其条款 (bjxm''s SQLSTATEs, the article each enforces, and what it means)';

------------------------------------------------------------------------------
-- Enumerations (docs/reference.md §1), each value with a Chinese label
------------------------------------------------------------------------------

CREATE TYPE bjxm.unit_kind AS ENUM ('admin_dept', 'institution', 'soe');
CREATE TYPE bjxm.project_category AS ENUM
    ('service_platform', 'data_platform', 'business_system', 'gov_cloud', 'data_resource_db', 'other');
CREATE TYPE bjxm.service_kind AS ENUM ('development', 'operation', 'supporting');
CREATE TYPE bjxm.fund_source AS ENUM ('municipal_fiscal', 'superior', 'self_raised');
CREATE TYPE bjxm.adjustment_reason AS ENUM ('mandated', 'optimization', 'business_need');
CREATE TYPE bjxm.procurement_method AS ENUM
    ('open_tender', 'invited_tender', 'competitive_negotiation', 'competitive_consultation',
     'single_source', 'inquiry', 'framework_agreement');
CREATE TYPE bjxm.project_state AS ENUM
    ('draft', 'declared', 'shortlisted', 'reviewed', 'in_library', 'planned', 'approved',
     'budgeted', 'service_plan_submitted', 'service_plan_approved', 'procured', 'contracted',
     'implementing', 'accepted', 'evaluated',
     'returned', 'withdrawn', 'postponed', 'terminated');
COMMENT ON TYPE bjxm.unit_kind IS '用户单位类别 (kind of user unit, 第二条)';
COMMENT ON TYPE bjxm.project_category IS '项目类别 (project category, 第二条)';
COMMENT ON TYPE bjxm.service_kind IS '服务类别 (kind of service, 第二条)';
COMMENT ON TYPE bjxm.fund_source IS '资金来源 (source of funds, 第十条)';
COMMENT ON TYPE bjxm.adjustment_reason IS '内容调整情形 (reason for an adjustment, 第十九条)';
COMMENT ON TYPE bjxm.procurement_method IS '政府采购方式 (government procurement method, 第十五条)';
COMMENT ON TYPE bjxm.project_state IS '项目状态 (project lifecycle state, 第五条–第二十条)';

CREATE TYPE bjxm.violation AS (
    clause   bjxm.clause,
    sqlstate text,
    severity text,
    message  text,
    detail   text
);
COMMENT ON TYPE bjxm.violation IS '规则检查结果: 条款、错误码、级别(error|warning)、说明 (a rule finding: clause, SQLSTATE, severity, message, detail)';

-- Labels are data keyed by type and value names (not OIDs), so they dump
-- and restore like everything else.
CREATE TABLE bjxm.enum_labels (
    enum_type text NOT NULL,
    value     text NOT NULL,
    label     text NOT NULL,
    PRIMARY KEY (enum_type, value)
);
COMMENT ON TABLE bjxm.enum_labels IS '枚举值的中文名称 (Chinese labels of enum values)';
COMMENT ON COLUMN bjxm.enum_labels.enum_type IS '枚举类型名, 如 bjxm.unit_kind (enum type name)';
COMMENT ON COLUMN bjxm.enum_labels.value IS '枚举值 (enum value)';
COMMENT ON COLUMN bjxm.enum_labels.label IS '中文名称 (Chinese label)';
INSERT INTO bjxm.enum_labels (enum_type, value, label) VALUES
    ('bjxm.unit_kind', 'admin_dept', '行政部门'),
    ('bjxm.unit_kind', 'institution', '事业单位'),
    ('bjxm.unit_kind', 'soe', '市属国企'),
    ('bjxm.project_category', 'service_platform', '服务平台'),
    ('bjxm.project_category', 'data_platform', '数据平台'),
    ('bjxm.project_category', 'business_system', '业务系统'),
    ('bjxm.project_category', 'gov_cloud', '政务云资源'),
    ('bjxm.project_category', 'data_resource_db', '数据资源库'),
    ('bjxm.project_category', 'other', '其他'),
    ('bjxm.service_kind', 'development', '开发服务'),
    ('bjxm.service_kind', 'operation', '运维服务'),
    ('bjxm.service_kind', 'supporting', '相关配套服务'),
    ('bjxm.fund_source', 'municipal_fiscal', '本级财政资金'),
    ('bjxm.fund_source', 'superior', '上级资金'),
    ('bjxm.fund_source', 'self_raised', '自筹资金'),
    ('bjxm.adjustment_reason', 'mandated', '国家、省、市部署要求'),
    ('bjxm.adjustment_reason', 'optimization', '完善优化原服务方案'),
    ('bjxm.adjustment_reason', 'business_need', '业务发展需要且在已批复框架内'),
    ('bjxm.procurement_method', 'open_tender', '公开招标'),
    ('bjxm.procurement_method', 'invited_tender', '邀请招标'),
    ('bjxm.procurement_method', 'competitive_negotiation', '竞争性谈判'),
    ('bjxm.procurement_method', 'competitive_consultation', '竞争性磋商'),
    ('bjxm.procurement_method', 'single_source', '单一来源采购'),
    ('bjxm.procurement_method', 'inquiry', '询价'),
    ('bjxm.procurement_method', 'framework_agreement', '框架协议采购'),
    ('bjxm.project_state', 'draft', '草稿'),
    ('bjxm.project_state', 'declared', '已申报'),
    ('bjxm.project_state', 'shortlisted', '拟入库'),
    ('bjxm.project_state', 'reviewed', '已评审'),
    ('bjxm.project_state', 'in_library', '已入库'),
    ('bjxm.project_state', 'planned', '拟实施计划'),
    ('bjxm.project_state', 'approved', '年度计划已批准'),
    ('bjxm.project_state', 'budgeted', '已安排预算'),
    ('bjxm.project_state', 'service_plan_submitted', '服务方案已报送'),
    ('bjxm.project_state', 'service_plan_approved', '服务方案已通过评审'),
    ('bjxm.project_state', 'procured', '已采购'),
    ('bjxm.project_state', 'contracted', '已签订三方合同'),
    ('bjxm.project_state', 'implementing', '实施中'),
    ('bjxm.project_state', 'accepted', '已验收'),
    ('bjxm.project_state', 'evaluated', '已综合评估'),
    ('bjxm.project_state', 'returned', '退回修改'),
    ('bjxm.project_state', 'withdrawn', '已撤回'),
    ('bjxm.project_state', 'postponed', '已推迟'),
    ('bjxm.project_state', 'terminated', '已终止');

CREATE FUNCTION bjxm.label(anyenum) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS $$
        SELECT l.label FROM bjxm.enum_labels l
         WHERE l.enum_type OPERATOR(pg_catalog.=) pg_catalog.format_type(pg_catalog.pg_typeof($1), NULL)
           AND l.value OPERATOR(pg_catalog.=) $1::text
    $$;
COMMENT ON FUNCTION bjxm.label(anyenum) IS '枚举值的中文名称 (the Chinese label of an enum value)';

------------------------------------------------------------------------------
-- 第三条 部门职责: duty roles (cluster-wide, NOLOGIN group roles)
------------------------------------------------------------------------------

DO $bjxm$
DECLARE
    r text;
    rec pg_catalog.pg_roles;
BEGIN
    FOREACH r IN ARRAY ARRAY['bjxm_user_unit', 'bjxm_bigdata', 'bjxm_finance',
                             'bjxm_reviewer', 'bjxm_city_gov', 'bjxm_auditor'] LOOP
        SELECT * INTO rec FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) r;
        IF NOT FOUND THEN
            EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN NOINHERIT', r);
        ELSIF rec.rolcanlogin OR rec.rolsuper OR rec.rolbypassrls THEN
            RAISE EXCEPTION '第三条: 已存在的角色“%”可登录、为超级用户或可绕过行级安全, bjxm 不予沿用 (existing role % can log in, is superuser or bypasses RLS: refused)', r, r
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'bjxm 的职责角色必须是 NOLOGIN NOSUPERUSER NOBYPASSRLS 的组角色; 请改名或修改该角色后重试。';
        END IF;
    END LOOP;
END
$bjxm$;

------------------------------------------------------------------------------
-- Registries: regions (第三十五条), units, parties, membership, jurisdiction
------------------------------------------------------------------------------

CREATE TABLE bjxm.regions (
    code   text PRIMARY KEY CHECK (code ~ '^5205[0-9]{2}$'),
    name   text NOT NULL CHECK (name <> ''),
    kind   text NOT NULL CHECK (kind IN ('city', 'county', 'zone')),
    seeded boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE bjxm.regions IS '行政区划: 毕节市及所辖县(自治县、市、区)和管理区 (regions of Bijie, GB/T 2260)';
COMMENT ON COLUMN bjxm.regions.code IS '行政区划代码 (GB/T 2260 code)';
COMMENT ON COLUMN bjxm.regions.name IS '名称 (name)';
COMMENT ON COLUMN bjxm.regions.kind IS 'city 市级 | county 县级 | zone 管理区 (kind)';
COMMENT ON COLUMN bjxm.regions.seeded IS '随扩展安装的行 (row installed with the extension; not dumped)';
INSERT INTO bjxm.regions (code, name, kind, seeded) VALUES
    ('520500', '毕节市(市级)', 'city', true),
    ('520502', '七星关区', 'county', true),
    ('520521', '大方县', 'county', true),
    ('520581', '黔西市', 'county', true),
    ('520523', '金沙县', 'county', true),
    ('520524', '织金县', 'county', true),
    ('520525', '纳雍县', 'county', true),
    ('520526', '威宁彝族回族苗族自治县', 'county', true),
    ('520527', '赫章县', 'county', true);

CREATE TABLE bjxm.units (
    unit_id       bigserial PRIMARY KEY,
    code          bjxm.uscc NOT NULL UNIQUE,
    name          text NOT NULL CHECK (name <> ''),
    kind          bjxm.unit_kind NOT NULL,
    region        text NOT NULL REFERENCES bjxm.regions (code),
    registered_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX units_region_idx ON bjxm.units (region);
COMMENT ON TABLE bjxm.units IS '用户单位 (user units, 第三条)';
COMMENT ON COLUMN bjxm.units.unit_id IS '单位编号 (unit id)';
COMMENT ON COLUMN bjxm.units.code IS '统一社会信用代码 (USCC)';
COMMENT ON COLUMN bjxm.units.name IS '单位名称 (name)';
COMMENT ON COLUMN bjxm.units.kind IS '单位类别 (kind)';
COMMENT ON COLUMN bjxm.units.region IS '所属行政区划 (region; 520500 = city level)';
COMMENT ON COLUMN bjxm.units.registered_at IS '登记时间 (registered at)';

CREATE TABLE bjxm.parties (
    party_id      bigserial PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code <> ''),
    name          text NOT NULL CHECK (name <> ''),
    kind          text NOT NULL CHECK (kind IN ('reviewer', 'vendor', 'evaluator', 'designer')),
    uscc          bjxm.uscc,
    registered_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX parties_uscc_idx ON bjxm.parties (uscc);
COMMENT ON TABLE bjxm.parties IS '第三方: 评审机构、服务单位、评估机构、咨询设计单位 (third parties: reviewers, vendors, evaluators, designers)';
COMMENT ON COLUMN bjxm.parties.party_id IS '编号 (party id)';
COMMENT ON COLUMN bjxm.parties.code IS '代号 (party code, used by the functions)';
COMMENT ON COLUMN bjxm.parties.name IS '名称 (name)';
COMMENT ON COLUMN bjxm.parties.kind IS 'reviewer 评审 | vendor 服务单位 | evaluator 评估 | designer 咨询设计 (kind)';
COMMENT ON COLUMN bjxm.parties.uscc IS '统一社会信用代码 (USCC, used for conflict-of-interest checks)';
COMMENT ON COLUMN bjxm.parties.registered_at IS '登记时间 (registered at)';

CREATE TABLE bjxm.unit_members (
    member     name NOT NULL,
    unit_id    bigint NOT NULL REFERENCES bjxm.units (unit_id),
    granted_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    PRIMARY KEY (member, unit_id)
);
CREATE INDEX unit_members_unit_idx ON bjxm.unit_members (unit_id);
COMMENT ON TABLE bjxm.unit_members IS '用户单位成员: 角色名 → 单位 (which roles act for which unit; keyed by role name)';
COMMENT ON COLUMN bjxm.unit_members.member IS '数据库角色名 (role name)';
COMMENT ON COLUMN bjxm.unit_members.unit_id IS '单位 (unit)';
COMMENT ON COLUMN bjxm.unit_members.granted_at IS '授予时间 (granted at)';

CREATE TABLE bjxm.party_members (
    member     name NOT NULL,
    party_id   bigint NOT NULL REFERENCES bjxm.parties (party_id),
    granted_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    PRIMARY KEY (member, party_id)
);
COMMENT ON TABLE bjxm.party_members IS '评审机构人员: 角色名 → 机构 (which reviewer roles act for which institution)';
COMMENT ON COLUMN bjxm.party_members.member IS '数据库角色名 (role name)';
COMMENT ON COLUMN bjxm.party_members.party_id IS '机构 (party)';
COMMENT ON COLUMN bjxm.party_members.granted_at IS '授予时间 (granted at)';

CREATE TABLE bjxm.jurisdictions (
    role_oid oid PRIMARY KEY,
    member   name NOT NULL,
    region   text NOT NULL REFERENCES bjxm.regions (code),
    set_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
COMMENT ON TABLE bjxm.jurisdictions IS '管辖范围: 按角色 OID 登记; 未登记的角色没有管辖范围, 全市为 520500 (jurisdiction of duty-role members, keyed by role OID; none without a row; city-wide is region 520500; 第三十五条)';
COMMENT ON COLUMN bjxm.jurisdictions.role_oid IS '角色 OID, 据以执行; 角色持有本表的 SELECT 授权时有效 (role OID, enforced; valid while the role holds the SELECT grant made with it)';
COMMENT ON COLUMN bjxm.jurisdictions.member IS '角色名, 设定时刷新, 供转储恢复时映射为 OID (role name, refreshed when set; maps back to an OID on restore)';
COMMENT ON COLUMN bjxm.jurisdictions.region IS '管辖区划, 520500 为全市 (region acted on; 520500 = the whole city)';
COMMENT ON COLUMN bjxm.jurisdictions.set_at IS '设定时间 (set at)';

-- A restore's COPY brings the OIDs of the dumped cluster: map each row to
-- the role of that name here (roles are restored first, by name), or
-- leave it out when there is none.  The GRANT that validates a row is
-- restored by pg_dump under the role's name at dump time.
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
CREATE TRIGGER jurisdictions_restore BEFORE INSERT ON bjxm.jurisdictions
    FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)
    EXECUTE FUNCTION bjxm._jurisdictions_restore();

------------------------------------------------------------------------------
-- Settings: rule parameters are data (docs/reference.md §9, docs/design.md §9)
------------------------------------------------------------------------------

CREATE TABLE bjxm.settings (
    key           text PRIMARY KEY,
    value         text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('amount', 'rate', 'integer', 'boolean')),
    clause        bjxm.clause,
    default_value text NOT NULL,
    description   text NOT NULL,
    revision      integer NOT NULL DEFAULT 0,
    changed_at    timestamptz,
    regulation_figure boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE bjxm.settings IS '规则参数, 修改留痕 (rule parameters; every change is an event)';
COMMENT ON COLUMN bjxm.settings.key IS '参数名 (key)';
COMMENT ON COLUMN bjxm.settings.value IS '当前值 (value in force)';
COMMENT ON COLUMN bjxm.settings.kind IS 'amount 元 | rate 比率 | integer 整数 | boolean 开关 (kind of value)';
COMMENT ON COLUMN bjxm.settings.clause IS '依据条款 (the clause the parameter serves)';
COMMENT ON COLUMN bjxm.settings.default_value IS '安装时的默认值 (value installed with the extension)';
COMMENT ON COLUMN bjxm.settings.description IS '说明 (description)';
COMMENT ON COLUMN bjxm.settings.revision IS '修改次数 (times changed; their sum is the rulebook revision)';
COMMENT ON COLUMN bjxm.settings.changed_at IS '最近修改时间 (last changed at)';
COMMENT ON COLUMN bjxm.settings.regulation_figure IS '规章规定的数额: 仅市人民政府以 set_regulation_figure 修改 (a figure of the regulation: changed only by the city government, set_regulation_figure)';
INSERT INTO bjxm.settings (key, value, kind, clause, default_value, description) VALUES
    ('county_review_threshold', '1000000', 'amount', '第三十四条第(三)项', '1000000',
     '县级项目预算达到此额(元)须经市级大数据部门评审 (county budget at or above which city-level review is needed)'),
    ('major_project_threshold', '10000000', 'amount', '第三十二条', '10000000',
     '新增重大项目标准(元), 本地政策, 原文未定 (local policy: new project with development services at or above this needs 事前绩效评估)'),
    ('split_similarity', '0.8', 'rate', '第三十四条第(三)项', '0.8',
     '同一单位同一计划年度的项目名称相似度(去掉期次后)达到此值视为一个项目拆分, 合计金额适用 county_review_threshold 与 major_project_threshold (name similarity at or above which projects of one unit and plan year are one project split)'),
    ('slow_execution_rate', '0.5', 'rate', '第十二条', '0.5',
     '预算执行率低于此值标记为执行缓慢 (execution rate below which a project is flagged slow)'),
    ('assessment_period_months', '12', 'integer', '第二十八条', '12',
     '安全检测、密码评估、风险评估的周期(月) (months between security assessments)'),
    ('rectification_days', '30', 'integer', '第三十一条', '30',
     '整改默认期限(天) (default days to rectify)'),
    ('verification_days', '15', 'integer', '第三十一条', '15',
     '报送整改结果后大数据部门或财政部门核查的期限(天), 本地政策, 原文未定; 逾期列为待核查逾期 (days the regulator has to verify a reported result; past them the order is flagged 待核查逾期)'),
    ('notify', 'true', 'boolean', NULL, 'true',
     '是否发送 NOTIFY bjxm_events (send NOTIFY bjxm_events on each action)');

-- A restore's COPY re-inserts changed settings over the installed rows:
-- merge them instead of failing on the primary key.
CREATE FUNCTION bjxm._settings_restore_merge() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE bjxm.settings s
       SET value = NEW.value, revision = NEW.revision, changed_at = NEW.changed_at
     WHERE s.key OPERATOR(pg_catalog.=) NEW.key;
    IF FOUND THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION bjxm._settings_restore_merge() IS '内部: 恢复时合并已修改的参数 (internal: merge restored settings into the installed rows)';
CREATE TRIGGER settings_restore_merge BEFORE INSERT ON bjxm.settings
    FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)
    EXECUTE FUNCTION bjxm._settings_restore_merge();

-- The rulebook (第三十六条): each change of a figure of the regulation is a
-- new version, by the city government, with its reason.
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

------------------------------------------------------------------------------
-- Events (docs/design.md §3, §12): append-only, in the order of record
------------------------------------------------------------------------------

-- Issue 17: no global chain head.  Event ids come from a sequence; each
-- transaction appends to one lane (the unit of its first event, 0 for the
-- city), whose head row it holds until it commits: writers of different
-- units never wait for each other.  Each lane is an SM3 chain; readers of
-- bjxm.events_since stop below the first id a writer in flight may still
-- commit (docs/design.md §3).
CREATE SEQUENCE bjxm.event_ids AS bigint CACHE 1;
COMMENT ON SEQUENCE bjxm.event_ids IS '内部: 事件编号 (internal: event ids, in the order of record; a rolled-back action leaves a gap)';

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

-- A restore's COPY brings lane heads a fresh install may already have (lane
-- 0, or a unit's empty head): the restored head replaces an empty one.
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

CREATE TABLE bjxm.events (
    event_id           bigint PRIMARY KEY,
    project_id         bigint,
    unit_id            bigint,
    action             text NOT NULL,
    from_state         bjxm.project_state,
    to_state           bjxm.project_state,
    actor              name NOT NULL,
    actor_is_superuser boolean NOT NULL,
    at                 timestamptz NOT NULL,
    effective_date     date NOT NULL,
    clause             bjxm.clause,
    note               text,
    details            jsonb,
    rulebook           text NOT NULL,
    prev_hash          bytea NOT NULL,
    hash               bytea NOT NULL
);
CREATE INDEX events_project_idx ON bjxm.events (project_id, event_id) WHERE project_id IS NOT NULL;
CREATE INDEX events_unit_idx ON bjxm.events (unit_id, event_id);
COMMENT ON TABLE bjxm.events IS '事件日志: 每项成功操作一行, 只能追加 (event log: one row per successful action; append-only)';
COMMENT ON COLUMN bjxm.events.event_id IS '事件编号, 记录顺序 (event id: the order of record)';
COMMENT ON COLUMN bjxm.events.project_id IS '项目 (project; NULL for registrations and grants)';
COMMENT ON COLUMN bjxm.events.unit_id IS '单位 (unit concerned, for visibility)';
COMMENT ON COLUMN bjxm.events.action IS '操作, 即函数名 (action: the function name)';
COMMENT ON COLUMN bjxm.events.from_state IS '原状态 (state before)';
COMMENT ON COLUMN bjxm.events.to_state IS '新状态 (state after)';
COMMENT ON COLUMN bjxm.events.actor IS '操作角色 (acting role)';
COMMENT ON COLUMN bjxm.events.actor_is_superuser IS '超级用户操作 (acted as superuser)';
COMMENT ON COLUMN bjxm.events.at IS '操作时刻(时钟时间) (clock time of the action)';
COMMENT ON COLUMN bjxm.events.effective_date IS '业务日期 bjxm.today() (effective date)';
COMMENT ON COLUMN bjxm.events.clause IS '依据条款 (clause applied)';
COMMENT ON COLUMN bjxm.events.note IS '说明 (note)';
COMMENT ON COLUMN bjxm.events.details IS '操作参数 (arguments of the action)';
COMMENT ON COLUMN bjxm.events.prev_hash IS '上一事件的 SM3 哈希, 首个为全零 (SM3 hash of the previous event; zeros for the first)';
COMMENT ON COLUMN bjxm.events.hash IS 'SM3(上一哈希 ‖ 本事件规范化内容), 防篡改 (SM3 of the previous hash and this event: tamper evidence, GB/T 32905-2016)';
ALTER TABLE bjxm.events ADD COLUMN login name;
COMMENT ON COLUMN bjxm.events.login IS '登录用户 session_user, 与操作角色并列; 0.3.0 起记录并计入哈希 (the login beside the acting role: a pooled application shows; hashed from 0.3.0)';
COMMENT ON COLUMN bjxm.events.rulebook IS '施行规则: 扩展版本与参数修订号 (extension version and settings revision in force)';
ALTER TABLE bjxm.events ADD COLUMN lane bigint NOT NULL DEFAULT 0, ADD COLUMN lane_seq bigint;
ALTER TABLE bjxm.events ALTER COLUMN lane DROP DEFAULT, ALTER COLUMN lane_seq SET NOT NULL;
-- ids come from bjxm.event_ids (from 1): an id <= 0 is a hand-made event, and export_events(0) would leave it out
ALTER TABLE bjxm.events ADD CONSTRAINT events_event_id_positive CHECK (event_id OPERATOR(pg_catalog.>) 0);
CREATE UNIQUE INDEX events_lane_idx ON bjxm.events (lane, lane_seq);
COMMENT ON COLUMN bjxm.events.lane IS '所在链: 本事务首个事件的单位, 0 为市级; 0.3.0 之前的事件在 0 链 (lane: the unit of the transaction''s first event, 0 for the city; events before 0.3.0 are lane 0)';
COMMENT ON COLUMN bjxm.events.lane_seq IS '链内序号, 从 1 起连续 (position in the lane, contiguous from 1)';

CREATE FUNCTION bjxm._events_append_only() RETURNS trigger
    AS 'MODULE_PATHNAME', 'bjxm_events_append_only' LANGUAGE C
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm._events_append_only() IS '内部: 事件日志只能追加 (internal trigger: the event log is append-only)';
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON bjxm.events
    FOR EACH ROW EXECUTE FUNCTION bjxm._events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON bjxm.events
    FOR EACH STATEMENT EXECUTE FUNCTION bjxm._events_append_only();

------------------------------------------------------------------------------
-- Internal C helpers (not callable by applications)
------------------------------------------------------------------------------

CREATE FUNCTION bjxm.acting_role() RETURNS name
    AS 'MODULE_PATHNAME', 'bjxm_acting_role' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.acting_role() IS 'bjxm 据以检查职责的角色, 即 SET ROLE 后的当前角色 (the role bjxm checks: the caller''s role, also inside definer code)';

CREATE FUNCTION bjxm.today() RETURNS date
    AS 'MODULE_PATHNAME', 'bjxm_today_sql' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.today() IS '业务日期: 北京时间的今天, 或超级用户设定的 bjxm.today (today in Asia/Shanghai, or the superuser-only bjxm.today setting)';


-- The engine: every action of the registry (src/engine.c, src/registry.c).
CREATE FUNCTION bjxm._act(project bigint, action text, args jsonb) RETURNS bigint
    AS 'MODULE_PATHNAME', 'bjxm_act' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bjxm._act(bigint, text, jsonb) IS '内部: 执行一项操作 (internal: perform an action through its rules)';

CREATE FUNCTION bjxm._not_visible(action text, project bigint)
    RETURNS void AS 'MODULE_PATHNAME', 'bjxm_not_visible_sql' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bjxm._not_visible(text, bigint) IS '内部: 项目不存在或不可见, 记录并报 42501 (internal: refuse an invisible project, logged)';


------------------------------------------------------------------------------
-- Visibility (docs/design.md §5): RLS helpers, evaluated once per query
------------------------------------------------------------------------------

-- The actor sees every unit: superuser, or an oversight or audit duty at city level (src/duties.c).
CREATE FUNCTION bjxm._sees_all_units() RETURNS boolean
    AS 'MODULE_PATHNAME', 'bjxm_sees_all_units'
    LANGUAGE C STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm._sees_all_units() IS '内部: 当前角色可见全部单位 (internal: the actor sees every unit)';

-- The units the actor sees otherwise: its own units, and its county's.

------------------------------------------------------------------------------
-- Registry functions (大数据部门, 第三条; counties 第三十五条)
------------------------------------------------------------------------------

CREATE FUNCTION bjxm.register_unit(code bjxm.uscc, name text, kind bjxm.unit_kind, region text DEFAULT '520500')
    RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'register_unit', pg_catalog.jsonb_build_object(
        'code', $1::text, 'name', $2, 'kind', $3, 'region', $4)) $$;
COMMENT ON FUNCTION bjxm.register_unit(bjxm.uscc, text, bjxm.unit_kind, text) IS '登记用户单位, 大数据部门 (register a user unit; bigdata, within its jurisdiction)';

CREATE FUNCTION bjxm.register_party(code text, name text, kind text, uscc bjxm.uscc DEFAULT NULL)
    RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'register_party', pg_catalog.jsonb_build_object(
        'code', $1, 'name', $2, 'kind', $3, 'uscc', $4::text)) $$;
COMMENT ON FUNCTION bjxm.register_party(text, text, text, bjxm.uscc) IS '登记第三方机构, 大数据部门 (register a reviewer, vendor, evaluator or designer; bigdata)';

-- Separation of duties (第三条): oversight departments do not act for a unit.
CREATE FUNCTION bjxm.grant_unit_member(member regrole, unit bjxm.uscc)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'grant_unit_member', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'unit', $2::text)) $$;
COMMENT ON FUNCTION bjxm.grant_unit_member(regrole, bjxm.uscc) IS '授予角色代表某用户单位, 大数据部门 (let a role act for a unit; bigdata; separation of duties enforced)';

CREATE FUNCTION bjxm.revoke_unit_member(member regrole, unit bjxm.uscc)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'revoke_unit_member', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'unit', $2::text)) $$;
COMMENT ON FUNCTION bjxm.revoke_unit_member(regrole, bjxm.uscc) IS '撤销角色代表某用户单位, 大数据部门 (stop a role acting for a unit; bigdata)';

CREATE FUNCTION bjxm.grant_party_member(member regrole, party text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'grant_party_member', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'party', $2)) $$;
COMMENT ON FUNCTION bjxm.grant_party_member(regrole, text) IS '授予角色代表某评审机构, 大数据部门 (let a reviewer role act for its institution; bigdata)';

CREATE FUNCTION bjxm.set_jurisdiction(member regrole, region text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_jurisdiction', pg_catalog.jsonb_build_object(
        'member', $1::oid::bigint, 'region', $2)) $$;
COMMENT ON FUNCTION bjxm.set_jurisdiction(regrole, text) IS '设定职责角色成员的管辖区划, 市级大数据部门 (set a member''s jurisdiction: the city or one county; city bigdata)';

CREATE FUNCTION bjxm.revoke_jurisdiction(member regrole)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'revoke_jurisdiction', pg_catalog.jsonb_build_object('member', $1::oid::bigint)) $$;
COMMENT ON FUNCTION bjxm.revoke_jurisdiction(regrole) IS '撤销职责角色成员的管辖范围, 市级大数据部门 (remove a member''s jurisdiction: it then acts on no region; city bigdata)';

CREATE FUNCTION bjxm.set_setting(key text, value text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_setting', pg_catalog.jsonb_build_object('key', $1, 'value', $2)) $$;
COMMENT ON FUNCTION bjxm.set_setting(text, text) IS '修改规则参数, 市级大数据部门, 留痕; 规章规定的数额除外 (change a rule parameter; city bigdata; recorded as an event; not the regulation''s figures)';

CREATE FUNCTION bjxm.set_regulation_figure(key text, value text, reason text)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_regulation_figure', pg_catalog.jsonb_build_object('key', $1, 'value', $2, 'reason', $3)) $$;
COMMENT ON FUNCTION bjxm.set_regulation_figure(text, text, text) IS '修改规章规定的数额, 市人民政府(全市), 须说明理由, 每次为新的规则版本 (change a figure of the regulation; city government, city-wide; with a reason; a new rulebook version, 第三十六条)';

------------------------------------------------------------------------------
-- History (docs/reference.md §7)
------------------------------------------------------------------------------

CREATE FUNCTION bjxm.verify_events(OUT checked bigint, OUT first_broken bigint, OUT detail text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_verify_events' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.verify_events() IS '校验事件日志的 SM3 哈希链, 报告第一个断点; 审计机关或大数据部门 (verify the event log''s SM3 chain and report the first broken link; auditor or bigdata)';

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

CREATE FUNCTION bjxm.history(project bigint)
    RETURNS TABLE (event_id bigint, at timestamptz, effective_date date, action text,
                   from_state bjxm.project_state, to_state bjxm.project_state,
                   actor name, actor_is_superuser boolean, clause bjxm.clause, note text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- Invoker's rights: RLS decides what the caller sees.
    RETURN QUERY
        SELECT e.event_id, e.at, e.effective_date, e.action, e.from_state, e.to_state,
               e.actor, e.actor_is_superuser, e.clause, e.note
          FROM bjxm.events e
         WHERE e.project_id OPERATOR(pg_catalog.=) project
         ORDER BY e.event_id;
    IF NOT FOUND THEN
        PERFORM bjxm._not_visible('history', project);
    END IF;
END $$;
COMMENT ON FUNCTION bjxm.history(bigint) IS '项目的全部事件, 按记录顺序 (every event of a project, in the order of record)';

CREATE FUNCTION bjxm.state_at(project bigint, at timestamptz)
    RETURNS bjxm.project_state
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    st bjxm.project_state;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM bjxm.events e WHERE e.project_id OPERATOR(pg_catalog.=) project) THEN
        PERFORM bjxm._not_visible('state_at', project);
    END IF;
    SELECT e.to_state INTO st FROM bjxm.events e
     WHERE e.project_id OPERATOR(pg_catalog.=) project AND e.to_state IS NOT NULL
       AND e.at OPERATOR(pg_catalog.<=) state_at.at
     ORDER BY e.event_id DESC LIMIT 1;
    RETURN st;
END $$;
COMMENT ON FUNCTION bjxm.state_at(bigint, timestamptz) IS '项目在某时刻的状态, 此前不存在则为空 (the state a project was in at a moment; NULL before it existed)';

CREATE FUNCTION bjxm.events_since(after bigint, max int DEFAULT 1000)
    RETURNS SETOF bjxm.events
    AS 'MODULE_PATHNAME', 'bjxm_events_since' LANGUAGE C VOLATILE
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.events_since(bigint, int) IS '补读某编号之后的事件, 受行级安全约束 (catch up on events after an id, as the caller may see them)';

------------------------------------------------------------------------------
-- 第二章/第四章 Projects: the library and every gate (docs/reference.md §4)
------------------------------------------------------------------------------

CREATE TABLE bjxm.projects (
    project_id          bigserial PRIMARY KEY,
    unit_id             bigint NOT NULL REFERENCES bjxm.units (unit_id),
    name                text NOT NULL CHECK (name <> ''),
    category            bjxm.project_category NOT NULL,
    services            bjxm.service_kind[] NOT NULL CHECK (cardinality(services) > 0),
    plan_year           integer NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
    estimate            numeric(14,2) NOT NULL CHECK (estimate > 0),
    fund                bjxm.fund_source NOT NULL,
    state               bjxm.project_state NOT NULL DEFAULT 'draft',
    postponed_from      bjxm.project_state,
    demand_plan         jsonb,
    service_plan        jsonb,
    facts               jsonb NOT NULL DEFAULT '{}',
    performance_targets jsonb,
    ex_ante_passed      boolean,
    ex_ante_ref         text,
    budget              numeric(14,2) CHECK (budget > 0),
    control_price       numeric(14,2) CHECK (control_price > 0),
    city_review_passed  boolean,
    city_review_item    integer CHECK (city_review_item BETWEEN 1 AND 3),
    vendor_party_id     bigint REFERENCES bjxm.parties (party_id),
    procurement_amount  numeric(14,2),
    procurement_method  bjxm.procurement_method,
    contract_no         text,
    contract_terms      jsonb,
    contract_amount     numeric(14,2) CHECK (contract_amount > 0),
    contract_signed_on  date,
    created_at          timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    updated_at          timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX projects_unit_idx ON bjxm.projects (unit_id, project_id);
CREATE INDEX projects_unit_year_idx ON bjxm.projects (unit_id, plan_year);
CREATE INDEX projects_plan_idx ON bjxm.projects (plan_year, state);
CREATE INDEX projects_state_idx ON bjxm.projects (state);
COMMENT ON TABLE bjxm.projects IS '市级信息化项目: 项目库与全生命周期 (IT projects: the library and their lifecycle)';
COMMENT ON COLUMN bjxm.projects.project_id IS '项目编号 (project id)';
COMMENT ON COLUMN bjxm.projects.unit_id IS '用户单位 (user unit)';
COMMENT ON COLUMN bjxm.projects.name IS '项目名称 (name)';
COMMENT ON COLUMN bjxm.projects.category IS '项目类别 (category, 第二条)';
COMMENT ON COLUMN bjxm.projects.services IS '服务类别 (services: development, operation, supporting)';
COMMENT ON COLUMN bjxm.projects.plan_year IS '计划实施年度 (plan year, 第六条: next year)';
COMMENT ON COLUMN bjxm.projects.estimate IS '经费估算(元) (cost estimate, yuan)';
COMMENT ON COLUMN bjxm.projects.fund IS '资金来源 (source of funds, 第十条)';
COMMENT ON COLUMN bjxm.projects.state IS '当前状态 (current state)';
COMMENT ON COLUMN bjxm.projects.postponed_from IS '推迟前的状态, 恢复时回到此状态 (state left when postponed; resume returns to it)';
COMMENT ON COLUMN bjxm.projects.demand_plan IS '需求方案 (demand plan, 第五条)';
COMMENT ON COLUMN bjxm.projects.service_plan IS '服务方案 (service plan, 第十三条)';
COMMENT ON COLUMN bjxm.projects.facts IS '项目事实, 供监督检查 (project facts for 第三十一条 and 第三十四条)';
COMMENT ON COLUMN bjxm.projects.performance_targets IS '绩效目标 (performance targets, 第三十二条)';
COMMENT ON COLUMN bjxm.projects.ex_ante_passed IS '事前绩效评估结论 (ex-ante performance assessment passed)';
COMMENT ON COLUMN bjxm.projects.ex_ante_ref IS '事前绩效评估报告 (ex-ante assessment report reference)';
COMMENT ON COLUMN bjxm.projects.budget IS '安排的预算(元) (arranged budget, yuan)';
COMMENT ON COLUMN bjxm.projects.control_price IS '经评审的招标控制价(元) (reviewed tender control price, 第十四条)';
COMMENT ON COLUMN bjxm.projects.city_review_passed IS '市级大数据部门评审结论 (city-level review, 第三十四条)';
COMMENT ON COLUMN bjxm.projects.city_review_item IS '第三十四条曾适用的项, 事实事后更改也不解除市级评审 (the item of 第三十四条 that once applied; a fact turned off later does not lift the review)';
COMMENT ON COLUMN bjxm.projects.vendor_party_id IS '项目服务单位 (procured vendor)';
COMMENT ON COLUMN bjxm.projects.procurement_amount IS '采购金额(元) (procurement amount)';
COMMENT ON COLUMN bjxm.projects.procurement_method IS '采购方式 (procurement method)';
COMMENT ON COLUMN bjxm.projects.contract_no IS '三方服务合同编号 (three-party contract number)';
COMMENT ON COLUMN bjxm.projects.contract_terms IS '合同条款 (contract terms, 第十六条, 第二十八条)';
COMMENT ON COLUMN bjxm.projects.contract_amount IS '合同金额(元), 不超过采购金额 (contract amount, at most the procurement amount, 第十六条)';
COMMENT ON COLUMN bjxm.projects.contract_signed_on IS '合同签订日期, 拨付不早于此日 (date the contract was signed; no payment before it)';
COMMENT ON COLUMN bjxm.projects.created_at IS '创建时间 (created at)';
COMMENT ON COLUMN bjxm.projects.updated_at IS '最近变更时间 (last changed at)';

CREATE TABLE bjxm.entrustments (
    entrustment_id bigserial PRIMARY KEY,
    project_id     bigint NOT NULL REFERENCES bjxm.projects (project_id),
    party_id       bigint NOT NULL REFERENCES bjxm.parties (party_id),
    stage          text NOT NULL CHECK (stage IN ('demand_plan', 'service_plan')),
    active         boolean NOT NULL DEFAULT true,
    entrusted_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE UNIQUE INDEX entrustments_active_key ON bjxm.entrustments (project_id, stage) WHERE active;
CREATE INDEX entrustments_party_idx ON bjxm.entrustments (party_id, project_id);
COMMENT ON TABLE bjxm.entrustments IS '委托评审: 大数据部门委托第三方评审机构 (reviews entrusted to an institution, 第七条, 第十四条)';
COMMENT ON COLUMN bjxm.entrustments.entrustment_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.entrustments.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.entrustments.party_id IS '评审机构 (reviewing institution)';
COMMENT ON COLUMN bjxm.entrustments.stage IS 'demand_plan 需求方案 | service_plan 服务方案 (what is reviewed)';
COMMENT ON COLUMN bjxm.entrustments.active IS '当前有效 (in force; a new entrustment replaces the old)';
COMMENT ON COLUMN bjxm.entrustments.entrusted_at IS '委托时间 (entrusted at)';

CREATE TABLE bjxm.reviews (
    review_id   bigserial PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES bjxm.projects (project_id),
    party_id    bigint REFERENCES bjxm.parties (party_id),
    kind        text NOT NULL CHECK (kind IN ('preliminary', 'demand_plan', 'service_plan', 'city', 'ex_ante')),
    passed      boolean NOT NULL,
    report_ref  text,
    reviewer    name NOT NULL,
    reviewed_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    inputs      jsonb,
    digest      text
);
CREATE INDEX reviews_project_idx ON bjxm.reviews (project_id, kind);
CREATE INDEX reviews_party_idx ON bjxm.reviews (party_id);
COMMENT ON TABLE bjxm.reviews IS '评审记录: 初审、需求方案、服务方案、市级评审 (review records)';
COMMENT ON COLUMN bjxm.reviews.review_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.reviews.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.reviews.party_id IS '评审机构 (reviewing institution, if any)';
COMMENT ON COLUMN bjxm.reviews.kind IS '评审类别 (kind of review)';
COMMENT ON COLUMN bjxm.reviews.passed IS '是否通过 (passed)';
COMMENT ON COLUMN bjxm.reviews.report_ref IS '评审报告 (report reference)';
COMMENT ON COLUMN bjxm.reviews.reviewer IS '记录角色 (role that recorded it)';
COMMENT ON COLUMN bjxm.reviews.reviewed_at IS '评审时间 (reviewed at)';
COMMENT ON COLUMN bjxm.reviews.inputs IS '所评审的内容: 服务方案、事实、金额、招标控制价 (what the review reviewed; a later change voids it, 第十四条, 第三十四条)';
COMMENT ON COLUMN bjxm.reviews.digest IS '所评审内容的摘要 md5(inputs) (digest of the inputs)';

CREATE TABLE bjxm.acceptance_signatures (
    project_id bigint NOT NULL REFERENCES bjxm.projects (project_id),
    signer     name NOT NULL,
    duty       text NOT NULL CHECK (duty IN ('user_unit', 'bigdata')),
    passed     boolean NOT NULL,
    note       text,
    signed_at  timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    PRIMARY KEY (project_id, duty)
);
COMMENT ON TABLE bjxm.acceptance_signatures IS '验收签署: 用户单位与大数据部门各一人 (acceptance signatures pending, 第二十条)';
COMMENT ON COLUMN bjxm.acceptance_signatures.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.acceptance_signatures.signer IS '签署角色 (signing role)';
COMMENT ON COLUMN bjxm.acceptance_signatures.duty IS '签署方 (side: user_unit or bigdata)';
COMMENT ON COLUMN bjxm.acceptance_signatures.passed IS '验收结论 (passed)';
COMMENT ON COLUMN bjxm.acceptance_signatures.note IS '说明 (note)';
COMMENT ON COLUMN bjxm.acceptance_signatures.signed_at IS '签署时间 (signed at)';

-- 第十六条: the three-party contract, signed by the user unit and 大数据部门
-- each as its own actor and login (the vendor is the procured one).
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

CREATE TABLE bjxm.adjustments (
    adjustment_id  bigserial PRIMARY KEY,
    project_id     bigint NOT NULL REFERENCES bjxm.projects (project_id),
    reason         bjxm.adjustment_reason NOT NULL,
    description    text NOT NULL,
    status         text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected', 'used')),
    expert_opinion text,
    requested_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    decided_at     timestamptz,
    sections       text[],
    budget_delta   numeric(14,2) NOT NULL DEFAULT 0 CHECK (budget_delta >= 0),
    opinion_passed boolean,
    opinion        text,
    opinion_party  bigint REFERENCES bjxm.parties (party_id),
    opinion_by     name,
    opinion_at     timestamptz,
    opinion_digest text,
    plan_digest    text,
    changes        jsonb
);
CREATE INDEX adjustments_project_idx ON bjxm.adjustments (project_id);
COMMENT ON TABLE bjxm.adjustments IS '内容调整申请 (service content adjustments, 第十九条)';
COMMENT ON COLUMN bjxm.adjustments.adjustment_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.adjustments.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.adjustments.reason IS '调整情形 (reason, 第十九条(一)–(三))';
COMMENT ON COLUMN bjxm.adjustments.description IS '调整内容 (description)';
COMMENT ON COLUMN bjxm.adjustments.status IS 'requested 已申请 | approved 已同意 | rejected 未同意 | used 已用于修改方案 (status)';
COMMENT ON COLUMN bjxm.adjustments.expert_opinion IS '专家评审意见 (expert opinion)';
COMMENT ON COLUMN bjxm.adjustments.requested_at IS '申请时间 (requested at)';
COMMENT ON COLUMN bjxm.adjustments.decided_at IS '决定时间 (decided at)';
COMMENT ON COLUMN bjxm.adjustments.sections IS '调整范围: 修改的服务方案部分, 即 changes 的键 (the sections the amendment changes, the keys of changes; NULL: not stated, no amendment)';
COMMENT ON COLUMN bjxm.adjustments.budget_delta IS '申请增加的预算 (budget increase requested, yuan; 0: none)';
COMMENT ON COLUMN bjxm.adjustments.opinion_passed IS '专家评审意见是否同意 (whether the experts agreed)';
COMMENT ON COLUMN bjxm.adjustments.opinion IS '受委托评审机构的专家评审意见 (the entrusted institution''s expert opinion)';
COMMENT ON COLUMN bjxm.adjustments.opinion_party IS '出具意见的评审机构 (institution that gave the opinion)';
COMMENT ON COLUMN bjxm.adjustments.opinion_by IS '记录意见的角色 (role that recorded the opinion)';
COMMENT ON COLUMN bjxm.adjustments.opinion_at IS '意见时间 (opinion recorded at)';
COMMENT ON COLUMN bjxm.adjustments.changes IS '申请的调整内容: 服务方案各部分调整后的文本, 专家评审的对象, 修改须与之一致 (the new content of each section, what the experts reviewed; the amendment must write exactly this)';
COMMENT ON COLUMN bjxm.adjustments.plan_digest IS '据此修改后的服务方案摘要, 服务方案评审的合法延续 (digest of the plan the amendment wrote: the reviewed plan''s lawful successor)';
COMMENT ON COLUMN bjxm.adjustments.opinion_digest IS '意见所评审的申请摘要 (digest of the request the opinion reviewed: reason, description, sections, budget delta)';

------------------------------------------------------------------------------
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

CREATE TABLE bjxm.evaluations (
    evaluation_id  bigserial PRIMARY KEY,
    project_id     bigint NOT NULL REFERENCES bjxm.projects (project_id),
    party_id       bigint NOT NULL REFERENCES bjxm.parties (party_id),
    unit_score     numeric(5,2) NOT NULL CHECK (unit_score BETWEEN 0 AND 100),
    vendor_score   numeric(5,2) NOT NULL CHECK (vendor_score BETWEEN 0 AND 100),
    reviewer_score numeric(5,2) NOT NULL CHECK (reviewer_score BETWEEN 0 AND 100),
    report_ref     text,
    evaluated_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX evaluations_project_idx ON bjxm.evaluations (project_id);
COMMENT ON TABLE bjxm.evaluations IS '综合评估 (comprehensive evaluations, 第三十三条)';
COMMENT ON COLUMN bjxm.evaluations.evaluation_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.evaluations.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.evaluations.party_id IS '第三方评估机构 (evaluating institution)';
COMMENT ON COLUMN bjxm.evaluations.unit_score IS '用户单位使用效果得分 (score of the unit''s use)';
COMMENT ON COLUMN bjxm.evaluations.vendor_score IS '项目服务单位服务水平得分 (score of the vendor''s service)';
COMMENT ON COLUMN bjxm.evaluations.reviewer_score IS '第三方评审机构评审质量得分 (score of the review institution)';
COMMENT ON COLUMN bjxm.evaluations.report_ref IS '评估报告 (report reference)';
COMMENT ON COLUMN bjxm.evaluations.evaluated_at IS '评估时间 (evaluated at)';

-- 第三十条/第三十一条 rectification orders (their rules: src/supervision.c).
CREATE TABLE bjxm.rectifications (
    rectification_id bigserial PRIMARY KEY,
    unit_id          bigint NOT NULL REFERENCES bjxm.units (unit_id),
    category         integer NOT NULL CHECK (category BETWEEN 1 AND bjxm.item_count(31)),
    finding          text NOT NULL CHECK (finding <> ''),
    project_id       bigint REFERENCES bjxm.projects (project_id),
    deadline         date NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reported', 'failed', 'closed')),
    result           text,
    reported_on      date,
    hold_since       date,
    opened_by        name NOT NULL,
    opened_at        timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    closed_at        timestamptz
);
CREATE INDEX rectifications_unit_pending_idx ON bjxm.rectifications (unit_id, deadline) WHERE status <> 'closed';
COMMENT ON TABLE bjxm.rectifications IS '整改通知 (rectification orders, 第三十条, 第三十一条)';
COMMENT ON COLUMN bjxm.rectifications.rectification_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.rectifications.unit_id IS '被整改单位 (unit ordered to rectify)';
COMMENT ON COLUMN bjxm.rectifications.category IS '第三十一条第几项 (item of 第三十一条, 1–9)';
COMMENT ON COLUMN bjxm.rectifications.finding IS '发现的问题 (finding)';
COMMENT ON COLUMN bjxm.rectifications.project_id IS '涉及项目 (project concerned, if any)';
COMMENT ON COLUMN bjxm.rectifications.deadline IS '整改期限 (deadline)';
COMMENT ON COLUMN bjxm.rectifications.status IS 'open 待整改 | reported 已报送 | failed 不符合要求 | closed 已整改到位 (status)';
COMMENT ON COLUMN bjxm.rectifications.result IS '整改结果报告 (reported result)';
COMMENT ON COLUMN bjxm.rectifications.reported_on IS '报送整改结果的业务日期 (effective date the result was reported)';
COMMENT ON COLUMN bjxm.rectifications.hold_since IS '停止安排资金的起始日: 逾期报送或整改不符合要求 (date the hold began: a late report or a failed verification)';
COMMENT ON COLUMN bjxm.rectifications.opened_by IS '下达角色 (role that opened it)';
COMMENT ON COLUMN bjxm.rectifications.opened_at IS '下达时间 (opened at)';
COMMENT ON COLUMN bjxm.rectifications.closed_at IS '关闭时间 (closed at)';
ALTER TABLE bjxm.rectifications ADD COLUMN verify_by date;
COMMENT ON COLUMN bjxm.rectifications.verify_by IS '核查期限: 报送日 + verification_days, 报送时确定 (date by which the regulator verifies a reported result; fixed when reported)';

ALTER TABLE bjxm.units ADD COLUMN rectification_version bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN bjxm.units.rectification_version IS '内部: 整改状态版本, 资金操作据此与整改判定互斥 (internal: bumped when a hold begins, so funding actions serialize with it)';

-- The visible units and projects as arrays, computed once per query, so a
-- policy "unit_id = ANY (…)" is an index condition rather than a filter
-- over every row (docs/performance.md §5.1).  A role that sees every unit
-- gets every unit id.  In C (src/duties.c) with kept plans: SQL bodies
-- were planned afresh on every query.
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



CREATE FUNCTION bjxm.check(project bigint, action text, args jsonb DEFAULT '{}')
    RETURNS SETOF bjxm.violation
    AS 'MODULE_PATHNAME', 'bjxm_check' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.check(bigint, text, jsonb) IS '操作预检: 列出该操作的全部不通过理由和提醒, 不作任何修改 (dry run: every reason the action would fail, and warnings; changes nothing)';

CREATE FUNCTION bjxm.actions(OUT action text, OUT kind text, OUT duties text[], OUT clause bjxm.clause,
        OUT articles bjxm.clause[], OUT states text[], OUT arguments jsonb)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_actions' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.actions() IS '全部操作: 类别、职责、条款、允许的状态和参数, 供 bjxm.check 与应用使用 (every action: kind, duties, clauses, the states it is allowed from and its arguments by name)';

CREATE FUNCTION bjxm.create_project(unit bjxm.uscc, name text, category bjxm.project_category,
        services bjxm.service_kind[], plan_year int, estimate numeric,
        fund bjxm.fund_source DEFAULT 'municipal_fiscal', classified boolean DEFAULT false)
    RETURNS bigint LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'create_project', pg_catalog.jsonb_build_object(
        'unit', $1::text, 'name', $2, 'category', $3, 'services', pg_catalog.to_jsonb($4), 'plan_year', $5,
        'estimate', $6, 'fund', $7, 'classified', $8)) $$;
COMMENT ON FUNCTION bjxm.create_project(bjxm.uscc, text, bjxm.project_category, bjxm.service_kind[], int, numeric, bjxm.fund_source, boolean)
    IS '用户单位创建项目(草稿), 第二条、第十条 (create a project in draft; user unit)';

CREATE FUNCTION bjxm.set_demand_plan(project bigint, plan jsonb) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'set_demand_plan', pg_catalog.jsonb_build_object('plan', $2)) $$;
COMMENT ON FUNCTION bjxm.set_demand_plan(bigint, jsonb) IS '编制需求方案, 第五条 (write the demand plan; user unit)';

CREATE FUNCTION bjxm.set_project_facts(project bigint, facts jsonb) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'set_project_facts', pg_catalog.jsonb_build_object('facts', $2)) $$;
COMMENT ON FUNCTION bjxm.set_project_facts(bigint, jsonb) IS '登记项目事实, 供第三十一条、第三十四条 (record project facts; user unit)';

CREATE FUNCTION bjxm.declare(project bigint) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'declare', '{}') $$;
COMMENT ON FUNCTION bjxm.declare(bigint) IS '申报次年项目, 第五条、第六条 (declare for next year; user unit)';

CREATE FUNCTION bjxm.preliminary_review(project bigint, passed boolean, note text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'preliminary_review', pg_catalog.jsonb_build_object('passed', $2, 'note', $3)) $$;
COMMENT ON FUNCTION bjxm.preliminary_review(bigint, boolean, text) IS '大数据部门初审: 列入拟入库清单或退回, 第六条 (preliminary review; bigdata)';

CREATE FUNCTION bjxm.entrust_review(project bigint, party text) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'entrust_review', pg_catalog.jsonb_build_object('party', $2)) $$;
COMMENT ON FUNCTION bjxm.entrust_review(bigint, text) IS '委托第三方评审机构评审需求方案或服务方案, 第七条、第十四条 (entrust a review; bigdata)';

CREATE FUNCTION bjxm.record_review(project bigint, passed boolean, report_ref text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_review', pg_catalog.jsonb_build_object('passed', $2, 'report_ref', $3)) $$;
COMMENT ON FUNCTION bjxm.record_review(bigint, boolean, text) IS '受委托评审机构记录需求方案评审结论, 第七条 (record the demand-plan review; entrusted reviewer)';

CREATE FUNCTION bjxm.admit_to_library(project bigint) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'admit_to_library', '{}') $$;
COMMENT ON FUNCTION bjxm.admit_to_library(bigint) IS '纳入项目库, 第八条 (admit to the library; bigdata)';

CREATE FUNCTION bjxm.carry_over(project bigint, plan_year int) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'carry_over', pg_catalog.jsonb_build_object('plan_year', $2)) $$;
COMMENT ON FUNCTION bjxm.carry_over(bigint, int) IS '项目库动态调整: 移至以后年度, 第八条 (carry a library project to a later year; bigdata)';

CREATE FUNCTION bjxm.propose_for_plan(project bigint) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'propose_for_plan', '{}') $$;
COMMENT ON FUNCTION bjxm.propose_for_plan(bigint) IS '列入年度拟实施计划, 第九条、第三十一条 (propose for the annual plan; bigdata)';

CREATE FUNCTION bjxm.approve_annual_plan(year int, region text DEFAULT '520500', excluded bigint[] DEFAULT '{}')
    RETURNS int LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'approve_annual_plan', pg_catalog.jsonb_build_object(
        'year', $1, 'region', $2, 'excluded', pg_catalog.to_jsonb($3)))::int $$;
COMMENT ON FUNCTION bjxm.approve_annual_plan(int, text, bigint[]) IS '人民政府批准年度实施计划, 返回批准项目数, 第九条 (approve the annual plan; city_gov of that jurisdiction)';

CREATE FUNCTION bjxm.arrange_budget(project bigint, amount numeric) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'arrange_budget', pg_catalog.jsonb_build_object('amount', $2)) $$;
COMMENT ON FUNCTION bjxm.arrange_budget(bigint, numeric) IS '安排预算, 第十条、第三十一条、第三十二条 (arrange the budget; finance, or the unit for self-raised funds)';

CREATE FUNCTION bjxm.revise_budget(project bigint, year integer, new_amount numeric, reason text) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'revise_budget', pg_catalog.jsonb_build_object('year', $2, 'new_amount', $3, 'reason', $4)) $$;
COMMENT ON FUNCTION bjxm.revise_budget(bigint, integer, numeric, text) IS '调整项目某一年度的预算(项目的资金来源), 第十条、第十二条 (revise a year''s budget of the project''s fund source; finance, or the SOE itself for self-raised funds)';

CREATE FUNCTION bjxm.revise_budget(project bigint, year integer, new_amount numeric, reason text, fund bjxm.fund_source) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'revise_budget', pg_catalog.jsonb_build_object('year', $2, 'new_amount', $3, 'reason', $4,
                                                                               'fund', $5)) $$;
COMMENT ON FUNCTION bjxm.revise_budget(bigint, integer, numeric, text, bjxm.fund_source) IS '调整项目某一年度、某一资金来源(本级财政、上级资金、自筹)的预算, 第十条、第十二条 (revise a year''s budget of one fund source; finance, or the SOE itself for self-raised funds)';

CREATE FUNCTION bjxm.set_performance_targets(project bigint, targets jsonb) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'set_performance_targets', pg_catalog.jsonb_build_object('targets', $2)) $$;
COMMENT ON FUNCTION bjxm.set_performance_targets(bigint, jsonb) IS '编报绩效目标, 第三十二条 (set performance targets; user unit)';

CREATE FUNCTION bjxm.record_ex_ante_assessment(project bigint, passed boolean, report_ref text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_ex_ante_assessment', pg_catalog.jsonb_build_object('passed', $2, 'report_ref', $3)) $$;
COMMENT ON FUNCTION bjxm.record_ex_ante_assessment(bigint, boolean, text) IS '记录事前绩效评估, 第三十二条 (record the ex-ante performance assessment; user unit)';

CREATE FUNCTION bjxm.submit_service_plan(project bigint, plan jsonb) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'submit_service_plan', pg_catalog.jsonb_build_object('plan', $2)) $$;
COMMENT ON FUNCTION bjxm.submit_service_plan(bigint, jsonb) IS '报送服务方案, 第十三条 (submit the service plan; user unit)';

CREATE FUNCTION bjxm.approve_service_plan(project bigint, passed boolean, tender_control_price numeric DEFAULT NULL, report_ref text DEFAULT NULL)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'approve_service_plan', pg_catalog.jsonb_build_object(
        'passed', $2, 'tender_control_price', $3, 'report_ref', $4)) $$;
COMMENT ON FUNCTION bjxm.approve_service_plan(bigint, boolean, numeric, text) IS '评审服务方案及招标控制价, 第十四条 (review the service plan and control price; entrusted reviewer)';

CREATE FUNCTION bjxm.record_city_review(project bigint, passed boolean, note text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_city_review', pg_catalog.jsonb_build_object('passed', $2, 'note', $3)) $$;
COMMENT ON FUNCTION bjxm.record_city_review(bigint, boolean, text) IS '市级大数据部门评审服务方案, 第三十四条 (city-level review; city bigdata)';

CREATE FUNCTION bjxm.record_procurement(project bigint, vendor text, amount numeric, method bjxm.procurement_method)
    RETURNS void LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_procurement', pg_catalog.jsonb_build_object('vendor', $2, 'amount', $3, 'method', $4)) $$;
COMMENT ON FUNCTION bjxm.record_procurement(bigint, text, numeric, bjxm.procurement_method) IS '记录政府采购结果, 第十四条、第十五条、第三十四条 (record the procurement; user unit)';

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

CREATE FUNCTION bjxm.sign_contract(project bigint, contract_no text, terms jsonb) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'sign_contract', pg_catalog.jsonb_build_object('contract_no', $2, 'terms', $3)) $$;
COMMENT ON FUNCTION bjxm.sign_contract(bigint, text, jsonb) IS '签订三方服务合同, 第十六条、第二十八条 (sign the three-party contract; bigdata or user unit)';

CREATE FUNCTION bjxm.sign_contract(project bigint, contract_no text, terms jsonb, amount numeric, signed_on date) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'sign_contract', pg_catalog.jsonb_build_object('contract_no', $2, 'terms', $3,
        'amount', $4, 'signed_on', $5)) $$;
COMMENT ON FUNCTION bjxm.sign_contract(bigint, text, jsonb, numeric, date) IS '签订三方服务合同并记录合同金额与签订日期, 第十六条、第二十八条 (sign the three-party contract with its amount and date; bigdata or user unit)';

CREATE FUNCTION bjxm.start_implementation(project bigint) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'start_implementation', '{}') $$;
COMMENT ON FUNCTION bjxm.start_implementation(bigint) IS '开始实施, 第十七条 (start implementation; user unit)';

CREATE FUNCTION bjxm.sign_acceptance(project bigint, passed boolean, note text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'sign_acceptance', pg_catalog.jsonb_build_object('passed', $2, 'note', $3)) $$;
COMMENT ON FUNCTION bjxm.sign_acceptance(bigint, boolean, text) IS '验收签署, 用户单位与大数据部门各一人, 第二十条 (sign the acceptance; one user-unit and one bigdata actor)';

CREATE FUNCTION bjxm.record_evaluation(project bigint, party text, unit_score numeric, vendor_score numeric,
        reviewer_score numeric, report_ref text DEFAULT NULL)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_evaluation', pg_catalog.jsonb_build_object('party', $2, 'unit_score', $3,
        'vendor_score', $4, 'reviewer_score', $5, 'report_ref', $6)) $$;
COMMENT ON FUNCTION bjxm.record_evaluation(bigint, text, numeric, numeric, numeric, text) IS '记录综合评估, 第三十三条 (record the comprehensive evaluation; bigdata)';

CREATE FUNCTION bjxm.postpone(project bigint, reason text) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'postpone', pg_catalog.jsonb_build_object('reason', $2)) $$;
COMMENT ON FUNCTION bjxm.postpone(bigint, text) IS '推迟实施, 第十二条 (postpone; bigdata or finance)';

CREATE FUNCTION bjxm.terminate(project bigint, reason text) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'terminate', pg_catalog.jsonb_build_object('reason', $2)) $$;
COMMENT ON FUNCTION bjxm.terminate(bigint, text) IS '终止实施, 第十二条 (terminate; bigdata or finance)';

CREATE FUNCTION bjxm.resume(project bigint) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'resume', '{}') $$;
COMMENT ON FUNCTION bjxm.resume(bigint) IS '恢复推迟的项目到原状态, 第十二条 (resume a postponed project; bigdata or finance)';

CREATE FUNCTION bjxm.withdraw(project bigint, reason text) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'withdraw', pg_catalog.jsonb_build_object('reason', $2)) $$;
COMMENT ON FUNCTION bjxm.withdraw(bigint, text) IS '撤回未入库的项目, 第六条 (withdraw before the library; user unit)';

CREATE FUNCTION bjxm.request_adjustment(project bigint, reason bjxm.adjustment_reason, description text) RETURNS bigint
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'request_adjustment', pg_catalog.jsonb_build_object('reason', $2, 'description', $3)) $$;
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

CREATE FUNCTION bjxm.decide_adjustment(adjustment bigint, approved boolean, expert_opinion text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(COALESCE((SELECT a.project_id FROM bjxm.adjustments a
                                       WHERE a.adjustment_id OPERATOR(pg_catalog.=) $1), 0),
        'decide_adjustment', pg_catalog.jsonb_build_object('adjustment', $1, 'passed', $2, 'expert_opinion', $3)) $$;
COMMENT ON FUNCTION bjxm.decide_adjustment(bigint, boolean, text) IS '经专家评审同意或不同意内容调整, 第十九条 (decide an adjustment with an expert opinion; bigdata)';

CREATE FUNCTION bjxm.amend_service_plan(project bigint, adjustment bigint, plan jsonb) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'amend_service_plan', pg_catalog.jsonb_build_object('adjustment', $2, 'plan', $3)) $$;
COMMENT ON FUNCTION bjxm.amend_service_plan(bigint, bigint, jsonb) IS '按同意的调整修改服务方案, 第十九条 (amend the approved service plan under an approved adjustment; user unit)';

-- Views for analysts (docs/reference.md §8): security_invoker, so RLS applies through them.
CREATE VIEW bjxm.project_library WITH (security_invoker = true) AS
SELECT p.project_id, p.name AS project_name, u.code AS unit, u.name AS unit_name, u.region,
       r.name AS region_name, p.state, bjxm.label(p.state) AS state_label, p.plan_year, p.estimate,
       p.category, bjxm.label(p.category) AS category_label, p.fund, bjxm.label(p.fund) AS fund_label,
       p.budget, p.created_at, p.updated_at
  FROM bjxm.projects p
  JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id
  JOIN bjxm.regions r ON r.code OPERATOR(pg_catalog.=) u.region;
COMMENT ON COLUMN bjxm.project_library.project_id IS '项目编号 (project id)';
COMMENT ON COLUMN bjxm.project_library.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN bjxm.project_library.unit IS '用户单位统一社会信用代码 (unit USCC)';
COMMENT ON COLUMN bjxm.project_library.unit_name IS '用户单位名称 (unit name)';
COMMENT ON COLUMN bjxm.project_library.region IS '行政区划代码 (region code)';
COMMENT ON COLUMN bjxm.project_library.region_name IS '行政区划名称 (region name)';
COMMENT ON COLUMN bjxm.project_library.state IS '状态 (state)';
COMMENT ON COLUMN bjxm.project_library.state_label IS '状态名称 (state, in Chinese)';
COMMENT ON COLUMN bjxm.project_library.plan_year IS '计划年度 (plan year)';
COMMENT ON COLUMN bjxm.project_library.estimate IS '经费估算(元) (estimate, yuan)';
COMMENT ON COLUMN bjxm.project_library.category IS '项目类别 (category)';
COMMENT ON COLUMN bjxm.project_library.category_label IS '项目类别名称 (category, in Chinese)';
COMMENT ON COLUMN bjxm.project_library.fund IS '资金来源 (fund source)';
COMMENT ON COLUMN bjxm.project_library.fund_label IS '资金来源名称 (fund source, in Chinese)';
COMMENT ON COLUMN bjxm.project_library.budget IS '安排的预算(元) (arranged budget, yuan)';
COMMENT ON COLUMN bjxm.project_library.created_at IS '创建时间 (created at)';
COMMENT ON COLUMN bjxm.project_library.updated_at IS '最近变更时间 (last changed at)';
COMMENT ON VIEW bjxm.project_library IS '项目库: 可见的全部项目, 任一状态 (the project library: every project the caller may see)';

CREATE VIEW bjxm.candidate_list WITH (security_invoker = true) AS
SELECT l.*, (SELECT e.at FROM bjxm.events e
              WHERE e.project_id OPERATOR(pg_catalog.=) l.project_id
                AND e.action OPERATOR(pg_catalog.=) 'preliminary_review'
              ORDER BY e.event_id DESC LIMIT 1) AS shortlisted_at
  FROM bjxm.project_library l
 WHERE l.state IN ('shortlisted', 'reviewed');
COMMENT ON VIEW bjxm.candidate_list IS '拟入库清单: 通过初审、待评审或待入库的项目 (candidates: shortlisted by the preliminary review, not yet in the library)';

CREATE VIEW bjxm.annual_plan WITH (security_invoker = true) AS
SELECT l.*, l.state OPERATOR(pg_catalog.<>) 'planned' AS approved
  FROM bjxm.project_library l
 WHERE l.state IN ('planned', 'approved', 'budgeted', 'service_plan_submitted', 'service_plan_approved',
                   'procured', 'contracted', 'implementing', 'accepted', 'evaluated', 'postponed', 'terminated');
COMMENT ON VIEW bjxm.annual_plan IS '年度实施计划: 拟实施与已批准的项目 (the annual plan: proposed and approved projects by year)';
COMMENT ON COLUMN bjxm.annual_plan.approved IS '已经人民政府批准 (approved by the government)';
COMMENT ON COLUMN bjxm.candidate_list.shortlisted_at IS '列入拟入库清单的时间 (shortlisted at)';
-- The columns the two views share with the library carry its comments.
DO $bjxm$
DECLARE v text; c record;
BEGIN
    FOREACH v IN ARRAY ARRAY['candidate_list', 'annual_plan'] LOOP
        FOR c IN SELECT a.attname, pg_catalog.col_description('bjxm.project_library'::pg_catalog.regclass, a.attnum) AS d
                   FROM pg_catalog.pg_attribute a
                  WHERE a.attrelid OPERATOR(pg_catalog.=) 'bjxm.project_library'::pg_catalog.regclass AND a.attnum OPERATOR(pg_catalog.>) 0 LOOP
            EXECUTE pg_catalog.format('COMMENT ON COLUMN bjxm.%I.%I IS %L', v, c.attname, c.d);
        END LOOP;
    END LOOP;
END
$bjxm$;

------------------------------------------------------------------------------
-- 第三章 资金管理 / 第七章 监督管理: budget execution, evaluations,
-- rectification orders, inspection (docs/reference.md §5)
------------------------------------------------------------------------------

CREATE TABLE bjxm.disbursements (
    disbursement_id bigserial PRIMARY KEY,
    project_id      bigint NOT NULL REFERENCES bjxm.projects (project_id),
    amount          numeric(14,2) NOT NULL CHECK (amount > 0),
    paid_on         date NOT NULL,
    recorded_by     name NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX disbursements_project_idx ON bjxm.disbursements (project_id);
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
COMMENT ON TABLE bjxm.disbursements IS '资金拨付 (disbursements, 第十二条)';
COMMENT ON COLUMN bjxm.disbursements.disbursement_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.disbursements.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.disbursements.amount IS '拨付金额(元) (amount, yuan)';
COMMENT ON COLUMN bjxm.disbursements.paid_on IS '拨付日期 (paid on)';
COMMENT ON COLUMN bjxm.disbursements.recorded_by IS '记录角色 (recorded by)';
COMMENT ON COLUMN bjxm.disbursements.recorded_at IS '记录时间 (recorded at)';

CREATE TABLE bjxm.performance_evaluations (
    evaluation_id bigserial PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES bjxm.projects (project_id),
    kind          text NOT NULL CHECK (kind IN ('self', 'key')),
    year          integer NOT NULL,
    score         numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    report        jsonb,
    report_ref    text,
    recorded_by   name NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX performance_evaluations_project_idx ON bjxm.performance_evaluations (project_id, year);
COMMENT ON TABLE bjxm.performance_evaluations IS '绩效自评与财政重点绩效评价 (self-evaluations and finance''s key evaluations, 第三十二条)';
COMMENT ON COLUMN bjxm.performance_evaluations.evaluation_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.performance_evaluations.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.performance_evaluations.kind IS 'self 绩效自评 | key 重点绩效评价 (kind)';
COMMENT ON COLUMN bjxm.performance_evaluations.year IS '年度 (year)';
COMMENT ON COLUMN bjxm.performance_evaluations.score IS '得分 0–100 (score)';
COMMENT ON COLUMN bjxm.performance_evaluations.report IS '自评报告 (self-evaluation report)';
COMMENT ON COLUMN bjxm.performance_evaluations.report_ref IS '评价报告编号 (report reference)';
COMMENT ON COLUMN bjxm.performance_evaluations.recorded_by IS '记录角色 (recorded by)';
COMMENT ON COLUMN bjxm.performance_evaluations.recorded_at IS '记录时间 (recorded at)';

CREATE FUNCTION bjxm.record_disbursement(project bigint, amount numeric, paid_on date) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_disbursement', pg_catalog.jsonb_build_object('amount', $2, 'paid_on', $3)) $$;
COMMENT ON FUNCTION bjxm.record_disbursement(bigint, numeric, date) IS '拨付资金, 第十二条 (record a disbursement; finance)';

CREATE FUNCTION bjxm.record_self_evaluation(project bigint, year int, score numeric, report jsonb) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_self_evaluation', pg_catalog.jsonb_build_object('year', $2, 'score', $3, 'report', $4)) $$;
COMMENT ON FUNCTION bjxm.record_self_evaluation(bigint, int, numeric, jsonb) IS '绩效自评, 第三十二条 (record the unit''s performance self-evaluation; user unit)';

CREATE FUNCTION bjxm.record_key_evaluation(project bigint, year int, score numeric, report_ref text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_key_evaluation', pg_catalog.jsonb_build_object('year', $2, 'score', $3, 'report_ref', $4)) $$;
COMMENT ON FUNCTION bjxm.record_key_evaluation(bigint, int, numeric, text) IS '财政重点绩效评价, 第三十二条 (record finance''s key performance evaluation; finance)';

CREATE FUNCTION bjxm.inspect(project bigint) RETURNS SETOF bjxm.violation
    AS 'MODULE_PATHNAME', 'bjxm_inspect' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.inspect(bigint) IS '按第三十一条自动监督检查, 列出问题, 不作修改 (automatic inspection against 第三十一条; changes nothing)';

-- Rectification orders (第三十条, 第三十一条): open → reported → closed, or → failed.
CREATE FUNCTION bjxm.open_rectification(unit bjxm.uscc, category int, finding text,
        project bigint DEFAULT NULL, deadline date DEFAULT NULL)
    RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'open_rectification', pg_catalog.jsonb_build_object(
        'unit', $1::text, 'category', $2, 'finding', $3, 'project', $4, 'deadline', $5)) $$;
COMMENT ON FUNCTION bjxm.open_rectification(bjxm.uscc, int, text, bigint, date) IS '下达整改通知, 第三十条、第三十一条 (open a rectification order; bigdata or finance)';

CREATE FUNCTION bjxm.report_rectification(id bigint, result text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'report_rectification', pg_catalog.jsonb_build_object('id', $1, 'result', $2)) $$;
COMMENT ON FUNCTION bjxm.report_rectification(bigint, text) IS '报送整改结果, 第三十一条 (report the rectification result; user unit)';

CREATE FUNCTION bjxm.close_rectification(id bigint, passed boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'close_rectification', pg_catalog.jsonb_build_object('id', $1, 'passed', $2)) $$;
COMMENT ON FUNCTION bjxm.close_rectification(bigint, boolean) IS '验收整改结果: 通过则关闭, 否则不符合要求, 第三十一条 (verify a rectification; bigdata or finance)';

CREATE FUNCTION bjxm._time_progress(year integer) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE WHEN $1 OPERATOR(pg_catalog.<) pg_catalog.date_part('year', bjxm.today())::integer THEN 1::numeric
                      WHEN $1 OPERATOR(pg_catalog.>) pg_catalog.date_part('year', bjxm.today())::integer THEN 0::numeric
                      ELSE pg_catalog.round(pg_catalog.date_part('month', bjxm.today())::numeric OPERATOR(pg_catalog./) 12, 4) END $$;
COMMENT ON FUNCTION bjxm._time_progress(integer) IS '序时进度: 该年度按月已过去的份额 (share of the year gone by bjxm.today(), by month; internal)';

CREATE VIEW bjxm.budget_execution WITH (security_invoker = true) AS
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
COMMENT ON VIEW bjxm.budget_execution IS '预算执行: 安排、拨付、执行率, 执行缓慢标记 (budget execution: arranged, paid, rate, slow flag, 第十二条)';

CREATE VIEW bjxm.rectification_board WITH (security_invoker = true) AS
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
COMMENT ON VIEW bjxm.rectification_board IS '整改看板: 每一整改通知及其是否停止安排资金 (rectification board: every order and whether it holds funding, 第三十一条)';

CREATE VIEW bjxm.unit_compliance WITH (security_invoker = true) AS
SELECT u.code AS unit, u.name AS unit_name, u.region, bjxm.label(u.kind) AS unit_kind_label,
       (SELECT pg_catalog.count(*) FROM bjxm.projects p WHERE p.unit_id OPERATOR(pg_catalog.=) u.unit_id) AS projects,
       (SELECT pg_catalog.count(*) FROM bjxm.rectification_board b WHERE b.unit OPERATOR(bjxm.=) u.code
           AND b.status OPERATOR(pg_catalog.<>) 'closed') AS open_orders,
       (SELECT pg_catalog.count(*) FROM bjxm.rectification_board b WHERE b.unit OPERATOR(bjxm.=) u.code AND b.hold) AS holding_orders,
       EXISTS (SELECT 1 FROM bjxm.rectification_board b WHERE b.unit OPERATOR(bjxm.=) u.code AND b.hold) AS funding_blocked
  FROM bjxm.units u;
COMMENT ON VIEW bjxm.unit_compliance IS '单位合规: 项目数、未完成整改、是否停止安排资金 (unit compliance: projects, pending orders, funding hold)';
COMMENT ON COLUMN bjxm.budget_execution.project_id IS '项目编号 (project id)';
COMMENT ON COLUMN bjxm.budget_execution.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN bjxm.budget_execution.unit IS '用户单位统一社会信用代码 (unit USCC)';
COMMENT ON COLUMN bjxm.budget_execution.unit_name IS '用户单位名称 (unit name)';
COMMENT ON COLUMN bjxm.budget_execution.region IS '行政区划代码 (region)';
COMMENT ON COLUMN bjxm.budget_execution.state IS '状态 (state)';
COMMENT ON COLUMN bjxm.budget_execution.state_label IS '状态名称 (state, in Chinese)';
COMMENT ON COLUMN bjxm.budget_execution.plan_year IS '计划年度 (plan year)';
COMMENT ON COLUMN bjxm.budget_execution.estimate IS '经费估算(元) (estimate)';
COMMENT ON COLUMN bjxm.budget_execution.arranged IS '安排的预算(元) (arranged budget)';
COMMENT ON COLUMN bjxm.budget_execution.paid IS '已拨付(元) (paid)';
COMMENT ON COLUMN bjxm.budget_execution.execution_rate IS '执行率 = 已拨付/预算 (execution rate)';
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
COMMENT ON COLUMN bjxm.rectification_board.rectification_id IS '整改通知编号 (order id)';
COMMENT ON COLUMN bjxm.rectification_board.unit IS '单位统一社会信用代码 (unit USCC)';
COMMENT ON COLUMN bjxm.rectification_board.unit_name IS '单位名称 (unit name)';
COMMENT ON COLUMN bjxm.rectification_board.region IS '行政区划代码 (region)';
COMMENT ON COLUMN bjxm.rectification_board.category IS '第三十一条第几项 (item of 第三十一条)';
COMMENT ON COLUMN bjxm.rectification_board.clause IS '条款 (clause)';
COMMENT ON COLUMN bjxm.rectification_board.finding IS '发现的问题 (finding)';
COMMENT ON COLUMN bjxm.rectification_board.project_id IS '涉及项目 (project)';
COMMENT ON COLUMN bjxm.rectification_board.status IS '状态 (status)';
COMMENT ON COLUMN bjxm.rectification_board.deadline IS '整改期限 (deadline)';
COMMENT ON COLUMN bjxm.rectification_board.hold IS '停止安排后续资金 (funding held)';
COMMENT ON COLUMN bjxm.rectification_board.hold_since IS '停止安排资金的起始日: 逾期未整改的为期限次日 (hold since: for an order overdue, the day after its deadline)';
COMMENT ON COLUMN bjxm.rectification_board.reported_on IS '报送日期 (reported on)';
COMMENT ON COLUMN bjxm.rectification_board.opened_by IS '下达角色 (opened by)';
COMMENT ON COLUMN bjxm.rectification_board.opened_at IS '下达时间 (opened at)';
COMMENT ON COLUMN bjxm.rectification_board.closed_at IS '关闭时间 (closed at)';
COMMENT ON COLUMN bjxm.rectification_board.verify_by IS '核查期限 (date by which the regulator verifies the reported result)';
COMMENT ON COLUMN bjxm.rectification_board.verification_overdue IS '待核查逾期: 已报送而核查期限已过 (reported, and the regulator has not verified it in time)';
COMMENT ON COLUMN bjxm.rectification_board.alert IS '提示: 待整改、逾期未整改、待核查、待核查逾期、整改不符合要求、已整改到位 (what the order needs now)';
COMMENT ON COLUMN bjxm.unit_compliance.unit IS '单位统一社会信用代码 (unit USCC)';
COMMENT ON COLUMN bjxm.unit_compliance.unit_name IS '单位名称 (unit name)';
COMMENT ON COLUMN bjxm.unit_compliance.region IS '行政区划代码 (region)';
COMMENT ON COLUMN bjxm.unit_compliance.unit_kind_label IS '单位类别 (unit kind)';
COMMENT ON COLUMN bjxm.unit_compliance.projects IS '项目数 (projects)';
COMMENT ON COLUMN bjxm.unit_compliance.open_orders IS '未关闭的整改通知 (orders not closed)';
COMMENT ON COLUMN bjxm.unit_compliance.holding_orders IS '停止安排资金的整改通知 (orders holding funding)';
COMMENT ON COLUMN bjxm.unit_compliance.funding_blocked IS '是否停止安排后续项目资金 (funding blocked)';

------------------------------------------------------------------------------
-- 第十一条 支持范围: expense categories, the dictionary, line items
------------------------------------------------------------------------------

CREATE TABLE bjxm.expense_categories (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
    label    text NOT NULL CHECK (label <> ''),
    eligible boolean NOT NULL,
    clause   bjxm.clause,
    seeded   boolean NOT NULL DEFAULT false,
    revision integer NOT NULL DEFAULT 0,
    CHECK (eligible OR bjxm.article(clause) = 11)
);
COMMENT ON TABLE bjxm.expense_categories IS '支出类别及是否列入信息化资金支持范围 (expense categories and their eligibility, 第十一条)';
COMMENT ON COLUMN bjxm.expense_categories.code IS '类别代码 (code)';
COMMENT ON COLUMN bjxm.expense_categories.label IS '类别名称 (label)';
COMMENT ON COLUMN bjxm.expense_categories.eligible IS '是否可纳入市级信息化项目 (eligible for city IT funds)';
COMMENT ON COLUMN bjxm.expense_categories.clause IS '排除依据 (the clause that excludes it)';
COMMENT ON COLUMN bjxm.expense_categories.seeded IS '随扩展安装的行 (installed with the extension)';
COMMENT ON COLUMN bjxm.expense_categories.revision IS '修改次数 (times changed; changed rows are dumped)';
INSERT INTO bjxm.expense_categories (code, label, eligible, clause, seeded) VALUES
    ('software_development', '软件开发', true, NULL, true),
    ('system_integration', '系统集成', true, NULL, true),
    ('operation_maintenance', '运维服务', true, NULL, true),
    ('cloud_resource', '政务云资源', true, NULL, true),
    ('data_resource', '数据资源', true, NULL, true),
    ('security_service', '安全服务', true, NULL, true),
    ('crypto_service', '密码应用服务', true, NULL, true),
    ('training', '培训', true, NULL, true),
    ('supervision', '监理', true, NULL, true),
    ('consulting', '咨询设计', true, NULL, true),
    ('personnel', '人员工资', false, '第十一条第(一)项', true),
    ('travel', '差旅费', false, '第十一条第(一)项', true),
    ('vehicle', '车辆购置及维护', false, '第十一条第(一)项', true),
    ('utilities', '办公水电费', false, '第十一条第(一)项', true),
    ('office_furniture', '办公家具', false, '第十一条第(一)项', true),
    ('office_computer', '办公电脑', false, '第十一条第(一)项', true),
    ('consumables', '耗材', false, '第十一条第(一)项', true),
    ('telecom', '手机或固话及通讯费', false, '第十一条第(一)项', true),
    ('sms', '办公相关短信费', false, '第十一条第(一)项', true),
    ('business_operation', '业务运营(业务管理、内容采编、宣传推广)', false, '第十一条第(二)项', true),
    ('office_building_infra', '办公场所新建改扩建配套信息化基础设施', false, '第十一条第(三)项', true);

CREATE TABLE bjxm.excluded_terms (
    term     text PRIMARY KEY CHECK (term <> ''),
    clause   bjxm.clause NOT NULL CHECK (bjxm.article(clause) = 11 AND bjxm.item(clause) BETWEEN 1 AND 3),
    active   boolean NOT NULL DEFAULT true,
    seeded   boolean NOT NULL DEFAULT false,
    revision integer NOT NULL DEFAULT 0,
    class             text,
    kind              text NOT NULL DEFAULT 'always' CHECK (kind IN ('always', 'purchase_only')),
    allow_contexts    text[] NOT NULL DEFAULT '{}',
    deny_contexts     text[] NOT NULL DEFAULT '{}',
    refuse_by_default boolean NOT NULL DEFAULT true,
    CONSTRAINT excluded_terms_contexts_check
        CHECK (kind = 'purchase_only' OR (allow_contexts = '{}' AND deny_contexts = '{}' AND refuse_by_default))
);
COMMENT ON TABLE bjxm.excluded_terms IS '第十一条词典: 开支事项短语, 非主题词 (the 第十一条 dictionary: expense phrases, not subjects)';
COMMENT ON COLUMN bjxm.excluded_terms.term IS '开支事项短语 (expense phrase)';
COMMENT ON COLUMN bjxm.excluded_terms.clause IS '排除依据: 第十一条第(一)至(三)项 (the item of 第十一条)';
COMMENT ON COLUMN bjxm.excluded_terms.active IS '生效 (in force)';
COMMENT ON COLUMN bjxm.excluded_terms.seeded IS '随扩展安装的行 (installed with the extension)';
COMMENT ON COLUMN bjxm.excluded_terms.revision IS '修改次数 (times changed; changed rows are dumped)';
COMMENT ON COLUMN bjxm.excluded_terms.class IS '开支类别, 如 office_computers (expense class of a seeded phrase, data/i16/README.md)';
COMMENT ON COLUMN bjxm.excluded_terms.kind IS 'always: 出现即排除; purchase_only: 仅作为采购或开支时排除, 由上下文规则判定 (always excluded, or only as a purchase, decided by the context rule)';
COMMENT ON COLUMN bjxm.excluded_terms.allow_contexts IS '上下文规则: 表明是系统主题的邻近词, 如 系统、平台、app (contexts that make the phrase the subject of a system)';
COMMENT ON COLUMN bjxm.excluded_terms.deny_contexts IS '上下文规则: 表明是采购或开支的邻近词, 如 采购、<N>台 (contexts that make it a purchase; <N>台 = a number then 台)';
COMMENT ON COLUMN bjxm.excluded_terms.refuse_by_default IS '上下文规则: 两类邻近词均未出现时是否排除 (whether the phrase is refused when neither kind of context is near)';
@TERMS_SEED@

-- A restore's COPY re-inserts changed seeded rows: merge them.
CREATE FUNCTION bjxm._dictionary_restore_merge() RETURNS trigger
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
COMMENT ON FUNCTION bjxm._dictionary_restore_merge() IS '内部: 恢复时合并已修改的词典和类别 (internal: merge restored dictionary rows)';
CREATE TRIGGER excluded_terms_restore_merge BEFORE INSERT ON bjxm.excluded_terms
    FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)
    EXECUTE FUNCTION bjxm._dictionary_restore_merge();
CREATE TRIGGER expense_categories_restore_merge BEFORE INSERT ON bjxm.expense_categories
    FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)
    EXECUTE FUNCTION bjxm._dictionary_restore_merge();

-- Any change to either table: every backend rebuilds its matcher.
CREATE FUNCTION bjxm._terms_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'bjxm_terms_changed' LANGUAGE C
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm._terms_changed() IS '内部: 词典变更后使各会话重建匹配器 (internal: invalidate the compiled dictionary)';
CREATE TRIGGER excluded_terms_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bjxm.excluded_terms
    FOR EACH STATEMENT EXECUTE FUNCTION bjxm._terms_changed();
CREATE TRIGGER expense_categories_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bjxm.expense_categories
    FOR EACH STATEMENT EXECUTE FUNCTION bjxm._terms_changed();

CREATE TABLE bjxm.line_items (
    line_item_id    bigserial PRIMARY KEY,
    project_id      bigint NOT NULL REFERENCES bjxm.projects (project_id),
    category        text NOT NULL REFERENCES bjxm.expense_categories (code),
    name            text NOT NULL CHECK (name <> ''),
    amount          numeric(14,2) NOT NULL CHECK (amount > 0),
    description     text NOT NULL DEFAULT '',
    admission_event bigint REFERENCES bjxm.events (event_id),
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    adjustment_id   bigint REFERENCES bjxm.adjustments (adjustment_id)
);
CREATE INDEX line_items_project_idx ON bjxm.line_items (project_id);
CREATE INDEX line_items_adjustment_idx ON bjxm.line_items (adjustment_id) WHERE adjustment_id IS NOT NULL;
COMMENT ON TABLE bjxm.line_items IS '项目支出事项 (line items of a project budget, checked against 第十一条)';
COMMENT ON COLUMN bjxm.line_items.line_item_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.line_items.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.line_items.category IS '支出类别 (expense category)';
COMMENT ON COLUMN bjxm.line_items.name IS '支出事项名称 (name)';
COMMENT ON COLUMN bjxm.line_items.amount IS '金额(元) (amount, yuan)';
COMMENT ON COLUMN bjxm.line_items.description IS '说明 (description)';
COMMENT ON COLUMN bjxm.line_items.admission_event IS '记录其纳入的事件, 恢复时据此放行 (the event that admitted it; restore relies on it)';
COMMENT ON COLUMN bjxm.line_items.created_at IS '创建时间 (created at)';
COMMENT ON COLUMN bjxm.line_items.adjustment_id IS '预算安排后据以新增的内容调整 (the approved 第十九条 adjustment a line item added after the budget rests on)';

-- No SET search_path here: it would cost a GUC save and restore per row.
-- Every statement the trigger runs names its schema, functions and operators.
CREATE FUNCTION bjxm._line_item_check() RETURNS trigger
    AS 'MODULE_PATHNAME', 'bjxm_line_item_check' LANGUAGE C;
COMMENT ON FUNCTION bjxm._line_item_check() IS '内部: 第十一条检查, 对任何写入路径生效 (internal trigger: 第十一条 for every writer)';
CREATE TRIGGER line_items_eligibility BEFORE INSERT OR UPDATE ON bjxm.line_items
    FOR EACH ROW EXECUTE FUNCTION bjxm._line_item_check();

CREATE TABLE bjxm.term_waivers (
    project_id bigint NOT NULL REFERENCES bjxm.projects (project_id),
    term       text NOT NULL,
    reason     text NOT NULL CHECK (reason <> ''),
    waived_by  name NOT NULL,
    waived_at  timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    PRIMARY KEY (project_id, term)
);
COMMENT ON TABLE bjxm.term_waivers IS '第十一条词条豁免: 经大数据部门审核的个别项目 (terms waived for one project after review)';
COMMENT ON COLUMN bjxm.term_waivers.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.term_waivers.term IS '豁免的词条 (term waived)';
COMMENT ON COLUMN bjxm.term_waivers.reason IS '理由 (reason)';
COMMENT ON COLUMN bjxm.term_waivers.waived_by IS '豁免角色 (waived by)';
COMMENT ON COLUMN bjxm.term_waivers.waived_at IS '豁免时间 (waived at)';

CREATE FUNCTION bjxm.add_line_item(project bigint, category text, name text, amount numeric, description text DEFAULT '')
    RETURNS bigint LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'add_line_item', pg_catalog.jsonb_build_object('category', $2, 'name', $3,
        'amount', $4, 'description', $5)) $$;
COMMENT ON FUNCTION bjxm.add_line_item(bigint, text, text, numeric, text) IS '添加支出事项, 第十一条 (add a budget line item; user unit)';

CREATE FUNCTION bjxm.waive_term(project bigint, term text, reason text) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'waive_term', pg_catalog.jsonb_build_object('term', $2, 'reason', $3)) $$;
COMMENT ON FUNCTION bjxm.waive_term(bigint, text, text) IS '对个别项目豁免经审核的词条, 留痕, 第十一条 (waive a reviewed term for one project; bigdata)';

CREATE FUNCTION bjxm.expense_check(category text, name text, description text DEFAULT '')
    RETURNS SETOF bjxm.violation
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT * FROM bjxm.check(NULL, 'expense_check', pg_catalog.jsonb_build_object(
        'category', $1, 'name', $2, 'description', $3)) $$;
COMMENT ON FUNCTION bjxm.expense_check(text, text, text) IS '按第十一条预检一项支出, 不作修改 (check a would-be line item against 第十一条; changes nothing)';

CREATE FUNCTION bjxm.set_excluded_term(term text, clause bjxm.clause, active boolean DEFAULT true) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_excluded_term', pg_catalog.jsonb_build_object(
        'term', $1, 'clause', $2::text, 'active', $3)) $$;
COMMENT ON FUNCTION bjxm.set_excluded_term(text, bjxm.clause, boolean) IS '增改或停用第十一条词条, 市级大数据部门, 留痕 (add, change or retire a dictionary term; city bigdata; audited)';

CREATE FUNCTION bjxm.set_excluded_term(term text, clause bjxm.clause, active boolean, kind text,
        allow text[] DEFAULT '{}', deny text[] DEFAULT '{}', refuse_by_default boolean DEFAULT true) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'set_excluded_term', pg_catalog.jsonb_build_object(
        'term', $1, 'clause', $2::text, 'active', $3, 'kind', $4, 'allow', pg_catalog.to_jsonb($5),
        'deny', pg_catalog.to_jsonb($6), 'refuse_by_default', $7)) $$;
COMMENT ON FUNCTION bjxm.set_excluded_term(text, bjxm.clause, boolean, text, text[], text[], boolean) IS '增改第十一条词条及其上下文规则 (always 或 purchase_only), 市级大数据部门, 留痕 (add or change a dictionary term with its kind and context rule; city bigdata; audited)';

------------------------------------------------------------------------------
-- 第五章 数据管理: the data resource catalogue (docs/reference.md §6)
------------------------------------------------------------------------------

CREATE TABLE bjxm.data_resources (
    resource_id      bigserial PRIMARY KEY,
    project_id       bigint NOT NULL REFERENCES bjxm.projects (project_id),
    unit_id          bigint NOT NULL REFERENCES bjxm.units (unit_id),
    name             text NOT NULL CHECK (name <> ''),
    classification   text CHECK (classification ~ '^[0-9]{1,2}(-[0-9]{1,3}){3}$'),
    sequence_no      integer,
    resource_code    text GENERATED ALWAYS AS (classification || '/' || lpad(sequence_no::text, 6, '0')) STORED,
    summary          text,
    format           text NOT NULL CHECK (format IN ('电子文件', '电子表格', '数据库', '图形图像', '流媒体', '自描述格式', '服务接口')),
    items            jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
    share_type       text NOT NULL CHECK (share_type IN ('unconditional', 'conditional', 'none')),
    share_condition  text,
    share_method     text,
    provide_method   text,
    open_type        text NOT NULL CHECK (open_type IN ('unconditional', 'conditional', 'none')),
    update_cycle     text NOT NULL,
    related_codes    text[] NOT NULL DEFAULT '{}',
    sensitive        boolean NOT NULL DEFAULT false,
    level            text CHECK (level IN ('一般数据', '重要数据', '核心数据')),
    secrecy_reviewed boolean,
    review_passed    boolean,
    reviewed_at      timestamptz,
    approved_at      timestamptz,
    desensitized     boolean,
    listed_at        timestamptz,
    published_on     date,
    created_at       timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    personal_items   text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX data_resources_unit_idx ON bjxm.data_resources (unit_id);
CREATE INDEX data_resources_project_idx ON bjxm.data_resources (project_id);
CREATE UNIQUE INDEX data_resources_code_key ON bjxm.data_resources (resource_code);
COMMENT ON TABLE bjxm.data_resources IS '政务数据资源目录, 按政务信息资源目录编制指南(试行)核心元数据 (the data resource catalogue, core metadata of the national guideline)';
COMMENT ON COLUMN bjxm.data_resources.resource_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.data_resources.project_id IS '产生该数据的项目 (project producing it)';
COMMENT ON COLUMN bjxm.data_resources.unit_id IS '资源提供方 (provider unit)';
COMMENT ON COLUMN bjxm.data_resources.name IS '资源名称 (name)';
COMMENT ON COLUMN bjxm.data_resources.classification IS '资源分类: 类-项-目-细目 (classification)';
COMMENT ON COLUMN bjxm.data_resources.sequence_no IS '同一分类下的顺序码 (sequence within the classification)';
COMMENT ON COLUMN bjxm.data_resources.resource_code IS '资源代码 = 分类/顺序码 (resource code)';
COMMENT ON COLUMN bjxm.data_resources.summary IS '资源摘要 (summary)';
COMMENT ON COLUMN bjxm.data_resources.format IS '资源格式 (format)';
COMMENT ON COLUMN bjxm.data_resources.items IS '信息项 [{name, type}] (information items)';
COMMENT ON COLUMN bjxm.data_resources.share_type IS '共享类型: unconditional 无条件 | conditional 有条件 | none 不予共享 (share type)';
COMMENT ON COLUMN bjxm.data_resources.share_condition IS '共享条件 (share condition)';
COMMENT ON COLUMN bjxm.data_resources.share_method IS '共享服务方式 (share method)';
COMMENT ON COLUMN bjxm.data_resources.provide_method IS '数据提供方式 (how data is provided)';
COMMENT ON COLUMN bjxm.data_resources.open_type IS '开放类型: unconditional 无条件 | conditional 有条件 | none 不予开放 (open type)';
COMMENT ON COLUMN bjxm.data_resources.update_cycle IS '更新周期 (update cycle)';
COMMENT ON COLUMN bjxm.data_resources.related_codes IS '关联资源代码 (related resource codes)';
COMMENT ON COLUMN bjxm.data_resources.sensitive IS '涉及商业秘密、个人隐私等敏感数据: 单位声明, 或信息项涉及个人信息 (sensitive data: declared, or items naming personal data; 第二十九条)';
COMMENT ON COLUMN bjxm.data_resources.level IS '分级: 一般数据 | 重要数据 | 核心数据 (GB/T 43697 level)';
COMMENT ON COLUMN bjxm.data_resources.secrecy_reviewed IS '保密审查已完成 (secrecy review done)';
COMMENT ON COLUMN bjxm.data_resources.review_passed IS '大数据部门审核结论 (bigdata review)';
COMMENT ON COLUMN bjxm.data_resources.reviewed_at IS '审核时间 (reviewed at)';
COMMENT ON COLUMN bjxm.data_resources.approved_at IS '市人民政府审定时间 (approved by the government at)';
COMMENT ON COLUMN bjxm.data_resources.desensitized IS '上架时声明已脱敏脱密 (declared desensitized when listed)';
COMMENT ON COLUMN bjxm.data_resources.listed_at IS '上架时间 (listed at)';
COMMENT ON COLUMN bjxm.data_resources.published_on IS '发布日期 (publication date)';
COMMENT ON COLUMN bjxm.data_resources.created_at IS '编目时间 (catalogued at)';
COMMENT ON COLUMN bjxm.data_resources.personal_items IS '涉及个人信息的信息项, 由触发器按 data/personal_data_items.tsv 判定; 非空即为敏感数据 (items naming personal data, set by the trigger; any makes the entry sensitive, 第二十九条)';

-- The sequence number within a classification (资源代码后段码).
CREATE FUNCTION bjxm._data_resource_sequence() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.classification IS NOT NULL AND NEW.sequence_no IS NULL THEN
        PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('bjxm.data_resources:' OPERATOR(pg_catalog.||) NEW.classification));
        SELECT COALESCE(pg_catalog.max(d.sequence_no), 0) OPERATOR(pg_catalog.+) 1 INTO NEW.sequence_no
          FROM bjxm.data_resources d WHERE d.classification OPERATOR(pg_catalog.=) NEW.classification;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION bjxm._data_resource_sequence() IS '内部: 分配资源代码的顺序码 (internal: the sequence part of the resource code)';
CREATE TRIGGER data_resources_sequence BEFORE INSERT ON bjxm.data_resources
    FOR EACH ROW EXECUTE FUNCTION bjxm._data_resource_sequence();

-- 第二十九条: the information items that name personal data (the list of
-- data/personal_data_items.tsv, src/core/personal.c), as 'item(term, kind)'.
CREATE FUNCTION bjxm.personal_data_items(items jsonb) RETURNS text[]
    AS 'MODULE_PATHNAME', 'bjxm_personal_data_items' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bjxm.personal_data_items(jsonb) IS '信息项中涉及个人信息的项, 如 {"家长手机号码(家长, 未成年人)"}; 规范化后匹配 data/personal_data_items.tsv, 第二十九条 (the information items that name personal data)';

-- The gates a listed entry satisfies (第二十二条, 第二十三条, 第二十五条,
-- 第二十九条), whatever wrote the row: NULL, or {sqlstate, message, detail}
-- of the first it breaks.  list_data_resource gives every finding with its
-- own wording first (src/data.c); this is the backstop of the trigger
-- below and of inspect (an entry listed before a rule existed).
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

-- Every write path (the functions, the owner's own UPDATE, COPY on
-- restore): personal items make the entry sensitive (第二十九条); a listed
-- entry's classification, level, 保密审查, sensitivity, 脱敏脱密, items and
-- share/open types do not change while it stays listed (第二十三条); a change
-- to them clears bigdata's review and the government's approval, which
-- covered what they saw (第二十二条); a listed row satisfies the gates.
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

CREATE FUNCTION bjxm.add_data_resource(project bigint, name text, summary text, format text, share_type text,
        open_type text, update_cycle text, items jsonb, sensitive boolean DEFAULT false,
        classification text DEFAULT NULL, share_condition text DEFAULT NULL, share_method text DEFAULT NULL,
        provide_method text DEFAULT NULL, related_codes text[] DEFAULT '{}')
    RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'add_data_resource', pg_catalog.jsonb_build_object('name', $2, 'summary', $3,
        'format', $4, 'share_type', $5, 'open_type', $6, 'update_cycle', $7, 'items', $8, 'sensitive', $9,
        'classification', $10, 'share_condition', $11, 'share_method', $12, 'provide_method', $13,
        'related_codes', pg_catalog.to_jsonb($14))) $$;
COMMENT ON FUNCTION bjxm.add_data_resource(bigint, text, text, text, text, text, text, jsonb, boolean, text, text, text, text, text[])
    IS '编制数据资源目录, 第二十二条、第二十四条、第二十五条 (catalogue a data resource; user unit)';

CREATE FUNCTION bjxm.classify_data_resource(id bigint, level text, secrecy_reviewed boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'classify_data_resource', pg_catalog.jsonb_build_object(
        'id', $1, 'level', $2, 'secrecy_reviewed', $3)) $$;
COMMENT ON FUNCTION bjxm.classify_data_resource(bigint, text, boolean) IS '数据分类分级与保密审查, 第二十三条 (classify by level and record the secrecy review; user unit)';

CREATE FUNCTION bjxm.review_data_resource(id bigint, passed boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'review_data_resource', pg_catalog.jsonb_build_object('id', $1, 'passed', $2)) $$;
COMMENT ON FUNCTION bjxm.review_data_resource(bigint, boolean) IS '审核数据资源目录, 第二十二条 (review a catalogue entry; bigdata)';

CREATE FUNCTION bjxm.list_data_resource(id bigint, desensitized boolean DEFAULT false) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'list_data_resource', pg_catalog.jsonb_build_object('id', $1, 'desensitized', $2)) $$;
COMMENT ON FUNCTION bjxm.list_data_resource(bigint, boolean) IS '数据资源上架, 第二十二至二十五条、第二十九条 (list an entry on the provincial platform; user unit)';

CREATE FUNCTION bjxm.delist_data_resource(id bigint, reason text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'delist_data_resource', pg_catalog.jsonb_build_object('id', $1, 'reason', $2)) $$;
COMMENT ON FUNCTION bjxm.delist_data_resource(bigint, text) IS '数据资源下架, 写明理由; 下架后方可重新分级, 须重新审核审定后再上架, 第二十一条、第二十三条 (delist an entry, with a reason; user unit or bigdata)';

CREATE FUNCTION bjxm.check_data_resource(id bigint, desensitized boolean DEFAULT false)
    RETURNS SETOF bjxm.violation
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT * FROM bjxm.check(NULL, 'list_data_resource', pg_catalog.jsonb_build_object(
        'id', $1, 'desensitized', $2)) $$;
COMMENT ON FUNCTION bjxm.check_data_resource(bigint, boolean) IS '上架预检: 列出全部不通过理由, 不作修改 (dry run of list_data_resource)';

CREATE FUNCTION bjxm.approve_catalogue(unit bjxm.uscc) RETURNS int
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act(NULL, 'approve_catalogue', pg_catalog.jsonb_build_object('unit', $1::text))::int $$;
COMMENT ON FUNCTION bjxm.approve_catalogue(bjxm.uscc) IS '人民政府审定单位的数据资源目录, 返回审定条数, 第二十二条 (approve a unit''s reviewed entries; city_gov)';

CREATE VIEW bjxm.data_catalogue WITH (security_invoker = true) AS
SELECT d.resource_id, d.project_id, u.code AS unit, u.name AS unit_name, d.resource_code, d.name, d.summary, d.format,
       d.share_type, d.share_condition, d.share_method, d.provide_method, d.open_type, d.update_cycle,
       d.level, d.sensitive, d.items, d.related_codes, d.published_on, d.listed_at
  FROM bjxm.data_resources d JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) d.unit_id
 WHERE d.listed_at IS NOT NULL;
COMMENT ON VIEW bjxm.data_catalogue IS '已上架的数据资源目录及其共享开放属性, 可 COPY 为 CSV (the listed catalogue; COPY to CSV for the provincial platforms)';

-- The provincial 共享交换平台 / 开放平台 export (schema: docs/catalogue.schema.json).
CREATE FUNCTION bjxm.catalogue_json(unit bjxm.uscc) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
        SELECT pg_catalog.jsonb_build_object(
            'provider', pg_catalog.jsonb_build_object('code', u.code::text, 'name', u.name, 'region', u.region),
            'generated_on', bjxm.today(),
            'standard', '政务信息资源目录编制指南(试行)',
            'resources', COALESCE((
                SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                    'resource_code', c.resource_code, 'name', c.name, 'summary', c.summary, 'format', c.format,
                    'items', c.items,
                    'share', pg_catalog.jsonb_build_object('type', c.share_type, 'condition', c.share_condition,
                                                           'method', c.share_method, 'provide_method', c.provide_method),
                    'open', pg_catalog.jsonb_build_object('type', c.open_type),
                    'update_cycle', c.update_cycle, 'level', c.level,
                    'published_on', c.published_on, 'related_codes', pg_catalog.to_jsonb(c.related_codes)))
                    ORDER BY c.resource_id)
                FROM bjxm.data_catalogue c WHERE c.unit OPERATOR(bjxm.=) u.code), '[]'::jsonb))
          FROM bjxm.units u WHERE u.code OPERATOR(bjxm.=) $1;
    END;
COMMENT ON FUNCTION bjxm.catalogue_json(bjxm.uscc) IS '单位已上架目录的 JSON 文档, 供省级共享交换与开放平台 (a unit''s listed catalogue as JSON, per docs/catalogue.schema.json)';

------------------------------------------------------------------------------
-- 第六章 安全管理: components and yearly assessments
------------------------------------------------------------------------------

CREATE TABLE bjxm.components (
    component_id bigserial PRIMARY KEY,
    project_id   bigint NOT NULL REFERENCES bjxm.projects (project_id),
    kind         text NOT NULL CHECK (kind IN ('terminal', 'server', 'os', 'database', 'middleware', 'network', 'security', 'other')),
    product      text NOT NULL CHECK (product <> ''),
    domestic     boolean NOT NULL,
    recorded_by  name NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX components_project_idx ON bjxm.components (project_id);
COMMENT ON TABLE bjxm.components IS '项目采用的关键信息基础设施产品 (components: terminals, servers, OS, databases …, 第二十七条)';
COMMENT ON COLUMN bjxm.components.component_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.components.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.components.kind IS '类别 (kind)';
COMMENT ON COLUMN bjxm.components.product IS '产品 (product)';
COMMENT ON COLUMN bjxm.components.domestic IS '国产化产品 (domestic product)';
COMMENT ON COLUMN bjxm.components.recorded_by IS '记录角色 (recorded by)';
COMMENT ON COLUMN bjxm.components.recorded_at IS '记录时间 (recorded at)';

CREATE TABLE bjxm.security_assessments (
    assessment_id bigserial PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES bjxm.projects (project_id),
    year          integer NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('security_test', 'crypto_assessment', 'risk_assessment')),
    passed        boolean NOT NULL,
    reported_to   text[] NOT NULL,
    performed_by  text,
    assessed_on   date NOT NULL,
    recorded_by   name NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX security_assessments_project_idx ON bjxm.security_assessments (project_id, kind, assessed_on);
COMMENT ON TABLE bjxm.security_assessments IS '年度信息安全检测、密码安全性评估与风险评估 (yearly security test, crypto and risk assessments, 第二十八条)';
COMMENT ON COLUMN bjxm.security_assessments.assessment_id IS '编号 (id)';
COMMENT ON COLUMN bjxm.security_assessments.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.security_assessments.year IS '年度 (year)';
COMMENT ON COLUMN bjxm.security_assessments.kind IS '评估类别: security_test 信息安全检测 | crypto_assessment 密码安全性评估 | risk_assessment 风险评估 (kind)';
COMMENT ON COLUMN bjxm.security_assessments.passed IS '是否通过 (passed)';
COMMENT ON COLUMN bjxm.security_assessments.reported_to IS '报送对象: bigdata, public_security, crypto_admin (reported to)';
COMMENT ON COLUMN bjxm.security_assessments.performed_by IS '实施机构 (performed by)';
COMMENT ON COLUMN bjxm.security_assessments.assessed_on IS '记录的业务日期 (effective date)';
COMMENT ON COLUMN bjxm.security_assessments.recorded_by IS '记录角色 (recorded by)';
COMMENT ON COLUMN bjxm.security_assessments.recorded_at IS '记录时间 (recorded at)';

CREATE FUNCTION bjxm.record_component(project bigint, kind text, product text, domestic boolean) RETURNS void
    LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_component', pg_catalog.jsonb_build_object('kind', $2, 'product', $3, 'domestic', $4)) $$;
COMMENT ON FUNCTION bjxm.record_component(bigint, text, text, boolean) IS '登记项目采用的产品及是否国产, 第二十七条 (record a component; user unit)';

CREATE FUNCTION bjxm.record_security_assessment(project bigint, year int, kind text, passed boolean,
        reported_to text[], performed_by text DEFAULT NULL) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT bjxm._act($1, 'record_security_assessment', pg_catalog.jsonb_build_object('year', $2, 'kind', $3,
        'passed', $4, 'reported_to', pg_catalog.to_jsonb($5), 'performed_by', $6)) $$;
COMMENT ON FUNCTION bjxm.record_security_assessment(bigint, int, text, boolean, text[], text) IS '记录年度安全检测、密码评估或风险评估及报送, 第二十八条 (record a yearly assessment; user unit or bigdata)';

CREATE VIEW bjxm.security_assessment_due WITH (security_invoker = true) AS
SELECT l.project_id, l.project_name, l.unit, l.unit_name, l.region, l.state, l.state_label, l.plan_year, l.estimate,
       k.kind, a.last_on, base.since,
       (COALESCE(a.last_on, base.since) OPERATOR(pg_catalog.+)
        pg_catalog.make_interval(months => (SELECT s.value::int FROM bjxm.settings s
                                             WHERE s.key OPERATOR(pg_catalog.=) 'assessment_period_months')))::date AS due_on,
       (COALESCE(a.last_on, base.since) OPERATOR(pg_catalog.+)
        pg_catalog.make_interval(months => (SELECT s.value::int FROM bjxm.settings s
                                             WHERE s.key OPERATOR(pg_catalog.=) 'assessment_period_months')))::date
           OPERATOR(pg_catalog.<) bjxm.today() AS overdue
  FROM bjxm.project_library l
 CROSS JOIN (VALUES ('security_test'), ('crypto_assessment'), ('risk_assessment')) k(kind)
  JOIN LATERAL (SELECT e.effective_date AS since FROM bjxm.events e
                 WHERE e.project_id OPERATOR(pg_catalog.=) l.project_id
                   AND e.action OPERATOR(pg_catalog.=) 'sign_contract'
                 ORDER BY e.event_id DESC LIMIT 1) base ON true
  LEFT JOIN LATERAL (SELECT pg_catalog.max(x.assessed_on) AS last_on FROM bjxm.security_assessments x
                      WHERE x.project_id OPERATOR(pg_catalog.=) l.project_id AND x.kind OPERATOR(pg_catalog.=) k.kind
                        AND x.passed) a ON true
 WHERE l.state IN ('contracted', 'implementing', 'accepted', 'evaluated');
COMMENT ON VIEW bjxm.security_assessment_due IS '年度安全评估到期与逾期, 按项目和类别 (yearly assessments due and overdue, per project and kind, 第二十八条)';

CREATE VIEW bjxm.domestic_components WITH (security_invoker = true) AS
SELECT l.project_id, l.project_name, l.unit, l.unit_name, l.region,
       pg_catalog.count(c.*) AS components,
       pg_catalog.count(c.*) FILTER (WHERE c.domestic) AS domestic,
       pg_catalog.round(pg_catalog.count(c.*) FILTER (WHERE c.domestic)::numeric
                        OPERATOR(pg_catalog./) NULLIF(pg_catalog.count(c.*), 0), 4) AS domestic_ratio,
       pg_catalog.round(pg_catalog.sum(pg_catalog.count(c.*) FILTER (WHERE c.domestic)) OVER (PARTITION BY l.unit)
                        OPERATOR(pg_catalog./) NULLIF(pg_catalog.sum(pg_catalog.count(c.*)) OVER (PARTITION BY l.unit), 0), 4)
           AS unit_domestic_ratio
  FROM bjxm.project_library l JOIN bjxm.components c ON c.project_id OPERATOR(pg_catalog.=) l.project_id
 GROUP BY l.project_id, l.project_name, l.unit, l.unit_name, l.region;
COMMENT ON VIEW bjxm.domestic_components IS '国产化产品比例, 按项目及其单位 (share of domestic products per project and per unit, 第二十七条)';

-- 第三十三条: evaluation results are the basis of next year's procurement.
CREATE VIEW bjxm.vendor_scorecard WITH (security_invoker = true) AS
WITH scores AS (
    SELECT 'vendor'::text AS role, p.vendor_party_id AS party_id, e.project_id, e.vendor_score AS score, e.evaluated_at
      FROM bjxm.evaluations e JOIN bjxm.projects p ON p.project_id OPERATOR(pg_catalog.=) e.project_id
     WHERE p.vendor_party_id IS NOT NULL
    UNION ALL
    SELECT 'reviewer', r.party_id, e.project_id, e.reviewer_score, e.evaluated_at
      FROM bjxm.evaluations e
      JOIN (SELECT DISTINCT x.project_id, x.party_id FROM bjxm.reviews x WHERE x.party_id IS NOT NULL) r
        ON r.project_id OPERATOR(pg_catalog.=) e.project_id
), ranked AS (
    SELECT s.*, pg_catalog.row_number() OVER (PARTITION BY s.role, s.party_id ORDER BY s.evaluated_at DESC) AS rn
      FROM scores s
)
SELECT p.code AS party, p.name AS party_name, r.role, pg_catalog.count(*) AS evaluations,
       pg_catalog.round(pg_catalog.avg(r.score), 2) AS average_score,
       pg_catalog.max(r.score) FILTER (WHERE r.rn OPERATOR(pg_catalog.=) 1) AS latest_score,
       pg_catalog.max(r.evaluated_at) AS latest_at,
       pg_catalog.round(pg_catalog.max(r.score) FILTER (WHERE r.rn OPERATOR(pg_catalog.=) 1)
             OPERATOR(pg_catalog.-) pg_catalog.avg(r.score) FILTER (WHERE r.rn OPERATOR(pg_catalog.>) 1), 2) AS trend,
       (SELECT pg_catalog.round(pg_catalog.avg(k.score), 2) FROM bjxm.performance_evaluations k
         WHERE k.kind OPERATOR(pg_catalog.=) 'key'
           AND k.project_id IN (SELECT x.project_id FROM ranked x
                                 WHERE x.party_id OPERATOR(pg_catalog.=) r.party_id AND x.role OPERATOR(pg_catalog.=) r.role))
           AS key_evaluation_average
  FROM ranked r JOIN bjxm.parties p ON p.party_id OPERATOR(pg_catalog.=) r.party_id
 GROUP BY p.code, p.name, r.role, r.party_id;
COMMENT ON VIEW bjxm.vendor_scorecard IS '服务单位与评审机构的综合评估记分卡, 附财政重点绩效评价 (scorecards of vendors and review institutions, with finance''s key evaluations, 第三十三条)';

INSERT INTO bjxm.settings (key, value, kind, clause, default_value, description) VALUES
    ('vendor_score_warning', '60', 'integer', '第三十三条', '60',
     '服务单位以往综合评估平均分低于此值时, 采购预检提醒 (warn at procurement when a vendor''s average score is below this)');
COMMENT ON COLUMN bjxm.data_catalogue.resource_id IS '资源编号 (id)';
COMMENT ON COLUMN bjxm.data_catalogue.project_id IS '项目 (project)';
COMMENT ON COLUMN bjxm.data_catalogue.unit IS '提供单位统一社会信用代码 (provider USCC)';
COMMENT ON COLUMN bjxm.data_catalogue.unit_name IS '提供单位 (provider)';
COMMENT ON COLUMN bjxm.data_catalogue.resource_code IS '资源代码 (resource code)';
COMMENT ON COLUMN bjxm.data_catalogue.name IS '资源名称 (name)';
COMMENT ON COLUMN bjxm.data_catalogue.summary IS '摘要 (summary)';
COMMENT ON COLUMN bjxm.data_catalogue.format IS '格式 (format)';
COMMENT ON COLUMN bjxm.data_catalogue.share_type IS '共享类型 (share type)';
COMMENT ON COLUMN bjxm.data_catalogue.share_condition IS '共享条件 (share condition)';
COMMENT ON COLUMN bjxm.data_catalogue.share_method IS '共享服务方式 (share method)';
COMMENT ON COLUMN bjxm.data_catalogue.provide_method IS '数据提供方式 (provide method)';
COMMENT ON COLUMN bjxm.data_catalogue.open_type IS '开放类型 (open type)';
COMMENT ON COLUMN bjxm.data_catalogue.update_cycle IS '更新周期 (update cycle)';
COMMENT ON COLUMN bjxm.data_catalogue.level IS '分级 (level)';
COMMENT ON COLUMN bjxm.data_catalogue.sensitive IS '敏感数据 (sensitive)';
COMMENT ON COLUMN bjxm.data_catalogue.items IS '信息项 (items)';
COMMENT ON COLUMN bjxm.data_catalogue.related_codes IS '关联资源代码 (related codes)';
COMMENT ON COLUMN bjxm.data_catalogue.published_on IS '发布日期 (published on)';
COMMENT ON COLUMN bjxm.data_catalogue.listed_at IS '上架时间 (listed at)';
COMMENT ON COLUMN bjxm.security_assessment_due.project_id IS '项目编号 (project id)';
COMMENT ON COLUMN bjxm.security_assessment_due.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN bjxm.security_assessment_due.unit IS '单位统一社会信用代码 (unit USCC)';
COMMENT ON COLUMN bjxm.security_assessment_due.unit_name IS '单位名称 (unit name)';
COMMENT ON COLUMN bjxm.security_assessment_due.region IS '行政区划 (region)';
COMMENT ON COLUMN bjxm.security_assessment_due.state IS '状态 (state)';
COMMENT ON COLUMN bjxm.security_assessment_due.state_label IS '状态名称 (state, Chinese)';
COMMENT ON COLUMN bjxm.security_assessment_due.plan_year IS '计划年度 (plan year)';
COMMENT ON COLUMN bjxm.security_assessment_due.estimate IS '估算(元) (estimate)';
COMMENT ON COLUMN bjxm.security_assessment_due.kind IS '评估类别 (kind)';
COMMENT ON COLUMN bjxm.security_assessment_due.last_on IS '最近一次通过的评估日期 (last passed on)';
COMMENT ON COLUMN bjxm.security_assessment_due.since IS '合同签订日期 (contract date)';
COMMENT ON COLUMN bjxm.security_assessment_due.due_on IS '到期日 (due on)';
COMMENT ON COLUMN bjxm.security_assessment_due.overdue IS '已逾期 (overdue)';
COMMENT ON COLUMN bjxm.domestic_components.project_id IS '项目编号 (project id)';
COMMENT ON COLUMN bjxm.domestic_components.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN bjxm.domestic_components.unit IS '单位统一社会信用代码 (unit USCC)';
COMMENT ON COLUMN bjxm.domestic_components.unit_name IS '单位名称 (unit name)';
COMMENT ON COLUMN bjxm.domestic_components.region IS '行政区划 (region)';
COMMENT ON COLUMN bjxm.domestic_components.components IS '产品数 (components)';
COMMENT ON COLUMN bjxm.domestic_components.domestic IS '国产产品数 (domestic)';
COMMENT ON COLUMN bjxm.domestic_components.domestic_ratio IS '项目国产化比例 (project domestic ratio)';
COMMENT ON COLUMN bjxm.domestic_components.unit_domestic_ratio IS '单位国产化比例 (unit domestic ratio)';
COMMENT ON COLUMN bjxm.vendor_scorecard.party IS '机构代号 (party code)';
COMMENT ON COLUMN bjxm.vendor_scorecard.party_name IS '机构名称 (party name)';
COMMENT ON COLUMN bjxm.vendor_scorecard.role IS 'vendor 服务单位 | reviewer 评审机构 (role)';
COMMENT ON COLUMN bjxm.vendor_scorecard.evaluations IS '评估次数 (evaluations)';
COMMENT ON COLUMN bjxm.vendor_scorecard.average_score IS '平均得分 (average score)';
COMMENT ON COLUMN bjxm.vendor_scorecard.latest_score IS '最近得分 (latest score)';
COMMENT ON COLUMN bjxm.vendor_scorecard.latest_at IS '最近评估时间 (latest at)';
COMMENT ON COLUMN bjxm.vendor_scorecard.trend IS '最近得分与此前平均之差 (latest minus earlier average)';
COMMENT ON COLUMN bjxm.vendor_scorecard.key_evaluation_average IS '相关项目财政重点绩效评价均分 (finance key evaluation average)';

-- 第三十六条: the figures of the regulation itself (第三十二条 新增重大项目,
-- 第三十四条第(三)项 100万元) and of the superior law it defers to (第十五条's
-- 公开招标数额标准): only the city government changes them.
UPDATE bjxm.settings SET regulation_figure = true
 WHERE key IN ('county_review_threshold', 'major_project_threshold', 'open_tender_threshold');

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

------------------------------------------------------------------------------
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


------------------------------------------------------------------------------
-- Privileges and row-level security (docs/design.md §5)
------------------------------------------------------------------------------

-- No application role writes a table: the functions above are the only
-- write path.  Duty roles read through RLS; outsiders read nothing but the
-- regulation itself.
REVOKE ALL ON ALL TABLES IN SCHEMA bjxm FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA bjxm FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA bjxm FROM PUBLIC;
GRANT USAGE ON SCHEMA bjxm TO PUBLIC;
GRANT SELECT ON bjxm.regulation, bjxm.enum_labels, bjxm.expense_categories, bjxm.excluded_terms TO PUBLIC;
GRANT SELECT ON bjxm.regions, bjxm.units, bjxm.parties, bjxm.unit_members, bjxm.party_members,
                bjxm.jurisdictions, bjxm.settings, bjxm.events, bjxm.projects, bjxm.entrustments,
                bjxm.reviews, bjxm.acceptance_signatures, bjxm.contract_signatures, bjxm.adjustments, bjxm.procurement_exceptions, bjxm.evaluations,
                bjxm.rectifications, bjxm.project_library, bjxm.candidate_list, bjxm.annual_plan,
                bjxm.disbursements, bjxm.performance_evaluations, bjxm.budget_execution,
                bjxm.budgets, bjxm.budget_execution_by_year,
                bjxm.rectification_board, bjxm.unit_compliance, bjxm.line_items, bjxm.term_waivers,
                bjxm.data_resources, bjxm.components, bjxm.security_assessments, bjxm.data_catalogue,
                bjxm.security_assessment_due, bjxm.domestic_components, bjxm.vendor_scorecard,
                bjxm.rulebook_versions, bjxm.rulebook
    TO bjxm_user_unit, bjxm_bigdata, bjxm_finance, bjxm_reviewer, bjxm_city_gov, bjxm_auditor;

-- Types' support functions, pure helpers and reads: everyone.
GRANT EXECUTE ON FUNCTION
    bjxm.uscc_in(cstring), bjxm.uscc_out(bjxm.uscc), bjxm.uscc_recv(internal), bjxm.uscc_send(bjxm.uscc),
    bjxm.uscc_cmp(bjxm.uscc, bjxm.uscc), bjxm.uscc_eq(bjxm.uscc, bjxm.uscc), bjxm.uscc_ne(bjxm.uscc, bjxm.uscc),
    bjxm.uscc_lt(bjxm.uscc, bjxm.uscc), bjxm.uscc_le(bjxm.uscc, bjxm.uscc), bjxm.uscc_gt(bjxm.uscc, bjxm.uscc),
    bjxm.uscc_ge(bjxm.uscc, bjxm.uscc), bjxm.uscc_hash(bjxm.uscc), bjxm.uscc_hash_extended(bjxm.uscc, bigint),
    bjxm.region_of(bjxm.uscc),
    bjxm.clause_in(cstring), bjxm.clause_out(bjxm.clause), bjxm.clause_recv(internal), bjxm.clause_send(bjxm.clause),
    bjxm.clause_cmp(bjxm.clause, bjxm.clause), bjxm.clause_eq(bjxm.clause, bjxm.clause), bjxm.clause_ne(bjxm.clause, bjxm.clause),
    bjxm.clause_lt(bjxm.clause, bjxm.clause), bjxm.clause_le(bjxm.clause, bjxm.clause), bjxm.clause_gt(bjxm.clause, bjxm.clause),
    bjxm.clause_ge(bjxm.clause, bjxm.clause), bjxm.clause_hash(bjxm.clause), bjxm.clause_hash_extended(bjxm.clause, bigint),
    bjxm.clause(int, int), bjxm.article(bjxm.clause), bjxm.item(bjxm.clause), bjxm.item_count(int),
    bjxm.clause_text(bjxm.clause), bjxm.sqlstates(), bjxm.actions(), bjxm.duty_matrix(), bjxm.label(anyenum), bjxm.acting_role(), bjxm.today(),
    -- RLS policies call these as the querying role.
    bjxm._sees_all_units(),
    bjxm._visible_unit_ids(), bjxm._reviewer_unit_ids(), bjxm._reviewer_project_ids(),
    -- history and state_at run with the caller's rights and refuse through it.
    bjxm._not_visible(text, bigint),
    -- the budget views compute 序时进度 as the querying role.
    bjxm._time_progress(integer)
    TO PUBLIC;
-- Public functions: every role may call them; each checks its duty itself
-- (42501 naming the article), so a missing duty is explained, not hidden.
GRANT EXECUTE ON FUNCTION
    bjxm.register_unit(bjxm.uscc, text, bjxm.unit_kind, text), bjxm.register_party(text, text, text, bjxm.uscc),
    bjxm.grant_unit_member(regrole, bjxm.uscc), bjxm.revoke_unit_member(regrole, bjxm.uscc),
    bjxm.grant_party_member(regrole, text), bjxm.set_jurisdiction(regrole, text), bjxm.set_setting(text, text),
    bjxm.revoke_jurisdiction(regrole), bjxm.set_regulation_figure(text, text, text),
    bjxm.history(bigint), bjxm.state_at(bigint, timestamptz), bjxm.events_since(bigint, int),
    bjxm.verify_events(), bjxm.verify_state(), bjxm.duty_conflicts(),
    bjxm.verify_events(text), bjxm.export_events(bigint), bjxm.chain_anchor(), bjxm.chain_anchor_text(),
    bjxm.check(bigint, text, jsonb),
    bjxm.create_project(bjxm.uscc, text, bjxm.project_category, bjxm.service_kind[], int, numeric, bjxm.fund_source, boolean),
    bjxm.set_demand_plan(bigint, jsonb), bjxm.set_project_facts(bigint, jsonb), bjxm.declare(bigint),
    bjxm.preliminary_review(bigint, boolean, text), bjxm.entrust_review(bigint, text),
    bjxm.record_review(bigint, boolean, text), bjxm.admit_to_library(bigint), bjxm.carry_over(bigint, int),
    bjxm.propose_for_plan(bigint), bjxm.approve_annual_plan(int, text, bigint[]),
    bjxm.arrange_budget(bigint, numeric), bjxm.set_performance_targets(bigint, jsonb),
    bjxm.revise_budget(bigint, integer, numeric, text), bjxm.revise_budget(bigint, integer, numeric, text, bjxm.fund_source),
    bjxm.record_ex_ante_assessment(bigint, boolean, text), bjxm.submit_service_plan(bigint, jsonb),
    bjxm.approve_service_plan(bigint, boolean, numeric, text), bjxm.record_city_review(bigint, boolean, text),
    bjxm.record_procurement(bigint, text, numeric, bjxm.procurement_method),
    bjxm.record_procurement(bigint, text, numeric, bjxm.procurement_method, text, text),
    bjxm.approve_procurement_exception(bigint, bjxm.procurement_method, text), bjxm.sign_contract(bigint, text, jsonb),
    bjxm.start_implementation(bigint), bjxm.sign_acceptance(bigint, boolean, text),
    bjxm.record_evaluation(bigint, text, numeric, numeric, numeric, text),
    bjxm.postpone(bigint, text), bjxm.terminate(bigint, text), bjxm.resume(bigint), bjxm.withdraw(bigint, text),
    bjxm.request_adjustment(bigint, bjxm.adjustment_reason, text), bjxm.decide_adjustment(bigint, boolean, text),
    bjxm.request_adjustment(bigint, bjxm.adjustment_reason, text, jsonb, numeric),
    bjxm.record_adjustment_opinion(bigint, boolean, text, text),
    bjxm.amend_service_plan(bigint, bigint, jsonb),
    bjxm.sign_contract(bigint, text, jsonb, numeric, date),
    bjxm.record_disbursement(bigint, numeric, date), bjxm.record_self_evaluation(bigint, int, numeric, jsonb),
    bjxm.record_key_evaluation(bigint, int, numeric, text), bjxm.inspect(bigint),
    bjxm.open_rectification(bjxm.uscc, int, text, bigint, date), bjxm.report_rectification(bigint, text),
    bjxm.close_rectification(bigint, boolean),
    bjxm.add_line_item(bigint, text, text, numeric, text), bjxm.waive_term(bigint, text, text),
    bjxm.expense_check(text, text, text), bjxm.set_excluded_term(text, bjxm.clause, boolean),
    bjxm.set_excluded_term(text, bjxm.clause, boolean, text, text[], text[], boolean),
    bjxm.add_data_resource(bigint, text, text, text, text, text, text, jsonb, boolean, text, text, text, text, text[]),
    bjxm.classify_data_resource(bigint, text, boolean), bjxm.review_data_resource(bigint, boolean),
    bjxm.list_data_resource(bigint, boolean), bjxm.check_data_resource(bigint, boolean),
    bjxm.delist_data_resource(bigint, text), bjxm.personal_data_items(jsonb),
    bjxm.approve_catalogue(bjxm.uscc), bjxm.catalogue_json(bjxm.uscc),
    bjxm.record_component(bigint, text, text, boolean),
    bjxm.record_security_assessment(bigint, int, text, boolean, text[], text)
    TO PUBLIC;

-- Unit-scoped tables: FORCE, so the owner's direct queries are scoped too
-- (a superuser still bypasses RLS: definer code scopes by the actor itself).
ALTER TABLE bjxm.units ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.units FORCE ROW LEVEL SECURITY;
CREATE POLICY units_visible ON bjxm.units FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._reviewer_unit_ids()) AS bigint[])));
ALTER TABLE bjxm.unit_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.unit_members FORCE ROW LEVEL SECURITY;
CREATE POLICY unit_members_visible ON bjxm.unit_members FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[])));
ALTER TABLE bjxm.party_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.party_members FORCE ROW LEVEL SECURITY;
CREATE POLICY party_members_visible ON bjxm.party_members FOR SELECT
    USING ((SELECT bjxm._sees_all_units()) OR member OPERATOR(pg_catalog.=) (SELECT bjxm.acting_role()));
ALTER TABLE bjxm.jurisdictions ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.jurisdictions FORCE ROW LEVEL SECURITY;
CREATE POLICY jurisdictions_visible ON bjxm.jurisdictions FOR SELECT
    USING ((SELECT bjxm._sees_all_units())
           OR role_oid OPERATOR(pg_catalog.=) (SELECT r.oid FROM pg_catalog.pg_roles r
                                               WHERE r.rolname OPERATOR(pg_catalog.=) bjxm.acting_role()));
ALTER TABLE bjxm.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.projects FORCE ROW LEVEL SECURITY;
CREATE POLICY projects_visible ON bjxm.projects FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR project_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._reviewer_project_ids()) AS bigint[])));
ALTER TABLE bjxm.data_resources ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.data_resources FORCE ROW LEVEL SECURITY;
CREATE POLICY data_resources_visible ON bjxm.data_resources FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[])));
ALTER TABLE bjxm.rectifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.rectifications FORCE ROW LEVEL SECURITY;
CREATE POLICY rectifications_visible ON bjxm.rectifications FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[])));
-- Per-project tables: visible with their project (RLS on projects applies inside).
DO $bjxm$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entrustments', 'reviews', 'acceptance_signatures', 'contract_signatures', 'adjustments',
                             'procurement_exceptions', 'evaluations',
                             'disbursements', 'budgets', 'performance_evaluations', 'line_items', 'term_waivers',
                             'components', 'security_assessments'] LOOP
        EXECUTE pg_catalog.format('ALTER TABLE bjxm.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE pg_catalog.format('ALTER TABLE bjxm.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE pg_catalog.format('CREATE POLICY %I ON bjxm.%I FOR SELECT USING (project_id IN (SELECT p.project_id FROM bjxm.projects p))',
                                  t || '_visible', t);
    END LOOP;
END
$bjxm$;
ALTER TABLE bjxm.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjxm.events FORCE ROW LEVEL SECURITY;
CREATE POLICY events_visible ON bjxm.events FOR SELECT
    USING ((SELECT bjxm._sees_all_units())
           OR unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR actor OPERATOR(pg_catalog.=) (SELECT bjxm.acting_role()));

------------------------------------------------------------------------------
-- pg_dump keeps the data (installed rows are filtered out: CREATE EXTENSION
-- puts them back; changed settings merge through settings_restore_merge)
------------------------------------------------------------------------------

SELECT pg_catalog.pg_extension_config_dump('bjxm.regions', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('bjxm.units', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.units_unit_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.parties', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.parties_party_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.unit_members', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.party_members', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.jurisdictions', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.settings', 'WHERE revision > 0');
SELECT pg_catalog.pg_extension_config_dump('bjxm.rulebook_versions', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.event_lanes', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.event_ids', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.events', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.projects', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.projects_project_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.entrustments', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.entrustments_entrustment_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.reviews', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.reviews_review_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.acceptance_signatures', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.contract_signatures', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.adjustments', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.adjustments_adjustment_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.procurement_exceptions', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.procurement_exceptions_exception_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.evaluations', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.evaluations_evaluation_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.rectifications', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.rectifications_rectification_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.disbursements', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.budgets', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.disbursements_disbursement_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.performance_evaluations', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.performance_evaluations_evaluation_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.expense_categories', 'WHERE NOT seeded OR revision > 0');
SELECT pg_catalog.pg_extension_config_dump('bjxm.excluded_terms', 'WHERE NOT seeded OR revision > 0');
SELECT pg_catalog.pg_extension_config_dump('bjxm.line_items', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.line_items_line_item_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.term_waivers', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.data_resources', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.data_resources_resource_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.components', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.components_component_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.security_assessments', '');
SELECT pg_catalog.pg_extension_config_dump('bjxm.security_assessments_assessment_id_seq', '');

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
