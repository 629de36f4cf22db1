/*
 * data.c — 第五章 数据管理: the data resource catalogue (第二十一条–
 * 第二十五条, 第二十九条).
 *
 * A unit catalogues the data its project produces (add_data_resource),
 * classifies it by level (GB/T 43697: 一般数据, 重要数据, 核心数据) and
 * records the 保密审查 (classify_data_resource); bigdata reviews each entry
 * and the government approves a unit's catalogue (第二十二条); only then
 * may the unit list it (上架, 第二十三条).  Listing refuses: BJ022 not
 * reviewed and approved; BJ023 no level, share/open type or 保密审查;
 * BJ025 opening data that is not 脱敏脱密; BJ029 sensitive data offered
 * for unconditional sharing.
 */
#include "postgres.h"

#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "bjxm.h"
#include "engine.h"
#include "errors.h"
#include "types.h"

/* Formats of 政务信息资源目录编制指南(试行). */
static const char *const formats[] = {"电子文件", "电子表格", "数据库", "图形图像", "流媒体", "自描述格式", "服务接口"};
static const char *const share_types[] = {"unconditional", "conditional", "none"};
static const char *const levels[] = {"一般数据", "重要数据", "核心数据"};


/* add_data_resource: the core metadata of the catalogue. */
static void
resource_rules(BjxmCtx *ctx)
{
	const char *name = bjxm_arg_text(ctx, "name", true);
	const char *summary = bjxm_arg_text(ctx, "summary", true);
	const char *format = bjxm_arg_text(ctx, "format", true);
	const char *share = bjxm_arg_text(ctx, "share_type", true);
	const char *open = bjxm_arg_text(ctx, "open_type", true);
	const char *cycle = bjxm_arg_text(ctx, "update_cycle", true);
	const char *classification = bjxm_arg_text(ctx, "classification", false);
	JsonbValue *items = bjxm_json_get(ctx->args, "items");

	if (name != NULL && name[strspn(name, " \t\r\n")] == '\0')
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "资源名称不能为空 (resource name is required)");
	if (summary != NULL && summary[strspn(summary, " \t\r\n")] == '\0')
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "须写明资源摘要 (summary is required: core metadata of the catalogue)");
	if (format != NULL && !bjxm_one_of(format, formats, lengthof(formats)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "资源格式“%s”无效, 应为电子文件、电子表格、数据库、图形图像、流媒体、自描述格式或服务接口 (unknown format)", format);
	if (share != NULL && !bjxm_one_of(share, share_types, lengthof(share_types)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "共享类型“%s”无效: unconditional | conditional | none", share);
	if (open != NULL && !bjxm_one_of(open, share_types, lengthof(share_types)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "开放类型“%s”无效: unconditional | conditional | none", open);
	if (cycle != NULL && cycle[strspn(cycle, " \t\r\n")] == '\0')
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "须写明更新周期 (update cycle is required)");
	if (share != NULL && strcmp(share, "conditional") == 0 && !bjxm_json_nonempty_text(ctx->args, "share_condition"))
		bjxm_violation(ctx, false, ERRCODE_BJ023, 24, 0, "有条件共享的资源须写明共享条件 (share_condition)。",
					   "按第二十四条明确共享条件、共享服务方式和数据提供方式。",
					   "有条件共享的数据资源须明确共享条件 (conditional sharing needs its condition)");
	if (classification != NULL &&
		!DatumGetBool(DirectFunctionCall2Coll(textregexeq, C_COLLATION_OID, CStringGetTextDatum(classification),
										  CStringGetTextDatum("^[0-9]{1,2}(-[0-9]{1,3}){3}$"))))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "资源分类“%s”应为“类-项-目-细目”的数字代码, 如 1-02-003-004 (classification)", classification);
	if (items == NULL || items->type != jbvBinary || !JsonContainerIsArray(items->val.binary.data) ||
		JsonContainerSize(items->val.binary.data) == 0)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "信息项须为非空数组 [{name, type}] (items must list the information items)");
	else
	{
		JsonbIterator *it = JsonbIteratorInit(items->val.binary.data);
		JsonbValue	v;
		JsonbIteratorToken tok;

		while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		{
			if (tok != WJB_ELEM)
				continue;
			if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "每个信息项须为 {\"name\", \"type\"} (each item needs name and type)");
				break;
			}
			else
			{
				Jsonb	   *o = JsonbValueToJsonb(&v);

				if (!bjxm_json_nonempty_text(o, "name") || !bjxm_json_nonempty_text(o, "type"))
				{
					bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "每个信息项须有 name 和 type (each item needs name and type)");
					break;
				}
			}
		}
	}
}

/* Insert the entry; its resource code is 类-项-目-细目 / sequence. */
static void
resource_apply(BjxmCtx *ctx)
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
			  3, types, values, NULL, false);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	bjxm_move(ctx, ctx->state, psprintf("数据资源 %lld: %s", (long long) ctx->result, bjxm_arg_text(ctx, "name", false)));
}

static const BjxmActionDef data_actions[] = {
	{BJ_A_ADD_DATA_RESOURCE, NULL, resource_rules, resource_apply},
};

/* The handler of a 第五章 action, or NULL. */
const BjxmActionDef *
bjxm_data_action(bj_action act)
{
	for (size_t i = 0; i < lengthof(data_actions); i++)
		if (data_actions[i].act == act)
			return &data_actions[i];
	return NULL;
}

/* ---------------------------------------------------------------- */
/* Actions on a catalogue entry                                      */
/* ---------------------------------------------------------------- */

/* A catalogue entry, loaded for an action on it. */
typedef struct Resource
{
	int64		id;
	int64		project_id;
	HeapTuple	row;
	TupleDesc	desc;
} Resource;

/* A column of the entry. */
static Datum
rcol(Resource *r, const char *name, bool *isnull)
{
	return SPI_getbinval(r->row, r->desc, SPI_fnumber(r->desc, name), isnull);
}

/* A text column of the entry (NULL if null). */
static char *
rtext(Resource *r, const char *name)
{
	return SPI_getvalue(r->row, r->desc, SPI_fnumber(r->desc, name));
}

/*
 * Load the entry (locked unless check_only), its project visible to the
 * actor (42501 alike for absent and invisible), and check the duty.
 */
static void
load_resource(BjxmCtx *ctx, Resource *r, int64 id, const bj_transition *tr)
{
	static SPIPlanPtr lock = NULL;
	static SPIPlanPtr read = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		isnull;
	bool		found;

	values[0] = Int64GetDatum(id);
	r->id = id;
	found = bjxm_exec(ctx->check_only ? &read : &lock,
					  ctx->check_only ? "SELECT d.* FROM bjxm.data_resources d WHERE d.resource_id OPERATOR(pg_catalog.=) $1"
					  : "SELECT d.* FROM bjxm.data_resources d WHERE d.resource_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
					  1, types, values, NULL, false) == 1;
	if (found)
	{
		r->row = SPI_tuptable->vals[0];
		r->desc = SPI_tuptable->tupdesc;
		r->project_id = DatumGetInt64(rcol(r, "project_id", &isnull));
		ctx->has_project = true;
		ctx->project_id = r->project_id;
		ctx->tr = tr;
		found = bjxm_try_load_visible_project(ctx);
	}
	/* Absent and invisible look alike: the entry's project is not named. */
	if (!found)
	{
		bjxm_log_refusal(ERRCODE_INSUFFICIENT_PRIVILEGE, bjxm_clause_cstring(22, 0), ctx->action, 0);
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("%s: 数据资源 %lld 不存在或无权访问 (no such data resource, or not visible)",
						bjxm_clause_cstring(22, 0), (long long) id)));
	}
	bjxm_check_duty(ctx, tr->duties, NULL);
}

/* Record an event about an entry, on its project. */
static void
resource_event(BjxmCtx *ctx, Resource *r, const char *note)
{
	ctx->details = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(
		psprintf("{\"resource_id\": " INT64_FORMAT "}", r->id))));
	bjxm_move(ctx, ctx->state, note);
}

static const bj_transition classify_tr = {0, 0, BJ_DUTY_USER_UNIT, 23, 0};
static const bj_transition review_tr = {0, 0, BJ_DUTY_BIGDATA, 22, 0};
static const bj_transition list_tr = {0, 0, BJ_DUTY_USER_UNIT, 23, 0};

PG_FUNCTION_INFO_V1(bjxm_classify_data_resource);
/* bjxm.classify_data_resource(id, level, secrecy_reviewed): 分类分级 and 保密审查 (第二十三条). */
Datum
bjxm_classify_data_resource(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr plan = NULL;
	BjxmCtx		ctx;
	Resource	r;
	char	   *level;
	Oid			types[3] = {INT8OID, TEXTOID, BOOLOID};
	Datum		values[3];

	memset(&ctx, 0, sizeof(ctx));
	ctx.action = "classify_data_resource";
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						errmsg("%s: 资源、级别和保密审查结论不能为空 (id, level and secrecy_reviewed are required)",
							   bjxm_clause_cstring(23, 0))));
	level = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	load_resource(&ctx, &r, PG_GETARG_INT64(0), &classify_tr);
	if (!bjxm_one_of(level, levels, lengthof(levels)))
		bjxm_arg_error(&ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "数据级别“%s”无效, 应为一般数据、重要数据或核心数据 (GB/T 43697 level)", level);
	values[0] = Int64GetDatum(r.id);
	values[1] = CStringGetTextDatum(level);
	values[2] = BoolGetDatum(PG_GETARG_BOOL(2));
	bjxm_exec(&plan, "UPDATE bjxm.data_resources SET level = $2, secrecy_reviewed = $3 "
			  "WHERE resource_id OPERATOR(pg_catalog.=) $1", 3, types, values, NULL, false);
	resource_event(&ctx, &r, psprintf("%s; 保密审查%s", level, PG_GETARG_BOOL(2) ? "已完成" : "未完成"));
	SPI_finish();
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(bjxm_review_data_resource);
/* bjxm.review_data_resource(id, passed): bigdata reviews a catalogue entry (第二十二条). */
Datum
bjxm_review_data_resource(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr plan = NULL;
	BjxmCtx		ctx;
	Resource	r;
	Oid			types[2] = {INT8OID, BOOLOID};
	Datum		values[2];

	memset(&ctx, 0, sizeof(ctx));
	ctx.action = "review_data_resource";
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						errmsg("%s: 资源和审核结论不能为空 (id and passed are required)", bjxm_clause_cstring(22, 0))));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	load_resource(&ctx, &r, PG_GETARG_INT64(0), &review_tr);
	values[0] = Int64GetDatum(r.id);
	values[1] = BoolGetDatum(PG_GETARG_BOOL(1));
	/* A new review supersedes the government's approval of the old one. */
	bjxm_exec(&plan, "UPDATE bjxm.data_resources SET review_passed = $2, reviewed_at = pg_catalog.clock_timestamp(), "
			  "approved_at = NULL WHERE resource_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL, false);
	resource_event(&ctx, &r, PG_GETARG_BOOL(1) ? "目录审核通过" : "目录审核未通过");
	SPI_finish();
	PG_RETURN_VOID();
}

/* 第二十二条, 第二十三条, 第二十五条, 第二十九条: may the entry be listed? */
static void
listing_rules(BjxmCtx *ctx, Resource *r, bool desensitized)
{
	bool		n1,
				n2,
				n3,
				n4;
	Datum		passed = rcol(r, "review_passed", &n1);
	Datum		approved_unused = rcol(r, "approved_at", &n2);
	char	   *level = rtext(r, "level");
	char	   *classification = rtext(r, "classification");
	Datum		secrecy = rcol(r, "secrecy_reviewed", &n3);
	char	   *share = rtext(r, "share_type");
	char	   *open = rtext(r, "open_type");
	bool		sensitive = DatumGetBool(rcol(r, "sensitive", &n4));

	(void) approved_unused;

	if (n1 || !DatumGetBool(passed) || n2)
		bjxm_violation(ctx, false, ERRCODE_BJ022, 22, 0,
					   psprintf("大数据部门审核: %s; 市人民政府审定: %s。",
								n1 ? "未审核" : (DatumGetBool(passed) ? "通过" : "未通过"), n2 ? "未审定" : "已审定"),
					   "目录经大数据部门审核 (review_data_resource) 和市人民政府审定 (approve_catalogue) 后方可上架。",
					   "数据资源目录未经审核和审定, 不能上架 (not reviewed and approved)");
	if (classification == NULL || level == NULL || n3 || !DatumGetBool(secrecy) || share == NULL || open == NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ023, 23, 0,
					   psprintf("分类: %s; 分级: %s; 保密审查: %s; 共享类型: %s; 开放类型: %s。",
								classification ? classification : "未分类 (无资源代码)",
								level ? level : "未定级", (!n3 && DatumGetBool(secrecy)) ? "已完成" : "未完成",
								share ? share : "未明确", open ? open : "未明确"),
					   "编目时给出资源分类 (类-项-目-细目), 并由用户单位以 bjxm.classify_data_resource 定级、完成保密审查。",
					   "上架前须完成分类分级、明确共享开放类型并做好保密审查 (classification, share/open type or secrecy review missing)");
	if (open != NULL && strcmp(open, "none") != 0 && !desensitized)
		bjxm_violation(ctx, false, ERRCODE_BJ025, 25, 0,
					   psprintf("开放类型为 %s, 未声明已脱敏脱密。", open),
					   "对拟开放数据进行脱敏脱密处理后, 以 desensitized => true 上架。",
					   "拟开放的数据须先脱敏脱密 (opening data that is not desensitized)");
	if (sensitive && share != NULL && strcmp(share, "unconditional") == 0)
		bjxm_violation(ctx, false, ERRCODE_BJ029, 29, 0, "资源标记为涉及商业秘密、个人隐私等敏感数据, 共享类型为无条件共享。",
					   "敏感数据改为有条件共享并写明条件, 或脱敏后作为非敏感数据编目。",
					   "涉及商业秘密、个人隐私的敏感数据不得无条件共享 (sensitive data offered for unconditional sharing)");
}

/* Shared by list_data_resource and check_data_resource. */
static List *
run_listing(FunctionCallInfo fcinfo, bool check_only, MemoryContext cxt)
{
	static SPIPlanPtr plan = NULL;
	BjxmCtx		ctx;
	Resource	r;
	bool		desensitized = PG_ARGISNULL(1) ? false : PG_GETARG_BOOL(1);
	Oid			types[2] = {INT8OID, BOOLOID};
	Datum		values[2];
	List	   *found = NIL;

	memset(&ctx, 0, sizeof(ctx));
	ctx.action = "list_data_resource";
	ctx.check_only = check_only;
	if (PG_ARGISNULL(0))
		ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						errmsg("%s: 须指明数据资源 (id is required)", bjxm_clause_cstring(23, 0))));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	load_resource(&ctx, &r, PG_GETARG_INT64(0), &list_tr);
	listing_rules(&ctx, &r, desensitized);
	if (check_only)
		found = bjxm_violations_copy(ctx.violations, cxt);
	else
	{
		bjxm_raise_findings(&ctx);
		values[0] = Int64GetDatum(r.id);
		values[1] = BoolGetDatum(desensitized);
		bjxm_exec(&plan, "UPDATE bjxm.data_resources SET listed_at = pg_catalog.clock_timestamp(), desensitized = $2, "
				  "published_on = bjxm.today() WHERE resource_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL, false);
		resource_event(&ctx, &r, "上架");
	}
	SPI_finish();
	return found;
}

PG_FUNCTION_INFO_V1(bjxm_list_data_resource);
/* bjxm.list_data_resource(id, desensitized): 上架 (第二十三条), with its gates. */
Datum
bjxm_list_data_resource(PG_FUNCTION_ARGS)
{
	run_listing(fcinfo, false, CurrentMemoryContext);
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(bjxm_check_data_resource);
/* bjxm.check_data_resource(id, desensitized) → setof violation: the listing's dry run. */
Datum
bjxm_check_data_resource(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	List	   *found;

	InitMaterializedSRF(fcinfo, 0);
	found = run_listing(fcinfo, true, rsinfo->econtext->ecxt_per_query_memory);
	bjxm_violations_emit(rsinfo, found);
	return (Datum) 0;
}
