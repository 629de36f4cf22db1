/*
 * engine.c — runs an action or its dry run (bjxm.check) through the same
 * steps: visibility, duty (第三条), state (the transition table in
 * src/core/lifecycle.c), the action's rules, then either the change and
 * its event, or the list of findings.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"
#include "catalog/namespace.h"

#include "bjxm.h"
#include "engine.h"
#include "errors.h"
#include "types.h"

/* Record a finding (error unless warning) with its clause. */
void
bjxm_violation(BjxmCtx *ctx, bool warning, int sqlerrcode, int article, int item,
			   const char *detail, const char *hint, const char *fmt,...)
{
	BjxmViolation *v = palloc0(sizeof(BjxmViolation));
	StringInfoData msg;

	BJXM_FORMAT(msg, fmt);
	v->article = article;
	v->item = item;
	v->sqlerrcode = sqlerrcode;
	v->warning = warning;
	v->message = msg.data;
	v->detail = detail ? pstrdup(detail) : NULL;
	v->hint = hint ? pstrdup(hint) : NULL;
	ctx->violations = lappend(ctx->violations, v);
}

/* Bad arguments: raised at once by an action, listed by check. */
void
bjxm_arg_error(BjxmCtx *ctx, int sqlerrcode, const char *fmt,...)
{
	StringInfoData msg;
	int			article = ctx->tr ? ctx->tr->article : 3;

	BJXM_FORMAT(msg, fmt);
	if (!ctx->check_only)
	{
		bjxm_log_refusal(sqlerrcode, bjxm_clause_cstring(article, 0), ctx->action,
						 ctx->has_project ? ctx->project_id : 0);
		ereport(ERROR,
				(errcode(sqlerrcode),
				 errmsg("%s: %s", bjxm_clause_cstring(article, 0), msg.data)));
	}
	bjxm_violation(ctx, false, sqlerrcode, article, 0, NULL, NULL, "%s", msg.data);
}

/* The JSON value of key in an object, or NULL (absent, null, not an object). */
JsonbValue *
bjxm_json_get(Jsonb *j, const char *key)
{
	JsonbValue *v;

	if (j == NULL || !JB_ROOT_IS_OBJECT(j))
		return NULL;
	v = getKeyJsonValueFromContainer(&j->root, key, strlen(key), NULL);
	if (v == NULL || v->type == jbvNull)
		return NULL;
	return v;
}

/* Whether key holds a string with something other than white space. */
bool
bjxm_json_nonempty_text(Jsonb *j, const char *key)
{
	JsonbValue *v = bjxm_json_get(j, key);

	if (v == NULL || v->type != jbvString)
		return false;
	for (int i = 0; i < v->val.string.len; i++)
		if (!isspace((unsigned char) v->val.string.val[i]))
			return true;
	return false;
}

/* Missing required argument. */
static void
arg_missing(BjxmCtx *ctx, const char *key)
{
	bjxm_arg_error(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, "缺少参数 %s (argument %s is required)", key, key);
}

/* A text argument; NULL if absent. */
const char *
bjxm_arg_text(BjxmCtx *ctx, const char *key, bool required)
{
	JsonbValue *v = bjxm_json_get(ctx->args, key);

	if (v == NULL)
	{
		if (required)
			arg_missing(ctx, key);
		return NULL;
	}
	if (v->type != jbvString)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为文本 (argument %s must be text)", key, key);
		return NULL;
	}
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* A boolean argument. */
bool
bjxm_arg_bool(BjxmCtx *ctx, const char *key, bool required, bool *present)
{
	JsonbValue *v = bjxm_json_get(ctx->args, key);

	*present = false;
	if (v == NULL)
	{
		if (required)
			arg_missing(ctx, key);
		return false;
	}
	if (v->type != jbvBool)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为 true 或 false (argument %s must be boolean)", key, key);
		return false;
	}
	*present = true;
	return v->val.boolean;
}

/* A number argument. */
Numeric
bjxm_arg_numeric(BjxmCtx *ctx, const char *key, bool required)
{
	JsonbValue *v = bjxm_json_get(ctx->args, key);

	if (v == NULL)
	{
		if (required)
			arg_missing(ctx, key);
		return NULL;
	}
	if (v->type != jbvNumeric)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为数值 (argument %s must be a number)", key, key);
		return NULL;
	}
	return v->val.numeric;
}

/* An amount in yuan: > 0, at most two decimals, at most 12 integer digits (SPEC §1 Money). */
Numeric
bjxm_arg_amount(BjxmCtx *ctx, const char *key, bool required)
{
	Numeric		n = bjxm_arg_numeric(ctx, key, required);
	Numeric		zero = int64_to_numeric(0);
	Numeric		limit = int64_to_numeric(INT64CONST(1000000000000));
	int32		scale;

	if (n == NULL)
		return NULL;
	if (numeric_is_nan(n) || numeric_is_inf(n))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "金额 %s 无效 (amount %s is not a number)", key, key);
		return NULL;
	}
	scale = DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(n)));
	if (scale > 2)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "金额 %s = %s 超过两位小数, 不予四舍五入 (amount has more than two decimals; not rounded)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	if (bjxm_numeric_cmp(n, zero) <= 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "金额 %s = %s 须大于零 (amount must be positive)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	if (bjxm_numeric_cmp(n, limit) >= 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "金额 %s = %s 超出 numeric(14,2) (amount too large)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	return n;
}

/* An integer argument. */
int32
bjxm_arg_int(BjxmCtx *ctx, const char *key, bool required, bool *present)
{
	Numeric		n = bjxm_arg_numeric(ctx, key, required);
	bool		have_error = false;
	int32		v;

	*present = false;
	if (n == NULL)
		return 0;
	v = numeric_int4_opt_error(n, &have_error);
	if (have_error || DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(n))) != 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为整数 (argument %s must be an integer)", key, key);
		return 0;
	}
	*present = true;
	return v;
}

/* A JSON argument (object or array), as its own Jsonb. */
Jsonb *
bjxm_arg_jsonb(BjxmCtx *ctx, const char *key, bool required)
{
	JsonbValue *v = bjxm_json_get(ctx->args, key);

	if (v == NULL)
	{
		if (required)
			arg_missing(ctx, key);
		return NULL;
	}
	if (v->type != jbvBinary)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为 JSON 对象 (argument %s must be a JSON object)", key, key);
		return NULL;
	}
	return JsonbValueToJsonb(v);
}

/* Three-way numeric comparison. */
int
bjxm_numeric_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(b)));
}

/* A numeric as text. */
char *
bjxm_numeric_text(Numeric n)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n)));
}

/* Run a cached statement; returns SPI_processed. */
uint64
bjxm_exec(SPIPlanPtr *slot, const char *sql, int nargs, Oid *types,
		  Datum *values, const char *nulls, bool read_only)
{
	int			rc;

	/*
	 * The callers are VOLATILE: every statement must see the ones before it
	 * (an action reads what it just wrote), so never SPI's read-only mode.
	 */
	(void) read_only;
	bjxm_plan(slot, sql, nargs, types);
	rc = SPI_execute_plan(*slot, values, nulls, false, 0);
	if (rc < 0)
		elog(ERROR, "bjxm: SPI failed (%s) for: %s", SPI_result_code_string(rc), sql);
	return SPI_processed;
}

/* A numeric rule setting (SPEC §8). */
Numeric
bjxm_setting_numeric(const char *key)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bool		isnull;

	values[0] = CStringGetTextDatum(key);
	if (bjxm_exec(&plan, "SELECT s.value::pg_catalog.numeric FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) $1",
				  1, types, values, NULL, true) != 1)
		elog(ERROR, "bjxm: setting %s missing", key);
	return DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/* A column of the project row. */
Datum
bjxm_col(BjxmCtx *ctx, const char *name, bool *isnull)
{
	int			fno = SPI_fnumber(ctx->desc, name);

	if (fno <= 0)
		elog(ERROR, "bjxm: no project column %s", name);
	return SPI_getbinval(ctx->row, ctx->desc, fno, isnull);
}

/* A column of the project row as text (NULL if null). */
const char *
bjxm_col_text(BjxmCtx *ctx, const char *name)
{
	int			fno = SPI_fnumber(ctx->desc, name);

	if (fno <= 0)
		elog(ERROR, "bjxm: no project column %s", name);
	return SPI_getvalue(ctx->row, ctx->desc, fno);
}

/* The state after the action, given its outcome. */
bj_state
bjxm_next_state(BjxmCtx *ctx)
{
	bj_state	next = ctx->passed ? ctx->tr->on_pass : ctx->tr->on_fail;

	if (next == BJ_S_PREVIOUS)
	{
		const char *prev = bjxm_col_text(ctx, "postponed_from");

		next = prev ? bj_state_from_name(prev) : BJ_S_COUNT;
		if (next == BJ_S_COUNT)
			elog(ERROR, "bjxm: postponed project %lld has no recorded state", (long long) ctx->project_id);
	}
	return next;
}

/* Load (and lock, for an action) the project row; false if absent. */
static bool
load_project(BjxmCtx *ctx)
{
	static SPIPlanPtr lock_plan = NULL;
	static SPIPlanPtr read_plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		isnull;
	const char *sql_lock =
		"SELECT p.*, u.code::text AS unit_code, u.region AS unit_region, u.kind::text AS unit_kind "
		"FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
		"WHERE p.project_id OPERATOR(pg_catalog.=) $1 FOR UPDATE OF p";
	const char *sql_read =
		"SELECT p.*, u.code::text AS unit_code, u.region AS unit_region, u.kind::text AS unit_kind "
		"FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
		"WHERE p.project_id OPERATOR(pg_catalog.=) $1";

	values[0] = Int64GetDatum(ctx->project_id);
	if (bjxm_exec(ctx->check_only ? &read_plan : &lock_plan, ctx->check_only ? sql_read : sql_lock,
				  1, types, values, NULL, ctx->check_only) != 1)
		return false;
	ctx->row = SPI_tuptable->vals[0];
	ctx->desc = SPI_tuptable->tupdesc;
	ctx->state = bj_state_from_name(bjxm_col_text(ctx, "state"));
	ctx->unit_id = DatumGetInt64(bjxm_col(ctx, "unit_id", &isnull));
	ctx->unit_code = bjxm_col_text(ctx, "unit_code");
	ctx->unit_region = bjxm_col_text(ctx, "unit_region");
	ctx->unit_kind = bjxm_col_text(ctx, "unit_kind");
	return true;
}

/* Whether the actor may see the project (SPEC §1 Visibility). */
static bool
actor_sees_project(BjxmCtx *ctx)
{
	return bjxm_actor_sees_project(ctx->unit_id, ctx->unit_region, ctx->project_id);
}

/* 42501 for a project that is absent or not visible: existence is not leaked. */
static void
raise_not_visible(BjxmCtx *ctx)
{
	bjxm_log_refusal(ERRCODE_INSUFFICIENT_PRIVILEGE, bjxm_clause_cstring(3, 0), ctx->action, ctx->project_id);
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("%s: 项目 %lld 不存在或无权访问 (no such project, or not visible to %s)",
					bjxm_clause_cstring(3, 0), (long long) ctx->project_id, bjxm_actor_name())));
}

/* The duties of a transition as names, for bjxm_duty_check. */
static int
duty_names(unsigned mask, const char **out)
{
	int			n = 0;

	for (unsigned bit = 1; bit <= BJ_DUTY_ALL; bit <<= 1)
		if (mask & bit)
			out[n++] = bj_duty_name(bit);
	return n;
}

/* Duty check for the action; a refusal is raised, or listed by check. */
static void
check_duty(BjxmCtx *ctx, unsigned mask, const char *region_override)
{
	const char *names[8];
	int			n = duty_names(mask, names);
	BjxmDutyRefusal why;
	int			matched;

	matched = bjxm_duty_check(ctx->action, ctx->tr ? ctx->tr->article : 3, names, n,
							  ctx->unit_id, region_override != NULL || !ctx->unit_known,
							  ctx->unit_known ? ctx->unit_region : NULL, region_override, &why);
	if (matched == BJXM_DUTY_REFUSED)
	{
		if (!ctx->check_only)
			bjxm_duty_raise(&why, ctx->has_project ? ctx->project_id : 0);
		bjxm_violation(ctx, false, ERRCODE_INSUFFICIENT_PRIVILEGE, why.article, 0,
					   why.detail, why.hint, "%s", why.message);
		ctx->duty = NULL;
		return;
	}
	ctx->duty = matched < 0 ? "superuser" : names[matched];
}

/* BJ000: the state does not allow the action; names the actions it allows. */
static void
state_refusal(BjxmCtx *ctx, int article)
{
	bj_action	allowed[BJ_A_COUNT];
	int			n = bj_lifecycle_allowed(ctx->state, allowed, BJ_A_COUNT);
	StringInfoData list;

	initStringInfo(&list);
	for (int i = 0; i < n; i++)
		appendStringInfo(&list, "%s%s", i ? ", " : "", bj_action_name(allowed[i]));
	if (n == 0)
		appendStringInfoString(&list, "(无, 项目已结束 / none: the project is closed)");
	bjxm_violation(ctx, false, ERRCODE_BJ000, article, 0,
				   psprintf("当前状态允许的操作 (actions allowed now): %s", list.data),
				   NULL,
				   "项目 %lld 当前状态为“%s”(%s), 不能执行“%s” (not allowed from state %s)",
				   (long long) ctx->project_id, bj_state_label(ctx->state), bj_state_name(ctx->state),
				   ctx->action, bj_state_name(ctx->state));
}

/* Order findings by clause; errors before warnings within a clause. */
static int
violation_cmp(const ListCell *a, const ListCell *b)
{
	const BjxmViolation *x = lfirst(a);
	const BjxmViolation *y = lfirst(b);

	if (x->warning != y->warning)
		return x->warning ? 1 : -1;
	if (x->article != y->article)
		return x->article - y->article;
	return x->item - y->item;
}

/* The handler of an action. */
static const BjxmActionDef *
action_def(bj_action act)
{
	const BjxmActionDef *d = bjxm_lifecycle_action(act);

	if (d == NULL)
		d = bjxm_funding_action(act);
	if (d == NULL)
		d = bjxm_eligibility_action(act);
	if (d == NULL)
		d = bjxm_data_action(act);
	if (d == NULL)
		d = bjxm_security_action(act);
	return d;
}

/* Raise the first error in article order, after announcing warnings. */
void
bjxm_raise_findings(BjxmCtx *ctx)
{
	ListCell   *lc;
	BjxmViolation *first = NULL;

	list_sort(ctx->violations, violation_cmp);
	foreach(lc, ctx->violations)
	{
		BjxmViolation *v = lfirst(lc);

		if (!v->warning && first == NULL)
			first = v;
	}
	if (first != NULL)
	{
		const char *logged_action = ctx->action;

		bjxm_refuse(first->sqlerrcode, first->article, first->item, logged_action,
					ctx->has_project ? ctx->project_id : 0,
					first->detail, first->hint, "%s", first->message);
	}
	foreach(lc, ctx->violations)
	{
		BjxmViolation *v = lfirst(lc);

		ereport(NOTICE,
				(errmsg("%s: %s", bjxm_clause_cstring(v->article, v->item), v->message),
				 v->detail ? errdetail("%s", v->detail) : 0));
	}
}

/* A transition of act from any state: its duties and article. */
static const bj_transition *
any_transition(bj_action act)
{
	for (int s = 0; s < BJ_S_COUNT; s++)
	{
		const bj_transition *t = bj_lifecycle_lookup((bj_state) s, act);

		if (t != NULL)
			return t;
	}
	elog(ERROR, "bjxm: action %s has no transition", bj_action_name(act));
	pg_unreachable();
}

/*
 * Run the action (or, check_only, list its findings): visibility, duty,
 * state, rules, then the change.  Caller is connected to SPI.
 */
static void
run(BjxmCtx *ctx)
{
	const BjxmActionDef *def = action_def(ctx->act);
	const bj_transition *tr = NULL;
	unsigned	mask;
	const char *region = NULL;
	bool		present;
	bool		p;

	if (def == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("bjxm: 操作“%s”尚未提供 (action %s is not available in this version)", ctx->action, ctx->action)));

	if (ctx->act == BJ_A_CREATE_PROJECT)
		tr = bj_lifecycle_create();
	else if (ctx->has_project)
	{
		if (!load_project(ctx) || !actor_sees_project(ctx))
			raise_not_visible(ctx);
		ctx->unit_known = true;
		tr = bj_lifecycle_lookup(ctx->state, ctx->act);
	}
	ctx->tr = tr ? tr : any_transition(ctx->act);

	/* The outcome argument, for actions that have one. */
	p = bjxm_arg_bool(ctx, "passed", false, &present);
	ctx->passed = present ? p : true;

	/* 第三条: the duty, possibly narrowed by the handler. */
	mask = ctx->tr->duties;
	if (def->duty != NULL)
		def->duty(ctx, &mask, &region);
	check_duty(ctx, mask, region);

	/* The state (the transition table, src/core/lifecycle.c). */
	if (ctx->has_project && tr == NULL)
	{
		if (ctx->act == BJ_A_RECORD_DISBURSEMENT &&
			(ctx->state == BJ_S_POSTPONED || ctx->state == BJ_S_TERMINATED))
			bjxm_violation(ctx, false, ERRCODE_BJ012, 12, 0,
						   "因用户单位原因推迟或终止实施的项目不再拨付资金。", NULL,
						   "项目 %lld 状态为“%s”, 不能拨付资金 (project is %s: no disbursement)",
						   (long long) ctx->project_id, bj_state_label(ctx->state), bj_state_name(ctx->state));
		else
			state_refusal(ctx, ctx->tr->article);
		if (!ctx->check_only)
			bjxm_raise_findings(ctx);
	}

	if (def->rules != NULL)
		def->rules(ctx);
	if (ctx->check_only)
		return;
	bjxm_raise_findings(ctx);
	if (def->apply != NULL)
		def->apply(ctx);
	else
		bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* Duty check with a region override (for handlers acting outside the project). */
void
bjxm_check_duty(BjxmCtx *ctx, unsigned mask, const char *region_override)
{
	check_duty(ctx, mask, region_override);
}

/*
 * Record the event of a move whose project row the handler has already
 * written, state and updated_at included (one UPDATE per action instead
 * of two).
 */
int64
bjxm_move_written(BjxmCtx *ctx, bj_state next, const char *note)
{
	Datum		from_d;
	bool		isnull;
	int64		event_id;

	from_d = bjxm_col(ctx, "state", &isnull);
	event_id = bjxm_record_event(ctx->project_id, false, ctx->unit_id, false, ctx->action,
								 from_d, false, bjxm_state_datum(next), false,
								 BjxmClausePack(ctx->tr->article, ctx->tr->item), false,
								 note, JsonbPGetDatum(ctx->details ? ctx->details : ctx->args),
								 ctx->details == NULL && ctx->args == NULL);
	ctx->state = next;
	return event_id;
}

/* Change the project's state and record the event. */
int64
bjxm_move(BjxmCtx *ctx, bj_state next, const char *note)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];

	/*
	 * Every action writes the project row, even when the state stays: a
	 * concurrent REPEATABLE READ or SERIALIZABLE action on the project then
	 * gets 40001 at its row lock instead of deciding on a stale snapshot.
	 */
	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(bj_state_name(next));
	bjxm_exec(&plan, "UPDATE bjxm.projects SET state = $2::bjxm.project_state, "
			  "updated_at = pg_catalog.clock_timestamp() WHERE project_id OPERATOR(pg_catalog.=) $1",
			  2, types, values, NULL, false);
	return bjxm_move_written(ctx, next, note);
}

PG_FUNCTION_INFO_V1(bjxm_act);
/*
 * bjxm._act(project bigint, action text, args jsonb) → bigint: perform an
 * action (internal: the public functions are thin SQL over it).
 */
Datum
bjxm_act(PG_FUNCTION_ARGS)
{
	BjxmCtx		ctx;
	char	   *action;

	if (PG_ARGISNULL(1))
		elog(ERROR, "bjxm: _act needs an action");
	memset(&ctx, 0, sizeof(ctx));
	action = text_to_cstring(PG_GETARG_TEXT_PP(1));
	ctx.action = action;
	ctx.act = bj_action_from_name(action);
	if (ctx.act == BJ_A_COUNT)
		elog(ERROR, "bjxm: unknown action %s", action);
	ctx.has_project = !PG_ARGISNULL(0);
	ctx.project_id = ctx.has_project ? PG_GETARG_INT64(0) : 0;
	ctx.args = PG_ARGISNULL(2) ? NULL : PG_GETARG_JSONB_P(2);
	if (!ctx.has_project && ctx.act != BJ_A_CREATE_PROJECT && ctx.act != BJ_A_APPROVE_ANNUAL_PLAN)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: “%s”须指明项目 (project is required)", bjxm_clause_cstring(3, 0), action)));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	run(&ctx);
	SPI_finish();
	PG_RETURN_INT64(ctx.result);
}

PG_FUNCTION_INFO_V1(bjxm_check);
/*
 * bjxm.check(project bigint, action text, args jsonb) → setof violation:
 * every reason the action would fail and every warning; changes nothing.
 */
Datum
bjxm_check(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BjxmCtx		ctx;
	char	   *action;
	List	   *found;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("bjxm.check: 须指明操作 (action is required)")));
	memset(&ctx, 0, sizeof(ctx));
	ctx.check_only = true;
	action = text_to_cstring(PG_GETARG_TEXT_PP(1));
	ctx.action = action;
	ctx.act = bj_action_from_name(action);
	if (ctx.act == BJ_A_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bjxm.check: 未知的操作“%s” (unknown action)", action),
				 errhint("操作即 bjxm 的函数名, 如 declare、arrange_budget、record_procurement。")));
	ctx.has_project = !PG_ARGISNULL(0);
	ctx.project_id = ctx.has_project ? PG_GETARG_INT64(0) : 0;
	ctx.args = PG_ARGISNULL(2) ? NULL : PG_GETARG_JSONB_P(2);
	if (ctx.args != NULL && !JB_ROOT_IS_OBJECT(ctx.args))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bjxm.check: args 须为 JSON 对象 (args must be a JSON object)")));
	if (!ctx.has_project && ctx.act != BJ_A_CREATE_PROJECT && ctx.act != BJ_A_APPROVE_ANNUAL_PLAN)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("bjxm.check: 操作“%s”须指明项目 (project is required)", action)));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	run(&ctx);
	found = bjxm_violations_copy(ctx.violations, rsinfo->econtext->ecxt_per_query_memory);
	SPI_finish();
	bjxm_violations_emit(rsinfo, found);
	return (Datum) 0;
}

/* The bjxm.project_state Datum of a state. */
Datum
bjxm_state_datum(bj_state s)
{
	Oid			nsp = get_namespace_oid("bjxm", false);
	Oid			state_type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											 CStringGetDatum("project_state"), ObjectIdGetDatum(nsp));

	return DirectFunctionCall2(enum_in, CStringGetDatum(bj_state_name(s)), ObjectIdGetDatum(state_type));
}

/* Whether label is a value of enum type bjxm.<type>. */
bool
bjxm_enum_has(const char *type, const char *label)
{
	Oid			nsp = get_namespace_oid("bjxm", false);
	Oid			typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
										CStringGetDatum(type), ObjectIdGetDatum(nsp));

	if (!OidIsValid(typid) || label == NULL)
		return false;
	return SearchSysCacheExists2(ENUMTYPOIDNAME, ObjectIdGetDatum(typid), CStringGetDatum(label));
}

/* The violations sorted by clause, copied into cxt (out of SPI memory). */
List *
bjxm_violations_copy(List *violations, MemoryContext cxt)
{
	MemoryContext oldcxt = MemoryContextSwitchTo(cxt);
	List	   *found = NIL;
	ListCell   *lc;

	list_sort(violations, violation_cmp);
	foreach(lc, violations)
	{
		BjxmViolation *v = lfirst(lc);
		BjxmViolation *c = palloc(sizeof(BjxmViolation));

		*c = *v;
		c->message = pstrdup(v->message);
		c->detail = v->detail ? pstrdup(v->detail) : NULL;
		c->hint = v->hint ? pstrdup(v->hint) : NULL;
		found = lappend(found, c);
	}
	MemoryContextSwitchTo(oldcxt);
	return found;
}

/* Emit violations as bjxm.violation rows. */
void
bjxm_violations_emit(ReturnSetInfo *rsinfo, List *found)
{
	ListCell   *lc;

	foreach(lc, found)
	{
		BjxmViolation *v = lfirst(lc);
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = BjxmClauseGetDatum(v->article, v->item);
		values[1] = CStringGetTextDatum(unpack_sql_state(v->sqlerrcode));
		values[2] = CStringGetTextDatum(v->warning ? "warning" : "error");
		values[3] = CStringGetTextDatum(psprintf("%s: %s", bjxm_clause_cstring(v->article, v->item), v->message));
		if (v->detail)
			values[4] = CStringGetTextDatum(v->detail);
		else
			nulls[4] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* Load a project, without locking; false if it is absent or not visible to the actor. */
bool
bjxm_try_load_visible_project(BjxmCtx *ctx)
{
	if (!load_project(ctx) || !actor_sees_project(ctx))
		return false;
	ctx->unit_known = true;
	return true;
}

/* Load a project the actor may see (42501 otherwise) for a read-only examination. */
void
bjxm_load_visible_project(BjxmCtx *ctx)
{
	if (!load_project(ctx) || !actor_sees_project(ctx))
		raise_not_visible(ctx);
	ctx->unit_known = true;
}

/* Whether v is one of the n strings of list. */
bool
bjxm_one_of(const char *v, const char *const *list, size_t n)
{
	for (size_t i = 0; v != NULL && i < n; i++)
		if (strcmp(v, list[i]) == 0)
			return true;
	return false;
}
