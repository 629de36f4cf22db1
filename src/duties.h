/*
 * duties.h — who may act (第三条 部门职责), scoped by jurisdiction
 * (第三十五条): the acting role, its duties, the duty check, and whether
 * the actor sees a unit or project.
 */
#ifndef BJXM_DUTIES_H
#define BJXM_DUTIES_H

#include "postgres.h"

/* The city's own region (毕节市市级, GB/T 2260): city-level jurisdiction. */
#define BJXM_CITY_REGION "520500"

/* The acting role: GetOuterUserId(), the caller's role also inside definer code. */
extern Oid	bjxm_actor(void);
extern const char *bjxm_actor_name(void);

/* Whether role has the privileges of the group role bjxm_<duty>. */
extern bool bjxm_role_holds_duty(Oid role, const char *duty);

/* Whether role holds bigdata, finance or city_gov: it may not act for a unit (第三条). */
extern bool bjxm_role_is_oversight(Oid role);

/*
 * The region a duty member acts on (第三十五条): its jurisdiction, keyed by
 * role OID, or NULL if it has none (fail closed: no default scope; the
 * city-wide scope is the explicit region 520500).  Caller in SPI.
 */
extern char *bjxm_jurisdiction_of(Oid role);

/* Whether region is a code in bjxm.regions; caller in SPI. */
extern bool bjxm_region_known(const char *region);

/* Whether jurisdiction covers region: the city covers every region, NULL (none) nothing. */
extern bool bjxm_covers(const char *jurisdiction, const char *region);

/* Whether the actor sees every unit: superuser, or an oversight duty at city level; caller in SPI. */
extern bool bjxm_actor_sees_all_units(void);

/* Whether the actor sees a project of unit unit_id in unit_region (the projects policy in C); caller in SPI. */
extern bool bjxm_actor_sees_project(int64 unit_id, const char *unit_region, int64 project_id);

/* Whether the actor sees unit unit_id in unit_region (the units policy in C); caller in SPI. */
extern bool bjxm_actor_sees_unit(int64 unit_id, const char *unit_region);

/*
 * Separation of duties (第三条, 第七条, 第九条, 第三十条): the capacities a
 * role acts in.  user_unit: bjxm_user_unit or a unit membership;
 * reviewer: bjxm_reviewer or a review institution's membership.
 */
typedef enum BjxmCapacity
{
	BJXM_CAP_USER_UNIT = 0,
	BJXM_CAP_BIGDATA,
	BJXM_CAP_FINANCE,
	BJXM_CAP_CITY_GOV,
	BJXM_CAP_REVIEWER,
	BJXM_CAP_AUDITOR,
	BJXM_CAP_COUNT
} BjxmCapacity;

/* The capacities a role holds: held, how ("职责角色 bjxm_x" or "… 的成员") and via (another role, or NULL). */
typedef struct BjxmCapacities
{
	bool		held[BJXM_CAP_COUNT];
	const char *how[BJXM_CAP_COUNT];
	const char *via[BJXM_CAP_COUNT];
} BjxmCapacities;

/* The article that makes two capacities incompatible, or 0 (the matrix). */
extern int	bjxm_capacity_conflict_article(BjxmCapacity a, BjxmCapacity b);
extern const char *bjxm_capacity_name(BjxmCapacity c);
extern const char *bjxm_capacity_label(BjxmCapacity c);

/* The capacities of role, inherited ones included; caller in SPI. */
extern void bjxm_role_capacities(Oid role, BjxmCapacities *caps);

/* The first incompatible pair of caps (plus extra, if < BJXM_CAP_COUNT); true if any. */
extern bool bjxm_capacities_conflict(const BjxmCapacities *caps, int extra, BjxmCapacity *a, BjxmCapacity *b);

/* How capacity c is held, for messages. */
extern char *bjxm_capacity_held_text(const BjxmCapacities *caps, BjxmCapacity c);

/* A refused duty check: what to raise (42501 naming the article). */
typedef struct BjxmDutyRefusal
{
	const char *action;
	int			article;
	const char *message;
	const char *detail;
	const char *hint;
} BjxmDutyRefusal;

#define BJXM_DUTY_REFUSED (-2)
#define BJXM_DUTY_SUPERUSER (-1)

/*
 * Check the actor for action: one of duties (names without the bjxm_
 * prefix), scoped to unit_id (if not unit_null) or to region (if not
 * NULL); unit_region, if not NULL, is unit_id's region as the caller
 * already read it.  Returns the index of the duty that matched,
 * BJXM_DUTY_SUPERUSER, or BJXM_DUTY_REFUSED with *why filled in.  A
 * duty list of none passes everyone.  Caller in SPI.
 */
extern int	bjxm_duty_check(const char *action, int article, const char *const *duties, int nduties,
							int64 unit_id, bool unit_null, const char *unit_region, const char *region,
							BjxmDutyRefusal *why);

/* Raise a duty refusal (42501 with its clause), logged as a refusal. */
extern void bjxm_duty_raise(const BjxmDutyRefusal *why, int64 project_id) pg_attribute_noreturn();

#endif							/* BJXM_DUTIES_H */
