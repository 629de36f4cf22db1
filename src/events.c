/*
 * events.c — the event log (SPEC §6): every successful action, in the
 * order of record, append-only, announced by NOTIFY at commit.
 *
 * event_id is taken from one chain-head row (bjxm.event_chain) that each
 * appending transaction updates and so holds locked until it commits:
 * event ids are gapless and commit in id order, so bjxm.events_since()
 * never skips an event that commits late.  `at` is clock time (now() is
 * one value per transaction), `effective_date` is bjxm.today().
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/async.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "bjxm.h"
#include "errors.h"

/* Next event id, taking the chain-head row lock until commit. */
static int64
next_event_id(void)
{
	static SPIPlanPtr bump = NULL;
	static SPIPlanPtr init = NULL;

	for (int attempt = 0; attempt < 2; attempt++)
	{
		bool		isnull;
		Datum		d;

		bjxm_plan(&bump, "UPDATE bjxm.event_chain SET last_event_id = last_event_id OPERATOR(pg_catalog.+) 1 "
				  "WHERE id OPERATOR(pg_catalog.=) 1 RETURNING last_event_id", 0, NULL);
		if (SPI_execute_plan(bump, NULL, NULL, false, 0) != SPI_OK_UPDATE_RETURNING)
			elog(ERROR, "bjxm: event chain update failed");
		if (SPI_processed == 1)
		{
			d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
			return DatumGetInt64(d);
		}
		/* First event of this database (or of a restore): create the head. */
		bjxm_plan(&init, "INSERT INTO bjxm.event_chain (id, last_event_id) "
				  "SELECT 1, COALESCE(pg_catalog.max(e.event_id), 0) FROM bjxm.events e "
				  "ON CONFLICT (id) DO NOTHING", 0, NULL);
		if (SPI_execute_plan(init, NULL, NULL, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "bjxm: event chain initialisation failed");
	}
	elog(ERROR, "bjxm: event chain head missing");
	pg_unreachable();
}

/* "bjxm <version> r<settings revision>": the rules in force. */
static char *
rulebook(void)
{
	static SPIPlanPtr plan = NULL;
	char	   *v;

	bjxm_plan(&plan, "SELECT pg_catalog.format('bjxm %s r%s', e.extversion, "
			  "(SELECT COALESCE(pg_catalog.sum(s.revision), 0) FROM bjxm.settings s)) "
			  "FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'bjxm'", 0, NULL);
	if (SPI_execute_plan(plan, NULL, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "bjxm: rulebook lookup failed");
	v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	return v ? v : pstrdup("bjxm");
}

/* Append one event (caller is connected to SPI); returns its id. */
int64
bjxm_record_event(int64 project_id, bool project_null,
				  int64 unit_id, bool unit_null,
				  const char *action,
				  Datum from_state, bool from_null,
				  Datum to_state, bool to_null,
				  int32 clause, bool clause_null,
				  const char *note, Datum details, bool details_null)
{
	static SPIPlanPtr plan = NULL;
	static Oid	state_type = InvalidOid;
	static Oid	clause_type = InvalidOid;
	Oid			argtypes[13];
	Datum		args[13];
	char		nulls[13];
	int64		event_id;

	{
		/* Looked up each time: DROP/CREATE EXTENSION in one session renews them. */
		Oid			nsp = get_namespace_oid("bjxm", false);
		Oid			st = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
										 CStringGetDatum("project_state"), ObjectIdGetDatum(nsp));
		Oid			ct = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
										 CStringGetDatum("clause"), ObjectIdGetDatum(nsp));

		if (!OidIsValid(st) || !OidIsValid(ct))
			elog(ERROR, "bjxm: types project_state/clause missing");
		if (plan != NULL && (st != state_type || ct != clause_type))
		{
			SPI_freeplan(plan);
			plan = NULL;
		}
		state_type = st;
		clause_type = ct;
	}

	event_id = next_event_id();

	argtypes[0] = INT8OID; args[0] = Int64GetDatum(event_id); nulls[0] = ' ';
	argtypes[1] = INT8OID; args[1] = Int64GetDatum(project_id); nulls[1] = project_null ? 'n' : ' ';
	argtypes[2] = INT8OID; args[2] = Int64GetDatum(unit_id); nulls[2] = unit_null ? 'n' : ' ';
	argtypes[3] = TEXTOID; args[3] = CStringGetTextDatum(action); nulls[3] = ' ';
	argtypes[4] = state_type; args[4] = from_state; nulls[4] = from_null ? 'n' : ' ';
	argtypes[5] = state_type; args[5] = to_state; nulls[5] = to_null ? 'n' : ' ';
	argtypes[6] = NAMEOID; args[6] = DirectFunctionCall1(namein, CStringGetDatum(bjxm_actor_name())); nulls[6] = ' ';
	argtypes[7] = BOOLOID; args[7] = BoolGetDatum(superuser_arg(bjxm_actor())); nulls[7] = ' ';
	argtypes[8] = DATEOID; args[8] = DateADTGetDatum(bjxm_today()); nulls[8] = ' ';
	argtypes[9] = clause_type; args[9] = Int32GetDatum(clause); nulls[9] = clause_null ? 'n' : ' ';
	argtypes[10] = TEXTOID; args[10] = note ? CStringGetTextDatum(note) : (Datum) 0; nulls[10] = note ? ' ' : 'n';
	argtypes[11] = JSONBOID; args[11] = details; nulls[11] = details_null ? 'n' : ' ';
	argtypes[12] = TEXTOID; args[12] = CStringGetTextDatum(rulebook()); nulls[12] = ' ';

	bjxm_plan(&plan,
			  "INSERT INTO bjxm.events (event_id, project_id, unit_id, action, from_state, to_state, "
			  "actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook) "
			  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, pg_catalog.clock_timestamp(), $9, $10, $11, $12, $13)",
			  13, argtypes);
	if (SPI_execute_plan(plan, args, nulls, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "bjxm: event insert failed");

	/* Delivered at commit; carries nothing confidential (any role can LISTEN). */
	if (bjxm_setting_bool("notify", true))
	{
		StringInfoData payload;

		initStringInfo(&payload);
		appendStringInfo(&payload, "{\"event_id\": " INT64_FORMAT ", \"project_id\": ", event_id);
		if (project_null)
			appendStringInfoString(&payload, "null");
		else
			appendStringInfo(&payload, INT64_FORMAT, project_id);
		appendStringInfoString(&payload, ", \"action\": ");
		escape_json(&payload, action);
		appendStringInfoString(&payload, ", \"from\": ");
		if (from_null)
			appendStringInfoString(&payload, "null");
		else
			escape_json(&payload, DatumGetCString(DirectFunctionCall1(enum_out, from_state)));
		appendStringInfoString(&payload, ", \"to\": ");
		if (to_null)
			appendStringInfoString(&payload, "null");
		else
			escape_json(&payload, DatumGetCString(DirectFunctionCall1(enum_out, to_state)));
		appendStringInfoChar(&payload, '}');
		Async_Notify("bjxm_events", payload.data);
	}
	return event_id;
}

PG_FUNCTION_INFO_V1(bjxm_record_event_sql);
/*
 * bjxm._record_event(project_id, unit_id, action, from_state, to_state,
 * clause, note, details) → bigint (internal: callable by bjxm's own code).
 */
Datum
bjxm_record_event_sql(PG_FUNCTION_ARGS)
{
	int64		id;

	if (PG_ARGISNULL(2))
		elog(ERROR, "bjxm: _record_event needs an action");
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	id = bjxm_record_event(PG_ARGISNULL(0) ? 0 : PG_GETARG_INT64(0), PG_ARGISNULL(0),
						   PG_ARGISNULL(1) ? 0 : PG_GETARG_INT64(1), PG_ARGISNULL(1),
						   text_to_cstring(PG_GETARG_TEXT_PP(2)),
						   PG_GETARG_DATUM(3), PG_ARGISNULL(3),
						   PG_GETARG_DATUM(4), PG_ARGISNULL(4),
						   PG_ARGISNULL(5) ? 0 : PG_GETARG_INT32(5), PG_ARGISNULL(5),
						   PG_ARGISNULL(6) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(6)),
						   PG_GETARG_DATUM(7), PG_ARGISNULL(7));
	SPI_finish();
	PG_RETURN_INT64(id);
}

PG_FUNCTION_INFO_V1(bjxm_events_append_only);
/* Trigger: the event log is append-only, for every role including its owner. */
Datum
bjxm_events_append_only(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	const char *what;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "bjxm: bjxm_events_append_only: not called by trigger manager");
	if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event))
		elog(ERROR, "bjxm: bjxm_events_append_only must fire BEFORE");
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		what = "UPDATE";
	else if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		what = "DELETE";
	else if (TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
		what = "TRUNCATE";
	else
		elog(ERROR, "bjxm: bjxm_events_append_only fired for INSERT");

	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("%s: 事件日志只能追加, 不能%s (the event log is append-only: %s refused)",
					bjxm_clause_cstring(30, 0), what, what),
			 errdetail("表 %s 记录每一项操作, 供监督检查和审计使用。", RelationGetRelationName(trigdata->tg_relation)),
			 errhint("更正须以新的操作记录, 不得改写历史。")));
	PG_RETURN_NULL();
}
