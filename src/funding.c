/*
 * funding.c — 第三章 资金管理, 第十条–第十二条.
 *
 *   第十条   arrange_budget: finance's, or the unit's own for self-raised
 *            funds (a 市属国企's only); on the project's line items, at
 *            most their sum and the reviewed estimate; no new money under
 *            a 第三十一条 hold; 第三十二条 targets and 事前绩效评估
 *            (supervision.c)
 *   第十一条 支持范围: what city IT money may not pay for.  A line item is
 *            refused (BJ011) when its category is excluded, or when its
 *            name or description contains an expense phrase of the
 *            dictionary bjxm.excluded_terms, unless bigdata waived that
 *            term for the project.  One rule function serves
 *            add_line_item, bjxm.check (expense_check included) and the C
 *            trigger on bjxm.line_items, so it holds for every write path
 *            (a direct INSERT by the owner, COPY).
 *   第十二条 record_disbursement within the contract and the budget,
 *            dated from the contract to today; postpone, terminate and
 *            resume (推迟或终止实施).
 *
 * The dictionary and the categories are compiled once per backend into an
 * Aho–Corasick matcher (src/core/matcher.c) and a category table; a
 * statement trigger on either table sends a relcache invalidation at
 * commit, and every backend rebuilds on its next check.  Nothing is
 * rebuilt per row.
 *
 * Restore: a line item that was admitted carries admission_event, the
 * event that recorded its admission (with a digest of the row).  The
 * trigger accepts such a row without consulting today's dictionary, so
 * pg_dump/pg_restore round-trips items that were waived or that a later
 * dictionary would refuse.  admission_event references bjxm.events, so
 * pg_dump restores the events first.  Forging one needs an event the
 * append-only log does not have.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/md5.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"

#include "action.h"
#include "funding.h"
#include "jurisdictions.h"
#include "expense.h"
#include "matcher.h"
#include "normalize.h"
#include "reviews.h"
#include "settings.h"
#include "spi.h"
#include "supervision.h"
#include "types.h"

/* Matches looked at in place before a text with more gets a buffer of its own. */
#define BJXM_MATCHES_INLINE 16
/* At most this many contexts in an allow or deny list (set_excluded_term). */
#define BJXM_CONTEXTS_MAX 64
/* Longest dictionary term (a phrase, not a text). */
#define BJXM_TERM_MAX_CHARS 64
/* A budget year at most this many years after the plan year (multi-year, 运维 renewed). */
#define BJXM_BUDGET_YEARS 10
/* MD5 in hex, with its NUL. */
#define BJXM_MD5_HEX_LEN 33

/* ------------------------------------------------------------------ */
/* 第十条: the budget                                                  */
/* ------------------------------------------------------------------ */

/* arrange_budget is finance's, or the unit's own for self-raised funds (第十条). */
void
bjxm_arrange_budget_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	const char *fund = bjxm_col_text(ctx, "fund");

	*mask = strcmp(fund, "self_raised") == 0 ? BJ_DUTY_USER_UNIT : BJ_DUTY_FINANCE;
}

/* The sum of the project's line items (0 when it has none). */
static Numeric
line_items_total(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->project_id)};
	bool		isnull;

	bjxm_exec(&plan, "SELECT COALESCE(pg_catalog.sum(l.amount), 0) FROM bjxm.line_items l "
			  "WHERE l.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	return DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/*
 * 第十条: 自筹 is how a 市属国企 funds its project; a government project is
 * funded by 财政部门 (本级财政) or from superior funds (BJ010).
 */
void
bjxm_rule_fund_source(BjxmCtx *ctx, const char *fund)
{
	if (fund != NULL && strcmp(fund, "self_raised") == 0 && ctx->unit_kind != NULL &&
		strcmp(ctx->unit_kind, "soe") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
					   psprintf("单位 %s 的类别为 %s, 资金来源为 self_raised (自筹)。", ctx->unit_code, ctx->unit_kind),
					   "政府投资项目由财政部门安排市级预算资金 (municipal_fiscal) 或使用上级资金 (superior); 自筹仅限市属国企。",
					   "自行筹措建设资金仅适用于市属国企项目 (self-raised funds are for SOE projects only)");
}

/*
 * 第十条, 第十一条: the budget is arranged on the project's line items
 * (the only place 第十一条's scope can be checked) and within the
 * reviewed estimate: at most their sum, at most the estimate (BJ010).
 */
static void
rule_budget_chain(BjxmCtx *ctx, Numeric amount)
{
	Numeric		items = line_items_total(ctx);
	Numeric		estimate = bjxm_col_num(ctx, "estimate");

	if (amount == NULL)
		return;
	if (bjxm_numeric_cmp(items, int64_to_numeric(0)) <= 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
					   psprintf("项目没有支出事项; 拟安排预算 %s 元。", bjxm_numeric_text(amount)),
					   "先以 bjxm.add_line_item 逐项列出支出事项 (第十一条的支持范围按支出事项审核), 再安排预算。",
					   "未列支出事项的项目不能安排预算 (no line items: budget cannot be arranged)");
	else if (bjxm_numeric_cmp(amount, items) > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
					   psprintf("拟安排预算 %s 元, 支出事项合计 %s 元。", bjxm_numeric_text(amount), bjxm_numeric_text(items)),
					   "预算不得超过已纳入的支出事项合计; 超出部分须先列为支出事项。",
					   "预算 %s 元超过支出事项合计 %s 元 (budget above the sum of line items)",
					   bjxm_numeric_text(amount), bjxm_numeric_text(items));
	if (estimate != NULL && bjxm_numeric_cmp(amount, estimate) > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
					   psprintf("拟安排预算 %s 元, 经评审的估算 %s 元。", bjxm_numeric_text(amount), bjxm_numeric_text(estimate)),
					   "预算不得超过经评审的估算; 确需增加的, 按第十九条申请调整, 经专家评审同意后由财政部门调整预算。",
					   "预算 %s 元超过经评审的估算 %s 元 (budget above the reviewed estimate)",
					   bjxm_numeric_text(amount), bjxm_numeric_text(estimate));
}

/* arrange_budget: 第十条 fund and amounts; 第三十一条 hold; 第三十二条 targets and ex-ante assessment. */
void
bjxm_arrange_budget_rules(BjxmCtx *ctx)
{
	Numeric		amount = bjxm_arg_num(ctx, "amount");

	bjxm_rule_fund_source(ctx, bjxm_col_text(ctx, "fund"));
	rule_budget_chain(ctx, amount);
	bjxm_rule_rectification_hold(ctx, true);
	bjxm_rule_performance(ctx, amount);
}

/*
 * Record the budget — the plan year's, of the project's fund source, in
 * bjxm.budgets (when the schema has it) — and move.
 */
void
bjxm_arrange_budget_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr row = NULL;
	Oid			types[1] = {NUMERICOID};
	Numeric		amount = bjxm_arg_num(ctx, "amount");
	Datum		values[1] = {NumericGetDatum(amount)};

	if (bjxm_has_column("budgets", "amount"))
	{
		Oid			rtypes[2] = {INT8OID, NUMERICOID};
		Datum		rvalues[2] = {Int64GetDatum(ctx->project_id), NumericGetDatum(amount)};

		bjxm_exec(&row, "INSERT INTO bjxm.budgets (project_id, year, fund, amount, arranged_by) "
				  "SELECT p.project_id, p.plan_year, p.fund, $2, bjxm.acting_role() FROM bjxm.projects p "
				  "WHERE p.project_id OPERATOR(pg_catalog.=) $1", 2, rtypes, rvalues, NULL);
	}
	/* The event names the budgets row it wrote (bjxm.verify_state, issue 17). */
	{
		bool		isnull;

		ctx->details = bjxm_jsonb_with(ctx->args, psprintf("{\"year\": %d, \"fund\": %s}",
															DatumGetInt32(bjxm_col(ctx, "plan_year", &isnull)),
															bjxm_json_quote(bjxm_col_text(ctx, "fund"))));
	}
	bjxm_move_set(ctx, &plan, "budget = $2", 1, types, values, NULL, bjxm_next_state(ctx),
				  psprintf("%s 元", bjxm_numeric_text(amount)));
}

/* ------------------------------------------------------------------ */
/* 第十条, 第十二条: revising a year's budget                          */
/* ------------------------------------------------------------------ */

/* The fund source a revision is of: the argument, else the project's. */
static const char *
revision_fund(BjxmCtx *ctx)
{
	const char *fund = bjxm_arg_text(ctx, "fund");

	return fund != NULL ? fund : bjxm_col_text(ctx, "fund");
}

/* revise_budget: finance's, or the SOE's own for self-raised funds (第十条). */
void
bjxm_revise_budget_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	*mask = strcmp(revision_fund(ctx), "self_raised") == 0 ? BJ_DUTY_USER_UNIT : BJ_DUTY_FINANCE;
}

/* A numeric SQL value of one row. */
static Numeric
one_numeric(SPITupleTable *tab, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tab->vals[0], tab->tupdesc, col, &isnull);

	return isnull ? int64_to_numeric(0) : DatumGetNumeric(d);
}

/*
 * revise_budget: 第十条 the fund source; an increase on line items, within
 * the estimate and the approved 第十九条 increases, and re-running the
 * hold (第三十一条), 第三十二条 and 第三十四条; a decrease never below
 * what is paid or committed (第十二条, 第十四条, 第十六条).
 */
void
bjxm_revise_budget_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {INT8OID, INT4OID, TEXTOID, NUMERICOID};
	Datum		values[4];
	const BjxmArg *year = bjxm_arg(ctx, "year");
	Numeric		new_amount = bjxm_arg_num(ctx, "new_amount");
	const char *fund = revision_fund(ctx);
	bool		isnull;
	int32		plan_year = DatumGetInt32(bjxm_col(ctx, "plan_year", &isnull));
	Numeric		old_row, total, items, ceiling, paid;

	if (year->present && (year->i < plan_year || year->i > plan_year + BJXM_BUDGET_YEARS))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "预算年度 %d 须在计划年度 %d 与其后 %d 年之间 (budget year outside the project's years)",
					   year->i, plan_year, BJXM_BUDGET_YEARS);
	/* 第十条: 自筹 is a 市属国企's; a 市属国企's project is self-raised. */
	bjxm_rule_fund_source(ctx, fund);
	if (ctx->unit_kind != NULL && strcmp(ctx->unit_kind, "soe") == 0 && strcmp(fund, "self_raised") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
					   psprintf("单位 %s 为市属国企, 调整的资金来源为“%s”。", ctx->unit_code, fund),
					   "市属国企项目的资金来源为 self_raised (自筹资金)。",
					   "属市属国企项目的, 由企业自行筹措建设资金 (an SOE project must be self-raised)");
	if (!year->present || new_amount == NULL || !bjxm_require_column(ctx, "budgets", "amount"))
		return;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int32GetDatum(year->i);
	values[2] = CStringGetTextDatum(fund);
	values[3] = NumericGetDatum(new_amount);
	bjxm_exec(&plan,
			  "SELECT COALESCE((SELECT b.amount FROM bjxm.budgets b WHERE b.project_id OPERATOR(pg_catalog.=) $1 "
			  "                  AND b.year OPERATOR(pg_catalog.=) $2 AND b.fund OPERATOR(pg_catalog.=) $3::bjxm.fund_source), 0), "
			  "  COALESCE((SELECT pg_catalog.sum(b.amount) FROM bjxm.budgets b WHERE b.project_id OPERATOR(pg_catalog.=) $1 "
			  "             AND NOT (b.year OPERATOR(pg_catalog.=) $2 AND b.fund OPERATOR(pg_catalog.=) $3::bjxm.fund_source)), 0) "
			  "    OPERATOR(pg_catalog.+) $4, "
			  "  COALESCE((SELECT pg_catalog.sum(l.amount) FROM bjxm.line_items l WHERE l.project_id OPERATOR(pg_catalog.=) $1), 0), "
			  "  p.estimate OPERATOR(pg_catalog.+) COALESCE((SELECT pg_catalog.sum(a.budget_delta) FROM bjxm.adjustments a "
			  "     WHERE a.project_id OPERATOR(pg_catalog.=) $1 AND a.status OPERATOR(pg_catalog.=) ANY ('{approved,used}')), 0), "
			  "  COALESCE((SELECT pg_catalog.sum(d.amount) FROM bjxm.disbursements d WHERE d.project_id OPERATOR(pg_catalog.=) $1), 0) "
			  "FROM bjxm.projects p WHERE p.project_id OPERATOR(pg_catalog.=) $1", 4, types, values, NULL);
	old_row = one_numeric(SPI_tuptable, 1);
	total = one_numeric(SPI_tuptable, 2);
	items = one_numeric(SPI_tuptable, 3);
	ceiling = one_numeric(SPI_tuptable, 4);
	paid = one_numeric(SPI_tuptable, 5);

	if (bjxm_numeric_cmp(total, int64_to_numeric(0)) <= 0)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "调整后项目预算合计为 0: 不再实施的项目由大数据部门或财政部门以 terminate 终止 (the budget would be zero)");
	if (bjxm_numeric_cmp(new_amount, old_row) > 0)
	{
		/* 第十条, 第十一条: more money rests on line items, within the reviewed estimate */
		if (bjxm_numeric_cmp(total, items) > 0)
			bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
						   psprintf("调整后预算合计 %s 元, 支出事项合计 %s 元。", bjxm_numeric_text(total), bjxm_numeric_text(items)),
						   "增加的预算须有支出事项; 预算安排后新增支出事项须经第十九条调整 (request_adjustment 的 budget_delta)。",
						   "预算 %s 元超过支出事项合计 %s 元 (budget above the sum of line items)",
						   bjxm_numeric_text(total), bjxm_numeric_text(items));
		if (bjxm_numeric_cmp(total, ceiling) > 0)
			bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
						   psprintf("调整后预算合计 %s 元; 经评审的估算加经同意的调整增加额为 %s 元。",
									bjxm_numeric_text(total), bjxm_numeric_text(ceiling)),
						   "超出估算的预算须先按第十九条申请增加 (budget_delta), 经专家评审和大数据部门同意。",
						   "预算 %s 元超过经评审的估算及同意的增加额 %s 元 (budget above the reviewed estimate and approved increases)",
						   bjxm_numeric_text(total), bjxm_numeric_text(ceiling));
		/* 第三十一条: no new money under a hold; 第三十二条 at the new amount */
		bjxm_rule_rectification_hold(ctx, true);
		bjxm_rule_performance(ctx, total);
		/* 第三十四条 at the new amount: the next gate will ask for the city review */
		bjxm_rule_city_review_ahead(ctx, total);
	}
	else if (bjxm_numeric_cmp(new_amount, old_row) < 0)
	{
		static const char *const committed[][3] = {
			{"control_price", "招标控制价", "第十四条"}, {"procurement_amount", "采购金额", "第十五条"},
			{"contract_amount", "合同金额", "第十六条"}};

		/* 第十二条: never below what is paid */
		if (bjxm_numeric_cmp(total, paid) < 0)
			bjxm_violation(ctx, false, ERRCODE_BJ012, BJ_ART_EXECUTION, 0,
						   psprintf("调整后预算合计 %s 元, 已拨付 %s 元。", bjxm_numeric_text(total), bjxm_numeric_text(paid)),
						   "预算不得调减到已拨付的金额以下。",
						   "调减后的预算 %s 元低于已拨付的 %s 元 (budget below what is paid)",
						   bjxm_numeric_text(total), bjxm_numeric_text(paid));
		/* nor below what the chain has committed on it */
		for (int i = 0; i < (int) lengthof(committed); i++)
		{
			Numeric		c = bjxm_col_num(ctx, committed[i][0]);

			if (c != NULL && bjxm_numeric_cmp(total, c) < 0)
				bjxm_violation(ctx, false, i == 2 ? ERRCODE_BJ016 : ERRCODE_BJ014, BJ_ART_BUDGET, 0,
							   psprintf("调整后预算合计 %s 元, %s %s 元 (%s)。", bjxm_numeric_text(total), committed[i][1],
										bjxm_numeric_text(c), committed[i][2]),
							   "预算不得调减到已确定的招标控制价、采购金额或合同金额以下。",
							   "调减后的预算 %s 元低于%s %s 元 (budget below the %s)", bjxm_numeric_text(total),
							   committed[i][1], bjxm_numeric_text(c), committed[i][0]);
		}
	}
	ctx->details = bjxm_jsonb(psprintf("{\"year\": %d, \"fund\": %s, \"old_amount\": %s, \"new_amount\": %s, \"budget\": %s}",
									   year->i, bjxm_json_quote(fund), bjxm_numeric_text(old_row),
									   bjxm_numeric_text(new_amount), bjxm_numeric_text(total)));
}

/* Set the year's row and the project's total, in one write of the project row. */
void
bjxm_revise_budget_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr row = NULL;
	static SPIPlanPtr plan = NULL;
	Oid			types[5] = {INT8OID, INT4OID, TEXTOID, NUMERICOID, TEXTOID};
	Datum		values[5];
	const char *fund = revision_fund(ctx);
	int32		year = bjxm_arg_int(ctx, "year");
	Numeric		new_amount = bjxm_arg_num(ctx, "new_amount");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int32GetDatum(year);
	values[2] = CStringGetTextDatum(fund);
	values[3] = NumericGetDatum(new_amount);
	values[4] = CStringGetTextDatum(ctx->note);
	bjxm_exec(&row, "INSERT INTO bjxm.budgets AS b (project_id, year, fund, amount, reason, arranged_by) "
			  "VALUES ($1, $2, $3::bjxm.fund_source, $4, $5, bjxm.acting_role()) "
			  "ON CONFLICT (project_id, year, fund) DO UPDATE SET amount = EXCLUDED.amount, reason = EXCLUDED.reason, "
			  "arranged_by = EXCLUDED.arranged_by, arranged_at = pg_catalog.clock_timestamp()", 5, types, values, NULL);
	bjxm_move_set(ctx, &plan, "budget = (SELECT pg_catalog.sum(b.amount) FROM bjxm.budgets b "
				  "WHERE b.project_id OPERATOR(pg_catalog.=) $1)", 0, NULL, NULL, NULL, ctx->state,
				  psprintf("%d 年 %s: %s 元 (%s)", year, fund, bjxm_numeric_text(new_amount), ctx->note));
}

/* ------------------------------------------------------------------ */
/* 第十一条: the compiled dictionary                                   */
/* ------------------------------------------------------------------ */

/* The compiled dictionary: valid until an invalidation of either table. */
typedef struct TermCache
{
	bool		valid;
	Oid			terms_relid;
	Oid			categories_relid;
	bj_expense *expense;		/* phrases in normal form, with their context rules */
	int			nterms;
	char	  **terms;			/* id → term */
	char	  **normals;		/* id → the term in normal form ("" if none) */
	int32	   *clauses;		/* id → packed clause */
	int			ncategories;
	char	  **category_codes;
	char	  **category_labels;
	bool	   *category_eligible;
	int32	   *category_clauses;
	MemoryContext cxt;
} TermCache;

static TermCache cache;

/* Relcache callback: a change to either table makes the cache stale. */
static void
term_cache_invalidate(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == cache.terms_relid || relid == cache.categories_relid)
		cache.valid = false;
}

/* Register the invalidation callback (from _PG_init). */
void
bjxm_funding_init(void)
{
	CacheRegisterRelcacheCallback(term_cache_invalidate, (Datum) 0);
}

/* text normalised (normalize.h) into palloc'd memory; NULL if not valid UTF-8. */
static char *
normal_form(const char *text, size_t *len)
{
	char	   *m;
	char	   *out;
	size_t		n;
	int			rc = bj_norm_dup(text, strlen(text), &m, NULL, &n);

	if (rc == BJ_NORM_EUTF8)
		return NULL;
	if (rc != BJ_NORM_OK)
		elog(ERROR, "bjxm: normalising \"%s\" failed (status %d)", text, rc);
	out = pnstrdup(m, n);
	free(m);
	if (len)
		*len = n;
	return out;
}

/*
 * One context of a rule in normal form: "<N>" and the unit normalised
 * (<N>台), or the literal normalised; "" if nothing is left (or the text
 * is not UTF-8).
 */
static char *
normal_context(const char *c)
{
	char	   *n;

	if (strncmp(c, "<N>", 3) == 0)
	{
		n = normal_form(c + 3, NULL);
		return n == NULL || n[0] == '\0' ? "" : psprintf("<N>%s", n);
	}
	n = normal_form(c, NULL);
	return n == NULL ? "" : n;
}

/* A '|'-separated list of contexts in normal form, empty ones dropped. */
static char *
normal_contexts(const char *list)
{
	StringInfoData buf;
	char	   *copy = pstrdup(list ? list : "");
	char	   *save = NULL;

	initStringInfo(&buf);
	for (char *c = strtok_r(copy, "|", &save); c != NULL; c = strtok_r(NULL, "|", &save))
	{
		char	   *n = normal_context(c);

		if (n[0] != '\0')
			appendStringInfo(&buf, "%s%s", buf.len ? "|" : "", n);
	}
	return buf.data;
}

/*
 * Build the rule set and category table from the two tables (caller in
 * SPI).  Issue 16: every phrase and context is matched in normal form
 * (core normalize.h), as every text is: 筆記本電腦, 笔记本 电脑 and
 * 笔记本电脑 are one term; purchase_only phrases are judged by their
 * context rule (core expense.h), data in the table, no case in C.
 */
static void
term_cache_build(void)
{
	Oid			nsp = get_namespace_oid("bjxm", false);
	MemoryContext old;
	uint64		n;
	bool		isnull;
	bool		rules = bjxm_has_column("excluded_terms", "kind");

	if (cache.cxt == NULL)
		cache.cxt = AllocSetContextCreate(TopMemoryContext, "bjxm term cache", ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(cache.cxt);
	bj_expense_free(cache.expense);
	cache.expense = NULL;
	cache.valid = false;

	cache.terms_relid = get_relname_relid("excluded_terms", nsp);
	cache.categories_relid = get_relname_relid("expense_categories", nsp);

	/* before ALTER EXTENSION UPDATE (0.2.0's table): every term always */
	if (SPI_execute(rules
					? "SELECT t.term, t.clause, t.kind OPERATOR(pg_catalog.=) 'purchase_only', "
					"pg_catalog.array_to_string(t.allow_contexts, '|'), pg_catalog.array_to_string(t.deny_contexts, '|'), "
					"t.refuse_by_default FROM bjxm.excluded_terms t WHERE t.active ORDER BY t.term"
					: "SELECT t.term, t.clause, false, '', '', true FROM bjxm.excluded_terms t WHERE t.active ORDER BY t.term",
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: reading the 第十一条 dictionary failed");
	n = SPI_processed;
	old = MemoryContextSwitchTo(cache.cxt);
	cache.nterms = (int) n;
	cache.terms = palloc0(sizeof(char *) * (n + 1));
	cache.normals = palloc0(sizeof(char *) * (n + 1));
	cache.clauses = palloc0(sizeof(int32) * (n + 1));
	MemoryContextSwitchTo(old);

	cache.expense = bj_expense_new(n > 0 ? (int) n : 1);
	if (cache.expense == NULL)
		elog(ERROR, "bjxm: out of memory building the 第十一条 matcher");
	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *term = SPI_getvalue(tup, desc, 1);
		int32		clause = DatumGetInt32(SPI_getbinval(tup, desc, 2, &isnull));
		bool		purchase_only = DatumGetBool(SPI_getbinval(tup, desc, 3, &isnull));
		size_t		normal_len = 0;
		char	   *normal = normal_form(term, &normal_len);
		int			rc = BJ_EXPENSE_OK;

		if (normal == NULL)
			elog(ERROR, "bjxm: 第十一条 term \"%s\" is not valid UTF-8", term);
		cache.terms[i] = MemoryContextStrdup(cache.cxt, term);
		cache.normals[i] = MemoryContextStrdup(cache.cxt, normal);
		cache.clauses[i] = clause;
		/* a term that normalises to nothing (only punctuation) would match everywhere: skipped */
		if (normal_len > 0)
			rc = bj_expense_add_phrase(cache.expense, normal, normal_len, (int) i, purchase_only);
		if (rc == BJ_EXPENSE_OK && normal_len > 0 && purchase_only)
			rc = bj_expense_add_rule(cache.expense, (int) i, normal_contexts(SPI_getvalue(tup, desc, 4)),
									 normal_contexts(SPI_getvalue(tup, desc, 5)),
									 DatumGetBool(SPI_getbinval(tup, desc, 6, &isnull)));
		if (rc != BJ_EXPENSE_OK)
			elog(ERROR, "bjxm: 第十一条 term \"%s\" cannot be matched (status %d)", term, rc);
	}
	if (bj_expense_build(cache.expense) != BJ_EXPENSE_OK)
		elog(ERROR, "bjxm: building the 第十一条 matcher failed");

	if (SPI_execute("SELECT c.code, c.label, c.eligible, c.clause FROM bjxm.expense_categories c ORDER BY c.code",
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: reading the expense categories failed");
	n = SPI_processed;
	old = MemoryContextSwitchTo(cache.cxt);
	cache.ncategories = (int) n;
	cache.category_codes = palloc0(sizeof(char *) * (n + 1));
	cache.category_labels = palloc0(sizeof(char *) * (n + 1));
	cache.category_eligible = palloc0(sizeof(bool) * (n + 1));
	cache.category_clauses = palloc0(sizeof(int32) * (n + 1));
	MemoryContextSwitchTo(old);
	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		Datum		c;

		cache.category_codes[i] = MemoryContextStrdup(cache.cxt, SPI_getvalue(t, d, 1));
		cache.category_labels[i] = MemoryContextStrdup(cache.cxt, SPI_getvalue(t, d, 2));
		cache.category_eligible[i] = DatumGetBool(SPI_getbinval(t, d, 3, &isnull));
		c = SPI_getbinval(t, d, 4, &isnull);
		cache.category_clauses[i] = isnull ? BjxmClausePack(BJ_ART_ELIGIBILITY, 0) : DatumGetInt32(c);
	}
	cache.valid = true;
}

/* The category's index, or -1. */
static int
category_index(const char *code)
{
	for (int i = 0; i < cache.ncategories; i++)
		if (strcmp(cache.category_codes[i], code) == 0)
			return i;
	return -1;
}

/* Whether bigdata waived term for the project (第十一条, audited). */
static bool
term_waived(int64 project_id, const char *term)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];

	values[0] = Int64GetDatum(project_id);
	values[1] = CStringGetTextDatum(term);
	return bjxm_exec(&plan, "SELECT 1 FROM bjxm.term_waivers w WHERE w.project_id OPERATOR(pg_catalog.=) $1 "
					 "AND w.term OPERATOR(pg_catalog.=) $2", 2, types, values, NULL) == 1;
}

/*
 * Look for excluded terms in one text; the first not waived is a finding.
 * Every match is looked at, however many there are: a text that repeats a
 * waived term many times before an excluded one is still refused.
 */
static bool
scan_text(BjxmCtx *ctx, int64 project_id, const char *field, const char *text, const char *category)
{
	bj_match	inline_found[BJXM_MATCHES_INLINE];
	bj_match   *found = inline_found;
	size_t		len;
	size_t		total;

	char	   *mnormal;
	uint32_t   *mmap;
	char	   *normal;
	uint32_t   *map;
	size_t		normal_len;
	int			rc;

	if (text == NULL || text[0] == '\0')
		return false;
	len = strlen(text);
	/*
	 * One pass that normalises and matches without writing (the common
	 * case: nothing refused); the offset map is built only for a text with
	 * a refused occurrence, or to report invalid UTF-8 below.
	 */
	if (bj_expense_refuses_raw(cache.expense, text, len) == 0)
		return false;
	/*
	 * Issue 16: matched in normal form — spaces, invisible characters and
	 * punctuation slipped between characters dropped, full-width and
	 * compatibility forms, case and traditional characters folded — and
	 * reported by the original span (the offset map), so the error quotes
	 * what the unit wrote.  Invalid UTF-8 is refused, never matched around.
	 */
	rc = bj_norm_dup(text, len, &mnormal, &mmap, &normal_len);
	if (rc == BJ_NORM_EUTF8)
		ereport(ERROR, (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
						errmsg("%s: %s不是有效的 UTF-8 文本, 无法核查 (invalid UTF-8: not matched around)",
							   bjxm_clause_cstring(BJ_ART_ELIGIBILITY, 0), field)));
	if (rc != BJ_NORM_OK)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY),
						errmsg("bjxm: normalising a line item failed (status %d)", rc)));
	/* into palloc'd memory at once: a violation may raise, and malloc'd memory would leak */
	normal = pnstrdup(mnormal, normal_len);
	map = palloc(sizeof(uint32_t) * (normal_len + 1));
	memcpy(map, mmap, sizeof(uint32_t) * normal_len);
	free(mnormal);
	free(mmap);
	/* every refused occurrence (context rules applied), in the order of the first */
	total = bj_expense_find_all(cache.expense, normal, normal_len, found, lengthof(inline_found));
	if (total > lengthof(inline_found))
	{
		found = palloc(sizeof(bj_match) * total);
		total = bj_expense_find_all(cache.expense, normal, normal_len, found, total);
	}
	for (size_t i = 0; i < total; i++)
	{
		const char *term = cache.terms[found[i].id];
		int32		clause = cache.clauses[found[i].id];
		size_t		from;
		size_t		to;
		char	   *span;

		if (term_waived(project_id, term))
			continue;
		if (bj_norm_span(text, len, map, normal_len, found[i].start, found[i].start + found[i].len,
						 &from, &to) != BJ_NORM_OK)
			elog(ERROR, "bjxm: a 第十一条 match outside its text");
		span = pnstrdup(text + from, to - from);
		bjxm_violation(ctx, false, ERRCODE_BJ011, BjxmClauseArticle(clause), BjxmClauseItem(clause),
					   strcmp(span, term) == 0
					   ? psprintf("%s“%s”含有开支事项“%s” (category %s)。", field, text, term, category)
					   : psprintf("%s“%s”含有开支事项“%s”, 写作“%s” (category %s)。", field, text, term, span, category),
					   "该项开支按原有资金渠道保障, 不得单独或捆绑纳入市级信息化项目; 确属信息化服务的, 由大数据部门审核后以 bjxm.waive_term 豁免。",
					   "支出事项“%s”含“%s”, 不列入信息化资金支持范围, 不得纳入市级信息化项目 (expense excluded: \"%s\")",
					   text, term, term);
		return true;
	}
	return false;
}

/*
 * 第十一条: findings for one line item (category, name, description) of
 * a project (0: any project); caller is connected to SPI.
 */
static void
rule_eligibility(BjxmCtx *ctx, int64 project_id, const char *category, const char *name,
				 const char *description)
{
	int			ci;

	if (!cache.valid)
		term_cache_build();
	if (category == NULL)
		return;
	ci = category_index(category);
	if (ci < 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "未知的支出类别“%s” (unknown expense category; see bjxm.expense_categories)", category);
		return;
	}
	if (!cache.category_eligible[ci])
	{
		int32		clause = cache.category_clauses[ci];

		bjxm_violation(ctx, false, ERRCODE_BJ011, BjxmClauseArticle(clause), BjxmClauseItem(clause),
					   psprintf("支出类别为 %s (%s)。", category, cache.category_labels[ci]),
					   "该类开支按原有资金渠道保障, 不列入信息化资金支持范围。",
					   "支出事项“%s”属于%s, 不得纳入市级信息化项目 (excluded category %s)",
					   name ? name : "", cache.category_labels[ci], category);
		return;
	}
	if (!scan_text(ctx, project_id, "名称", name, category))
		scan_text(ctx, project_id, "说明", description, category);
}

/*
 * 第十一条 for a project's own name (issue 16 red team): a project named
 * 执法手机采购 or 办公电脑更新 is an excluded expense whatever its line
 * items say; the same matcher, normal form and context rules as a line
 * item's name (waivers are per project, so none applies before it exists).
 */
void
bjxm_rule_project_name(BjxmCtx *ctx, const char *name)
{
	if (name == NULL)
		return;
	if (!cache.valid)
		term_cache_build();
	scan_text(ctx, 0, "项目名称", name, "project");
}

/*
 * The digest that ties a line item to its admission event: md5 of
 * category, name, description and the amount at scale 2, separated by
 * 0x1f.  (Byte-identical to SQL md5(c || chr(31) || n || chr(31) || d ||
 * chr(31) || amount::numeric(14,2)::text), which events already hold.)
 */
static char *
line_item_digest(const char *category, const char *name, const char *description, Datum amount)
{
	StringInfoData buf;
	char	   *hex = palloc(BJXM_MD5_HEX_LEN);
	const char *errstr = NULL;
	Datum		scaled = DirectFunctionCall2(numeric, amount, Int32GetDatum(((14 << 16) | 2) + VARHDRSZ));

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s\x1f%s\x1f%s\x1f%s", category ? category : "", name ? name : "",
					 description ? description : "", DatumGetCString(DirectFunctionCall1(numeric_out, scaled)));
	if (!pg_md5_hash(buf.data, buf.len, hex, &errstr))
		elog(ERROR, "bjxm: md5 failed: %s", errstr ? errstr : "?");
	pfree(buf.data);
	return hex;
}

/* Whether the admission event recorded exactly this row, in this project. */
static bool
admitted(int64 event_id, int64 project_id, int64 line_item_id, const char *digest)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {INT8OID, TEXTOID, TEXTOID, INT8OID};
	Datum		values[4];

	values[0] = Int64GetDatum(event_id);
	values[1] = CStringGetTextDatum(psprintf(INT64_FORMAT, line_item_id));
	values[2] = CStringGetTextDatum(digest);
	values[3] = Int64GetDatum(project_id);
	return bjxm_exec(&plan, "SELECT 1 FROM bjxm.events e WHERE e.event_id OPERATOR(pg_catalog.=) $1 "
					 "AND e.action OPERATOR(pg_catalog.=) 'add_line_item' "
					 "AND e.project_id OPERATOR(pg_catalog.=) $4 "
					 "AND e.details OPERATOR(pg_catalog.->>) 'line_item_id' OPERATOR(pg_catalog.=) $2 "
					 "AND e.details OPERATOR(pg_catalog.->>) 'digest' OPERATOR(pg_catalog.=) $3", 4, types, values, NULL) == 1;
}

/* Whether an UPDATE leaves category, name, description and amount as they were. */
static bool
unchanged_for_eligibility(TriggerData *trigdata, TupleDesc desc)
{
	static const char *const checked[] = {"category", "name", "description", "amount"};

	for (size_t i = 0; i < lengthof(checked); i++)
	{
		int			attno = SPI_fnumber(desc, checked[i]);
		Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
		bool		n_old,
					n_new;
		Datum		d_old = heap_getattr(trigdata->tg_trigtuple, attno, desc, &n_old);
		Datum		d_new = heap_getattr(trigdata->tg_newtuple, attno, desc, &n_new);

		if (n_old != n_new || (!n_old && !datumIsEqual(d_old, d_new, att->attbyval, att->attlen)))
			return false;
	}
	return true;
}

/*
 * Fast path, no SPI: the compiled dictionary is current, the row has no
 * admission event, the category is eligible and neither text contains a
 * term.  Anything else (a match that may be waived, an admission event to
 * verify, a stale cache) goes through the full check.
 */
static bool
plainly_eligible(HeapTuple tuple, TupleDesc desc)
{
	bool		isnull;
	bool		event_null;
	Datum		d;
	int			ci;

	(void) heap_getattr(tuple, SPI_fnumber(desc, "admission_event"), desc, &event_null);
	if (!cache.valid || !event_null)
		return false;
	d = heap_getattr(tuple, SPI_fnumber(desc, "category"), desc, &isnull);
	ci = isnull ? -1 : category_index(TextDatumGetCString(d));
	if (ci < 0 || !cache.category_eligible[ci])
		return false;
	for (int f = 0; f < 2; f++)
	{
		d = heap_getattr(tuple, SPI_fnumber(desc, f == 0 ? "name" : "description"), desc, &isnull);
		if (!isnull)
		{
			text	   *t = DatumGetTextPP(d);

			/*
			 * In normal form, as the full check matches (issue 16): the raw
			 * bytes of 笔记本 电脑 match nothing.  One pass normalises and
			 * matches without writing the normal form; only a text in
			 * which a phrase occurs is normalised and judged by the context
			 * rules.  Text that is not UTF-8 (or any other status) is left
			 * to the full check, which refuses it.
			 */
			if (bj_expense_refuses_raw(cache.expense, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)) != 0)
				return false;
		}
	}
	return true;
}

PG_FUNCTION_INFO_V1(bjxm_line_item_check);
/* Trigger on bjxm.line_items: 第十一条 for every writer (BEFORE INSERT OR UPDATE, ROW). */
Datum
bjxm_line_item_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	HeapTuple	tuple;
	TupleDesc	desc;
	bool		isnull;
	bool		event_null;
	int64		project_id;
	int64		line_item_id;
	char	   *category;
	char	   *name;
	char	   *description;
	Datum		amount;
	Datum		event;
	BjxmCtx		ctx;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "bjxm: bjxm_line_item_check: not called by trigger manager");
	if (!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event))
		elog(ERROR, "bjxm: bjxm_line_item_check must fire BEFORE, FOR EACH ROW");
	if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) || TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
		elog(ERROR, "bjxm: bjxm_line_item_check fires on INSERT or UPDATE only");

	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	desc = RelationGetDescr(trigdata->tg_relation);

	/* An UPDATE that changes nothing 第十一条 looks at (admission_event, say). */
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) && unchanged_for_eligibility(trigdata, desc))
		return PointerGetDatum(tuple);
	if (plainly_eligible(tuple, desc))
		return PointerGetDatum(tuple);

	bjxm_spi_connect();
	project_id = DatumGetInt64(SPI_getbinval(tuple, desc, SPI_fnumber(desc, "project_id"), &isnull));
	line_item_id = DatumGetInt64(SPI_getbinval(tuple, desc, SPI_fnumber(desc, "line_item_id"), &isnull));
	category = SPI_getvalue(tuple, desc, SPI_fnumber(desc, "category"));
	name = SPI_getvalue(tuple, desc, SPI_fnumber(desc, "name"));
	description = SPI_getvalue(tuple, desc, SPI_fnumber(desc, "description"));
	amount = SPI_getbinval(tuple, desc, SPI_fnumber(desc, "amount"), &isnull);
	event = SPI_getbinval(tuple, desc, SPI_fnumber(desc, "admission_event"), &event_null);

	/* A row its admission event vouches for was checked when admitted. */
	if (!event_null && !isnull &&
		admitted(DatumGetInt64(event), project_id, line_item_id, line_item_digest(category, name, description, amount)))
	{
		SPI_finish();
		return PointerGetDatum(tuple);
	}

	memset(&ctx, 0, sizeof(ctx));
	ctx.check_only = true;		/* collect, then raise the first below */
	ctx.action = "add_line_item";
	ctx.has_project = true;
	ctx.project_id = project_id;
	rule_eligibility(&ctx, project_id, category, name, description);
	if (ctx.violations != NIL)
	{
		ctx.check_only = false;
		bjxm_raise_findings(&ctx);
	}
	SPI_finish();
	return PointerGetDatum(tuple);
}

PG_FUNCTION_INFO_V1(bjxm_terms_changed);
/* Statement trigger on the dictionary and categories: every backend rebuilds. */
Datum
bjxm_terms_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "bjxm: bjxm_terms_changed: not called by trigger manager");
	CacheInvalidateRelcache(trigdata->tg_relation);
	cache.valid = false;
	return PointerGetDatum(NULL);
}

/* ------------------------------------------------------------------ */
/* 第十一条: the actions                                               */
/* ------------------------------------------------------------------ */

/* expense_check: the 第十一条 rule alone, for any project (a dry run). */
void
bjxm_expense_check_rules(BjxmCtx *ctx)
{
	rule_eligibility(ctx, 0, bjxm_arg_text(ctx, "category"), bjxm_arg_text(ctx, "name"),
					 bjxm_arg_text(ctx, "description"));
}

/*
 * 第十条, 第十九条: once the budget is arranged on the line items, a new
 * one rests on an approved adjustment that asked for more budget, within
 * what that increase has left (BJ019).  The adjustment it rests on is
 * kept in ctx->object_id for the apply.
 */
static void
rule_items_frozen(BjxmCtx *ctx, Numeric amount)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	uint64		n = 0;
	Numeric		room = int64_to_numeric(0);
	bool		isnull;

	if (ctx->state < BJ_S_BUDGETED || ctx->state > BJ_S_IMPLEMENTING || amount == NULL)
		return;
	values[0] = Int64GetDatum(ctx->project_id);
	/*
	 * Each approved increase and what its items have not yet used, oldest
	 * first (a schema not yet updated has none: the items stay frozen).
	 */
	if (bjxm_has_column("adjustments", "budget_delta"))
		n = bjxm_exec(&plan, "SELECT a.adjustment_id, a.budget_delta OPERATOR(pg_catalog.-) "
				  "COALESCE((SELECT pg_catalog.sum(l.amount) FROM bjxm.line_items l "
				  "          WHERE l.adjustment_id OPERATOR(pg_catalog.=) a.adjustment_id), 0) "
				  "FROM bjxm.adjustments a WHERE a.project_id OPERATOR(pg_catalog.=) $1 "
				  "AND a.status OPERATOR(pg_catalog.=) ANY ('{approved,used}') AND a.budget_delta OPERATOR(pg_catalog.>) 0 "
				  "ORDER BY a.adjustment_id", 1, types, values, NULL);
	for (uint64 i = 0; i < n; i++)
	{
		Numeric		left = DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull));

		if (bjxm_numeric_cmp(left, amount) >= 0)
		{
			ctx->object_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull));
			return;
		}
		if (bjxm_numeric_cmp(left, room) > 0)
			room = left;
	}
	bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
				   n == 0 ? psprintf("项目状态为 %s, 预算已按支出事项安排; 没有经同意的增加预算的调整; 新增 %s 元。",
									 bj_state_name(ctx->state), bjxm_numeric_text(amount))
				   : psprintf("项目状态为 %s; 经同意的调整尚余可新增 %s 元, 新增 %s 元。",
							  bj_state_name(ctx->state), bjxm_numeric_text(room), bjxm_numeric_text(amount)),
				   "预算安排后新增支出事项, 须以 request_adjustment 申请增加预算 (budget_delta), 经专家评审和大数据部门同意; 然后由财政部门 revise_budget。",
				   "预算安排后新增支出事项须经同意的内容调整, 且不超过调整增加的预算 (line items are frozen once budgeted)");
}

/* add_line_item: the name, 第十一条, and 第十九条 once budgeted. */
void
bjxm_add_line_item_rules(BjxmCtx *ctx)
{
	const char *name = bjxm_arg_text(ctx, "name");

	if (name != NULL && bjxm_blank(name))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "支出事项名称不能为空 (line item name must not be blank)");
	rule_eligibility(ctx, ctx->project_id, bjxm_arg_text(ctx, "category"), name, bjxm_arg_text(ctx, "description"));
	rule_items_frozen(ctx, bjxm_arg_num(ctx, "amount"));
}

/*
 * Record the admission, then insert the line item carrying it: the row is
 * written once (no INSERT-then-UPDATE), and the trigger admits it through
 * the same check as a restored row (its admission event vouches for it).
 */
void
bjxm_add_line_item_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr next_id = NULL;
	static SPIPlanPtr ins = NULL;
	static SPIPlanPtr ins_under = NULL;
	Oid			types[8] = {INT8OID, TEXTOID, TEXTOID, NUMERICOID, TEXTOID, INT8OID, INT8OID, INT8OID};
	Datum		values[8];
	char		nulls[8] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
	const char *category = bjxm_arg_text(ctx, "category");
	const char *name = bjxm_arg_text(ctx, "name");
	const char *description = bjxm_arg_text(ctx, "description");
	Numeric		amount = bjxm_arg_num(ctx, "amount");
	bool		isnull;
	char	   *digest;

	if (description == NULL)
		description = "";
	bjxm_exec(&next_id, "SELECT pg_catalog.nextval('bjxm.line_items_line_item_id_seq'::pg_catalog.regclass)",
			  0, NULL, NULL, NULL);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));

	digest = line_item_digest(category, name, description, NumericGetDatum(amount));
	ctx->details = bjxm_jsonb(psprintf("{\"line_item_id\": \"" INT64_FORMAT "\", \"digest\": \"%s\", \"category\": %s, \"amount\": %s%s}",
									   ctx->result, digest, bjxm_json_quote(category), bjxm_numeric_text(amount),
									   ctx->object_id ? psprintf(", \"adjustment\": " INT64_FORMAT, ctx->object_id) : ""));

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(category);
	values[2] = CStringGetTextDatum(name);
	values[3] = NumericGetDatum(amount);
	values[4] = CStringGetTextDatum(description);
	values[5] = Int64GetDatum(bjxm_done(ctx, name));
	values[6] = Int64GetDatum(ctx->result);
	values[7] = Int64GetDatum(ctx->object_id);
	nulls[7] = ctx->object_id ? ' ' : 'n';
	if (ctx->object_id)
		bjxm_exec(&ins_under, "INSERT INTO bjxm.line_items (project_id, category, name, amount, description, admission_event, "
				  "line_item_id, adjustment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", 8, types, values, nulls);
	else
		bjxm_exec(&ins, "INSERT INTO bjxm.line_items (project_id, category, name, amount, description, admission_event, "
				  "line_item_id) VALUES ($1, $2, $3, $4, $5, $6, $7)", 7, types, values, nulls);
}

/*
 * The term of the dictionary in force that term spells, in normal form
 * (筆記本電腦 → 笔记本电脑, as written in the table), or NULL.  A waiver
 * is kept under that spelling, the one the matcher reports.
 */
static const char *
dictionary_term(const char *term)
{
	char	   *normal = normal_form(term, NULL);

	if (normal == NULL || normal[0] == '\0')
		return NULL;
	for (int i = 0; i < cache.nterms; i++)
		if (strcmp(cache.terms[i], term) == 0)
			return cache.terms[i];
	for (int i = 0; i < cache.nterms; i++)
		if (strcmp(cache.normals[i], normal) == 0)
			return cache.terms[i];
	return NULL;
}

/* waive_term: a term of the dictionary and a reason. */
void
bjxm_waive_term_rules(BjxmCtx *ctx)
{
	const char *term = bjxm_arg_text(ctx, "term");
	bool		known = false;

	if (ctx->note != NULL && bjxm_blank(ctx->note))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "豁免须写明理由 (a waiver needs a reason)");
	if (!cache.valid)
		term_cache_build();
	known = term != NULL && dictionary_term(term) != NULL;
	if (term != NULL && !known)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "“%s”不在第十一条词典中 (not a term of bjxm.excluded_terms)", term);
}

/* Record the waiver (audited by its event). */
void
bjxm_waive_term_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};
	Datum		values[3];
	const char *term = bjxm_arg_text(ctx, "term");

	if (!cache.valid)
		term_cache_build();
	{
		const char *spelt = dictionary_term(term);

		if (spelt != NULL)
			term = spelt;
	}
	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(term);
	values[2] = CStringGetTextDatum(ctx->note);
	bjxm_exec(&plan, "INSERT INTO bjxm.term_waivers (project_id, term, reason, waived_by) "
			  "VALUES ($1, $2, $3, bjxm.acting_role()) "
			  "ON CONFLICT (project_id, term) DO UPDATE SET reason = EXCLUDED.reason, "
			  "waived_by = EXCLUDED.waived_by, waived_at = pg_catalog.clock_timestamp()",
			  3, types, values, NULL);
	bjxm_done(ctx, psprintf("豁免“%s”: %s", term, ctx->note));
}

/* The contexts of a JSON array argument, '|'-separated in normal form, or NULL after a refusal. */
static char *
context_list(BjxmCtx *ctx, const char *key)
{
	Jsonb	   *j = bjxm_arg_json(ctx, key);
	StringInfoData buf;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			count = 0;

	initStringInfo(&buf);
	if (j == NULL)
		return buf.data;
	if (!JB_ROOT_IS_ARRAY(j) || JB_ROOT_IS_SCALAR(j))
	{
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"%s 须为文本数组 (%s must be a text array)", key, key);
		return NULL;
	}
	it = JsonbIteratorInit(&j->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *c;
		char	   *n;

		if (tok != WJB_ELEM)
			continue;
		if (v.type != jbvString)
		{
			bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL,
						"%s 中的上下文不能为空 (a context of %s is null or not text)", key, key);
			return NULL;
		}
		c = pnstrdup(v.val.string.val, v.val.string.len);
		n = normal_context(c);
		if (n[0] == '\0')
		{
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
						"上下文“%s”规范化后为空, 无法匹配 (context \"%s\" is empty in normal form: only spaces, punctuation or <N>)", c, c);
			return NULL;
		}
		if (pg_mbstrlen(n) > BJXM_TERM_MAX_CHARS || ++count > BJXM_CONTEXTS_MAX)
		{
			bjxm_reject(ctx, ERRCODE_PROGRAM_LIMIT_EXCEEDED, 0, NULL, NULL,
						"%s 至多 %d 个上下文, 每个至多 %d 个字符 (at most %d contexts of at most %d characters)",
						key, BJXM_CONTEXTS_MAX, BJXM_TERM_MAX_CHARS, BJXM_CONTEXTS_MAX, BJXM_TERM_MAX_CHARS);
			return NULL;
		}
		appendStringInfo(&buf, "%s%s", buf.len ? "|" : "", n);
	}
	return buf.data;
}

/*
 * The term itself (issue 16): something must be left of it in normal form
 * (a term of punctuation would match nothing, silently), and no other row
 * may spell the same phrase (筆記本電腦 beside 笔记本电脑: retiring one
 * would leave the other in force).  Then kind and context rule: kind is
 * always or purchase_only; only a purchase_only term has contexts; the
 * rule's parts come with a kind.
 */
static void
term_rule_rules(BjxmCtx *ctx, const char *term)
{
	static SPIPlanPtr plan = NULL;
	char	   *normal = normal_form(term, NULL);
	const char *kind = bjxm_arg_text(ctx, "kind");
	char	   *allow;
	char	   *deny;

	if (normal == NULL || normal[0] == '\0')
	{
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"词条“%s”规范化后为空 (去掉空白、标点和符号), 无法匹配 (term is empty in normal form)", term);
		return;
	}
	bjxm_exec(&plan, "SELECT t.term FROM bjxm.excluded_terms t WHERE t.term OPERATOR(pg_catalog.<>) pg_catalog.btrim($1)",
			  1, (Oid[]) {TEXTOID}, (Datum[]) {CStringGetTextDatum(term)}, NULL);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		char	   *other = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		char	   *other_normal = normal_form(other, NULL);

		if (other_normal != NULL && strcmp(other_normal, normal) == 0)
		{
			bjxm_reject(ctx, ERRCODE_UNIQUE_VIOLATION, 0, NULL, NULL,
						"词条“%s”与已有词条“%s”规范化后相同 (“%s”); 请修改“%s” (the same phrase as the existing term \"%s\")",
						term, other, normal, other, other);
			return;
		}
	}
	if (kind == NULL)
	{
		if (bjxm_arg_present(ctx, "allow") || bjxm_arg_present(ctx, "deny") ||
			bjxm_arg_present(ctx, "refuse_by_default"))
			bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL,
						"上下文规则须与 kind 一同给出 (a context rule needs kind)");
		return;
	}
	if (strcmp(kind, "always") != 0 && strcmp(kind, "purchase_only") != 0)
	{
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"kind 须为 always 或 purchase_only, 而为“%s” (kind must be always or purchase_only)", kind);
		return;
	}
	if ((allow = context_list(ctx, "allow")) == NULL || (deny = context_list(ctx, "deny")) == NULL)
		return;
	if (strcmp(kind, "always") == 0 &&
		(allow[0] != '\0' || deny[0] != '\0' ||
		 (bjxm_arg_present(ctx, "refuse_by_default") && !bjxm_arg_bool(ctx, "refuse_by_default"))))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"always 词条出现即排除, 不带上下文规则; 要按上下文判定请用 purchase_only (an always term has no context rule)");
	else if (!bjxm_has_column("excluded_terms", "kind"))
		bjxm_reject(ctx, ERRCODE_FEATURE_NOT_SUPPORTED, 0, NULL, NULL,
					"上下文规则需先升级扩展 (ALTER EXTENSION bjxm UPDATE: the table has no context rules yet)");
}

/* set_excluded_term: a phrase, an item of 第十一条, whether in force. */
void
bjxm_set_excluded_term_rules(BjxmCtx *ctx)
{
	const char *term = bjxm_arg_text(ctx, "term");
	const BjxmArg *clause = bjxm_arg(ctx, "clause");

	if (bjxm_blank(term) || !clause->present || !bjxm_arg_present(ctx, "active"))
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL,
					"词条、条款和是否生效不能为空 (term, clause and active are required)");
	else if (pg_mbstrlen(term) > BJXM_TERM_MAX_CHARS)
		bjxm_reject(ctx, ERRCODE_STRING_DATA_RIGHT_TRUNCATION, 0, NULL, NULL,
					"词条超过 64 个字符; 词典收录的是开支事项短语 (term longer than 64 characters)");
	else if (clause->i != BJ_ART_ELIGIBILITY || clause->id == 0)
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"词条的依据须为第十一条第(一)至(三)项, 而为 %s (clause must be an item of 第十一条)", clause->text);
	else
		term_rule_rules(ctx, term);
}

/* Add, change or retire the term (never deleted: a dump never expresses a deletion). */
void
bjxm_set_excluded_term_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {TEXTOID, TEXTOID, BOOLOID};
	Datum		values[3];
	const BjxmArg *clause = bjxm_arg(ctx, "clause");
	bool		active = bjxm_arg_bool(ctx, "active");
	char	   *term = TextDatumGetCString(DirectFunctionCall1(btrim1, CStringGetTextDatum(bjxm_arg_text(ctx, "term"))));

	const char *kind = bjxm_arg_text(ctx, "kind");

	values[0] = CStringGetTextDatum(term);
	values[1] = CStringGetTextDatum(clause->text);
	values[2] = BoolGetDatum(active);
	/*
	 * UPDATE, then INSERT if there was no row: an INSERT … ON CONFLICT
	 * would first meet the restore-merge trigger (_dictionary_restore_merge),
	 * which updates the row with every column of the new one — the defaults
	 * of the columns not given (kind, contexts) included — and counts
	 * revision from 1 again.
	 */
	if (kind == NULL)
	{
		static SPIPlanPtr upd = NULL;

		if (bjxm_exec(&upd, "UPDATE bjxm.excluded_terms t SET clause = $2::bjxm.clause, active = $3, "
					  "revision = t.revision OPERATOR(pg_catalog.+) 1 WHERE t.term OPERATOR(pg_catalog.=) $1",
					  3, types, values, NULL) == 0)
			bjxm_exec(&plan, "INSERT INTO bjxm.excluded_terms (term, clause, active, revision) "
					  "VALUES ($1, $2::bjxm.clause, $3, 1)", 3, types, values, NULL);
	}
	else
	{
		/* the rule as given, contexts in normal form (what the matcher uses) */
		static SPIPlanPtr rule_upd = NULL;
		static SPIPlanPtr rule_ins = NULL;
		Oid			rtypes[7] = {TEXTOID, TEXTOID, BOOLOID, TEXTOID, TEXTOID, TEXTOID, BOOLOID};
		Datum		rvalues[7];
		bool		refuse = !bjxm_arg_present(ctx, "refuse_by_default") || bjxm_arg_bool(ctx, "refuse_by_default");
		char	   *allow = context_list(ctx, "allow");
		char	   *deny = context_list(ctx, "deny");

		memcpy(rvalues, values, sizeof(Datum) * 3);
		rvalues[3] = CStringGetTextDatum(kind);
		rvalues[4] = CStringGetTextDatum(allow);
		rvalues[5] = CStringGetTextDatum(deny);
		rvalues[6] = BoolGetDatum(refuse);
		if (bjxm_exec(&rule_upd, "UPDATE bjxm.excluded_terms t SET clause = $2::bjxm.clause, active = $3, "
					  "revision = t.revision OPERATOR(pg_catalog.+) 1, kind = $4, "
					  "allow_contexts = COALESCE(pg_catalog.string_to_array(NULLIF($5, ''), '|'), '{}'), "
					  "deny_contexts = COALESCE(pg_catalog.string_to_array(NULLIF($6, ''), '|'), '{}'), refuse_by_default = $7 "
					  "WHERE t.term OPERATOR(pg_catalog.=) $1", 7, rtypes, rvalues, NULL) == 0)
			bjxm_exec(&rule_ins, "INSERT INTO bjxm.excluded_terms (term, clause, active, revision, kind, "
					  "allow_contexts, deny_contexts, refuse_by_default) "
					  "VALUES ($1, $2::bjxm.clause, $3, 1, $4, COALESCE(pg_catalog.string_to_array(NULLIF($5, ''), '|'), '{}'), "
					  "COALESCE(pg_catalog.string_to_array(NULLIF($6, ''), '|'), '{}'), $7)", 7, rtypes, rvalues, NULL);
		ctx->details = bjxm_jsonb(psprintf("{\"term\": %s, \"clause\": %s, \"active\": %s, \"kind\": %s, "
										   "\"allow\": %s, \"deny\": %s, \"refuse_by_default\": %s}",
										   bjxm_json_quote(term), bjxm_json_quote(clause->text),
										   active ? "true" : "false", bjxm_json_quote(kind),
										   bjxm_json_quote(allow), bjxm_json_quote(deny), refuse ? "true" : "false"));
	}
	ctx->clause_article = clause->i;
	ctx->clause_item = (int) clause->id;
	if (kind == NULL)
		ctx->details = bjxm_jsonb(psprintf("{\"term\": %s, \"clause\": %s, \"active\": %s}", bjxm_json_quote(term),
										   bjxm_json_quote(clause->text), active ? "true" : "false"));
	bjxm_done(ctx, psprintf("%s: %s", term, active ? "生效" : "停用"));
}

/* ------------------------------------------------------------------ */
/* 第十二条: budget execution                                          */
/* ------------------------------------------------------------------ */

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
			  "WHERE d.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	return DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/*
 * 第十二条: the postponement paid_on falls in, if any (the date it began,
 * as text): after a postpone and before the resume that followed it.  A
 * payment backdated into a postponement is one the project could not
 * have received then.
 */
static char *
postponed_on(BjxmCtx *ctx, DateADT paid_on)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, DATEOID};
	Datum		values[2];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = DateADTGetDatum(paid_on);
	if (bjxm_exec(&plan, "SELECT p.effective_date FROM bjxm.events p "
				  "WHERE p.project_id OPERATOR(pg_catalog.=) $1 AND p.action OPERATOR(pg_catalog.=) 'postpone' "
				  "  AND p.effective_date OPERATOR(pg_catalog.<) $2 "
				  "  AND NOT EXISTS (SELECT 1 FROM bjxm.events r WHERE r.project_id OPERATOR(pg_catalog.=) $1 "
				  "                   AND r.action OPERATOR(pg_catalog.=) 'resume' "
				  "                   AND r.event_id OPERATOR(pg_catalog.>) p.event_id "
				  "                   AND r.effective_date OPERATOR(pg_catalog.<=) $2) "
				  "ORDER BY p.event_id DESC LIMIT 1", 2, types, values, NULL) != 1)
		return NULL;
	return bjxm_date_text(DatumGetDateADT(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)));
}

/*
 * record_disbursement: dated from the contract's signing to today, not
 * inside a postponement; within the contract amount and the budget
 * (BJ012); holds only warn.
 */
void
bjxm_record_disbursement_rules(BjxmCtx *ctx)
{
	Numeric		amount = bjxm_arg_num(ctx, "amount");
	const BjxmArg *paid_on = bjxm_arg(ctx, "paid_on");
	bool		isnull;
	Datum		budget = bjxm_col(ctx, "budget", &isnull);
	Numeric		contract = bjxm_col_num(ctx, "contract_amount");
	bool		unsigned_contract;
	Datum		signed_on = bjxm_col_opt(ctx, "contract_signed_on", &unsigned_contract);

	if (paid_on->present && paid_on->date > bjxm_today())
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "拨付日期 %s 晚于今天 (payment date in the future)", paid_on->text);
	/* 第十二条: no payment dated before the contract it pays. */
	if (paid_on->present && !unsigned_contract && paid_on->date < DatumGetDateADT(signed_on))
		bjxm_violation(ctx, false, ERRCODE_BJ012, BJ_ART_EXECUTION, 0,
					   psprintf("拨付日期 %s, 合同 %s 签订于 %s。", paid_on->text, bjxm_col_text(ctx, "contract_no"),
								bjxm_date_text(DatumGetDateADT(signed_on))),
					   "拨付依据已签订的三方服务合同, 日期不早于合同签订日期。",
					   "拨付日期早于合同签订日期 (payment dated before the contract)");
	if (paid_on->present)
	{
		char	   *since = postponed_on(ctx, paid_on->date);

		if (since != NULL)
			bjxm_violation(ctx, false, ERRCODE_BJ012, BJ_ART_EXECUTION, 0,
						   psprintf("拨付日期 %s, 项目自 %s 起推迟实施, 至该日未恢复。", paid_on->text, since),
						   "推迟实施期间不拨付资金; 拨付日期按实际拨付的日期记录。",
						   "拨付日期在项目推迟实施期间 (payment dated inside a postponement)");
	}
	/*
	 * 第三十一条: owed to the vendor under a contract signed before the hold
	 * began: warn; under one signed inside it (a hold restored from its
	 * deadline, say), refuse.
	 */
	bjxm_rule_rectification_hold_payment(ctx);
	/* 第三十四条: no payment while a required city review has not passed. */
	bjxm_rule_city_review(ctx);
	/* 第十四条: nor while the service-plan review no longer covers the plan. */
	bjxm_rule_service_plan_review(ctx);
	if (amount != NULL && !isnull)
	{
		Numeric		paid = paid_so_far(ctx);
		Numeric		total = DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(paid),
																 NumericGetDatum(amount)));

		/* 第十二条, 第十六条: within the contract's amount */
		if (contract != NULL && bjxm_numeric_cmp(total, contract) > 0)
			bjxm_violation(ctx, false, ERRCODE_BJ012, BJ_ART_EXECUTION, 0,
						   psprintf("已拨付 %s 元, 本次 %s 元, 合计 %s 元; 合同金额 %s 元。",
									bjxm_numeric_text(paid), bjxm_numeric_text(amount),
									bjxm_numeric_text(total), bjxm_numeric_text(contract)),
						   "拨付不得超过三方服务合同金额。",
						   "拨付合计超过合同金额 (disbursements above the contract amount)");
		if (bjxm_numeric_cmp(total, DatumGetNumeric(budget)) > 0)
			bjxm_violation(ctx, false, ERRCODE_BJ012, BJ_ART_EXECUTION, 0,
						   psprintf("已拨付 %s 元, 本次 %s 元, 合计 %s 元; 安排预算 %s 元。",
									bjxm_numeric_text(paid), bjxm_numeric_text(amount),
									bjxm_numeric_text(total), bjxm_numeric_text(DatumGetNumeric(budget))),
						   "拨付不得超过安排的预算; 如需追加, 先调整预算。",
						   "拨付合计超过安排的预算 (disbursements above the arranged budget)");
	}
}

/* Record the disbursement. */
void
bjxm_record_disbursement_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, NUMERICOID, DATEOID};
	Datum		values[3];
	Numeric		amount = bjxm_arg_num(ctx, "amount");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = NumericGetDatum(amount);
	values[2] = DateADTGetDatum(bjxm_arg(ctx, "paid_on")->date);
	bjxm_exec(&plan, "INSERT INTO bjxm.disbursements (project_id, amount, paid_on, recorded_by) "
			  "VALUES ($1, $2, $3, bjxm.acting_role()) RETURNING disbursement_id", 3, types, values, NULL);
	/* The event names the row (bjxm.verify_state, issue 17). */
	{
		bool		isnull;

		ctx->details = bjxm_jsonb_with(ctx->args, psprintf("{\"disbursement_id\": " INT64_FORMAT "}",
															DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
																						SPI_tuptable->tupdesc, 1, &isnull))));
	}
	bjxm_done(ctx, psprintf("拨付 %s 元", bjxm_numeric_text(amount)));
}

/* Remember the state left, then postpone: one write of the row. */
void
bjxm_postpone_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(bj_state_name(ctx->state))};

	bjxm_move_set(ctx, &plan, "postponed_from = $2::bjxm.project_state", 1, types, values, NULL,
				  bjxm_next_state(ctx), ctx->note);
}

/* Return to the state left, forgetting it: one write of the row. */
void
bjxm_resume_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;

	bjxm_move_set(ctx, &plan, "postponed_from = NULL", 0, NULL, NULL, NULL, bjxm_next_state(ctx), NULL);
}
