/*
 * test_eventlog.c — Check tests of src/core/eventlog.c: the canonical bytes
 * and hash of an event (the known vector was recorded by bjxm before the
 * serialisation moved into the core, so existing chains still verify), NULL
 * handling, length prefixes, export lines and anchors (issue 17).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "eventlog.h"
#include "sm3.h"

static const unsigned char zeros[BJ_EVENT_HASH_LEN] = {0};

/* Event 1 of a fresh database: register_party('T-1', E'机构\t1\\x', 'vendor'). */
static bj_event
vector_event(void)
{
	bj_event	e;

	memset(&e, 0, sizeof(e));
	e.event_id = 1;
	e.project_null = 1;
	e.unit_null = 1;
	e.action = "register_party";
	e.actor = "postgres";
	e.actor_is_superuser = 1;
	e.at = 849850754053366LL;
	e.effective_date = 9836;
	e.clause = 3 << 16;			/* 第三条 */
	e.note = "机构\t1\\x";
	e.details = "{\"code\": \"T-1\", \"kind\": \"vendor\", \"uscc\": null}";
	e.rulebook = "bjxm 0.3.0 r0";
	e.login = "postgres";
	return e;
}

/* The canonical bytes as a malloc'd NUL-terminated string. */
static char *
canon(const bj_event *e, size_t *len)
{
	size_t		n = bj_event_canonical(e, NULL, 0);
	char	   *buf = malloc(n + 1);

	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(bj_event_canonical(e, buf, n), n);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

START_TEST(known_vector)
{
	bj_event	e = vector_event();
	unsigned char h[BJ_EVENT_HASH_LEN];
	char		hex[65];
	char	   *c = canon(&e, NULL);

	ck_assert_str_eq(c, "bjxm-event-v1|1:1|-|-|14:register_party|-|-|8:postgres|1:t|15:849850754053366|4:9836|"
					 "6:196608|10:机构\t1\\x|47:{\"code\": \"T-1\", \"kind\": \"vendor\", \"uscc\": null}|"
					 "13:bjxm 0.3.0 r0|8:postgres|");
	free(c);
	bj_event_hash(zeros, &e, h);
	bj_hash_hex(h, hex);
	/* recorded by bjxm (events.c with StringInfo) before this move */
	ck_assert_str_eq(hex, "8547b84691e9de586d44d75d238150b0d28198afbe3eb7034a765a3567970a70");
}
END_TEST

START_TEST(hash_is_sm3_of_prev_and_canonical)
{
	bj_event	e = vector_event();
	unsigned char prev[BJ_EVENT_HASH_LEN];
	unsigned char h1[BJ_EVENT_HASH_LEN];
	unsigned char h2[BJ_EVENT_HASH_LEN];
	size_t		n;
	char	   *c;
	unsigned char *msg;

	for (int i = 0; i < BJ_EVENT_HASH_LEN; i++)
		prev[i] = (unsigned char) (i * 7 + 1);
	c = canon(&e, &n);
	msg = malloc(BJ_EVENT_HASH_LEN + n);
	memcpy(msg, prev, BJ_EVENT_HASH_LEN);
	memcpy(msg + BJ_EVENT_HASH_LEN, c, n);
	bj_sm3(msg, BJ_EVENT_HASH_LEN + n, h1);
	bj_event_hash(prev, &e, h2);
	ck_assert_mem_eq(h1, h2, BJ_EVENT_HASH_LEN);
	free(msg);
	free(c);
}
END_TEST

START_TEST(nulls_and_values)
{
	bj_event	e = vector_event();
	char	   *c;

	/* every nullable field set */
	e.project_null = 0;
	e.project_id = 42;
	e.unit_null = 0;
	e.unit_id = -7;
	e.from_state = "draft";
	e.to_state = "declared";
	e.actor_is_superuser = 0;
	e.at = -1;
	e.effective_date = -36524;
	e.note = "";
	e.details = NULL;
	e.login = NULL;				/* before 0.3.0: no login field at all */
	c = canon(&e, NULL);
	ck_assert_str_eq(c, "bjxm-event-v1|1:1|2:42|2:-7|14:register_party|5:draft|8:declared|8:postgres|1:f|2:-1|6:-36524|"
					 "6:196608|0:|-|13:bjxm 0.3.0 r0|");
	free(c);
	/* NULL clause and note; NULL and empty differ */
	e.clause_null = 1;
	e.note = NULL;
	c = canon(&e, NULL);
	ck_assert_ptr_nonnull(strstr(c, "|1:f|2:-1|6:-36524|-|-|-|13:"));
	free(c);
}
END_TEST

START_TEST(length_prefix_edges)
{
	bj_event	a = vector_event();
	bj_event	b = vector_event();
	unsigned char ha[BJ_EVENT_HASH_LEN];
	unsigned char hb[BJ_EVENT_HASH_LEN];
	char		big[1200];
	char	   *c;

	/* moving a separator between fields changes the bytes */
	a.note = "a|1:b";
	a.details = NULL;
	b.note = "a";
	b.details = "b";
	bj_event_hash(zeros, &a, ha);
	bj_event_hash(zeros, &b, hb);
	ck_assert(memcmp(ha, hb, BJ_EVENT_HASH_LEN) != 0);
	/* a note that looks like a NULL marker is not NULL */
	a = vector_event();
	a.note = "-";
	b = vector_event();
	b.note = NULL;
	bj_event_hash(zeros, &a, ha);
	bj_event_hash(zeros, &b, hb);
	ck_assert(memcmp(ha, hb, BJ_EVENT_HASH_LEN) != 0);
	/* multi-digit prefixes count bytes, not characters */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	a.note = big;
	c = canon(&a, NULL);
	ck_assert_ptr_nonnull(strstr(c, "|1199:xxx"));
	free(c);
	a.note = "毕节";
	c = canon(&a, NULL);
	ck_assert_ptr_nonnull(strstr(c, "|6:毕节|"));
	free(c);
	/* extremes of the integers */
	a.event_id = INT64_MIN;
	a.at = INT64_MAX;
	c = canon(&a, NULL);
	ck_assert_ptr_nonnull(strstr(c, "|20:-9223372036854775808|"));
	ck_assert_ptr_nonnull(strstr(c, "|19:9223372036854775807|"));
	free(c);
	/* a short buffer gets a prefix and the full length back */
	{
		char		small[10];
		size_t		full = bj_event_canonical(&a, NULL, 0);

		ck_assert_uint_eq(bj_event_canonical(&a, small, sizeof(small)), full);
		ck_assert(memcmp(small, "bjxm-event", 10) == 0);
	}
}
END_TEST

/* Format, parse and compare an event line. */
static void
roundtrip(const bj_event *e)
{
	unsigned char prev[BJ_EVENT_HASH_LEN];
	unsigned char h[BJ_EVENT_HASH_LEN];
	unsigned char h2[BJ_EVENT_HASH_LEN];
	size_t		n;
	char	   *line;
	char	   *scratch;
	bj_export_line out;
	const char *why = NULL;

	memset(prev, 0xab, sizeof(prev));
	bj_event_hash(prev, e, h);
	n = bj_export_event_line(e, 5, 9, prev, h, NULL, 0);
	line = malloc(n);
	scratch = malloc(n + BJ_EXPORT_FIELDS);
	ck_assert_uint_eq(bj_export_event_line(e, 5, 9, prev, h, line, n), n);
	ck_assert_ptr_null(memchr(line, '\n', n));
	ck_assert_msg(bj_export_parse_line(line, n, scratch, &out, &why) == 0, "%s", why);
	ck_assert_int_eq(out.kind, BJ_LINE_EVENT);
	ck_assert_int_eq(out.lane, 5);
	ck_assert_int_eq(out.seq, 9);
	ck_assert_mem_eq(out.prev, prev, BJ_EVENT_HASH_LEN);
	ck_assert_mem_eq(out.hash, h, BJ_EVENT_HASH_LEN);
	bj_event_hash(out.prev, &out.ev, h2);
	ck_assert_mem_eq(h, h2, BJ_EVENT_HASH_LEN);
	free(line);
	free(scratch);
}

START_TEST(export_roundtrip)
{
	bj_event	e = vector_event();

	roundtrip(&e);
	e.note = "\\N";				/* the text \N is not NULL */
	e.details = NULL;
	e.login = NULL;
	e.from_state = "";
	e.actor = "a\r\nb\\t";
	roundtrip(&e);
	e.note = NULL;
	e.project_null = 0;
	e.project_id = INT64_MAX;
	e.clause_null = 1;
	roundtrip(&e);
}
END_TEST

/* Parse a line given as a C string; 0 or -1. */
static int
parse(const char *line, bj_export_line *out)
{
	size_t		n = strlen(line);
	char	   *scratch = malloc(n + BJ_EXPORT_FIELDS);
	const char *why;
	int			rc = bj_export_parse_line(line, n, scratch, out, &why);

	free(scratch);
	return rc;
}

START_TEST(export_rejects)
{
	bj_export_line out;
	const char *h = "0000000000000000000000000000000000000000000000000000000000000000";
	char		ok[512];
	char		bad[512];

	snprintf(ok, sizeof(ok), "bjxm-export-v1\t0\t1\t1\t%s\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(ok, &out), 0);
	ck_assert_ptr_null(out.ev.note);
	/* a field too many or too few */
	snprintf(bad, sizeof(bad), "%s\tx", ok);
	ck_assert_int_eq(parse(bad, &out), -1);
	ck_assert_int_eq(parse("bjxm-export-v1\t0\t1", &out), -1);
	/* lane_seq 0, leading zero, '+', overflow */
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t0\t1\t%s\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), -1);
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t01\t1\t%s\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), -1);
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t1\t9223372036854775808\t%s\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), -1);
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t1\t-9223372036854775808\t%s\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), 0);
	ck_assert(out.event_id == INT64_MIN);
	/* the date is an int32 */
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t1\t1\t%s\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\tt\t0\t2147483648\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), -1);
	/* NULL action, bad escape, superuser not t/f, short hash */
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t1\t1\t%s\t%s\t\\N\t\\N\t\\N\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), -1);
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t1\t1\t%s\t%s\t\\N\t\\N\tx\\q\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), -1);
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t1\t1\t%s\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\ttrue\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h, h);
	ck_assert_int_eq(parse(bad, &out), -1);
	snprintf(bad, sizeof(bad), "bjxm-export-v1\t0\t1\t1\t00\t%s\t\\N\t\\N\tx\t\\N\t\\N\tp\tt\t0\t0\t\\N\t\\N\t\\N\tr\t\\N", h);
	ck_assert_int_eq(parse(bad, &out), -1);
	/* head lines */
	snprintf(bad, sizeof(bad), "bjxm-head-v1\t3\t7\t99\t%s", h);
	ck_assert_int_eq(parse(bad, &out), 0);
	ck_assert_int_eq(out.kind, BJ_LINE_HEAD);
	ck_assert_int_eq(out.seq, 7);
	ck_assert_int_eq(parse("bjxm-head-v1\t3\t7\t99", &out), -1);
	ck_assert_int_eq(parse("", &out), -1);
	ck_assert_int_eq(parse("something else", &out), -1);
}
END_TEST

/* Collects anchors for the tests. */
typedef struct got
{
	int			n;
	int64_t		lane[4];
	int64_t		seq[4];
} got;

static void
collect(void *ctx, int64_t lane, int64_t seq, const unsigned char hash[BJ_EVENT_HASH_LEN])
{
	got		   *g = ctx;

	if (g->n < 4)
	{
		g->lane[g->n] = lane;
		g->seq[g->n] = seq;
	}
	g->n++;
}

START_TEST(anchors)
{
	unsigned char h[BJ_EVENT_HASH_LEN];
	char		text[1024];
	char		line[256];
	size_t		len = 0;
	got			g = {0};
	long		line_no;
	const char *why;

	memset(h, 0x11, sizeof(h));
	len += bj_anchor_line(0, 3, h, text + len, sizeof(text) - len);
	text[len++] = '\n';
	len += bj_anchor_line(17, 1, h, text + len, sizeof(text) - len);
	text[len++] = '\n';
	bj_anchor_sum_line(text, len, line, sizeof(line));
	memcpy(text + len, line, strlen(BJ_ANCHOR_SUM_TAG) + 65);
	len += strlen(BJ_ANCHOR_SUM_TAG) + 65;
	ck_assert_int_eq(bj_anchors_parse(text, len, collect, &g, NULL, &line_no, &why), 2);
	ck_assert_int_eq(g.n, 2);
	ck_assert_int_eq(g.lane[1], 17);
	ck_assert_int_eq(g.seq[0], 3);
	/* trailing newline and blank lines are fine */
	text[len] = '\n';
	text[len + 1] = '\n';
	g.n = 0;
	ck_assert_int_eq(bj_anchors_parse(text, len + 2, collect, &g, NULL, &line_no, &why), 2);
	/* a changed digit breaks the sum, and no anchor is reported */
	text[20] = text[20] == '1' ? '2' : '1';
	g.n = 0;
	ck_assert_int_eq(bj_anchors_parse(text, len, collect, &g, NULL, &line_no, &why), -1);
	ck_assert_int_eq(g.n, 0);
	ck_assert_int_eq(line_no, 3);
	text[20] = text[20] == '1' ? '2' : '1';
	/* cut before the sum line */
	ck_assert_int_eq(bj_anchors_parse(text, len - 70, collect, &g, NULL, &line_no, &why), -1);
	/* empty anchors: only the sum of nothing */
	bj_anchor_sum_line("", 0, line, sizeof(line));
	ck_assert_int_eq(bj_anchors_parse(line, strlen(BJ_ANCHOR_SUM_TAG) + 65, collect, &g, NULL, &line_no, &why), 0);
	ck_assert_int_eq(bj_anchors_parse("", 0, collect, &g, NULL, &line_no, &why), -1);
	ck_assert_int_eq(bj_anchors_parse("bjxm-anchor-v1\t0\t0\tzz\n", 22, collect, &g, NULL, &line_no, &why), -1);
	ck_assert_int_eq(line_no, 1);
}
END_TEST

/* The anchor text with two lanes, the horizon line hz (NULL: none) and the sum. */
static size_t
anchor_text(char *text, size_t cap, const char *hz)
{
	unsigned char h[BJ_EVENT_HASH_LEN];
	char		line[256];
	size_t		len = 0;

	memset(h, 0x22, sizeof(h));
	len += bj_anchor_line(0, 5, h, text + len, cap - len);
	text[len++] = '\n';
	len += bj_anchor_line(4, 2, h, text + len, cap - len);
	text[len++] = '\n';
	if (hz != NULL)
	{
		memcpy(text + len, hz, strlen(hz));
		len += strlen(hz);
		text[len++] = '\n';
	}
	bj_anchor_sum_line(text, len, line, sizeof(line));
	memcpy(text + len, line, strlen(BJ_ANCHOR_SUM_TAG) + 65);
	len += strlen(BJ_ANCHOR_SUM_TAG) + 65;
	text[len] = '\0';			/* for strstr below; not part of the text */
	return len;
}

/* bjxm-anchor-horizon-v1: written, parsed, summed; a text without it is still read */
START_TEST(anchor_horizon)
{
	char		text[1024];
	char		hz[64];
	size_t		len;
	got			g = {0};
	long		line_no;
	const char *why;
	int64_t		horizon = -5;

	ck_assert_uint_eq(bj_anchor_horizon_line(123, hz, sizeof(hz)), strlen("bjxm-anchor-horizon-v1\t123"));
	hz[strlen("bjxm-anchor-horizon-v1\t123")] = '\0';
	ck_assert_str_eq(hz, "bjxm-anchor-horizon-v1\t123");
	/* snprintf-like: the full length even when cut */
	ck_assert_uint_eq(bj_anchor_horizon_line(INT64_MAX, NULL, 0), strlen(BJ_ANCHOR_HORIZON_TAG) + 1 + 19);

	len = anchor_text(text, sizeof(text), hz);
	ck_assert_int_eq(bj_anchors_parse(text, len, collect, &g, &horizon, &line_no, &why), 2);
	ck_assert_int_eq(horizon, 123);
	ck_assert_int_eq(g.n, 2);
	ck_assert_int_eq(g.lane[1], 4);
	/* the horizon is under the sum: a changed digit is refused */
	text[strstr(text, "\t123") - text + 3] = '4';
	g.n = 0;
	horizon = -5;
	ck_assert_int_eq(bj_anchors_parse(text, len, collect, &g, &horizon, &line_no, &why), -1);
	ck_assert_int_eq(g.n, 0);
	ck_assert_int_eq(horizon, 0);
	ck_assert_int_eq(line_no, 4);
	/* removing the line breaks the sum too */
	{
		char		cut[1024];
		char	   *p = strstr(text, BJ_ANCHOR_HORIZON_TAG);
		size_t		hl = strchr(p, '\n') - p + 1;

		len = anchor_text(text, sizeof(text), hz);
		p = strstr(text, BJ_ANCHOR_HORIZON_TAG);
		memcpy(cut, text, p - text);
		memcpy(cut + (p - text), p + hl, len - (p - text) - hl);
		ck_assert_int_eq(bj_anchors_parse(cut, len - hl, collect, &g, &horizon, &line_no, &why), -1);
	}
	/* the old format (no horizon line) is accepted: horizon 0, no check */
	len = anchor_text(text, sizeof(text), NULL);
	horizon = -5;
	g.n = 0;
	ck_assert_int_eq(bj_anchors_parse(text, len, collect, &g, &horizon, &line_no, &why), 2);
	ck_assert_int_eq(horizon, 0);
	ck_assert_int_eq(g.n, 2);
	/* the horizon line may come first */
	{
		char		t2[1024];
		char		line[256];
		size_t		l2 = 0;
		unsigned char h[BJ_EVENT_HASH_LEN];

		memset(h, 0x22, sizeof(h));
		l2 += bj_anchor_horizon_line(9, t2, sizeof(t2));
		t2[l2++] = '\n';
		l2 += bj_anchor_line(0, 5, h, t2 + l2, sizeof(t2) - l2);
		t2[l2++] = '\n';
		bj_anchor_sum_line(t2, l2, line, sizeof(line));
		memcpy(t2 + l2, line, strlen(BJ_ANCHOR_SUM_TAG) + 65);
		l2 += strlen(BJ_ANCHOR_SUM_TAG) + 65;
		ck_assert_int_eq(bj_anchors_parse(t2, l2, NULL, NULL, &horizon, &line_no, &why), 1);
		ck_assert_int_eq(horizon, 9);
	}
	/* malformed horizon lines: zero, negative, leading zero, not a number, extra field, twice */
	{
		static const char *const bad[] = {
			"bjxm-anchor-horizon-v1\t0", "bjxm-anchor-horizon-v1\t-3", "bjxm-anchor-horizon-v1\t012",
			"bjxm-anchor-horizon-v1\tx", "bjxm-anchor-horizon-v1\t5\t6", "bjxm-anchor-horizon-v1",
			"bjxm-anchor-horizon-v1\t5\nbjxm-anchor-horizon-v1\t5", "bjxm-anchor-horizon-v2\t5",
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		{
			len = anchor_text(text, sizeof(text), bad[i]);
			horizon = -5;
			ck_assert_msg(bj_anchors_parse(text, len, collect, &g, &horizon, &line_no, &why) == -1, "accepted: %s", bad[i]);
			ck_assert_int_eq(horizon, 0);
		}
	}
}
END_TEST

Suite *
eventlog_suite(void)
{
	Suite	   *s = suite_create("eventlog");
	TCase	   *tc = tcase_create("eventlog");

	tcase_add_test(tc, known_vector);
	tcase_add_test(tc, hash_is_sm3_of_prev_and_canonical);
	tcase_add_test(tc, nulls_and_values);
	tcase_add_test(tc, length_prefix_edges);
	tcase_add_test(tc, export_roundtrip);
	tcase_add_test(tc, export_rejects);
	tcase_add_test(tc, anchors);
	tcase_add_test(tc, anchor_horizon);
	suite_add_tcase(s, tc);
	return s;
}
