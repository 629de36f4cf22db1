/*
 * bjxm-verify — the auditor's offline verifier of bjxm's event log
 * (第三十条; issue 17 item 4; docs/event-export.md, docs/operations.md).
 *
 *   bjxm-verify [--anchors FILE]... EXPORT_FILE     (EXPORT_FILE - : stdin)
 *
 * Reads the lines of bjxm.export_events() and, with the same code the
 * extension records them with (src/core/eventlog.c, SM3 of
 * src/core/sm3.c; no server, no libpq), checks every lane: lane_seq
 * contiguous, the first event of a lane linked to zeros, each prev_hash
 * the hash of the event before, each hash SM3(prev_hash || canonical
 * bytes), the lane's head line naming its last event; and every anchor
 * (bjxm.chain_anchor_text(), kept outside the database): the event at the
 * anchored lane and seq is in the export with exactly that hash, so a
 * rewrite the anchor covers is found even when every later hash and the
 * head were recomputed; and every event with an id below an anchor
 * text's horizon (bjxm-anchor-horizon-v1) lies in a lane prefix that text
 * anchors, so an event inserted later with an old id is found.  Within a
 * lane ids are > 0 and rise with lane_seq.
 *
 * Prints "ok: N events in M lanes" and exits 0; or one line per problem
 * (lane, seq, event_id, what, expected/found hash) and exits 1; bad input
 * (unreadable file, malformed line, anchor text failing its SM3 sum): a
 * message naming file and line, exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eventlog.h"

#define EXIT_BROKEN 1
#define EXIT_BAD 2

typedef struct anchor
{
	int64_t		lane;
	int64_t		seq;
	unsigned char hash[BJ_EVENT_HASH_LEN];
	int			met;
	size_t		file;			/* which --anchors text */
} anchor;

/* One --anchors text: its horizon (0: none, an older text) */
typedef struct anchor_file
{
	const char *path;
	int64_t		horizon;
} anchor_file;

typedef struct anchors
{
	anchor	   *a;
	size_t		n;
	size_t		cap;
	anchor_file *files;
	size_t		nfiles;
} anchors;

/* What was seen of a lane. */
typedef struct lane_state
{
	int64_t		lane;
	int64_t		first_seq;
	int64_t		last_seq;
	int64_t		last_event_id;
	unsigned char last_hash[BJ_EVENT_HASH_LEN];
	int			has_head;
} lane_state;

static long problems = 0;

static void *
xrealloc(void *p, size_t n)
{
	void	   *q = realloc(p, n ? n : 1);

	if (q == NULL)
	{
		fprintf(stderr, "bjxm-verify: out of memory\n");
		exit(EXIT_BAD);
	}
	return q;
}

static void
bad_input(const char *file, long line, const char *why)
{
	fprintf(stderr, "bjxm-verify: %s:%ld: %s\n", file, line, why);
	exit(EXIT_BAD);
}

static void
hex(const unsigned char *h, char out[65])
{
	bj_hash_hex(h, out);
}

/* A problem: printed at once; the exit status becomes 1. */
static void
broken(int64_t lane, int64_t seq, int64_t event_id, const char *what,
	   const unsigned char *expected, const unsigned char *found)
{
	problems++;
	printf("BROKEN lane %lld seq %lld event_id %lld: %s", (long long) lane, (long long) seq,
		   (long long) event_id, what);
	if (expected != NULL)
	{
		char		e[65];

		hex(expected, e);
		printf("; expected %s", e);
	}
	if (found != NULL)
	{
		char		f[65];

		hex(found, f);
		printf("; found %s", f);
	}
	printf("\n");
}

/* One line of f into *buf (without the newline); -1 at EOF. */
static long
read_line(FILE *f, char **buf, size_t *cap)
{
	size_t		len = 0;
	int			c;

	if (*cap == 0)
	{
		*cap = 4096;
		*buf = xrealloc(NULL, *cap);
	}
	while ((c = getc(f)) != EOF && c != '\n')
	{
		if (len + 1 >= *cap)
		{
			*cap *= 2;
			*buf = xrealloc(*buf, *cap);
		}
		(*buf)[len++] = (char) c;
	}
	if (c == EOF && len == 0)
		return -1;
	(*buf)[len] = '\0';
	return (long) len;
}

static void
add_anchor(void *ctx, int64_t lane, int64_t seq, const unsigned char hash[BJ_EVENT_HASH_LEN])
{
	anchors    *as = ctx;

	if (as->n == as->cap)
	{
		as->cap = as->cap ? 2 * as->cap : 16;
		as->a = xrealloc(as->a, as->cap * sizeof(anchor));
	}
	as->a[as->n].lane = lane;
	as->a[as->n].seq = seq;
	memcpy(as->a[as->n].hash, hash, BJ_EVENT_HASH_LEN);
	as->a[as->n].met = 0;
	as->a[as->n].file = as->nfiles;
	as->n++;
}

static void
load_anchors(const char *path, anchors *as)
{
	FILE	   *f = fopen(path, "rb");
	char	   *text = NULL;
	size_t		len = 0;
	size_t		cap = 0;
	size_t		got;
	long		line_no;
	const char *why;
	int64_t		horizon;

	if (f == NULL)
	{
		perror(path);
		exit(EXIT_BAD);
	}
	do
	{
		if (cap - len < 65536)
		{
			cap = cap ? 2 * cap : 65536;
			text = xrealloc(text, cap);
		}
		got = fread(text + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	if (ferror(f))
	{
		perror(path);
		exit(EXIT_BAD);
	}
	fclose(f);
	if (bj_anchors_parse(text, len, add_anchor, as, &horizon, &line_no, &why) < 0)
		bad_input(path, line_no, why);
	free(text);
	as->files = xrealloc(as->files, (as->nfiles + 1) * sizeof(anchor_file));
	as->files[as->nfiles].path = path;
	as->files[as->nfiles].horizon = horizon;
	as->nfiles++;
}

static int
anchor_cmp(const void *x, const void *y)
{
	const anchor *a = x;
	const anchor *b = y;

	if (a->lane != b->lane)
		return a->lane < b->lane ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return 0;
}

/* The anchors of lane (sorted array): [*lo, *hi). */
static void
anchors_of(const anchors *as, int64_t lane, size_t *lo, size_t *hi)
{
	size_t		l = 0;
	size_t		h = as->n;

	while (l < h)
	{
		size_t		m = l + (h - l) / 2;

		if (as->a[m].lane < lane)
			l = m + 1;
		else
			h = m;
	}
	*lo = l;
	while (l < as->n && as->a[l].lane == lane)
		l++;
	*hi = l;
}

static lane_state *
find_lane(lane_state *ls, size_t n, int64_t lane)
{
	for (size_t i = n; i > 0; i--)
		if (ls[i - 1].lane == lane)
			return &ls[i - 1];
	return NULL;
}

static void
usage(void)
{
	fprintf(stderr, "usage: bjxm-verify [--anchors FILE]... EXPORT_FILE\n"
			"  EXPORT_FILE: the lines of  psql -XAt -c \"SELECT bjxm.export_events()\"  (- for stdin)\n"
			"  FILE: the text of  psql -XAt -c \"SELECT bjxm.chain_anchor_text()\"\n"
			"exit status: 0 ok, 1 broken, 2 bad input\n");
	exit(EXIT_BAD);
}

/*
 * 第三十条: every id below an anchor text's horizon was committed when it
 * was taken, so lies in a lane prefix that text anchors (docs/design.md
 * §12); an event beyond it was inserted later with an old id.
 */
static void
check_horizons(const anchors *as, int64_t lane, int64_t seq, int64_t event_id)
{
	for (size_t fi = 0; fi < as->nfiles; fi++)
	{
		int64_t		anchored = 0;
		size_t		lo,
					hi;
		char		what[400];

		if (as->files[fi].horizon == 0 || event_id >= as->files[fi].horizon)
			continue;
		anchors_of(as, lane, &lo, &hi);
		for (size_t k = lo; k < hi; k++)
			if (as->a[k].file == fi && as->a[k].seq > anchored)
				anchored = as->a[k].seq;
		if (seq <= anchored)
			continue;
		if (anchored > 0)
			snprintf(what, sizeof(what), "event %lld (id below the anchor's horizon %lld) was not there when the anchor "
					 "was taken: %s anchors the lane up to seq %lld (it was inserted later)", (long long) event_id,
					 (long long) as->files[fi].horizon, as->files[fi].path, (long long) anchored);
		else
			snprintf(what, sizeof(what), "event %lld (id below the anchor's horizon %lld) was not there when the anchor "
					 "was taken: %s does not name the lane (it was inserted later)", (long long) event_id,
					 (long long) as->files[fi].horizon, as->files[fi].path);
		broken(lane, seq, event_id, what, NULL, NULL);
	}
}

int
main(int argc, char **argv)
{
	anchors		as = {NULL, 0, 0, NULL, 0};
	const char *path = NULL;
	FILE	   *f;
	char	   *buf = NULL;
	size_t		cap = 0;
	char	   *scratch = NULL;
	size_t		scratch_cap = 0;
	long		len;
	long		line_no = 0;
	lane_state *lanes = NULL;
	size_t		nlanes = 0;
	size_t		lanes_cap = 0;
	lane_state *cur = NULL;
	int			heads_started = 0;
	long		events = 0;
	long		anchors_met = 0;
	long		anchors_below = 0;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--anchors") == 0 && i + 1 < argc)
			load_anchors(argv[++i], &as);
		else if (strncmp(argv[i], "--anchors=", 10) == 0)
			load_anchors(argv[i] + 10, &as);
		else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			usage();
		else if (path == NULL && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0))
			path = argv[i];
		else
			usage();
	}
	if (path == NULL)
		usage();
	if (as.n > 1)
		qsort(as.a, as.n, sizeof(anchor), anchor_cmp);
	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL)
	{
		perror(path);
		return EXIT_BAD;
	}

	while ((len = read_line(f, &buf, &cap)) >= 0)
	{
		bj_export_line l;
		const char *why;
		unsigned char h[BJ_EVENT_HASH_LEN];

		line_no++;
		if (len == 0)
			continue;
		if ((size_t) len + BJ_EXPORT_FIELDS > scratch_cap)
		{
			scratch_cap = (size_t) len + BJ_EXPORT_FIELDS;
			scratch = xrealloc(scratch, scratch_cap);
		}
		if (strlen(buf) != (size_t) len)
			bad_input(path, line_no, "a NUL byte in the line");
		if (bj_export_parse_line(buf, (size_t) len, scratch, &l, &why) != 0)
			bad_input(path, line_no, why);

		if (l.kind == BJ_LINE_HEAD)
		{
			lane_state *s = find_lane(lanes, nlanes, l.lane);

			heads_started = 1;
			if (s == NULL)
			{
				broken(l.lane, l.seq, l.event_id,
					   "the lane head names events and the export has none of this lane (they were removed)", NULL, NULL);
				continue;
			}
			if (s->has_head)
				bad_input(path, line_no, "a second head line for the lane");
			s->has_head = 1;
			if (s->last_seq != l.seq || s->last_event_id != l.event_id)
			{
				char		what[200];

				snprintf(what, sizeof(what), "the lane head names seq %lld event_id %lld, the lane ends at seq %lld "
						 "event_id %lld (events were removed or the head altered)", (long long) l.seq,
						 (long long) l.event_id, (long long) s->last_seq, (long long) s->last_event_id);
				broken(l.lane, s->last_seq, s->last_event_id, what, NULL, NULL);
			}
			else if (memcmp(s->last_hash, l.hash, BJ_EVENT_HASH_LEN) != 0)
				broken(l.lane, s->last_seq, s->last_event_id, "the lane head's hash is not the last event's",
					   s->last_hash, l.hash);
			continue;
		}

		if (heads_started)
			bad_input(path, line_no, "an event line after the head lines");
		events++;
		if (cur == NULL || cur->lane != l.lane)
		{
			size_t		lo,
						hi;

			if (find_lane(lanes, nlanes, l.lane) != NULL || (cur != NULL && l.lane < cur->lane))
				bad_input(path, line_no, "the lanes are not in order (export in (lane, lane_seq) order)");
			if (nlanes == lanes_cap)
			{
				lanes_cap = lanes_cap ? 2 * lanes_cap : 64;
				lanes = xrealloc(lanes, lanes_cap * sizeof(lane_state));
			}
			cur = &lanes[nlanes++];
			memset(cur, 0, sizeof(*cur));
			cur->lane = l.lane;
			cur->first_seq = l.seq;
			cur->last_seq = l.seq - 1;
			memcpy(cur->last_hash, l.prev, BJ_EVENT_HASH_LEN);
			if (l.seq == 1)
			{
				static const unsigned char zeros[BJ_EVENT_HASH_LEN] = {0};

				if (memcmp(l.prev, zeros, BJ_EVENT_HASH_LEN) != 0)
					broken(l.lane, l.seq, l.event_id, "the first event of the lane does not link to zeros", zeros, l.prev);
				memset(cur->last_hash, 0, BJ_EVENT_HASH_LEN);
			}
			/* a partial export (after > 0): anchors at or below its start */
			anchors_of(&as, l.lane, &lo, &hi);
			for (size_t k = lo; k < hi && as.a[k].seq < l.seq; k++)
			{
				as.a[k].met = 1;
				if (as.a[k].seq == l.seq - 1)
				{
					anchors_met++;
					if (memcmp(as.a[k].hash, l.prev, BJ_EVENT_HASH_LEN) != 0)
						broken(l.lane, l.seq, l.event_id,
							   "prev_hash of the export's first event of the lane is not the anchored hash of the event before it",
							   as.a[k].hash, l.prev);
				}
				else
					anchors_below++;
			}
		}
		else if (l.seq != cur->last_seq + 1)
		{
			char		what[160];

			snprintf(what, sizeof(what), "lane_seq jumps from %lld to %lld (events were removed)",
					 (long long) cur->last_seq, (long long) l.seq);
			broken(l.lane, l.seq, l.event_id, what, NULL, NULL);
		}
		else if (memcmp(l.prev, cur->last_hash, BJ_EVENT_HASH_LEN) != 0)
			broken(l.lane, l.seq, l.event_id, "prev_hash is not the hash of the lane's previous event",
				   cur->last_hash, l.prev);

		/* ids come from a sequence from 1 and rise with lane_seq within a lane */
		if (l.event_id <= 0)
			broken(l.lane, l.seq, l.event_id, "event_id is not positive (ids start at 1: the event was inserted by hand)",
				   NULL, NULL);
		else if (cur->last_seq >= cur->first_seq && l.event_id <= cur->last_event_id)
		{
			char		what[200];

			snprintf(what, sizeof(what), "event_id %lld is not above the lane's previous event's %lld (within a lane "
					 "ids rise with lane_seq: the event was inserted or moved by hand)", (long long) l.event_id,
					 (long long) cur->last_event_id);
			broken(l.lane, l.seq, l.event_id, what, NULL, NULL);
		}

		bj_event_hash(l.prev, &l.ev, h);
		if (memcmp(h, l.hash, BJ_EVENT_HASH_LEN) != 0)
			broken(l.lane, l.seq, l.event_id, "the event does not match its hash (it was altered)", h, l.hash);

		/* 第三十条: what an anchor kept outside the database pins */
		{
			size_t		lo,
						hi;

			anchors_of(&as, l.lane, &lo, &hi);
			for (size_t k = lo; k < hi; k++)
				if (as.a[k].seq == l.seq)
				{
					as.a[k].met = 1;
					anchors_met++;
					if (memcmp(as.a[k].hash, l.hash, BJ_EVENT_HASH_LEN) != 0)
						broken(l.lane, l.seq, l.event_id,
							   "the event's hash is not the anchored one: it or an earlier event of the lane was rewritten "
							   "and the chain re-linked", as.a[k].hash, l.hash);
				}
		}
		check_horizons(&as, l.lane, l.seq, l.event_id);
		/* the stored hash links the next event: one edit is reported once */
		cur->last_seq = l.seq;
		cur->last_event_id = l.event_id;
		memcpy(cur->last_hash, l.hash, BJ_EVENT_HASH_LEN);
	}
	if (ferror(f))
	{
		perror(path);
		return EXIT_BAD;
	}
	if (f != stdin)
		fclose(f);

	for (size_t i = 0; i < nlanes; i++)
		if (!lanes[i].has_head)
			broken(lanes[i].lane, lanes[i].last_seq, lanes[i].last_event_id,
				   "the lane has events and no head line (the head was removed, or the export was cut)", NULL, NULL);
	for (size_t k = 0; k < as.n; k++)
		if (!as.a[k].met)
		{
			lane_state *s = find_lane(lanes, nlanes, as.a[k].lane);
			char		what[200];

			if (s != NULL)
				snprintf(what, sizeof(what), "the anchored event is not in the export: the lane ends at seq %lld "
						 "(events the anchor covers were removed)", (long long) s->last_seq);
			else
				snprintf(what, sizeof(what), "the anchored lane has no events in the export (they were removed)");
			broken(as.a[k].lane, as.a[k].seq, s ? s->last_event_id : 0, what, as.a[k].hash, NULL);
		}

	if (problems > 0)
	{
		printf("broken: %ld problem%s in %ld events in %lu lanes\n", problems, problems == 1 ? "" : "s",
			   events, (unsigned long) nlanes);
		return EXIT_BROKEN;
	}
	printf("ok: %ld events in %lu lanes", events, (unsigned long) nlanes);
	if (as.n > 0)
		printf(", %ld anchors matched", anchors_met);
	for (size_t fi = 0; fi < as.nfiles; fi++)
		if (as.files[fi].horizon == 0)
			printf(" (%s has no horizon line: events inserted later with old ids were not looked for)", as.files[fi].path);
	if (anchors_below > 0)
		printf(" (%ld anchors below the export's start not checked)", anchors_below);
	printf("\n");
	free(buf);
	free(scratch);
	free(lanes);
	free(as.a);
	free(as.files);
	return 0;
}
