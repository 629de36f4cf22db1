/*
 * funding.c — 第三章 资金管理 and 第三十二条 绩效管理: arranging the
 * budget (第十条), performance targets and 事前绩效评估 (第三十二条), and
 * the 第三十一条 hold that stops new money for a unit under rectification.
 *
 * The hold cannot be raced.  Every funding action first takes FOR SHARE
 * on its unit's row; a verification failing (close_rectification with
 * passed = false) and a new order (open_rectification: it may already be
 * overdue for a funding action dated later) update that row
 * (rectification_version).  A late
 * report needs no update: the order was already overdue, so already
 * holding, when it was reported.  At
 * READ COMMITTED the funding action waits for such a change and then reads
 * the committed orders; at REPEATABLE READ or SERIALIZABLE it gets 40001
 * and retries.  An order merely passing its deadline needs no lock: the
 * deadline is compared with bjxm.today() at the funding action itself.
 * The hold check is an index lookup (rectifications_unit_pending_idx).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/fmgrprotos.h"

#include "bjxm.h"
#include "engine.h"
#include "errors.h"

/*
 * 第三十一条: a unit with an overdue or failed order gets no new money
 * (BJ031, naming the order); an order not yet overdue only warns.  With
 * blocking false every finding is a warning (disbursements under signed
 * contracts are owed to vendors).
 */
void
bjxm_rule_rectification_hold(BjxmCtx *ctx, bool blocking)
{
	static SPIPlanPtr lock = NULL;
	static SPIPlanPtr orders = NULL;
	Oid			types[2] = {INT8OID, DATEOID};
	Datum		values[2];
	uint64		n;

	if (!ctx->unit_known)
		return;
	values[0] = Int64GetDatum(ctx->unit_id);
	values[1] = DateADTGetDatum(bjxm_today());
	if (!ctx->check_only)
		bjxm_exec(&lock, "SELECT 1 FROM bjxm.units u WHERE u.unit_id OPERATOR(pg_catalog.=) $1 FOR SHARE",
				  1, types, values, NULL, false);
	n = bjxm_exec(&orders,
				  "SELECT r.rectification_id, r.category, pg_catalog.to_char(r.deadline, 'YYYY-MM-DD'), r.status, r.finding, "
				  "       (r.hold_since IS NOT NULL OR (r.status OPERATOR(pg_catalog.=) 'open' "
				  "        AND r.deadline OPERATOR(pg_catalog.<) $2)) AS hold "
				  "FROM bjxm.rectifications r "
				  "WHERE r.unit_id OPERATOR(pg_catalog.=) $1 AND r.status OPERATOR(pg_catalog.<>) 'closed' "
				  "ORDER BY r.deadline, r.rectification_id",
				  2, types, values, NULL, true);
	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		char	   *id = SPI_getvalue(t, d, 1);
		int			category = DatumGetInt32(SPI_getbinval(t, d, 2, &isnull));
		char	   *deadline = SPI_getvalue(t, d, 3);
		char	   *status = SPI_getvalue(t, d, 4);
		char	   *finding = SPI_getvalue(t, d, 5);
		bool		hold = DatumGetBool(SPI_getbinval(t, d, 6, &isnull));
		char	   *detail = psprintf("整改通知 %s (%s): %s; 期限 %s, 状态 %s。",
									  id, bjxm_clause_cstring(31, category), finding, deadline, status);

		if (hold)
			bjxm_violation(ctx, !blocking, ERRCODE_BJ031, 31, 0, detail,
						   "整改落实到位并经 close_rectification 验收通过后, 方可安排后续项目资金。",
						   "单位 %s 有%s的整改通知 %s, 不再安排后续项目资金 (funding blocked by rectification %s)",
						   ctx->unit_code, strcmp(status, "failed") == 0 ? "整改不符合要求" : "逾期未整改",
						   id, id);
		else
			bjxm_violation(ctx, true, ERRCODE_BJ031, 31, 0, detail,
						   "期限届满未整改的, 将不再安排后续项目资金。",
						   "单位 %s 有未完成的整改通知 %s, 期限 %s (rectification pending)",
						   ctx->unit_code, id, deadline);
	}
}

/* arrange_budget is finance's, or the unit's own for self-raised funds (第十条). */
static void
budget_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	const char *fund = bjxm_col_text(ctx, "fund");

	*mask = strcmp(fund, "self_raised") == 0 ? BJ_DUTY_USER_UNIT : BJ_DUTY_FINANCE;
}

/* arrange_budget: amount; 第三十一条 hold; 第三十二条 targets and ex-ante assessment. */
static void
budget_rules(BjxmCtx *ctx)
{
	Numeric		amount = bjxm_arg_amount(ctx, "amount", true);
	bool		isnull;
	bool		targets_null;
	Datum		services;
	bool		development = false;

	bjxm_rule_rectification_hold(ctx, true);

	(void) bjxm_col(ctx, "performance_targets", &targets_null);
	if (targets_null)
		bjxm_violation(ctx, false, ERRCODE_BJ032, 32, 0, "项目没有绩效目标。",
					   "按“谁申请资金、谁编报绩效目标”, 由用户单位以 bjxm.set_performance_targets 编报。",
					   "预算须有绩效目标 (budget without performance targets)");

	services = bjxm_col(ctx, "services", &isnull);
	if (!isnull)
	{
		const char *s = bjxm_col_text(ctx, "services");

		development = strstr(s, "development") != NULL;
	}
	(void) services;
	if (amount != NULL && development &&
		bjxm_numeric_cmp(amount, bjxm_setting_numeric("major_project_threshold")) >= 0)
	{
		Datum		passed = bjxm_col(ctx, "ex_ante_passed", &isnull);

		if (isnull || !DatumGetBool(passed))
			bjxm_violation(ctx, false, ERRCODE_BJ032, 32, 0,
						   psprintf("预算 %s 元达到新增重大项目标准 %s 元 (major_project_threshold), 事前绩效评估%s。",
									bjxm_numeric_text(amount),
									bjxm_numeric_text(bjxm_setting_numeric("major_project_threshold")),
									isnull ? "未开展" : "未通过"),
						   "由用户单位开展事前绩效评估并以 bjxm.record_ex_ante_assessment 记录通过的结论。",
						   "新增重大项目须通过事前绩效评估 (major project without a passed ex-ante assessment)");
	}
}

/* Record the budget and move. */
static void
budget_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, NUMERICOID};
	Datum		values[2];
	Numeric		amount = bjxm_arg_amount(ctx, "amount", true);

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = NumericGetDatum(amount);
	bjxm_exec(&plan, "UPDATE bjxm.projects SET budget = $2, updated_at = pg_catalog.clock_timestamp() "
			  "WHERE project_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL, false);
	bjxm_move(ctx, bjxm_next_state(ctx), psprintf("%s 元", bjxm_numeric_text(amount)));
}

/* set_performance_targets: a non-empty JSON object or array. */
static void
targets_rules(BjxmCtx *ctx)
{
	Jsonb	   *t = bjxm_arg_jsonb(ctx, "targets", true);

	if (t != NULL && (JB_ROOT_IS_SCALAR(t) || JB_ROOT_COUNT(t) == 0))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "绩效目标不能为空 (targets must be a non-empty object or array)");
}

/* Store the targets. */
static void
targets_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, JSONBOID};
	Datum		values[2];

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = JsonbPGetDatum(bjxm_arg_jsonb(ctx, "targets", true));
	bjxm_exec(&plan, "UPDATE bjxm.projects SET performance_targets = $2, updated_at = pg_catalog.clock_timestamp() "
			  "WHERE project_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL, false);
	bjxm_move(ctx, ctx->state, NULL);
}

/* record_ex_ante_assessment: an outcome and a report. */
static void
ex_ante_rules(BjxmCtx *ctx)
{
	bool		present;

	bjxm_arg_bool(ctx, "passed", true, &present);
	ctx->note = bjxm_arg_text(ctx, "report_ref", false);
}

/* Store the assessment. */
static void
ex_ante_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, BOOLOID, TEXTOID};
	Datum		values[3];
	char		nulls[3] = {' ', ' ', ' '};

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = BoolGetDatum(ctx->passed);
	values[2] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[2] = ctx->note ? ' ' : 'n';
	bjxm_exec(&plan, "UPDATE bjxm.projects SET ex_ante_passed = $2, ex_ante_ref = $3, updated_at = pg_catalog.clock_timestamp() "
			  "WHERE project_id OPERATOR(pg_catalog.=) $1", 3, types, values, nulls, false);
	bjxm_move(ctx, ctx->state, ctx->passed ? "事前绩效评估通过" : "事前绩效评估未通过");
}

/* ---------------------------------------------------------------- */
/* 第十二条: budget execution                                          */
/* ---------------------------------------------------------------- */

/* Total disbursed for the project so far. */
static Numeric
paid_so_far(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	bjxm_exec(&plan, "SELECT COALESCE(pg_catalog.sum(d.amount), 0) FROM bjxm.disbursements d "
			  "WHERE d.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL, true);
	return DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/* A date argument (YYYY-MM-DD); 0 with *present false if absent or bad. */
static DateADT
date_arg(BjxmCtx *ctx, const char *key, bool *present)
{
	const char *v = bjxm_arg_text(ctx, key, true);
	Datum		d;

	*present = false;
	if (v == NULL)
		return 0;
	d = DirectFunctionCall1(date_in, CStringGetDatum(v));
	*present = true;
	return DatumGetDateADT(d);
}

/* record_disbursement: not above the arranged budget (BJ012); holds only warn. */
static void
disbursement_rules(BjxmCtx *ctx)
{
	Numeric		amount = bjxm_arg_amount(ctx, "amount", true);
	bool		present;
	DateADT		paid_on = date_arg(ctx, "paid_on", &present);
	bool		isnull;
	Datum		budget = bjxm_col(ctx, "budget", &isnull);

	if (present && paid_on > bjxm_today())
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "拨付日期 %s 晚于今天 (payment date in the future)",
					   bjxm_arg_text(ctx, "paid_on", false));
	/* 第三十一条: owed to vendors under a signed contract: warn, do not block. */
	bjxm_rule_rectification_hold(ctx, false);
	if (amount != NULL && !isnull && ctx->tr != NULL)
	{
		Numeric		paid = paid_so_far(ctx);
		Numeric		total = DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(paid),
																 NumericGetDatum(amount)));

		if (bjxm_numeric_cmp(total, DatumGetNumeric(budget)) > 0)
			bjxm_violation(ctx, false, ERRCODE_BJ012, 12, 0,
						   psprintf("已拨付 %s 元, 本次 %s 元, 合计 %s 元; 安排预算 %s 元。",
									bjxm_numeric_text(paid), bjxm_numeric_text(amount),
									bjxm_numeric_text(total), bjxm_numeric_text(DatumGetNumeric(budget))),
						   "拨付不得超过安排的预算; 如需追加, 先调整预算。",
						   "拨付合计超过安排的预算 (disbursements above the arranged budget)");
	}
}

/* Record the disbursement. */
static void
disbursement_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, NUMERICOID, DATEOID};
	Datum		values[3];
	bool		present;
	Numeric		amount = bjxm_arg_amount(ctx, "amount", true);

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = NumericGetDatum(amount);
	values[2] = DateADTGetDatum(date_arg(ctx, "paid_on", &present));
	bjxm_exec(&plan, "INSERT INTO bjxm.disbursements (project_id, amount, paid_on, recorded_by) "
			  "VALUES ($1, $2, $3, bjxm.acting_role())", 3, types, values, NULL, false);
	bjxm_move(ctx, ctx->state, psprintf("拨付 %s 元", bjxm_numeric_text(amount)));
}

/* ---------------------------------------------------------------- */
/* 第三十二条: self-evaluation and 重点绩效评价                          */
/* ---------------------------------------------------------------- */

/* year and score 0–100. */
static void
evaluation_common_rules(BjxmCtx *ctx)
{
	bool		present;
	int32		year = bjxm_arg_int(ctx, "year", true, &present);
	Numeric		score = bjxm_arg_numeric(ctx, "score", true);

	if (present && (year < 2000 || year > 2100))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "年度 %d 无效 (year out of range)", year);
	if (score != NULL && (numeric_is_nan(score) || numeric_is_inf(score) ||
						  bjxm_numeric_cmp(score, int64_to_numeric(0)) < 0 ||
						  bjxm_numeric_cmp(score, int64_to_numeric(100)) > 0 ||
						  DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(score))) > 2))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "评分 %s 须在 0 与 100 之间, 最多两位小数 (score 0–100)",
					   bjxm_numeric_text(score));
}

/* record_self_evaluation: a report object too. */
static void
self_evaluation_rules(BjxmCtx *ctx)
{
	Jsonb	   *report = bjxm_arg_jsonb(ctx, "report", true);

	evaluation_common_rules(ctx);
	if (report != NULL && !JB_ROOT_IS_OBJECT(report))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "自评报告须为 JSON 对象 (report must be a JSON object)");
}

/* Record a performance evaluation of kind self or key. */
static void
evaluation_insert(BjxmCtx *ctx, const char *kind)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[6] = {INT8OID, TEXTOID, INT4OID, NUMERICOID, JSONBOID, TEXTOID};
	Datum		values[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	bool		present;
	Jsonb	   *report = bjxm_arg_jsonb(ctx, "report", false);
	const char *ref = bjxm_arg_text(ctx, "report_ref", false);

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(kind);
	values[2] = Int32GetDatum(bjxm_arg_int(ctx, "year", true, &present));
	values[3] = NumericGetDatum(bjxm_arg_numeric(ctx, "score", true));
	values[4] = report ? JsonbPGetDatum(report) : (Datum) 0;
	nulls[4] = report ? ' ' : 'n';
	values[5] = ref ? CStringGetTextDatum(ref) : (Datum) 0;
	nulls[5] = ref ? ' ' : 'n';
	bjxm_exec(&plan, "INSERT INTO bjxm.performance_evaluations (project_id, kind, year, score, report, report_ref, recorded_by) "
			  "VALUES ($1, $2, $3, $4, $5, $6, bjxm.acting_role())", 6, types, values, nulls, false);
	bjxm_move(ctx, ctx->state, psprintf("%d 年度%s %s 分", DatumGetInt32(values[2]),
										strcmp(kind, "self") == 0 ? "绩效自评" : "重点绩效评价",
										bjxm_numeric_text(DatumGetNumeric(values[3]))));
}

/* Record the self-evaluation. */
static void
self_evaluation_apply(BjxmCtx *ctx)
{
	evaluation_insert(ctx, "self");
}

/* Record finance's key evaluation. */
static void
key_evaluation_apply(BjxmCtx *ctx)
{
	evaluation_insert(ctx, "key");
}

static const BjxmActionDef funding_actions[] = {
	{BJ_A_RECORD_DISBURSEMENT, NULL, disbursement_rules, disbursement_apply},
	{BJ_A_RECORD_SELF_EVALUATION, NULL, self_evaluation_rules, self_evaluation_apply},
	{BJ_A_RECORD_KEY_EVALUATION, NULL, evaluation_common_rules, key_evaluation_apply},
	{BJ_A_ARRANGE_BUDGET, budget_duty, budget_rules, budget_apply},
	{BJ_A_SET_PERFORMANCE_TARGETS, NULL, targets_rules, targets_apply},
	{BJ_A_RECORD_EX_ANTE_ASSESSMENT, NULL, ex_ante_rules, ex_ante_apply},
};

/* The handler of a funding action, or NULL. */
const BjxmActionDef *
bjxm_funding_action(bj_action act)
{
	for (size_t i = 0; i < lengthof(funding_actions); i++)
		if (funding_actions[i].act == act)
			return &funding_actions[i];
	return NULL;
}
