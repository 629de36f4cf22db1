/*
 * data.c — 第五章 数据管理, 第二十一条–第二十五条: the data resource
 * catalogue.
 *
 * A unit catalogues the data its project produces (add_data_resource,
 * 第二十二条, 第二十四条, 第二十五条), classifies it by level (GB/T 43697:
 * 一般数据, 重要数据, 核心数据) and records the 保密审查
 * (classify_data_resource, 第二十三条); bigdata reviews each entry and
 * the government approves a unit's catalogue (第二十二条); only then may
 * the unit list it (上架, 第二十三条).  Listing refuses: BJ022 not
 * reviewed and approved; BJ023 no level, share/open type or 保密审查 (and
 * conditional sharing without its condition, 第二十四条); BJ025 opening
 * data that is not 脱敏脱密; BJ029 sensitive data offered for
 * unconditional sharing (第二十九条, security.c).
 *
 * Fail closed (issue 15): information items that name personal data (the
 * data-driven list of src/core/personal.c, data/personal_data_items.tsv)
 * make an entry sensitive whatever the unit declared, so it is neither
 * shared nor opened unconditionally (BJ029).  The level bounds the share
 * and open types (BJ023, 第二十三条 明确数据共享开放类型, by GB/T 43697):
 * 核心数据 is never opened and shared only on conditions; 重要数据 is
 * shared and opened only on conditions; 一般数据 as declared.  A listed
 * entry is not reclassified or re-reviewed: delist_data_resource first
 * (BJ023); a new classification clears the review and the approval, so
 * the entry goes back through 第二十二条 before it is listed again.  The
 * trigger bjxm._data_resource_guard holds the same for every write path
 * (docs/design.md "Data gates").
 *
 * Actions on an entry load it (locked for an action) and its project:
 * absent and invisible entries look alike (42501, the project not named).
 */
#include "postgres.h"

#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "action.h"
#include "data.h"
#include "errors.h"
#include "personal.h"
#include "security.h"
#include "spi.h"

/* Formats of 政务信息资源目录编制指南(试行). */
static const char *const formats[] = {"电子文件", "电子表格", "数据库", "图形图像", "流媒体", "自描述格式", "服务接口"};
static const char *const share_types[] = {"unconditional", "conditional", "none"};
static const char *const levels[] = {"一般数据", "重要数据", "核心数据"};

/* ------------------------------------------------------------------ */
/* 第二十九条: information items that name personal data              */
/* ------------------------------------------------------------------ */

/* The matcher of src/core/personal.c, built once per backend (malloc). */
static bj_personal *personal = NULL;

/* The 第二十九条 matcher, built on first use. */
static bj_personal *
personal_matcher(void)
{
	if (personal == NULL)
	{
		personal = bj_personal_new();
		if (personal == NULL)
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY),
							errmsg("bjxm: building the 第二十九条 personal-data matcher failed")));
	}
	return personal;
}

/* The first term a text names, or BJ_PERSONAL_NONE; an error if it cannot be matched. */
static int
personal_term(const char *text, int len)
{
	int			r = bj_personal_find(personal_matcher(), text, (size_t) len);

	if (r < 0 && r != BJ_PERSONAL_NONE)
		ereport(ERROR, (errcode(r == BJ_PERSONAL_EUTF8 ? ERRCODE_CHARACTER_NOT_IN_REPERTOIRE : ERRCODE_OUT_OF_MEMORY),
						errmsg("信息项无法判定是否涉及个人信息 (an information item could not be matched: status %d)", r)));
	return r;
}

/*
 * The items of an information-item array that name personal data, each as
 * 「name(term, kind)」, in order; NIL if none.  Every text of an item is
 * read — its name, type, description, any key, nested or not (issue 15: a
 * column named 字段1 described as 居民身份证号码 is that column) — and the
 * item is named by its name (or the text that matched).  Elements that are
 * not objects are skipped (items_rule refuses them).
 */
static List *
personal_items(Jsonb *items)
{
	List	   *found = NIL;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (items == NULL || !JB_ROOT_IS_ARRAY(items) || JB_ROOT_IS_SCALAR(items))
		return NIL;
	it = JsonbIteratorInit(&items->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		JsonbValue	key;
		JsonbValue *name;
		JsonbIterator *inner;
		JsonbValue	w;
		JsonbIteratorToken t;
		int			r = BJ_PERSONAL_NONE;
		const char *hit = NULL;
		int			hitlen = 0;

		if (tok != WJB_ELEM || v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
			continue;
		inner = JsonbIteratorInit(v.val.binary.data);
		while ((t = JsonbIteratorNext(&inner, &w, false)) != WJB_DONE)
		{
			if ((t != WJB_VALUE && t != WJB_ELEM && t != WJB_KEY) || w.type != jbvString)
				continue;
			r = personal_term(w.val.string.val, w.val.string.len);
			if (r != BJ_PERSONAL_NONE)
			{
				hit = w.val.string.val;
				hitlen = w.val.string.len;
				break;
			}
		}
		if (r == BJ_PERSONAL_NONE)
			continue;
		key.type = jbvString;
		key.val.string.val = "name";
		key.val.string.len = 4;
		name = findJsonbValueFromContainer(v.val.binary.data, JB_FOBJECT, &key);
		if (name != NULL && name->type == jbvString)
		{
			hit = name->val.string.val;
			hitlen = name->val.string.len;
		}
		found = lappend(found, psprintf("%.*s(%s, %s)", hitlen, hit,
										bj_personal_term((size_t) r), bj_personal_kind((size_t) r)));
	}
	return found;
}

/* The list joined by 「、」. */
static char *
join_items(List *l)
{
	StringInfoData b;
	ListCell   *lc;

	initStringInfo(&b);
	foreach(lc, l)
		appendStringInfo(&b, "%s%s", b.len > 0 ? "、" : "", (char *) lfirst(lc));
	return b.data;
}

/* bjxm.personal_data_items(items jsonb) RETURNS text[] (the trigger's, and for anyone to ask). */
PG_FUNCTION_INFO_V1(bjxm_personal_data_items);
Datum
bjxm_personal_data_items(PG_FUNCTION_ARGS)
{
	List	   *found = personal_items(PG_GETARG_JSONB_P(0));
	Datum	   *elems = palloc(sizeof(Datum) * (list_length(found) + 1));
	int			n = 0;
	ListCell   *lc;

	foreach(lc, found)
		elems[n++] = CStringGetTextDatum((char *) lfirst(lc));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * The entry's items naming personal data: as the trigger found them
 * (personal_items: its items, name and summary), or from the stored items
 * on the schema of an earlier release.
 */
static List *
object_personal_items(BjxmCtx *ctx)
{
	bool		isnull;
	Datum		d;
	List	   *found = NIL;

	if (!bjxm_has_column("data_resources", "personal_items"))
	{
		d = bjxm_object_col(ctx, "items", &isnull);
		return isnull ? NIL : personal_items(DatumGetJsonbP(d));
	}
	d = bjxm_object_col(ctx, "personal_items", &isnull);
	if (!isnull)
	{
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
		for (int i = 0; i < n; i++)
			if (!nulls[i])
				found = lappend(found, TextDatumGetCString(elems[i]));
	}
	return found;
}

/* Whether the loaded entry is listed (上架). */
static bool
object_listed(BjxmCtx *ctx)
{
	bool		isnull;

	(void) bjxm_object_col(ctx, "listed_at", &isnull);
	return !isnull;
}

/* 第二十三条: a listed entry is delisted before it is reclassified or re-reviewed. */
static void
listed_rule(BjxmCtx *ctx, const char *what)
{
	if (object_listed(ctx))
		bjxm_violation(ctx, false, ERRCODE_BJ023, BJ_ART_LISTING, 0,
					   psprintf("“%s”已于 %s 上架。", bjxm_object_text(ctx, "name"), bjxm_object_text(ctx, "published_on")),
					   "先以 bjxm.delist_data_resource 下架; 重新分级后经大数据部门重新审核、市人民政府审定, 再上架。",
					   "已上架的数据资源不能%s, 须先下架 (a listed entry is delisted first)", what);
}

/* Whether every element of a JSON array argument is a non-empty object with name and type. */
static void
items_rule(BjxmCtx *ctx)
{
	JsonbValue *items = bjxm_json_get(ctx->args, "items");
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (items == NULL || items->type != jbvBinary || !JsonContainerIsArray(items->val.binary.data) ||
		JsonContainerSize(items->val.binary.data) == 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "信息项须为非空数组 [{name, type}] (items must list the information items)");
		return;
	}
	it = JsonbIteratorInit(items->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		Jsonb	   *o;

		if (tok != WJB_ELEM)
			continue;
		if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
		{
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "每个信息项须为 {\"name\", \"type\"} (each item needs name and type)");
			return;
		}
		o = JsonbValueToJsonb(&v);
		if (!bjxm_json_nonempty_text(o, "name") || !bjxm_json_nonempty_text(o, "type"))
		{
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "每个信息项须有 name 和 type (each item needs name and type)");
			return;
		}
	}
}

/* related_codes: absent, or an array of text. */
static void
related_codes_rule(BjxmCtx *ctx)
{
	JsonbValue *codes = bjxm_json_get(ctx->args, "related_codes");
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (codes == NULL)
		return;
	if (codes->type != jbvBinary || !JsonContainerIsArray(codes->val.binary.data))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "关联资源代码须为文本数组 (related_codes must be an array of text)");
		return;
	}
	it = JsonbIteratorInit(codes->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_ELEM && v.type != jbvString)
		{
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "关联资源代码须为文本数组 (related_codes must be an array of text)");
			return;
		}
}

/* add_data_resource: the core metadata of the catalogue (第二十二条, 第二十四条, 第二十五条). */
void
bjxm_add_data_resource_rules(BjxmCtx *ctx)
{
	const char *name = bjxm_arg_text(ctx, "name");
	const char *summary = bjxm_arg_text(ctx, "summary");
	const char *format = bjxm_arg_text(ctx, "format");
	const char *share = bjxm_arg_text(ctx, "share_type");
	const char *open = bjxm_arg_text(ctx, "open_type");
	const char *cycle = bjxm_arg_text(ctx, "update_cycle");
	const char *classification = bjxm_arg_text(ctx, "classification");

	if (name != NULL && bjxm_blank(name))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "资源名称不能为空 (resource name is required)");
	if (summary != NULL && bjxm_blank(summary))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "须写明资源摘要 (summary is required: core metadata of the catalogue)");
	if (format != NULL && !bjxm_one_of(format, formats, lengthof(formats)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "资源格式“%s”无效, 应为电子文件、电子表格、数据库、图形图像、流媒体、自描述格式或服务接口 (unknown format)", format);
	if (share != NULL && !bjxm_one_of(share, share_types, lengthof(share_types)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "共享类型“%s”无效: unconditional | conditional | none", share);
	if (open != NULL && !bjxm_one_of(open, share_types, lengthof(share_types)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "开放类型“%s”无效: unconditional | conditional | none", open);
	if (cycle != NULL && bjxm_blank(cycle))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "须写明更新周期 (update cycle is required)");
	/* 第二十四条: conditional sharing names its condition. */
	if (share != NULL && strcmp(share, "conditional") == 0 && !bjxm_json_nonempty_text(ctx->args, "share_condition"))
		bjxm_violation(ctx, false, ERRCODE_BJ023, BJ_ART_SHARING, 0, "有条件共享的资源须写明共享条件 (share_condition)。",
					   "按第二十四条明确共享条件、共享服务方式和数据提供方式。",
					   "有条件共享的数据资源须明确共享条件 (conditional sharing needs its condition)");
	if (classification != NULL &&
		!DatumGetBool(DirectFunctionCall2Coll(textregexeq, C_COLLATION_OID, CStringGetTextDatum(classification),
											  CStringGetTextDatum("^[0-9]{1,2}(-[0-9]{1,3}){3}$"))))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "资源分类“%s”应为“类-项-目-细目”的数字代码, 如 1-02-003-004 (classification)", classification);
	items_rule(ctx);
	related_codes_rule(ctx);
}

/* Insert the entry; its resource code is 类-项-目-细目 / sequence. */
void
bjxm_add_data_resource_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, INT8OID, JSONBOID};
	Datum		values[3];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int64GetDatum(ctx->unit_id);
	values[2] = JsonbPGetDatum(ctx->args);
	bjxm_exec(&plan,
			  "INSERT INTO bjxm.data_resources (project_id, unit_id, name, summary, format, share_type, share_condition, "
			  "  share_method, provide_method, open_type, update_cycle, items, sensitive, classification, related_codes) "
			  "SELECT $1, $2, pg_catalog.btrim(a OPERATOR(pg_catalog.->>) 'name'), a OPERATOR(pg_catalog.->>) 'summary', "
			  "  a OPERATOR(pg_catalog.->>) 'format', a OPERATOR(pg_catalog.->>) 'share_type', "
			  "  a OPERATOR(pg_catalog.->>) 'share_condition', a OPERATOR(pg_catalog.->>) 'share_method', "
			  "  a OPERATOR(pg_catalog.->>) 'provide_method', a OPERATOR(pg_catalog.->>) 'open_type', "
			  "  a OPERATOR(pg_catalog.->>) 'update_cycle', a OPERATOR(pg_catalog.->) 'items', "
			  "  COALESCE((a OPERATOR(pg_catalog.->>) 'sensitive')::pg_catalog.bool, false), "
			  "  a OPERATOR(pg_catalog.->>) 'classification', "
			  "  COALESCE(ARRAY(SELECT pg_catalog.jsonb_array_elements_text(a OPERATOR(pg_catalog.->) 'related_codes')), '{}') "
			  "FROM (SELECT $3::pg_catalog.jsonb AS a) s RETURNING resource_id",
			  3, types, values, NULL);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->details = bjxm_jsonb_with(ctx->args, psprintf("{\"resource_id\": " INT64_FORMAT "}", ctx->result));
	bjxm_done(ctx, psprintf("数据资源 %lld: %s", (long long) ctx->result, bjxm_arg_text(ctx, "name")));
}

/* ------------------------------------------------------------------ */
/* Actions on a catalogue entry                                      */
/* ------------------------------------------------------------------ */

/* Load the entry (locked unless check_only) and its project, visible to the actor. */
static void
load_resource(BjxmCtx *ctx)
{
	static SPIPlanPtr lock = NULL;
	static SPIPlanPtr read = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		isnull;
	int64		id = bjxm_arg_id(ctx, "id");
	bool		found;

	values[0] = Int64GetDatum(id);
	found = bjxm_exec(ctx->check_only ? &read : &lock,
					  ctx->check_only ? "SELECT d.* FROM bjxm.data_resources d WHERE d.resource_id OPERATOR(pg_catalog.=) $1"
					  : "SELECT d.* FROM bjxm.data_resources d WHERE d.resource_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
					  1, types, values, NULL) == 1;
	if (found)
	{
		ctx->object_id = id;
		ctx->object_row = SPI_tuptable->vals[0];
		ctx->object_desc = SPI_tuptable->tupdesc;
		found = bjxm_load_project(ctx, DatumGetInt64(bjxm_object_col(ctx, "project_id", &isnull)));
	}
	/* Absent and invisible look alike: the entry's project is not named. */
	if (!found)
	{
		ctx->has_project = false;
		bjxm_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, BJ_ART_CATALOGUE, 0, ctx->action, 0, NULL, NULL,
					"数据资源 %lld 不存在或无权访问 (no such data resource, or not visible)", (long long) id);
	}
	/* the arguments too: the level, the outcome, the listing (bjxm.verify_state, issue 17) */
	ctx->details = bjxm_jsonb_with(ctx->args, psprintf("{\"resource_id\": " INT64_FORMAT "}", id));
}

/*
 * The loaders refuse a missing argument at once, check or not: without
 * the entry there is nothing to check.
 */

/* classify_data_resource: the entry, a level and the 保密审查 conclusion. */
void
bjxm_classify_data_resource_load(BjxmCtx *ctx)
{
	if (!bjxm_arg_present(ctx, "id") || !bjxm_arg_present(ctx, "level") || !bjxm_arg_present(ctx, "secrecy_reviewed"))
		bjxm_refuse(ERRCODE_NULL_VALUE_NOT_ALLOWED, BJ_ART_LISTING, 0, ctx->action, 0, NULL, NULL,
					"资源、级别和保密审查结论不能为空 (id, level and secrecy_reviewed are required)");
	load_resource(ctx);
}

/* The level is one of GB/T 43697's (第二十三条 分类分级). */
void
bjxm_classify_data_resource_rules(BjxmCtx *ctx)
{
	const char *level = bjxm_arg_text(ctx, "level");

	if (!bjxm_one_of(level, levels, lengthof(levels)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "数据级别“%s”无效, 应为一般数据、重要数据或核心数据 (GB/T 43697 level)", level);
	listed_rule(ctx, "重新分级或改变保密审查结论");
}

/* Record the level and the 保密审查. */
void
bjxm_classify_data_resource_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, TEXTOID, BOOLOID};
	Datum		values[3];
	const char *level = bjxm_arg_text(ctx, "level");
	bool		secrecy = bjxm_arg_bool(ctx, "secrecy_reviewed");
	bool		was_reviewed;
	bool		isnull;

	(void) bjxm_object_col(ctx, "reviewed_at", &isnull);
	was_reviewed = !isnull;
	values[0] = Int64GetDatum(ctx->object_id);
	values[1] = CStringGetTextDatum(level);
	values[2] = BoolGetDatum(secrecy);
	/* The trigger clears the review and the approval if anything changed (第二十二条). */
	bjxm_exec(&plan, "UPDATE bjxm.data_resources SET level = $2, secrecy_reviewed = $3 "
			  "WHERE resource_id OPERATOR(pg_catalog.=) $1 RETURNING reviewed_at IS NULL",
			  3, types, values, NULL);
	bjxm_done(ctx, psprintf("%s; 保密审查%s%s", level, secrecy ? "已完成" : "未完成",
							was_reviewed && DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull))
							? "; 原审核审定失效, 须重新审核 (review cleared)" : ""));
}

/* review_data_resource: the entry and an outcome. */
void
bjxm_review_data_resource_load(BjxmCtx *ctx)
{
	if (!bjxm_arg_present(ctx, "id") || !bjxm_arg_present(ctx, "passed"))
		bjxm_refuse(ERRCODE_NULL_VALUE_NOT_ALLOWED, BJ_ART_CATALOGUE, 0, ctx->action, 0, NULL, NULL,
					"资源和审核结论不能为空 (id and passed are required)");
	load_resource(ctx);
}

/* 第二十三条: a listed entry is delisted before it is reviewed again. */
void
bjxm_review_data_resource_rules(BjxmCtx *ctx)
{
	listed_rule(ctx, "重新审核");
}

/* Record bigdata's review; a new review clears the government's approval of the old one. */
void
bjxm_review_data_resource_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, BOOLOID};
	Datum		values[2];
	bool		passed = bjxm_arg_bool(ctx, "passed");

	values[0] = Int64GetDatum(ctx->object_id);
	values[1] = BoolGetDatum(passed);
	bjxm_exec(&plan, "UPDATE bjxm.data_resources SET review_passed = $2, reviewed_at = pg_catalog.clock_timestamp(), "
			  "approved_at = NULL WHERE resource_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL);
	bjxm_done(ctx, passed ? "目录审核通过" : "目录审核未通过");
}

/* list_data_resource: the entry. */
void
bjxm_list_data_resource_load(BjxmCtx *ctx)
{
	if (!bjxm_arg_present(ctx, "id"))
		bjxm_refuse(ERRCODE_NULL_VALUE_NOT_ALLOWED, BJ_ART_LISTING, 0, ctx->action, 0, NULL, NULL,
					"须指明数据资源 (id is required)");
	load_resource(ctx);
}

/* 第二十二条, 第二十三条, 第二十五条, 第二十九条: may the entry be listed? */
void
bjxm_list_data_resource_rules(BjxmCtx *ctx)
{
	bool		n1,
				n2,
				n3,
				n4;
	Datum		passed = bjxm_object_col(ctx, "review_passed", &n1);
	const char *level = bjxm_object_text(ctx, "level");
	const char *classification = bjxm_object_text(ctx, "classification");
	Datum		secrecy = bjxm_object_col(ctx, "secrecy_reviewed", &n3);
	const char *share = bjxm_object_text(ctx, "share_type");
	const char *open = bjxm_object_text(ctx, "open_type");
	bool		sensitive = DatumGetBool(bjxm_object_col(ctx, "sensitive", &n4));
	bool		desensitized = bjxm_arg_bool(ctx, "desensitized");

	(void) bjxm_object_col(ctx, "approved_at", &n2);
	if (n1 || !DatumGetBool(passed) || n2)
		bjxm_violation(ctx, false, ERRCODE_BJ022, BJ_ART_CATALOGUE, 0,
					   psprintf("大数据部门审核: %s; 市人民政府审定: %s。",
								n1 ? "未审核" : (DatumGetBool(passed) ? "通过" : "未通过"), n2 ? "未审定" : "已审定"),
					   "目录经大数据部门审核 (review_data_resource) 和市人民政府审定 (approve_catalogue) 后方可上架。",
					   "数据资源目录未经审核和审定, 不能上架 (not reviewed and approved)");
	if (classification == NULL || level == NULL || n3 || !DatumGetBool(secrecy) || share == NULL || open == NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ023, BJ_ART_LISTING, 0,
					   psprintf("分类: %s; 分级: %s; 保密审查: %s; 共享类型: %s; 开放类型: %s。",
								classification ? classification : "未分类 (无资源代码)",
								level ? level : "未定级", (!n3 && DatumGetBool(secrecy)) ? "已完成" : "未完成",
								share ? share : "未明确", open ? open : "未明确"),
					   "编目时给出资源分类 (类-项-目-细目), 并由用户单位以 bjxm.classify_data_resource 定级、完成保密审查。",
					   "上架前须完成分类分级、明确共享开放类型并做好保密审查 (classification, share/open type or secrecy review missing)");
	if (open != NULL && strcmp(open, "none") != 0 && !desensitized)
		bjxm_violation(ctx, false, ERRCODE_BJ025, BJ_ART_OPENING, 0,
					   psprintf("开放类型为 %s, 未声明已脱敏脱密。", open),
					   "对拟开放数据进行脱敏脱密处理后, 以 desensitized => true 上架。",
					   "拟开放的数据须先脱敏脱密 (opening data that is not desensitized)");
	/* 第二十三条 明确数据共享开放类型, by the level (GB/T 43697). */
	if (level != NULL && share != NULL && open != NULL && strcmp(level, "核心数据") == 0 &&
		(strcmp(open, "none") != 0 || strcmp(share, "unconditional") == 0))
		bjxm_violation(ctx, false, ERRCODE_BJ023, BJ_ART_LISTING, 0,
					   psprintf("级别为核心数据; 共享类型: %s; 开放类型: %s。", share, open),
					   "核心数据不予开放 (open_type none), 仅可有条件共享并写明条件; 按此重新编目。",
					   "核心数据不得开放, 不得无条件共享 (core data is never opened nor shared unconditionally)");
	else if (level != NULL && share != NULL && open != NULL && strcmp(level, "重要数据") == 0 &&
			 (strcmp(open, "unconditional") == 0 || strcmp(share, "unconditional") == 0))
		bjxm_violation(ctx, false, ERRCODE_BJ023, BJ_ART_LISTING, 0,
					   psprintf("级别为重要数据; 共享类型: %s; 开放类型: %s。", share, open),
					   "重要数据仅可有条件共享、有条件开放 (conditional) 或不予共享开放; 按此重新编目。",
					   "重要数据不得无条件共享或开放 (important data only on conditions)");
	/* 第二十九条: items naming personal data make the entry sensitive, whatever was declared. */
	{
		List	   *found = object_personal_items(ctx);

		if (found != NIL && !sensitive)
			sensitive = true;
		if (found != NIL && share != NULL && strcmp(share, "unconditional") == 0)
			bjxm_violation(ctx, false, ERRCODE_BJ029, BJ_ART_DATA_SECURITY, 0,
						   psprintf("信息项涉及个人信息: %s; 共享类型为无条件共享。", join_items(found)),
						   "涉及个人隐私的数据改为有条件共享并写明条件 (按此重新编目); 单位的“非敏感”声明不改变此判定。",
						   "涉及个人隐私的敏感数据不得无条件共享 (items name personal data: no unconditional sharing)");
		else
			bjxm_rule_sensitive_sharing(ctx, sensitive, share);
		if (sensitive && open != NULL && strcmp(open, "unconditional") == 0)
			bjxm_violation(ctx, false, ERRCODE_BJ029, BJ_ART_DATA_SECURITY, 0,
						   found != NIL ? psprintf("信息项涉及个人信息: %s; 开放类型为无条件开放。", join_items(found))
						   : "资源标记为涉及商业秘密、个人隐私等敏感数据, 开放类型为无条件开放。",
						   "敏感数据不予开放, 或脱敏脱密后有条件开放 (按此重新编目)。",
						   "涉及商业秘密、个人隐私的敏感数据不得无条件开放 (sensitive data offered for unconditional opening)");
	}
	listed_rule(ctx, "重复上架");
}

/* List the entry (上架). */
void
bjxm_list_data_resource_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, BOOLOID};
	Datum		values[2];

	values[0] = Int64GetDatum(ctx->object_id);
	values[1] = BoolGetDatum(bjxm_arg_bool(ctx, "desensitized"));
	bjxm_exec(&plan, "UPDATE bjxm.data_resources SET listed_at = pg_catalog.clock_timestamp(), desensitized = $2, "
			  "published_on = bjxm.today() WHERE resource_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL);
	bjxm_done(ctx, "上架");
}

/* delist_data_resource: the entry and a reason. */
void
bjxm_delist_data_resource_load(BjxmCtx *ctx)
{
	if (!bjxm_arg_present(ctx, "id"))
		bjxm_refuse(ERRCODE_NULL_VALUE_NOT_ALLOWED, BJ_ART_LISTING, 0, ctx->action, 0, NULL, NULL,
					"须指明数据资源 (id is required)");
	load_resource(ctx);
}

/* Only a listed entry is delisted. */
void
bjxm_delist_data_resource_rules(BjxmCtx *ctx)
{
	if (ctx->object_row != NULL && !object_listed(ctx))
		bjxm_violation(ctx, false, ERRCODE_BJ023, BJ_ART_LISTING, 0,
					   psprintf("“%s”未上架。", bjxm_object_text(ctx, "name")), NULL,
					   "数据资源未上架, 无从下架 (the entry is not listed)");
}

/* Delist (下架): off the catalogue until listed again; the review stands until it is reclassified. */
void
bjxm_delist_data_resource_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];

	values[0] = Int64GetDatum(ctx->object_id);
	bjxm_exec(&plan, "UPDATE bjxm.data_resources SET listed_at = NULL, published_on = NULL "
			  "WHERE resource_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	bjxm_done(ctx, psprintf("下架: %s", bjxm_arg_text(ctx, "reason")));
}

/* approve_catalogue acts on the unit named by its USCC. */
void
bjxm_approve_catalogue_load(BjxmCtx *ctx)
{
	const char *unit = bjxm_arg_text(ctx, "unit");

	if (unit == NULL || !bjxm_load_visible_unit_by_code(ctx, unit))
		bjxm_refuse_missing(ctx, BJ_ART_CATALOGUE, "单位 %s 不存在或无权访问 (no such unit, or not visible)",
							unit ? unit : "<NULL>");
}

/*
 * 第二十二条 市人民政府审定: every reviewed, not yet approved entry of the
 * unit that is not listed (one listed without an approval, under 0.2.0, is
 * delisted first: inspect reports it).
 */
void
bjxm_approve_catalogue_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->unit_id)};

	StringInfoData ids;

	ctx->result = (int64) bjxm_exec(&plan, "UPDATE bjxm.data_resources d SET approved_at = pg_catalog.clock_timestamp() "
									"WHERE d.unit_id OPERATOR(pg_catalog.=) $1 AND d.review_passed AND d.approved_at IS NULL "
									"  AND d.listed_at IS NULL RETURNING d.resource_id",
									1, types, values, NULL);
	/* the entries approved, by id (bjxm.verify_state, issue 17) */
	initStringInfo(&ids);
	for (uint64 i = 0; i < SPI_processed; i++)
		appendStringInfo(&ids, "%s%s", i ? ", " : "", SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1));
	ctx->details = bjxm_jsonb(psprintf("{\"unit\": \"%s\", \"approved\": " INT64_FORMAT ", \"resource_ids\": [%s]}",
									   ctx->unit_code, ctx->result, ids.data));
	bjxm_done(ctx, psprintf("审定 " INT64_FORMAT " 条目录", ctx->result));
}

/* 第三十一条(五): shareable or openable entries not listed. */
void
bjxm_inspect_data(BjxmCtx *ctx)
{
	static SPIPlanPtr unlisted = NULL;
	char	   *list = bjxm_project_list(ctx, &unlisted,
										 "SELECT pg_catalog.string_agg(d.name, '、' ORDER BY d.resource_id) FROM bjxm.data_resources d "
										 "WHERE d.project_id OPERATOR(pg_catalog.=) $1 AND d.listed_at IS NULL "
										 "  AND (d.share_type OPERATOR(pg_catalog.<>) 'none' OR d.open_type OPERATOR(pg_catalog.<>) 'none') "
										 "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0");

	static SPIPlanPtr broken = NULL;
	char	   *gates;

	if (list != NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 5,
					   psprintf("可共享或开放而未上架的数据资源: %s。", list),
					   "审核审定后以 bjxm.list_data_resource 上架。",
					   "满足政府数据共享开放条件, 但未履行数据共享开放义务 (shareable data not listed)");
	/* Listed before a gate existed (an upgraded database): off the platform until it passes. */
	gates = bjxm_project_list(ctx, &broken,
							  "SELECT pg_catalog.string_agg(d.name OPERATOR(pg_catalog.||) ' (' OPERATOR(pg_catalog.||) "
							  "  g.g[1] OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) g.g[2] OPERATOR(pg_catalog.||) ')', "
							  "  '、' ORDER BY d.resource_id) "
							  "FROM bjxm.data_resources d CROSS JOIN LATERAL (SELECT bjxm._data_resource_gate(d) AS g) g "
							  "WHERE d.project_id OPERATOR(pg_catalog.=) $1 AND d.listed_at IS NOT NULL AND g.g IS NOT NULL "
							  "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0");
	if (gates != NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ023, BJ_ART_LISTING, 0,
					   psprintf("已上架而不满足上架条件的数据资源: %s。", gates),
					   "以 bjxm.delist_data_resource 下架, 按现行规则重新编目或分级, 重新审核审定后再上架。",
					   "已上架的数据资源不满足上架条件 (listed entries that break the data gates)");
}
