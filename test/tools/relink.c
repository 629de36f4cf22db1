/*
 * relink.c — TEST ONLY (test/scripts/anchors.sh), not shipped: what a
 * superuser who edited an event would do to hide it (issue 17).  Reads an
 * export (bjxm.export_events()) and prints the SQL that makes every lane
 * (or only lane LANE) self-consistent again: for each event whose prev_hash
 * or hash is not what the chain recomputes, an UPDATE of bjxm.events, and
 * an UPDATE of the lane head in bjxm.event_lanes.  Run the output with
 * session_replication_role = replica; verify_events() then passes, and
 * only anchors kept outside the database show the rewrite.
 *
 *   relink EXPORT_FILE [LANE]
 *   relink --old-anchors ANCHOR_FILE
 *
 * The second form prints the anchor text without its horizon line
 * (bjxm-anchor-horizon-v1), its sum recomputed: an anchor as taken before
 * the horizon line existed, which verify_events(anchors) and bjxm-verify
 * still accept (without the horizon check).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eventlog.h"

/* relink --old-anchors FILE */
static int
old_anchors(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	static char buf[1 << 16];
	static char text[1 << 20];
	size_t		len = 0;
	char		sum[256];
	size_t		n;

	if (f == NULL)
		return 2;
	while (fgets(buf, sizeof(buf), f) != NULL)
	{
		size_t		l = strlen(buf);

		if (strncmp(buf, BJ_ANCHOR_HORIZON_TAG, strlen(BJ_ANCHOR_HORIZON_TAG)) == 0 ||
			strncmp(buf, BJ_ANCHOR_SUM_TAG, strlen(BJ_ANCHOR_SUM_TAG)) == 0 || l <= 1)
			continue;
		if (len + l >= sizeof(text))
			return 2;
		memcpy(text + len, buf, l);
		len += l;
	}
	fclose(f);
	n = bj_anchor_sum_line(text, len, sum, sizeof(sum));
	fwrite(text, 1, len, stdout);
	fwrite(sum, 1, n, stdout);
	putchar('\n');
	return 0;
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	static char buf[1 << 20];
	static char scratch[(1 << 20) + BJ_EXPORT_FIELDS];
	int			only = argc > 2;
	long long	want = only ? atoll(argv[2]) : 0;
	int			in_lane = 0;
	long long	lane = 0;
	long long	last_seq = 0;
	long long	last_id = 0;
	unsigned char prev[BJ_EVENT_HASH_LEN];

	if (argc == 3 && strcmp(argv[1], "--old-anchors") == 0)
		return old_anchors(argv[2]);
	if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL)
	{
		fprintf(stderr, "usage: relink EXPORT_FILE [LANE]\n");
		return 2;
	}
	printf("BEGIN;\nSET LOCAL session_replication_role = replica;\n");
	while (fgets(buf, sizeof(buf), f) != NULL)
	{
		size_t		len = strcspn(buf, "\n");
		bj_export_line l;
		const char *why;
		unsigned char h[BJ_EVENT_HASH_LEN];
		char		hp[65];
		char		hh[65];

		buf[len] = '\0';
		if (len == 0)
			continue;
		if (bj_export_parse_line(buf, len, scratch, &l, &why) != 0)
		{
			fprintf(stderr, "relink: %s\n", why);
			return 2;
		}
		if (l.kind == BJ_LINE_HEAD || (only && l.lane != want))
			continue;
		if (!in_lane || l.lane != lane)
		{
			if (in_lane)
			{
				bj_hash_hex(prev, hh);
				printf("UPDATE bjxm.event_lanes SET last_seq = %lld, last_event_id = %lld, last_hash = '\\x%s' "
					   "WHERE lane = %lld;\n", last_seq, last_id, hh, lane);
			}
			in_lane = 1;
			lane = l.lane;
			memset(prev, 0, sizeof(prev));
			if (l.seq > 1)
				memcpy(prev, l.prev, sizeof(prev));
		}
		bj_event_hash(prev, &l.ev, h);
		if (memcmp(prev, l.prev, BJ_EVENT_HASH_LEN) != 0 || memcmp(h, l.hash, BJ_EVENT_HASH_LEN) != 0)
		{
			bj_hash_hex(prev, hp);
			bj_hash_hex(h, hh);
			printf("UPDATE bjxm.events SET prev_hash = '\\x%s', hash = '\\x%s' WHERE event_id = %lld;\n",
				   hp, hh, (long long) l.event_id);
		}
		memcpy(prev, h, sizeof(prev));
		last_seq = l.seq;
		last_id = l.event_id;
	}
	if (in_lane)
	{
		char		hh[65];

		bj_hash_hex(prev, hh);
		printf("UPDATE bjxm.event_lanes SET last_seq = %lld, last_event_id = %lld, last_hash = '\\x%s' "
			   "WHERE lane = %lld;\n", last_seq, last_id, hh, lane);
	}
	printf("COMMIT;\n");
	fclose(f);
	return 0;
}
