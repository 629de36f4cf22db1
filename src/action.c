/*
 * action.c — the API of action.h: arguments parsed once per call,
 * findings, the objects an action loads, and the one way a success is
 * recorded in the event log.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "action.h"
#include "duties.h"
#include "events.h"
#include "spi.h"
#include "types.h"

/* Amounts are numeric(14,2): below 10^12 yuan (docs/design.md "Dates and money"). */
#define BJXM_AMOUNT_LIMIT INT64CONST(1000000000000)
/* Scores are 0..100 with at most two decimals (第三十二条, 第三十三条). */
#define BJXM_SCORE_MAX 100
#define BJXM_MONEY_SCALE 2

/* ------------------------------------------------------------------ */
/* Findings                                                            */
/* ------------------------------------------------------------------ */

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

/* The action's own article: its transition's, or 第三条 before one is known. */
static int
own_article(BjxmCtx *ctx)
{
	return ctx->tr ? ctx->tr->article : BJ_ART_DUTIES;
}

/* A refusal that stops an action at once and is listed by check. */
void
bjxm_reject(BjxmCtx *ctx, int sqlerrcode, int article, const char *detail,
			const char *hint, const char *fmt,...)
{
	StringInfoData msg;

	BJXM_FORMAT(msg, fmt);
	if (article == 0)
		article = own_article(ctx);
	if (!ctx->check_only)
		bjxm_refuse(sqlerrcode, article, 0, ctx->action, ctx->has_project ? ctx->project_id : 0,
					detail, hint, "%s", msg.data);
	bjxm_violation(ctx, false, sqlerrcode, article, 0, detail, hint, "%s", msg.data);
}

/* Bad arguments: a refusal at the action's own article. */
void
bjxm_arg_error(BjxmCtx *ctx, int sqlerrcode, const char *fmt,...)
{
	StringInfoData msg;

	BJXM_FORMAT(msg, fmt);
	bjxm_reject(ctx, sqlerrcode, 0, NULL, NULL, "%s", msg.data);
}

/* Order findings by clause; errors before warnings. */
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

/* Raise the first error in article order, else announce the warnings. */
void
bjxm_raise_findings(BjxmCtx *ctx)
{
	ListCell   *lc;

	list_sort(ctx->violations, violation_cmp);
	foreach(lc, ctx->violations)
	{
		BjxmViolation *v = lfirst(lc);

		if (!v->warning)
			bjxm_refuse(v->sqlerrcode, v->article, v->item, ctx->action,
						ctx->has_project ? ctx->project_id : 0,
						v->detail, v->hint, "%s", v->message);
	}
	foreach(lc, ctx->violations)
	{
		BjxmViolation *v = lfirst(lc);

		ereport(NOTICE,
				(errmsg("%s: %s", bjxm_clause_cstring(v->article, v->item), v->message),
				 v->detail ? errdetail("%s", v->detail) : 0));
	}
}

/* The findings sorted by clause, copied into cxt. */
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

/* Emit findings as bjxm.violation rows. */
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

/* ------------------------------------------------------------------ */
/* Arguments                                                           */
/* ------------------------------------------------------------------ */

/* The spec index of name (elog: the registry and the handler disagree). */
static int
spec_index(BjxmCtx *ctx, const char *name)
{
	for (int i = 0; i < ctx->def->nargs; i++)
		if (strcmp(ctx->def->args[i].name, name) == 0)
			return i;
	elog(ERROR, "bjxm: action %s has no argument %s", ctx->action, name);
	pg_unreachable();
}

/* A required argument is missing. */
void
bjxm_arg_missing(BjxmCtx *ctx, const char *name)
{
	bjxm_arg_error(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, "缺少参数 %s (argument %s is required)", name, name);
}

/* An integral numeric as int64; false if it is out of range. */
static bool
numeric_to_int64(Numeric n, int64 *out)
{
	if (bjxm_numeric_cmp(n, int64_to_numeric(PG_INT64_MIN)) < 0 ||
		bjxm_numeric_cmp(n, int64_to_numeric(PG_INT64_MAX)) > 0)
		return false;
	*out = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(n)));
	return true;
}

/* Whether the numeric has at most two decimals. */
static bool
money_scale(Numeric n)
{
	return DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(n))) <= BJXM_MONEY_SCALE;
}

/* An amount in yuan: > 0, at most two decimals, below 10^12; NULL if refused. */
static Numeric
parse_amount(BjxmCtx *ctx, const char *key, Numeric n)
{
	if (numeric_is_nan(n) || numeric_is_inf(n))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "金额 %s 无效 (amount %s is not a number)", key, key);
		return NULL;
	}
	if (!money_scale(n))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "金额 %s = %s 超过两位小数, 不予四舍五入 (amount has more than two decimals; not rounded)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	if (bjxm_numeric_cmp(n, int64_to_numeric(0)) <= 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "金额 %s = %s 须大于零 (amount must be positive)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	if (bjxm_numeric_cmp(n, int64_to_numeric(BJXM_AMOUNT_LIMIT)) >= 0)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "金额 %s = %s 超出 numeric(14,2) (amount too large)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	return n;
}

/* A score 0–100 with at most two decimals; NULL if refused. */
static Numeric
parse_score(BjxmCtx *ctx, const char *key, Numeric n)
{
	if (numeric_is_nan(n) || numeric_is_inf(n) ||
		bjxm_numeric_cmp(n, int64_to_numeric(0)) < 0 ||
		bjxm_numeric_cmp(n, int64_to_numeric(BJXM_SCORE_MAX)) > 0 || !money_scale(n))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "评分 %s = %s 须在 0 与 100 之间, 最多两位小数 (score 0–100)",
					   key, bjxm_numeric_text(n));
		return NULL;
	}
	return n;
}

/* The party with this code: false if none. */
static bool
find_party(const char *code, BjxmParty *out)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bool		isnull;

	values[0] = CStringGetTextDatum(code);
	if (bjxm_exec(&plan, "SELECT p.party_id, p.kind, p.uscc::pg_catalog.text FROM bjxm.parties p "
				  "WHERE p.code OPERATOR(pg_catalog.=) $1", 1, types, values, NULL) != 1)
		return false;
	out->id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	out->code = code;
	out->kind = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	out->uscc = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
	return true;
}

/* "project_category" → "project category", for English glosses. */
static char *
spaced(const char *name)
{
	char	   *s = pstrdup(name);

	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

/* A string argument's text, or NULL after refusing another JSON type. */
static const char *
string_value(BjxmCtx *ctx, const char *key, JsonbValue *v)
{
	if (v->type != jbvString)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为文本 (argument %s must be text)", key, key);
		return NULL;
	}
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* A number argument, or NULL after refusing another JSON type. */
static Numeric
number_value(BjxmCtx *ctx, const char *key, JsonbValue *v)
{
	if (v->type != jbvNumeric)
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为数值 (argument %s must be a number)", key, key);
		return NULL;
	}
	return v->val.numeric;
}

/* Parse one argument by its spec into out (out->present false if not usable). */
/*
 * Run a type's input function on t; its error (22007, 22008, 22023 …)
 * becomes the action's refusal, logged, or check's finding.  Input
 * functions allocate nothing outside the current memory context, so the
 * error is caught without a subtransaction.  false if refused.
 */
static bool
input_or_reject(BjxmCtx *ctx, PGFunction fn, const char *t, Datum *result)
{
	MemoryContext cxt = CurrentMemoryContext;
	ErrorData  *volatile edata = NULL;

	PG_TRY();
	{
		*result = DirectFunctionCall1(fn, CStringGetDatum(t));
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
	}
	PG_END_TRY();
	if (edata == NULL)
		return true;
	bjxm_reject(ctx, edata->sqlerrcode, 0, edata->detail, edata->hint, "%s", edata->message);
	return false;
}

/* A date written YYYY-MM-DD (no 'today', 'epoch' or infinity: a payment has a day). */
static bool
plain_date(const char *t)
{
	if (strlen(t) != 10 || t[4] != '-' || t[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char) t[i]))
			return false;
	return true;
}

static void
parse_arg(BjxmCtx *ctx, const BjxmArgSpec *spec, BjxmArg *out)
{
	const char *key = spec->name;
	JsonbValue *v = bjxm_json_get(ctx->args, key);
	const char *t;
	Numeric		n;

	memset(out, 0, sizeof(*out));
	if (v == NULL)
	{
		if (spec->required)
			bjxm_arg_missing(ctx, key);
		return;
	}
	out->given = true;
	switch (spec->type)
	{
		case BJXM_ARG_TEXT:
		case BJXM_ARG_NONBLANK:
		case BJXM_ARG_ENUM:
			if ((t = string_value(ctx, key, v)) == NULL)
				return;
			if (spec->type == BJXM_ARG_NONBLANK && bjxm_blank(t))
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 不能为空 (argument %s must not be blank)", key, key);
				return;
			}
			if (spec->type == BJXM_ARG_ENUM && !bjxm_enum_has(spec->what, t))
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_TEXT_REPRESENTATION, "未知的%s“%s” (unknown %s)",
							   spec->label, t, spaced(spec->what));
				return;
			}
			out->text = t;
			break;
		case BJXM_ARG_BOOL:
			if (v->type != jbvBool)
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为 true 或 false (argument %s must be boolean)", key, key);
				return;
			}
			out->b = v->val.boolean;
			break;
		case BJXM_ARG_INT:
		case BJXM_ARG_ID:
			{
				bool		have_error = false;

				if ((n = number_value(ctx, key, v)) == NULL)
					return;
				if (DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(n))) == 0 &&
					!numeric_is_nan(n) && !numeric_is_inf(n))
				{
					if (spec->type == BJXM_ARG_INT)
						out->i = numeric_int4_opt_error(n, &have_error);
					else
						have_error = !numeric_to_int64(n, &out->id);
				}
				else
					have_error = true;
				if (have_error)
				{
					bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为整数 (argument %s must be an integer)", key, key);
					return;
				}
			}
			break;
		case BJXM_ARG_AMOUNT:
		case BJXM_ARG_AMOUNT0:
		case BJXM_ARG_SCORE:
			if ((n = number_value(ctx, key, v)) == NULL)
				return;
			if (spec->type == BJXM_ARG_AMOUNT0 && !numeric_is_nan(n) && bjxm_numeric_cmp(n, int64_to_numeric(0)) == 0)
				;				/* zero: as given */
			else
				n = spec->type == BJXM_ARG_SCORE ? parse_score(ctx, key, n) : parse_amount(ctx, key, n);
			if (n == NULL)
				return;
			out->num = n;
			break;
		case BJXM_ARG_DATE:
			if ((t = string_value(ctx, key, v)) == NULL)
				return;
			if (!plain_date(t))
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_DATETIME_FORMAT, "日期 %s 须写作 YYYY-MM-DD (date must be YYYY-MM-DD)", t);
				return;
			}
			{
				Datum		d;

				if (!input_or_reject(ctx, date_in, t, &d))
					return;
				out->date = DatumGetDateADT(d);
			}
			out->text = t;
			break;
		case BJXM_ARG_OBJECT:
		case BJXM_ARG_JSON:
			if (v->type != jbvBinary)
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 应为 JSON 对象 (argument %s must be a JSON object)", key, key);
				return;
			}
			out->json = JsonbValueToJsonb(v);
			if (spec->type == BJXM_ARG_OBJECT && !JB_ROOT_IS_OBJECT(out->json))
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "%s 须为 JSON 对象 (must be a JSON object)", key);
				out->json = NULL;
				return;
			}
			break;
		case BJXM_ARG_ANY:
			out->json = JsonbValueToJsonb(v);
			break;
		case BJXM_ARG_USCC:
			if ((t = string_value(ctx, key, v)) == NULL)
				return;
			{
				Datum		d;

				if (!input_or_reject(ctx, bjxm_uscc_canonical_datum, t, &d))
					return;
				out->text = DatumGetCString(d);
			}
			break;
		case BJXM_ARG_CLAUSE:
			if ((t = string_value(ctx, key, v)) == NULL)
				return;
			{
				Datum		d;
				int32		packed;

				if (!input_or_reject(ctx, bjxm_clause_in, t, &d))
					return;
				packed = DatumGetInt32(d);

				out->i = BjxmClauseArticle(packed);
				out->id = BjxmClauseItem(packed);
				out->text = bjxm_clause_cstring(out->i, (int) out->id);
			}
			break;
		case BJXM_ARG_ROLE:
			if (v->type == jbvNumeric)
			{
				int64		oid = 0;
				bool		have_error = numeric_is_nan(v->val.numeric) || numeric_is_inf(v->val.numeric) ||
					DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(v->val.numeric))) != 0 ||
					!numeric_to_int64(v->val.numeric, &oid);

				if (have_error || oid <= 0 || oid > PG_UINT32_MAX ||
					GetUserNameFromId((Oid) oid, true) == NULL)
				{
					bjxm_arg_error(ctx, ERRCODE_UNDEFINED_OBJECT, "角色 %s 不存在 (no such role)",
								   bjxm_numeric_text(v->val.numeric));
					return;
				}
				out->id = oid;
			}
			else if ((t = string_value(ctx, key, v)) != NULL)
			{
				Oid			oid = get_role_oid(t, true);

				if (!OidIsValid(oid))
				{
					bjxm_arg_error(ctx, ERRCODE_UNDEFINED_OBJECT, "角色“%s”不存在 (no such role)", t);
					return;
				}
				out->id = oid;
			}
			else
				return;
			out->text = GetUserNameFromId((Oid) out->id, false);
			break;
		case BJXM_ARG_PARTY:
			if ((t = string_value(ctx, key, v)) == NULL)
				return;
			if (bjxm_blank(t))
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "参数 %s 不能为空 (argument %s must not be blank)", key, key);
				return;
			}
			if (!find_party(t, &out->party))
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "第三方“%s”未登记 (no party %s)", t, t);
				return;
			}
			if (spec->what != NULL && strcmp(out->party.kind, spec->what) != 0)
			{
				bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "“%s”是%s, 不是%s (party %s is of kind %s, not %s)",
							   t, out->party.kind, spec->what, t, out->party.kind, spec->what);
				return;
			}
			out->text = t;
			out->id = out->party.id;
			break;
	}
	out->present = true;
}

/* The argument called name, parsed once per call. */
const BjxmArg *
bjxm_arg(BjxmCtx *ctx, const char *name)
{
	int			i = spec_index(ctx, name);

	if (!ctx->parsed[i])
	{
		ctx->parsed[i] = true;	/* a refused argument is refused once */
		parse_arg(ctx, &ctx->def->args[i], &ctx->argv[i]);
	}
	return &ctx->argv[i];
}

/* Text of an argument, NULL if absent. */
const char *
bjxm_arg_text(BjxmCtx *ctx, const char *name)
{
	const BjxmArg *a = bjxm_arg(ctx, name);

	return a->present ? a->text : NULL;
}

/* A boolean argument, false if absent. */
bool
bjxm_arg_bool(BjxmCtx *ctx, const char *name)
{
	const BjxmArg *a = bjxm_arg(ctx, name);

	return a->present && a->b;
}

/* An integer argument, 0 if absent. */
int32
bjxm_arg_int(BjxmCtx *ctx, const char *name)
{
	const BjxmArg *a = bjxm_arg(ctx, name);

	return a->present ? a->i : 0;
}

/* An id (or role OID, party id), 0 if absent. */
int64
bjxm_arg_id(BjxmCtx *ctx, const char *name)
{
	const BjxmArg *a = bjxm_arg(ctx, name);

	return a->present ? a->id : 0;
}

/* An amount or score, NULL if absent. */
Numeric
bjxm_arg_num(BjxmCtx *ctx, const char *name)
{
	const BjxmArg *a = bjxm_arg(ctx, name);

	return a->present ? a->num : NULL;
}

/* A JSON argument, NULL if absent. */
Jsonb *
bjxm_arg_json(BjxmCtx *ctx, const char *name)
{
	const BjxmArg *a = bjxm_arg(ctx, name);

	return a->present ? a->json : NULL;
}

/* Whether the argument was given (and is valid). */
bool
bjxm_arg_present(BjxmCtx *ctx, const char *name)
{
	return bjxm_arg(ctx, name)->present;
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

/* A column of a row by name. */
static Datum
row_col(HeapTuple row, TupleDesc desc, const char *name, bool *isnull)
{
	int			fno = SPI_fnumber(desc, name);

	if (row == NULL || fno <= 0)
		elog(ERROR, "bjxm: no column %s", name);
	return SPI_getbinval(row, desc, fno, isnull);
}

/* A column of a row as text (NULL if null). */
static const char *
row_text(HeapTuple row, TupleDesc desc, const char *name)
{
	int			fno = SPI_fnumber(desc, name);

	if (row == NULL || fno <= 0)
		elog(ERROR, "bjxm: no column %s", name);
	return SPI_getvalue(row, desc, fno);
}

/* A column of the project row. */
Datum
bjxm_col(BjxmCtx *ctx, const char *name, bool *isnull)
{
	return row_col(ctx->row, ctx->desc, name, isnull);
}

/* A column of the project row as text (NULL if null). */
const char *
bjxm_col_text(BjxmCtx *ctx, const char *name)
{
	return row_text(ctx->row, ctx->desc, name);
}

/* A date as YYYY-MM-DD, whatever the session's DateStyle. */
char *
bjxm_date_text(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return psprintf("%04d-%02d-%02d", y, m, day);
}

/*
 * A column of the project row that a schema not yet updated (the library
 * of this release on an earlier release's tables, until ALTER EXTENSION
 * UPDATE) may lack: null when absent.
 */
Datum
bjxm_col_opt(BjxmCtx *ctx, const char *name, bool *isnull)
{
	if (ctx->row == NULL || SPI_fnumber(ctx->desc, name) <= 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	return row_col(ctx->row, ctx->desc, name, isnull);
}


/*
 * Refuse an action this library offers that the installed schema cannot
 * hold yet (0A000), before anything is written; false then (bjxm.check
 * goes on, so the caller reads nothing of what is missing).
 */
bool
bjxm_require_column(BjxmCtx *ctx, const char *rel, const char *col)
{
	if (bjxm_has_column(rel, col))
		return true;
	bjxm_reject(ctx, ERRCODE_FEATURE_NOT_SUPPORTED, 0,
				psprintf("表 bjxm.%s 没有列 %s: 程序库已是新版本, 扩展的数据库对象尚未升级。", rel, col),
				"由数据库管理员执行 ALTER EXTENSION bjxm UPDATE。",
				"%s 需要升级后的扩展 (the extension's schema is older than its library)", ctx->action);
	return false;
}

/* A numeric column of the project row (NULL if null or absent). */
Numeric
bjxm_col_num(BjxmCtx *ctx, const char *name)
{
	bool		isnull;
	Datum		d = bjxm_col_opt(ctx, name, &isnull);

	return isnull ? NULL : DatumGetNumeric(d);
}

/* A column of the other object's row. */
Datum
bjxm_object_col(BjxmCtx *ctx, const char *name, bool *isnull)
{
	return row_col(ctx->object_row, ctx->object_desc, name, isnull);
}

/* A column of the other object's row as text. */
const char *
bjxm_object_text(BjxmCtx *ctx, const char *name)
{
	return row_text(ctx->object_row, ctx->object_desc, name);
}

/* Load (and, for an action, lock) the project row with its unit; false if absent or not visible. */
bool
bjxm_load_project(BjxmCtx *ctx, int64 project_id)
{
	/*
	 * FOR NO KEY UPDATE, not FOR UPDATE: an action never changes the key,
	 * and a row that references the project (a rectification order, a
	 * line item) takes FOR KEY SHARE on it.  With FOR UPDATE,
	 * open_rectification (the unit's row, then the project's key) and a
	 * funding action (the project's row, then the unit's) deadlocked
	 * (seen once in 17,000 stress actions).
	 */
	static SPIPlanPtr lock_plan = NULL;
	static SPIPlanPtr read_plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		isnull;
	const char *sql_lock =
		"SELECT p.*, u.code::pg_catalog.text AS unit_code, u.region AS unit_region, u.kind::pg_catalog.text AS unit_kind "
		"FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
		"WHERE p.project_id OPERATOR(pg_catalog.=) $1 FOR NO KEY UPDATE OF p";
	const char *sql_read =
		"SELECT p.*, u.code::pg_catalog.text AS unit_code, u.region AS unit_region, u.kind::pg_catalog.text AS unit_kind "
		"FROM bjxm.projects p JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) p.unit_id "
		"WHERE p.project_id OPERATOR(pg_catalog.=) $1";

	ctx->has_project = true;
	ctx->project_id = project_id;
	values[0] = Int64GetDatum(project_id);
	if (bjxm_exec(ctx->check_only ? &read_plan : &lock_plan, ctx->check_only ? sql_read : sql_lock,
				  1, types, values, NULL) != 1)
		return false;
	ctx->row = SPI_tuptable->vals[0];
	ctx->desc = SPI_tuptable->tupdesc;
	ctx->unit_id = DatumGetInt64(bjxm_col(ctx, "unit_id", &isnull));
	ctx->unit_code = bjxm_col_text(ctx, "unit_code");
	ctx->unit_region = bjxm_col_text(ctx, "unit_region");
	ctx->unit_kind = bjxm_col_text(ctx, "unit_kind");
	if (!bjxm_actor_sees_project(ctx->unit_id, ctx->unit_region, project_id))
	{
		ctx->row = NULL;
		return false;
	}
	ctx->state = bj_state_from_name(bjxm_col_text(ctx, "state"));
	ctx->unit_known = true;
	return true;
}

/* 42501 for a project that is absent or not visible: existence is not leaked. */
void
bjxm_refuse_project(BjxmCtx *ctx)
{
	bjxm_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, BJ_ART_DUTIES, 0, ctx->action, ctx->project_id, NULL, NULL,
				"项目 %lld 不存在或无权访问 (no such project, or not visible to %s)",
				(long long) ctx->project_id, bjxm_actor_name());
}

/* The unit row the last statement returned into ctx. */
static void
unit_from_result(BjxmCtx *ctx)
{
	bool		isnull;

	ctx->unit_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->unit_region = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	ctx->unit_kind = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
	ctx->unit_code = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4);
	ctx->unit_known = true;
}

/* Load the unit with this USCC; false if none. */
bool
bjxm_load_unit_by_code(BjxmCtx *ctx, const char *uscc)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];

	values[0] = CStringGetTextDatum(uscc);
	if (bjxm_exec(&plan, "SELECT u.unit_id, u.region, u.kind::pg_catalog.text, u.code::pg_catalog.text FROM bjxm.units u "
				  "WHERE u.code OPERATOR(bjxm.=) $1::bjxm.uscc", 1, types, values, NULL) != 1)
		return false;
	unit_from_result(ctx);
	return true;
}

/*
 * Load the unit with this USCC if the actor may see it (the units policy:
 * oversight within its jurisdiction, or the unit's member); false if none
 * or not visible, so that the caller refuses both alike (no existence
 * oracle, issue 15).
 */
bool
bjxm_load_visible_unit_by_code(BjxmCtx *ctx, const char *uscc)
{
	if (!bjxm_load_unit_by_code(ctx, uscc))
		return false;
	if (bjxm_loaded_unit_visible(ctx))
		return true;
	bjxm_forget_unit(ctx);
	return false;
}

/* Whether the actor may see the unit loaded into ctx. */
bool
bjxm_loaded_unit_visible(BjxmCtx *ctx)
{
	return ctx->unit_known && bjxm_actor_sees_unit(ctx->unit_id, ctx->unit_region);
}

/* Forget the unit loaded into ctx (one the actor may not see). */
void
bjxm_forget_unit(BjxmCtx *ctx)
{
	ctx->unit_known = false;
	ctx->unit_id = 0;
	ctx->unit_code = NULL;
	ctx->unit_region = NULL;
	ctx->unit_kind = NULL;
}

/* Load the unit unit_id; false if none. */
bool
bjxm_load_unit_by_id(BjxmCtx *ctx, int64 unit_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];

	values[0] = Int64GetDatum(unit_id);
	if (bjxm_exec(&plan, "SELECT u.unit_id, u.region, u.kind::pg_catalog.text, u.code::pg_catalog.text FROM bjxm.units u "
				  "WHERE u.unit_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL) != 1)
		return false;
	unit_from_result(ctx);
	return true;
}

/* The duties of a mask as names, for bjxm_duty_check. */
static int
duty_names(unsigned mask, const char **out)
{
	int			n = 0;

	for (unsigned bit = 1; bit <= BJ_DUTY_ALL; bit <<= 1)
		if (mask & bit)
			out[n++] = bj_duty_name(bit);
	return n;
}

/* Check the actor's duty: a refusal is raised (action) or listed (check). */
void
bjxm_check_duty(BjxmCtx *ctx, unsigned mask, const char *region)
{
	const char *names[8];
	int			n = duty_names(mask, names);
	BjxmDutyRefusal why;
	int			matched;
	bool		by_unit = region == NULL && ctx->unit_known;

	matched = bjxm_duty_check(ctx->action, own_article(ctx), names, n,
							  ctx->unit_id, !by_unit, by_unit ? ctx->unit_region : NULL, region, &why);
	if (matched == BJXM_DUTY_REFUSED)
	{
		if (!ctx->check_only)
			bjxm_duty_raise(&why, ctx->has_project ? ctx->project_id : 0);
		bjxm_violation(ctx, false, ERRCODE_INSUFFICIENT_PRIVILEGE, why.article, 0,
					   why.detail, why.hint, "%s", why.message);
		ctx->duty = NULL;
		return;
	}
	ctx->duty = matched == BJXM_DUTY_SUPERUSER ? "superuser" : names[matched];
}

/* The action is the city's own: its duty is checked at city level. */
void
bjxm_city_level_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	*region = BJXM_CITY_REGION;
}

/*
 * A missing or invisible object: an actor holding none of the action's
 * duties is told so (the same whatever the id); any other actor gets
 * 42501 with the message, which names only what the caller gave.  Before
 * issue 15 the duty was checked without a unit, so that a unit member was
 * told it was "not a member of the unit" of an order that does not exist.
 */
void
bjxm_refuse_missing(BjxmCtx *ctx, int article, const char *fmt,...)
{
	BjxmDutyRefusal why;
	const char *names[8];
	int			n = duty_names(ctx->tr->duties, names);
	bool		holds = false;
	StringInfoData msg;

	BJXM_FORMAT(msg, fmt);
	for (int i = 0; i < n; i++)
		holds = holds || bjxm_role_holds_duty(bjxm_actor(), names[i]);
	if (n > 0 && !holds &&
		bjxm_duty_check(ctx->action, own_article(ctx), names, n, 0, true, NULL, NULL, &why) == BJXM_DUTY_REFUSED)
		bjxm_duty_raise(&why, 0);
	bjxm_refuse(ERRCODE_INSUFFICIENT_PRIVILEGE, article, 0, ctx->action, 0, NULL, NULL, "%s", msg.data);
}

/* ------------------------------------------------------------------ */
/* Recording a success                                                 */
/* ------------------------------------------------------------------ */

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

/* Record the event of ctx's action on a project and unit, from state from to next. */
static int64
record_event(BjxmCtx *ctx, bool has_project, int64 project_id, bool has_unit, int64 unit_id,
			 bj_state from, bj_state next, const char *note)
{
	BjxmEvent	e;

	memset(&e, 0, sizeof(e));
	e.has_project = has_project;
	e.project_id = project_id;
	e.has_unit = has_unit;
	e.unit_id = unit_id;
	e.action = ctx->action;
	e.from = from;
	e.to = next;
	e.article = ctx->clause_article ? ctx->clause_article : ctx->tr->article;
	e.item = ctx->clause_article ? ctx->clause_item : ctx->tr->item;
	e.note = note;
	e.details = ctx->details ? ctx->details : ctx->args;
	if (ctx->clause_article < 0)
		e.article = e.item = 0;	/* no clause */
	return bjxm_record_event(&e);
}

/* Record the event of ctx's action, on ctx's project and unit. */
static int64
record(BjxmCtx *ctx, bj_state from, bj_state next, const char *note)
{
	return record_event(ctx, ctx->has_project, ctx->project_id, ctx->unit_known, ctx->unit_id, from, next, note);
}

/* The event of ctx's action on another (or a new) project. */
int64
bjxm_record_on(BjxmCtx *ctx, int64 project_id, int64 unit_id, bj_state from, bj_state to, const char *note)
{
	return record_event(ctx, true, project_id, true, unit_id, from, to, note);
}

/*
 * Record the event of a move whose project row the handler has already
 * written, state and updated_at included (one UPDATE per action).
 */
int64
bjxm_move_written(BjxmCtx *ctx, bj_state next, const char *note)
{
	int64		id = record(ctx, ctx->row ? ctx->state : BJ_S_NONE, ctx->row ? next : BJ_S_NONE, note);

	if (ctx->row)
		ctx->state = next;
	return id;
}

/* Write the project's state (every action writes its row) and record the event. */
int64
bjxm_move(BjxmCtx *ctx, bj_state next, const char *note)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];

	if (ctx->row != NULL)
	{
		/*
		 * Every action writes the project row, even when the state stays: a
		 * concurrent REPEATABLE READ or SERIALIZABLE action on the project
		 * then gets 40001 at its row lock instead of deciding on a stale
		 * snapshot.
		 */
		values[0] = Int64GetDatum(ctx->project_id);
		values[1] = CStringGetTextDatum(bj_state_name(next));
		bjxm_exec(&plan, "UPDATE bjxm.projects SET state = $2::bjxm.project_state, "
				  "updated_at = pg_catalog.clock_timestamp() WHERE project_id OPERATOR(pg_catalog.=) $1",
				  2, types, values, NULL);
	}
	return bjxm_move_written(ctx, next, note);
}

/* Write the project row once (set, state, updated_at), then record the event. */
int64
bjxm_move_set(BjxmCtx *ctx, SPIPlanPtr *slot, const char *set, int nargs, Oid *types,
			  Datum *values, const char *nulls, bj_state next, const char *note)
{
	Oid			t[BJXM_MAX_ARGS + 2];
	Datum		v[BJXM_MAX_ARGS + 2];
	char		n[BJXM_MAX_ARGS + 2];

	if (nargs > BJXM_MAX_ARGS)
		elog(ERROR, "bjxm: too many columns for one project write");
	t[0] = INT8OID;
	v[0] = Int64GetDatum(ctx->project_id);
	n[0] = ' ';
	for (int i = 0; i < nargs; i++)
	{
		t[i + 1] = types[i];
		v[i + 1] = values[i];
		n[i + 1] = nulls ? nulls[i] : ' ';
	}
	t[nargs + 1] = TEXTOID;
	v[nargs + 1] = CStringGetTextDatum(bj_state_name(next));
	n[nargs + 1] = ' ';
	bjxm_exec(slot, *slot ? NULL : psprintf("UPDATE bjxm.projects SET %s, state = $%d::bjxm.project_state, "
											"updated_at = pg_catalog.clock_timestamp() "
											"WHERE project_id OPERATOR(pg_catalog.=) $1", set, nargs + 2),
			  nargs + 2, t, v, n);
	return bjxm_move_written(ctx, next, note);
}

/* What an inspection's query lists for ctx's project, or NULL. */
char *
bjxm_project_list(BjxmCtx *ctx, SPIPlanPtr *slot, const char *sql)
{
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->project_id)};

	if (bjxm_exec(slot, sql, 1, types, values, NULL) != 1)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* Write one JSON argument into the project row with the state, then record the event. */
int64
bjxm_move_json(BjxmCtx *ctx, SPIPlanPtr *slot, const char *set, const char *arg, bj_state next)
{
	Oid			types[1] = {JSONBOID};
	Datum		values[1] = {JsonbPGetDatum(bjxm_arg_json(ctx, arg))};

	return bjxm_move_set(ctx, slot, set, 1, types, values, NULL, next, NULL);
}

/* The event of an action that leaves the state as it is. */
int64
bjxm_done(BjxmCtx *ctx, const char *note)
{
	return bjxm_move(ctx, ctx->row ? ctx->state : BJ_S_NONE, note);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

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

/* The keys of j lacking a non-blank string or true, listed as label(key) into out; their count. */
int
bjxm_json_missing(Jsonb *j, const char *const (*keys)[2], size_t nkeys, BjxmNeed need, StringInfo out)
{
	int			n = 0;

	for (size_t i = 0; i < nkeys; i++)
	{
		JsonbValue *v = bjxm_json_get(j, keys[i][0]);
		bool		ok = need == BJXM_NEED_TEXT ? bjxm_json_nonempty_text(j, keys[i][0])
			: (v != NULL && v->type == jbvBool && v->val.boolean);

		if (!ok)
			appendStringInfo(out, "%s%s(%s)", n++ ? "、" : "", keys[i][1], keys[i][0]);
	}
	return n;
}

/* A jsonb from its text. */
Jsonb *
bjxm_jsonb(const char *text)
{
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
}

/*
 * base || extra: the arguments and what the action adds to its event, so
 * that bjxm.verify_state can rebuild the rows from the events (issue 17).
 * Keys of extra win.
 */
Jsonb *
bjxm_jsonb_with(Jsonb *base, const char *extra)
{
	Jsonb	   *more = bjxm_jsonb(extra);

	if (base == NULL)
		return more;
	return DatumGetJsonbP(DirectFunctionCall2(jsonb_concat, JsonbPGetDatum(base), JsonbPGetDatum(more)));
}

/* A JSON string literal of s. */
char *
bjxm_json_quote(const char *s)
{
	StringInfoData buf;

	initStringInfo(&buf);
	escape_json(&buf, s);
	return buf.data;
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

/*
 * Whether a code point shows nothing: white space (ASCII, U+0085, U+00A0,
 * U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000) or an
 * invisible format character (soft hyphen, zero-width and bidi marks,
 * word joiners, BOM, fillers, variation selectors, tags).
 */
static bool
shows_nothing(pg_wchar c)
{
	if (c < 0x80)
		return isspace((int) c);
	return c == 0x85 || c == 0xA0 || c == 0xAD || c == 0x034F || c == 0x115F || c == 0x1160 ||
		c == 0x1680 || (c >= 0x180B && c <= 0x180E) || (c >= 0x2000 && c <= 0x200F) ||
		(c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 ||
		c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
		(c >= 0xE0000 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/*
 * Whether a text is blank: NULL, or nothing but characters that show
 * nothing — a reason of an ideographic space or a zero-width space is no
 * reason.  (Texts reaching here are valid UTF-8: the server's encoding.)
 */
bool
bjxm_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	if (s == NULL)
		return true;
	while (*p)
	{
		int			n = pg_utf_mblen(p);

		if (!shows_nothing(utf8_to_unicode(p)))
			return false;
		for (int i = 0; i < n && *p; i++)
			p++;
	}
	return true;
}

/*
 * Whether a text says nothing in words: blank, or only punctuation and
 * symbols (ASCII and the CJK and full-width punctuation blocks) — a
 * rectification result of "." or "。。" reports nothing (第三十一条).
 */
bool
bjxm_wordless(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	if (s == NULL)
		return true;
	while (*p)
	{
		int			n = pg_utf_mblen(p);
		pg_wchar	c = utf8_to_unicode(p);

		if (c < 0x80 ? isalnum((int) c) != 0
			: !(shows_nothing(c) || c < 0xC0 || (c >= 0x2000 && c <= 0x2BFF) ||
				(c >= 0x3000 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) ||
				(c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
				(c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65)))
			return false;
		for (int i = 0; i < n && *p; i++)
			p++;
	}
	return true;
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

/*
 * Record a review of the project; inputs, when given, is what it reviewed
 * (第十四条, 第三十四条: bound to its inputs, see bjxm_review_void), kept
 * with its digest.  A schema not yet updated has no inputs column: the
 * review is recorded without them.
 */
void
bjxm_insert_review_inputs(BjxmCtx *ctx, int64 party_id, const char *kind, const char *report_ref, Jsonb *inputs)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr earlier = NULL;
	Oid			types[6] = {INT8OID, INT8OID, TEXTOID, BOOLOID, TEXTOID, JSONBOID};
	Datum		values[6];
	char		nulls[7] = "      ";

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int64GetDatum(party_id);
	nulls[1] = party_id ? ' ' : 'n';
	values[2] = CStringGetTextDatum(kind);
	values[3] = BoolGetDatum(ctx->passed);
	values[4] = report_ref ? CStringGetTextDatum(report_ref) : (Datum) 0;
	nulls[4] = report_ref ? ' ' : 'n';
	values[5] = inputs ? JsonbPGetDatum(inputs) : (Datum) 0;
	nulls[5] = inputs ? ' ' : 'n';
	if (!bjxm_has_column("reviews", "inputs"))
		bjxm_exec(&earlier, "INSERT INTO bjxm.reviews (project_id, party_id, kind, passed, report_ref, reviewer) "
				  "VALUES ($1, $2, $3, $4, $5, bjxm.acting_role())", 5, types, values, nulls);
	else
		bjxm_exec(&plan, "INSERT INTO bjxm.reviews (project_id, party_id, kind, passed, report_ref, reviewer, inputs, digest) "
				  "VALUES ($1, $2, $3, $4, $5, bjxm.acting_role(), $6, pg_catalog.md5($6::pg_catalog.text))",
				  6, types, values, nulls);
}

/* Record a review of the project that is not bound to inputs. */
void
bjxm_insert_review(BjxmCtx *ctx, int64 party_id, const char *kind, const char *report_ref)
{
	bjxm_insert_review_inputs(ctx, party_id, kind, report_ref, NULL);
}

/*
 * Whether the project's latest passed review of kind still covers what it
 * reviewed: NULL when it does (or there is none, or it predates inputs),
 * else a description of the review and of what changed since.  current is
 * the inputs as they stand now, keyed as the review's: "plan" (compared
 * section by section), "amount" (only a higher amount is a change: a
 * review of more covers less), any other key by value.  With
 * amendments_rebind, a plan an approved 第十九条 adjustment produced after
 * the review (its plan_digest) is the reviewed plan's lawful successor.
 */
char *
bjxm_review_void(BjxmCtx *ctx, const char *kind, Jsonb *current, bool amendments_rebind)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {INT8OID, TEXTOID, JSONBOID, BOOLOID};
	Datum		values[4];
	HeapTuple	t;
	TupleDesc	d;
	char	   *changed;

	if (!bjxm_has_column("reviews", "inputs") || !bjxm_has_column("adjustments", "plan_digest"))
		return NULL;
	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(kind);
	values[2] = JsonbPGetDatum(current);
	values[3] = BoolGetDatum(amendments_rebind);
	if (bjxm_exec(&plan,
				  "SELECT r.review_id, NULL, r.reviewer, pg_catalog.concat_ws('; ', "
				  "   (SELECT '服务方案的 ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(k.k, ', ' ORDER BY k.k) "
				  "      FROM (SELECT pg_catalog.jsonb_object_keys(COALESCE(r.inputs OPERATOR(pg_catalog.->) 'plan', '{}')) "
				  "            UNION SELECT pg_catalog.jsonb_object_keys(COALESCE($3 OPERATOR(pg_catalog.->) 'plan', '{}'))) AS k(k) "
				  "     WHERE (r.inputs OPERATOR(pg_catalog.->) 'plan' OPERATOR(pg_catalog.->) k.k) IS DISTINCT FROM "
				  "           ($3 OPERATOR(pg_catalog.->) 'plan' OPERATOR(pg_catalog.->) k.k) "
				  "       AND NOT ($4 AND EXISTS (SELECT 1 FROM bjxm.adjustments a "
				  "             WHERE a.project_id OPERATOR(pg_catalog.=) $1 AND a.status OPERATOR(pg_catalog.=) 'used' "
				  "               AND a.decided_at OPERATOR(pg_catalog.>) r.reviewed_at "
				  "               AND a.plan_digest OPERATOR(pg_catalog.=) "
				  "                   pg_catalog.md5(($3 OPERATOR(pg_catalog.->) 'plan')::pg_catalog.text)))), "
				  "   (SELECT pg_catalog.string_agg(k.k OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) "
				  "           COALESCE(r.inputs OPERATOR(pg_catalog.->>) k.k, 'null') OPERATOR(pg_catalog.||) ' → ' "
				  "           OPERATOR(pg_catalog.||) COALESCE($3 OPERATOR(pg_catalog.->>) k.k, 'null'), '; ' ORDER BY k.k) "
				  "      FROM pg_catalog.jsonb_object_keys($3) AS k(k) "
				  "     WHERE k.k OPERATOR(pg_catalog.<>) ALL ('{plan,amount}') "
				  "       AND (r.inputs OPERATOR(pg_catalog.->) k.k) IS DISTINCT FROM ($3 OPERATOR(pg_catalog.->) k.k)), "
				  "   CASE WHEN ($3 OPERATOR(pg_catalog.->>) 'amount')::pg_catalog.numeric OPERATOR(pg_catalog.>) "
				  "             (r.inputs OPERATOR(pg_catalog.->>) 'amount')::pg_catalog.numeric "
				  "        THEN '金额 ' OPERATOR(pg_catalog.||) (r.inputs OPERATOR(pg_catalog.->>) 'amount') "
				  "             OPERATOR(pg_catalog.||) ' → ' OPERATOR(pg_catalog.||) ($3 OPERATOR(pg_catalog.->>) 'amount') END) "
				  "FROM bjxm.reviews r "
				  "WHERE r.project_id OPERATOR(pg_catalog.=) $1 AND r.kind OPERATOR(pg_catalog.=) $2 AND r.passed "
				  "  AND r.inputs IS NOT NULL "
				  "  AND r.review_id OPERATOR(pg_catalog.=) (SELECT pg_catalog.max(x.review_id) FROM bjxm.reviews x "
				  "        WHERE x.project_id OPERATOR(pg_catalog.=) $1 AND x.kind OPERATOR(pg_catalog.=) $2)",
				  4, types, values, NULL) != 1)
		return NULL;
	t = SPI_tuptable->vals[0];
	d = SPI_tuptable->tupdesc;
	changed = SPI_getvalue(t, d, 4);
	if (changed == NULL || changed[0] == '\0')
		return NULL;
	return psprintf("评审记录 %s (%s 记录) 之后, %s 已改变。", SPI_getvalue(t, d, 1), SPI_getvalue(t, d, 3), changed);
}
