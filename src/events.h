/*
 * events.h — the event log: every successful action, append-only, in an
 * SM3 hash chain (GB/T 32905-2016), announced by NOTIFY at commit
 * (docs/design.md §3, §12).
 */
#ifndef BJXM_EVENTS_H
#define BJXM_EVENTS_H

#include "postgres.h"

#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "utils/date.h"
#include "utils/jsonb.h"

#include "transitions.h"

#define BJXM_HASH_LEN 32

/* An event to record. */
typedef struct BjxmEvent
{
	bool		has_project;
	int64		project_id;
	bool		has_unit;
	int64		unit_id;
	const char *action;
	bj_state	from;			/* BJ_S_NONE: none */
	bj_state	to;				/* BJ_S_NONE: none */
	int			article;		/* 0: no clause */
	int			item;
	const char *note;			/* NULL: none */
	Jsonb	   *details;		/* NULL: none */
} BjxmEvent;

/* Append one event (caller in SPI); returns its event_id. */
extern int64 bjxm_record_event(const BjxmEvent *e);

/* The bjxm.project_state Datum of a state (cached per backend). */
extern Datum bjxm_state_datum(bj_state s);

/* Register the cache invalidation of bjxm_state_datum (from _PG_init). */
extern void bjxm_events_init(void);

/* An event as hashed: the columns of bjxm.events in canonical form. */
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
	const char *login;			/* session_user; NULL before 0.3.0 (not hashed then) */
} BjxmEventRow;

/* The canonical bytes of an event, independent of DateStyle and TimeZone. */
extern void bjxm_event_canonical(StringInfo buf, const BjxmEventRow *e);

/* hash = SM3(prev || canonical bytes). */
extern void bjxm_event_hash(const unsigned char *prev, const BjxmEventRow *e, unsigned char *out);

#endif							/* BJXM_EVENTS_H */
