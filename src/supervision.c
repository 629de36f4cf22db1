/*
 * supervision.c — 第七章 监督管理, 第三十条–第三十三条.
 *
 *   第三十条   rectification orders opened by 大数据部门 or 财政部门
 *   第三十一条 the order's life (open → reported → closed, or failed),
 *              the hold on a unit's new money, the facts 监督检查 reads,
 *              and bjxm.inspect (items (三)–(八), and the chain of
 *              amounts: items ≥ budget ≥ control price ≥ procurement ≥
 *              contract ≥ paid)
 *   第三十二条 performance targets, 事前绩效评估, 绩效自评, 重点绩效评价
 *   第三十三条 the comprehensive evaluation and the vendor warning
 *
 * The hold cannot be raced.  Every action that commits money first takes
 * FOR SHARE on its unit's row; a verification failing (close_rectification
 * with passed = false) and a new order (it may already be overdue for an
 * action dated later) update that row (units.rectification_version).  A
 * late report needs no update: the order was already overdue, so already
 * holding, when it was reported.  At READ COMMITTED the funding action
 * waits for such a change and then reads the committed orders; at
 * REPEATABLE READ or SERIALIZABLE it gets 40001 and retries.  An order
 * merely passing its deadline needs no lock: the deadline is compared with
 * bjxm.today() at the funding action itself.  The hold check is an index
 * lookup (rectifications_unit_pending_idx).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/async.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "action.h"
#include "data.h"
#include "duties.h"
#include "jurisdictions.h"
#include "reviews.h"
#include "security.h"
#include "settings.h"
#include "spi.h"
#include "splitting.h"
#include "supervision.h"
#include "types.h"

/* ------------------------------------------------------------------ */
/* 第三十一条: the hold                                                */
/* ------------------------------------------------------------------ */

/*
 * The orders of the unit not closed, with the day each one's hold began
 * (NULL: not holding): a failed order or one reported late from its
 * hold_since, an open order past its deadline from the day after it.
 */
#define PENDING_ORDERS_COLUMNS(verify) \
	"SELECT r.rectification_id, r.category, pg_catalog.to_char(r.deadline, 'YYYY-MM-DD'), r.status, r.finding, " \
	"       COALESCE(r.hold_since, CASE WHEN r.status OPERATOR(pg_catalog.=) 'open' " \
	"                                    AND r.deadline OPERATOR(pg_catalog.<) $2 " \
	"                                   THEN r.deadline OPERATOR(pg_catalog.+) 1 " verify " END) AS hold_start, " \
	"       r.hold_since IS NOT NULL AND r.hold_since OPERATOR(pg_catalog.<=) r.deadline AS failed_early, " \
	"       r.hold_since IS NULL AS unverified " \
	"FROM bjxm.rectifications r " \
	"WHERE r.unit_id OPERATOR(pg_catalog.=) $1 AND r.status OPERATOR(pg_catalog.<>) 'closed' " \
	"ORDER BY r.deadline, r.rectification_id"
/*
 * ... and a result reported in time that nobody verified by verify_by
 * holds again from the day after (待核查逾期): a report pauses a hold only
 * while it waits to be verified, so "." or "1" buys verification_days at
 * most, not for ever (issue 15).
 */
#define PENDING_ORDERS PENDING_ORDERS_COLUMNS( \
	"                                   WHEN r.status OPERATOR(pg_catalog.=) 'reported' " \
	"                                    AND r.verify_by OPERATOR(pg_catalog.<) $2 " \
	"                                   THEN r.verify_by OPERATOR(pg_catalog.+) 1 ")
/* The schema of an earlier release (no verify_by), until ALTER EXTENSION UPDATE. */
#define PENDING_ORDERS_EARLIER PENDING_ORDERS_COLUMNS("")

/*
 * 第三十一条: 「对未整改或整改后不符合要求的, 不再安排后续项目资金」 — no
 * step that commits new money for a unit with an overdue or failed order
 * (blocking), or a warning (a payment owed).  committed_on, when given,
 * is the day the money was committed (a payment's contract): a hold that
 * began after it only warns — what was owed before the hold is paid.
 */
static void
rectification_hold(BjxmCtx *ctx, bool blocking, const DateADT *committed_on)
{
	static SPIPlanPtr lock = NULL;
	static SPIPlanPtr orders = NULL;
	static SPIPlanPtr orders_earlier = NULL;
	Oid			types[2] = {INT8OID, DATEOID};
	Datum		values[2];
	uint64		n;

	if (!ctx->unit_known)
		return;
	values[0] = Int64GetDatum(ctx->unit_id);
	values[1] = DateADTGetDatum(bjxm_today());
	if (!ctx->check_only)
		bjxm_exec(&lock, "SELECT 1 FROM bjxm.units u WHERE u.unit_id OPERATOR(pg_catalog.=) $1 FOR SHARE",
				  1, types, values, NULL);
	n = bjxm_has_column("rectifications", "verify_by")
		? bjxm_exec(&orders, PENDING_ORDERS, 2, types, values, NULL)
		: bjxm_exec(&orders_earlier, PENDING_ORDERS_EARLIER, 2, types, values, NULL);
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
		Datum		start = SPI_getbinval(t, d, 6, &isnull);
		bool		hold = !isnull;
		bool		failed_early = DatumGetBool(SPI_getbinval(t, d, 7, &isnull));
		bool		unverified = DatumGetBool(SPI_getbinval(t, d, 8, &isnull));
		const char *why = strcmp(status, "failed") == 0 ? "整改不符合要求"
			: strcmp(status, "reported") == 0 && unverified ? "整改结果待核查逾期" : "逾期未整改";
		char	   *detail = psprintf("整改通知 %s (%s): %s; 期限 %s, 状态 %s%s。",
									  id, bjxm_clause_cstring(BJ_ART_RECTIFICATION, category), finding, deadline, status,
									  hold ? psprintf(", 自 %s 起停止安排资金", bjxm_date_text(DatumGetDateADT(start))) : "");

		/*
		 * Owed: a contract recorded before the hold began — or on its first
		 * day when a verification failed before the deadline (a contract
		 * after the failure that day was refused, so this one came first).
		 */
		if (hold && committed_on != NULL &&
			(*committed_on < DatumGetDateADT(start) || (failed_early && *committed_on == DatumGetDateADT(start))))
			bjxm_violation(ctx, true, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 0,
						   psprintf("%s 合同记录于 %s, 在停止安排资金之前。", detail, bjxm_date_text(*committed_on)),
						   "停止安排资金前已签订的合同, 应付款项照付; 整改落实到位前不得再承诺新的资金。",
						   "单位 %s 有%s的整改通知 %s, 本笔为此前所签合同的应付款 (payment owed under a contract signed before the hold of rectification %s)",
						   ctx->unit_code, why, id, id);
		else if (hold)
			bjxm_violation(ctx, !blocking, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 0, detail,
						   "整改落实到位并经 close_rectification 验收通过后, 方可安排后续项目资金。",
						   "单位 %s 有%s的整改通知 %s, 不再安排后续项目资金 (funding blocked by rectification %s)",
						   ctx->unit_code, why, id, id);
		else
			bjxm_violation(ctx, true, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 0, detail,
						   "期限届满未整改的, 将不再安排后续项目资金。",
						   "单位 %s 有未完成的整改通知 %s, 期限 %s (rectification pending)",
						   ctx->unit_code, id, deadline);
	}
}

/* 第三十一条: a step that commits new money (blocking), or one that only warns. */
void
bjxm_rule_rectification_hold(BjxmCtx *ctx, bool blocking)
{
	rectification_hold(ctx, blocking, NULL);
}

/*
 * 第三十一条: a payment under the project's contract — refused under a hold
 * that began on or before the day the contract was recorded (money
 * committed inside the hold), a warning under one that began after it.
 */
void
bjxm_rule_rectification_hold_payment(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->project_id)};
	bool		isnull;
	Datum		on;
	DateADT		recorded;

	bjxm_exec(&plan, "SELECT pg_catalog.max(e.effective_date) FROM bjxm.events e "
			  "WHERE e.project_id OPERATOR(pg_catalog.=) $1 AND e.action OPERATOR(pg_catalog.=) 'sign_contract' "
			  "  AND e.to_state OPERATOR(pg_catalog.=) 'contracted'", 1, types, values, NULL);
	on = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (isnull)
	{
		rectification_hold(ctx, true, NULL);
		return;
	}
	recorded = DatumGetDateADT(on);
	rectification_hold(ctx, true, &recorded);
}

/* ------------------------------------------------------------------ */
/* 第三十条, 第三十一条: rectification orders                          */
/* ------------------------------------------------------------------ */

/* Serialize with in-flight funding actions of the unit (see the file comment). */
static void
bump_rectification_version(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->unit_id)};

	bjxm_exec(&plan, "UPDATE bjxm.units u SET rectification_version = u.rectification_version OPERATOR(pg_catalog.+) 1 "
			  "WHERE u.unit_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
}

/* open_rectification acts on the unit named by its USCC (第三十条). */
void
bjxm_open_rectification_load(BjxmCtx *ctx)
{
	const char *unit = bjxm_arg_text(ctx, "unit");

	if (unit == NULL || !bjxm_load_visible_unit_by_code(ctx, unit))
		bjxm_refuse_missing(ctx, BJ_ART_SUPERVISION, "单位 %s 不存在或无权访问 (no such unit, or not visible)",
							unit ? unit : "<NULL>");
}

/* The deadline an order gets: the one given, or today + rectification_days. */
static DateADT
order_deadline(BjxmCtx *ctx)
{
	const BjxmArg *d = bjxm_arg(ctx, "deadline");

	return d->present ? d->date : bjxm_today() + bjxm_setting_int("rectification_days");
}

/* open_rectification: an item of 第三十一条, a finding, the unit's own project, a deadline to come. */
void
bjxm_open_rectification_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr own = NULL;
	const BjxmArg *category = bjxm_arg(ctx, "category");
	const char *finding = bjxm_arg_text(ctx, "finding");
	const BjxmArg *project = bjxm_arg(ctx, "project");
	DateADT		due;

	if (!category->present || category->i < 1 || category->i > BJ_ITEMS_RECTIFICATION)
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_RECTIFICATION, NULL, NULL,
					"问题类别须为第三十一条第(一)至(九)项之一, 而为 %s (category must be 1–9)",
					category->present ? psprintf("%d", category->i) : "<NULL>");
	if (bjxm_blank(finding))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_RECTIFICATION, NULL, NULL,
					"须写明发现的问题 (finding is required)");
	if (project->present)
	{
		Oid			types[2] = {INT8OID, INT8OID};
		Datum		values[2] = {Int64GetDatum(project->id), Int64GetDatum(ctx->unit_id)};

		if (bjxm_exec(&own, "SELECT 1 FROM bjxm.projects p WHERE p.project_id OPERATOR(pg_catalog.=) $1 "
					  "AND p.unit_id OPERATOR(pg_catalog.=) $2", 2, types, values, NULL) != 1)
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_RECTIFICATION, NULL, NULL,
						"项目 %lld 不属于单位 %s (project does not belong to the unit)",
						(long long) project->id, ctx->unit_code);
	}
	due = order_deadline(ctx);
	if (due < bjxm_today())
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_RECTIFICATION, NULL, NULL,
					"整改期限 %s 早于今天 %s (deadline in the past)", bjxm_date_text(due), bjxm_date_text(bjxm_today()));
}

/* Open the order (the unit serializes with funding), on its project if any. */
void
bjxm_open_rectification_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[5] = {INT8OID, INT4OID, TEXTOID, INT8OID, DATEOID};
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	const BjxmArg *project = bjxm_arg(ctx, "project");
	int32		category = bjxm_arg_int(ctx, "category");
	DateADT		due = order_deadline(ctx);
	bool		isnull;

	bump_rectification_version(ctx);
	values[0] = Int64GetDatum(ctx->unit_id);
	values[1] = Int32GetDatum(category);
	values[2] = CStringGetTextDatum(bjxm_arg_text(ctx, "finding"));
	values[3] = Int64GetDatum(project->id);
	nulls[3] = project->present ? ' ' : 'n';
	values[4] = DateADTGetDatum(due);
	bjxm_exec(&plan, "INSERT INTO bjxm.rectifications (unit_id, category, finding, project_id, deadline, opened_by) "
			  "VALUES ($1, $2, pg_catalog.btrim($3), $4, $5, bjxm.acting_role()) RETURNING rectification_id",
			  5, types, values, nulls);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->has_project = project->present;
	ctx->project_id = project->id;
	ctx->clause_article = BJ_ART_RECTIFICATION;
	ctx->clause_item = category;
	/* the category and finding too (bjxm.verify_state, issue 17) */
	ctx->details = bjxm_jsonb(psprintf("{\"rectification_id\": " INT64_FORMAT ", \"deadline\": \"%s\", "
									   "\"category\": %d, \"finding\": %s}",
									   ctx->result, bjxm_date_text(due), category,
									   bjxm_json_quote(TextDatumGetCString(DirectFunctionCall1(btrim1, values[2])))));
	bjxm_done(ctx, TextDatumGetCString(DirectFunctionCall1(btrim1, values[2])));
}

/* report_ and close_rectification act on an order: loaded (locked) with its unit. */
void
bjxm_rectification_load(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr peek = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	const BjxmArg *id = bjxm_arg(ctx, "id");
	bool		isnull;
	Datum		project;

	values[0] = Int64GetDatum(id->id);
	/* a dry run reads without locking: bjxm.check must not block the order's actors */
	if (!id->present ||
		bjxm_exec(ctx->check_only ? &peek : &plan,
				  ctx->check_only ? "SELECT r.* FROM bjxm.rectifications r WHERE r.rectification_id OPERATOR(pg_catalog.=) $1"
				  : "SELECT r.* FROM bjxm.rectifications r WHERE r.rectification_id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
				  1, types, values, NULL) != 1)
		bjxm_refuse_missing(ctx, BJ_ART_RECTIFICATION, "整改通知 %s 不存在或无权访问 (no such order, or not visible)",
							id->present ? psprintf(INT64_FORMAT, id->id) : "<NULL>");
	ctx->object_id = id->id;
	ctx->object_row = SPI_tuptable->vals[0];
	ctx->object_desc = SPI_tuptable->tupdesc;
	if (!bjxm_load_unit_by_id(ctx, DatumGetInt64(bjxm_object_col(ctx, "unit_id", &isnull))))
		elog(ERROR, "bjxm: rectification " INT64_FORMAT " has no unit", id->id);
	/* another unit's order is answered as a missing one (issue 15: no existence oracle) */
	if (!bjxm_loaded_unit_visible(ctx))
	{
		bjxm_forget_unit(ctx);
		bjxm_refuse_missing(ctx, BJ_ART_RECTIFICATION, "整改通知 %s 不存在或无权访问 (no such order, or not visible)",
							psprintf(INT64_FORMAT, id->id));
	}
	project = bjxm_object_col(ctx, "project_id", &isnull);
	ctx->has_project = !isnull;
	ctx->project_id = isnull ? 0 : DatumGetInt64(project);
	ctx->clause_article = BJ_ART_RECTIFICATION;
	ctx->clause_item = DatumGetInt32(bjxm_object_col(ctx, "category", &isnull));
}

/* report_rectification: an open or failed order, a result. */
void
bjxm_report_rectification_rules(BjxmCtx *ctx)
{
	const char *status = bjxm_object_text(ctx, "status");

	if (strcmp(status, "open") != 0 && strcmp(status, "failed") != 0)
		bjxm_reject(ctx, ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, BJ_ART_RECTIFICATION,
					"待整改 (open) 或整改不符合要求 (failed) 的通知才能报送结果。", NULL,
					"整改通知 %lld 的状态为 %s, 不能报送 (order is %s)", (long long) ctx->object_id, status, status);
	if (bjxm_blank(bjxm_arg_text(ctx, "result")))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_RECTIFICATION, NULL, NULL,
					"须报送整改结果 (result is required)");
	/* a "." is no result: it would only pause the hold until verified */
	else if (bjxm_wordless(bjxm_arg_text(ctx, "result")))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_RECTIFICATION,
					"以文字写明整改了什么、如何整改、整改的证明材料。",
					psprintf("整改结果为“%s”, 只有标点符号。", bjxm_arg_text(ctx, "result")),
					"整改结果须以文字说明 (the result says nothing in words)");
}

/*
 * Record the result; reported after the deadline, the hold that began when
 * it fell overdue stays on.  The regulator has verification_days to verify
 * it (verify_by); past them the board and inspect flag it (待核查逾期).
 */
void
bjxm_report_rectification_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr earlier = NULL;
	Oid			types[3] = {INT8OID, TEXTOID, DATEOID};
	Datum		values[3];
	char	   *result = TextDatumGetCString(DirectFunctionCall1(btrim1, CStringGetTextDatum(bjxm_arg_text(ctx, "result"))));
	DateADT		verify_by = bjxm_today() + bjxm_setting_int("verification_days");

	values[0] = Int64GetDatum(ctx->object_id);
	values[1] = CStringGetTextDatum(result);
	values[2] = DateADTGetDatum(verify_by);
	if (bjxm_has_column("rectifications", "verify_by"))
		bjxm_exec(&plan, "UPDATE bjxm.rectifications x SET status = 'reported', result = $2, reported_on = bjxm.today(), "
				  "hold_since = COALESCE(x.hold_since, CASE WHEN bjxm.today() OPERATOR(pg_catalog.>) x.deadline "
				  "                                    THEN x.deadline OPERATOR(pg_catalog.+) 1 END), verify_by = $3 "
				  "WHERE x.rectification_id OPERATOR(pg_catalog.=) $1", 3, types, values, NULL);
	else						/* the schema of an earlier release, until ALTER EXTENSION UPDATE */
		bjxm_exec(&earlier, "UPDATE bjxm.rectifications x SET status = 'reported', result = $2, reported_on = bjxm.today(), "
				  "hold_since = COALESCE(x.hold_since, CASE WHEN bjxm.today() OPERATOR(pg_catalog.>) x.deadline "
				  "                                    THEN x.deadline OPERATOR(pg_catalog.+) 1 END) "
				  "WHERE x.rectification_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL);
	ctx->details = bjxm_jsonb(psprintf("{\"rectification_id\": " INT64_FORMAT ", \"verify_by\": \"%s\", \"result\": %s}",
									   ctx->object_id, bjxm_date_text(verify_by), bjxm_json_quote(result)));
	bjxm_done(ctx, result);
}

/* close_rectification: a reported order, an outcome. */
void
bjxm_close_rectification_rules(BjxmCtx *ctx)
{
	const char *status = bjxm_object_text(ctx, "status");

	if (!bjxm_arg_present(ctx, "passed"))
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, BJ_ART_RECTIFICATION, NULL, NULL,
					"须给出验收结论 (passed is required)");
	if (strcmp(status, "reported") != 0)
		bjxm_reject(ctx, ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, BJ_ART_RECTIFICATION,
					"用户单位报送整改结果 (reported) 后方可验收。", NULL,
					"整改通知 %lld 的状态为 %s, 尚无待验收的整改结果 (order is %s)",
					(long long) ctx->object_id, status, status);
}

/* Close the order, or fail it: a failure holds at once (and serializes with funding). */
void
bjxm_close_rectification_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr close = NULL;
	static SPIPlanPtr fail = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->object_id)};

	if (ctx->passed)
		bjxm_exec(&close, "UPDATE bjxm.rectifications x SET status = 'closed', closed_at = pg_catalog.clock_timestamp() "
				  "WHERE x.rectification_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	else
	{
		/*
		 * Reported in time but failed after the deadline: the report only
		 * paused the hold, which runs from the day after the deadline (a
		 * contract signed meanwhile was signed inside the hold).
		 */
		bjxm_exec(&fail, "UPDATE bjxm.rectifications x SET status = 'failed', hold_since = COALESCE(x.hold_since, "
				  "  CASE WHEN bjxm.today() OPERATOR(pg_catalog.>) x.deadline THEN x.deadline OPERATOR(pg_catalog.+) 1 "
				  "       ELSE bjxm.today() END) "
				  "WHERE x.rectification_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
		bump_rectification_version(ctx);
	}
	ctx->details = bjxm_jsonb(psprintf("{\"rectification_id\": " INT64_FORMAT ", \"passed\": %s}",
									   ctx->object_id, ctx->passed ? "true" : "false"));
	bjxm_done(ctx, ctx->passed ? "整改落实到位" : "整改不符合要求");
}

/* ------------------------------------------------------------------ */
/* 第三十一条: the facts 监督检查 reads                                 */
/* ------------------------------------------------------------------ */

/* The facts, with their JSON types. */
static const struct
{
	const char *key;
	bool		boolean;
}			facts_known[] = {
	{"uses_third_party_system", true},	/* 第三十一条(八), 第三十四条(一) */
	{"deployment_site", false},	/* 第三十一条(三) */
	{"gov_service_integration_required", true},	/* 第三十一条(四) */
	{"gov_service_integrated", true},	/* 第三十一条(四) */
	{"domestic_crypto", true},	/* 第三十一条(七) */
};

/* set_project_facts: known keys with the right JSON types. */
void
bjxm_set_project_facts_rules(BjxmCtx *ctx)
{
	Jsonb	   *facts = bjxm_arg_json(ctx, "facts");
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
		int			k = -1;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		tok = JsonbIteratorNext(&it, &val, true);
		for (size_t i = 0; i < lengthof(facts_known); i++)
			if (strcmp(key, facts_known[i].key) == 0)
				k = (int) i;
		if (k < 0)
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
						   "未知的项目事实“%s” (unknown fact; known: uses_third_party_system, deployment_site, "
						   "gov_service_integration_required, gov_service_integrated, domestic_crypto)", key);
		else if (facts_known[k].boolean && val.type != jbvBool)
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "项目事实 %s 应为 true 或 false (must be boolean)", key);
		else if (!facts_known[k].boolean && val.type != jbvString)
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "项目事实 %s 应为文本 (must be text)", key);
	}
}

/* Merge the facts into the project's, in one write of the row. */
void
bjxm_set_project_facts_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {JSONBOID, INT4OID};
	Datum		values[2];
	int			item = 0;

	/* Once the service plan rests on the facts: before, they are freely corrected. */
	switch (ctx->state)
	{
		case BJ_S_SERVICE_PLAN_SUBMITTED:
		case BJ_S_SERVICE_PLAN_APPROVED:
		case BJ_S_PROCURED:
		case BJ_S_CONTRACTED:
		case BJ_S_IMPLEMENTING:
		case BJ_S_ACCEPTED:
		case BJ_S_POSTPONED:
			item = bjxm_city_review_item(ctx);
			break;
		default:
			break;
	}

	/*
	 * 第三十四条: the item the facts brought the project under, kept: a
	 * fact turned off later does not lift the city review.
	 */
	values[0] = JsonbPGetDatum(bjxm_arg_json(ctx, "facts"));
	values[1] = Int32GetDatum(item);
	if (!bjxm_has_column("projects", "city_review_item"))
	{
		/* the schema of an earlier release, until ALTER EXTENSION UPDATE */
		static SPIPlanPtr earlier = NULL;

		bjxm_move_set(ctx, &earlier, "facts = facts OPERATOR(pg_catalog.||) $2", 1, types, values, NULL,
					  ctx->state, NULL);
		return;
	}
	bjxm_move_set(ctx, &plan, "facts = facts OPERATOR(pg_catalog.||) $2, "
				  "city_review_item = COALESCE(city_review_item, NULLIF($3, 0))", 2, types, values, NULL,
				  ctx->state, NULL);
}

/* A boolean fact, with *known false when absent or not boolean. */
static bool
fact_bool(Jsonb *facts, const char *key, bool *known)
{
	JsonbValue *v = bjxm_json_get(facts, key);

	*known = v != NULL && v->type == jbvBool;
	return *known && v->val.boolean;
}

/*
 * A fact 监督检查 needs that the unit has not recorded.  Before the
 * contract it is a reminder (warning); from the contract on, the project
 * is being built and silence is reported as a violation would be (未报告):
 * a unit that says nothing must not fare better than one that honestly
 * records a deployment off the city data centre (issue 15).
 */
static void
unreported_fact(BjxmCtx *ctx, int item, const char *key, const char *what)
{
	/* contracted on, or postponed or terminated after the contract: postponing does not make silence cheaper */
	bool		built = (ctx->state >= BJ_S_CONTRACTED && ctx->state <= BJ_S_EVALUATED) ||
		((ctx->state == BJ_S_POSTPONED || ctx->state == BJ_S_TERMINATED) && bjxm_col_text(ctx, "contract_no") != NULL);

	bjxm_violation(ctx, !built, ERRCODE_BJ031, BJ_ART_RECTIFICATION, item,
				   psprintf("项目事实中没有 %s (项目状态 %s)。", key, bj_state_name(ctx->state)),
				   psprintf("以 bjxm.set_project_facts 报告 %s。", key),
				   "%s%s (fact %s not reported)", built ? "未报告" : "未登记", what, key);
}

/* 第三十一条(三)(四)(七)(八) from the project's facts. */
static void
inspect_facts(BjxmCtx *ctx)
{
	bool		isnull;
	Datum		d = bjxm_col(ctx, "facts", &isnull);
	Jsonb	   *facts = isnull ? NULL : DatumGetJsonbP(d);
	JsonbValue *site = bjxm_json_get(facts, "deployment_site");
	bool		known,
				known2;
	bool		v;

	/* (三) built on the city data centre */
	if (site == NULL || site->type != jbvString)
		unreported_fact(ctx, 3, "deployment_site", "部署位置, 无法核查是否基于毕节市城市数据中心建设");
	else if (!(site->val.string.len == strlen("city_data_center") &&
			   strncmp(site->val.string.val, "city_data_center", site->val.string.len) == 0))
		bjxm_violation(ctx, false, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 3,
					   psprintf("部署位置为“%.*s”。", site->val.string.len, site->val.string.val),
					   "迁移至毕节市城市数据中心(“云上贵州”毕节分平台)并更新项目事实。",
					   "未按要求基于毕节市城市数据中心(“云上贵州”毕节分平台)建设 (not on the city data centre)");

	/* (四) connected to the provincial 政务服务一体化平台 where required */
	v = fact_bool(facts, "gov_service_integration_required", &known);
	if (!known)
		unreported_fact(ctx, 4, "gov_service_integration_required", "是否须对接全省政务服务一体化平台");
	else if (v && !fact_bool(facts, "gov_service_integrated", &known2))
		bjxm_violation(ctx, false, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 4, "要求对接而未对接 (gov_service_integrated 不是 true)。",
					   "对接全省政务服务一体化平台并更新项目事实。",
					   "未按要求对接全省政务服务一体化平台 (not connected to the provincial government-service platform)");

	/* (七) 国产密码 deployed for data protection */
	v = fact_bool(facts, "domestic_crypto", &known);
	if (!known)
		unreported_fact(ctx, 7, "domestic_crypto", "是否部署国产密码进行数据保护");
	else if (!v)
		bjxm_violation(ctx, false, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 7, "domestic_crypto 为 false。",
					   "部署国产密码 (SM2/SM3/SM4 等) 进行数据保护。",
					   "未按要求部署国产密码进行数据保护 (no domestic cryptography)");

	/* (八) a third-party system without the city-level review (第三十四条) */
	v = fact_bool(facts, "uses_third_party_system", &known);
	if (!known)
		unreported_fact(ctx, 8, "uses_third_party_system", "是否使用第三方提供的信息系统服务");
	else if (v)
	{
		Datum		r = bjxm_col(ctx, "city_review_passed", &isnull);

		if (isnull || !DatumGetBool(r))
			bjxm_violation(ctx, false, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 8, "项目使用第三方提供的信息系统服务, 未经市级评审通过。",
						   "按第三十四条由市级大数据部门评审服务方案。",
						   "擅自使用第三方提供的信息系统服务 (third-party system without city-level review)");
	}
}

/* ------------------------------------------------------------------ */
/* 第三十一条 监督检查: the chain of amounts as it stands              */
/* ------------------------------------------------------------------ */

/* Add a finding that a >= b is broken: a above b (both amounts named). */
static void
chain_finding(BjxmCtx *ctx, int sqlerrcode, int article, Numeric a, const char *a_label,
			  Numeric b, const char *b_label, const char *hint)
{
	if (a == NULL || b == NULL || bjxm_numeric_cmp(a, b) <= 0)
		return;
	bjxm_violation(ctx, false, sqlerrcode, article, 0,
				   psprintf("%s %s 元, %s %s 元。", a_label, bjxm_numeric_text(a), b_label, bjxm_numeric_text(b)),
				   hint, "%s超过%s (amount chain broken)", a_label, b_label);
}

/*
 * bjxm.inspect: every link of the chain line items ≥ budget ≥ 招标控制价
 * ≥ procurement ≥ contract ≥ paid, and the estimate over the budget, for
 * data the rules did not write (a 0.2.0 project upgraded, say): the
 * actions refuse each broken link, so a project they wrote shows none.
 */
static void
inspect_funding(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->project_id)};
	HeapTuple	t;
	TupleDesc	d;
	bool		isnull;
	Numeric		items;
	Numeric		paid;
	Numeric		budget = bjxm_col_num(ctx, "budget");
	Numeric		control = bjxm_col_num(ctx, "control_price");
	Numeric		procured = bjxm_col_num(ctx, "procurement_amount");
	Numeric		contract = bjxm_col_num(ctx, "contract_amount");
	bool		early_payment;
	bool		unsigned_contract;
	Datum		signed_on = bjxm_col_opt(ctx, "contract_signed_on", &unsigned_contract);

	bjxm_exec(&plan, "SELECT (SELECT COALESCE(pg_catalog.sum(l.amount), 0) FROM bjxm.line_items l "
			  "         WHERE l.project_id OPERATOR(pg_catalog.=) $1), "
			  "       (SELECT COALESCE(pg_catalog.sum(x.amount), 0) FROM bjxm.disbursements x "
			  "         WHERE x.project_id OPERATOR(pg_catalog.=) $1), "
			  "       EXISTS (SELECT 1 FROM bjxm.disbursements x JOIN bjxm.projects j USING (project_id) "
			  "         WHERE x.project_id OPERATOR(pg_catalog.=) $1 "
			  "           AND x.paid_on OPERATOR(pg_catalog.<) j.contract_signed_on)",
			  1, types, values, NULL);
	t = SPI_tuptable->vals[0];
	d = SPI_tuptable->tupdesc;
	items = DatumGetNumeric(SPI_getbinval(t, d, 1, &isnull));
	paid = DatumGetNumeric(SPI_getbinval(t, d, 2, &isnull));
	early_payment = DatumGetBool(SPI_getbinval(t, d, 3, &isnull));

	if (budget != NULL && bjxm_numeric_cmp(items, int64_to_numeric(0)) <= 0)
		bjxm_violation(ctx, false, ERRCODE_BJ010, BJ_ART_BUDGET, 0,
					   psprintf("安排预算 %s 元, 项目没有支出事项。", bjxm_numeric_text(budget)),
					   "补列支出事项 (第十一条) 或调整预算。",
					   "已安排预算的项目没有支出事项 (budget without line items)");
	else
		chain_finding(ctx, ERRCODE_BJ010, BJ_ART_BUDGET, budget, "安排的预算", items, "支出事项合计",
					  "补列支出事项 (第十一条) 或调减预算。");
	chain_finding(ctx, ERRCODE_BJ010, BJ_ART_BUDGET, budget, "安排的预算", bjxm_col_num(ctx, "estimate"), "经评审的估算",
				  "按第十九条申请调整并经专家评审, 或调减预算。");
	chain_finding(ctx, ERRCODE_BJ014, BJ_ART_SERVICE_REVIEW, control, "招标控制价", budget, "安排的预算",
				  "重新评审招标控制价或调整预算。");
	chain_finding(ctx, ERRCODE_BJ014, BJ_ART_SERVICE_REVIEW, procured, "采购金额", control, "招标控制价", NULL);
	chain_finding(ctx, ERRCODE_BJ016, BJ_ART_CONTRACT, contract, "合同金额", procured, "采购金额", NULL);
	if (bjxm_col_text(ctx, "contract_no") != NULL && contract == NULL)
		bjxm_violation(ctx, true, ERRCODE_BJ016, BJ_ART_CONTRACT, 0,
					   psprintf("合同 %s 没有记录金额与签订日期 (0.3.0 以前签订)。", bjxm_col_text(ctx, "contract_no")),
					   "核对合同并补记; 在此之前拨付只以预算为限。",
					   "合同未记录金额与签订日期 (contract amount and date not recorded)");
	chain_finding(ctx, ERRCODE_BJ012, BJ_ART_EXECUTION, paid, "已拨付合计", contract, "合同金额", NULL);
	chain_finding(ctx, ERRCODE_BJ012, BJ_ART_EXECUTION, paid, "已拨付合计", budget, "安排的预算", NULL);
	if (early_payment && !unsigned_contract)
		bjxm_violation(ctx, false, ERRCODE_BJ012, BJ_ART_EXECUTION, 0,
					   psprintf("有拨付日期早于合同签订日期 %s。", bjxm_date_text(DatumGetDateADT(signed_on))),
					   "核对拨付记录。", "拨付早于合同签订 (payment before the contract)");
}

/*
 * 第十四条, 第三十四条: past the procurement, the reviews the gates rest on
 * still cover the project (src/reviews.c); a review recorded before 0.3.0
 * kept no inputs and is listed as a warning.
 */
static void
inspect_reviews(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->project_id)};
	bool		isnull;
	Datum		passed;
	int			item;
	uint64		n;

	if (ctx->state < BJ_S_PROCURED || ctx->state > BJ_S_EVALUATED)
		return;
	bjxm_rule_service_plan_review(ctx);
	item = bjxm_city_review_item(ctx);
	passed = bjxm_col(ctx, "city_review_passed", &isnull);
	if (item > 0 && !isnull && DatumGetBool(passed))
		bjxm_rule_city_review_binding(ctx, item);
	if (!bjxm_has_column("reviews", "inputs"))
		return;
	n = bjxm_exec(&plan, "SELECT r.review_id, r.kind FROM bjxm.reviews r "
				  "WHERE r.project_id OPERATOR(pg_catalog.=) $1 AND r.passed AND r.inputs IS NULL "
				  "  AND r.kind OPERATOR(pg_catalog.=) ANY ('{service_plan,city}') "
				  "  AND r.review_id OPERATOR(pg_catalog.=) (SELECT pg_catalog.max(x.review_id) FROM bjxm.reviews x "
				  "      WHERE x.project_id OPERATOR(pg_catalog.=) $1 AND x.kind OPERATOR(pg_catalog.=) r.kind) "
				  "ORDER BY r.review_id", 1, types, values, NULL);
	for (uint64 i = 0; i < n; i++)
	{
		const char *kind = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);
		bool		city = strcmp(kind, "city") == 0;

		bjxm_violation(ctx, true, city ? ERRCODE_BJ034 : ERRCODE_BJ014, city ? BJ_ART_CITY_REVIEW : BJ_ART_SERVICE_REVIEW, 0,
					   psprintf("评审记录 %s (%s) 早于 0.3.0, 没有记录所评审的方案与金额。",
								SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1), kind),
					   "无法确认评审之后方案或金额未改变; 如有疑问, 由评审方对现在的方案重新评审。",
					   "评审未记录所评审的内容 (a review recorded before 0.3.0 kept no inputs)");
	}
}

/*
 * 第三十一条: the unit's orders as 监督检查 sees them — a hold on its
 * funding, and a reported result the regulator has not verified within
 * verification_days (待核查逾期: the finding is the regulator's to act on).
 */
static void
inspect_rectifications(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, DATEOID};
	Datum		values[2];
	uint64		n;

	if (!ctx->unit_known || !bjxm_has_column("rectifications", "verify_by"))
		return;
	values[0] = Int64GetDatum(ctx->unit_id);
	values[1] = DateADTGetDatum(bjxm_today());
	n = bjxm_exec(&plan, "SELECT r.rectification_id, pg_catalog.to_char(r.reported_on, 'YYYY-MM-DD'), "
				  "       pg_catalog.to_char(r.verify_by, 'YYYY-MM-DD'), r.category "
				  "FROM bjxm.rectifications r "
				  "WHERE r.unit_id OPERATOR(pg_catalog.=) $1 AND r.status OPERATOR(pg_catalog.=) 'reported' "
				  "  AND r.verify_by OPERATOR(pg_catalog.<) $2 ORDER BY r.rectification_id", 2, types, values, NULL);
	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		int			category = DatumGetInt32(SPI_getbinval(t, d, 4, &isnull));

		bjxm_violation(ctx, false, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 0,
					   psprintf("整改通知 %s (%s) 于 %s 报送整改结果, 核查期限 %s 已过, 尚未验收。",
								SPI_getvalue(t, d, 1), bjxm_clause_cstring(BJ_ART_RECTIFICATION, category),
								SPI_getvalue(t, d, 2), SPI_getvalue(t, d, 3)),
					   "大数据部门或财政部门以 close_rectification 核查: 落实到位则关闭, 否则不符合要求并恢复停止安排资金。",
					   "待核查逾期: 整改通知 %s 的整改结果未按期核查 (reported result not verified in time)",
					   SPI_getvalue(t, d, 1));
	}
	rectification_hold(ctx, false, NULL);
}

PG_FUNCTION_INFO_V1(bjxm_inspect);
/* bjxm.inspect(project) → setof violation: 第三十一条 监督检查 findings; changes nothing. */
Datum
bjxm_inspect(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BjxmCtx		ctx;
	List	   *found;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	memset(&ctx, 0, sizeof(ctx));
	ctx.check_only = true;
	ctx.action = "inspect";
	bjxm_spi_connect();
	if (!bjxm_load_project(&ctx, PG_GETARG_INT64(0)))
		bjxm_refuse_project(&ctx);
	inspect_facts(&ctx);
	inspect_funding(&ctx);
	inspect_reviews(&ctx);
	inspect_rectifications(&ctx);
	bjxm_inspect_data(&ctx);
	bjxm_inspect_security(&ctx);
	bjxm_inspect_split(&ctx);
	found = bjxm_violations_copy(ctx.violations, rsinfo->econtext->ecxt_per_query_memory);
	SPI_finish();
	bjxm_violations_emit(rsinfo, found);
	return (Datum) 0;
}

/* ------------------------------------------------------------------ */
/* 第三十二条: performance management                                   */
/* ------------------------------------------------------------------ */

/* 第三十二条: targets before a budget; a major development project needs a passed 事前绩效评估. */
void
bjxm_rule_performance(BjxmCtx *ctx, Numeric amount)
{
	bool		isnull;
	bool		targets_null;
	bool		development = false;

	(void) bjxm_col(ctx, "performance_targets", &targets_null);
	if (targets_null)
		bjxm_violation(ctx, false, ERRCODE_BJ032, BJ_ART_PERFORMANCE, 0, "项目没有绩效目标。",
					   "按“谁申请资金、谁编报绩效目标”, 由用户单位以 bjxm.set_performance_targets 编报。",
					   "预算须有绩效目标 (budget without performance targets)");

	development = bjxm_project_development(ctx);
	if (amount != NULL && development &&
		bjxm_numeric_cmp(amount, bjxm_setting_numeric("major_project_threshold")) >= 0)
	{
		Datum		passed = bjxm_col(ctx, "ex_ante_passed", &isnull);

		if (isnull || !DatumGetBool(passed))
			bjxm_violation(ctx, false, ERRCODE_BJ032, BJ_ART_PERFORMANCE, 0,
						   psprintf("预算 %s 元达到新增重大项目标准 %s 元 (major_project_threshold), 事前绩效评估%s。",
									bjxm_numeric_text(amount),
									bjxm_numeric_text(bjxm_setting_numeric("major_project_threshold")),
									isnull ? "未开展" : "未通过"),
						   "由用户单位开展事前绩效评估并以 bjxm.record_ex_ante_assessment 记录通过的结论。",
						   "新增重大项目须通过事前绩效评估 (major project without a passed ex-ante assessment)");
	}
	else if (amount != NULL && development)
	{
		/* … or one of a split group that reaches it together (src/splitting.c) */
		Numeric		major = bjxm_setting_numeric("major_project_threshold");
		StringInfoData members;
		Numeric		sum;
		Datum		passed = bjxm_col(ctx, "ex_ante_passed", &isnull);

		initStringInfo(&members);
		if ((isnull || !DatumGetBool(passed)) && bjxm_split_group(ctx, major, true, amount, &members, &sum))
			bjxm_violation(ctx, false, ERRCODE_BJ032, BJ_ART_PERFORMANCE, 0,
						   bjxm_split_detail(members.data, sum, "major_project_threshold", major),
						   "由用户单位对每个项目开展事前绩效评估并以 bjxm.record_ex_ante_assessment 记录通过的结论, 或合并为一个项目。",
						   "疑似拆分的新增重大项目, 每个项目均须通过事前绩效评估 (split major project without a passed ex-ante assessment)");
	}
}

/* set_performance_targets: a non-empty JSON object or array. */
void
bjxm_set_performance_targets_rules(BjxmCtx *ctx)
{
	Jsonb	   *t = bjxm_arg_json(ctx, "targets");

	if (t != NULL && (JB_ROOT_IS_SCALAR(t) || JB_ROOT_COUNT(t) == 0))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "绩效目标不能为空 (targets must be a non-empty object or array)");
}

/* Store the targets. */
void
bjxm_set_performance_targets_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;

	bjxm_move_json(ctx, &plan, "performance_targets = $2", "targets", ctx->state);
}

/* Store the assessment. */
void
bjxm_record_ex_ante_assessment_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {BOOLOID, TEXTOID};
	Datum		values[2];
	char		nulls[2] = {' ', ' '};

	values[0] = BoolGetDatum(ctx->passed);
	values[1] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[1] = ctx->note ? ' ' : 'n';
	bjxm_move_set(ctx, &plan, "ex_ante_passed = $2, ex_ante_ref = $3", 2, types, values, nulls, ctx->state,
				  ctx->passed ? "事前绩效评估通过" : "事前绩效评估未通过");
}

/* A year for the yearly evaluations. */
static void
year_rule(BjxmCtx *ctx)
{
	const BjxmArg *year = bjxm_arg(ctx, "year");

	if (year->present && (year->i < 2000 || year->i > 2100))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "年度 %d 无效 (year out of range)", year->i);
}

/* record_self_evaluation: year, score, and a report object. */
void
bjxm_record_self_evaluation_rules(BjxmCtx *ctx)
{
	Jsonb	   *report = bjxm_arg_json(ctx, "report");

	year_rule(ctx);
	if (report != NULL && !JB_ROOT_IS_OBJECT(report))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "自评报告须为 JSON 对象 (report must be a JSON object)");
}

/* record_key_evaluation: year and score. */
void
bjxm_record_key_evaluation_rules(BjxmCtx *ctx)
{
	year_rule(ctx);
}

/* Record a performance evaluation of kind self or key. */
static void
performance_evaluation_insert(BjxmCtx *ctx, const char *kind, Jsonb *report, const char *ref)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[6] = {INT8OID, TEXTOID, INT4OID, NUMERICOID, JSONBOID, TEXTOID};
	Datum		values[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	int32		year = bjxm_arg_int(ctx, "year");
	Numeric		score = bjxm_arg_num(ctx, "score");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(kind);
	values[2] = Int32GetDatum(year);
	values[3] = NumericGetDatum(score);
	values[4] = report ? JsonbPGetDatum(report) : (Datum) 0;
	nulls[4] = report ? ' ' : 'n';
	values[5] = ref ? CStringGetTextDatum(ref) : (Datum) 0;
	nulls[5] = ref ? ' ' : 'n';
	bjxm_exec(&plan, "INSERT INTO bjxm.performance_evaluations (project_id, kind, year, score, report, report_ref, recorded_by) "
			  "VALUES ($1, $2, $3, $4, $5, $6, bjxm.acting_role())", 6, types, values, nulls);
	bjxm_done(ctx, psprintf("%d 年度%s %s 分", year, strcmp(kind, "self") == 0 ? "绩效自评" : "重点绩效评价",
							bjxm_numeric_text(score)));
}

/* Record the unit's self-evaluation. */
void
bjxm_record_self_evaluation_apply(BjxmCtx *ctx)
{
	performance_evaluation_insert(ctx, "self", bjxm_arg_json(ctx, "report"), NULL);
}

/* Record finance's key evaluation. */
void
bjxm_record_key_evaluation_apply(BjxmCtx *ctx)
{
	performance_evaluation_insert(ctx, "key", NULL, bjxm_arg_text(ctx, "report_ref"));
}

/* ------------------------------------------------------------------ */
/* 第三十三条: comprehensive evaluation                                */
/* ------------------------------------------------------------------ */

/* Record the evaluation and move. */
void
bjxm_record_evaluation_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[6] = {INT8OID, INT8OID, NUMERICOID, NUMERICOID, NUMERICOID, TEXTOID};
	Datum		values[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int64GetDatum(bjxm_arg_id(ctx, "party"));
	values[2] = NumericGetDatum(bjxm_arg_num(ctx, "unit_score"));
	values[3] = NumericGetDatum(bjxm_arg_num(ctx, "vendor_score"));
	values[4] = NumericGetDatum(bjxm_arg_num(ctx, "reviewer_score"));
	values[5] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[5] = ctx->note ? ' ' : 'n';
	bjxm_exec(&plan, "INSERT INTO bjxm.evaluations (project_id, party_id, unit_score, vendor_score, reviewer_score, report_ref) "
			  "VALUES ($1, $2, $3, $4, $5, $6)", 6, types, values, nulls);
	bjxm_move(ctx, bjxm_next_state(ctx), ctx->note);
}

/*
 * 第三十三条: the vendor's comprehensive-evaluation average below the
 * setting warns, never refuses (procurement law forbids discrimination).
 */
void
bjxm_rule_vendor_score(BjxmCtx *ctx, const char *vendor)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bool		isnull;
	Numeric		avg;
	Numeric		floor_;

	if (vendor == NULL)
		return;
	values[0] = CStringGetTextDatum(vendor);
	if (bjxm_exec(&plan,
				  "SELECT pg_catalog.avg(e.vendor_score), pg_catalog.count(*) FROM bjxm.evaluations e "
				  "JOIN bjxm.projects p ON p.project_id OPERATOR(pg_catalog.=) e.project_id "
				  "JOIN bjxm.parties v ON v.party_id OPERATOR(pg_catalog.=) p.vendor_party_id "
				  "WHERE v.code OPERATOR(pg_catalog.=) $1 HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0",
				  1, types, values, NULL) != 1)
		return;
	avg = DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	floor_ = bjxm_setting_numeric("vendor_score_warning");
	if (bjxm_numeric_cmp(avg, floor_) < 0)
		bjxm_violation(ctx, true, ERRCODE_BJ033, BJ_ART_EVALUATION, 0,
					   psprintf("服务单位 %s 综合评估平均得分 %s, 低于 vendor_score_warning %s。", vendor,
								DatumGetCString(DirectFunctionCall1(numeric_out, DirectFunctionCall2(numeric_round,
																								 NumericGetDatum(avg), Int32GetDatum(2)))),
								bjxm_numeric_text(floor_)),
					   "评估结果作为下一年度服务采购的重要依据; 依政府采购法不得据此排斥供应商。",
					   "服务单位以往综合评估得分偏低 (vendor's past evaluations are low)");
}

/* ------------------------------------------------------------------ */
/* 第二十八条, 第三十一条: the daily reminders                          */
/* ------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(bjxm_send_reminders);
/*
 * bjxm.send_reminders() → integer: each item of bjxm.reminders not yet
 * announced this business day goes into bjxm.reminder_log and is
 * announced by NOTIFY bjxm_reminders with its log id only (any role can
 * LISTEN; the item is read through RLS); the run is recorded in
 * bjxm.reminder_runs.  The scheduler's (a superuser) or city-level
 * bigdata's (第三十条): the counts span every unit.  Returns the number
 * announced.
 */
Datum
bjxm_send_reminders(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr log = NULL;
	static SPIPlanPtr run = NULL;
	Oid			types[2] = {DATEOID, INT4OID};
	Datum		values[2];
	Oid			actor = bjxm_actor();
	uint64		sent;

	bjxm_spi_connect();
	if (!(superuser_arg(actor) || (bjxm_role_holds_duty(actor, "bigdata") && bjxm_actor_sees_all_units())))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("第三十条: “send_reminders”须由市级大数据部门 (bjxm_bigdata) 或调度程序(超级用户)执行 (send_reminders requires city-level bigdata or the scheduler)"),
				 errdetail("角色“%s”不具备该职责: 提醒涵盖全部单位。", bjxm_actor_name()),
				 errhint("由 pg_cron 以超级用户每日运行, 见 docs/operations.md。")));
	values[0] = DateADTGetDatum(bjxm_today());
	sent = bjxm_exec(&log,
					 "INSERT INTO bjxm.reminder_log (sent_on, reminder, unit_id, project_id, object_id, detail, due_on, overdue, act_by) "
					 "SELECT $1, r.reminder, u.unit_id, r.project_id, r.object_id, r.detail, r.due_on, r.overdue, r.act_by "
					 "  FROM bjxm.reminders r JOIN bjxm.units u ON u.code OPERATOR(bjxm.=) r.unit "
					 " ORDER BY r.due_on, r.reminder, r.object_id, r.detail "
					 "ON CONFLICT (sent_on, reminder, object_id, detail) DO NOTHING "
					 "RETURNING reminder_id", 1, types, values, NULL);
	/* delivered at commit, like every NOTIFY; the payload names nothing but the log row */
	for (uint64 i = 0; i < sent; i++)
		Async_Notify("bjxm_reminders",
					 psprintf("{\"reminder_id\": %s}", SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1)));
	types[1] = INT4OID;
	values[1] = Int32GetDatum((int32) sent);
	bjxm_exec(&run,
			  "INSERT INTO bjxm.reminder_runs (ran_on, ran_by, sent, pending) "
			  "SELECT $1, bjxm.acting_role(), $2, pg_catalog.count(*) FROM bjxm.reminders",
			  2, types, values, NULL);
	SPI_finish();
	PG_RETURN_INT32((int32) sent);
}
