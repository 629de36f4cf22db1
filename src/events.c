/*
 * events.c — the event log (docs/design.md §3, §12): every successful
 * action, in the order of record, append-only, announced by NOTIFY at
 * commit.
 *
 * 0.3.0 (issue 17): no global serialization point.  event_id comes from a
 * sequence (bjxm.event_ids).  Each transaction appends to one lane — the
 * unit of its first event, or 0, the city — and holds that lane's head row
 * (bjxm.event_lanes) until it commits, so writers of different units never
 * wait for each other, and within a lane ids, lane_seq and commit order
 * agree.  Every lane is an SM3 chain (prev_hash links lane_seq - 1).
 * bjxm.events_since() returns only ids below the horizon: for every lane
 * whose visible head is being replaced by a transaction still in flight
 * for the reader's snapshot, that head's last_event_id + 1 (the writer's
 * ids are all above it, because it took them after locking the head).  A
 * late commit is therefore never skipped, on a primary or a hot standby
 * (the head's xmax is in the WAL).  Until ALTER EXTENSION UPDATE a 0.1.0
 * or 0.2.0 schema keeps its one chain head (bjxm.event_chain).  `at` is
 * clock time (now() is one value per transaction), `effective_date` is
 * bjxm.today().
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/multixact.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/async.h"
#include "commands/trigger.h"
#include "funcapi.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "utils/inval.h"
#include "utils/timestamp.h"

#include "articles.h"
#include "duties.h"
#include "errors.h"
#include "eventlog.h"
#include "events.h"
#include "guard.h"
#include "settings.h"
#include "sm3.h"
#include "spi.h"
#include "types.h"

/*
 * Whether the event log has the hash chain (0.2.0 and later).  A database
 * still at 0.1.0 runs this library until ALTER EXTENSION bjxm UPDATE.
 */
static bool
log_has_column(const char *column)
{
	Oid			nsp = get_namespace_oid("bjxm", false);
	Oid			relid = get_relname_relid("events", nsp);

	return OidIsValid(relid) && get_attnum(relid, column) != InvalidAttrNumber;
}

/* Whether the event log has the hash chain (see above). */
static bool
log_is_chained(void)
{
	Oid			nsp = get_namespace_oid("bjxm", false);
	Oid			relid = get_relname_relid("events", nsp);

	return OidIsValid(relid) && get_attnum(relid, "hash") != InvalidAttrNumber;
}

/*
 * Next event id and the hash of the event before it, taking the chain-head
 * row lock until commit.  *prev is all zeros for the first event.
 */
static int64
next_event_id(unsigned char *prev, bool chained)
{
	static SPIPlanPtr bump = NULL;
	static SPIPlanPtr init = NULL;
	static SPIPlanPtr bump_v1 = NULL;
	static SPIPlanPtr init_v1 = NULL;

	if (!chained)
	{
		/* 0.1.0: no hash columns yet. */
		memset(prev, 0, BJXM_HASH_LEN);
		for (int attempt = 0; attempt < 2; attempt++)
		{
			bool		isnull;

			bjxm_plan(&bump_v1, "UPDATE bjxm.event_chain SET last_event_id = last_event_id OPERATOR(pg_catalog.+) 1 "
					  "WHERE id OPERATOR(pg_catalog.=) 1 RETURNING last_event_id", 0, NULL);
			if (SPI_execute_plan(bump_v1, NULL, NULL, false, 0) != SPI_OK_UPDATE_RETURNING)
				elog(ERROR, "bjxm: event chain update failed");
			if (SPI_processed == 1)
				return DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
			bjxm_plan(&init_v1, "INSERT INTO bjxm.event_chain (id, last_event_id) "
					  "SELECT 1, COALESCE(pg_catalog.max(e.event_id), 0) FROM bjxm.events e "
					  "ON CONFLICT (id) DO NOTHING", 0, NULL);
			if (SPI_execute_plan(init_v1, NULL, NULL, false, 0) != SPI_OK_INSERT)
				elog(ERROR, "bjxm: event chain initialisation failed");
		}
		elog(ERROR, "bjxm: event chain head missing");
	}

	for (int attempt = 0; attempt < 2; attempt++)
	{
		bool		isnull;
		Datum		d;

		bjxm_plan(&bump, "UPDATE bjxm.event_chain SET last_event_id = last_event_id OPERATOR(pg_catalog.+) 1 "
				  "WHERE id OPERATOR(pg_catalog.=) 1 RETURNING last_event_id, last_hash", 0, NULL);
		if (SPI_execute_plan(bump, NULL, NULL, false, 0) != SPI_OK_UPDATE_RETURNING)
			elog(ERROR, "bjxm: event chain update failed");
		if (SPI_processed == 1)
		{
			Datum		h = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);

			memset(prev, 0, BJXM_HASH_LEN);
			if (!isnull && VARSIZE_ANY_EXHDR(DatumGetByteaPP(h)) == BJXM_HASH_LEN)
				memcpy(prev, VARDATA_ANY(DatumGetByteaPP(h)), BJXM_HASH_LEN);
			d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
			return DatumGetInt64(d);
		}
		/* First event of this database (or of a restore): create the head. */
		bjxm_plan(&init, "INSERT INTO bjxm.event_chain (id, last_event_id, last_hash) "
				  "SELECT 1, COALESCE(pg_catalog.max(e.event_id), 0), "
				  "  (SELECT x.hash FROM bjxm.events x ORDER BY x.event_id DESC LIMIT 1) FROM bjxm.events e "
				  "ON CONFLICT (id) DO NOTHING", 0, NULL);
		if (SPI_execute_plan(init, NULL, NULL, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "bjxm: event chain initialisation failed");
	}
	elog(ERROR, "bjxm: event chain head missing");
	pg_unreachable();
}


/*
 * The lane of the current top-level transaction: the unit of its first
 * event (or 0), fixed for the rest of the transaction, so a transaction
 * holds one lane head and no two single-call transactions can deadlock on
 * lanes.  Keyed by the local transaction id.
 */
static LocalTransactionId lane_lxid = InvalidLocalTransactionId;
static int64 lane_of_xact = 0;
static int64 first_id_of_xact = 0;	/* the first id this transaction took */

/*
 * Lock lane's head and take its next lane_seq (*seq) and the hash before
 * it (*prev, zeros for a lane's first event).  False if the lane has no
 * head row.
 */
static bool
lane_bump(int64 lane, int64 *seq, unsigned char *prev)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		args[1];
	bool		isnull;
	Datum		h;

	args[0] = Int64GetDatum(lane);
	bjxm_plan(&plan, "UPDATE bjxm.event_lanes SET last_seq = last_seq OPERATOR(pg_catalog.+) 1 "
			  "WHERE lane OPERATOR(pg_catalog.=) $1 RETURNING last_seq, last_hash", 1, types);
	if (SPI_execute_plan(plan, args, NULL, false, 0) != SPI_OK_UPDATE_RETURNING)
		elog(ERROR, "bjxm: event lane update failed");
	if (SPI_processed != 1)
		return false;
	*seq = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	h = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	memset(prev, 0, BJXM_HASH_LEN);
	if (!isnull && VARSIZE_ANY_EXHDR(DatumGetByteaPP(h)) == BJXM_HASH_LEN)
		memcpy(prev, VARDATA_ANY(DatumGetByteaPP(h)), BJXM_HASH_LEN);
	return true;
}

/*
 * The next event's id, lane, lane_seq and previous hash.  The lane head is
 * locked before the id is taken (events_since's horizon relies on it).  A
 * unit without a head row (one inserted other than by register_unit)
 * writes to the city lane, whose head the install creates.
 */
static int64
next_event_lane(const BjxmEvent *e, unsigned char *prev, int64 *lane, int64 *seq)
{
	static Oid	seq_oid = InvalidOid;

	int64		id;

	if (MyProc->lxid != lane_lxid)
	{
		lane_lxid = MyProc->lxid;
		lane_of_xact = e->has_unit ? e->unit_id : 0;
		first_id_of_xact = 0;
	}
	if (!lane_bump(lane_of_xact, seq, prev))
	{
		lane_of_xact = 0;
		if (!lane_bump(0, seq, prev))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("bjxm: 事件日志缺少市级链头 (bjxm.event_lanes has no lane 0)"),
					 errhint("INSERT INTO bjxm.event_lanes (lane) VALUES (0), 或重新安装扩展。")));
	}
	*lane = lane_of_xact;
	/* the OID is stable for the extension's life; looked up again after a re-create */
	if (!OidIsValid(seq_oid) || get_rel_relkind(seq_oid) != RELKIND_SEQUENCE)
		seq_oid = get_relname_relid("event_ids", get_namespace_oid("bjxm", false));
	if (!OidIsValid(seq_oid))
		elog(ERROR, "bjxm: sequence bjxm.event_ids missing");
	id = DatumGetInt64(DirectFunctionCall1(nextval_oid, ObjectIdGetDatum(seq_oid)));
	if (first_id_of_xact == 0)
		first_id_of_xact = id;
	return id;
}

/* The core's view of an event (src/core/eventlog.c). */
static void
core_event(const BjxmEventRow *e, bj_event *c)
{
	c->event_id = e->event_id;
	c->project_null = e->project_null;
	c->project_id = e->project_id;
	c->unit_null = e->unit_null;
	c->unit_id = e->unit_id;
	c->action = e->action;
	c->from_state = e->from_state;
	c->to_state = e->to_state;
	c->actor = e->actor;
	c->actor_is_superuser = e->actor_is_superuser;
	c->at = (int64_t) e->at;
	c->effective_date = (int32_t) e->effective_date;
	c->clause_null = e->clause_null;
	c->clause = e->clause;
	c->note = e->note;
	c->details = e->details;
	c->rulebook = e->rulebook;
	c->login = e->login;
}

/*
 * The canonical bytes of an event, independent of DateStyle, TimeZone and
 * the like: integers in decimal, `at` as microseconds since 2000-01-01 UTC,
 * the date as days since then, states and text length-prefixed, details as
 * jsonb's own text.  Built by the backend-free core (bj_event_canonical),
 * which the offline verifier tools/bjxm-verify shares.
 */
void
bjxm_event_canonical(StringInfo buf, const BjxmEventRow *e)
{
	bj_event	c;
	size_t		n;

	core_event(e, &c);
	n = bj_event_canonical(&c, NULL, 0);
	enlargeStringInfo(buf, (int) n);
	bj_event_canonical(&c, buf->data + buf->len, n);
	buf->len += (int) n;
	buf->data[buf->len] = '\0';
}

/* hash = SM3(prev || canonical bytes) (GB/T 32905-2016). */
void
bjxm_event_hash(const unsigned char *prev, const BjxmEventRow *e, unsigned char *out)
{
	bj_event	c;

	core_event(e, &c);
	bj_event_hash(prev, &c, out);
}

/* A bytea holding len bytes. */
static Datum
bytea_of(const unsigned char *bytes, int len)
{
	bytea	   *b = palloc(VARHDRSZ + len);

	SET_VARSIZE(b, VARHDRSZ + len);
	memcpy(VARDATA(b), bytes, len);
	return PointerGetDatum(b);
}

/*
 * "bjxm <version> r<settings revision>": the rules in force, and whether
 * to NOTIFY; one statement, run before the chain head is locked.
 */
static char *
rulebook(bool *notify)
{
	static SPIPlanPtr plan = NULL;
	char	   *v;
	bool		isnull;
	Datum		n;

	bjxm_plan(&plan, "SELECT pg_catalog.format('bjxm %s r%s', e.extversion, "
			  "(SELECT COALESCE(pg_catalog.sum(s.revision), 0) FROM bjxm.settings s)), "
			  "(SELECT s.value::pg_catalog.bool FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) 'notify') "
			  "FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'bjxm'", 0, NULL);
	if (SPI_execute_plan(plan, NULL, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "bjxm: rulebook lookup failed");
	v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	n = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	*notify = isnull ? true : DatumGetBool(n);
	return v ? v : pstrdup("bjxm");
}

/*
 * The enum Datums of bjxm.project_state, looked up once per backend and
 * forgotten when a type changes (DROP and CREATE EXTENSION in one
 * session make new ones).
 */
static Oid	state_type = InvalidOid;
static Oid	clause_type = InvalidOid;
static Datum state_datums[BJ_S_COUNT];

/* Syscache callback: a type changed; look the types up again. */
static void
state_cache_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	state_type = InvalidOid;
	clause_type = InvalidOid;
}

/* Register the invalidation (from _PG_init). */
void
bjxm_events_init(void)
{
	CacheRegisterSyscacheCallback(TYPEOID, state_cache_invalidate, (Datum) 0);
}

/* Look up bjxm.project_state, bjxm.clause and every state's enum value. */
static void
state_cache_fill(void)
{
	Oid			nsp = get_namespace_oid("bjxm", false);
	Oid			st = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									 CStringGetDatum("project_state"), ObjectIdGetDatum(nsp));
	Oid			ct = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									 CStringGetDatum("clause"), ObjectIdGetDatum(nsp));

	if (!OidIsValid(st) || !OidIsValid(ct))
		elog(ERROR, "bjxm: types project_state/clause missing");
	for (int s = 0; s < BJ_S_COUNT; s++)
		state_datums[s] = DirectFunctionCall2(enum_in, CStringGetDatum(bj_state_name((bj_state) s)),
											  ObjectIdGetDatum(st));
	clause_type = ct;
	state_type = st;
}

/* The bjxm.project_state Datum of a state. */
Datum
bjxm_state_datum(bj_state s)
{
	if (!OidIsValid(state_type))
		state_cache_fill();
	if ((int) s < 0 || (int) s >= BJ_S_COUNT)
		elog(ERROR, "bjxm: no state %d", (int) s);
	return state_datums[s];
}

/* Append one event (caller is connected to SPI); returns its id. */
int64
bjxm_record_event(const BjxmEvent *e)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr head = NULL;
	static SPIPlanPtr plan_v1 = NULL;
	static SPIPlanPtr plan_login = NULL;
	static SPIPlanPtr plan_lanes = NULL;
	static Oid	planned_state_type = InvalidOid;
	Oid			argtypes[19];
	Datum		args[19];
	char		nulls[19];
	bool		lanes;
	int64		lane = 0;
	int64		lane_seq = 0;
	int64		event_id;
	unsigned char prev[BJXM_HASH_LEN];
	unsigned char hash[BJXM_HASH_LEN];
	TimestampTz at;
	DateADT		today;
	char	   *book;
	BjxmEventRow row;
	bool		chained;
	bool		with_login;
	bool		notify;
	bool		has_from = e->from != BJ_S_NONE;
	bool		has_to = e->to != BJ_S_NONE;
	bool		has_clause = e->article != 0;

	if (!OidIsValid(state_type))
		state_cache_fill();
	/* Plans name the types by OID: prepare afresh after they changed. */
	if (planned_state_type != state_type)
	{
		if (plan != NULL)
			SPI_freeplan(plan);
		if (plan_v1 != NULL)
			SPI_freeplan(plan_v1);
		if (plan_login != NULL)
			SPI_freeplan(plan_login);
		if (plan_lanes != NULL)
			SPI_freeplan(plan_lanes);
		plan = plan_v1 = plan_login = plan_lanes = NULL;
		planned_state_type = state_type;
	}

	chained = log_is_chained();
	book = rulebook(&notify);
	today = bjxm_today();
	lanes = chained && log_has_column("lane");
	event_id = lanes ? next_event_lane(e, prev, &lane, &lane_seq) : next_event_id(prev, chained);
	at = GetCurrentTimestamp();

	/* The hash chain (tamper evidence): hash = SM3(previous hash || this event). */
	memset(&row, 0, sizeof(row));
	row.event_id = event_id;
	row.project_id = e->project_id;
	row.project_null = !e->has_project;
	row.unit_id = e->unit_id;
	row.unit_null = !e->has_unit;
	row.action = e->action;
	row.from_state = has_from ? bj_state_name(e->from) : NULL;
	row.to_state = has_to ? bj_state_name(e->to) : NULL;
	row.actor = bjxm_actor_name();
	row.actor_is_superuser = superuser_arg(bjxm_actor());
	row.at = at;
	row.effective_date = today;
	row.clause = has_clause ? BjxmClausePack(e->article, e->item) : 0;
	row.clause_null = !has_clause;
	row.note = e->note;
	row.details = e->details == NULL ? NULL
		: JsonbToCString(NULL, &e->details->root, VARSIZE(e->details));
	row.rulebook = book;
	/* the login beside the acting role: a pooled login shows (issue 15) */
	with_login = chained && log_has_column("login");
	row.login = with_login ? GetUserNameFromId(GetSessionUserId(), false) : NULL;
	bjxm_event_hash(prev, &row, hash);

	argtypes[0] = INT8OID; args[0] = Int64GetDatum(event_id); nulls[0] = ' ';
	argtypes[1] = INT8OID; args[1] = Int64GetDatum(e->project_id); nulls[1] = e->has_project ? ' ' : 'n';
	argtypes[2] = INT8OID; args[2] = Int64GetDatum(e->unit_id); nulls[2] = e->has_unit ? ' ' : 'n';
	argtypes[3] = TEXTOID; args[3] = CStringGetTextDatum(e->action); nulls[3] = ' ';
	argtypes[4] = state_type; args[4] = has_from ? bjxm_state_datum(e->from) : (Datum) 0; nulls[4] = has_from ? ' ' : 'n';
	argtypes[5] = state_type; args[5] = has_to ? bjxm_state_datum(e->to) : (Datum) 0; nulls[5] = has_to ? ' ' : 'n';
	argtypes[6] = NAMEOID; args[6] = DirectFunctionCall1(namein, CStringGetDatum(row.actor)); nulls[6] = ' ';
	argtypes[7] = BOOLOID; args[7] = BoolGetDatum(row.actor_is_superuser); nulls[7] = ' ';
	argtypes[8] = DATEOID; args[8] = DateADTGetDatum(today); nulls[8] = ' ';
	argtypes[9] = clause_type; args[9] = Int32GetDatum(row.clause); nulls[9] = has_clause ? ' ' : 'n';
	argtypes[10] = TEXTOID; args[10] = e->note ? CStringGetTextDatum(e->note) : (Datum) 0; nulls[10] = e->note ? ' ' : 'n';
	argtypes[11] = JSONBOID; args[11] = e->details ? JsonbPGetDatum(e->details) : (Datum) 0; nulls[11] = e->details ? ' ' : 'n';
	argtypes[12] = TEXTOID; args[12] = CStringGetTextDatum(book); nulls[12] = ' ';
	argtypes[13] = TIMESTAMPTZOID; args[13] = TimestampTzGetDatum(at); nulls[13] = ' ';
	argtypes[14] = BYTEAOID; args[14] = bytea_of(prev, BJXM_HASH_LEN); nulls[14] = ' ';
	argtypes[15] = BYTEAOID; args[15] = bytea_of(hash, BJXM_HASH_LEN); nulls[15] = ' ';
	argtypes[16] = NAMEOID; args[16] = with_login ? DirectFunctionCall1(namein, CStringGetDatum(row.login)) : (Datum) 0;
	nulls[16] = with_login ? ' ' : 'n';
	argtypes[17] = INT8OID; args[17] = Int64GetDatum(lane); nulls[17] = ' ';
	argtypes[18] = INT8OID; args[18] = Int64GetDatum(lane_seq); nulls[18] = ' ';

	if (lanes)
	{
		/* the event and its lane head's hash and id, in one statement */
		bjxm_plan(&plan_lanes,
				  "WITH h AS (UPDATE bjxm.event_lanes SET last_hash = $16, last_event_id = $1 "
				  "WHERE lane OPERATOR(pg_catalog.=) $18 RETURNING 1) "
				  "INSERT INTO bjxm.events (event_id, project_id, unit_id, action, from_state, to_state, "
				  "actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook, prev_hash, hash, login, "
				  "lane, lane_seq) "
				  "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $14, $9, $10, $11, $12, $13, $15, $16, $17, $18, $19 FROM h",
				  19, argtypes);
		if (SPI_execute_plan(plan_lanes, args, nulls, false, 0) != SPI_OK_INSERT || SPI_processed != 1)
			elog(ERROR, "bjxm: event insert or lane head update failed");
	}
	else if (!chained)
	{
		bjxm_plan(&plan_v1,
				  "INSERT INTO bjxm.events (event_id, project_id, unit_id, action, from_state, to_state, "
				  "actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook) "
				  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $14, $9, $10, $11, $12, $13)",
				  14, argtypes);
		if (SPI_execute_plan(plan_v1, args, nulls, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "bjxm: event insert failed");
	}
	else if (with_login)
	{
		bjxm_plan(&plan_login,
				  "INSERT INTO bjxm.events (event_id, project_id, unit_id, action, from_state, to_state, "
				  "actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook, prev_hash, hash, login) "
				  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $14, $9, $10, $11, $12, $13, $15, $16, $17)",
				  17, argtypes);
		if (SPI_execute_plan(plan_login, args, nulls, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "bjxm: event insert failed");
		bjxm_plan(&head, "UPDATE bjxm.event_chain SET last_hash = $1 WHERE id OPERATOR(pg_catalog.=) 1",
				  1, argtypes + 15);
		if (SPI_execute_plan(head, args + 15, NULL, false, 0) != SPI_OK_UPDATE)
			elog(ERROR, "bjxm: event chain head update failed");
	}
	else
	{
		bjxm_plan(&plan,
				  "INSERT INTO bjxm.events (event_id, project_id, unit_id, action, from_state, to_state, "
				  "actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook, prev_hash, hash) "
				  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $14, $9, $10, $11, $12, $13, $15, $16)",
				  16, argtypes);
		if (SPI_execute_plan(plan, args, nulls, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "bjxm: event insert failed");
		bjxm_plan(&head, "UPDATE bjxm.event_chain SET last_hash = $1 WHERE id OPERATOR(pg_catalog.=) 1",
				  1, argtypes + 15);
		if (SPI_execute_plan(head, args + 15, NULL, false, 0) != SPI_OK_UPDATE)
			elog(ERROR, "bjxm: event chain head update failed");
	}

	/* Delivered at commit; carries nothing confidential (any role can LISTEN). */
	if (notify)
	{
		StringInfoData payload;

		initStringInfo(&payload);
		appendStringInfo(&payload, "{\"event_id\": " INT64_FORMAT ", \"project_id\": ", event_id);
		if (!e->has_project)
			appendStringInfoString(&payload, "null");
		else
			appendStringInfo(&payload, INT64_FORMAT, e->project_id);
		appendStringInfoString(&payload, ", \"action\": ");
		escape_json(&payload, e->action);
		appendStringInfoString(&payload, ", \"from\": ");
		if (!has_from)
			appendStringInfoString(&payload, "null");
		else
			escape_json(&payload, row.from_state);
		appendStringInfoString(&payload, ", \"to\": ");
		if (!has_to)
			appendStringInfoString(&payload, "null");
		else
			escape_json(&payload, row.to_state);
		appendStringInfoChar(&payload, '}');
		Async_Notify("bjxm_events", payload.data);
	}
	return event_id;
}

/*
 * The horizon of events_since under snapshot snap: the least, over the lane
 * heads visible in snap whose replacing transaction (xmax) snap still sees
 * in flight, of that head's last_event_id + 1; PG_INT64_MAX if none.  A
 * writer locks its lane head before it takes an id, so all its ids are
 * above the head it replaces; a lane whose writer committed after snap was
 * taken still counts, so a reader never returns an id above an event its
 * snapshot cannot see yet.  A lock-only xmax is not a writer (whoever
 * updates later takes its ids later); a multixact's updater counts.
 */
static int64
lane_horizon(Snapshot snap)
{
	Oid			relid = get_relname_relid("event_lanes", get_namespace_oid("bjxm", false));
	Relation	rel;
	TableScanDesc scan;
	HeapTuple	tup;
	AttrNumber	att_last;
	int64		horizon = PG_INT64_MAX;

	if (!OidIsValid(relid))
		return horizon;
	rel = table_open(relid, AccessShareLock);
	att_last = get_attnum(relid, "last_event_id");
	scan = table_beginscan(rel, snap, 0, NULL);
	while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		HeapTupleHeader h = tup->t_data;
		uint16		mask = h->t_infomask;
		bool		in_flight;
		bool		isnull;
		int64		last;

		if (mask & HEAP_XMAX_INVALID)
			in_flight = false;
		else if (HEAP_XMAX_IS_LOCKED_ONLY(mask))
		{
			/*
			 * Locked, not replaced (a FOR SHARE, or a writer's EvalPlanQual
			 * lock just before its UPDATE): any writer of the lane takes
			 * its id after its UPDATE, so after this read.  Counting it in
			 * flight stalled the feed for good: a committed locker's xmax
			 * stays until the lane's next write (red17).
			 */
			in_flight = false;
		}
		else if (mask & HEAP_XMAX_IS_MULTI)
		{
			/* lockers and one updater: the updater decides */
			TransactionId upd = HeapTupleGetUpdateXid(h);

			in_flight = !TransactionIdIsValid(upd) || XidInMVCCSnapshot(upd, snap);
		}
		else
			in_flight = XidInMVCCSnapshot(HeapTupleHeaderGetRawXmax(h), snap);
		if (!in_flight)
			continue;
		last = DatumGetInt64(heap_getattr(tup, att_last, RelationGetDescr(rel), &isnull));
		if (!isnull && last < horizon)
			horizon = last + 1;
	}
	table_endscan(scan);
	table_close(rel, AccessShareLock);
	return horizon;
}

PG_FUNCTION_INFO_V1(bjxm_events_since);
/*
 * bjxm.events_since(after, max): the events after id `after` that the
 * caller may see (RLS: invoker's rights), in id order, at most max, and
 * only below the horizon (lane_horizon), all read under one fresh
 * snapshot: a transaction that took a lower id and commits later is
 * returned by a later call, never skipped (event_order.spec).
 */
Datum
bjxm_events_since(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr plan = NULL;
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			types[3] = {INT8OID, INT8OID, INT4OID};
	Datum		args[3];
	Snapshot	snap;
	int64		horizon;
	int32		max;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_GETARG_INT32(1) < 1 || PG_GETARG_INT32(1) > 10000)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("事件补读参数无效: after 不能为空, max 须在 1 与 10000 之间 (after required; max between 1 and 10000)")));
	max = PG_GETARG_INT32(1);
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	bjxm_spi_connect();
	snap = RegisterSnapshot(GetLatestSnapshot());
	horizon = lane_horizon(snap);
	/*
	 * A caller whose own transaction recorded events sees them in its
	 * snapshot, uncommitted; were they returned and the transaction rolled
	 * back, the client would have seen events that never were (issue 17
	 * red team).  Nothing from this transaction's first id on is returned.
	 */
	if (MyProc->lxid == lane_lxid && first_id_of_xact > 0 && first_id_of_xact < horizon)
		horizon = first_id_of_xact;
	args[0] = PG_GETARG_DATUM(0);
	args[1] = Int64GetDatum(horizon);
	args[2] = Int32GetDatum(max);
	bjxm_plan(&plan, "SELECT e.* FROM bjxm.events e WHERE e.event_id OPERATOR(pg_catalog.>) $1 "
			  "AND e.event_id OPERATOR(pg_catalog.<) $2 ORDER BY e.event_id LIMIT $3", 3, types);
	if (SPI_execute_snapshot(plan, args, NULL, snap, InvalidSnapshot, true, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: events_since: query failed");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		TupleDesc	d = rsinfo->setDesc;
		Datum	   *values = palloc(sizeof(Datum) * d->natts);
		bool	   *nulls = palloc(sizeof(bool) * d->natts);

		if (SPI_tuptable->tupdesc->natts != d->natts)
			elog(ERROR, "bjxm: events_since: row type mismatch");
		heap_deform_tuple(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, values, nulls);
		tuplestore_putvalues(rsinfo->setResult, d, values, nulls);
	}
	UnregisterSnapshot(snap);
	SPI_finish();
	return (Datum) 0;
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
					bjxm_clause_cstring(BJ_ART_SUPERVISION, 0), what, what),
			 errdetail("表 %s 记录每一项操作, 供监督检查和审计使用。", RelationGetRelationName(trigdata->tg_relation)),
			 errhint("更正须以新的操作记录, 不得改写历史。")));
	PG_RETURN_NULL();
}


/* An event as read back from bjxm.events (the verify and upgrade column order). */
static void
event_row_from_tuple(HeapTuple t, TupleDesc d, BjxmEventRow *row)
{
	bool		isnull;
	Datum		v;

	memset(row, 0, sizeof(*row));
	row->event_id = DatumGetInt64(SPI_getbinval(t, d, 1, &isnull));
	v = SPI_getbinval(t, d, 2, &row->project_null);
	row->project_id = row->project_null ? 0 : DatumGetInt64(v);
	v = SPI_getbinval(t, d, 3, &row->unit_null);
	row->unit_id = row->unit_null ? 0 : DatumGetInt64(v);
	row->action = SPI_getvalue(t, d, 4);
	row->from_state = SPI_getvalue(t, d, 5);
	row->to_state = SPI_getvalue(t, d, 6);
	row->actor = SPI_getvalue(t, d, 7);
	row->actor_is_superuser = DatumGetBool(SPI_getbinval(t, d, 8, &isnull));
	row->at = DatumGetTimestampTz(SPI_getbinval(t, d, 9, &isnull));
	row->effective_date = DatumGetDateADT(SPI_getbinval(t, d, 10, &isnull));
	v = SPI_getbinval(t, d, 11, &row->clause_null);
	row->clause = row->clause_null ? 0 : DatumGetInt32(v);
	row->note = SPI_getvalue(t, d, 12);
	v = SPI_getbinval(t, d, 13, &isnull);
	row->details = isnull ? NULL : JsonbToCString(NULL, &DatumGetJsonbP(v)->root, VARSIZE(DatumGetJsonbP(v)));
	row->rulebook = SPI_getvalue(t, d, 14);
	/* the verify query adds the login as column 17 (after prev_hash, hash) */
	row->login = d->natts >= 17 ? SPI_getvalue(t, d, 17) : NULL;
}

/* The columns event_row_from_tuple reads, in its order. */
#define EVENT_COLUMNS \
	"e.event_id, e.project_id, e.unit_id, e.action, e.from_state::pg_catalog.text, " \
	"e.to_state::pg_catalog.text, e.actor::pg_catalog.text, e.actor_is_superuser, e.at, e.effective_date, " \
	"e.clause, e.note, e.details, e.rulebook"

/* A lane head as read by verify_lanes. */
typedef struct LaneHead
{
	int64		lane;
	int64		last_seq;
	int64		last_event_id;
	bool		hash_null;
	unsigned char hash[BJXM_HASH_LEN];
	bool		seen;
} LaneHead;

/*
 * Whether a lane's walk ended where its head says: last_seq events, the
 * last one's hash; else *detail.  head NULL: a lane with events and no head.
 */
static bool
lane_end_matches(const LaneHead *head, int64 lane, int64 seq, const unsigned char *last, int64 last_id,
				 char **detail)
{
	if (head == NULL)
	{
		if (seq == 0)
			return true;
		*detail = psprintf("链 %lld 有 %lld 个事件, 但没有链头 (lane %lld has events and no head: the head was removed)",
						   (long long) lane, (long long) seq, (long long) lane);
		return false;
	}
	if (head->last_seq != seq ||
		(seq > 0 && (head->hash_null || memcmp(head->hash, last, BJXM_HASH_LEN) != 0)))
	{
		*detail = psprintf("链 %lld 的链头记录 %lld 个事件, 日志中可验证 %lld 个 (the head of lane %lld does not match its last event: events were removed or the head altered)",
						   (long long) lane, (long long) head->last_seq, (long long) seq, (long long) lane);
		return false;
	}
	/* red17: the head's last_event_id bounds events_since's horizon; bjxm-verify checks it too */
	if (seq > 0 && head->last_event_id != last_id)
	{
		*detail = psprintf("链 %lld 的链头记录末事件编号 %lld, 日志中为 %lld (the head of lane %lld names last event_id %lld, "
						   "the lane ends at event_id %lld: the head was altered)",
						   (long long) lane, (long long) head->last_event_id, (long long) last_id,
						   (long long) lane, (long long) head->last_event_id, (long long) last_id);
		return false;
	}
	return true;
}

/*
 * verify_events over lanes (0.3.0): each lane in lane_seq order — seq
 * contiguous from 1, prev_hash linking the lane's previous event (zeros
 * first), hash = SM3(prev || canonical) — and each lane's head naming its
 * last event; a head whose lane has no events must be empty.
 */
/* An anchor given to verify_events(anchors), sorted by (lane, seq). */
typedef struct Anchor
{
	int64		lane;
	int64		seq;
	unsigned char hash[BJXM_HASH_LEN];
} Anchor;

/* The anchors being collected by bj_anchors_parse. */
typedef struct AnchorList
{
	Anchor	   *a;
	int			n;
	int			cap;
} AnchorList;

static void
anchor_collect(void *ctx, int64_t lane, int64_t seq, const unsigned char hash[BJ_EVENT_HASH_LEN])
{
	AnchorList *l = (AnchorList *) ctx;

	if (l->n == l->cap)
	{
		l->cap = l->cap ? 2 * l->cap : 16;
		l->a = l->a ? repalloc(l->a, sizeof(Anchor) * l->cap) : palloc(sizeof(Anchor) * l->cap);
	}
	l->a[l->n].lane = lane;
	l->a[l->n].seq = seq;
	memcpy(l->a[l->n].hash, hash, BJXM_HASH_LEN);
	l->n++;
}

static int
anchor_cmp(const void *x, const void *y)
{
	const Anchor *a = x;
	const Anchor *b = y;

	if (a->lane != b->lane)
		return a->lane < b->lane ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return 0;
}

/* The detail of an anchor the log no longer reaches. */
static char *
anchor_missing(const Anchor *a, int64 lane, int64 seq)
{
	return psprintf("锚点所记的链 %lld 序号 %lld 不在日志中, 该链%s (the anchored event lane %lld seq %lld is missing: "
					"the lane %s): 锚点之前的事件被删除 (events the anchor covers were removed)",
					(long long) a->lane, (long long) a->seq,
					lane == a->lane ? psprintf("止于序号 %lld", (long long) seq) : "没有事件",
					(long long) a->lane, (long long) a->seq,
					lane == a->lane ? psprintf("ends at seq %lld", (long long) seq) : "has no events");
}

static void
verify_lanes(int64 *checked, int64 *broken, char **detail, const Anchor *anchors, int nanchors,
			 int64 horizon)
{
	int			k = 0;			/* next anchor to meet */
	int64		anchored = 0;	/* the lane's greatest anchored seq, 0: not anchored */
	int64		last_id = -1;	/* the last event walked */
	LaneHead   *heads;
	int			nheads;
	Portal		portal;
	SPIPlanPtr	plan;
	unsigned char prev[BJXM_HASH_LEN];
	int64		lane = PG_INT64_MIN;
	int64		seq = 0;
	LaneHead   *head = NULL;

	if (SPI_execute("SELECT l.lane, l.last_seq, l.last_event_id, l.last_hash FROM bjxm.event_lanes l ORDER BY l.lane",
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: verify_events: lane heads lookup failed");
	nheads = (int) SPI_processed;
	heads = palloc0(sizeof(LaneHead) * (nheads + 1));
	for (int i = 0; i < nheads; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		Datum		h;

		heads[i].lane = DatumGetInt64(SPI_getbinval(t, d, 1, &isnull));
		heads[i].last_seq = DatumGetInt64(SPI_getbinval(t, d, 2, &isnull));
		heads[i].last_event_id = DatumGetInt64(SPI_getbinval(t, d, 3, &isnull));
		h = SPI_getbinval(t, d, 4, &heads[i].hash_null);
		if (!heads[i].hash_null && VARSIZE_ANY_EXHDR(DatumGetByteaPP(h)) == BJXM_HASH_LEN)
			memcpy(heads[i].hash, VARDATA_ANY(DatumGetByteaPP(h)), BJXM_HASH_LEN);
		else
			heads[i].hash_null = true;
	}

	memset(prev, 0, sizeof(prev));
	plan = SPI_prepare("SELECT " EVENT_COLUMNS ", e.prev_hash, e.hash, e.login::pg_catalog.text, e.lane, e.lane_seq "
					   "FROM bjxm.events e ORDER BY e.lane, e.lane_seq", 0, NULL);
	if (plan == NULL)
		elog(ERROR, "bjxm: verify_events: prepare failed");
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
	while (*broken == 0)
	{
		SPI_cursor_fetch(portal, true, 1000);
		if (SPI_processed == 0)
			break;
		for (uint64 i = 0; i < SPI_processed && *broken == 0; i++)
		{
			HeapTuple	t = SPI_tuptable->vals[i];
			TupleDesc	d = SPI_tuptable->tupdesc;
			bool		isnull;
			BjxmEventRow row;
			unsigned char hash[BJXM_HASH_LEN];
			Datum		v;
			bytea	   *stored_prev;
			bytea	   *stored_hash;
			int64		this_lane = DatumGetInt64(SPI_getbinval(t, d, 18, &isnull));
			int64		this_seq = DatumGetInt64(SPI_getbinval(t, d, 19, &isnull));

			event_row_from_tuple(t, d, &row);
			/* anchors below this event that it passed: their events are gone */
			if (k < nanchors && (anchors[k].lane < this_lane ||
								 (anchors[k].lane == this_lane && anchors[k].seq < this_seq &&
								  this_lane != lane)))
			{
				*broken = anchors[k].lane == lane ? last_id : -1;
				*detail = anchor_missing(&anchors[k], lane, seq);
				break;
			}
			if (this_lane != lane)
			{
				/* the lane before ends where its head says */
				if (lane != PG_INT64_MIN && !lane_end_matches(head, lane, seq, prev, last_id, detail))
				{
					*broken = row.event_id;
					break;
				}
				lane = this_lane;
				seq = 0;
				memset(prev, 0, sizeof(prev));
				head = NULL;
				anchored = 0;
				for (int a = 0; a < nanchors; a++)
					if (anchors[a].lane == lane && anchors[a].seq > anchored)
						anchored = anchors[a].seq;
				for (int k = 0; k < nheads; k++)
					if (heads[k].lane == lane)
					{
						head = &heads[k];
						head->seen = true;
					}
			}
			v = SPI_getbinval(t, d, 15, &isnull);
			stored_prev = isnull ? NULL : DatumGetByteaPP(v);
			v = SPI_getbinval(t, d, 16, &isnull);
			stored_hash = isnull ? NULL : DatumGetByteaPP(v);
			/*
			 * red17: ids come from bjxm.event_ids (from 1) and rise with
			 * lane_seq (the lane lock is taken before the id).  An id of 0
			 * would also read as "nothing broken" below, and export_events
			 * (after 0) leaves ids <= 0 out.
			 */
			if (row.event_id <= 0)
			{
				*broken = -1;
				*detail = psprintf("链 %lld 序号 %lld 的事件编号 %lld 不是序列所给 (lane %lld seq %lld has event_id %lld: "
								   "ids start at 1; the event was inserted by hand)",
								   (long long) this_lane, (long long) this_seq, (long long) row.event_id,
								   (long long) this_lane, (long long) this_seq, (long long) row.event_id);
				break;
			}
			if (seq > 0 && row.event_id <= last_id)
			{
				*broken = row.event_id;
				*detail = psprintf("链 %lld 序号 %lld 的事件编号 %lld 不大于上一事件的 %lld (lane %lld seq %lld: event_id %lld "
								   "is not above the previous event's %lld; within a lane ids rise with lane_seq: "
								   "the event was inserted or moved by hand)",
								   (long long) this_lane, (long long) this_seq, (long long) row.event_id, (long long) last_id,
								   (long long) this_lane, (long long) this_seq, (long long) row.event_id, (long long) last_id);
				break;
			}
			if (this_seq != seq + 1)
			{
				*broken = row.event_id;
				*detail = psprintf("链 %lld 的序号不连续: 应为 %lld, 实为 %lld (lane %lld is not contiguous: an event was removed)",
								   (long long) lane, (long long) (seq + 1), (long long) this_seq, (long long) lane);
				break;
			}
			if (stored_prev == NULL || VARSIZE_ANY_EXHDR(stored_prev) != BJXM_HASH_LEN ||
				memcmp(VARDATA_ANY(stored_prev), prev, BJXM_HASH_LEN) != 0)
			{
				*broken = row.event_id;
				*detail = psprintf("前序哈希与链 %lld 的上一事件不符 (prev_hash does not link to the previous event of lane %lld)",
								   (long long) lane, (long long) lane);
				break;
			}
			bjxm_event_hash(prev, &row, hash);
			if (stored_hash == NULL || VARSIZE_ANY_EXHDR(stored_hash) != BJXM_HASH_LEN ||
				memcmp(VARDATA_ANY(stored_hash), hash, BJXM_HASH_LEN) != 0)
			{
				*broken = row.event_id;
				*detail = pstrdup("事件内容与其 SM3 哈希不符, 记录被改动 (the event does not match its SM3 hash: it was altered)");
				break;
			}
			/* 第三十条: what an anchor kept outside the database pins */
			while (k < nanchors && anchors[k].lane == this_lane && anchors[k].seq == this_seq)
			{
				if (memcmp(anchors[k].hash, hash, BJXM_HASH_LEN) != 0)
				{
					char		want[65];
					char		got[65];

					bj_hash_hex(anchors[k].hash, want);
					bj_hash_hex(hash, got);
					*broken = row.event_id;
					*detail = psprintf("链 %lld 序号 %lld 的哈希与锚点不符: 锚点 %s, 日志 %s; 该事件或本链此前的事件被改写, 链被重新链接 "
									   "(lane %lld seq %lld does not match the anchor: anchor %s, log %s; it or an earlier event "
									   "of the lane was rewritten and the chain re-linked)",
									   (long long) this_lane, (long long) this_seq, want, got,
									   (long long) this_lane, (long long) this_seq, want, got);
					break;
				}
				k++;
			}
			if (*broken != 0)
				break;

			/*
			 * 第三十条: every id below the anchor's horizon was committed
			 * when the anchor was taken, so lies in an anchored prefix
			 * (read_heads).  An event below it beyond its lane's anchored
			 * seq, or in a lane the anchor does not name, was inserted
			 * later with an old id: a hand-made event "in the past".
			 */
			if (row.event_id < horizon && this_seq > anchored)
			{
				*broken = row.event_id;
				*detail = psprintf("事件 %lld 的编号低于锚点的界限 %lld, 取锚点时它却不在 (链 %lld 序号 %lld; %s): 事件是事后插入的 "
								   "(event %lld (id below the anchor's horizon %lld) was not there when the anchor was taken: "
								   "lane %lld seq %lld; %s; it was inserted later)",
								   (long long) row.event_id, (long long) horizon, (long long) this_lane, (long long) this_seq,
								   anchored > 0 ? psprintf("锚点止于序号 %lld", (long long) anchored) : "锚点中没有此链",
								   (long long) row.event_id, (long long) horizon, (long long) this_lane, (long long) this_seq,
								   anchored > 0 ? psprintf("the anchor covers the lane up to seq %lld", (long long) anchored)
								   : "the anchor does not name the lane");
				break;
			}
			memcpy(prev, hash, BJXM_HASH_LEN);
			seq = this_seq;
			last_id = row.event_id;
			(*checked)++;
		}
	}
	SPI_cursor_close(portal);
	if (*broken == 0 && lane != PG_INT64_MIN && !lane_end_matches(head, lane, seq, prev, last_id, detail))
		*broken = head ? head->last_event_id : -1;
	/* anchors beyond the end of their lane */
	if (*broken == 0 && k < nanchors)
	{
		*broken = anchors[k].lane == lane ? last_id : -1;
		*detail = anchor_missing(&anchors[k], lane, seq);
	}
	/* a head whose lane has no event left must be empty */
	for (int k = 0; k < nheads && *broken == 0; k++)
		if (!heads[k].seen && heads[k].last_seq != 0)
		{
			*broken = heads[k].last_event_id;
			*detail = psprintf("链 %lld 的链头记录 %lld 个事件, 日志中一个也没有 (the head of lane %lld names %lld events and the log has none: they were removed)",
							   (long long) heads[k].lane, (long long) heads[k].last_seq,
							   (long long) heads[k].lane, (long long) heads[k].last_seq);
		}
}

PG_FUNCTION_INFO_V1(bjxm_verify_events);
/*
 * bjxm.verify_events() → (checked, first_broken, detail): walks the event
 * log in id order recomputing the SM3 chain; reports the first event whose
 * id, link or hash does not hold, and a chain head that does not match the
 * last event (a removed tail).  auditor or bigdata (第三十条).
 *
 * bjxm.verify_events(anchors text) (0.3.0, issue 17): the same, and every
 * anchor of the text chain_anchor_text() returned must name an event of
 * the log with exactly that hash; a rewrite the anchor covers, re-linked
 * to the end of its lane and head, is reported at the anchored event.
 */
Datum
bjxm_verify_events(PG_FUNCTION_ARGS)
{
	static const char *const duties[] = {"auditor", "bigdata"};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BjxmDutyRefusal why;
	Portal		portal;
	SPIPlanPtr	plan;
	unsigned char prev[BJXM_HASH_LEN];
	int64		checked = 0;
	int64		expected_id = 0;
	int64		broken = 0;
	char	   *detail = NULL;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	MemoryContext outer = CurrentMemoryContext;
	AnchorList	anchors = {NULL, 0, 0};
	int64		horizon = 0;	/* 0: no horizon line (an older anchor text) */
	bool		no_horizon = false;

	InitMaterializedSRF(fcinfo, 0);
	bjxm_spi_connect();
	if (bjxm_duty_check("verify_events", BJ_ART_SUPERVISION, duties, 2, 0, true, NULL, NULL, &why) == BJXM_DUTY_REFUSED)
		bjxm_duty_raise(&why, 0);

	/* verify_events(anchors text) (0.3.0): the text of chain_anchor_text() */
	if (PG_NARGS() == 1)
	{
		text	   *t;
		long		line = 0;
		const char *bad = NULL;

		if (PG_ARGISNULL(0))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: 锚点不能为空 (anchors must not be NULL)", bjxm_clause_cstring(BJ_ART_SUPERVISION, 0)),
					 errhint("传入 bjxm.chain_anchor_text() 输出的原文; 不用锚点时调用 bjxm.verify_events()。")));
		t = PG_GETARG_TEXT_PP(0);
		if (bj_anchors_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), anchor_collect, &anchors, &horizon, &line, &bad) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("%s: 锚点文本无效 (invalid anchor text)", bjxm_clause_cstring(BJ_ART_SUPERVISION, 0)),
					 errdetail("第 %ld 行 (line %ld): %s", line, line, bad),
					 errhint("传入 bjxm.chain_anchor_text() 输出的原文, 不作改动 (pass the text chain_anchor_text() returned, unchanged).")));
		if (anchors.n > 1)
			qsort(anchors.a, anchors.n, sizeof(Anchor), anchor_cmp);
		if (!log_has_column("lane"))
			elog(ERROR, "bjxm: verify_events(anchors) needs the 0.3.0 event lanes (ALTER EXTENSION bjxm UPDATE)");
	}

	if (log_has_column("lane"))
	{
		no_horizon = PG_NARGS() == 1 && horizon == 0;
		verify_lanes(&checked, &broken, &detail, anchors.a, anchors.n, no_horizon ? 0 : horizon);
		/* an older anchor text: the horizon check was not done; say so */
		if (broken == 0 && detail == NULL && no_horizon)
			detail = pstrdup("锚点文本没有界限行 (bjxm-anchor-horizon-v1), 未核对事后以旧编号插入的事件; 锚点所记的哈希均已核对 "
							 "(the anchor text has no horizon line: events inserted later with ids below it were not looked for; "
							 "the anchored hashes were checked)");
		goto done;
	}
	memset(prev, 0, sizeof(prev));
	plan = SPI_prepare(log_has_column("login")
					   ? "SELECT " EVENT_COLUMNS ", e.prev_hash, e.hash, e.login::pg_catalog.text FROM bjxm.events e ORDER BY e.event_id"
					   : "SELECT " EVENT_COLUMNS ", e.prev_hash, e.hash FROM bjxm.events e ORDER BY e.event_id", 0, NULL);
	if (plan == NULL)
		elog(ERROR, "bjxm: verify_events: prepare failed");
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
	while (broken == 0)
	{
		SPI_cursor_fetch(portal, true, 1000);
		if (SPI_processed == 0)
			break;
		for (uint64 i = 0; i < SPI_processed && broken == 0; i++)
		{
			HeapTuple	t = SPI_tuptable->vals[i];
			TupleDesc	d = SPI_tuptable->tupdesc;
			bool		isnull;
			BjxmEventRow row;
			unsigned char hash[BJXM_HASH_LEN];
			Datum		v;
			bytea	   *stored_prev;
			bytea	   *stored_hash;

			event_row_from_tuple(t, d, &row);
			v = SPI_getbinval(t, d, 15, &isnull);
			stored_prev = isnull ? NULL : DatumGetByteaPP(v);
			v = SPI_getbinval(t, d, 16, &isnull);
			stored_hash = isnull ? NULL : DatumGetByteaPP(v);

			expected_id++;
			if (row.event_id != expected_id)
			{
				broken = row.event_id;
				detail = psprintf("事件编号不连续: 应为 %lld, 实为 %lld (event ids are not contiguous: an event was removed)",
								  (long long) expected_id, (long long) row.event_id);
				break;
			}
			if (stored_prev == NULL || VARSIZE_ANY_EXHDR(stored_prev) != BJXM_HASH_LEN ||
				memcmp(VARDATA_ANY(stored_prev), prev, BJXM_HASH_LEN) != 0)
			{
				broken = row.event_id;
				detail = pstrdup("前序哈希与上一事件不符 (prev_hash does not link to the previous event)");
				break;
			}
			bjxm_event_hash(prev, &row, hash);
			if (stored_hash == NULL || VARSIZE_ANY_EXHDR(stored_hash) != BJXM_HASH_LEN ||
				memcmp(VARDATA_ANY(stored_hash), hash, BJXM_HASH_LEN) != 0)
			{
				broken = row.event_id;
				detail = pstrdup("事件内容与其 SM3 哈希不符, 记录被改动 (the event does not match its SM3 hash: it was altered)");
				break;
			}
			memcpy(prev, hash, BJXM_HASH_LEN);
			checked++;
		}
	}
	SPI_cursor_close(portal);

	/* The chain head names the last event: a removed tail shows here. */
	if (broken == 0)
	{
		if (SPI_execute("SELECT c.last_event_id, c.last_hash FROM bjxm.event_chain c WHERE c.id OPERATOR(pg_catalog.=) 1",
						true, 1) != SPI_OK_SELECT)
			elog(ERROR, "bjxm: verify_events: chain head lookup failed");
		if (SPI_processed == 1)
		{
			bool		isnull;
			int64		last = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
			Datum		h = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);

			if (last != checked || (checked > 0 && (isnull ||
													memcmp(VARDATA_ANY(DatumGetByteaPP(h)), prev, BJXM_HASH_LEN) != 0)))
			{
				broken = checked + 1;
				detail = psprintf("事件链头记录 %lld 条, 日志中可验证 %lld 条 (the chain head does not match the log's last event: events were removed)",
								  (long long) last, (long long) checked);
			}
		}
	}
done:
	{
		MemoryContext spi = MemoryContextSwitchTo(outer);

		detail = detail ? pstrdup(detail) : NULL;
		MemoryContextSwitchTo(spi);
	}
	SPI_finish();

	values[0] = Int64GetDatum(checked);
	values[1] = Int64GetDatum(broken);
	nulls[1] = broken == 0 && (detail == NULL || no_horizon);
	if (detail)
		values[2] = CStringGetTextDatum(detail);
	else
		nulls[2] = true;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(bjxm_upgrade_chain);
/*
 * Hash the events recorded before the chain existed, in id order (used
 * once by the 0.1.0 → 0.2.0 upgrade script, with the append-only trigger
 * disabled for the duration of that script).  Returns the events hashed.
 */
Datum
bjxm_upgrade_chain(PG_FUNCTION_ARGS)
{
	unsigned char prev[BJXM_HASH_LEN];
	SPIPlanPtr	sel;
	SPIPlanPtr	upd;
	Oid			types[3] = {INT8OID, BYTEAOID, BYTEAOID};
	Portal		portal;
	int64		n = 0;

	/*
	 * Issue 17: it re-links the whole chain, so it runs only inside the
	 * extension's own upgrade script; a function bound to this symbol
	 * afterwards (CREATE FUNCTION … AS '$libdir/bjxm', 'bjxm_upgrade_chain')
	 * is refused.  A superuser can still edit the catalogs or load other
	 * code: anchors kept outside the database catch a re-link (design.md §12).
	 */
	bjxm_require_extension_script("bjxm_upgrade_chain");
	bjxm_spi_connect();
	memset(prev, 0, sizeof(prev));
	sel = SPI_prepare("SELECT " EVENT_COLUMNS " FROM bjxm.events e ORDER BY e.event_id", 0, NULL);
	upd = SPI_prepare("UPDATE bjxm.events SET prev_hash = $2, hash = $3 WHERE event_id OPERATOR(pg_catalog.=) $1",
					  3, types);
	if (sel == NULL || upd == NULL)
		elog(ERROR, "bjxm: upgrade_chain: prepare failed");
	portal = SPI_cursor_open(NULL, sel, NULL, NULL, false);
	for (;;)
	{
		SPITupleTable *batch;
		uint64		got;

		SPI_cursor_fetch(portal, true, 1000);
		got = SPI_processed;
		batch = SPI_tuptable;
		if (got == 0)
			break;
		for (uint64 i = 0; i < got; i++)
		{
			HeapTuple	t = batch->vals[i];
			TupleDesc	d = batch->tupdesc;
			BjxmEventRow row;
			unsigned char hash[BJXM_HASH_LEN];
			Datum		args[3];

			event_row_from_tuple(t, d, &row);
			bjxm_event_hash(prev, &row, hash);
			args[0] = Int64GetDatum(row.event_id);
			args[1] = bytea_of(prev, BJXM_HASH_LEN);
			args[2] = bytea_of(hash, BJXM_HASH_LEN);
			if (SPI_execute_plan(upd, args, NULL, false, 0) != SPI_OK_UPDATE)
				elog(ERROR, "bjxm: upgrade_chain: update failed");
			memcpy(prev, hash, BJXM_HASH_LEN);
			n++;
		}
	}
	SPI_cursor_close(portal);
	{
		Oid			t1[1] = {BYTEAOID};
		Datum		a1[1];

		a1[0] = bytea_of(prev, BJXM_HASH_LEN);
		if (SPI_execute_with_args("UPDATE bjxm.event_chain SET last_hash = CASE WHEN last_event_id OPERATOR(pg_catalog.>) 0 "
								  "THEN $1 END WHERE id OPERATOR(pg_catalog.=) 1", 1, t1, a1, NULL, false, 0) != SPI_OK_UPDATE)
			elog(ERROR, "bjxm: upgrade_chain: chain head update failed");
	}
	SPI_finish();
	PG_RETURN_INT64(n);
}

/* The hex digest of a bytea hash; NULL if it is not one. */
static bool
bytea_hash(Datum d, bool isnull, unsigned char *out)
{
	bytea	   *b;

	if (isnull)
		return false;
	b = DatumGetByteaPP(d);
	if (VARSIZE_ANY_EXHDR(b) != BJXM_HASH_LEN)
		return false;
	memcpy(out, VARDATA_ANY(b), BJXM_HASH_LEN);
	return true;
}

/* Refuse unless the caller is the auditor or bigdata (第三十条). */
static void
require_audit_duty(const char *name)
{
	static const char *const duties[] = {"auditor", "bigdata"};
	BjxmDutyRefusal why;

	if (bjxm_duty_check(name, BJ_ART_SUPERVISION, duties, 2, 0, true, NULL, NULL, &why) == BJXM_DUTY_REFUSED)
		bjxm_duty_raise(&why, 0);
}

PG_FUNCTION_INFO_V1(bjxm_export_events);
/*
 * bjxm.export_events(after bigint DEFAULT 0) → SETOF text: the event log
 * for the offline verifier (docs/event-export.md): one bjxm-export-v1 line
 * per event with event_id > after, in (lane, lane_seq) order, then one
 * bjxm-head-v1 line per lane head with events after `after`; both read
 * under one snapshot, so the heads match the events exported.  Auditor or
 * bigdata (第三十条).
 */
Datum
bjxm_export_events(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			types[1] = {INT8OID};
	Datum		args[1];
	SPIPlanPtr	plan;
	Portal		portal;
	MemoryContext row_cxt;
	MemoryContext old;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: after 不能为空, 全部导出用 0 (after must not be NULL; 0 exports everything)",
						bjxm_clause_cstring(BJ_ART_SUPERVISION, 0))));
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	bjxm_spi_connect();
	require_audit_duty("export_events");
	if (!log_has_column("lane"))
		elog(ERROR, "bjxm: export_events needs the 0.3.0 event lanes (ALTER EXTENSION bjxm UPDATE)");
	args[0] = PG_GETARG_DATUM(0);
	row_cxt = AllocSetContextCreate(CurrentMemoryContext, "bjxm export line", ALLOCSET_DEFAULT_SIZES);

	plan = SPI_prepare("SELECT " EVENT_COLUMNS ", e.prev_hash, e.hash, e.login::pg_catalog.text, e.lane, e.lane_seq "
					   "FROM bjxm.events e WHERE e.event_id OPERATOR(pg_catalog.>) $1 ORDER BY e.lane, e.lane_seq",
					   1, types);
	if (plan == NULL)
		elog(ERROR, "bjxm: export_events: prepare failed");
	/* read-only: the cursor and the heads below use the statement's one snapshot */
	portal = SPI_cursor_open(NULL, plan, args, NULL, true);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, 1000);
		if (SPI_processed == 0)
			break;
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			HeapTuple	t = SPI_tuptable->vals[i];
			TupleDesc	d = SPI_tuptable->tupdesc;
			BjxmEventRow row;
			bj_event	c;
			bool		isnull;
			unsigned char prev[BJXM_HASH_LEN];
			unsigned char hash[BJXM_HASH_LEN];
			int64		lane;
			int64		lane_seq;
			size_t		n;
			char	   *line;
			Datum		v;
			bool		vnull = false;

			old = MemoryContextSwitchTo(row_cxt);
			event_row_from_tuple(t, d, &row);
			memset(prev, 0, sizeof(prev));
			memset(hash, 0, sizeof(hash));
			v = SPI_getbinval(t, d, 15, &isnull);
			(void) bytea_hash(v, isnull, prev);
			v = SPI_getbinval(t, d, 16, &isnull);
			(void) bytea_hash(v, isnull, hash);
			lane = DatumGetInt64(SPI_getbinval(t, d, 18, &isnull));
			lane_seq = DatumGetInt64(SPI_getbinval(t, d, 19, &isnull));
			core_event(&row, &c);
			n = bj_export_event_line(&c, lane, lane_seq, prev, hash, NULL, 0);
			line = palloc(n + 1);
			bj_export_event_line(&c, lane, lane_seq, prev, hash, line, n);
			line[n] = '\0';
			MemoryContextSwitchTo(old);
			v = CStringGetTextDatum(line);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &v, &vnull);
			pfree(DatumGetPointer(v));
			MemoryContextReset(row_cxt);
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);

	/* the heads, under the same snapshot */
	{
		static const char q[] = "SELECT l.lane, l.last_seq, l.last_event_id, l.last_hash FROM bjxm.event_lanes l "
			"WHERE l.last_seq OPERATOR(pg_catalog.>) 0 AND l.last_event_id OPERATOR(pg_catalog.>) $1 ORDER BY l.lane";
		SPIPlanPtr	hp = SPI_prepare(q, 1, types);

		if (hp == NULL || SPI_execute_plan(hp, args, NULL, true, 0) != SPI_OK_SELECT)
			elog(ERROR, "bjxm: export_events: lane heads lookup failed");
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			HeapTuple	t = SPI_tuptable->vals[i];
			TupleDesc	d = SPI_tuptable->tupdesc;
			bool		isnull;
			unsigned char hash[BJXM_HASH_LEN];
			char		buf[256];
			size_t		n;
			Datum		v;
			bool		vnull = false;

			memset(hash, 0, sizeof(hash));
			v = SPI_getbinval(t, d, 4, &isnull);
			(void) bytea_hash(v, isnull, hash);
			n = bj_export_head_line(DatumGetInt64(SPI_getbinval(t, d, 1, &isnull)),
									DatumGetInt64(SPI_getbinval(t, d, 2, &isnull)),
									DatumGetInt64(SPI_getbinval(t, d, 3, &isnull)), hash, buf, sizeof(buf) - 1);
			buf[n < sizeof(buf) - 1 ? n : sizeof(buf) - 1] = '\0';
			v = CStringGetTextDatum(buf);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &v, &vnull);
		}
	}
	SPI_finish();
	return (Datum) 0;
}

/*
 * The committed lane heads with events, in lane order, left in
 * SPI_tuptable (caller in SPI), and the anchor's horizon, all under one
 * fresh snapshot: the least of events_since's horizon (lane_horizon) and
 * the greatest head last_event_id + 1.  Every id below it was committed
 * when the heads were read, so lies in a lane prefix they cover, or never
 * will be (docs/design.md §12): the ids below the largest committed one
 * were all taken before the snapshot, and a writer still in flight then
 * holds a head visible in it, which lane_horizon counts (§3's proof).
 */
static int64
read_heads(void)
{
	static SPIPlanPtr plan_max = NULL;
	static SPIPlanPtr plan_heads = NULL;
	Snapshot	snap;
	int64		horizon;
	int64		top = 0;
	bool		isnull;
	Datum		v;

	snap = RegisterSnapshot(GetLatestSnapshot());
	bjxm_plan(&plan_max, "SELECT pg_catalog.max(l.last_event_id) FROM bjxm.event_lanes l", 0, NULL);
	if (SPI_execute_snapshot(plan_max, NULL, NULL, snap, InvalidSnapshot, true, false, 0) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "bjxm: chain_anchor: lane heads lookup failed");
	v = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (!isnull)
		top = DatumGetInt64(v);
	horizon = lane_horizon(snap);
	if (top < 0)
		top = 0;
	if (top + 1 < horizon)
		horizon = top + 1;
	bjxm_plan(&plan_heads, "SELECT l.lane, l.last_seq, l.last_event_id, l.last_hash FROM bjxm.event_lanes l "
			  "WHERE l.last_seq OPERATOR(pg_catalog.>) 0 ORDER BY l.lane", 0, NULL);
	if (SPI_execute_snapshot(plan_heads, NULL, NULL, snap, InvalidSnapshot, true, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: chain_anchor: lane heads lookup failed");
	UnregisterSnapshot(snap);
	return horizon;
}

PG_FUNCTION_INFO_V1(bjxm_chain_anchor);
/*
 * bjxm.chain_anchor() → TABLE (lane, lane_seq, event_id, hash, taken_at,
 * horizon): every lane head with events, for an auditor to keep outside
 * the database (第三十条), and on each row the anchor's horizon
 * (read_heads).  Auditor or bigdata.
 */
Datum
bjxm_chain_anchor(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TimestampTz now = GetCurrentTimestamp();
	int64		horizon;

	InitMaterializedSRF(fcinfo, 0);
	bjxm_spi_connect();
	require_audit_duty("chain_anchor");
	horizon = read_heads();
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		unsigned char hash[BJXM_HASH_LEN];
		char		hex[65];
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		bool		hnull;
		Datum		h = SPI_getbinval(t, d, 4, &hnull);

		values[0] = SPI_getbinval(t, d, 1, &isnull);
		values[1] = SPI_getbinval(t, d, 2, &isnull);
		values[2] = SPI_getbinval(t, d, 3, &isnull);
		if (bytea_hash(h, hnull, hash))
		{
			bj_hash_hex(hash, hex);
			values[3] = CStringGetTextDatum(hex);
		}
		else
			nulls[3] = true;
		values[4] = TimestampTzGetDatum(now);
		values[5] = Int64GetDatum(horizon);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(bjxm_chain_anchor_text);
/*
 * bjxm.chain_anchor_text() → text: the anchors as lines
 * "bjxm-anchor-v1 TAB lane TAB lane_seq TAB hash_hex", the line
 * "bjxm-anchor-horizon-v1 TAB horizon" (read_heads), then
 * "bjxm-anchor-sum-v1 TAB" the SM3 of the lines before it; the text that
 * verify_events(anchors) and bjxm-verify --anchors read.  Auditor or
 * bigdata (第三十条).
 */
Datum
bjxm_chain_anchor_text(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	char		line[256];
	size_t		n;
	text	   *result;
	int64		horizon;

	initStringInfo(&buf);		/* in the caller's context: it outlives SPI */
	bjxm_spi_connect();
	require_audit_duty("chain_anchor_text");
	horizon = read_heads();
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		unsigned char hash[BJXM_HASH_LEN];
		Datum		h = SPI_getbinval(t, d, 4, &isnull);

		if (!bytea_hash(h, isnull, hash))
			elog(ERROR, "bjxm: chain_anchor_text: lane " INT64_FORMAT " has events and no head hash",
				 DatumGetInt64(SPI_getbinval(t, d, 1, &isnull)));
		n = bj_anchor_line(DatumGetInt64(SPI_getbinval(t, d, 1, &isnull)),
						   DatumGetInt64(SPI_getbinval(t, d, 2, &isnull)), hash, line, sizeof(line));
		appendBinaryStringInfo(&buf, line, (int) n);
		appendStringInfoChar(&buf, '\n');
	}
	n = bj_anchor_horizon_line(horizon, line, sizeof(line));
	appendBinaryStringInfo(&buf, line, (int) n);
	appendStringInfoChar(&buf, '\n');
	n = bj_anchor_sum_line(buf.data, buf.len, line, sizeof(line));
	appendBinaryStringInfo(&buf, line, (int) n);
	SPI_finish();
	result = cstring_to_text_with_len(buf.data, buf.len);
	PG_RETURN_TEXT_P(result);
}
