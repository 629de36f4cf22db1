/*
 * fuzz_eventlog.c — libFuzzer target for src/core/eventlog.c: the export
 * line parser and the anchor text parser (issue 17).  Arbitrary bytes go
 * to bj_export_parse_line and bj_anchors_parse; a line that parses is
 * written again with bj_export_event_line / bj_export_head_line and must
 * parse to the same event with the same hash.  The input is used in place
 * (libFuzzer allocates exactly size bytes), so ASan catches any read past it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eventlog.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
require(int cond)
{
	if (!cond)
		abort();
}

static void
count(void *ctx, int64_t lane, int64_t seq, const unsigned char hash[BJ_EVENT_HASH_LEN])
{
	(void) lane;
	(void) hash;
	require(seq >= 1);
	(*(long *) ctx)++;
}

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	char	   *scratch = malloc(size + BJ_EXPORT_FIELDS);
	bj_export_line l;
	const char *why = NULL;
	long		n = 0;
	long		line_no = 0;
	long		got;
	int64_t		horizon = -1;

	require(scratch != NULL);
	if (bj_export_parse_line(in, size, scratch, &l, &why) == 0)
	{
		size_t		len;
		char	   *out;
		char	   *scratch2;
		bj_export_line m;
		unsigned char h1[BJ_EVENT_HASH_LEN];
		unsigned char h2[BJ_EVENT_HASH_LEN];

		if (l.kind == BJ_LINE_EVENT)
			len = bj_export_event_line(&l.ev, l.lane, l.seq, l.prev, l.hash, NULL, 0);
		else
			len = bj_export_head_line(l.lane, l.seq, l.event_id, l.hash, NULL, 0);
		out = malloc(len);
		scratch2 = malloc(len + BJ_EXPORT_FIELDS);
		require(out != NULL && scratch2 != NULL);
		if (l.kind == BJ_LINE_EVENT)
			require(bj_export_event_line(&l.ev, l.lane, l.seq, l.prev, l.hash, out, len) == len);
		else
			require(bj_export_head_line(l.lane, l.seq, l.event_id, l.hash, out, len) == len);
		require(memchr(out, '\n', len) == NULL);
		require(bj_export_parse_line(out, len, scratch2, &m, &why) == 0);
		require(m.kind == l.kind && m.lane == l.lane && m.seq == l.seq && m.event_id == l.event_id);
		require(memcmp(m.hash, l.hash, BJ_EVENT_HASH_LEN) == 0);
		if (l.kind == BJ_LINE_EVENT)
		{
			require(same_str(m.ev.note, l.ev.note) && same_str(m.ev.details, l.ev.details) &&
					same_str(m.ev.login, l.ev.login) && same_str(m.ev.action, l.ev.action));
			bj_event_hash(l.prev, &l.ev, h1);
			bj_event_hash(m.prev, &m.ev, h2);
			require(memcmp(h1, h2, BJ_EVENT_HASH_LEN) == 0);
		}
		free(out);
		free(scratch2);
	}
	else
		require(why != NULL);
	got = bj_anchors_parse(in, size, count, &n, &horizon, &line_no, &why);
	require(got == -1 ? (n == 0 && line_no >= 1 && horizon == 0) : (got == n && horizon >= 0));
	free(scratch);
	return 0;
}
