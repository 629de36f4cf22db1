/*
 * lifecycle.c — the project's gates, 第五条–第二十条 and 第三十三条
 * (计划管理, 项目管理, 综合评估), as handlers run by engine.c for both the
 * action and bjxm.check.  The transition table itself is backend-free:
 * src/core/lifecycle.c.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "bjxm.h"
#include "engine.h"
#include "errors.h"
#include "types.h"
#include "uscc.h"
#include "utils/datetime.h"

#define TEXT_ARG(k)		bjxm_arg_text(ctx, (k), true)

/* ---------------------------------------------------------------- */
/* helpers                                                          */
/* ---------------------------------------------------------------- */

/* A required, non-blank text argument. */
static const char *
nonblank_arg(BjxmCtx *ctx, const char *key)
{
	const char *v = bjxm_arg_text(ctx, key, true);

	if (v != NULL)
	{
		for (const char *p = v; *p; p++)
			if (!isspace((unsigned char) *p))
				return v;
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 不能为空 (argument %s must not be blank)", key, key);
	}
	return NULL;
}

/* The party with this code: id, kind and uscc (as text); false if none. */
static bool
find_party(const char *code, int64 *id, char **kind, char **uscc)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bool		isnull;

	values[0] = CStringGetTextDatum(code);
	if (bjxm_exec(&plan, "SELECT p.party_id, p.kind, p.uscc::text FROM bjxm.parties p "
				  "WHERE p.code OPERATOR(pg_catalog.=) $1", 1, types, values, NULL, true) != 1)
		return false;
	*id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	*kind = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	*uscc = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
	return true;
}

/* A party argument that must be of the given kind; its id, or 0. */
static int64
party_arg(BjxmCtx *ctx, const char *key, const char *kind, char **uscc_out)
{
	const char *code = nonblank_arg(ctx, key);
	int64		id;
	char	   *kind_found;
	char	   *uscc;

	if (code == NULL)
		return 0;
	if (!find_party(code, &id, &kind_found, &uscc))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "第三方“%s”未登记 (no party %s)", code, code);
		return 0;
	}
	if (strcmp(kind_found, kind) != 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "“%s”是%s, 不是%s (party %s is of kind %s, not %s)",
					   code, kind_found, kind, code, kind_found, kind);
		return 0;
	}
	if (uscc_out)
		*uscc_out = uscc;
	return id;
}

/* Run a statement on the project: $1 = project_id, $2.. as given. */
static void
update_project(SPIPlanPtr *slot, BjxmCtx *ctx, const char *sql, int nargs, Oid *types, Datum *values,
			   const char *nulls)
{
	Oid			t[8];
	Datum		v[8];
	char		n[8];

	Assert(nargs < 8);
	t[0] = INT8OID;
	v[0] = Int64GetDatum(ctx->project_id);
	n[0] = ' ';
	for (int i = 0; i < nargs; i++)
	{
		t[i + 1] = types[i];
		v[i + 1] = values[i];
		n[i + 1] = nulls ? nulls[i] : ' ';
	}
	bjxm_exec(slot, sql, nargs + 1, t, v, n, false);
}

/* Record a review row. */
static void
insert_review(BjxmCtx *ctx, int64 party_id, const char *kind, const char *report_ref)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[5] = {INT8OID, INT8OID, TEXTOID, BOOLOID, TEXTOID};
	Datum		values[5];
	char		nulls[6] = "     ";

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int64GetDatum(party_id);
	nulls[1] = party_id ? ' ' : 'n';
	values[2] = CStringGetTextDatum(kind);
	values[3] = BoolGetDatum(ctx->passed);
	values[4] = report_ref ? CStringGetTextDatum(report_ref) : (Datum) 0;
	nulls[4] = report_ref ? ' ' : 'n';
	bjxm_exec(&plan, "INSERT INTO bjxm.reviews (project_id, party_id, kind, passed, report_ref, reviewer) "
			  "VALUES ($1, $2, $3, $4, $5, bjxm.acting_role())", 5, types, values, nulls, false);
}

/* The active entrusted institution for stage, or 0. */
static int64
entrusted_party(BjxmCtx *ctx, const char *stage)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(stage);
	if (bjxm_exec(&plan, "SELECT e.party_id FROM bjxm.entrustments e WHERE e.project_id OPERATOR(pg_catalog.=) $1 "
				  "AND e.stage OPERATOR(pg_catalog.=) $2 AND e.active", 2, types, values, NULL, true) != 1)
		return 0;
	return DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/* Whether the actor is a member of the party. */
static bool
actor_in_party(int64 party_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];

	values[0] = Int64GetDatum(party_id);
	return bjxm_exec(&plan, "SELECT 1 FROM bjxm.party_members m WHERE m.party_id OPERATOR(pg_catalog.=) $1 "
					 "AND m.member OPERATOR(pg_catalog.=) bjxm.acting_role()", 1, types, values, NULL, true) == 1;
}

/*
 * 第七条, 第十四条: only the institution entrusted for this stage records
 * its review.  Returns the entrusted party (0 if none).
 */
static int64
require_entrusted(BjxmCtx *ctx, const char *stage, int article)
{
	int64		party = entrusted_party(ctx, stage);

	if (party == 0)
	{
		bjxm_violation(ctx, false, ERRCODE_INSUFFICIENT_PRIVILEGE, article, 0,
					   "大数据部门须先以 bjxm.entrust_review 委托第三方评审机构。", NULL,
					   "项目 %lld 尚未委托评审机构评审%s (no institution entrusted)",
					   (long long) ctx->project_id, strcmp(stage, "demand_plan") == 0 ? "需求方案" : "服务方案");
		return 0;
	}
	if (ctx->duty && strcmp(ctx->duty, "superuser") != 0 && !actor_in_party(party))
		bjxm_violation(ctx, false, ERRCODE_INSUFFICIENT_PRIVILEGE, article, 0,
					   "评审只能由受委托的第三方评审机构记录。", NULL,
					   "角色“%s”不属于受委托评审本项目的机构 (not a member of the entrusted institution)",
					   bjxm_actor_name());
	return party;
}

/* ---------------------------------------------------------------- */
/* 第二条, 第十条: create_project                                      */
/* ---------------------------------------------------------------- */

/* create_project acts for the unit named in its arguments. */
static void
create_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	const char *unit = bjxm_arg_text(ctx, "unit", true);
	bool		isnull;

	if (unit == NULL)
		return;
	values[0] = CStringGetTextDatum(unit);
	if (bjxm_exec(&plan, "SELECT u.unit_id, u.region, u.kind::text, u.code::text FROM bjxm.units u "
				  "WHERE u.code OPERATOR(bjxm.=) $1::bjxm.uscc", 1, types, values, NULL, true) != 1)
	{
		bjxm_log_refusal(ERRCODE_INSUFFICIENT_PRIVILEGE, bjxm_clause_cstring(3, 0), ctx->action, 0);
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("%s: 单位 %s 不存在或无权访问 (no such unit, or not visible)", bjxm_clause_cstring(3, 0), unit)));
	}
	ctx->unit_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->unit_region = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	ctx->unit_kind = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
	ctx->unit_code = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4);
	ctx->unit_known = true;
}

/* 第二条 scope, 第十条 funding source, and the arguments. */
static void
create_rules(BjxmCtx *ctx)
{
	const char *category = bjxm_arg_text(ctx, "category", true);
	const char *fund = bjxm_arg_text(ctx, "fund", false);
	bool		present;
	bool		classified = bjxm_arg_bool(ctx, "classified", false, &present);
	int32		year = bjxm_arg_int(ctx, "plan_year", true, &present);
	JsonbValue *services = bjxm_json_get(ctx->args, "services");

	nonblank_arg(ctx, "name");
	bjxm_arg_amount(ctx, "estimate", true);
	if (category && !bjxm_enum_has("project_category", category))
		bjxm_arg_error(ctx, ERRCODE_INVALID_TEXT_REPRESENTATION, "未知的项目类别“%s” (unknown project category)", category);
	if (fund == NULL)
		fund = "municipal_fiscal";
	else if (!bjxm_enum_has("fund_source", fund))
		bjxm_arg_error(ctx, ERRCODE_INVALID_TEXT_REPRESENTATION, "未知的资金来源“%s” (unknown fund source)", fund);
	if (present && (year < 2000 || year > 2100))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "计划年度 %d 无效 (plan year out of range)", year);
	if (services == NULL || services->type != jbvBinary || !JsonContainerIsArray(services->val.binary.data)
		|| JsonContainerSize(services->val.binary.data) == 0)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "须至少列出一类服务: development、operation、supporting (at least one service kind)");

	/* 第二条: classified projects follow other rules. */
	if (classified)
		bjxm_violation(ctx, false, ERRCODE_BJ002, 2, 0,
					   "本办法适用于非涉密市级信息化项目。",
					   "涉密信息化项目按有关规定执行, 不纳入 bjxm 管理。",
					   "涉密信息化项目不适用本办法 (classified projects are out of scope)");
	/* 第十条: a 市属国企 project raises its own funds. */
	if (ctx->unit_kind && strcmp(ctx->unit_kind, "soe") == 0 && strcmp(fund, "self_raised") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, 10, 0,
					   psprintf("单位 %s 为市属国企, 资金来源为“%s”。", ctx->unit_code, fund),
					   "市属国企项目的资金来源应为 self_raised (自筹资金)。",
					   "属市属国企项目的, 由企业自行筹措建设资金 (an SOE project must be self-raised)");
}

/* Insert the project in draft. */
static void
create_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {JSONBOID};
	Datum		values[1];
	bool		isnull;
	char	   *sql;

	values[0] = JsonbPGetDatum(ctx->args);
	sql = psprintf("INSERT INTO bjxm.projects (unit_id, name, category, services, plan_year, estimate, fund) "
				   "SELECT " INT64_FORMAT ", pg_catalog.btrim(a->>'name'), (a->>'category')::bjxm.project_category, "
				   "ARRAY(SELECT pg_catalog.jsonb_array_elements_text(a->'services'))::bjxm.service_kind[], "
				   "(a->>'plan_year')::int, (a->>'estimate')::numeric, "
				   "COALESCE(a->>'fund', 'municipal_fiscal')::bjxm.fund_source "
				   "FROM (SELECT $1::jsonb AS a) s RETURNING project_id", ctx->unit_id);
	/* unit_id is part of the text: prepare afresh (rare action, no cache). */
	(void) plan;
	if (SPI_execute_with_args(sql, 1, types, values, NULL, false, 1) != SPI_OK_INSERT_RETURNING)
		elog(ERROR, "bjxm: project insert failed");
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->project_id = ctx->result;
	bjxm_record_event(ctx->project_id, false, ctx->unit_id, false, ctx->action,
					  (Datum) 0, true, bjxm_state_datum(BJ_S_DRAFT), false,
					  BjxmClausePack(2, 0), false, bjxm_arg_text(ctx, "name", false),
					  JsonbPGetDatum(ctx->args), false);
}

/* ---------------------------------------------------------------- */
/* 第五条, 第六条: demand plan, facts, declaration, withdrawal          */
/* ---------------------------------------------------------------- */

/* A plan argument must be a JSON object. */
static Jsonb *
plan_arg(BjxmCtx *ctx, const char *key)
{
	Jsonb	   *plan = bjxm_arg_jsonb(ctx, key, true);

	if (plan != NULL && !JB_ROOT_IS_OBJECT(plan))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "%s 须为 JSON 对象 (must be a JSON object)", key);
		return NULL;
	}
	return plan;
}

/* set_demand_plan: the plan is a JSON object. */
static void
demand_plan_rules(BjxmCtx *ctx)
{
	plan_arg(ctx, "plan");
}

/* Store the demand plan. */
static void
demand_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {JSONBOID};
	Datum		values[1];

	values[0] = JsonbPGetDatum(bjxm_arg_jsonb(ctx, "plan", true));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET demand_plan = $2, updated_at = pg_catalog.clock_timestamp() "
				   "WHERE project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	bjxm_move(ctx, ctx->state, NULL);
}

/* set_project_facts: known keys with the right JSON types. */
static void
facts_rules(BjxmCtx *ctx)
{
	static const char *const bool_keys[] = {"uses_third_party_system", "gov_service_integration_required",
	"gov_service_integrated", "domestic_crypto"};
	Jsonb	   *facts = plan_arg(ctx, "facts");
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (facts == NULL)
		return;
	it = JsonbIteratorInit(&facts->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		JsonbValue	val;
		bool		known = false;
		bool		is_bool = false;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		tok = JsonbIteratorNext(&it, &val, true);
		for (size_t i = 0; i < lengthof(bool_keys); i++)
			if (strcmp(key, bool_keys[i]) == 0)
				known = is_bool = true;
		if (strcmp(key, "deployment_site") == 0)
			known = true;
		if (!known)
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
						   "未知的项目事实“%s” (unknown fact; known: uses_third_party_system, deployment_site, "
						   "gov_service_integration_required, gov_service_integrated, domestic_crypto)", key);
		else if (is_bool && val.type != jbvBool)
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "项目事实 %s 应为 true 或 false (must be boolean)", key);
		else if (!is_bool && val.type != jbvString)
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "项目事实 %s 应为文本 (must be text)", key);
	}
}

/* Merge the facts into the project's. */
static void
facts_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {JSONBOID};
	Datum		values[1];

	values[0] = JsonbPGetDatum(bjxm_arg_jsonb(ctx, "facts", true));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET facts = facts OPERATOR(pg_catalog.||) $2, "
				   "updated_at = pg_catalog.clock_timestamp() WHERE project_id OPERATOR(pg_catalog.=) $1",
				   1, types, values, NULL);
	bjxm_move_written(ctx, ctx->state, NULL);	/* the state stays */
}

/* 第五条: the demand plan's sections and its 密码应用方案. */
static void
demand_plan_complete(BjxmCtx *ctx)
{
	static const char *const sections[][2] = {
		{"goals", "系统目标"}, {"service_content", "服务内容"}, {"functions", "功能应用"},
		{"data_resources", "数据资源"}, {"network", "网络部署"}, {"security", "安全保障"},
		{"cost_estimate", "经费估算"}};
	bool		isnull;
	Datum		d = bjxm_col(ctx, "demand_plan", &isnull);
	Jsonb	   *plan = isnull ? NULL : DatumGetJsonbP(d);
	StringInfoData missing;
	JsonbValue *crypto;
	int			n = 0;

	initStringInfo(&missing);
	for (size_t i = 0; i < lengthof(sections); i++)
		if (!bjxm_json_nonempty_text(plan, sections[i][0]))
			appendStringInfo(&missing, "%s%s(%s)", n++ ? "、" : "", sections[i][1], sections[i][0]);
	if (n > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ005, 5, 3,
					   psprintf("缺少 %d 项 (missing %d): %s", n, n, missing.data),
					   "以 bjxm.set_demand_plan 补全需求方案后再申报。",
					   "需求方案不完整, 缺少%s (demand plan incomplete)", missing.data);

	crypto = bjxm_json_get(plan, "crypto_plan");
	if (crypto == NULL || crypto->type != jbvBinary || !JsonContainerIsObject(crypto->val.binary.data))
		bjxm_violation(ctx, false, ERRCODE_BJ005, 5, 4, "需求方案缺少 crypto_plan。",
					   "crypto_plan = {\"assessed_by\": \"expert\"|\"third_party\", \"passed\": true, \"ref\": 报告编号}",
					   "密码应用方案须通过专家评审或第三方专业测评机构评估 (crypto plan missing)");
	else
	{
		Jsonb	   *c = JsonbValueToJsonb(crypto);
		JsonbValue *by = bjxm_json_get(c, "assessed_by");
		JsonbValue *passed = bjxm_json_get(c, "passed");
		bool		by_ok = by && by->type == jbvString &&
			((by->val.string.len == 6 && strncmp(by->val.string.val, "expert", 6) == 0) ||
			 (by->val.string.len == 11 && strncmp(by->val.string.val, "third_party", 11) == 0));
		bool		passed_ok = passed && passed->type == jbvBool && passed->val.boolean;

		if (!by_ok || !passed_ok || !bjxm_json_nonempty_text(c, "ref"))
			bjxm_violation(ctx, false, ERRCODE_BJ005, 5, 4,
						   psprintf("assessed_by %s, passed %s, ref %s",
									by_ok ? "有效" : "缺少或无效 (expert | third_party)",
									passed_ok ? "true" : "不是 true",
									bjxm_json_nonempty_text(c, "ref") ? "有" : "缺少"),
						   "取得专家评审或第三方测评的通过结论后, 记入 crypto_plan。",
						   "密码应用方案未通过专家评审或第三方专业测评机构评估 (crypto plan not passed)");
	}
}

/* declare: 第五条 plan complete, 第六条 next year's window. */
static void
declare_rules(BjxmCtx *ctx)
{
	bool		isnull;
	int			year = DatumGetInt32(bjxm_col(ctx, "plan_year", &isnull));
	int			y, m, d;

	demand_plan_complete(ctx);
	j2date(bjxm_today() + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	if (year != y + 1)
		bjxm_violation(ctx, false, ERRCODE_BJ006, 6, 0,
					   psprintf("项目计划年度为 %d, 今天 (bjxm.today) 为 %d 年。", year, y),
					   "用户单位申报的是次年拟实施项目; 其他年度的项目在相应年度申报, 入库项目可由大数据部门 carry_over 调整年度。",
					   "申报的计划年度须为次年 %d, 而项目为 %d 年 (plan year must be next year)", y + 1, year);
}

/* A reason argument, non-blank; becomes the event's note. */
static void
reason_rules(BjxmCtx *ctx)
{
	ctx->note = nonblank_arg(ctx, "reason");
}

/* ---------------------------------------------------------------- */
/* 第六条–第八条: preliminary review, entrusted review, library        */
/* ---------------------------------------------------------------- */

/* preliminary_review: note is optional text. */
static void
preliminary_rules(BjxmCtx *ctx)
{
	bool		present;

	bjxm_arg_bool(ctx, "passed", true, &present);
	ctx->note = bjxm_arg_text(ctx, "note", false);
}

/* Record the preliminary review and move. */
static void
preliminary_apply(BjxmCtx *ctx)
{
	insert_review(ctx, 0, "preliminary", NULL);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* The stage an entrustment is for, from the project's state. */
static const char *
entrust_stage(BjxmCtx *ctx)
{
	return (ctx->state == BJ_S_DECLARED || ctx->state == BJ_S_SHORTLISTED) ? "demand_plan" : "service_plan";
}

/* entrust_review: a registered reviewing institution. */
static void
entrust_rules(BjxmCtx *ctx)
{
	party_arg(ctx, "party", "reviewer", NULL);
}

/* Replace the active entrustment for the stage. */
static void
entrust_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr off = NULL;
	static SPIPlanPtr ins = NULL;
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		values[2];
	int64		party = party_arg(ctx, "party", "reviewer", NULL);

	values[0] = CStringGetTextDatum(entrust_stage(ctx));
	values[1] = Int64GetDatum(party);
	update_project(&off, ctx, "UPDATE bjxm.entrustments SET active = false WHERE project_id OPERATOR(pg_catalog.=) $1 "
				   "AND stage OPERATOR(pg_catalog.=) $2 AND active", 1, types, values, NULL);
	update_project(&ins, ctx, "INSERT INTO bjxm.entrustments (project_id, stage, party_id) VALUES ($1, $2, $3)",
				   2, types, values, NULL);
	bjxm_move(ctx, ctx->state, bjxm_arg_text(ctx, "party", false));
}

/* record_review: the entrusted institution, an outcome. */
static void
review_rules(BjxmCtx *ctx)
{
	bool		present;

	bjxm_arg_bool(ctx, "passed", true, &present);
	require_entrusted(ctx, "demand_plan", 7);
	ctx->note = bjxm_arg_text(ctx, "report_ref", false);
}

/* Record the review and move. */
static void
review_apply(BjxmCtx *ctx)
{
	insert_review(ctx, entrusted_party(ctx, "demand_plan"), "demand_plan", ctx->note);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* carry_over: a later plan year (第八条 动态调整). */
static void
carry_over_rules(BjxmCtx *ctx)
{
	bool		present;
	bool		isnull;
	int32		year = bjxm_arg_int(ctx, "plan_year", true, &present);
	int32		current = DatumGetInt32(bjxm_col(ctx, "plan_year", &isnull));

	if (present && (year <= current || year > 2100))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "调整后的计划年度 %d 须晚于当前的 %d (carry over to a later year)", year, current);
}

/* Move the project to the later year. */
static void
carry_over_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT4OID};
	Datum		values[1];
	bool		present;

	values[0] = Int32GetDatum(bjxm_arg_int(ctx, "plan_year", true, &present));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET plan_year = $2, updated_at = pg_catalog.clock_timestamp() "
				   "WHERE project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	bjxm_move(ctx, ctx->state, psprintf("%d", DatumGetInt32(values[0])));
}

/* propose_for_plan: no new money for a unit under a hold (第三十一条). */
static void
propose_rules(BjxmCtx *ctx)
{
	bjxm_rule_rectification_hold(ctx, true);
}

/* ---------------------------------------------------------------- */
/* 第十三条, 第十四条, 第三十四条: service plan and its reviews          */
/* ---------------------------------------------------------------- */

/* 第十三条: the service plan's sections. */
static void
service_plan_complete(BjxmCtx *ctx, Jsonb *plan)
{
	static const char *const sections[][2] = {
		{"service_content", "服务内容"}, {"budget", "经费预算"}, {"functions", "功能应用"},
		{"data_resources", "数据资源"}, {"network", "网络部署"}, {"security", "安全保障"},
		{"technical_route", "技术路线"}, {"crypto_solution", "密码应用解决方案"},
		{"schedule", "进度安排"}, {"service_guarantee", "服务保障"}, {"training_plan", "培训计划"}};
	StringInfoData missing;
	int			n = 0;

	if (plan == NULL)
		return;
	initStringInfo(&missing);
	for (size_t i = 0; i < lengthof(sections); i++)
		if (!bjxm_json_nonempty_text(plan, sections[i][0]))
			appendStringInfo(&missing, "%s%s(%s)", n++ ? "、" : "", sections[i][1], sections[i][0]);
	if (n > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ013, 13, 0,
					   psprintf("缺少 %d 项 (missing %d): %s", n, n, missing.data),
					   "补全服务方案的各部分后再报送。",
					   "服务方案不完整, 缺少%s (service plan incomplete)", missing.data);
}

/* submit_service_plan: complete (第十三条). */
static void
submit_service_plan_rules(BjxmCtx *ctx)
{
	service_plan_complete(ctx, plan_arg(ctx, "plan"));
}

/* Store the service plan and move. */
static void
service_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {JSONBOID};
	Datum		values[1];

	values[0] = JsonbPGetDatum(bjxm_arg_jsonb(ctx, "plan", true));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET service_plan = $2, updated_at = pg_catalog.clock_timestamp() "
				   "WHERE project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	bjxm_move(ctx, bjxm_next_state(ctx), NULL);
}

/* approve_service_plan: the entrusted institution; a control price if passed. */
static void
approve_service_plan_rules(BjxmCtx *ctx)
{
	bool		present;

	bjxm_arg_bool(ctx, "passed", true, &present);
	require_entrusted(ctx, "service_plan", 14);
	if (ctx->passed)
		bjxm_arg_amount(ctx, "tender_control_price", true);
	ctx->note = bjxm_arg_text(ctx, "report_ref", false);
}

/* Record the review (and the control price) and move. */
static void
approve_service_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {NUMERICOID};
	Datum		values[1];

	if (ctx->passed)
	{
		values[0] = NumericGetDatum(bjxm_arg_amount(ctx, "tender_control_price", true));
		update_project(&plan, ctx, "UPDATE bjxm.projects SET control_price = $2 WHERE project_id OPERATOR(pg_catalog.=) $1",
					   1, types, values, NULL);
	}
	insert_review(ctx, entrusted_party(ctx, "service_plan"), "service_plan", ctx->note);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* record_city_review is the city bigdata department's (第三十四条). */
static void
city_review_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	*region = "520500";
}

/* record_city_review: an outcome. */
static void
city_review_rules(BjxmCtx *ctx)
{
	bool		present;

	bjxm_arg_bool(ctx, "passed", true, &present);
	ctx->note = bjxm_arg_text(ctx, "note", false);
}

/* Record the city review and move. */
static void
city_review_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {BOOLOID};
	Datum		values[1];

	values[0] = BoolGetDatum(ctx->passed);
	update_project(&plan, ctx, "UPDATE bjxm.projects SET city_review_passed = $2 WHERE project_id OPERATOR(pg_catalog.=) $1",
				   1, types, values, NULL);
	insert_review(ctx, 0, "city", ctx->note);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* ---------------------------------------------------------------- */
/* 第十五条, 第十六条, 第二十八条, 第三十四条: procurement and contract   */
/* ---------------------------------------------------------------- */

/* 第三十四条: which of its items require a city-level review (0 = none). */
static int
city_review_item(BjxmCtx *ctx)
{
	bool		isnull;
	const char *fund = bjxm_col_text(ctx, "fund");
	Datum		facts_d = bjxm_col(ctx, "facts", &isnull);
	Jsonb	   *facts = isnull ? NULL : DatumGetJsonbP(facts_d);
	JsonbValue *third = bjxm_json_get(facts, "uses_third_party_system");
	bool		city_unit = strcmp(ctx->unit_region, "520500") == 0;
	Datum		amount;

	if (city_unit && third && third->type == jbvBool && third->val.boolean)
		return 1;
	if (strcmp(fund, "superior") == 0 || strcmp(fund, "self_raised") == 0)
		return 2;
	if (!city_unit)
	{
		amount = bjxm_col(ctx, "budget", &isnull);
		if (isnull)
			amount = bjxm_col(ctx, "estimate", &isnull);
		if (bjxm_numeric_cmp(DatumGetNumeric(amount), bjxm_setting_numeric("county_review_threshold")) >= 0)
			return 3;
	}
	return 0;
}

/* Whether the vendor's USCC is that of an institution that reviewed or designed this project (第十五条). */
static const char *
conflicting_party(BjxmCtx *ctx, const char *vendor_uscc)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(vendor_uscc);
	if (bjxm_exec(&plan,
				  "SELECT p.code || ' (' || x.role || ')' FROM ("
				  "  SELECT e.party_id, '受委托评审' AS role FROM bjxm.entrustments e WHERE e.project_id OPERATOR(pg_catalog.=) $1"
				  "  UNION SELECT r.party_id, '评审' FROM bjxm.reviews r WHERE r.project_id OPERATOR(pg_catalog.=) $1 AND r.party_id IS NOT NULL"
				  "  UNION SELECT d.party_id, '咨询设计' FROM bjxm.projects j"
				  "        CROSS JOIN LATERAL (VALUES (j.demand_plan->>'designed_by'), (j.service_plan->>'designed_by')) v(code)"
				  "        JOIN bjxm.parties d ON d.code OPERATOR(pg_catalog.=) v.code"
				  "        WHERE j.project_id OPERATOR(pg_catalog.=) $1"
				  ") x JOIN bjxm.parties p ON p.party_id OPERATOR(pg_catalog.=) x.party_id "
				  "WHERE p.uscc::text OPERATOR(pg_catalog.=) $2 ORDER BY 1 LIMIT 1",
				  2, types, values, NULL, true) != 1)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* record_procurement: 第十四条 control price, 第十五条 conflict, 第三十四条 city review. */
static void
procurement_rules(BjxmCtx *ctx)
{
	char	   *vendor_uscc = NULL;
	int64		vendor = party_arg(ctx, "vendor", "vendor", &vendor_uscc);
	Numeric		amount = bjxm_arg_amount(ctx, "amount", true);
	const char *method = bjxm_arg_text(ctx, "method", true);
	bool		isnull;
	Datum		cp = bjxm_col(ctx, "control_price", &isnull);
	int			item;

	if (method && !bjxm_enum_has("procurement_method", method))
		bjxm_arg_error(ctx, ERRCODE_INVALID_TEXT_REPRESENTATION, "未知的采购方式“%s” (unknown procurement method)", method);
	if (amount != NULL && !isnull && bjxm_numeric_cmp(amount, DatumGetNumeric(cp)) > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ014, 14, 0,
					   psprintf("采购金额 %s 元, 经评审的招标控制价 %s 元。", bjxm_numeric_text(amount),
								bjxm_numeric_text(DatumGetNumeric(cp))),
					   "采购金额不得超过经第三方评审机构评审的招标控制价。",
					   "采购金额 %s 元超过招标控制价 %s 元 (above the reviewed control price)",
					   bjxm_numeric_text(amount), bjxm_numeric_text(DatumGetNumeric(cp)));
	if (vendor != 0 && vendor_uscc != NULL)
	{
		const char *who = conflicting_party(ctx, vendor_uscc);

		if (who != NULL)
			bjxm_violation(ctx, false, ERRCODE_BJ015, 15, 0,
						   psprintf("服务单位的统一社会信用代码 %s 与本项目的 %s 相同。", vendor_uscc, who),
						   "依政府采购法实施条例第十八条, 为项目提供评审或设计服务的单位不得参加该项目的采购。",
						   "服务单位与本项目的评审或咨询设计单位为同一单位 (vendor reviewed or designed this project)");
	}
	if (vendor != 0)
		bjxm_rule_vendor_score(ctx, bjxm_arg_text(ctx, "vendor", false));
	item = city_review_item(ctx);
	if (item != 0)
	{
		Datum		d = bjxm_col(ctx, "city_review_passed", &isnull);

		if (isnull || !DatumGetBool(d))
			bjxm_violation(ctx, false, ERRCODE_BJ034, 34, item,
						   item == 1 ? "市级单位采用第三方信息系统开展业务工作。"
						   : item == 2 ? "项目使用上级资金或自行筹措资金。"
						   : "县级项目预算(未安排时为估算)达到 county_review_threshold。",
						   "由市级大数据部门以 bjxm.record_city_review 评审服务方案。",
						   "项目服务方案须经市级大数据部门评审而%s (city-level review required)",
						   isnull ? "未评审" : "评审未通过");
	}
}

/* Record the procurement and move. */
static void
procurement_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, NUMERICOID, TEXTOID};
	Datum		values[3];

	values[0] = Int64GetDatum(party_arg(ctx, "vendor", "vendor", NULL));
	values[1] = NumericGetDatum(bjxm_arg_amount(ctx, "amount", true));
	values[2] = CStringGetTextDatum(bjxm_arg_text(ctx, "method", true));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET vendor_party_id = $2, procurement_amount = $3, "
				   "procurement_method = $4::bjxm.procurement_method, updated_at = pg_catalog.clock_timestamp() "
				   "WHERE project_id OPERATOR(pg_catalog.=) $1", 3, types, values, NULL);
	bjxm_move(ctx, bjxm_next_state(ctx), bjxm_arg_text(ctx, "vendor", false));
}

/* The procured vendor's party code. */
static char *
vendor_code(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];

	values[0] = Int64GetDatum(ctx->project_id);
	if (bjxm_exec(&plan, "SELECT v.code FROM bjxm.projects j JOIN bjxm.parties v ON v.party_id OPERATOR(pg_catalog.=) j.vendor_party_id "
				  "WHERE j.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL, true) != 1)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* sign_contract: 第十六条 three parties, 第二十八条 security obligations. */
static void
contract_rules(BjxmCtx *ctx)
{
	static const char *const obligations[][2] = {
		{"emergency_response", "服务应急处置机制"}, {"annual_security_test", "每年信息安全检测"},
		{"crypto_assessment", "密码安全性评估"}, {"risk_assessment", "风险评估"},
		{"report_results", "结果报送大数据部门、公安部门及密码管理部门"}};
	Jsonb	   *terms = plan_arg(ctx, "terms");
	JsonbValue *parties_v;
	Jsonb	   *parties = NULL;
	StringInfoData wrong;
	StringInfoData missing;
	int			nwrong = 0,
				nmissing = 0;
	char	   *vendor = vendor_code(ctx);

	nonblank_arg(ctx, "contract_no");
	if (terms == NULL)
		return;
	initStringInfo(&wrong);
	parties_v = bjxm_json_get(terms, "parties");
	if (parties_v && parties_v->type == jbvBinary && JsonContainerIsObject(parties_v->val.binary.data))
		parties = JsonbValueToJsonb(parties_v);
	if (!bjxm_json_nonempty_text(parties, "bigdata"))
		appendStringInfo(&wrong, "%s大数据部门(bigdata)未签署", nwrong++ ? "; " : "");
	{
		JsonbValue *u = bjxm_json_get(parties, "user_unit");

		if (u == NULL || u->type != jbvString)
			appendStringInfo(&wrong, "%s用户单位(user_unit)未签署", nwrong++ ? "; " : "");
		else
		{
			char	   *given = pnstrdup(u->val.string.val, u->val.string.len);
			char		canon[BJ_USCC_LEN + 1];

			bool		same = bj_uscc_parse(given, strlen(given), canon, NULL) == BJ_USCC_OK;

			canon[BJ_USCC_LEN] = '\0';
			if (!same || strcmp(canon, ctx->unit_code) != 0)
				appendStringInfo(&wrong, "%s用户单位为 %s, 而项目单位为 %s", nwrong++ ? "; " : "", given, ctx->unit_code);
		}
	}
	{
		JsonbValue *v = bjxm_json_get(parties, "vendor");

		if (v == NULL || v->type != jbvString)
			appendStringInfo(&wrong, "%s项目服务单位(vendor)未签署", nwrong++ ? "; " : "");
		else if (vendor == NULL || (int) strlen(vendor) != v->val.string.len ||
				 strncmp(vendor, v->val.string.val, v->val.string.len) != 0)
			appendStringInfo(&wrong, "%s服务单位为 %.*s, 而采购确定的是 %s", nwrong++ ? "; " : "",
							 v->val.string.len, v->val.string.val, vendor ? vendor : "(无)");
	}
	if (nwrong > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ016, 16, 0, wrong.data,
					   "terms->'parties' = {\"bigdata\": 签署人, \"user_unit\": 项目单位代码, \"vendor\": 采购确定的服务单位代号}",
					   "合同须由大数据部门、用户单位与项目服务单位三方签订 (three-party contract required)");

	initStringInfo(&missing);
	for (size_t i = 0; i < lengthof(obligations); i++)
	{
		JsonbValue *o = bjxm_json_get(terms, obligations[i][0]);

		if (o == NULL || o->type != jbvBool || !o->val.boolean)
			appendStringInfo(&missing, "%s%s(%s)", nmissing++ ? "、" : "", obligations[i][1], obligations[i][0]);
	}
	if (nmissing > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ028, 28, 0,
					   psprintf("缺少 %d 项 (missing %d): %s", nmissing, nmissing, missing.data),
					   "在合同条款中明确约定这些义务 (true)。",
					   "合同未明确约定%s (contract lacks security obligations)", missing.data);
}

/* Record the contract and move. */
static void
contract_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {TEXTOID, JSONBOID};
	Datum		values[2];

	values[0] = CStringGetTextDatum(bjxm_arg_text(ctx, "contract_no", true));
	values[1] = JsonbPGetDatum(bjxm_arg_jsonb(ctx, "terms", true));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET contract_no = pg_catalog.btrim($2), contract_terms = $3, "
				   "updated_at = pg_catalog.clock_timestamp() WHERE project_id OPERATOR(pg_catalog.=) $1",
				   2, types, values, NULL);
	bjxm_move(ctx, bjxm_next_state(ctx), bjxm_arg_text(ctx, "contract_no", false));
}

/* ---------------------------------------------------------------- */
/* 第二十条: acceptance by two actors                                 */
/* ---------------------------------------------------------------- */

/* The side an actor signs for: its duty; a superuser takes the side missing. */
static const char *
acceptance_side(BjxmCtx *ctx, bool *bigdata_signed)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];

	values[0] = Int64GetDatum(ctx->project_id);
	*bigdata_signed = bjxm_exec(&plan, "SELECT 1 FROM bjxm.acceptance_signatures s WHERE s.project_id OPERATOR(pg_catalog.=) $1 "
								"AND s.duty OPERATOR(pg_catalog.=) 'bigdata'", 1, types, values, NULL, true) == 1;
	if (ctx->duty == NULL)
		return NULL;
	if (strcmp(ctx->duty, "superuser") == 0)
		return *bigdata_signed ? "user_unit" : "bigdata";
	return ctx->duty;
}

/* sign_acceptance: no actor twice, no side twice (BJ020). */
static void
acceptance_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		present;
	bool		bigdata_signed;
	const char *side;
	uint64		n;

	bjxm_arg_bool(ctx, "passed", true, &present);
	ctx->note = bjxm_arg_text(ctx, "note", false);
	side = acceptance_side(ctx, &bigdata_signed);
	if (side == NULL)
		return;
	values[0] = Int64GetDatum(ctx->project_id);
	n = bjxm_exec(&plan, "SELECT s.signer, s.duty FROM bjxm.acceptance_signatures s "
				  "WHERE s.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL, true);
	for (uint64 i = 0; i < n; i++)
	{
		char	   *signer = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		char	   *duty = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

		if (strcmp(signer, bjxm_actor_name()) == 0)
			bjxm_violation(ctx, false, ERRCODE_BJ020, 20, 0,
						   psprintf("角色 %s 已代表%s签署。", signer, strcmp(duty, "bigdata") == 0 ? "大数据部门" : "用户单位"),
						   "验收须由用户单位与大数据部门各一人签署。",
						   "同一角色不能签署验收两次 (the same actor cannot sign twice)");
		else if (strcmp(duty, side) == 0)
			bjxm_violation(ctx, false, ERRCODE_BJ020, 20, 0,
						   psprintf("%s方已由 %s 签署。", strcmp(duty, "bigdata") == 0 ? "大数据部门" : "用户单位", signer),
						   "另一方须由另一职责的角色签署。",
						   "%s已签署验收, 须由另一方签署 (that side has signed already)",
						   strcmp(duty, "bigdata") == 0 ? "大数据部门" : "用户单位");
	}
}

/* Record the signature; accepted once both sides have signed passed. */
static void
acceptance_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr clear = NULL;
	static SPIPlanPtr ins = NULL;
	static SPIPlanPtr count = NULL;
	Oid			types[3] = {TEXTOID, BOOLOID, TEXTOID};
	Datum		values[3];
	char		nulls[3] = {' ', ' ', ' '};
	bool		bigdata_signed;
	const char *side = acceptance_side(ctx, &bigdata_signed);

	if (!ctx->passed)
	{
		/* A failed signature clears the other: acceptance starts over. */
		update_project(&clear, ctx, "DELETE FROM bjxm.acceptance_signatures WHERE project_id OPERATOR(pg_catalog.=) $1",
					   0, NULL, NULL, NULL);
		bjxm_move(ctx, BJ_S_IMPLEMENTING, ctx->note ? ctx->note : "验收未通过");
		return;
	}
	values[0] = CStringGetTextDatum(side);
	values[1] = BoolGetDatum(true);
	values[2] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[2] = ctx->note ? ' ' : 'n';
	update_project(&ins, ctx, "INSERT INTO bjxm.acceptance_signatures (project_id, signer, duty, passed, note) "
				   "VALUES ($1, bjxm.acting_role(), $2, $3, $4)", 3, types, values, nulls);
	if (bjxm_exec(&count, "SELECT 1 FROM bjxm.acceptance_signatures s WHERE s.project_id OPERATOR(pg_catalog.=) $1 "
				  "HAVING pg_catalog.count(DISTINCT s.duty) OPERATOR(pg_catalog.=) 2",
				  1, (Oid[]) {INT8OID}, (Datum[]) {Int64GetDatum(ctx->project_id)}, NULL, true) == 1)
		bjxm_move(ctx, BJ_S_ACCEPTED, ctx->note ? ctx->note : psprintf("%s 签署, 双方通过", side));
	else
		bjxm_move(ctx, BJ_S_IMPLEMENTING, ctx->note ? ctx->note : psprintf("%s 签署", side));
}

/* ---------------------------------------------------------------- */
/* 第三十三条: comprehensive evaluation                                */
/* ---------------------------------------------------------------- */

/* A score 0–100. */
static Numeric
score_arg(BjxmCtx *ctx, const char *key)
{
	Numeric		n = bjxm_arg_numeric(ctx, key, true);

	if (n != NULL && (numeric_is_nan(n) || numeric_is_inf(n) ||
					  bjxm_numeric_cmp(n, int64_to_numeric(0)) < 0 ||
					  bjxm_numeric_cmp(n, int64_to_numeric(100)) > 0 ||
					  DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(n))) > 2))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "评分 %s = %s 须在 0 与 100 之间, 最多两位小数 (score 0–100)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	return n;
}

/* record_evaluation: an evaluating institution and three scores. */
static void
evaluation_rules(BjxmCtx *ctx)
{
	party_arg(ctx, "party", "evaluator", NULL);
	score_arg(ctx, "unit_score");
	score_arg(ctx, "vendor_score");
	score_arg(ctx, "reviewer_score");
	ctx->note = bjxm_arg_text(ctx, "report_ref", false);
}

/* Record the evaluation and move. */
static void
evaluation_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[5] = {INT8OID, NUMERICOID, NUMERICOID, NUMERICOID, TEXTOID};
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};

	values[0] = Int64GetDatum(party_arg(ctx, "party", "evaluator", NULL));
	values[1] = NumericGetDatum(score_arg(ctx, "unit_score"));
	values[2] = NumericGetDatum(score_arg(ctx, "vendor_score"));
	values[3] = NumericGetDatum(score_arg(ctx, "reviewer_score"));
	values[4] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[4] = ctx->note ? ' ' : 'n';
	update_project(&plan, ctx, "INSERT INTO bjxm.evaluations (project_id, party_id, unit_score, vendor_score, reviewer_score, report_ref) "
				   "VALUES ($1, $2, $3, $4, $5, $6)", 5, types, values, nulls);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* ---------------------------------------------------------------- */
/* 第十二条: postpone, terminate, resume                              */
/* ---------------------------------------------------------------- */

/* Remember the state left, then postpone. */
static void
postpone_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2];
	bj_state	next = bjxm_next_state(ctx);

	values[0] = CStringGetTextDatum(bj_state_name(ctx->state));
	values[1] = CStringGetTextDatum(bj_state_name(next));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET postponed_from = $2::bjxm.project_state, "
				   "state = $3::bjxm.project_state, updated_at = pg_catalog.clock_timestamp() "
				   "WHERE project_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL);
	bjxm_move_written(ctx, next, ctx->note);
}

/* Return to the state left, forgetting it. */
static void
resume_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bj_state	next = bjxm_next_state(ctx);

	values[0] = CStringGetTextDatum(bj_state_name(next));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET postponed_from = NULL, state = $2::bjxm.project_state, "
				   "updated_at = pg_catalog.clock_timestamp() WHERE project_id OPERATOR(pg_catalog.=) $1",
				   1, types, values, NULL);
	bjxm_move_written(ctx, next, NULL);
}

/* ---------------------------------------------------------------- */
/* 第十九条: adjustments                                              */
/* ---------------------------------------------------------------- */

/* request_adjustment: one of the three reasons, a description. */
static void
request_adjustment_rules(BjxmCtx *ctx)
{
	const char *reason = bjxm_arg_text(ctx, "reason", true);

	if (reason && !bjxm_enum_has("adjustment_reason", reason))
		bjxm_violation(ctx, false, ERRCODE_BJ019, 19, 0, psprintf("申请的情形为“%s”。", reason),
					   "情形为 mandated (一)、optimization (二) 或 business_need (三)。",
					   "内容调整须符合第十九条所列情形之一 (reason not allowed)");
	ctx->note = nonblank_arg(ctx, "description");
}

/* Record the request; its id is the result. */
static void
request_adjustment_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2];
	bool		isnull;

	values[0] = CStringGetTextDatum(bjxm_arg_text(ctx, "reason", true));
	values[1] = CStringGetTextDatum(ctx->note);
	update_project(&plan, ctx, "INSERT INTO bjxm.adjustments (project_id, reason, description) "
				   "VALUES ($1, $2::bjxm.adjustment_reason, $3) RETURNING adjustment_id", 2, types, values, NULL);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	bjxm_move(ctx, ctx->state, psprintf("调整申请 %lld: %s", (long long) ctx->result, ctx->note));
}

/* The adjustment's status if it belongs to this project, else NULL. */
static char *
adjustment_status(BjxmCtx *ctx, int64 id)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, INT8OID};
	Datum		values[2];

	values[0] = Int64GetDatum(id);
	values[1] = Int64GetDatum(ctx->project_id);
	if (bjxm_exec(&plan, "SELECT a.status FROM bjxm.adjustments a WHERE a.adjustment_id OPERATOR(pg_catalog.=) $1 "
				  "AND a.project_id OPERATOR(pg_catalog.=) $2", 2, types, values, NULL, true) != 1)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* decide_adjustment: a pending request; approval needs an expert opinion. */
static void
decide_adjustment_rules(BjxmCtx *ctx)
{
	bool		present;
	int64		id = bjxm_arg_int(ctx, "adjustment", true, &present);
	char	   *status = present ? adjustment_status(ctx, id) : NULL;

	bjxm_arg_bool(ctx, "passed", true, &present);
	if (status == NULL)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "本项目没有调整申请 %lld (no such adjustment)", (long long) id);
	else if (strcmp(status, "requested") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ019, 19, 0, psprintf("调整申请 %lld 的状态为 %s。", (long long) id, status),
					   NULL, "调整申请已有决定 (the adjustment was decided already)");
	if (ctx->passed && !bjxm_json_nonempty_text(ctx->args, "expert_opinion"))
		bjxm_violation(ctx, false, ERRCODE_BJ019, 19, 0, "同意调整而没有专家评审意见。",
					   "报大数据部门经专家评审同意后进行调整: 记入 expert_opinion。",
					   "同意内容调整须有专家评审意见 (approval needs an expert opinion)");
	ctx->note = bjxm_arg_text(ctx, "expert_opinion", false);
}

/* Record the decision. */
static void
decide_adjustment_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};
	Datum		values[3];
	char		nulls[3] = {' ', ' ', ' '};
	bool		present;

	values[0] = Int64GetDatum(bjxm_arg_int(ctx, "adjustment", true, &present));
	values[1] = CStringGetTextDatum(ctx->passed ? "approved" : "rejected");
	values[2] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[2] = ctx->note ? ' ' : 'n';
	update_project(&plan, ctx, "UPDATE bjxm.adjustments SET status = $3, expert_opinion = $4, decided_at = pg_catalog.clock_timestamp() "
				   "WHERE adjustment_id OPERATOR(pg_catalog.=) $2 AND project_id OPERATOR(pg_catalog.=) $1",
				   3, types, values, nulls);
	bjxm_move(ctx, ctx->state, psprintf("调整申请 %lld %s", (long long) DatumGetInt64(values[0]),
										ctx->passed ? "同意" : "不同意"));
}

/* amend_service_plan: an approved, unused adjustment; a complete plan. */
static void
amend_rules(BjxmCtx *ctx)
{
	bool		present;
	int64		id = bjxm_arg_int(ctx, "adjustment", true, &present);
	char	   *status = present ? adjustment_status(ctx, id) : NULL;

	if (status == NULL || strcmp(status, "approved") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ019, 19, 0,
					   status ? psprintf("调整申请 %lld 的状态为 %s。", (long long) id, status)
					   : psprintf("本项目没有调整申请 %lld。", (long long) id),
					   "先以 request_adjustment 申请, 经大数据部门组织专家评审同意 (decide_adjustment) 后修改。",
					   "修改已批复的服务方案须有经同意且未使用的内容调整 (no approved adjustment)");
	service_plan_complete(ctx, plan_arg(ctx, "plan"));
}

/* Store the amended plan; the adjustment is used. */
static void
amend_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr used = NULL;
	Oid			types[2] = {JSONBOID, INT8OID};
	Datum		values[2];
	bool		present;

	values[0] = JsonbPGetDatum(bjxm_arg_jsonb(ctx, "plan", true));
	values[1] = Int64GetDatum(bjxm_arg_int(ctx, "adjustment", true, &present));
	update_project(&plan, ctx, "UPDATE bjxm.projects SET service_plan = $2, updated_at = pg_catalog.clock_timestamp() "
				   "WHERE project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	update_project(&used, ctx, "UPDATE bjxm.adjustments SET status = 'used' WHERE adjustment_id OPERATOR(pg_catalog.=) $2 "
				   "AND project_id OPERATOR(pg_catalog.=) $1", 1, types + 1, values + 1, NULL);
	bjxm_move(ctx, ctx->state, psprintf("按调整申请 %lld 修改服务方案", (long long) DatumGetInt64(values[1])));
}

/* ---------------------------------------------------------------- */
/* 第九条: the annual plan, per jurisdiction (第三十五条)              */
/* ---------------------------------------------------------------- */

/* approve_annual_plan is the government of the plan's region. */
static void
plan_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	const char *r = bjxm_arg_text(ctx, "region", false);

	*region = r ? r : "520500";
}

/* The region exists, the year is sane, exclusions are project ids. */
static void
plan_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bool		present;
	int32		year = bjxm_arg_int(ctx, "year", true, &present);
	const char *region = bjxm_arg_text(ctx, "region", false);
	JsonbValue *ex = bjxm_json_get(ctx->args, "excluded");

	if (present && (year < 2000 || year > 2100))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "计划年度 %d 无效 (year out of range)", year);
	values[0] = CStringGetTextDatum(region ? region : "520500");
	if (bjxm_exec(&plan, "SELECT 1 FROM bjxm.regions r WHERE r.code OPERATOR(pg_catalog.=) $1", 1, types, values, NULL, true) != 1)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "未知的行政区划“%s” (unknown region)", region);
	if (ex != NULL && (ex->type != jbvBinary || !JsonContainerIsArray(ex->val.binary.data)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "excluded 须为项目编号数组 (excluded must be an array of project ids)");
}

/* Approve every planned project of the year and region but the excluded. */
static void
plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr sel = NULL;
	static SPIPlanPtr upd = NULL;
	Oid			types[3] = {INT4OID, TEXTOID, JSONBOID};
	Datum		values[3];
	bool		present;
	const char *region = bjxm_arg_text(ctx, "region", false);
	JsonbValue *ex = bjxm_json_get(ctx->args, "excluded");
	Jsonb	   *excluded = ex ? JsonbValueToJsonb(ex) : NULL;
	uint64		n;
	SPITupleTable *rows;
	int			year = bjxm_arg_int(ctx, "year", true, &present);

	values[0] = Int32GetDatum(year);
	values[1] = CStringGetTextDatum(region ? region : "520500");
	values[2] = excluded ? JsonbPGetDatum(excluded) : JsonbPGetDatum(DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum("[]"))));

	/* Every excluded id must be a planned project of this plan. */
	if (bjxm_exec(&sel, "SELECT pg_catalog.string_agg(x.id, ', ') FROM pg_catalog.jsonb_array_elements_text($3) x(id) "
				  "WHERE NOT EXISTS (SELECT 1 FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
				  "  WHERE p.project_id::text OPERATOR(pg_catalog.=) x.id AND p.plan_year OPERATOR(pg_catalog.=) $1 "
				  "    AND u.region OPERATOR(pg_catalog.=) $2 AND p.state OPERATOR(pg_catalog.=) 'planned') "
				  "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0", 3, types, values, NULL, true) == 1)
	{
		bjxm_log_refusal(ERRCODE_INVALID_PARAMETER_VALUE, bjxm_clause_cstring(9, 0), ctx->action, 0);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: 排除的项目 %s 不在 %d 年该区划的拟实施计划中 (excluded projects not in this plan)",
						bjxm_clause_cstring(9, 0), SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), year)));
	}

	/* Lock the plan's projects in id order before recording anything. */
	n = bjxm_exec(&upd,
				  "WITH plan AS (SELECT p.project_id, p.unit_id FROM bjxm.projects p "
				  "  JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
				  "  WHERE p.plan_year OPERATOR(pg_catalog.=) $1 AND u.region OPERATOR(pg_catalog.=) $2 "
				  "    AND p.state OPERATOR(pg_catalog.=) 'planned' ORDER BY p.project_id FOR UPDATE OF p) "
				  "UPDATE bjxm.projects j SET state = CASE WHEN j.project_id::text IN "
				  "    (SELECT pg_catalog.jsonb_array_elements_text($3)) THEN 'in_library' ELSE 'approved' END::bjxm.project_state, "
				  "  updated_at = pg_catalog.clock_timestamp() "
				  "FROM plan WHERE j.project_id OPERATOR(pg_catalog.=) plan.project_id "
				  "RETURNING j.project_id, j.unit_id, j.state::text",
				  3, types, values, NULL, false);
	rows = SPI_tuptable;
	ctx->result = 0;
	for (uint64 i = 0; i < n; i++)
	{
		bool		isnull;
		int64		pid = DatumGetInt64(SPI_getbinval(rows->vals[i], rows->tupdesc, 1, &isnull));
		int64		uid = DatumGetInt64(SPI_getbinval(rows->vals[i], rows->tupdesc, 2, &isnull));
		bj_state	to = bj_state_from_name(SPI_getvalue(rows->vals[i], rows->tupdesc, 3));

		if (to == BJ_S_APPROVED)
			ctx->result++;
		bjxm_record_event(pid, false, uid, false, ctx->action,
						  bjxm_state_datum(BJ_S_PLANNED), false, bjxm_state_datum(to), false,
						  BjxmClausePack(9, 0), false,
						  psprintf("%d 年度实施计划%s", year, to == BJ_S_APPROVED ? "批准" : "未列入, 退回项目库"),
						  JsonbPGetDatum(ctx->args), false);
	}
}

/* ---------------------------------------------------------------- */

static const BjxmActionDef lifecycle_actions[] = {
	{BJ_A_APPROVE_ANNUAL_PLAN, plan_duty, plan_rules, plan_apply},
	{BJ_A_CREATE_PROJECT, create_duty, create_rules, create_apply},
	{BJ_A_SET_DEMAND_PLAN, NULL, demand_plan_rules, demand_plan_apply},
	{BJ_A_SET_PROJECT_FACTS, NULL, facts_rules, facts_apply},
	{BJ_A_DECLARE, NULL, declare_rules, NULL},
	{BJ_A_PRELIMINARY_REVIEW, NULL, preliminary_rules, preliminary_apply},
	{BJ_A_ENTRUST_REVIEW, NULL, entrust_rules, entrust_apply},
	{BJ_A_RECORD_REVIEW, NULL, review_rules, review_apply},
	{BJ_A_ADMIT_TO_LIBRARY, NULL, NULL, NULL},
	{BJ_A_CARRY_OVER, NULL, carry_over_rules, carry_over_apply},
	{BJ_A_PROPOSE_FOR_PLAN, NULL, propose_rules, NULL},
	{BJ_A_SUBMIT_SERVICE_PLAN, NULL, submit_service_plan_rules, service_plan_apply},
	{BJ_A_APPROVE_SERVICE_PLAN, NULL, approve_service_plan_rules, approve_service_plan_apply},
	{BJ_A_RECORD_CITY_REVIEW, city_review_duty, city_review_rules, city_review_apply},
	{BJ_A_RECORD_PROCUREMENT, NULL, procurement_rules, procurement_apply},
	{BJ_A_SIGN_CONTRACT, NULL, contract_rules, contract_apply},
	{BJ_A_START_IMPLEMENTATION, NULL, NULL, NULL},
	{BJ_A_SIGN_ACCEPTANCE, NULL, acceptance_rules, acceptance_apply},
	{BJ_A_RECORD_EVALUATION, NULL, evaluation_rules, evaluation_apply},
	{BJ_A_POSTPONE, NULL, reason_rules, postpone_apply},
	{BJ_A_TERMINATE, NULL, reason_rules, NULL},
	{BJ_A_RESUME, NULL, NULL, resume_apply},
	{BJ_A_WITHDRAW, NULL, reason_rules, NULL},
	{BJ_A_REQUEST_ADJUSTMENT, NULL, request_adjustment_rules, request_adjustment_apply},
	{BJ_A_DECIDE_ADJUSTMENT, NULL, decide_adjustment_rules, decide_adjustment_apply},
	{BJ_A_AMEND_SERVICE_PLAN, NULL, amend_rules, amend_apply},
};

/* The handler of a lifecycle action, or NULL. */
const BjxmActionDef *
bjxm_lifecycle_action(bj_action act)
{
	for (size_t i = 0; i < lengthof(lifecycle_actions); i++)
		if (lifecycle_actions[i].act == act)
			return &lifecycle_actions[i];
	return NULL;
}
