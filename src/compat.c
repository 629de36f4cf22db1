/*
 * compat.c — C entry points that only the install scripts of earlier
 * releases (releases/bjxm--0.1.0.sql, releases/bjxm--0.2.0.sql) bind.
 *
 * A database still at an earlier version runs this library until ALTER
 * EXTENSION bjxm UPDATE, and CREATE EXTENSION ... VERSION of an earlier
 * release (then updated) binds these symbols.  They behave as they did;
 * the data catalogue and 第十一条 dry runs of 0.2.0 go through today's
 * engine by SQL.  Nothing in the current version's script binds them
 * (test/scripts/symbols.sh checks that).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "clause.h"
#include "duties.h"
#include "errors.h"
#include "events.h"
#include "guard.h"
#include "spi.h"
#include "types.h"

PG_FUNCTION_INFO_V1(bjxm_authorize);
/*
 * bjxm._authorize(action text, article int, duties text[], unit_id bigint,
 * region text) → text (0.1.0, 0.2.0): the duty under which the actor may
 * act; 42501 otherwise (the PL/pgSQL caller logged it).
 */
Datum
bjxm_authorize(PG_FUNCTION_ARGS)
{
	ArrayType  *arr;
	Datum	   *duties;
	int			nduties;
	int			matched;
	char	  **names;
	BjxmDutyRefusal why;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		elog(ERROR, "bjxm: _authorize needs action, article and duties");
	arr = PG_GETARG_ARRAYTYPE_P(2);
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &duties, NULL, &nduties);
	names = palloc(sizeof(char *) * (nduties + 1));
	for (int i = 0; i < nduties; i++)
		names[i] = TextDatumGetCString(duties[i]);
	bjxm_spi_connect();
	matched = bjxm_duty_check(text_to_cstring(PG_GETARG_TEXT_PP(0)), PG_GETARG_INT32(1),
							  (const char *const *) names, nduties,
							  PG_ARGISNULL(3) ? 0 : PG_GETARG_INT64(3), PG_ARGISNULL(3), NULL,
							  PG_ARGISNULL(4) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(4)), &why);
	if (matched == BJXM_DUTY_REFUSED)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("%s: %s", bjxm_clause_cstring(why.article, 0), why.message),
				 why.detail ? errdetail("%s", why.detail) : 0,
				 why.hint ? errhint("%s", why.hint) : 0));
	SPI_finish();
	if (matched == BJXM_DUTY_SUPERUSER)
		PG_RETURN_TEXT_P(cstring_to_text("superuser"));
	PG_RETURN_DATUM(duties[matched]);
}

/* A bjxm.project_state argument as a bj_state (BJ_S_NONE if NULL). */
static bj_state
state_arg(FunctionCallInfo fcinfo, int n)
{
	if (PG_ARGISNULL(n))
		return BJ_S_NONE;
	return bj_state_from_name(DatumGetCString(DirectFunctionCall1(enum_out, PG_GETARG_DATUM(n))));
}

PG_FUNCTION_INFO_V1(bjxm_record_event_sql);
/*
 * bjxm._record_event(project_id, unit_id, action, from_state, to_state,
 * clause, note, details) → bigint (0.1.0, 0.2.0): append an event.
 */
Datum
bjxm_record_event_sql(PG_FUNCTION_ARGS)
{
	BjxmEvent	e;
	int64		id;

	/* issue 17: a function bound to this symbol outside the extension would forge chained events */
	bjxm_require_member(fcinfo, "bjxm_record_event_sql");
	if (PG_ARGISNULL(2))
		elog(ERROR, "bjxm: _record_event needs an action");
	memset(&e, 0, sizeof(e));
	e.has_project = !PG_ARGISNULL(0);
	e.project_id = e.has_project ? PG_GETARG_INT64(0) : 0;
	e.has_unit = !PG_ARGISNULL(1);
	e.unit_id = e.has_unit ? PG_GETARG_INT64(1) : 0;
	e.action = text_to_cstring(PG_GETARG_TEXT_PP(2));
	e.from = state_arg(fcinfo, 3);
	e.to = state_arg(fcinfo, 4);
	if (!PG_ARGISNULL(5))
	{
		e.article = BjxmClauseArticle(PG_GETARG_INT32(5));
		e.item = BjxmClauseItem(PG_GETARG_INT32(5));
	}
	e.note = PG_ARGISNULL(6) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(6));
	e.details = PG_ARGISNULL(7) ? NULL : PG_GETARG_JSONB_P(7);
	bjxm_spi_connect();
	id = bjxm_record_event(&e);
	SPI_finish();
	PG_RETURN_INT64(id);
}

PG_FUNCTION_INFO_V1(bjxm_has_duty);
/* bjxm._has_duty(duty text) → bool (0.1.0, 0.2.0). */
Datum
bjxm_has_duty(PG_FUNCTION_ARGS)
{
	Oid			actor = bjxm_actor();

	PG_RETURN_BOOL(superuser_arg(actor) || bjxm_role_holds_duty(actor, text_to_cstring(PG_GETARG_TEXT_PP(0))));
}

PG_FUNCTION_INFO_V1(bjxm_role_has_duty);
/* bjxm._role_has_duty(role regrole, duty text) → bool (0.1.0, 0.2.0). */
Datum
bjxm_role_has_duty(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(bjxm_role_holds_duty(PG_GETARG_OID(0), text_to_cstring(PG_GETARG_TEXT_PP(1))));
}

PG_FUNCTION_INFO_V1(bjxm_actor_is_superuser);
/* bjxm._actor_is_superuser() → bool (0.1.0, 0.2.0). */
Datum
bjxm_actor_is_superuser(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(superuser_arg(bjxm_actor()));
}

PG_FUNCTION_INFO_V1(bjxm_log_refusal_sql);
/*
 * bjxm._log_refusal(sqlstate, message, action, project): the LOG line for
 * a refusal raised in PL/pgSQL (internal).  The clause is the message's
 * prefix up to the first colon; errors that are not refusals (40xxx
 * serialization and deadlock, 53xxx resources, 57xxx, XX internal) are
 * not logged as refusals.
 */
Datum
bjxm_log_refusal_sql(PG_FUNCTION_ARGS)
{
	char	   *state;
	char	   *message;
	const char *colon;
	char	   *clause = "";
	bj_clause	c;

	if (PG_ARGISNULL(0))
		PG_RETURN_VOID();
	state = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (strlen(state) != 5 || strncmp(state, "40", 2) == 0 || strncmp(state, "53", 2) == 0 ||
		strncmp(state, "57", 2) == 0 || strncmp(state, "XX", 2) == 0)
		PG_RETURN_VOID();
	message = PG_ARGISNULL(1) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(1));
	colon = strchr(message, ':');
	if (colon != NULL && bj_clause_parse(message, colon - message, &c, NULL) == BJ_CLAUSE_OK)
		clause = bjxm_clause_cstring(c.article, c.item);
	bjxm_log_refusal(MAKE_SQLSTATE(state[0], state[1], state[2], state[3], state[4]), clause,
					 PG_ARGISNULL(2) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(2)),
					 PG_ARGISNULL(3) ? 0 : PG_GETARG_INT64(3));
	PG_RETURN_VOID();
}


/*
 * The 0.2.0 data catalogue functions and dry runs, bound to C there: run
 * through today's engine by SQL (bjxm._act, bjxm.check), with the
 * arguments as the 0.2.0 functions named them.  sql ends in the jsonb of
 * $1..$n.
 */
static void
through_engine(const char *sql, int nargs, Oid *types, FunctionCallInfo fcinfo, ReturnSetInfo *rsinfo)
{
	Datum		values[3];
	char		nulls[3];
	SPIPlanPtr	plan;

	for (int i = 0; i < nargs; i++)
	{
		values[i] = PG_ARGISNULL(i) ? (Datum) 0 : PG_GETARG_DATUM(i);
		nulls[i] = PG_ARGISNULL(i) ? 'n' : ' ';
	}
	bjxm_spi_connect();
	plan = SPI_prepare(sql, nargs, types);
	if (plan == NULL)
		elog(ERROR, "bjxm: prepare failed for %s", sql);
	if (SPI_execute_plan(plan, values, nulls, false, 0) < 0)
		elog(ERROR, "bjxm: %s failed", sql);
	if (rsinfo != NULL)
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			Datum		row[5];
			bool		rnull[5];

			for (int c = 0; c < 5; c++)
				row[c] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, c + 1, &rnull[c]);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, row, rnull);
		}
	SPI_finish();
}

PG_FUNCTION_INFO_V1(bjxm_classify_data_resource);
/* bjxm.classify_data_resource(id, level, secrecy_reviewed) (0.2.0). */
Datum
bjxm_classify_data_resource(PG_FUNCTION_ARGS)
{
	Oid			types[3] = {INT8OID, TEXTOID, BOOLOID};

	through_engine("SELECT bjxm._act(NULL, 'classify_data_resource', pg_catalog.jsonb_build_object("
				   "'id', $1, 'level', $2, 'secrecy_reviewed', $3))", 3, types, fcinfo, NULL);
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(bjxm_review_data_resource);
/* bjxm.review_data_resource(id, passed) (0.2.0). */
Datum
bjxm_review_data_resource(PG_FUNCTION_ARGS)
{
	Oid			types[2] = {INT8OID, BOOLOID};

	through_engine("SELECT bjxm._act(NULL, 'review_data_resource', pg_catalog.jsonb_build_object("
				   "'id', $1, 'passed', $2))", 2, types, fcinfo, NULL);
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(bjxm_list_data_resource);
/* bjxm.list_data_resource(id, desensitized) (0.2.0). */
Datum
bjxm_list_data_resource(PG_FUNCTION_ARGS)
{
	Oid			types[2] = {INT8OID, BOOLOID};

	through_engine("SELECT bjxm._act(NULL, 'list_data_resource', pg_catalog.jsonb_build_object("
				   "'id', $1, 'desensitized', $2))", 2, types, fcinfo, NULL);
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(bjxm_check_data_resource);
/* bjxm.check_data_resource(id, desensitized) → setof violation (0.2.0). */
Datum
bjxm_check_data_resource(PG_FUNCTION_ARGS)
{
	Oid			types[2] = {INT8OID, BOOLOID};

	InitMaterializedSRF(fcinfo, 0);
	through_engine("SELECT * FROM bjxm.check(NULL, 'list_data_resource', pg_catalog.jsonb_build_object("
				   "'id', $1, 'desensitized', $2))", 2, types, fcinfo, (ReturnSetInfo *) fcinfo->resultinfo);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(bjxm_expense_check);
/* bjxm.expense_check(category, name, description) → setof violation (0.2.0). */
Datum
bjxm_expense_check(PG_FUNCTION_ARGS)
{
	Oid			types[3] = {TEXTOID, TEXTOID, TEXTOID};

	InitMaterializedSRF(fcinfo, 0);
	through_engine("SELECT * FROM bjxm.check(NULL, 'expense_check', pg_catalog.jsonb_build_object("
				   "'category', $1, 'name', $2, 'description', $3))", 3, types, fcinfo,
				   (ReturnSetInfo *) fcinfo->resultinfo);
	return (Datum) 0;
}
