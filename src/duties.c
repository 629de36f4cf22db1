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

#include "catalog/pg_auth_members.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "articles.h"
#include "duties.h"
#include "errors.h"
#include "spi.h"
#include "types.h"

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
bool
bjxm_role_holds_duty(Oid role, const char *duty)
{
	char		rolname[NAMEDATALEN];
	Oid			dutyrole;

	snprintf(rolname, sizeof(rolname), "bjxm_%s", duty);
	dutyrole = get_role_oid(rolname, true);
	return OidIsValid(dutyrole) && has_privs_of_role(role, dutyrole);
}

/* Whether role holds a duty that may not also act for a unit (第三条). */
bool
bjxm_role_is_oversight(Oid role)
{
	return bjxm_role_holds_duty(role, "bigdata") || bjxm_role_holds_duty(role, "finance") ||
		bjxm_role_holds_duty(role, "city_gov");
}

/* Whether role holds a duty with a jurisdiction: oversight or audit (第三十条). */
static bool
has_jurisdiction_duty(Oid role)
{
	return bjxm_role_is_oversight(role) || bjxm_role_holds_duty(role, "auditor");
}

/*
 * The role's jurisdiction (第三十五条), or NULL: none.
 *
 * Keyed by role OID, so ALTER ROLE … RENAME keeps it.  A row counts only
 * while the role still holds the grant set_jurisdiction made with it
 * (SELECT on bjxm.jurisdictions, recorded in pg_shdepend): DROP ROLE is
 * refused while it stands, and DROP OWNED BY removes it, so a row left
 * by a dropped role never passes to a later role given the same OID, and
 * a new role of the same name has another OID (docs/design.md
 * "Jurisdictions fail closed").  No row, no scope: the city-wide scope is
 * the explicit region 520500.  Before ALTER EXTENSION UPDATE to 0.3.0 the
 * rows are keyed by name (no default either).
 */
/*
 * Whether relation relid's ACL grants SELECT to role itself (not through
 * membership or PUBLIC).  (array.h's ACL_DAT mixes signedness under
 * -Wextra: silenced here only.)
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
static bool
directly_granted_select(Oid relid, Oid role)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	bool		isnull;
	Datum		d;
	bool		found = false;

	if (!HeapTupleIsValid(tup))
		return false;
	d = SysCacheGetAttr(RELOID, tup, Anum_pg_class_relacl, &isnull);
	if (!isnull)
	{
		Acl		   *acl = DatumGetAclP(d);
		AclItem    *items = ACL_DAT(acl);

		for (int i = 0; i < ACL_NUM(acl) && !found; i++)
			found = items[i].ai_grantee == role && (ACLITEM_GET_PRIVS(items[i]) & ACL_SELECT) != 0;
	}
	ReleaseSysCache(tup);
	return found;
}
#pragma GCC diagnostic pop

char *
bjxm_jurisdiction_of(Oid role)
{
	static SPIPlanPtr by_oid = NULL;
	static SPIPlanPtr by_name = NULL;
	Oid			argtypes[1];
	Datum		args[1];
	NameData	n;
	SPIPlanPtr	plan;

	if (bjxm_has_column("jurisdictions", "role_oid"))
	{
		bool		isnull;

		argtypes[0] = OIDOID;
		args[0] = ObjectIdGetDatum(role);
		/*
		 * The row counts only while the role still holds the direct SELECT
		 * grant set_jurisdiction gave it (a dropped role's OID reused by a
		 * new role has none).  The grant is read from the table's ACL in
		 * the syscache, not by aclexplode in SQL (issue 17: per-action
		 * cost).
		 */
		bjxm_plan(&by_oid, "SELECT j.region, j.tableoid FROM bjxm.jurisdictions j "
				  "WHERE j.role_oid OPERATOR(pg_catalog.=) $1", 1, argtypes);
		if (SPI_execute_plan(by_oid, args, NULL, true, 1) != SPI_OK_SELECT)
			elog(ERROR, "bjxm: jurisdiction lookup failed");
		if (SPI_processed != 1 ||
			!directly_granted_select(DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2,
																	  &isnull)), role))
			return NULL;
		return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	}
	else
	{
		const char *rolname = GetUserNameFromId(role, true);

		namestrcpy(&n, rolname ? rolname : "");	/* a full NAMEDATALEN datum */
		argtypes[0] = NAMEOID;
		args[0] = NameGetDatum(&n);
		bjxm_plan(&by_name, "SELECT j.region FROM bjxm.jurisdictions j WHERE j.member OPERATOR(pg_catalog.=) $1",
				  1, argtypes);
		plan = by_name;
	}
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: jurisdiction lookup failed");
	if (SPI_processed != 1)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
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
bool
bjxm_covers(const char *jurisdiction, const char *region)
{
	if (jurisdiction == NULL)
		return false;
	return strcmp(jurisdiction, BJXM_CITY_REGION) == 0 ||
		(region != NULL && strcmp(jurisdiction, region) == 0);
}

/* Whether the actor sees every unit: superuser, or an oversight or audit duty at city level. */
bool
bjxm_actor_sees_all_units(void)
{
	Oid			actor = bjxm_actor();
	char	   *jur;

	if (superuser_arg(actor))
		return true;
	if (!has_jurisdiction_duty(actor))
		return false;
	jur = bjxm_jurisdiction_of(actor);
	return jur != NULL && strcmp(jur, BJXM_CITY_REGION) == 0;
}

/*
 * Whether the actor sees unit unit_id (in unit_region): the C form of the
 * units policy without its reviewer part (oversight within jurisdiction,
 * or a member of the unit).
 */
bool
bjxm_actor_sees_unit(int64 unit_id, const char *unit_region)
{
	Oid			actor = bjxm_actor();

	if (superuser_arg(actor))
		return true;
	if (has_jurisdiction_duty(actor) && bjxm_covers(bjxm_jurisdiction_of(actor), unit_region))
		return true;
	return bjxm_role_holds_duty(actor, "user_unit") && is_unit_member(bjxm_actor_name(), unit_id);
}

/*
 * Whether the actor sees a project of unit unit_id (in unit_region): the C
 * form of the projects policy, unit_id = ANY (_visible_unit_ids()) OR an
 * entrustment of the actor's institution (第三条,
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
	if ((has_jurisdiction_duty(actor)) &&
		bjxm_covers(bjxm_jurisdiction_of(actor), unit_region))
		return true;
	/* 第三条: a unit's own staff. */
	if (bjxm_role_holds_duty(actor, "user_unit") && is_unit_member(name, unit_id))
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

/* ------------------------------------------------------------------ */
/* Separation of duties (第三条, 第七条, 第九条, 第三十条)               */
/* ------------------------------------------------------------------ */

/*
 * The capacities a role acts in, and which pairs one role may not hold
 * together (docs/operations.md §"职责分离矩阵").  A role holds a
 * capacity through a duty role (bjxm_<duty>) or a membership row
 * (unit_members, party_members), its own or that of any role whose
 * privileges it has (has_privs_of_role: GRANT u TO r with INHERIT).
 */
static const char *const capacity_names[BJXM_CAP_COUNT] = {
	"user_unit", "bigdata", "finance", "city_gov", "reviewer", "auditor"
};

static const char *const capacity_labels[BJXM_CAP_COUNT] = {
	"用户单位", "大数据部门", "财政部门", "市人民政府", "第三方评审机构", "审计机关"
};

/*
 * The article that makes two capacities incompatible, 0 if compatible.
 * Symmetric; the diagonal is compatible (a member of two units, or of
 * two review institutions, is not a conflict of duties).
 *   用户单位 × 大数据/财政/市政府: 第三条 (the overseers do not act for the overseen)
 *   第三方评审 × 用户单位/大数据/财政/市政府: 第七条 (a third party is
 *       neither the unit whose plan it reviews nor the department that entrusts it)
 *   审计机关 × every other: 第三十条 (the auditor audits how all of them manage and use the money)
 *   大数据/财政 × 市政府: 第九条 (the plan they compile is approved by the government)
 *   大数据 × 财政: compatible (第九条, 第十条: 会同, joint duties)
 */
static const int capacity_matrix[BJXM_CAP_COUNT][BJXM_CAP_COUNT] = {
	/* user_unit bigdata finance city_gov reviewer auditor */
	{0, BJ_ART_DUTIES, BJ_ART_DUTIES, BJ_ART_DUTIES, BJ_ART_DEMAND_REVIEW, BJ_ART_SUPERVISION},
	{BJ_ART_DUTIES, 0, 0, BJ_ART_ANNUAL_PLAN, BJ_ART_DEMAND_REVIEW, BJ_ART_SUPERVISION},
	{BJ_ART_DUTIES, 0, 0, BJ_ART_ANNUAL_PLAN, BJ_ART_DEMAND_REVIEW, BJ_ART_SUPERVISION},
	{BJ_ART_DUTIES, BJ_ART_ANNUAL_PLAN, BJ_ART_ANNUAL_PLAN, 0, BJ_ART_DEMAND_REVIEW, BJ_ART_SUPERVISION},
	{BJ_ART_DEMAND_REVIEW, BJ_ART_DEMAND_REVIEW, BJ_ART_DEMAND_REVIEW, BJ_ART_DEMAND_REVIEW, 0, BJ_ART_SUPERVISION},
	{BJ_ART_SUPERVISION, BJ_ART_SUPERVISION, BJ_ART_SUPERVISION, BJ_ART_SUPERVISION, BJ_ART_SUPERVISION, 0},
};

/* The article that makes capacities a and b incompatible, or 0. */
int
bjxm_capacity_conflict_article(BjxmCapacity a, BjxmCapacity b)
{
	return capacity_matrix[a][b];
}

/* A capacity's name (duty name without bjxm_) and Chinese label. */
const char *
bjxm_capacity_name(BjxmCapacity c)
{
	return capacity_names[c];
}

const char *
bjxm_capacity_label(BjxmCapacity c)
{
	return capacity_labels[c];
}

/*
 * The roles whose privileges role has: itself and, through roles that
 * inherit, every role it is a member of (as has_privs_of_role, PG 15).
 */
static List *
privileged_roles(Oid role)
{
	List	   *roles = list_make1_oid(role);
	ListCell   *l;

	foreach(l, roles)
	{
		Oid			memberid = lfirst_oid(l);
		HeapTuple	tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(memberid));
		bool		inherit;
		CatCList   *memlist;

		if (!HeapTupleIsValid(tup))
			continue;
		inherit = ((Form_pg_authid) GETSTRUCT(tup))->rolinherit;
		ReleaseSysCache(tup);
		if (!inherit)
			continue;
		memlist = SearchSysCacheList1(AUTHMEMMEMROLE, ObjectIdGetDatum(memberid));
		for (int i = 0; i < memlist->n_members; i++)
		{
			Form_pg_auth_members form = (Form_pg_auth_members) GETSTRUCT(&memlist->members[i]->tuple);

			roles = list_append_unique_oid(roles, form->roleid);
		}
		ReleaseSysCacheList(memlist);
	}
	return roles;
}

/* Note capacity c as held, the first way found. */
static void
note_capacity(BjxmCapacities *caps, BjxmCapacity c, const char *how, const char *via)
{
	if (caps->held[c])
		return;
	caps->held[c] = true;
	caps->how[c] = how;
	caps->via[c] = via;
}

/*
 * The capacities role holds (see the matrix above): its duty roles, and
 * the unit and review-institution memberships recorded for it or for a
 * role whose privileges it has.  Caller in SPI (the registries are read
 * in the definer's context, below RLS).
 */
void
bjxm_role_capacities(Oid role, BjxmCapacities *caps)
{
	static SPIPlanPtr plan = NULL;
	List	   *roles = privileged_roles(role);
	const char *rolname = GetUserNameFromId(role, true);
	Datum	   *names;
	int			n = 0;
	ListCell   *l;
	Oid			argtypes[1] = {NAMEARRAYOID};
	Datum		args[1];

	memset(caps, 0, sizeof(*caps));
	for (int c = 0; c < BJXM_CAP_COUNT; c++)
	{
		char		dutyname[NAMEDATALEN];
		Oid			dutyrole;

		snprintf(dutyname, sizeof(dutyname), "bjxm_%s", capacity_names[c]);
		dutyrole = get_role_oid(dutyname, true);
		if (OidIsValid(dutyrole) && dutyrole != role && has_privs_of_role(role, dutyrole))
			note_capacity(caps, c, psprintf("职责角色 %s", dutyname), NULL);
	}

	names = palloc(sizeof(Datum) * list_length(roles));
	foreach(l, roles)
	{
		const char *r = GetUserNameFromId(lfirst_oid(l), true);

		if (r != NULL)
			names[n++] = DirectFunctionCall1(namein, CStringGetDatum(r));
	}
	args[0] = PointerGetDatum(construct_array(names, n, NAMEOID, NAMEDATALEN, false, TYPALIGN_CHAR));
	bjxm_plan(&plan,
			  "SELECT 'user_unit', m.member, '单位 ' OPERATOR(pg_catalog.||) u.code::pg_catalog.text "
			  "  OPERATOR(pg_catalog.||) ' (' OPERATOR(pg_catalog.||) u.name OPERATOR(pg_catalog.||) ') 的成员' "
			  "  FROM bjxm.unit_members m JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) m.unit_id "
			  " WHERE m.member OPERATOR(pg_catalog.=) ANY ($1) "
			  "UNION ALL "
			  "SELECT 'reviewer', m.member, '第三方评审机构 ' OPERATOR(pg_catalog.||) p.code "
			  "  OPERATOR(pg_catalog.||) ' (' OPERATOR(pg_catalog.||) p.name OPERATOR(pg_catalog.||) ') 的成员' "
			  "  FROM bjxm.party_members m JOIN bjxm.parties p ON p.party_id OPERATOR(pg_catalog.=) m.party_id "
			  " WHERE m.member OPERATOR(pg_catalog.=) ANY ($1) "
			  "ORDER BY 1, 2, 3",
			  1, argtypes);
	if (SPI_execute_plan(plan, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: capacity lookup failed");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		char	   *cap = SPI_getvalue(t, d, 1);
		char	   *member = SPI_getvalue(t, d, 2);
		char	   *how = SPI_getvalue(t, d, 3);
		BjxmCapacity c = strcmp(cap, "user_unit") == 0 ? BJXM_CAP_USER_UNIT : BJXM_CAP_REVIEWER;

		/* a membership names the body: it says more than the duty role */
		if (caps->held[c] && strncmp(caps->how[c], "职责角色", strlen("职责角色")) == 0)
			caps->held[c] = false;
		note_capacity(caps, c, how, rolname && strcmp(member, rolname) == 0 ? NULL : member);
	}
}

/*
 * The first incompatible pair among caps (with extra also held, if
 * extra < BJXM_CAP_COUNT: the capacity a grant would add); true if one.
 */
bool
bjxm_capacities_conflict(const BjxmCapacities *caps, int extra, BjxmCapacity *a, BjxmCapacity *b)
{
	for (int i = 0; i < BJXM_CAP_COUNT; i++)
		for (int j = i + 1; j < BJXM_CAP_COUNT; j++)
		{
			bool		hi = caps->held[i] || i == extra;
			bool		hj = caps->held[j] || j == extra;

			if (hi && hj && capacity_matrix[i][j] != 0)
			{
				*a = i;
				*b = j;
				return true;
			}
		}
	return false;
}

/* How a capacity is held, for messages: "职责角色 bjxm_x" or "… 的成员", and through which role. */
char *
bjxm_capacity_held_text(const BjxmCapacities *caps, BjxmCapacity c)
{
	if (!caps->held[c])
		return psprintf("%s", capacity_labels[c]);
	if (caps->via[c])
		return psprintf("%s (经由角色 %s)", caps->how[c], caps->via[c]);
	return pstrdup(caps->how[c]);
}

/* Whether any capacity is held. */
static bool
holds_any(const BjxmCapacities *caps)
{
	for (int c = 0; c < BJXM_CAP_COUNT; c++)
		if (caps->held[c])
			return true;
	return false;
}

/* Fill why with the refusal of a role in an incompatible combination. */
static void
conflict_refusal(BjxmDutyRefusal *why, const char *actor_name, const char *action,
				 const BjxmCapacities *caps, BjxmCapacity a, BjxmCapacity b)
{
	why->article = capacity_matrix[a][b];
	why->message = psprintf("角色“%s”兼有%s (%s) 与%s (%s), 职责不相容, 不能执行“%s” "
							"(separation of duties: %s acts as both %s and %s)",
							actor_name, capacity_labels[a], bjxm_capacity_held_text(caps, a),
							capacity_labels[b], bjxm_capacity_held_text(caps, b), action,
							actor_name, capacity_names[a], capacity_names[b]);
	why->detail = psprintf("%s: 用户单位、大数据部门、财政部门、市人民政府、第三方评审机构与审计机关的职责分离, "
						   "%s与%s不得由同一角色兼任 (docs/operations.md 职责分离矩阵)。",
						   bjxm_clause_cstring(why->article, 0), capacity_labels[a], capacity_labels[b]);
	why->hint = "由数据库管理员撤销其中一项职责或成员资格 (REVOKE bjxm_… FROM …, bjxm.revoke_unit_member, 或撤销所继承的角色); "
		"bjxm.duty_conflicts() 列出所有职责不相容的角色。";
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

/* Check the actor for action (see duties.h). */
int
bjxm_duty_check(const char *action, int article, const char *const *duties, int nduties,
				int64 unit_id, bool unit_null, const char *unit_region, const char *region,
				BjxmDutyRefusal *why)
{
	Oid			actor = bjxm_actor();
	const char *actor_name = bjxm_actor_name();
	char	   *jurisdiction = NULL;
	bool		jurisdiction_read = false;
	bool		had_duty = false;
	bool		out_of_jurisdiction = false;
	bool		own_unit = false;
	StringInfoData wanted;

	if (superuser_arg(actor))
		return BJXM_DUTY_SUPERUSER;

	why->action = action;
	why->article = article;
	why->detail = NULL;
	why->hint = NULL;

	/*
	 * 第三条, 第七条, 第九条, 第三十条: a role in an incompatible
	 * combination of duties and memberships acts in none of them (GRANT
	 * of a duty role cannot be refused when it is made: roles are
	 * cluster-wide, no event trigger sees them).
	 */
	if (nduties > 0)
	{
		BjxmCapacities caps;
		BjxmCapacity a;
		BjxmCapacity b;

		bjxm_role_capacities(actor, &caps);
		if (holds_any(&caps) && bjxm_capacities_conflict(&caps, BJXM_CAP_COUNT, &a, &b))
		{
			conflict_refusal(why, actor_name, action, &caps, a, b);
			return BJXM_DUTY_REFUSED;
		}
	}
	if (!unit_null)
	{
		region = unit_region ? unit_region : region_of_unit(unit_id);
		if (region == NULL)
		{
			why->article = BJ_ART_DUTIES;
			why->message = psprintf("单位不存在或无权访问 (no such unit, or not visible to %s)", actor_name);
			return BJXM_DUTY_REFUSED;
		}
	}

	initStringInfo(&wanted);
	for (int i = 0; i < nduties; i++)
	{
		const char *duty = duties[i];

		appendStringInfo(&wanted, "%s%s", i ? "、" : "", duty_label(duty));
		if (!bjxm_role_holds_duty(actor, duty))
			continue;
		had_duty = true;
		if (strcmp(duty, "user_unit") == 0)
		{
			/* 第三条: oversight departments do not act as a user unit. */
			if (bjxm_role_is_oversight(actor))
				continue;
			if (!unit_null && is_unit_member(actor_name, unit_id))
				return i;
			continue;
		}
		/*
		 * 第三条: a member of the unit does not oversee it.  grant_unit_member
		 * refuses an oversight role, but a duty granted to a member later
		 * (GRANT bjxm_finance TO a unit member) must not let it approve,
		 * fund or review its own unit's projects.
		 */
		if (!unit_null && is_unit_member(actor_name, unit_id))
		{
			own_unit = true;
			continue;
		}
		if (strcmp(duty, "reviewer") == 0)
			return i;			/* the entrusted party is checked by the caller */
		if (!jurisdiction_read)
		{
			jurisdiction = bjxm_jurisdiction_of(actor);
			jurisdiction_read = true;
		}
		if (region == NULL || bjxm_covers(jurisdiction, region))
			return i;
		out_of_jurisdiction = true;
	}

	if (own_unit)
	{
		why->article = BJ_ART_DUTIES;
		why->message = psprintf("角色“%s”是该单位的成员, 不能以%s的职责对本单位执行“%s” (separation of duties: %s is a member of the unit)",
								actor_name, wanted.data, action, actor_name);
		why->detail = "第三条分别规定用户单位与大数据部门、财政部门等的职责; 单位成员不得监督、审批或拨付本单位的项目。";
		why->hint = "由不属于该单位的职责角色执行; 为单位人员与监督人员使用不同的角色。";
	}
	else if (out_of_jurisdiction)
	{
		why->article = BJ_ART_COUNTIES;
		if (jurisdiction == NULL)
		{
			why->message = psprintf("角色“%s”没有管辖范围, 不能执行“%s” (%s: %s has no jurisdiction)",
									actor_name, action, action, actor_name);
			why->detail = "各县(自治县、市、区)参照本办法执行: 职责角色只在设定的管辖范围内履行职责; 未设定管辖范围的角色不对任何区划履行职责 (无默认的全市范围)。";
			why->hint = "由市级大数据部门以 bjxm.set_jurisdiction 设定管辖范围: 本县区划代码, 或全市 '520500'。";
		}
		else
		{
			why->message = psprintf("角色“%s”的管辖范围(%s)不含区划 %s, 不能执行“%s” (%s: outside the jurisdiction of %s)",
									actor_name, jurisdiction, region, action, action, actor_name);
			why->detail = "各县(自治县、市、区)参照本办法执行: 县级部门只对本县单位履行职责, 市级部门对全市履行职责。";
			why->hint = "由有管辖权的部门执行, 或由市级大数据部门调整管辖范围 (bjxm.set_jurisdiction)。";
		}
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

PG_FUNCTION_INFO_V1(bjxm_acting_role);
/* bjxm.acting_role() → name: the role bjxm checks, also inside definer code. */
Datum
bjxm_acting_role(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(DirectFunctionCall1(namein, CStringGetDatum(bjxm_actor_name())));
}

PG_FUNCTION_INFO_V1(bjxm_sees_all_units);
/* bjxm._sees_all_units() → bool: the actor sees every unit (for policies). */
Datum
bjxm_sees_all_units(PG_FUNCTION_ARGS)
{
	bool		r;

	bjxm_spi_connect();
	r = bjxm_actor_sees_all_units();
	SPI_finish();
	PG_RETURN_BOOL(r);
}

/*
 * The RLS id arrays (docs/design.md §5; docs/performance.md §5.1): the
 * units and projects the actor sees, computed once per query by the
 * policies' InitPlans, with kept plans.  sql/hostile.sql compares them
 * with the rule written in SQL for every role the tests give a duty.
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
	bjxm_spi_connect();
	if (superuser_arg(actor))
		collect_ids(&set, &all_units, "SELECT u.unit_id FROM bjxm.units u", 0, NULL, NULL);
	else
	{
		/* 第三十五条: oversight duties see their jurisdiction, the city all. */
		if (has_jurisdiction_duty(actor))
		{
			char	   *jur = bjxm_jurisdiction_of(actor);
			Oid			argtypes[1] = {TEXTOID};
			Datum		args[1];

			args[0] = CStringGetTextDatum(jur ? jur : "");
			/* no jurisdiction: no unit (第三十五条, fail closed) */
			if (jur != NULL && strcmp(jur, BJXM_CITY_REGION) == 0)
				collect_ids(&set, &all_units, "SELECT u.unit_id FROM bjxm.units u", 0, NULL, NULL);
			else if (jur != NULL)
				collect_ids(&set, &region_units, "SELECT u.unit_id FROM bjxm.units u "
							"WHERE u.region OPERATOR(pg_catalog.=) $1", 1, argtypes, args);
		}
		/* 第三条: a unit's own staff. */
		if (bjxm_role_holds_duty(actor, "user_unit"))
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
	if (superuser_arg(actor) || bjxm_role_holds_duty(actor, "reviewer"))
	{
		bjxm_spi_connect();
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

/* Whether region is a code in bjxm.regions (第三十五条 区划); caller in SPI. */
bool
bjxm_region_known(const char *region)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];

	if (region == NULL)
		return false;
	values[0] = CStringGetTextDatum(region);
	return bjxm_exec(&plan, "SELECT 1 FROM bjxm.regions r WHERE r.code OPERATOR(pg_catalog.=) $1",
					 1, types, values, NULL) == 1;
}

PG_FUNCTION_INFO_V1(bjxm_duty_matrix);
/*
 * bjxm.duty_matrix() → (capacity, other, compatible, clause): the
 * separation-of-duties matrix, every ordered pair of capacities.
 */
Datum
bjxm_duty_matrix(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int a = 0; a < BJXM_CAP_COUNT; a++)
		for (int b = 0; b < BJXM_CAP_COUNT; b++)
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};
			int			art = capacity_matrix[a][b];

			values[0] = CStringGetTextDatum(capacity_names[a]);
			values[1] = CStringGetTextDatum(capacity_names[b]);
			values[2] = BoolGetDatum(art == 0);
			values[3] = BjxmClauseGetDatum(art, 0);
			nulls[3] = art == 0;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(bjxm_duty_conflicts);
/*
 * bjxm.duty_conflicts() → (role, capacity, held, other, other_held,
 * clause): every role (superusers and the duty roles aside) that holds an
 * incompatible pair, each pair once; for 大数据部门 and 审计机关 (and
 * superusers), whose DBAs it tells which grants to undo.
 */
Datum
bjxm_duty_conflicts(PG_FUNCTION_ARGS)
{
	static const char *const duties[] = {"bigdata", "auditor"};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BjxmDutyRefusal why;
	MemoryContext outer = CurrentMemoryContext;
	Oid		   *roles;
	uint64		nroles;

	InitMaterializedSRF(fcinfo, 0);
	bjxm_spi_connect();
	if (bjxm_duty_check("duty_conflicts", BJ_ART_DUTIES, duties, 2, 0, true, NULL, NULL, &why) == BJXM_DUTY_REFUSED)
		bjxm_duty_raise(&why, 0);
	if (SPI_execute("SELECT r.oid FROM pg_catalog.pg_roles r WHERE NOT r.rolsuper "
					"AND r.rolname OPERATOR(pg_catalog.!~~) 'bjxm\\_%' ORDER BY r.rolname", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: role list failed");
	nroles = SPI_processed;
	roles = MemoryContextAlloc(outer, sizeof(Oid) * Max(nroles, 1));
	for (uint64 i = 0; i < nroles; i++)
	{
		bool		isnull;

		roles[i] = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull));
	}
	for (uint64 r = 0; r < nroles; r++)
	{
		BjxmCapacities caps;
		const char *name = GetUserNameFromId(roles[r], true);

		if (name == NULL)
			continue;
		bjxm_role_capacities(roles[r], &caps);
		for (int a = 0; a < BJXM_CAP_COUNT; a++)
			for (int b = a + 1; b < BJXM_CAP_COUNT; b++)
			{
				Datum		values[6];
				bool		nulls[6] = {false, false, false, false, false, false};
				MemoryContext old;

				if (!caps.held[a] || !caps.held[b] || capacity_matrix[a][b] == 0)
					continue;
				old = MemoryContextSwitchTo(outer);
				values[0] = DirectFunctionCall1(namein, CStringGetDatum(name));
				values[1] = CStringGetTextDatum(capacity_names[a]);
				values[2] = CStringGetTextDatum(bjxm_capacity_held_text(&caps, a));
				values[3] = CStringGetTextDatum(capacity_names[b]);
				values[4] = CStringGetTextDatum(bjxm_capacity_held_text(&caps, b));
				values[5] = BjxmClauseGetDatum(capacity_matrix[a][b], 0);
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
				MemoryContextSwitchTo(old);
			}
	}
	SPI_finish();
	return (Datum) 0;
}
