/*
 * bjxm.h — what the glue files share: the acting role, duties, events,
 * "today", cached SPI plans.
 */
#ifndef BJXM_H
#define BJXM_H

#include "postgres.h"
#include "executor/spi.h"
#include "utils/date.h"
#include "lib/stringinfo.h"
#include "datatype/timestamp.h"

/* settings.c: the bjxm.today override (NULL or a YYYY-MM-DD string). */
extern char *bjxm_today_override;
extern void bjxm_define_settings(void);
extern DateADT bjxm_today(void);

/* duties.c: the acting role, captured on entry (SPEC §1). */
extern Oid	bjxm_actor(void);
extern const char *bjxm_actor_name(void);

/* duties.c: the duty check (第三条, 第三十五条). */
#define BJXM_DUTY_REFUSED (-2)
typedef struct BjxmDutyRefusal
{
	const char *action;
	int			article;
	const char *message;
	const char *detail;
	const char *hint;
} BjxmDutyRefusal;
extern int	bjxm_duty_check(const char *action, int article, const char *const *duties, int nduties,
							int64 unit_id, bool unit_null, const char *unit_region, const char *region,
							BjxmDutyRefusal *why);
extern void bjxm_duty_raise(const BjxmDutyRefusal *why, int64 project_id) pg_attribute_noreturn();
extern bool bjxm_actor_sees_project(int64 unit_id, const char *unit_region, int64 project_id);

/*
 * spi.c: a plan prepared once per backend and kept (periods.c style).
 * *slot caches it; sql and argtypes describe it.
 */
extern SPIPlanPtr bjxm_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *argtypes);

/* events.c: the hash chain (SM3, GB/T 32905-2016) over the event log. */
#define BJXM_HASH_LEN 32
typedef struct BjxmEventRow
{
	int64		event_id;
	int64		project_id;
	bool		project_null;
	int64		unit_id;
	bool		unit_null;
	const char *action;
	const char *from_state;		/* NULL if none */
	const char *to_state;
	const char *actor;
	bool		actor_is_superuser;
	TimestampTz at;
	DateADT		effective_date;
	int32		clause;
	bool		clause_null;
	const char *note;
	const char *details;		/* jsonb text, NULL if none */
	const char *rulebook;
} BjxmEventRow;
extern void bjxm_event_canonical(StringInfo buf, const BjxmEventRow *e);
extern void bjxm_event_hash(const unsigned char *prev, const BjxmEventRow *e, unsigned char *out);

/* events.c: append one event; returns its event_id. */
extern int64 bjxm_record_event(int64 project_id, bool project_null,
							   int64 unit_id, bool unit_null,
							   const char *action,
							   Datum from_state, bool from_null,
							   Datum to_state, bool to_null,
							   int32 clause, bool clause_null,
							   const char *note, Datum details, bool details_null);

#endif							/* BJXM_H */
