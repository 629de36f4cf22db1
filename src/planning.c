/*
 * planning.c — 第二章 计划管理, 第五条–第九条, and the creation of a
 * project (第二条 适用范围, 第十条 for the funding source).
 *
 *   第二条   create_project: classified projects are out of scope (BJ002)
 *   第十条   a 市属国企 project raises its own funds (BJ010)
 *   第五条   set_demand_plan; declare needs the plan's sections and a
 *            passed 密码应用方案 (BJ005)
 *   第六条   declare for next year only (BJ006); preliminary_review by
 *            bigdata, to the 拟入库清单 or back; withdraw before the library
 *   第七条   entrust_review to an institution; record_review by it alone
 *   第八条   admit_to_library; carry_over (动态调整) to a later year
 *   第九条   propose_for_plan (no new money under a 第三十一条 hold);
 *            approve_annual_plan by the government of the plan's region
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"

#include "action.h"
#include "duties.h"
#include "funding.h"
#include "planning.h"
#include "settings.h"
#include "spi.h"
#include "splitting.h"
#include "supervision.h"

/* The plan years bjxm accepts. */
#define BJXM_YEAR_MIN 2000
#define BJXM_YEAR_MAX 2100

/* ------------------------------------------------------------------ */
/* Reviews and entrustments (第六条, 第七条; 第十四条 and 第三十四条 too) */
/* ------------------------------------------------------------------ */

/* The active entrusted institution for stage, or 0. */
int64
bjxm_entrusted_party(BjxmCtx *ctx, const char *stage)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(stage);
	if (bjxm_exec(&plan, "SELECT e.party_id FROM bjxm.entrustments e WHERE e.project_id OPERATOR(pg_catalog.=) $1 "
				  "AND e.stage OPERATOR(pg_catalog.=) $2 AND e.active", 2, types, values, NULL) != 1)
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
					 "AND m.member OPERATOR(pg_catalog.=) bjxm.acting_role()", 1, types, values, NULL) == 1;
}

/* Only the institution entrusted for this stage records its review. */
int64
bjxm_require_entrusted(BjxmCtx *ctx, const char *stage, int article)
{
	int64		party = bjxm_entrusted_party(ctx, stage);

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

/* ------------------------------------------------------------------ */
/* 第二条, 第十条: create_project                                      */
/* ------------------------------------------------------------------ */

/* create_project acts for the unit named by its USCC. */
void
bjxm_create_project_load(BjxmCtx *ctx)
{
	const char *unit = bjxm_arg_text(ctx, "unit");

	if (unit != NULL && !bjxm_load_visible_unit_by_code(ctx, unit))
		bjxm_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, BJ_ART_DUTIES, 0, ctx->action, 0, NULL, NULL,
					"单位 %s 不存在或无权访问 (no such unit, or not visible)", unit);
}

/* 第二条 scope, 第十条 funding source, and the services and year. */
void
bjxm_create_project_rules(BjxmCtx *ctx)
{
	const char *fund = bjxm_arg_text(ctx, "fund");
	const BjxmArg *year = bjxm_arg(ctx, "plan_year");
	JsonbValue *services = bjxm_json_get(ctx->args, "services");

	if (fund == NULL)
		fund = "municipal_fiscal";
	if (year->present && (year->i < BJXM_YEAR_MIN || year->i > BJXM_YEAR_MAX))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "计划年度 %d 无效 (plan year out of range)", year->i);
	if (services == NULL || services->type != jbvBinary || !JsonContainerIsArray(services->val.binary.data)
		|| JsonContainerSize(services->val.binary.data) == 0)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "须至少列出一类服务: development、operation、supporting (at least one service kind)");

	/* 第二条: classified projects follow other rules. */
	if (bjxm_arg_bool(ctx, "classified"))
		bjxm_violation(ctx, false, ERRCODE_BJ002, BJ_ART_SCOPE, 0,
					   "本办法适用于非涉密市级信息化项目。",
					   "涉密信息化项目按有关规定执行, 不纳入 bjxm 管理。",
					   "涉密信息化项目不适用本办法 (classified projects are out of scope)");
	/* 第十条: a 市属国企 project raises its own funds. */
	if (ctx->unit_kind && strcmp(ctx->unit_kind, "soe") == 0 && strcmp(fund, "self_raised") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
					   psprintf("单位 %s 为市属国企, 资金来源为“%s”。", ctx->unit_code, fund),
					   "市属国企项目的资金来源应为 self_raised (自筹资金)。",
					   "属市属国企项目的, 由企业自行筹措建设资金 (an SOE project must be self-raised)");
	bjxm_rule_fund_source(ctx, fund);
	/* 第十一条: the project's name is read like a line item's (issue 16) */
	bjxm_rule_project_name(ctx, bjxm_arg_text(ctx, "name"));
}

/* Insert the project in draft and record its first event. */
void
bjxm_create_project_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, JSONBOID};
	Datum		values[2];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->unit_id);
	values[1] = JsonbPGetDatum(ctx->args);
	bjxm_exec(&plan, "INSERT INTO bjxm.projects (unit_id, name, category, services, plan_year, estimate, fund) "
			  "SELECT $1, pg_catalog.btrim(a OPERATOR(pg_catalog.->>) 'name'), "
			  "(a OPERATOR(pg_catalog.->>) 'category')::bjxm.project_category, "
			  "ARRAY(SELECT pg_catalog.jsonb_array_elements_text(a OPERATOR(pg_catalog.->) 'services'))::bjxm.service_kind[], "
			  "(a OPERATOR(pg_catalog.->>) 'plan_year')::pg_catalog.int4, (a OPERATOR(pg_catalog.->>) 'estimate')::pg_catalog.numeric, "
			  "COALESCE(a OPERATOR(pg_catalog.->>) 'fund', 'municipal_fiscal')::bjxm.fund_source "
			  "FROM (SELECT $2::pg_catalog.jsonb AS a) s RETURNING project_id", 2, types, values, NULL);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	bjxm_record_on(ctx, ctx->result, ctx->unit_id, BJ_S_NONE, bj_state_initial(), bjxm_arg_text(ctx, "name"));
}

/* ------------------------------------------------------------------ */
/* 第五条, 第六条: demand plan, declaration, withdrawal                 */
/* ------------------------------------------------------------------ */

/* Store the demand plan (one write of the row; the state stays). */
void
bjxm_set_demand_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;

	bjxm_move_json(ctx, &plan, "demand_plan = $2", "plan", ctx->state);
}

/* 第五条: the demand plan's sections (第(三)项) and its 密码应用方案 (第(四)项). */
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
	int			n;

	initStringInfo(&missing);
	n = bjxm_json_missing(plan, sections, lengthof(sections), BJXM_NEED_TEXT, &missing);
	if (n > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ005, BJ_ART_DEMAND_PLAN, 3,
					   psprintf("缺少 %d 项 (missing %d): %s", n, n, missing.data),
					   "以 bjxm.set_demand_plan 补全需求方案后再申报。",
					   "需求方案不完整, 缺少%s (demand plan incomplete)", missing.data);

	crypto = bjxm_json_get(plan, "crypto_plan");
	if (crypto == NULL || crypto->type != jbvBinary || !JsonContainerIsObject(crypto->val.binary.data))
		bjxm_violation(ctx, false, ERRCODE_BJ005, BJ_ART_DEMAND_PLAN, 4, "需求方案缺少 crypto_plan。",
					   "crypto_plan = {\"assessed_by\": \"expert\"|\"third_party\", \"passed\": true, \"ref\": 报告编号}",
					   "密码应用方案须通过专家评审或第三方专业测评机构评估 (crypto plan missing)");
	else
	{
		static const char *const assessors[] = {"expert", "third_party"};
		Jsonb	   *c = JsonbValueToJsonb(crypto);
		JsonbValue *by = bjxm_json_get(c, "assessed_by");
		JsonbValue *passed = bjxm_json_get(c, "passed");
		bool		by_ok = by && by->type == jbvString &&
			bjxm_one_of(pnstrdup(by->val.string.val, by->val.string.len), assessors, lengthof(assessors));
		bool		passed_ok = passed && passed->type == jbvBool && passed->val.boolean;

		if (!by_ok || !passed_ok || !bjxm_json_nonempty_text(c, "ref"))
			bjxm_violation(ctx, false, ERRCODE_BJ005, BJ_ART_DEMAND_PLAN, 4,
						   psprintf("assessed_by %s, passed %s, ref %s",
									by_ok ? "有效" : "缺少或无效 (expert | third_party)",
									passed_ok ? "true" : "不是 true",
									bjxm_json_nonempty_text(c, "ref") ? "有" : "缺少"),
						   "取得专家评审或第三方测评的通过结论后, 记入 crypto_plan。",
						   "密码应用方案未通过专家评审或第三方专业测评机构评估 (crypto plan not passed)");
	}
}

/* declare: 第五条 plan complete, 第六条 next year's window; a split project warns (第三十二条, 第三十四条). */
void
bjxm_declare_rules(BjxmCtx *ctx)
{
	bool		isnull;
	int			year = DatumGetInt32(bjxm_col(ctx, "plan_year", &isnull));
	int			y,
				m,
				d;

	demand_plan_complete(ctx);
	bjxm_rule_split_warnings(ctx);
	j2date(bjxm_today() + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	if (year != y + 1)
		bjxm_violation(ctx, false, ERRCODE_BJ006, BJ_ART_DECLARATION, 0,
					   psprintf("项目计划年度为 %d, 今天 (bjxm.today) 为 %d 年。", year, y),
					   "用户单位申报的是次年拟实施项目; 其他年度的项目在相应年度申报, 入库项目可由大数据部门 carry_over 调整年度。",
					   "申报的计划年度须为次年 %d, 而项目为 %d 年 (plan year must be next year)", y + 1, year);
}

/* ------------------------------------------------------------------ */
/* 第六条–第八条: preliminary review, entrusted review, library        */
/* ------------------------------------------------------------------ */

/* Record the preliminary review and move. */
void
bjxm_preliminary_review_apply(BjxmCtx *ctx)
{
	bjxm_insert_review(ctx, 0, "preliminary", NULL);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* Replace the active entrustment for the stage the project is in. */
void
bjxm_entrust_review_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr off = NULL;
	static SPIPlanPtr ins = NULL;
	Oid			types[3] = {INT8OID, TEXTOID, INT8OID};
	Datum		values[3];
	bool		demand = ctx->state == BJ_S_DECLARED || ctx->state == BJ_S_SHORTLISTED;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(demand ? "demand_plan" : "service_plan");
	values[2] = Int64GetDatum(bjxm_arg_id(ctx, "party"));
	bjxm_exec(&off, "UPDATE bjxm.entrustments SET active = false WHERE project_id OPERATOR(pg_catalog.=) $1 "
			  "AND stage OPERATOR(pg_catalog.=) $2 AND active", 2, types, values, NULL);
	bjxm_exec(&ins, "INSERT INTO bjxm.entrustments (project_id, stage, party_id) VALUES ($1, $2, $3)",
			  3, types, values, NULL);
	bjxm_done(ctx, bjxm_arg_text(ctx, "party"));
}

/* record_review: the entrusted institution, an outcome. */
void
bjxm_record_review_rules(BjxmCtx *ctx)
{
	ctx->object_id = bjxm_require_entrusted(ctx, "demand_plan", BJ_ART_DEMAND_REVIEW);
}

/* Record the review and move. */
void
bjxm_record_review_apply(BjxmCtx *ctx)
{
	bjxm_insert_review(ctx, ctx->object_id, "demand_plan", ctx->note);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* carry_over: a later plan year (第八条 动态调整). */
void
bjxm_carry_over_rules(BjxmCtx *ctx)
{
	const BjxmArg *year = bjxm_arg(ctx, "plan_year");
	bool		isnull;
	int32		current = DatumGetInt32(bjxm_col(ctx, "plan_year", &isnull));

	if (year->present && (year->i <= current || year->i > BJXM_YEAR_MAX))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "调整后的计划年度 %d 须晚于当前的 %d (carry over to a later year)", year->i, current);
}

/* Move the project to the later year. */
void
bjxm_carry_over_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT4OID};
	int32		year = bjxm_arg_int(ctx, "plan_year");
	Datum		values[1] = {Int32GetDatum(year)};

	bjxm_move_set(ctx, &plan, "plan_year = $2", 1, types, values, NULL, ctx->state, psprintf("%d", year));
}

/* propose_for_plan: no new money for a unit under a hold (第三十一条); a split project warns. */
void
bjxm_propose_for_plan_rules(BjxmCtx *ctx)
{
	bjxm_rule_rectification_hold(ctx, true);
	bjxm_rule_split_warnings(ctx);
}

/* ------------------------------------------------------------------ */
/* 第九条: the annual plan, per jurisdiction (第三十五条)              */
/* ------------------------------------------------------------------ */

/* approve_annual_plan acts on every planned project of a year and region, not on one. */
void
bjxm_approve_annual_plan_load(BjxmCtx *ctx)
{
}

/* approve_annual_plan is the government's of the plan's region. */
void
bjxm_approve_annual_plan_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	const char *r = bjxm_arg_text(ctx, "region");

	*region = r ? r : BJXM_CITY_REGION;
}

/*
 * 第三十一条: a planned project of a unit under a hold is approved into
 * the plan with a warning naming the order — the plan arranges no money
 * itself; arrange_budget, the first step that does, is refused while the
 * hold lasts (a plan is not held up by one unit's order).
 */
static void
annual_plan_holds(BjxmCtx *ctx, int32 year, const char *region, Jsonb *excluded)
{
	static SPIPlanPtr held = NULL;
	Oid			types[4] = {INT4OID, TEXTOID, JSONBOID, DATEOID};
	Datum		values[4];
	uint64		n;

	values[0] = Int32GetDatum(year);
	values[1] = CStringGetTextDatum(region);
	values[2] = JsonbPGetDatum(excluded);
	values[3] = DateADTGetDatum(bjxm_today());
	n = bjxm_exec(&held, "SELECT p.project_id, p.name, u.code, r.rectification_id "
				  "FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
				  "CROSS JOIN LATERAL (SELECT x.rectification_id FROM bjxm.rectifications x "
				  "   WHERE x.unit_id OPERATOR(pg_catalog.=) p.unit_id AND x.status OPERATOR(pg_catalog.<>) 'closed' "
				  "     AND (x.hold_since IS NOT NULL OR (x.status OPERATOR(pg_catalog.=) 'open' "
				  "          AND x.deadline OPERATOR(pg_catalog.<) $4) "
				  "          OR (x.status OPERATOR(pg_catalog.=) 'reported' "
				  "              AND x.verify_by OPERATOR(pg_catalog.<) $4)) "
				  "   ORDER BY x.rectification_id LIMIT 1) r "
				  "WHERE p.plan_year OPERATOR(pg_catalog.=) $1 AND u.region OPERATOR(pg_catalog.=) $2 "
				  "  AND p.state OPERATOR(pg_catalog.=) 'planned' "
				  "  AND p.project_id::pg_catalog.text OPERATOR(pg_catalog.<>) ALL "
				  "      (ARRAY(SELECT pg_catalog.jsonb_array_elements_text($3))) "
				  "ORDER BY p.project_id", 4, types, values, NULL);
	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;

		bjxm_violation(ctx, true, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 0,
					   psprintf("项目 %s “%s” 的单位 %s 有停止安排资金的整改通知 %s。", SPI_getvalue(t, d, 1),
								SPI_getvalue(t, d, 2), SPI_getvalue(t, d, 3), SPI_getvalue(t, d, 4)),
					   "整改落实到位前不能为该项目安排预算; 可以 excluded 排除该项目 (退回项目库)。",
					   "单位 %s 有整改通知 %s, 其项目 %s 列入计划后也不能安排预算 (funding blocked by rectification %s)",
					   SPI_getvalue(t, d, 3), SPI_getvalue(t, d, 4), SPI_getvalue(t, d, 1), SPI_getvalue(t, d, 4));
	}
}

/* The region exists, the year is sane, exclusions are an array. */
void
bjxm_approve_annual_plan_rules(BjxmCtx *ctx)
{
	const BjxmArg *year = bjxm_arg(ctx, "year");
	const char *region = bjxm_arg_text(ctx, "region");
	JsonbValue *ex = bjxm_json_get(ctx->args, "excluded");

	if (year->present && (year->i < BJXM_YEAR_MIN || year->i > BJXM_YEAR_MAX))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "计划年度 %d 无效 (year out of range)", year->i);
	if (!bjxm_region_known(region ? region : BJXM_CITY_REGION))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "未知的行政区划“%s” (unknown region)", region);
	if (ex != NULL && (ex->type != jbvBinary || !JsonContainerIsArray(ex->val.binary.data)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "excluded 须为项目编号数组 (excluded must be an array of project ids)");
	else if (ex != NULL && year->present && bjxm_region_known(region ? region : BJXM_CITY_REGION))
	{
		/* 第九条: every excluded id is a planned project of this plan (check lists it too). */
		static SPIPlanPtr sel = NULL;
		Oid			types[3] = {INT4OID, TEXTOID, JSONBOID};
		Datum		values[3];

		values[0] = Int32GetDatum(year->i);
		values[1] = CStringGetTextDatum(region ? region : BJXM_CITY_REGION);
		values[2] = JsonbPGetDatum(JsonbValueToJsonb(ex));
		if (bjxm_exec(&sel, "SELECT pg_catalog.string_agg(x.id, ', ') FROM pg_catalog.jsonb_array_elements_text($3) x(id) "
					  "WHERE NOT EXISTS (SELECT 1 FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
					  "  WHERE p.project_id::pg_catalog.text OPERATOR(pg_catalog.=) x.id AND p.plan_year OPERATOR(pg_catalog.=) $1 "
					  "    AND u.region OPERATOR(pg_catalog.=) $2 AND p.state OPERATOR(pg_catalog.=) 'planned') "
					  "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0", 3, types, values, NULL) == 1)
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_ANNUAL_PLAN, NULL, NULL,
						"排除的项目 %s 不在 %d 年该区划的拟实施计划中 (excluded projects not in this plan)",
						SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), year->i);
	}
	if (year->present && (ex == NULL || (ex->type == jbvBinary && JsonContainerIsArray(ex->val.binary.data))) &&
		bjxm_region_known(region ? region : BJXM_CITY_REGION) && bjxm_has_column("rectifications", "verify_by"))
		annual_plan_holds(ctx, year->i, region ? region : BJXM_CITY_REGION, ex ? JsonbValueToJsonb(ex) : bjxm_jsonb("[]"));
}

/* Approve every planned project of the year and region but the excluded. */
void
bjxm_approve_annual_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr upd = NULL;
	Oid			types[3] = {INT4OID, TEXTOID, JSONBOID};
	Datum		values[3];
	const char *region = bjxm_arg_text(ctx, "region");
	JsonbValue *ex = bjxm_json_get(ctx->args, "excluded");
	uint64		n;
	SPITupleTable *rows;
	int32		year = bjxm_arg_int(ctx, "year");

	values[0] = Int32GetDatum(year);
	values[1] = CStringGetTextDatum(region ? region : BJXM_CITY_REGION);
	values[2] = JsonbPGetDatum(ex ? JsonbValueToJsonb(ex) : bjxm_jsonb("[]"));


	/* Lock the plan's projects in id order before recording anything. */
	n = bjxm_exec(&upd,
				  "WITH plan AS (SELECT p.project_id, p.unit_id FROM bjxm.projects p "
				  "  JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
				  "  WHERE p.plan_year OPERATOR(pg_catalog.=) $1 AND u.region OPERATOR(pg_catalog.=) $2 "
				  "    AND p.state OPERATOR(pg_catalog.=) 'planned' ORDER BY p.project_id FOR UPDATE OF p) "
				  "UPDATE bjxm.projects j SET state = CASE WHEN j.project_id::pg_catalog.text IN "
				  "    (SELECT pg_catalog.jsonb_array_elements_text($3)) THEN 'in_library' ELSE 'approved' END::bjxm.project_state, "
				  "  updated_at = pg_catalog.clock_timestamp() "
				  "FROM plan WHERE j.project_id OPERATOR(pg_catalog.=) plan.project_id "
				  "RETURNING j.project_id, j.unit_id, j.state::pg_catalog.text",
				  3, types, values, NULL);
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
		bjxm_record_on(ctx, pid, uid, BJ_S_PLANNED, to,
					   psprintf("%d 年度实施计划%s", year, to == BJ_S_APPROVED ? "批准" : "未列入, 退回项目库"));
	}
}
