/*
 * eligibility.c — 第十一条 支持范围: what city IT money may not pay for.
 *
 * A line item is refused (BJ011) when its category is excluded, or when
 * its name or description contains an expense phrase of the dictionary
 * bjxm.excluded_terms (第十一条(一)(二)(三)), unless bigdata waived that
 * term for the project.  The check is one function used three ways: by
 * bjxm.add_line_item and bjxm.check (through the engine), and by the C
 * trigger on bjxm.line_items, so it holds for every write path (a direct
 * INSERT by the owner, COPY).
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
#include "common/md5.h"
#include "utils/datum.h"
#include "utils/numeric.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "bjxm.h"
#include "engine.h"
#include "errors.h"
#include "matcher.h"
#include "types.h"

/* The compiled dictionary: valid until an invalidation of either table. */
typedef struct TermCache
{
	bool		valid;
	Oid			terms_relid;
	Oid			categories_relid;
	bj_matcher *matcher;
	int			nterms;
	char	  **terms;			/* id → term */
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
bjxm_eligibility_init(void)
{
	CacheRegisterRelcacheCallback(term_cache_invalidate, (Datum) 0);
}

/* Build the matcher and category table from the two tables (caller in SPI). */
static void
term_cache_build(void)
{
	Oid			nsp = get_namespace_oid("bjxm", false);
	MemoryContext old;
	uint64		n;
	bool		isnull;

	if (cache.cxt == NULL)
		cache.cxt = AllocSetContextCreate(TopMemoryContext, "bjxm term cache", ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(cache.cxt);
	bj_matcher_free(cache.matcher);
	cache.matcher = NULL;
	cache.valid = false;

	cache.terms_relid = get_relname_relid("excluded_terms", nsp);
	cache.categories_relid = get_relname_relid("expense_categories", nsp);

	if (SPI_execute("SELECT t.term, t.clause FROM bjxm.excluded_terms t WHERE t.active ORDER BY t.term",
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: reading the 第十一条 dictionary failed");
	n = SPI_processed;
	old = MemoryContextSwitchTo(cache.cxt);
	cache.nterms = (int) n;
	cache.terms = palloc0(sizeof(char *) * (n + 1));
	cache.clauses = palloc0(sizeof(int32) * (n + 1));
	MemoryContextSwitchTo(old);

	cache.matcher = bj_matcher_new();
	if (cache.matcher == NULL || bj_matcher_set_fold(cache.matcher, BJ_MATCHER_FOLD_ASCII) != BJ_MATCHER_OK)
		elog(ERROR, "bjxm: out of memory building the 第十一条 matcher");
	for (uint64 i = 0; i < n; i++)
	{
		char	   *term = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		int32		clause = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull));
		int			rc;

		cache.terms[i] = MemoryContextStrdup(cache.cxt, term);
		cache.clauses[i] = clause;
		rc = bj_matcher_add(cache.matcher, term, strlen(term), (int) i);
		if (rc < 0)
			elog(ERROR, "bjxm: 第十一条 term \"%s\" cannot be matched (status %d)", term, rc);
	}
	if (bj_matcher_build(cache.matcher) != BJ_MATCHER_OK)
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
		cache.category_clauses[i] = isnull ? BjxmClausePack(11, 0) : DatumGetInt32(c);
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
					 "AND w.term OPERATOR(pg_catalog.=) $2", 2, types, values, NULL, true) == 1;
}

/* Look for excluded terms in one text; the first not waived is a finding. */
static bool
scan_text(BjxmCtx *ctx, int64 project_id, const char *field, const char *text, const char *category)
{
	bj_match	found[16];
	size_t		total;

	if (text == NULL || text[0] == '\0')
		return false;
	total = bj_matcher_find_all(cache.matcher, text, strlen(text), found, lengthof(found));
	for (size_t i = 0; i < total && i < lengthof(found); i++)
	{
		const char *term = cache.terms[found[i].id];
		int32		clause = cache.clauses[found[i].id];

		if (term_waived(project_id, term))
			continue;
		bjxm_violation(ctx, false, ERRCODE_BJ011, BjxmClauseArticle(clause), BjxmClauseItem(clause),
					   psprintf("%s“%s”含有开支事项“%s” (category %s)。", field, text, term, category),
					   "该项开支按原有资金渠道保障, 不得单独或捆绑纳入市级信息化项目; 确属信息化服务的, 由大数据部门审核后以 bjxm.waive_term 豁免。",
					   "支出事项“%s”含“%s”, 不列入信息化资金支持范围, 不得纳入市级信息化项目 (expense excluded: \"%s\")",
					   text, term, term);
		return true;
	}
	return false;
}

/*
 * 第十一条: findings for one line item (category, name, description) of
 * a project; caller is connected to SPI.
 */
void
bjxm_rule_eligibility(BjxmCtx *ctx, int64 project_id, const char *category, const char *name,
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
 * The digest that ties a line item to its admission event: md5 of
 * category, name, description and the amount at scale 2, separated by
 * 0x1f.  (Byte-identical to SQL md5(c || chr(31) || n || chr(31) || d ||
 * chr(31) || amount::numeric(14,2)::text), which events already hold.)
 */
static char *
line_item_digest(const char *category, const char *name, const char *description, Datum amount)
{
	StringInfoData buf;
	char	   *hex = palloc(33);
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
					 "AND e.details OPERATOR(pg_catalog.->>) 'digest' OPERATOR(pg_catalog.=) $3", 4, types, values, NULL, true) == 1;
}

/* The digest of a line item's fields (for the admission event). */
char *
bjxm_line_item_digest(const char *category, const char *name, const char *description, Datum amount)
{
	return line_item_digest(category, name, description, amount);
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
	int64		project_id;
	int64		line_item_id;
	char	   *category;
	char	   *name;
	char	   *description;
	Datum		amount;
	Datum		event;
	bool		event_null;
	BjxmCtx		ctx;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "bjxm: bjxm_line_item_check: not called by trigger manager");
	if (!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event))
		elog(ERROR, "bjxm: bjxm_line_item_check must fire BEFORE, FOR EACH ROW");
	if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) || TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
		elog(ERROR, "bjxm: bjxm_line_item_check fires on INSERT or UPDATE only");

	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	desc = RelationGetDescr(trigdata->tg_relation);

	/*
	 * An UPDATE that leaves category, name, description and amount as they
	 * were (setting admission_event, for one) changes nothing 第十一条 looks at.
	 */
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		static const char *const checked[] = {"category", "name", "description", "amount"};
		bool		same = true;

		for (size_t i = 0; i < lengthof(checked) && same; i++)
		{
			int			attno = SPI_fnumber(desc, checked[i]);
			Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
			bool		n_old,
						n_new;
			Datum		d_old = heap_getattr(trigdata->tg_trigtuple, attno, desc, &n_old);
			Datum		d_new = heap_getattr(trigdata->tg_newtuple, attno, desc, &n_new);

			same = n_old == n_new && (n_old || datumIsEqual(d_old, d_new, att->attbyval, att->attlen));
		}
		if (same)
			return PointerGetDatum(tuple);
	}

	/*
	 * Fast path, no SPI: the compiled dictionary is current, the category
	 * is eligible and neither text contains a term.  Anything else (a match
	 * that may be waived, an admission event to verify, a stale cache) goes
	 * through the full check below.
	 */
	(void) heap_getattr(tuple, SPI_fnumber(desc, "admission_event"), desc, &event_null);
	if (cache.valid && event_null)
	{
		Datum		d;
		int			ci;

		d = heap_getattr(tuple, SPI_fnumber(desc, "category"), desc, &isnull);
		category = isnull ? NULL : TextDatumGetCString(d);
		ci = category ? category_index(category) : -1;
		if (ci >= 0 && cache.category_eligible[ci])
		{
			text	   *t;
			bool		hit = false;

			d = heap_getattr(tuple, SPI_fnumber(desc, "name"), desc, &isnull);
			if (!isnull)
			{
				t = DatumGetTextPP(d);
				hit = bj_matcher_find(cache.matcher, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL);
			}
			d = heap_getattr(tuple, SPI_fnumber(desc, "description"), desc, &isnull);
			if (!hit && !isnull)
			{
				t = DatumGetTextPP(d);
				hit = bj_matcher_find(cache.matcher, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL);
			}
			if (!hit)
				return PointerGetDatum(tuple);
		}
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
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
	bjxm_rule_eligibility(&ctx, project_id, category, name, description);
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

PG_FUNCTION_INFO_V1(bjxm_expense_check);
/*
 * bjxm.expense_check(category text, name text, description text) → setof
 * violation: the 第十一条 check of a would-be line item, for any project.
 */
Datum
bjxm_expense_check(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BjxmCtx		ctx;
	List	   *found;

	InitMaterializedSRF(fcinfo, 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.check_only = true;
	ctx.action = "expense_check";
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	bjxm_rule_eligibility(&ctx, 0,
						  PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0)),
						  PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1)),
						  PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2)));
	found = bjxm_violations_copy(ctx.violations, rsinfo->econtext->ecxt_per_query_memory);
	SPI_finish();
	bjxm_violations_emit(rsinfo, found);
	return (Datum) 0;
}

/* add_line_item: the arguments and 第十一条. */
static void
line_item_rules(BjxmCtx *ctx)
{
	const char *category = bjxm_arg_text(ctx, "category", true);
	const char *name = bjxm_arg_text(ctx, "name", true);
	const char *description = bjxm_arg_text(ctx, "description", false);

	bjxm_arg_amount(ctx, "amount", true);
	if (name != NULL && name[strspn(name, " \t\r\n")] == '\0')
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "支出事项名称不能为空 (line item name must not be blank)");
	bjxm_rule_eligibility(ctx, ctx->project_id, category, name, description);
}

/*
 * Record the admission, then insert the line item carrying it: the row is
 * written once (no INSERT-then-UPDATE), and the trigger admits it through
 * the same check as a restored row (its admission event vouches for it).
 */
static void
line_item_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr next_id = NULL;
	static SPIPlanPtr ins = NULL;
	Oid			types[7] = {INT8OID, TEXTOID, TEXTOID, NUMERICOID, TEXTOID, INT8OID, INT8OID};
	Datum		values[7];
	const char *category = bjxm_arg_text(ctx, "category", true);
	const char *name = bjxm_arg_text(ctx, "name", true);
	const char *description = bjxm_arg_text(ctx, "description", false);
	Numeric		amount = bjxm_arg_amount(ctx, "amount", true);
	bool		isnull;
	char	   *digest;

	if (description == NULL)
		description = "";
	bjxm_exec(&next_id, "SELECT pg_catalog.nextval('bjxm.line_items_line_item_id_seq'::pg_catalog.regclass)",
			  0, NULL, NULL, NULL, false);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));

	digest = bjxm_line_item_digest(category, name, description, NumericGetDatum(amount));
	ctx->details = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(
		psprintf("{\"line_item_id\": \"" INT64_FORMAT "\", \"digest\": \"%s\", \"category\": \"%s\", \"amount\": %s}",
				 ctx->result, digest, category, bjxm_numeric_text(amount)))));

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(category);
	values[2] = CStringGetTextDatum(name);
	values[3] = NumericGetDatum(amount);
	values[4] = CStringGetTextDatum(description);
	values[5] = Int64GetDatum(bjxm_move(ctx, ctx->state, name));
	values[6] = Int64GetDatum(ctx->result);
	bjxm_exec(&ins, "INSERT INTO bjxm.line_items (project_id, category, name, amount, description, admission_event, line_item_id) "
			  "VALUES ($1, $2, $3, $4, $5, $6, $7)", 7, types, values, NULL, false);
}

/* waive_term: a term of the dictionary and a reason. */
static void
waive_rules(BjxmCtx *ctx)
{
	const char *term = bjxm_arg_text(ctx, "term", true);
	bool		known = false;

	ctx->note = bjxm_arg_text(ctx, "reason", true);
	if (ctx->note != NULL && ctx->note[strspn(ctx->note, " \t\r\n")] == '\0')
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "豁免须写明理由 (a waiver needs a reason)");
	if (!cache.valid)
		term_cache_build();
	for (int i = 0; term != NULL && i < cache.nterms; i++)
		if (strcmp(cache.terms[i], term) == 0)
			known = true;
	if (term != NULL && !known)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "“%s”不在第十一条词典中 (not a term of bjxm.excluded_terms)", term);
}

/* Record the waiver (audited by its event). */
static void
waive_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};
	Datum		values[3];
	const char *term = bjxm_arg_text(ctx, "term", true);

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(term);
	values[2] = CStringGetTextDatum(ctx->note);
	bjxm_exec(&plan, "INSERT INTO bjxm.term_waivers (project_id, term, reason, waived_by) "
			  "VALUES ($1, $2, $3, bjxm.acting_role()) "
			  "ON CONFLICT (project_id, term) DO UPDATE SET reason = EXCLUDED.reason, "
			  "waived_by = EXCLUDED.waived_by, waived_at = pg_catalog.clock_timestamp()",
			  3, types, values, NULL, false);
	bjxm_move(ctx, ctx->state, psprintf("豁免“%s”: %s", term, ctx->note));
}

static const BjxmActionDef eligibility_actions[] = {
	{BJ_A_ADD_LINE_ITEM, NULL, line_item_rules, line_item_apply},
	{BJ_A_WAIVE_TERM, NULL, waive_rules, waive_apply},
};

/* The handler of a 第十一条 action, or NULL. */
const BjxmActionDef *
bjxm_eligibility_action(bj_action act)
{
	for (size_t i = 0; i < lengthof(eligibility_actions); i++)
		if (eligibility_actions[i].act == act)
			return &eligibility_actions[i];
	return NULL;
}
