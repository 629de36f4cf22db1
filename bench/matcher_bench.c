/*
 * matcher_bench.c — throughput of src/core/matcher.c with the 第十一条
 * dictionary (data/excluded_terms.tsv, ASCII folded, as the trigger uses
 * it) over generated Chinese text.
 *
 *   make bench/matcher_bench && bench/matcher_bench [MB] [reps]
 *
 * Run from the repository root.  The text (default 64 MB) is budget-line
 * names from data/expense_corpus.tsv, both labels, interleaved with runs
 * of random CJK ideographs (U+4E00..U+9FA5), ASCII digits and
 * punctuation, from a fixed seed.  Single thread.  Reports the best and
 * median MB/s (MB = 10^6 bytes) of reps passes of
 *   find_all  over the whole buffer (every match counted), and
 *   find      line by line (the trigger's case: first match per name),
 * and of src/core/normalize.c (issue 16; not yet used by the trigger):
 *   norm      the whole buffer into one output with its offset map,
 *   norm+find line by line: normalise each name (with map) into a reused
 *             buffer, then find on the normalised name;
 *   norm+rules line by line, what the trigger and add_line_item do since
 *             issue 16: normalise (no offset map: funding.c builds it only
 *             for a line that is refused), then bj_expense_find with
 *             the shipped dictionary and context rules (data/i16, phrases
 *             and contexts normalised, as src/funding.c builds them).
 */
#define _POSIX_C_SOURCE 199309L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "expense.h"
#include "matcher.h"
#include "normalize.h"

/* Whether the bench line named w is to be run (argv[3] lists them; none: all). */
#define RUN(w) (which == NULL || strstr(which, (w)) != NULL)

static unsigned long long rng_state = 0x5eed2024ULL;

static unsigned
rng(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned) (rng_state >> 33);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return x < y ? -1 : x > y;
}

/* Field fieldno (0-based) of a tab-separated line, copied to out. */
static int
field(const char *line, int fieldno, char *out, size_t cap)
{
	const char *p = line;
	size_t		n;

	while (fieldno-- > 0)
	{
		p = strchr(p, '\t');
		if (p == NULL)
			return 0;
		p++;
	}
	n = strcspn(p, "\t\r\n");
	if (n == 0 || n >= cap)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

/* text normalised into a new malloc'd string (NULL on failure). */
static char *
normal(const char *s)
{
	char	   *out;
	size_t		n;

	return bj_norm_dup(s, strlen(s), &out, NULL, &n) == BJ_NORM_OK ? out : NULL;
}

/* '|'-separated contexts normalised, <N> kept (as funding.c does). */
static void
normal_contexts(const char *list, char *out, size_t cap)
{
	char		copy[1024];
	char	   *save = NULL;

	out[0] = '\0';
	snprintf(copy, sizeof(copy), "%s", list);
	for (char *c = strtok_r(copy, "|", &save); c; c = strtok_r(NULL, "|", &save))
	{
		int			q = strncmp(c, "<N>", 3) == 0;
		char	   *n = normal(q ? c + 3 : c);

		if (n && n[0])
			snprintf(out + strlen(out), cap - strlen(out), "%s%s%s", out[0] ? "|" : "", q ? "<N>" : "", n);
		free(n);
	}
}

/* The shipped 第十一条 rule set (data/i16), or NULL. */
static bj_expense *
load_rules(size_t *nphrases)
{
	char		line[4096];
	char		t[512], k[64], a[1024], d[1024], def[16];
	char	  **terms = NULL;
	size_t		n = 0;
	bj_expense *x;
	FILE	   *f = fopen("data/i16/excluded_terms.tsv", "r");

	if (f == NULL)
		return NULL;
	while (fgets(line, sizeof(line), f))
		n++;
	rewind(f);
	x = bj_expense_new((int) n);
	terms = calloc(n, sizeof(char *));
	n = 0;
	while (x && terms && fgets(line, sizeof(line), f))
		if (field(line, 0, t, sizeof(t)) && field(line, 3, k, sizeof(k)))
		{
			terms[n] = normal(t);
			if (terms[n] && terms[n][0])
				bj_expense_add_phrase(x, terms[n], strlen(terms[n]), (int) n, strcmp(k, "purchase_only") == 0);
			n++;
		}
	fclose(f);
	f = fopen("data/i16/context_rules.tsv", "r");
	while (x && f && fgets(line, sizeof(line), f))
	{
		char		na[2048], nd[2048];
		char	   *nt;

		if (!field(line, 0, t, sizeof(t)) || !field(line, 3, def, sizeof(def)))
			continue;
		a[0] = d[0] = '\0';
		field(line, 1, a, sizeof(a));
		field(line, 2, d, sizeof(d));
		normal_contexts(a, na, sizeof(na));
		normal_contexts(d, nd, sizeof(nd));
		nt = normal(t);
		for (size_t i = 0; nt && i < n; i++)
			if (terms[i] && strcmp(terms[i], nt) == 0)
				bj_expense_add_rule(x, (int) i, na, nd, strcmp(def, "refuse") == 0);
		free(nt);
	}
	if (f)
		fclose(f);
	for (size_t i = 0; terms && i < n; i++)
		free(terms[i]);
	free(terms);
	if (x && bj_expense_build(x) != BJ_EXPENSE_OK)
	{
		bj_expense_free(x);
		return NULL;
	}
	*nphrases = n;
	return x;
}

int
main(int argc, char **argv)
{
	size_t		mb = argc > 1 ? (size_t) atoi(argv[1]) : 64;
	int			reps = argc > 2 ? atoi(argv[2]) : 5;
	const char *which = argc > 3 ? argv[3] : NULL;	/* e.g. "rules,fused": only those */
	int			run_whole = RUN("whole");
	int			run_line = RUN("line");
	int			run_norm = RUN("norm");
	int			run_nfind = RUN("nfind");
	int			run_rules = RUN("rules");
	int			run_fused = RUN("fused");
	size_t		size = mb * 1000 * 1000;
	bj_matcher *m = bj_matcher_new();
	char		line[1024];
	char		f0[512];
	char	  **names = NULL;
	size_t		nnames = 0;
	size_t		cap = 0;
	char	   *text;
	size_t		len = 0;
	size_t		nlines = 0;
	double	   *t_all;
	double	   *t_find;
	double	   *t_norm;
	double	   *t_nfind;
	double	   *t_rules;
	double	   *t_fused;
	size_t		fhits = 0;
	bj_expense *rules;
	size_t		nphrases = 0;
	size_t		rhits = 0;
	char	   *nout;
	uint32_t   *nmap;
	size_t		nlen = 0;
	size_t		nhits = 0;
	size_t		matches = 0;
	size_t		hits = 0;
	double		t0;
	FILE	   *f;
	int			r;
	size_t		i;

	if (m == NULL || mb == 0 || reps <= 0)
		return 2;
	bj_matcher_set_fold(m, BJ_MATCHER_FOLD_ASCII);
	f = fopen("data/excluded_terms.tsv", "r");
	if (f == NULL)
	{
		perror("data/excluded_terms.tsv (run from the repository root)");
		return 2;
	}
	t0 = now();
	while (fgets(line, sizeof(line), f))
		if (field(line, 0, f0, sizeof(f0)))
			bj_matcher_add(m, f0, strlen(f0), (int) bj_matcher_count(m));
	fclose(f);
	if (bj_matcher_build(m) != BJ_MATCHER_OK)
		return 2;
	printf("dictionary: %zu terms, built in %.3f ms\n", bj_matcher_count(m),
		   (now() - t0) * 1e3);

	f = fopen("data/expense_corpus.tsv", "r");
	if (f == NULL)
	{
		perror("data/expense_corpus.tsv");
		return 2;
	}
	while (fgets(line, sizeof(line), f))
	{
		if (!field(line, 1, f0, sizeof(f0)))
			continue;
		if (nnames == cap)
		{
			cap = cap ? cap * 2 : 256;
			names = realloc(names, cap * sizeof(char *));
			if (names == NULL)
				return 2;
		}
		names[nnames] = malloc(strlen(f0) + 1);
		strcpy(names[nnames++], f0);
	}
	fclose(f);

	/* lines: a corpus name, or random CJK with digits and punctuation */
	text = malloc(size + 64);
	if (text == NULL || nnames == 0)
		return 2;
	while (len < size)
	{
		if (rng() % 3 != 0)
		{
			const char *s = names[rng() % nnames];
			size_t		l = strlen(s);

			if (len + l + 1 > size)
				break;
			memcpy(text + len, s, l);
			len += l;
		}
		else
		{
			unsigned	k = 4 + rng() % 24;

			while (k-- > 0 && len + 4 < size)
			{
				unsigned	u = rng() % 16;

				if (u == 0)
					text[len++] = (char) ('0' + rng() % 10);
				else if (u == 1)
				{
					memcpy(text + len, "（", 3);	/* full-width paren */
					len += 3;
				}
				else
				{
					unsigned	cp = 0x4E00 + rng() % (0x9FA6 - 0x4E00);

					text[len++] = (char) (0xE0 | (cp >> 12));
					text[len++] = (char) (0x80 | ((cp >> 6) & 0x3F));
					text[len++] = (char) (0x80 | (cp & 0x3F));
				}
			}
		}
		text[len++] = '\n';
		nlines++;
	}
	printf("text: %.1f MB, %zu lines\n", len / 1e6, nlines);

	t_all = malloc(sizeof(double) * (size_t) reps);
	t_find = malloc(sizeof(double) * (size_t) reps);
	t_norm = malloc(sizeof(double) * (size_t) reps);
	t_nfind = malloc(sizeof(double) * (size_t) reps);
	t_rules = malloc(sizeof(double) * (size_t) reps);
	t_fused = malloc(sizeof(double) * (size_t) reps);
	rules = load_rules(&nphrases);
	if (rules == NULL || t_rules == NULL || t_fused == NULL)
		return 2;
	printf("rules: %zu phrases of data/i16 with their context rules\n", nphrases);
	nout = malloc(len);
	nmap = malloc(len * sizeof(uint32_t));
	if (t_all == NULL || t_find == NULL || t_norm == NULL || t_nfind == NULL ||
		nout == NULL || nmap == NULL)
		return 2;
	for (r = 0; r < reps; r++)
	{
		const char *p = text;
		const char *end = text + len;

		t0 = now();
		if (run_whole)
			matches = bj_matcher_find_all(m, text, len, NULL, 0);
		t_all[r] = now() - t0;

		hits = 0;
		t0 = now();
		while (run_line && p < end)
		{
			const char *nl = memchr(p, '\n', (size_t) (end - p));
			bj_match	x;

			if (nl == NULL)
				nl = end;
			hits += (size_t) bj_matcher_find(m, p, (size_t) (nl - p), &x);
			p = nl + 1;
		}
		t_find[r] = now() - t0;

		t0 = now();
		if (run_norm && bj_norm(text, len, nout, len, nmap, &nlen) != BJ_NORM_OK)
			return 2;
		t_norm[r] = now() - t0;

		nhits = 0;
		p = text;
		t0 = now();
		while (run_nfind && p < end)
		{
			const char *nl = memchr(p, '\n', (size_t) (end - p));
			bj_match	x;
			size_t		n;

			if (nl == NULL)
				nl = end;
			if (bj_norm(p, (size_t) (nl - p), nout, len, nmap, &n) != BJ_NORM_OK)
				return 2;
			nhits += (size_t) bj_matcher_find(m, nout, n, &x);
			p = nl + 1;
		}
		t_nfind[r] = now() - t0;

		rhits = 0;
		p = text;
		t0 = now();
		while (run_rules && p < end)
		{
			const char *nl = memchr(p, '\n', (size_t) (end - p));
			size_t		n;

			if (nl == NULL)
				nl = end;
			/* no offset map: it is built only for a line that is refused (funding.c) */
			if (bj_norm(p, (size_t) (nl - p), nout, len, NULL, &n) != BJ_NORM_OK)
				return 2;
			rhits += (size_t) bj_expense_find(rules, nout, n, NULL);
			p = nl + 1;
		}
		t_rules[r] = now() - t0;

		fhits = 0;
		p = text;
		t0 = now();
		while (run_fused && p < end)
		{
			const char *nl = memchr(p, '\n', (size_t) (end - p));
			int			rc;

			if (nl == NULL)
				nl = end;
			/* src/funding.c plainly_eligible: one call on the raw text */
			rc = bj_expense_refuses_raw(rules, p, (size_t) (nl - p));
			if (rc < 0)
				return 2;
			fhits += (size_t) rc;
			p = nl + 1;
		}
		t_fused[r] = now() - t0;
	}
	qsort(t_rules, (size_t) reps, sizeof(double), cmp_double);
	qsort(t_fused, (size_t) reps, sizeof(double), cmp_double);
	qsort(t_norm, (size_t) reps, sizeof(double), cmp_double);
	qsort(t_nfind, (size_t) reps, sizeof(double), cmp_double);
	qsort(t_all, (size_t) reps, sizeof(double), cmp_double);
	qsort(t_find, (size_t) reps, sizeof(double), cmp_double);
	if (run_whole)
		printf("find_all, whole buffer: best %.0f MB/s, median %.0f MB/s "
		   "(%zu matches)\n", len / 1e6 / t_all[0],
		   len / 1e6 / t_all[reps / 2], matches);
	if (run_line)
		printf("find, line by line:     best %.0f MB/s, median %.0f MB/s "
		   "(%zu of %zu lines refused)\n", len / 1e6 / t_find[0],
		   len / 1e6 / t_find[reps / 2], hits, nlines);
	if (run_norm)
		printf("norm (with map), whole:  best %.0f MB/s, median %.0f MB/s "
		   "(%.1f MB out)\n", len / 1e6 / t_norm[0],
		   len / 1e6 / t_norm[reps / 2], nlen / 1e6);
	if (run_nfind)
		printf("norm+find, line by line: best %.0f MB/s, median %.0f MB/s "
		   "(%zu of %zu lines refused; dictionary not normalised)\n",
		   len / 1e6 / t_nfind[0], len / 1e6 / t_nfind[reps / 2], nhits, nlines);

	if (run_rules)
		printf("norm+rules, line by line: best %.0f MB/s, median %.0f MB/s "
		   "(%zu of %zu lines refused; data/i16 with context rules, as the trigger)\n",
		   len / 1e6 / t_rules[0], len / 1e6 / t_rules[reps / 2], rhits, nlines);
	if (run_fused)
		printf("norm+rules fused, line by line: best %.0f MB/s, median %.0f MB/s "
			   "(%zu of %zu lines refused; bj_expense_refuses_raw, as the trigger's fast path)\n",
			   len / 1e6 / t_fused[0], len / 1e6 / t_fused[reps / 2], fhits, nlines);

	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(text);
	free(t_all);
	free(t_find);
	free(t_norm);
	free(t_nfind);
	free(t_rules);
	free(t_fused);
	bj_expense_free(rules);
	free(nout);
	free(nmap);
	bj_matcher_free(m);
	return 0;
}
