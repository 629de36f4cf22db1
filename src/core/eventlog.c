/*
 * eventlog.c — canonical bytes, SM3 chain hash, export lines and anchors of
 * the event log (eventlog.h; docs/design.md §12, docs/event-export.md).
 *
 * 第三十条 (监督检查): the auditor verifies the log outside the database
 * with the same code the database uses to record it.
 */
#include <stdio.h>
#include <string.h>

#include "eventlog.h"
#include "sm3.h"

/* Where bytes go: a bounded buffer (counting what did not fit) or SM3. */
typedef struct sink
{
	char	   *out;
	size_t		cap;
	size_t		len;
	bj_sm3_ctx *sm3;
} sink;

static void
put(sink *s, const char *p, size_t n)
{
	if (s->sm3 != NULL)
		bj_sm3_update(s->sm3, p, n);
	else if (s->len < s->cap)
	{
		size_t		room = s->cap - s->len;

		memcpy(s->out + s->len, p, n < room ? n : room);
	}
	s->len += n;
}

static void
put_str(sink *s, const char *p)
{
	put(s, p, strlen(p));
}

/* "len:bytes|", or "-|" for NULL (the canonical field). */
static void
put_field(sink *s, const char *v, size_t len)
{
	char		num[32];

	if (v == NULL)
	{
		put(s, "-|", 2);
		return;
	}
	snprintf(num, sizeof(num), "%lu:", (unsigned long) len);
	put_str(s, num);
	put(s, v, len);
	put(s, "|", 1);
}

static void
put_text_field(sink *s, const char *v)
{
	put_field(s, v, v ? strlen(v) : 0);
}

static void
put_int_field(sink *s, long long v)
{
	char		num[32];

	snprintf(num, sizeof(num), "%lld", v);
	put_field(s, num, strlen(num));
}

/*
 * The canonical bytes, exactly as bjxm 0.2.0 recorded them (events.c then
 * built them with StringInfo): integers in decimal, `at` in microseconds,
 * the date as a day number, text length-prefixed, the login last and only
 * when present.
 */
static void
canonical(sink *s, const bj_event *e)
{
	put_str(s, "bjxm-event-v1|");
	put_int_field(s, (long long) e->event_id);
	if (e->project_null)
		put_field(s, NULL, 0);
	else
		put_int_field(s, (long long) e->project_id);
	if (e->unit_null)
		put_field(s, NULL, 0);
	else
		put_int_field(s, (long long) e->unit_id);
	put_text_field(s, e->action);
	put_text_field(s, e->from_state);
	put_text_field(s, e->to_state);
	put_text_field(s, e->actor);
	put_field(s, e->actor_is_superuser ? "t" : "f", 1);
	put_int_field(s, (long long) e->at);
	put_int_field(s, (long long) e->effective_date);
	if (e->clause_null)
		put_field(s, NULL, 0);
	else
		put_int_field(s, (long long) e->clause);
	put_text_field(s, e->note);
	put_text_field(s, e->details);
	put_text_field(s, e->rulebook);
	if (e->login != NULL)
		put_text_field(s, e->login);
}

size_t
bj_event_canonical(const bj_event *e, char *out, size_t cap)
{
	sink		s = {out, cap, 0, NULL};

	canonical(&s, e);
	return s.len;
}

void
bj_event_hash(const unsigned char prev[BJ_EVENT_HASH_LEN], const bj_event *e,
			  unsigned char out[BJ_EVENT_HASH_LEN])
{
	bj_sm3_ctx	ctx;
	sink		s = {NULL, 0, 0, &ctx};

	bj_sm3_init(&ctx);
	bj_sm3_update(&ctx, prev, BJ_EVENT_HASH_LEN);
	canonical(&s, e);
	bj_sm3_final(&ctx, out);
}

void
bj_hash_hex(const unsigned char h[BJ_EVENT_HASH_LEN], char out[65])
{
	bj_sm3_hex(h, out);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
bj_hash_unhex(const char *s, size_t len, unsigned char out[BJ_EVENT_HASH_LEN])
{
	if (len != 2 * BJ_EVENT_HASH_LEN)
		return -1;
	for (size_t i = 0; i < BJ_EVENT_HASH_LEN; i++)
	{
		int			hi = hexval(s[2 * i]);
		int			lo = hexval(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (unsigned char) (hi * 16 + lo);
	}
	return 0;
}

/* ---- export lines ---------------------------------------------------- */

static void
put_tab_int(sink *s, long long v)
{
	char		num[32];

	snprintf(num, sizeof(num), "\t%lld", v);
	put_str(s, num);
}

static void
put_tab_hash(sink *s, const unsigned char h[BJ_EVENT_HASH_LEN])
{
	char		hex[65];

	bj_hash_hex(h, hex);
	put(s, "\t", 1);
	put(s, hex, 64);
}

/* TAB, then the text escaped, or \N. */
static void
put_tab_text(sink *s, const char *v)
{
	put(s, "\t", 1);
	if (v == NULL)
	{
		put(s, "\\N", 2);
		return;
	}
	for (const char *p = v; *p; p++)
	{
		switch (*p)
		{
			case '\\':
				put(s, "\\\\", 2);
				break;
			case '\t':
				put(s, "\\t", 2);
				break;
			case '\n':
				put(s, "\\n", 2);
				break;
			case '\r':
				put(s, "\\r", 2);
				break;
			default:
				put(s, p, 1);
		}
	}
}

static void
put_tab_opt_int(sink *s, int isnull, long long v)
{
	if (isnull)
		put(s, "\t\\N", 3);
	else
		put_tab_int(s, v);
}

size_t
bj_export_event_line(const bj_event *e, int64_t lane, int64_t seq,
					 const unsigned char prev[BJ_EVENT_HASH_LEN],
					 const unsigned char hash[BJ_EVENT_HASH_LEN], char *out, size_t cap)
{
	sink		s = {out, cap, 0, NULL};

	put_str(&s, BJ_EXPORT_TAG);
	put_tab_int(&s, (long long) lane);
	put_tab_int(&s, (long long) seq);
	put_tab_int(&s, (long long) e->event_id);
	put_tab_hash(&s, prev);
	put_tab_hash(&s, hash);
	put_tab_opt_int(&s, e->project_null, (long long) e->project_id);
	put_tab_opt_int(&s, e->unit_null, (long long) e->unit_id);
	put_tab_text(&s, e->action);
	put_tab_text(&s, e->from_state);
	put_tab_text(&s, e->to_state);
	put_tab_text(&s, e->actor);
	put_tab_text(&s, e->actor_is_superuser ? "t" : "f");
	put_tab_int(&s, (long long) e->at);
	put_tab_int(&s, (long long) e->effective_date);
	put_tab_opt_int(&s, e->clause_null, (long long) e->clause);
	put_tab_text(&s, e->note);
	put_tab_text(&s, e->details);
	put_tab_text(&s, e->rulebook);
	put_tab_text(&s, e->login);
	return s.len;
}

size_t
bj_export_head_line(int64_t lane, int64_t last_seq, int64_t last_event_id,
					const unsigned char hash[BJ_EVENT_HASH_LEN], char *out, size_t cap)
{
	sink		s = {out, cap, 0, NULL};

	put_str(&s, BJ_HEAD_TAG);
	put_tab_int(&s, (long long) lane);
	put_tab_int(&s, (long long) last_seq);
	put_tab_int(&s, (long long) last_event_id);
	put_tab_hash(&s, hash);
	return s.len;
}

/* A field of a line: [p, p + len). */
typedef struct field
{
	const char *p;
	size_t		len;
} field;

/* Split at TABs into at most max fields; returns the count (max + 1: too many). */
static size_t
split(const char *line, size_t len, field *f, size_t max)
{
	size_t		n = 0;
	size_t		start = 0;

	for (size_t i = 0; i <= len; i++)
	{
		if (i == len || line[i] == '\t')
		{
			if (n == max)
				return max + 1;
			f[n].p = line + start;
			f[n].len = i - start;
			n++;
			start = i + 1;
		}
	}
	return n;
}

/* Strict decimal: optional '-', no leading zeros, no "-0", within [min, max]. */
static int
parse_int(field f, long long min, long long max, long long *out)
{
	size_t		i = 0;
	int			neg = 0;
	unsigned long long v = 0;
	unsigned long long limit;

	if (f.len > 0 && f.p[0] == '-')
	{
		neg = 1;
		i = 1;
	}
	if (i == f.len || f.len - i > 19)
		return -1;
	if (f.p[i] == '0' && (f.len - i > 1 || neg))
		return -1;
	limit = neg ? (unsigned long long) (-(min + 1)) + 1ULL : (unsigned long long) max;
	for (; i < f.len; i++)
	{
		if (f.p[i] < '0' || f.p[i] > '9')
			return -1;
		if (v > (limit - (unsigned long long) (f.p[i] - '0')) / 10ULL)
			return -1;
		v = v * 10ULL + (unsigned long long) (f.p[i] - '0');
	}
	if (neg)
	{
		if (min >= 0 && v > 0)
			return -1;
		*out = v == 0 ? 0 : -(long long) (v - 1ULL) - 1LL;
	}
	else
	{
		if ((long long) v < min)
			return -1;
		*out = (long long) v;
	}
	return 0;
}

static int
is_null(field f)
{
	return f.len == 2 && f.p[0] == '\\' && f.p[1] == 'N';
}

/* Unescape f into *dst (NUL-terminated), advancing it; NULL for \N. */
static int
parse_text(field f, char **dst, const char **out, int nullable)
{
	char	   *d = *dst;

	if (is_null(f))
	{
		if (!nullable)
			return -1;
		*out = NULL;
		return 0;
	}
	*out = d;
	for (size_t i = 0; i < f.len; i++)
	{
		char		c = f.p[i];

		if (c == '\0' || c == '\n' || c == '\r')
			return -1;
		if (c == '\\')
		{
			if (++i == f.len)
				return -1;
			switch (f.p[i])
			{
				case '\\':
					c = '\\';
					break;
				case 't':
					c = '\t';
					break;
				case 'n':
					c = '\n';
					break;
				case 'r':
					c = '\r';
					break;
				default:
					return -1;
			}
		}
		*d++ = c;
	}
	*d++ = '\0';
	*dst = d;
	return 0;
}

static int
parse_opt_int(field f, long long min, long long max, int *isnull, long long *out)
{
	*isnull = is_null(f);
	*out = 0;
	return *isnull ? 0 : parse_int(f, min, max, out);
}

#define FAIL(msg) do { *why = (msg); return -1; } while (0)

int
bj_export_parse_line(const char *line, size_t len, char *scratch,
					 bj_export_line *out, const char **why)
{
	field		f[BJ_EXPORT_FIELDS];
	size_t		n = split(line, len, f, BJ_EXPORT_FIELDS);
	long long	v;
	int			isnull;
	const char *su;
	char	   *dst = scratch;

	memset(out, 0, sizeof(*out));
	if (f[0].len == strlen(BJ_HEAD_TAG) && memcmp(f[0].p, BJ_HEAD_TAG, f[0].len) == 0)
	{
		out->kind = BJ_LINE_HEAD;
		if (n != 5)
			FAIL("a head line has 5 fields (bjxm-head-v1, lane, last_seq, last_event_id, last_hash)");
		if (parse_int(f[1], INT64_MIN, INT64_MAX, &v) != 0)
			FAIL("lane is not an integer");
		out->lane = v;
		if (parse_int(f[2], 1, INT64_MAX, &v) != 0)
			FAIL("last_seq is not a positive integer");
		out->seq = v;
		if (parse_int(f[3], INT64_MIN, INT64_MAX, &v) != 0)
			FAIL("last_event_id is not an integer");
		out->event_id = v;
		if (bj_hash_unhex(f[4].p, f[4].len, out->hash) != 0)
			FAIL("last_hash is not 64 hex digits");
		return 0;
	}
	if (!(f[0].len == strlen(BJ_EXPORT_TAG) && memcmp(f[0].p, BJ_EXPORT_TAG, f[0].len) == 0))
		FAIL("the line starts with neither bjxm-export-v1 nor bjxm-head-v1");
	out->kind = BJ_LINE_EVENT;
	if (n != BJ_EXPORT_FIELDS)
		FAIL("an event line has 20 TAB-separated fields");
	if (parse_int(f[1], INT64_MIN, INT64_MAX, &v) != 0)
		FAIL("lane is not an integer");
	out->lane = v;
	if (parse_int(f[2], 1, INT64_MAX, &v) != 0)
		FAIL("lane_seq is not a positive integer");
	out->seq = v;
	if (parse_int(f[3], INT64_MIN, INT64_MAX, &v) != 0)
		FAIL("event_id is not an integer");
	out->event_id = out->ev.event_id = v;
	if (bj_hash_unhex(f[4].p, f[4].len, out->prev) != 0)
		FAIL("prev_hash is not 64 hex digits");
	if (bj_hash_unhex(f[5].p, f[5].len, out->hash) != 0)
		FAIL("hash is not 64 hex digits");
	if (parse_opt_int(f[6], INT64_MIN, INT64_MAX, &isnull, &v) != 0)
		FAIL("project_id is neither an integer nor \\N");
	out->ev.project_null = isnull;
	out->ev.project_id = v;
	if (parse_opt_int(f[7], INT64_MIN, INT64_MAX, &isnull, &v) != 0)
		FAIL("unit_id is neither an integer nor \\N");
	out->ev.unit_null = isnull;
	out->ev.unit_id = v;
	if (parse_text(f[8], &dst, &out->ev.action, 0) != 0)
		FAIL("action is not escaped text");
	if (parse_text(f[9], &dst, &out->ev.from_state, 1) != 0)
		FAIL("from_state is not escaped text or \\N");
	if (parse_text(f[10], &dst, &out->ev.to_state, 1) != 0)
		FAIL("to_state is not escaped text or \\N");
	if (parse_text(f[11], &dst, &out->ev.actor, 0) != 0)
		FAIL("actor is not escaped text");
	if (parse_text(f[12], &dst, &su, 0) != 0 || !(strcmp(su, "t") == 0 || strcmp(su, "f") == 0))
		FAIL("actor_is_superuser is neither t nor f");
	out->ev.actor_is_superuser = su[0] == 't';
	if (parse_int(f[13], INT64_MIN, INT64_MAX, &v) != 0)
		FAIL("at is not an integer (microseconds since 2000-01-01 UTC)");
	out->ev.at = v;
	if (parse_int(f[14], INT32_MIN, INT32_MAX, &v) != 0)
		FAIL("effective_date is not an integer (days since 2000-01-01)");
	out->ev.effective_date = (int32_t) v;
	if (parse_opt_int(f[15], INT32_MIN, INT32_MAX, &isnull, &v) != 0)
		FAIL("clause is neither an integer nor \\N");
	out->ev.clause_null = isnull;
	out->ev.clause = (int32_t) v;
	if (parse_text(f[16], &dst, &out->ev.note, 1) != 0)
		FAIL("note is not escaped text or \\N");
	if (parse_text(f[17], &dst, &out->ev.details, 1) != 0)
		FAIL("details is not escaped text or \\N");
	if (parse_text(f[18], &dst, &out->ev.rulebook, 0) != 0)
		FAIL("rulebook is not escaped text");
	if (parse_text(f[19], &dst, &out->ev.login, 1) != 0)
		FAIL("login is not escaped text or \\N");
	return 0;
}

/* ---- anchors --------------------------------------------------------- */

size_t
bj_anchor_line(int64_t lane, int64_t seq, const unsigned char hash[BJ_EVENT_HASH_LEN],
			   char *out, size_t cap)
{
	sink		s = {out, cap, 0, NULL};

	put_str(&s, BJ_ANCHOR_TAG);
	put_tab_int(&s, (long long) lane);
	put_tab_int(&s, (long long) seq);
	put_tab_hash(&s, hash);
	return s.len;
}

size_t
bj_anchor_horizon_line(int64_t horizon, char *out, size_t cap)
{
	sink		s = {out, cap, 0, NULL};

	put_str(&s, BJ_ANCHOR_HORIZON_TAG);
	put_tab_int(&s, (long long) horizon);
	return s.len;
}

size_t
bj_anchor_sum_line(const char *before, size_t len, char *out, size_t cap)
{
	sink		s = {out, cap, 0, NULL};
	unsigned char d[BJ_EVENT_HASH_LEN];

	bj_sm3(before, len, d);
	put_str(&s, BJ_ANCHOR_SUM_TAG);
	put_tab_hash(&s, d);
	return s.len;
}

/* One anchor line; 0 or -1. */
static int
parse_anchor(const char *line, size_t len, int64_t *lane, int64_t *seq,
			 unsigned char hash[BJ_EVENT_HASH_LEN], const char **why)
{
	field		f[4];
	long long	v;

	if (split(line, len, f, 4) != 4 || f[0].len != strlen(BJ_ANCHOR_TAG) ||
		memcmp(f[0].p, BJ_ANCHOR_TAG, f[0].len) != 0)
		FAIL("not an anchor line (bjxm-anchor-v1, lane, lane_seq, hash)");
	if (parse_int(f[1], INT64_MIN, INT64_MAX, &v) != 0)
		FAIL("lane is not an integer");
	*lane = v;
	if (parse_int(f[2], 1, INT64_MAX, &v) != 0)
		FAIL("lane_seq is not a positive integer");
	*seq = v;
	if (bj_hash_unhex(f[3].p, f[3].len, hash) != 0)
		FAIL("hash is not 64 hex digits");
	return 0;
}

long
bj_anchors_parse(const char *text, size_t len, bj_anchor_cb cb, void *ctx,
				 int64_t *horizon, long *line_no, const char **why)
{
	if (horizon != NULL)
		*horizon = 0;
	for (int pass = 0; pass < 2; pass++)
	{
		bj_sm3_ctx	sum;
		int			summed = 0;
		long		n = 0;
		size_t		pos = 0;
		int64_t		h_seen = 0;

		*line_no = 0;
		bj_sm3_init(&sum);
		while (pos < len)
		{
			const char *nl = memchr(text + pos, '\n', len - pos);
			size_t		end = nl ? (size_t) (nl - text) : len;
			size_t		l = end - pos;
			const char *line = text + pos;

			(*line_no)++;
			pos = nl ? end + 1 : len;
			if (l > 0 && line[l - 1] == '\r')
				l--;
			if (summed)
			{
				if (l != 0)
					FAIL("text after the sum line");
				continue;
			}
			if (l >= strlen(BJ_ANCHOR_SUM_TAG) && memcmp(line, BJ_ANCHOR_SUM_TAG, strlen(BJ_ANCHOR_SUM_TAG)) == 0)
			{
				field		f[2];
				unsigned char want[BJ_EVENT_HASH_LEN];
				unsigned char got[BJ_EVENT_HASH_LEN];

				if (split(line, l, f, 2) != 2 || f[0].len != strlen(BJ_ANCHOR_SUM_TAG) ||
					bj_hash_unhex(f[1].p, f[1].len, want) != 0)
					FAIL("the sum line is bjxm-anchor-sum-v1 TAB 64 hex digits");
				bj_sm3_final(&sum, got);
				if (memcmp(want, got, BJ_EVENT_HASH_LEN) != 0)
					FAIL("the SM3 sum does not match the anchor lines: the text was altered or cut");
				summed = 1;
				continue;
			}
			if (l >= strlen(BJ_ANCHOR_HORIZON_TAG) &&
				memcmp(line, BJ_ANCHOR_HORIZON_TAG, strlen(BJ_ANCHOR_HORIZON_TAG)) == 0)
			{
				field		f[2];
				long long	v;

				if (split(line, l, f, 2) != 2 || f[0].len != strlen(BJ_ANCHOR_HORIZON_TAG) ||
					parse_int(f[1], 1, INT64_MAX, &v) != 0)
					FAIL("the horizon line is bjxm-anchor-horizon-v1 TAB a positive event id");
				if (h_seen != 0)
					FAIL("a second horizon line");
				h_seen = v;
				bj_sm3_update(&sum, line, l);
				bj_sm3_update(&sum, "\n", 1);
				continue;
			}
			{
				int64_t		lane;
				int64_t		seq;
				unsigned char h[BJ_EVENT_HASH_LEN];

				if (parse_anchor(line, l, &lane, &seq, h, why) != 0)
					return -1;
				bj_sm3_update(&sum, line, l);
				bj_sm3_update(&sum, "\n", 1);
				if (pass == 1 && cb != NULL)
					cb(ctx, lane, seq, h);
				n++;
			}
		}
		if (!summed)
		{
			(*line_no)++;
			FAIL("the sum line (bjxm-anchor-sum-v1) is missing: the text was cut");
		}
		if (pass == 1 || cb == NULL)
		{
			if (horizon != NULL)
				*horizon = h_seen;
			return n;
		}
	}
	return -1;
}
