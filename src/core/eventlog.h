/*
 * eventlog.h — the event log's canonical bytes and SM3 chain hash, the
 * export line format and the anchor format (issue 17; docs/design.md §12,
 * docs/event-export.md).  Shared by the extension (src/events.c) and the
 * offline verifier (tools/bjxm-verify.c), so the two cannot disagree.
 *
 * Backend-free: plain C99 with libc only, no postgres.h.
 */
#ifndef BJ_EVENTLOG_H
#define BJ_EVENTLOG_H

#include <stddef.h>
#include <stdint.h>

#define BJ_EVENT_HASH_LEN 32

/*
 * An event as hashed (the columns of bjxm.events).  Text fields are NUL-
 * terminated (PostgreSQL text holds no NUL); NULL means SQL NULL.  login
 * NULL: an event recorded before 0.3.0, whose canonical bytes end without
 * the login field.
 */
typedef struct bj_event
{
	int64_t		event_id;
	int			project_null;
	int64_t		project_id;
	int			unit_null;
	int64_t		unit_id;
	const char *action;
	const char *from_state;
	const char *to_state;
	const char *actor;
	int			actor_is_superuser;
	int64_t		at;				/* microseconds since 2000-01-01 00:00 UTC */
	int32_t		effective_date; /* days since 2000-01-01 */
	int			clause_null;
	int32_t		clause;			/* packed article * 1000 + item (bjxm.clause) */
	const char *note;
	const char *details;		/* jsonb's own text */
	const char *rulebook;
	const char *login;
} bj_event;

/*
 * The canonical bytes ("bjxm-event-v1|" then "len:bytes|" per field, "-|"
 * for NULL) into out[0..cap); returns the full length (like snprintf: when
 * it is > cap the output was cut; nothing is NUL-terminated).
 */
size_t		bj_event_canonical(const bj_event *e, char *out, size_t cap);

/* hash = SM3(prev || canonical bytes); no allocation. */
void		bj_event_hash(const unsigned char prev[BJ_EVENT_HASH_LEN], const bj_event *e,
						  unsigned char out[BJ_EVENT_HASH_LEN]);

/* ---- export lines (docs/event-export.md) ------------------------------- */

#define BJ_EXPORT_TAG	"bjxm-export-v1"
#define BJ_HEAD_TAG		"bjxm-head-v1"
#define BJ_ANCHOR_TAG	"bjxm-anchor-v1"
#define BJ_ANCHOR_SUM_TAG "bjxm-anchor-sum-v1"
#define BJ_ANCHOR_HORIZON_TAG "bjxm-anchor-horizon-v1"

/* Fields of an event line: tag, lane, lane_seq, event_id, prev, hash, then 14. */
#define BJ_EXPORT_FIELDS 20

typedef enum bj_line_kind
{
	BJ_LINE_EVENT,
	BJ_LINE_HEAD
} bj_line_kind;

/* One parsed export line. */
typedef struct bj_export_line
{
	bj_line_kind kind;
	int64_t		lane;
	int64_t		seq;			/* event: lane_seq; head: last_seq */
	int64_t		event_id;		/* event: its id; head: last_event_id */
	unsigned char prev[BJ_EVENT_HASH_LEN];	/* event only */
	unsigned char hash[BJ_EVENT_HASH_LEN];	/* event: stored hash; head: last_hash */
	bj_event	ev;				/* event only; strings point into scratch */
} bj_export_line;

/*
 * The export line of an event (no newline) into out[0..cap); returns the
 * full length, snprintf-like.  Fields are TAB-separated, NULL is \N, and
 * backslash, TAB, newline and carriage return are written \\ \t \n \r.
 */
size_t		bj_export_event_line(const bj_event *e, int64_t lane, int64_t seq,
								 const unsigned char prev[BJ_EVENT_HASH_LEN],
								 const unsigned char hash[BJ_EVENT_HASH_LEN], char *out, size_t cap);

/* The head line of a lane (no newline), snprintf-like. */
size_t		bj_export_head_line(int64_t lane, int64_t last_seq, int64_t last_event_id,
								const unsigned char hash[BJ_EVENT_HASH_LEN], char *out, size_t cap);

/*
 * Parse one line (without its newline; a trailing CR is not allowed) of
 * len bytes.  scratch must hold len + BJ_EXPORT_FIELDS bytes; the event's
 * strings point into it.  Returns 0, or -1 with *why a static message.
 */
int			bj_export_parse_line(const char *line, size_t len, char *scratch,
								 bj_export_line *out, const char **why);

/* ---- anchors ----------------------------------------------------------- */

/*
 * The anchor line of a lane head (no newline), snprintf-like:
 * "bjxm-anchor-v1 TAB lane TAB lane_seq TAB hash_hex".
 */
size_t		bj_anchor_line(int64_t lane, int64_t seq, const unsigned char hash[BJ_EVENT_HASH_LEN],
						   char *out, size_t cap);

/*
 * The horizon line (no newline), snprintf-like:
 * "bjxm-anchor-horizon-v1 TAB id": every event with an id below it was
 * committed when the anchor was taken (and is in an anchored lane prefix),
 * or never will be (docs/design.md §12).
 */
size_t		bj_anchor_horizon_line(int64_t horizon, char *out, size_t cap);

/* The final line over the text before it: "bjxm-anchor-sum-v1 TAB sm3_hex". */
size_t		bj_anchor_sum_line(const char *before, size_t len, char *out, size_t cap);

typedef void (*bj_anchor_cb) (void *ctx, int64_t lane, int64_t seq,
							  const unsigned char hash[BJ_EVENT_HASH_LEN]);

/*
 * Parse an anchor text: anchor lines and at most one horizon line, each
 * ending in \n (a \r before it is dropped), then the sum line, the SM3 of
 * every byte before it; blank lines after the sum line are allowed,
 * nothing else.  Calls cb per anchor only once the whole text is valid.
 * *horizon (when horizon is not NULL) is the horizon line's id (>= 1), or
 * 0 for a text without one (taken before the horizon line existed).
 * Returns the number of anchors, or -1 with *line_no (1-based) and *why.
 */
long		bj_anchors_parse(const char *text, size_t len, bj_anchor_cb cb, void *ctx,
							 int64_t *horizon, long *line_no, const char **why);

/* Lower-case hex of 32 bytes into out[65]; parse 64 hex digits (0 or -1). */
void		bj_hash_hex(const unsigned char h[BJ_EVENT_HASH_LEN], char out[65]);
int			bj_hash_unhex(const char *s, size_t len, unsigned char out[BJ_EVENT_HASH_LEN]);

#endif							/* BJ_EVENTLOG_H */
