/*
 * engine.c — runs every action of the registry (src/registry.c), and its
 * dry run bjxm.check, through the same steps (docs/design.md §2):
 *
 *   1. the object: the row's loader, or for an action on a state the
 *      project (locked for an action); one the actor may not see is
 *      refused exactly as a missing one (42501);
 *   2. the duty (第三条, scoped by 第三十五条): the transition table's
 *      duties, narrowed by the row;
 *   3. the state: the core transition table; refused with BJ000 (or
 *      BJ012 for a disbursement on a postponed or terminated project);
 *   4. the arguments, each parsed once, unknown ones refused;
 *   5. the rules, which add findings;
 *   6. check: return every finding; action: raise the first error in
 *      article order (warnings become NOTICEs), then apply and record the
 *      one event.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

#include "action.h"
#include "independence.h"
#include "duties.h"
#include "registry.h"
#include "spi.h"
#include "types.h"

/* BJ000: the state does not allow the action; names the actions it allows. */
static void
state_refusal(BjxmCtx *ctx)
{
	bj_action	allowed[BJ_A_COUNT];
	int			n = bj_transitions_allowed(ctx->state, allowed, BJ_A_COUNT);
	StringInfoData list;

	/* 第十二条: a postponed or terminated project gets no money (BJ012). */
	if (ctx->act == BJ_A_RECORD_DISBURSEMENT &&
		(ctx->state == BJ_S_POSTPONED || ctx->state == BJ_S_TERMINATED))
	{
		bjxm_violation(ctx, false, ERRCODE_BJ012, BJ_ART_EXECUTION, 0,
					   "因用户单位原因推迟或终止实施的项目不再拨付资金。", NULL,
					   "项目 %lld 状态为“%s”, 不能拨付资金 (project is %s: no disbursement)",
					   (long long) ctx->project_id, bj_state_label(ctx->state), bj_state_name(ctx->state));
		return;
	}
	initStringInfo(&list);
	for (int i = 0; i < n; i++)
		appendStringInfo(&list, "%s%s", i ? ", " : "", bj_action_name(allowed[i]));
	if (n == 0)
		appendStringInfoString(&list, "(无, 项目已结束 / none: the project is closed)");
	bjxm_violation(ctx, false, ERRCODE_BJ000, ctx->tr->article, 0,
				   psprintf("当前状态允许的操作 (actions allowed now): %s", list.data),
				   NULL,
				   "项目 %lld 当前状态为“%s”(%s), 不能执行“%s” (not allowed from state %s)",
				   (long long) ctx->project_id, bj_state_label(ctx->state), bj_state_name(ctx->state),
				   ctx->action, bj_state_name(ctx->state));
}

/* Whether the action's spec has an argument called name. */
static bool
has_arg(const BjxmActionDef *def, const char *name, size_t len)
{
	for (int i = 0; i < def->nargs; i++)
		if (strlen(def->args[i].name) == len && strncmp(def->args[i].name, name, len) == 0)
			return true;
	return false;
}

/* Parse every argument in the spec's order, and refuse keys it does not name. */
static void
parse_arguments(BjxmCtx *ctx)
{
	const BjxmActionDef *def = ctx->def;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	for (int i = 0; i < def->nargs; i++)
		(void) bjxm_arg(ctx, def->args[i].name);
	if (has_arg(def, "passed", strlen("passed")))
	{
		const BjxmArg *p = bjxm_arg(ctx, "passed");

		ctx->passed = p->present ? p->b : true;
	}
	else
		ctx->passed = true;
	if (def->note != NULL)
		ctx->note = bjxm_arg_text(ctx, def->note);
	if (ctx->args == NULL)
		return;
	it = JsonbIteratorInit(&ctx->args->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_KEY && !has_arg(def, v.val.string.val, v.val.string.len))
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "未知的参数 %.*s (unknown argument %.*s)",
						   v.val.string.len, v.val.string.val, v.val.string.len, v.val.string.val);
}

/*
 * The object the public function named (def->named_by), whose project the
 * actor may not load: refused as that object, missing, naming only the id
 * the caller gave (issue 15: no existence oracle).
 */
static void
refuse_named(BjxmCtx *ctx)
{
	const BjxmArg *id = bjxm_arg(ctx, ctx->def->named_by);

	ctx->has_project = false;
	bjxm_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, BJ_ART_DUTIES, 0, ctx->action, 0, NULL, NULL,
				"%s %s 不存在或无权访问 (no such %s, or not visible to %s)", ctx->def->named_zh,
				id->present ? psprintf(INT64_FORMAT, id->id) : "<NULL>", ctx->def->named_en, bjxm_actor_name());
}

/* Run the action (or, check_only, list its findings).  Caller is in SPI. */
static void
run(BjxmCtx *ctx)
{
	bj_action_kind kind = bj_action_kind_of(ctx->act);
	unsigned	mask;
	const char *region = NULL;
	bool		state_refused = false;

	ctx->def = &bjxm_registry[ctx->act];
	ctx->tr = bj_action_rule(ctx->act);
	if (ctx->tr == NULL || ctx->def->args == NULL)
		elog(ERROR, "bjxm: action %s is not in the registry", ctx->action);

	/* 1. The object acted on. */
	if (ctx->def->load != NULL)
		ctx->def->load(ctx);
	else if (kind == BJ_KIND_ON_STATE)
	{
		if (!bjxm_load_project(ctx, ctx->project_id))
		{
			if (ctx->def->named_by != NULL)
				refuse_named(ctx);
			bjxm_refuse_project(ctx);
		}
		ctx->tr = bj_transition_lookup(ctx->state, ctx->act);
		state_refused = ctx->tr == NULL;
		if (state_refused)
			ctx->tr = bj_action_rule(ctx->act);
	}

	/* 2. 第三条: the duty, possibly narrowed by the row. */
	mask = ctx->tr->duties;
	if (ctx->def->duty != NULL)
		ctx->def->duty(ctx, &mask, &region);
	if (mask != BJ_DUTY_NONE)
		bjxm_check_duty(ctx, mask, region);

	/* 3. The state (the core transition table). */
	if (state_refused)
	{
		state_refusal(ctx);
		if (!ctx->check_only)
			bjxm_raise_findings(ctx);
	}

	/* 4, 5. The arguments, then the rules. */
	parse_arguments(ctx);
	if (ctx->def->rules != NULL)
		ctx->def->rules(ctx);
	/* 第七条, 第三十三条: the third party acting is independent. */
	bjxm_rule_independence(ctx);
	if (ctx->check_only)
		return;

	/* 6. The first error, else the change and its event. */
	bjxm_raise_findings(ctx);
	if (ctx->def->apply != NULL)
		ctx->def->apply(ctx);
	else
		bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/* The action named by argument 1, and the project of argument 0, into ctx. */
static void
start(BjxmCtx *ctx, FunctionCallInfo fcinfo, const char *who)
{
	char	   *action;
	bj_action_kind kind;

	memset(ctx, 0, sizeof(*ctx));
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: 须指明操作 (action is required)", who)));
	action = text_to_cstring(PG_GETARG_TEXT_PP(1));
	ctx->action = action;
	ctx->act = bj_action_from_name(action);
	if (ctx->act == BJ_A_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: 未知的操作“%s” (unknown action)", who, action),
				 errhint("操作即 bjxm 的函数名, 如 declare、arrange_budget、record_procurement; 全部见 bjxm.actions()。")));
	ctx->has_project = !PG_ARGISNULL(0);
	ctx->project_id = ctx->has_project ? PG_GETARG_INT64(0) : 0;
	ctx->args = PG_ARGISNULL(2) ? NULL : PG_GETARG_JSONB_P(2);
	if (ctx->args != NULL && !JB_ROOT_IS_OBJECT(ctx->args))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: args 须为 JSON 对象 (args must be a JSON object)", who)));
	kind = bj_action_kind_of(ctx->act);
	if (kind == BJ_KIND_ON_STATE && bjxm_registry[ctx->act].load == NULL && !ctx->has_project)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: 操作“%s”须指明项目 (project is required)", who, action)));
	if ((kind != BJ_KIND_ON_STATE || bjxm_registry[ctx->act].load != NULL) && ctx->has_project)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: 操作“%s”不针对一个项目, project 须为 NULL (the action takes no project)", who, action),
				 errhint("对象由参数指明, 见 bjxm.actions() 的 arguments。")));
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

	start(&ctx, fcinfo, bjxm_clause_cstring(BJ_ART_DUTIES, 0));
	if (bj_action_kind_of(ctx.act) == BJ_KIND_DRY_RUN)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("“%s”只是预检, 不能执行 (%s is a dry run only)", ctx.action, ctx.action),
				 errhint("以 bjxm.check(NULL, '%s', args) 或 bjxm.%s() 预检。", ctx.action, ctx.action)));
	bjxm_spi_connect();
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
	List	   *found;

	InitMaterializedSRF(fcinfo, 0);
	start(&ctx, fcinfo, "bjxm.check");
	ctx.check_only = true;
	bjxm_spi_connect();
	run(&ctx);
	found = bjxm_violations_copy(ctx.violations, rsinfo->econtext->ecxt_per_query_memory);
	SPI_finish();
	bjxm_violations_emit(rsinfo, found);
	return (Datum) 0;
}

/* The name of an action kind, for bjxm.actions(). */
static const char *
kind_name(bj_action_kind kind)
{
	switch (kind)
	{
		case BJ_KIND_ON_STATE:
			return "on_state";
		case BJ_KIND_CREATE:
			return "create";
		case BJ_KIND_STATELESS:
			return "stateless";
		case BJ_KIND_DRY_RUN:
			return "dry_run";
	}
	return "?";
}

/* A text[] of n C strings. */
static Datum
text_array(const char **items, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));

	for (int i = 0; i < n; i++)
		d[i] = CStringGetTextDatum(items[i]);
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(bjxm_actions);
/*
 * bjxm.actions() → (action, kind, duties, clause, articles, states,
 * arguments): the registry, for applications and documentation.
 */
Datum
bjxm_actions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int a = 0; a < BJ_A_COUNT; a++)
	{
		const BjxmActionDef *def = &bjxm_registry[a];
		const bj_transition *rule = bj_action_rule((bj_action) a);
		const char *names[8];
		const char *states[BJ_S_COUNT];
		Datum		articles[BJXM_MAX_ARTICLES];
		int			nduties = 0,
					nstates = 0,
					narticles = 0;
		StringInfoData args;
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		for (unsigned bit = 1; bit <= BJ_DUTY_ALL; bit <<= 1)
			if (rule->duties & bit)
				names[nduties++] = bj_duty_name(bit);
		for (int s = 0; s < BJ_S_COUNT; s++)
			if (bj_transition_lookup((bj_state) s, (bj_action) a) != NULL)
				states[nstates++] = bj_state_name((bj_state) s);
		for (int i = 0; i < BJXM_MAX_ARTICLES && def->articles[i] != 0; i++)
			articles[narticles++] = BjxmClauseGetDatum(def->articles[i], 0);
		initStringInfo(&args);
		appendStringInfoChar(&args, '[');
		for (int i = 0; i < def->nargs; i++)
			appendStringInfo(&args, "%s{\"name\": \"%s\", \"type\": \"%s\", \"required\": %s}", i ? ", " : "",
							 def->args[i].name, bjxm_arg_type_name(def->args[i].type),
							 def->args[i].required ? "true" : "false");
		appendStringInfoChar(&args, ']');

		values[0] = CStringGetTextDatum(bj_action_name((bj_action) a));
		values[1] = CStringGetTextDatum(kind_name(bj_action_kind_of((bj_action) a)));
		values[2] = text_array(names, nduties);
		values[3] = BjxmClauseGetDatum(rule->article, rule->item);
		values[4] = PointerGetDatum(construct_array(articles, narticles,
													get_element_type(TupleDescAttr(rsinfo->setDesc, 4)->atttypid),
													sizeof(int32), true, TYPALIGN_INT));
		values[5] = text_array(states, nstates);
		values[6] = DirectFunctionCall1(jsonb_in, CStringGetDatum(args.data));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
