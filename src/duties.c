/*
 * duties.c — who may act (第三条 部门职责, 第三十五条 counties by reference).
 *
 * The acting role is the role in effect when a public function is called,
 * captured with GetOuterUserId(): inside a SECURITY DEFINER function
 * current_user is the owner, but the outer user is still the caller's role
 * after SET ROLE, so pooled connections are checked per request.
 *
 * Duties are the NOLOGIN group roles bjxm_<duty>.  A duty is scoped:
 * user_unit to the units the actor is a member of; bigdata, finance,
 * city_gov and auditor to the actor's jurisdiction (the city 520500 acts
 * everywhere, a county only on units of that region).  Superusers pass
 * every duty check and are flagged in the event log; no one passes a rule.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "bjxm.h"
#include "errors.h"

#define BJXM_CITY_REGION "520500"

/* The acting role (see the file comment). */
Oid
bjxm_actor(void)
{
	return GetOuterUserId();
}

/* The acting role's name. */
const char *
bjxm_actor_name(void)
{
	const char *n = GetUserNameFromId(bjxm_actor(), true);

	return n ? n : "?";
}

/* Whether role has the privileges of group role "bjxm_<duty>". */
static bool
has_duty(Oid role, const char *duty)
{
	char		rolname[NAMEDATALEN];
	Oid			dutyrole;

	snprintf(rolname, sizeof(rolname), "bjxm_%s", duty);
	dutyrole = get_role_oid(rolname, true);
	return OidIsValid(dutyrole) && has_privs_of_role(role, dutyrole);
}

/* Whether role holds a duty that may not also act for a unit (第三条). */
static bool
has_oversight_duty(Oid role)
{
	return has_duty(role, "bigdata") || has_duty(role, "finance") || has_duty(role, "city_gov");
}

/* The role's jurisdiction: its region, or the city by default (第三十五条). */
static char *
jurisdiction_of(const char *rolname)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {NAMEOID};
	Datum		args[1];
	NameData	n;
	char	   *region = NULL;

	namestrcpy(&n, rolname);	/* a full NAMEDATALEN datum, not a short C string */
	args[0] = NameGetDatum(&n);
	bjxm_plan(&plan, "SELECT j.region FROM bjxm.jurisdictions j WHERE j.member OPERATOR(pg_catalog.=) $1",
			  1, argtypes);
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: jurisdiction lookup failed");
	if (SPI_processed == 1)
		region = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	return region ? region : pstrdup(BJXM_CITY_REGION);
}

/* The region of a unit, or NULL if there is no such unit. */
static char *
region_of_unit(int64 unit_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];

	args[0] = Int64GetDatum(unit_id);
	bjxm_plan(&plan, "SELECT u.region FROM bjxm.units u WHERE u.unit_id OPERATOR(pg_catalog.=) $1",
			  1, argtypes);
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: unit lookup failed");
	if (SPI_processed != 1)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* Whether rolname is recorded as a member of the unit. */
static bool
is_unit_member(const char *rolname, int64 unit_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[2] = {NAMEOID, INT8OID};
	Datum		args[2];
	NameData	n;

	namestrcpy(&n, rolname);
	args[0] = NameGetDatum(&n);
	args[1] = Int64GetDatum(unit_id);
	bjxm_plan(&plan, "SELECT 1 FROM bjxm.unit_members m WHERE m.member OPERATOR(pg_catalog.=) $1 "
			  "AND m.unit_id OPERATOR(pg_catalog.=) $2", 2, argtypes);
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: membership lookup failed");
	return SPI_processed == 1;
}

/* Whether a jurisdiction covers a region: the city covers all. */
static bool
covers(const char *jurisdiction, const char *region)
{
	return strcmp(jurisdiction, BJXM_CITY_REGION) == 0 ||
		(region != NULL && strcmp(jurisdiction, region) == 0);
}

/*
 * Whether the actor sees a project of unit unit_id (in unit_region): the C
 * form of the projects policy, _sees_all_units() OR unit_id IN
 * _visible_units() OR an entrustment of the actor's institution (第三条,
 * 第三十五条, 第七条, 第十四条).  Called by every action: one primary-key
 * probe (jurisdiction or membership) instead of two SECURITY DEFINER SQL
 * functions.  Must run inside SPI.
 */
bool
bjxm_actor_sees_project(int64 unit_id, const char *unit_region, int64 project_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			actor = bjxm_actor();
	const char *name;
	Oid			argtypes[2] = {INT8OID, NAMEOID};
	Datum		args[2];
	NameData	n;

	if (superuser_arg(actor))
		return true;
	name = bjxm_actor_name();
	/* 第三十五条: oversight duties see the units of their jurisdiction. */
	if ((has_oversight_duty(actor) || has_duty(actor, "auditor")) &&
		covers(jurisdiction_of(name), unit_region))
		return true;
	/* 第三条: a unit's own staff. */
	if (has_duty(actor, "user_unit") && is_unit_member(name, unit_id))
		return true;
	/* 第七条, 第十四条: the review institution entrusted with this project. */
	namestrcpy(&n, name);
	args[0] = Int64GetDatum(project_id);
	args[1] = NameGetDatum(&n);
	bjxm_plan(&plan, "SELECT 1 FROM bjxm.entrustments e JOIN bjxm.party_members m "
			  "ON m.party_id OPERATOR(pg_catalog.=) e.party_id "
			  "WHERE e.project_id OPERATOR(pg_catalog.=) $1 AND m.member OPERATOR(pg_catalog.=) $2",
			  2, argtypes);
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: entrustment lookup failed");
	return SPI_processed == 1;
}

/* Chinese name of a duty, for messages. */
static const char *
duty_label(const char *duty)
{
	if (strcmp(duty, "user_unit") == 0)
		return "用户单位 (bjxm_user_unit)";
	if (strcmp(duty, "bigdata") == 0)
		return "大数据部门 (bjxm_bigdata)";
	if (strcmp(duty, "finance") == 0)
		return "财政部门 (bjxm_finance)";
	if (strcmp(duty, "reviewer") == 0)
		return "第三方评审机构 (bjxm_reviewer)";
	if (strcmp(duty, "city_gov") == 0)
		return "市人民政府 (bjxm_city_gov)";
	if (strcmp(duty, "auditor") == 0)
		return "审计机关 (bjxm_auditor)";
	return duty;
}

/*
 * Check the actor for action: one of duties (names without the bjxm_
 * prefix), scoped to unit_id (if not unit_null) or to region (if not
 * NULL); unit_region, if not NULL, is unit_id's region as the caller
 * already read it (saves the lookup).  Returns the index of the duty that
 * matched, -1 for a superuser, or BJXM_DUTY_REFUSED with *why filled in (42501 naming the article).
 * Caller is connected to SPI.
 */
int
bjxm_duty_check(const char *action, int article, const char *const *duties, int nduties,
				int64 unit_id, bool unit_null, const char *unit_region, const char *region,
				BjxmDutyRefusal *why)
{
	Oid			actor = bjxm_actor();
	const char *actor_name = bjxm_actor_name();
	char	   *jurisdiction = NULL;
	bool		had_duty = false;
	bool		out_of_jurisdiction = false;
	StringInfoData wanted;

	if (superuser_arg(actor))
		return -1;

	why->action = action;
	why->article = article;
	why->detail = NULL;
	why->hint = NULL;
	if (!unit_null)
	{
		region = unit_region ? unit_region : region_of_unit(unit_id);
		if (region == NULL)
		{
			why->article = 3;
			why->message = psprintf("单位不存在或无权访问 (no such unit, or not visible to %s)", actor_name);
			return BJXM_DUTY_REFUSED;
		}
	}

	initStringInfo(&wanted);
	for (int i = 0; i < nduties; i++)
	{
		const char *duty = duties[i];

		appendStringInfo(&wanted, "%s%s", i ? "、" : "", duty_label(duty));
		if (!has_duty(actor, duty))
			continue;
		had_duty = true;
		if (strcmp(duty, "user_unit") == 0)
		{
			/* 第三条: oversight departments do not act as a user unit. */
			if (has_oversight_duty(actor))
				continue;
			if (!unit_null && is_unit_member(actor_name, unit_id))
				return i;
			continue;
		}
		if (strcmp(duty, "reviewer") == 0)
			return i;			/* the entrusted party is checked by the caller */
		if (jurisdiction == NULL)
			jurisdiction = jurisdiction_of(actor_name);
		if (region == NULL || covers(jurisdiction, region))
			return i;
		out_of_jurisdiction = true;
	}

	if (out_of_jurisdiction)
	{
		why->article = 35;
		why->message = psprintf("角色“%s”的管辖范围(%s)不含区划 %s, 不能执行“%s” (%s: outside the jurisdiction of %s)",
								actor_name, jurisdiction, region, action, action, actor_name);
		why->detail = "各县(自治县、市、区)参照本办法执行: 县级部门只对本县单位履行职责, 市级部门对全市履行职责。";
		why->hint = "由有管辖权的部门执行, 或由市级大数据部门调整管辖范围 (bjxm.set_jurisdiction)。";
	}
	else if (had_duty)
	{
		why->message = psprintf("角色“%s”不是该单位的成员, 不能执行“%s” (%s is not a member of the unit)",
								actor_name, action, actor_name);
		why->detail = "用户单位只能代表其所属单位; 大数据部门、财政部门、市人民政府的成员不代表用户单位。";
		why->hint = "由大数据部门以 bjxm.grant_unit_member 登记单位成员。";
	}
	else
	{
		why->message = psprintf("“%s”须由%s执行 (%s requires the duty of %s)",
								action, wanted.data, action, wanted.data);
		why->detail = psprintf("角色“%s”不具备该职责。%s规定由%s负责。", actor_name,
							   bjxm_clause_cstring(article, 0), wanted.data);
		why->hint = psprintf("由数据库管理员授予相应职责角色, 如 GRANT bjxm_… TO %s。", actor_name);
	}
	return BJXM_DUTY_REFUSED;
}

/* Raise a duty refusal as 42501 (the PL/pgSQL caller's handler logs it). */
static void
bjxm_duty_raise_unlogged(const BjxmDutyRefusal *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("%s: %s", bjxm_clause_cstring(why->article, 0), why->message),
			 why->detail ? errdetail("%s", why->detail) : 0,
			 why->hint ? errhint("%s", why->hint) : 0));
}

/* Raise a duty refusal as 42501 with its clause, after logging it. */
void
bjxm_duty_raise(const BjxmDutyRefusal *why, int64 project_id)
{
	bjxm_log_refusal(ERRCODE_INSUFFICIENT_PRIVILEGE, bjxm_clause_cstring(why->article, 0), why->action, project_id);
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("%s: %s", bjxm_clause_cstring(why->article, 0), why->message),
			 why->detail ? errdetail("%s", why->detail) : 0,
			 why->hint ? errhint("%s", why->hint) : 0));
}

PG_FUNCTION_INFO_V1(bjxm_authorize);
/*
 * bjxm._authorize(action text, article int, duties text[], unit_id bigint,
 * region text) → text: the duty under which the actor may act (internal).
 */
Datum
bjxm_authorize(PG_FUNCTION_ARGS)
{
	const char *action;
	int			article;
	ArrayType  *arr;
	Datum	   *duties;
	int			nduties;
	int			matched;
	char	  **names;
	BjxmDutyRefusal why;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		elog(ERROR, "bjxm: _authorize needs action, article and duties");
	action = text_to_cstring(PG_GETARG_TEXT_PP(0));
	article = PG_GETARG_INT32(1);
	arr = PG_GETARG_ARRAYTYPE_P(2);
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &duties, NULL, &nduties);
	names = palloc(sizeof(char *) * (nduties + 1));
	for (int i = 0; i < nduties; i++)
		names[i] = TextDatumGetCString(duties[i]);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	matched = bjxm_duty_check(action, article, (const char *const *) names, nduties,
							  PG_ARGISNULL(3) ? 0 : PG_GETARG_INT64(3), PG_ARGISNULL(3), NULL,
							  PG_ARGISNULL(4) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(4)), &why);
	if (matched == BJXM_DUTY_REFUSED)
		bjxm_duty_raise_unlogged(&why);
	SPI_finish();
	if (matched < 0)
		PG_RETURN_TEXT_P(cstring_to_text("superuser"));
	PG_RETURN_DATUM(duties[matched]);
}

PG_FUNCTION_INFO_V1(bjxm_acting_role);
/* bjxm.acting_role() → name: the role bjxm checks, also inside definer code. */
Datum
bjxm_acting_role(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(DirectFunctionCall1(namein, CStringGetDatum(bjxm_actor_name())));
}

PG_FUNCTION_INFO_V1(bjxm_has_duty);
/* bjxm._has_duty(duty text) → bool: the actor holds bjxm_<duty> (or is superuser). */
Datum
bjxm_has_duty(PG_FUNCTION_ARGS)
{
	Oid			actor = bjxm_actor();

	PG_RETURN_BOOL(superuser_arg(actor) || has_duty(actor, text_to_cstring(PG_GETARG_TEXT_PP(0))));
}

PG_FUNCTION_INFO_V1(bjxm_role_has_duty);
/* bjxm._role_has_duty(role regrole, duty text) → bool, for grant-time checks. */
Datum
bjxm_role_has_duty(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(has_duty(PG_GETARG_OID(0), text_to_cstring(PG_GETARG_TEXT_PP(1))));
}

PG_FUNCTION_INFO_V1(bjxm_actor_is_superuser);
/* bjxm._actor_is_superuser() → bool. */
Datum
bjxm_actor_is_superuser(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(superuser_arg(bjxm_actor()));
}

/*
 * The RLS id arrays (SPEC §1; docs/performance.md §5.1): the units and
 * projects the actor sees, computed once per query by the policies'
 * InitPlans.  Same rule as bjxm._sees_all_units(), _visible_units() and
 * _reviewer_projects() (which the events policy still uses), in C with
 * kept plans: the SQL forms were planned afresh on every query.
 * Declared SECURITY DEFINER (the tables they read have RLS of their own);
 * the actor is the caller.
 */
typedef struct IdSet
{
	int64	   *ids;
	int			n;
	int			cap;
} IdSet;

/* Append column 1 (bigint) of every row a kept plan returns. */
static void
collect_ids(IdSet *set, SPIPlanPtr *slot, const char *sql, int nargs, Oid *argtypes, Datum *args)
{
	bjxm_plan(slot, sql, nargs, argtypes);
	if (SPI_execute_plan(*slot, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: visibility lookup failed: %s", sql);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);

		if (isnull)
			continue;
		if (set->n == set->cap)
		{
			set->cap *= 2;
			set->ids = repalloc(set->ids, sizeof(int64) * set->cap);
		}
		set->ids[set->n++] = DatumGetInt64(d);
	}
}

/* collect_ids for a query of one parameter, the actor's name. */
static void
collect_ids_of_actor(IdSet *set, SPIPlanPtr *slot, const char *sql)
{
	Oid			argtypes[1] = {NAMEOID};
	Datum		args[1];
	NameData	n;

	namestrcpy(&n, bjxm_actor_name());
	args[0] = NameGetDatum(&n);
	collect_ids(set, slot, sql, 1, argtypes, args);
}

/* qsort order of int64. */
static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/* The set as a sorted bigint[] without duplicates (empty: '{}'). */
static Datum
ids_array(IdSet *set)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(set->n, 1));
	int			k = 0;

	qsort(set->ids, set->n, sizeof(int64), cmp_int64);
	for (int i = 0; i < set->n; i++)
		if (k == 0 || set->ids[i] != DatumGetInt64(d[k - 1]))
			d[k++] = Int64GetDatum(set->ids[i]);
	return PointerGetDatum(construct_array(d, k, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* An empty set whose buffer lives in the caller's context, not SPI's. */
static void
idset_init(IdSet *set)
{
	set->cap = 64;
	set->n = 0;
	set->ids = palloc(sizeof(int64) * set->cap);
}

PG_FUNCTION_INFO_V1(bjxm_visible_unit_ids);
/* bjxm._visible_unit_ids() → bigint[]: the units the actor sees (RLS). */
Datum
bjxm_visible_unit_ids(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr all_units = NULL;
	static SPIPlanPtr region_units = NULL;
	static SPIPlanPtr member_units = NULL;
	Oid			actor = bjxm_actor();
	IdSet		set;

	idset_init(&set);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	if (superuser_arg(actor))
		collect_ids(&set, &all_units, "SELECT u.unit_id FROM bjxm.units u", 0, NULL, NULL);
	else
	{
		/* 第三十五条: oversight duties see their jurisdiction, the city all. */
		if (has_oversight_duty(actor) || has_duty(actor, "auditor"))
		{
			char	   *jur = jurisdiction_of(bjxm_actor_name());
			Oid			argtypes[1] = {TEXTOID};
			Datum		args[1] = {CStringGetTextDatum(jur)};

			if (strcmp(jur, BJXM_CITY_REGION) == 0)
				collect_ids(&set, &all_units, "SELECT u.unit_id FROM bjxm.units u", 0, NULL, NULL);
			else
				collect_ids(&set, &region_units, "SELECT u.unit_id FROM bjxm.units u "
							"WHERE u.region OPERATOR(pg_catalog.=) $1", 1, argtypes, args);
		}
		/* 第三条: a unit's own staff. */
		if (has_duty(actor, "user_unit"))
			collect_ids_of_actor(&set, &member_units,
								 "SELECT m.unit_id FROM bjxm.unit_members m WHERE m.member OPERATOR(pg_catalog.=) $1");
	}
	SPI_finish();
	return ids_array(&set);
}

/* The ids a reviewer query returns for the actor; none without the duty. */
static Datum
reviewer_ids(SPIPlanPtr *slot, const char *sql)
{
	Oid			actor = bjxm_actor();
	IdSet		set;

	idset_init(&set);
	if (superuser_arg(actor) || has_duty(actor, "reviewer"))
	{
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "bjxm: SPI_connect failed");
		collect_ids_of_actor(&set, slot, sql);
		SPI_finish();
	}
	return ids_array(&set);
}

PG_FUNCTION_INFO_V1(bjxm_reviewer_project_ids);
/* bjxm._reviewer_project_ids() → bigint[]: projects entrusted to the actor's institutions (第七条, 第十四条). */
Datum
bjxm_reviewer_project_ids(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr plan = NULL;

	return reviewer_ids(&plan, "SELECT e.project_id FROM bjxm.party_members m JOIN bjxm.entrustments e "
						"ON e.party_id OPERATOR(pg_catalog.=) m.party_id WHERE m.member OPERATOR(pg_catalog.=) $1");
}

PG_FUNCTION_INFO_V1(bjxm_reviewer_unit_ids);
/* bjxm._reviewer_unit_ids() → bigint[]: the units of those projects (a reviewer sees their names). */
Datum
bjxm_reviewer_unit_ids(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr plan = NULL;

	return reviewer_ids(&plan, "SELECT p.unit_id FROM bjxm.party_members m JOIN bjxm.entrustments e "
						"ON e.party_id OPERATOR(pg_catalog.=) m.party_id JOIN bjxm.projects p "
						"ON p.project_id OPERATOR(pg_catalog.=) e.project_id WHERE m.member OPERATOR(pg_catalog.=) $1");
}
