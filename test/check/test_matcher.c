/*
 * test_matcher.c — Check tests of src/core/matcher.c (Aho–Corasick
 * multi-pattern matcher) and of the 第十一条 expense dictionary
 * data/excluded_terms.tsv against the labelled corpus
 * data/expense_corpus.tsv.
 *
 * Texts are matched from exact-size heap copies so that valgrind catches
 * any read past len.  The data files are read relative to the working
 * directory, which is the repository root under make unit / make
 * valgrind / test/run-all.sh; set BJXM_ROOT to run from elsewhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "suites.h"

#define MAXM 4096

static const char *const CLAUSES[3] = {
	"第十一条第(一)项", "第十一条第(二)项", "第十一条第(三)项"
};

/* --- helpers -------------------------------------------------------------- */

/* A built matcher of the NULL-terminated pattern list, ids 0, 1, 2 … */
static bj_matcher *
build_list(const char *const *pats, int fold)
{
	bj_matcher *m = bj_matcher_new();
	int			i;

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(bj_matcher_set_fold(m, fold), BJ_MATCHER_OK);
	for (i = 0; pats[i]; i++)
		ck_assert_int_ge(bj_matcher_add(m, pats[i], strlen(pats[i]), i), 0);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	return m;
}

/* find and find_all on an exact-size copy of s[0, len); returns count. */
static size_t
run_n(const bj_matcher *m, const char *s, size_t len, bj_match *all,
	  size_t max, int *found, bj_match *first)
{
	char	   *copy = malloc(len ? len : 1);
	size_t		n;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, s, len);
	*found = bj_matcher_find(m, copy, len, first);
	n = bj_matcher_find_all(m, copy, len, all, max);
	free(copy);
	return n;
}

/* Expected match: pattern index, byte start, byte length. */
typedef struct exp_match
{
	int			id;
	size_t		start;
	size_t		len;
} exp_match;

/* Assert find_all(text) is exactly exp[0, n) and find is exp[0]. */
static void
expect_matches(const bj_matcher *m, const char *text, const exp_match *exp,
			   size_t n)
{
	bj_match	all[64];
	bj_match	first;
	int			found;
	size_t		got = run_n(m, text, strlen(text), all, 64, &found, &first);
	size_t		i;

	ck_assert_uint_eq(got, n);
	ck_assert_int_eq(found, n > 0);
	for (i = 0; i < n; i++)
	{
		ck_assert_msg(all[i].id == exp[i].id && all[i].start == exp[i].start &&
					  all[i].len == exp[i].len,
					  "%s: match %zu is (%d,%zu,%zu), expected (%d,%zu,%zu)",
					  text, i, all[i].id, all[i].start, all[i].len,
					  exp[i].id, exp[i].start, exp[i].len);
	}
	if (n > 0)
	{
		ck_assert_int_eq(first.id, exp[0].id);
		ck_assert_uint_eq(first.start, exp[0].start);
		ck_assert_uint_eq(first.len, exp[0].len);
	}
}

/* --- classic Aho–Corasick cases ------------------------------------------- */

/* he/she/his/hers on "ushers": she and he end at 4, hers at 6. */
START_TEST(classic_ushers)
{
	static const char *const pats[] = {"he", "she", "his", "hers", NULL};
	static const exp_match exp[] = {{1, 1, 3}, {0, 2, 2}, {3, 2, 4}};
	static const exp_match exp2[] = {{2, 1, 3}, {1, 3, 3}, {0, 4, 2},
	{3, 4, 4}};
	bj_matcher *m = build_list(pats, 0);

	expect_matches(m, "ushers", exp, 3);
	expect_matches(m, "ahishers", exp2, 4);
	expect_matches(m, "xyz", NULL, 0);
	bj_matcher_free(m);
}
END_TEST

/* Chinese patterns, offsets in bytes (3 per CJK character). */
START_TEST(chinese)
{
	static const char *const pats[] = {"办公电脑", "电脑", "笔记本电脑",
	"差旅费", NULL};
	/* 采购 笔记本电脑 和 办公电脑 */
	static const exp_match exp[] = {{2, 6, 15}, {1, 15, 6}, {0, 24, 12},
	{1, 30, 6}};
	bj_matcher *m = build_list(pats, 0);

	expect_matches(m, "采购笔记本电脑和办公电脑", exp, 4);
	expect_matches(m, "差旅管理系统", NULL, 0);
	{
		static const exp_match e2[] = {{3, 0, 9}};

		expect_matches(m, "差旅费", e2, 1);
	}
	bj_matcher_free(m);
}
END_TEST

/* Prefixes and suffixes of one another all reported, longest first. */
START_TEST(prefix_suffix)
{
	static const char *const pats[] = {"ab", "abc", "abcd", "bcd", "cd",
	"d", NULL};
	static const exp_match exp[] = {{0, 0, 2}, {1, 0, 3}, {2, 0, 4},
	{3, 1, 3}, {4, 2, 2}, {5, 3, 1}};
	bj_matcher *m = build_list(pats, 0);

	expect_matches(m, "abcd", exp, 6);
	bj_matcher_free(m);
}
END_TEST

/*
 * find reports the leftmost-ending match, longest on ties: in "abcd"
 * with abcd and bc, bc (ends at 3) comes before abcd (ends at 4) even
 * though abcd starts first.
 */
START_TEST(leftmost_ending_longest)
{
	static const char *const pats[] = {"abcd", "bc", "c", "xbc", NULL};
	static const exp_match exp[] = {{1, 1, 2}, {2, 2, 1}, {0, 0, 4}};
	static const exp_match exp2[] = {{3, 0, 3}, {1, 1, 2}, {2, 2, 1}};
	bj_matcher *m = build_list(pats, 0);

	expect_matches(m, "abcd", exp, 3);
	expect_matches(m, "xbc", exp2, 3);
	bj_matcher_free(m);
}
END_TEST

/* Overlapping occurrences of one pattern: aa in aaaa three times. */
START_TEST(overlapping_same)
{
	static const char *const pats[] = {"aa", "中中", NULL};
	static const exp_match exp[] = {{0, 0, 2}, {0, 1, 2}, {0, 2, 2}};
	static const exp_match exp2[] = {{1, 0, 6}, {1, 3, 6}};
	bj_matcher *m = build_list(pats, 0);

	expect_matches(m, "aaaa", exp, 3);
	expect_matches(m, "中中中", exp2, 2);
	bj_matcher_free(m);
}
END_TEST

/* Empty text (also NULL with len 0) never matches. */
START_TEST(empty_text)
{
	static const char *const pats[] = {"a", NULL};
	bj_matcher *m = build_list(pats, 0);
	bj_match	x;

	ck_assert_int_eq(bj_matcher_find(m, "", 0, &x), 0);
	ck_assert_int_eq(bj_matcher_find(m, NULL, 0, &x), 0);
	ck_assert_uint_eq(bj_matcher_find_all(m, "", 0, &x, 1), 0);
	ck_assert_uint_eq(bj_matcher_find_all(m, NULL, 0, NULL, 0), 0);
	/* "a" is there, but len says the text is empty */
	ck_assert_int_eq(bj_matcher_find(m, "a", 0, &x), 0);
	bj_matcher_free(m);
}
END_TEST

/* No patterns: builds, never matches. */
START_TEST(no_patterns)
{
	bj_matcher *m = bj_matcher_new();
	bj_match	x;

	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	ck_assert_uint_eq(bj_matcher_count(m), 0);
	ck_assert_int_eq(bj_matcher_find(m, "anything 任何", 16, &x), 0);
	ck_assert_uint_eq(bj_matcher_find_all(m, "abc", 3, &x, 1), 0);
	bj_matcher_free(m);
}
END_TEST

/* find with out NULL; find_all truncated returns the total. */
START_TEST(truncation)
{
	static const char *const pats[] = {"a", "aa", NULL};
	bj_matcher *m = build_list(pats, 0);
	bj_match	out[2];

	ck_assert_int_eq(bj_matcher_find(m, "xaa", 3, NULL), 1);
	/* a@1, aa@1, a@2 */
	ck_assert_uint_eq(bj_matcher_find_all(m, "xaa", 3, NULL, 0), 3);
	ck_assert_uint_eq(bj_matcher_find_all(m, "xaa", 3, NULL, 5), 3);
	memset(out, 0xAB, sizeof(out));
	ck_assert_uint_eq(bj_matcher_find_all(m, "xaa", 3, out, 1), 3);
	ck_assert_int_eq(out[0].id, 0);
	ck_assert_uint_eq(out[0].start, 1);
	/* out[1] untouched */
	ck_assert_int_eq(out[1].id, (int) 0xABABABAB);
	bj_matcher_free(m);
}
END_TEST

/* --- errors and states ---------------------------------------------------- */

/* Invalid UTF-8 patterns (table) are refused; the matcher is unchanged. */
#include "utf8_cases.h"


START_TEST(pattern_invalid_utf8)
{
	bj_matcher *m = bj_matcher_new();
	bj_match	x;

	ck_assert_int_eq(bj_matcher_add(m, bad_utf8[_i], strlen(bad_utf8[_i]), 1),
					 BJ_MATCHER_EUTF8);
	ck_assert_uint_eq(bj_matcher_count(m), 0);
	ck_assert_int_eq(bj_matcher_add(m, "好", 3, 2), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_find(m, bad_utf8[_i], strlen(bad_utf8[_i]), &x),
					 0);
	bj_matcher_free(m);
}
END_TEST

/* Valid edge characters are accepted (U+0080, U+07FF, U+FFFF, U+10FFFF). */
START_TEST(pattern_valid_edges)
{
	static const char *const good[] = {
		"\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf",
		"\xee\x80\x80", "\xef\xbf\xbf", "\xf0\x90\x80\x80",
		"\xf4\x8f\xbf\xbf", "\x7f", "中文ABC", NULL
	};
	bj_matcher *m = build_list(good, 0);

	ck_assert_uint_eq(bj_matcher_count(m), 10);
	bj_matcher_free(m);
}
END_TEST

/* NUL bytes are ordinary bytes in patterns and text. */
START_TEST(embedded_nul)
{
	bj_matcher *m = bj_matcher_new();
	bj_match	x;

	ck_assert_int_eq(bj_matcher_add(m, "a\0b", 3, 7), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_find(m, "xa\0b", 4, &x), 1);
	ck_assert_int_eq(x.id, 7);
	ck_assert_uint_eq(x.start, 1);
	ck_assert_uint_eq(x.len, 3);
	ck_assert_int_eq(bj_matcher_find(m, "xab", 3, &x), 0);
	bj_matcher_free(m);
}
END_TEST

/* Empty pattern, NULL arguments, wrong order of calls. */
START_TEST(misuse)
{
	bj_matcher *m = bj_matcher_new();
	bj_match	x;

	ck_assert_int_eq(bj_matcher_add(m, "", 0, 1), BJ_MATCHER_EEMPTY);
	ck_assert_int_eq(bj_matcher_add(m, NULL, 0, 1), BJ_MATCHER_EEMPTY);
	ck_assert_int_eq(bj_matcher_add(m, NULL, 3, 1), BJ_MATCHER_EINVAL);
	ck_assert_int_eq(bj_matcher_add(NULL, "a", 1, 1), BJ_MATCHER_EINVAL);
	ck_assert_int_eq(bj_matcher_set_fold(NULL, 0), BJ_MATCHER_EINVAL);
	ck_assert_int_eq(bj_matcher_set_fold(m, 4), BJ_MATCHER_EINVAL);
	ck_assert_int_eq(bj_matcher_build(NULL), BJ_MATCHER_EINVAL);
	ck_assert_uint_eq(bj_matcher_count(NULL), 0);
	/* not built yet: find sees nothing */
	ck_assert_int_eq(bj_matcher_add(m, "ab", 2, 1), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_find(m, "ab", 2, &x), 0);
	ck_assert_uint_eq(bj_matcher_find_all(m, "ab", 2, &x, 1), 0);
	ck_assert_int_eq(bj_matcher_set_fold(m, BJ_MATCHER_FOLD_ASCII),
					 BJ_MATCHER_ESTATE);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_ESTATE);
	ck_assert_int_eq(bj_matcher_add(m, "cd", 2, 2), BJ_MATCHER_ESTATE);
	ck_assert_int_eq(bj_matcher_set_fold(m, 0), BJ_MATCHER_ESTATE);
	ck_assert_int_eq(bj_matcher_find(NULL, "ab", 2, &x), 0);
	ck_assert_uint_eq(bj_matcher_find_all(NULL, "ab", 2, &x, 1), 0);
	ck_assert_int_eq(bj_matcher_find(m, "ab", 2, &x), 1);
	bj_matcher_free(m);
	bj_matcher_free(NULL);
	ck_assert_ptr_null(bj_matcher_new_with(NULL, free));
	ck_assert_ptr_null(bj_matcher_new_with(malloc, NULL));
}
END_TEST

/* Duplicates are accepted, counted once and reported with the first id. */
START_TEST(duplicates)
{
	bj_matcher *m = bj_matcher_new();
	bj_match	all[4];

	ck_assert_int_eq(bj_matcher_add(m, "话费", 6, 10), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_add(m, "话费", 6, 11), BJ_MATCHER_DUPLICATE);
	ck_assert_int_eq(bj_matcher_add(m, "电话费", 9, 12), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_add(m, "话费", 6, 13), BJ_MATCHER_DUPLICATE);
	ck_assert_uint_eq(bj_matcher_count(m), 2);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	ck_assert_uint_eq(bj_matcher_find_all(m, "电话费", 9, all, 4), 2);
	ck_assert_int_eq(all[0].id, 12);
	ck_assert_int_eq(all[1].id, 10);
	bj_matcher_free(m);
}
END_TEST

/* ASCII case folding: on, APP = app = App; off, exact bytes only. */
START_TEST(case_folding)
{
	static const char *const pats[] = {"APP", "a4纸", NULL};
	bj_matcher *f = build_list(pats, BJ_MATCHER_FOLD_ASCII);
	bj_matcher *e = build_list(pats, 0);
	bj_match	x;
	bj_matcher *d = bj_matcher_new();

	ck_assert_int_eq(bj_matcher_find(f, "手机app开发", 15, &x), 1);
	ck_assert_int_eq(x.id, 0);
	ck_assert_uint_eq(x.start, 6);
	ck_assert_int_eq(bj_matcher_find(f, "手机App开发", 15, &x), 1);
	ck_assert_int_eq(bj_matcher_find(f, "A4纸", 5, &x), 1);
	ck_assert_int_eq(x.id, 1);
	ck_assert_int_eq(bj_matcher_find(f, "ＡＰＰ", 9, &x), 0);	/* full width */
	ck_assert_int_eq(bj_matcher_find(e, "手机app开发", 15, &x), 0);
	ck_assert_int_eq(bj_matcher_find(e, "手机APP开发", 15, &x), 1);
	ck_assert_int_eq(bj_matcher_find(e, "A4纸", 5, &x), 0);
	/* with folding, APP and app are the same pattern */
	ck_assert_int_eq(bj_matcher_set_fold(d, BJ_MATCHER_FOLD_ASCII), 0);
	ck_assert_int_eq(bj_matcher_add(d, "APP", 3, 1), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_add(d, "app", 3, 2), BJ_MATCHER_DUPLICATE);
	ck_assert_int_eq(bj_matcher_build(d), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_find(d, "aPp", 3, &x), 1);
	ck_assert_int_eq(x.id, 1);
	/* @ and [ (next to A-Z) are not folded */
	ck_assert_int_eq(bj_matcher_find(f, "@PP", 3, &x), 0);
	ck_assert_int_eq(bj_matcher_find(f, "[PP", 3, &x), 0);
	bj_matcher_free(f);
	bj_matcher_free(e);
	bj_matcher_free(d);
}
END_TEST

/* --- allocator ------------------------------------------------------------ */

static long live_blocks;
static long alloc_calls;
static long fail_at = -1;		/* fail the alloc_calls == fail_at call */

static void *
count_alloc(size_t n)
{
	long		k = alloc_calls++;
	size_t	   *p;

	if (k == fail_at)
		return NULL;
	p = malloc(n + sizeof(size_t) * 2);
	if (p == NULL)
		return NULL;
	live_blocks++;
	return p + 2;
}

static void
count_free(void *p)
{
	if (p == NULL)
		return;
	live_blocks--;
	free((size_t *) p - 2);
}

/* Build a small dictionary with the counting allocator; 0 if it worked. */
static int
alloc_scenario(void)
{
	static const char *const pats[] = {"人员工资", "差旅费", "he", "she",
	"his", "hers", NULL};
	bj_matcher *m = bj_matcher_new_with(count_alloc, count_free);
	bj_match	x;
	int			i;
	int			rc = 0;
	char		longp[200];

	if (m == NULL)
		return -1;
	for (i = 0; pats[i]; i++)
	{
		int			r = bj_matcher_add(m, pats[i], strlen(pats[i]), i);

		if (r == BJ_MATCHER_ENOMEM)
			rc = -1;			/* unchanged: go on with the others */
		else
			ck_assert_int_eq(r, BJ_MATCHER_OK);
	}
	/* a long pattern forces the node array to grow */
	memset(longp, 'x', sizeof(longp));
	if (bj_matcher_add(m, longp, sizeof(longp), 99) == BJ_MATCHER_ENOMEM)
		rc = -1;
	if (bj_matcher_build(m) != BJ_MATCHER_OK)
		rc = -1;
	else if (rc == 0)
	{
		ck_assert_int_eq(bj_matcher_find(m, "ushers", 6, &x), 1);
		ck_assert_int_eq(x.id, 3);
	}
	else
		(void) bj_matcher_find(m, "ushers", 6, &x);
	bj_matcher_free(m);
	return rc;
}

/* Every allocation goes through the allocator and is given back. */
START_TEST(allocator_balanced)
{
	live_blocks = 0;
	alloc_calls = 0;
	fail_at = -1;
	ck_assert_int_eq(alloc_scenario(), 0);
	ck_assert_int_gt(alloc_calls, 3);
	ck_assert_int_eq(live_blocks, 0);
}
END_TEST

/* Failing the k-th allocation, for every k: no crash, nothing leaked. */
START_TEST(allocator_failures)
{
	long		total;
	long		k;

	live_blocks = 0;
	alloc_calls = 0;
	fail_at = -1;
	ck_assert_int_eq(alloc_scenario(), 0);
	total = alloc_calls;
	for (k = 0; k < total; k++)
	{
		live_blocks = 0;
		alloc_calls = 0;
		fail_at = k;
		ck_assert_int_ne(alloc_scenario(), 0);
		ck_assert_int_eq(live_blocks, 0);
	}
	fail_at = -1;
}
END_TEST

/* --- random patterns against a naive reference ---------------------------- */

static unsigned long long rng_state;

static unsigned
rng(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned) (rng_state >> 33);
}

/* Pattern units (valid UTF-8) and extra text-only units (invalid bytes). */
static const char *const units[] = {
	"a", "b", "c", "A", "B", "中", "文", "电脑", "费",
	/* text only: */
	"\x80", "\xe4\xb8", "\xff", "\xc3", "\x00"
};

#define N_PAT_UNITS 9
#define N_ALL_UNITS 14

static size_t
gen(char *buf, size_t max_units, int text_units)
{
	size_t		n = 1 + rng() % max_units;
	size_t		len = 0;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		unsigned	u = rng() % (text_units ? N_ALL_UNITS : N_PAT_UNITS);
		size_t		l = u == N_ALL_UNITS - 1 ? 1 : strlen(units[u]);

		memcpy(buf + len, units[u], l);
		len += l;
	}
	return len;
}

typedef struct rpat
{
	char		s[64];
	size_t		len;
	int			id;
} rpat;

static unsigned char
lowc(unsigned char c, int fold)
{
	return fold && c >= 'A' && c <= 'Z' ? (unsigned char) (c + 32) : c;
}

static int
eq_fold(const char *a, const char *b, size_t n, int fold)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (lowc((unsigned char) a[i], fold) != lowc((unsigned char) b[i], fold))
			return 0;
	return 1;
}

static int
cmp_match(const void *pa, const void *pb)
{
	const bj_match *a = pa;
	const bj_match *b = pb;
	size_t		ea = a->start + a->len;
	size_t		eb = b->start + b->len;

	if (ea != eb)
		return ea < eb ? -1 : 1;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return 0;
}

/*
 * The reference: every distinct pattern (first id kept) at every offset,
 * compared byte by byte, sorted by end then longest first.
 */
static size_t
naive_all(const rpat *pats, size_t np, const char *text, size_t len, int fold,
		  bj_match *out, size_t max)
{
	size_t		n = 0;
	size_t		i;
	size_t		j;

	for (i = 0; i < np; i++)
	{
		if (pats[i].id < 0)
			continue;			/* duplicate */
		for (j = 0; j + pats[i].len <= len; j++)
		{
			if (lowc((unsigned char) text[j], fold) !=
				lowc((unsigned char) pats[i].s[0], fold))
				continue;
			if (eq_fold(text + j, pats[i].s, pats[i].len, fold))
			{
				ck_assert_uint_lt(n, max);
				out[n].id = pats[i].id;
				out[n].start = j;
				out[n].len = pats[i].len;
				n++;
			}
		}
	}
	qsort(out, n, sizeof(bj_match), cmp_match);
	return n;
}

#define N_RANDOM_PATS 10000

/* 10k random patterns, random texts with invalid bytes, both fold modes. */
START_TEST(random_vs_naive)
{
	int			fold = _i;
	rpat	   *pats = malloc(sizeof(rpat) * N_RANDOM_PATS);
	bj_match   *got = malloc(sizeof(bj_match) * MAXM * 4);
	bj_match   *want = malloc(sizeof(bj_match) * MAXM * 4);
	bj_matcher *m = bj_matcher_new();
	size_t		np = 0;
	size_t		distinct = 0;
	int			round;
	size_t		i;
	size_t		k;

	ck_assert_ptr_nonnull(pats);
	ck_assert_ptr_nonnull(got);
	ck_assert_ptr_nonnull(want);
	rng_state = 20240611ULL + (unsigned long long) fold;
	ck_assert_int_eq(bj_matcher_set_fold(m, fold ? BJ_MATCHER_FOLD_ASCII : 0), 0);
	for (np = 0; np < N_RANDOM_PATS; np++)
	{
		rpat	   *p = &pats[np];
		int			r;

		/* mostly long (many states), some short (many matches) */
		p->len = gen(p->s, np % 10 == 0 ? 2 : 8, 0);
		p->id = (int) np;
		r = bj_matcher_add(m, p->s, p->len, p->id);
		ck_assert_int_ge(r, 0);
		/* the naive reference finds the duplicate itself */
		for (i = 0; i < np; i++)
			if (pats[i].id >= 0 && pats[i].len == p->len &&
				eq_fold(pats[i].s, p->s, p->len, fold))
				break;
		ck_assert_int_eq(r, i < np ? BJ_MATCHER_DUPLICATE : BJ_MATCHER_OK);
		if (i < np)
			p->id = -1;
		else
			distinct++;
	}
	ck_assert_uint_eq(bj_matcher_count(m), distinct);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);

	for (round = 0; round < 30; round++)
	{
		char		text[100 * 6];	/* 100 units of at most 6 bytes */
		size_t		len = round == 0 ? 0 : gen(text, 100, 1);
		size_t		ng;
		size_t		nw;
		bj_match	first;
		int			found;

		ng = run_n(m, text, len, got, MAXM * 4, &found, &first);
		nw = naive_all(pats, np, text, len, fold, want, MAXM * 4);
		ck_assert_uint_eq(ng, nw);
		ck_assert_int_eq(found, nw > 0);
		for (k = 0; k < nw; k++)
		{
			ck_assert_int_eq(got[k].id, want[k].id);
			ck_assert_uint_eq(got[k].start, want[k].start);
			ck_assert_uint_eq(got[k].len, want[k].len);
			/* never starts on a continuation byte (patterns are valid) */
			ck_assert((text[got[k].start] & 0xC0) != 0x80);
		}
		if (nw > 0)
		{
			ck_assert_int_eq(first.id, want[0].id);
			ck_assert_uint_eq(first.start, want[0].start);
		}
	}
	bj_matcher_free(m);
	free(pats);
	free(got);
	free(want);
}
END_TEST

/* Invalid UTF-8 in the text: matches only around whole characters. */
START_TEST(invalid_text)
{
	static const char *const pats[] = {"中", "中文", "文", "a", NULL};
	/* \xe4\xb8 (truncated 中) + 中文 + \x80 + \xad (tail of 中) + a */
	static const char text[] = "\xe4\xb8\xe4\xb8\xad\xe6\x96\x87\x80\xad" "a";
	static const exp_match exp[] = {{0, 2, 3}, {1, 2, 6}, {2, 5, 3},
	{3, 10, 1}};
	bj_matcher *m = build_list(pats, 0);

	expect_matches(m, text, exp, 4);
	/* every prefix of the text: no read past the end (valgrind) */
	{
		size_t		l;
		bj_match	all[8];
		bj_match	first;
		int			found;

		for (l = 0; l <= sizeof(text) - 1; l++)
		{
			size_t		n = run_n(m, text, l, all, 8, &found, &first);
			size_t		k;

			for (k = 0; k < n; k++)
				ck_assert_uint_le(all[k].start + all[k].len, l);
		}
	}
	bj_matcher_free(m);
}
END_TEST

/* --- the 第十一条 dictionary and corpus ----------------------------------- */

typedef struct dict
{
	char	  **terms;
	int		   *clause;			/* index into CLAUSES */
	int			n;
} dict;

/* Open a data file relative to the repo root (or $BJXM_ROOT). */
static FILE *
open_data(const char *rel)
{
	char		path[1024];
	const char *root = getenv("BJXM_ROOT");
	FILE	   *f;

	if (root && *root)
		snprintf(path, sizeof(path), "%s/%s", root, rel);
	else
		snprintf(path, sizeof(path), "%s", rel);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s (run from the repository root "
				  "or set BJXM_ROOT)", path);
	return f;
}

static int
clause_index(const char *s)
{
	int			i;

	for (i = 0; i < 3; i++)
		if (strcmp(s, CLAUSES[i]) == 0)
			return i;
	return -1;
}

/* Split line at tabs in place; returns number of fields (≤ max). */
static int
split_tabs(char *line, char **f, int max)
{
	int			n = 0;
	char	   *p = line;
	size_t		l = strlen(line);

	while (l > 0 && (line[l - 1] == '\n' || line[l - 1] == '\r'))
		line[--l] = '\0';
	if (l == 0)
		return 0;
	f[n++] = p;
	while ((p = strchr(p, '\t')) != NULL)
	{
		*p++ = '\0';
		if (n == max)
			return max + 1;
		f[n++] = p;
	}
	return n;
}

static void
load_dict(dict *d)
{
	FILE	   *f = open_data("data/excluded_terms.tsv");
	char		line[512];
	int			cap = 512;
	int			lineno = 0;

	d->n = 0;
	d->terms = malloc(sizeof(char *) * cap);
	d->clause = malloc(sizeof(int) * cap);
	while (fgets(line, sizeof(line), f))
	{
		char	   *fld[3];
		int			nf = split_tabs(line, fld, 2);
		int			c;

		lineno++;
		ck_assert_msg(nf == 2, "excluded_terms.tsv:%d: want term<TAB>clause",
					  lineno);
		c = clause_index(fld[1]);
		ck_assert_msg(c >= 0, "excluded_terms.tsv:%d: bad clause %s", lineno,
					  fld[1]);
		ck_assert_msg(strlen(fld[0]) > 0, "excluded_terms.tsv:%d: empty term",
					  lineno);
		ck_assert_int_lt(d->n, cap);
		d->terms[d->n] = malloc(strlen(fld[0]) + 1);
		strcpy(d->terms[d->n], fld[0]);
		d->clause[d->n] = c;
		d->n++;
	}
	fclose(f);
}

static void
free_dict(dict *d)
{
	int			i;

	for (i = 0; i < d->n; i++)
		free(d->terms[i]);
	free(d->terms);
	free(d->clause);
}

/* The dictionary as the trigger will use it (ASCII folded). */
static bj_matcher *
dict_matcher(const dict *d)
{
	bj_matcher *m = bj_matcher_new();
	int			i;

	ck_assert_int_eq(bj_matcher_set_fold(m, BJ_MATCHER_FOLD_ASCII), 0);
	for (i = 0; i < d->n; i++)
	{
		int			r = bj_matcher_add(m, d->terms[i], strlen(d->terms[i]), i);

		ck_assert_msg(r == BJ_MATCHER_OK, "term %s: status %d (duplicate or "
					  "invalid)", d->terms[i], r);
	}
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	return m;
}

/* ≥ 180 well-formed, distinct rows covering all three items. */
START_TEST(dict_shape)
{
	dict		d;
	int			per[3] = {0, 0, 0};
	int			i;
	bj_matcher *m;

	load_dict(&d);
	ck_assert_int_ge(d.n, 180);
	for (i = 0; i < d.n; i++)
		per[d.clause[i]]++;
	for (i = 0; i < 3; i++)
		ck_assert_int_gt(per[i], 0);
	m = dict_matcher(&d);
	ck_assert_uint_eq(bj_matcher_count(m), (size_t) d.n);
	bj_matcher_free(m);
	free_dict(&d);
}
END_TEST

/* Clause (index into CLAUSES) of the first dictionary match, or -1. */
static int
dict_first(const dict *d, const bj_matcher *m, const char *name,
		   const char **term)
{
	bj_match	x;
	char	   *copy = malloc(strlen(name) + 1);
	int			found;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, name, strlen(name));
	found = bj_matcher_find(m, copy, strlen(name), &x);
	free(copy);
	if (!found)
		return -1;
	*term = d->terms[x.id];
	return d->clause[x.id];
}

/* docs/reference.md §5 / the brief: these must be refused, under these items. */
static const struct
{
	const char *name;
	int			clause;
}			must_refuse[] = {
	{"笔记本电脑", 0}, {"办公桌椅", 0}, {"话费", 0}, {"短信费", 0},
	{"公务用车", 0}, {"加油费", 0}, {"差旅费", 0}, {"人员工资", 0},
	{"硒鼓", 0}, {"墨盒", 0}, {"宣传推广", 1}, {"内容采编", 1},
	{"办公楼装修", 2}, {"办公电脑采购", 0}, {"办公家具", 0},
	{"宣传推广费", 1}, {"手机话费", 0}, {"办公相关短信费", 0},
	{"办公水电费", 0}, {"车辆购置及维护", 0}, {"耗材费", 0},
	{"手机或固话及其通讯费", 0}, {"业务系统开发(含办公电脑采购)", 0},
	{"新办公楼综合布线", 2}, {"办公场所改造配套网络", 2},
	{"新媒体运营", 1}, {"直播推广", 1}, {"广告投放", 1}, {"稿费", 1},
	{"运营推广费", 1}, {"人员培训费(干部培训)", 0},
};

#define N_MUST_REFUSE ((int) (sizeof(must_refuse) / sizeof(must_refuse[0])))

START_TEST(dict_must_refuse)
{
	dict		d;
	bj_matcher *m;
	const char *term = NULL;
	int			c;

	load_dict(&d);
	m = dict_matcher(&d);
	c = dict_first(&d, m, must_refuse[_i].name, &term);
	ck_assert_msg(c == must_refuse[_i].clause, "%s: got clause %d (%s), "
				  "want %s", must_refuse[_i].name, c, c >= 0 ? term : "-",
				  CLAUSES[must_refuse[_i].clause]);
	bj_matcher_free(m);
	free_dict(&d);
}
END_TEST

/* Subjects that look like expenses: these must pass. */
static const char *const must_pass[] = {
	"手机APP开发", "手机app开发", "短信验证码平台", "车辆管理系统",
	"工资发放系统", "水电站监测平台", "系统操作培训", "系统操作培训费",
	"数据中心机房综合布线", "差旅管理系统", "会议管理系统",
	"融媒体中心采编系统开发", "农民工工资支付监管平台",
	"加油站安全监管平台", "电子证照推广应用", "内容管理系统(CMS)开发",
};

#define N_MUST_PASS ((int) (sizeof(must_pass) / sizeof(must_pass[0])))

START_TEST(dict_must_pass)
{
	dict		d;
	bj_matcher *m;
	const char *term = NULL;
	int			c;

	load_dict(&d);
	m = dict_matcher(&d);
	c = dict_first(&d, m, must_pass[_i], &term);
	ck_assert_msg(c < 0, "%s matches %s", must_pass[_i], c >= 0 ? term : "");
	bj_matcher_free(m);
	free_dict(&d);
}
END_TEST

/*
 * data/expense_corpus.tsv: label<TAB>name[<TAB>known_miss].  Every
 * excluded line's first match (the term BJ011 would name) is under the
 * labelled item; no ok line matches.  Prints precision and recall.
 */
START_TEST(dict_corpus)
{
	dict		d;
	bj_matcher *m;
	FILE	   *f;
	char		line[1024];
	int			lineno = 0;
	int			tp = 0,
				fp = 0,
				fn = 0,
				tn = 0,
				known = 0;
	int			n_ok = 0,
				n_ex = 0;

	load_dict(&d);
	m = dict_matcher(&d);
	f = open_data("data/expense_corpus.tsv");
	while (fgets(line, sizeof(line), f))
	{
		char	   *fld[4];
		int			nf = split_tabs(line, fld, 3);
		const char *term = NULL;
		int			want;
		int			got;
		int			miss_ok;

		lineno++;
		ck_assert_msg(nf == 2 || nf == 3, "expense_corpus.tsv:%d: want "
					  "label<TAB>name[<TAB>known_miss]", lineno);
		miss_ok = nf == 3 && strcmp(fld[2], "known_miss") == 0;
		ck_assert_msg(nf == 2 || miss_ok, "expense_corpus.tsv:%d: third "
					  "column must be known_miss", lineno);
		want = strcmp(fld[0], "ok") == 0 ? -1 : clause_index(fld[0]);
		ck_assert_msg(want >= 0 || strcmp(fld[0], "ok") == 0,
					  "expense_corpus.tsv:%d: bad label %s", lineno, fld[0]);
		got = dict_first(&d, m, fld[1], &term);
		if (want < 0)
		{
			n_ok++;
			if (got >= 0)
				fp++;
			else
				tn++;
			ck_assert_msg(got < 0 || miss_ok, "expense_corpus.tsv:%d: ok line "
						  "%s matches %s", lineno, fld[1], term);
		}
		else
		{
			n_ex++;
			if (got == want)
				tp++;
			else
				fn++;
			ck_assert_msg(got == want || miss_ok, "expense_corpus.tsv:%d: %s: "
						  "want %s, got %s (%s)", lineno, fld[1], CLAUSES[want],
						  got >= 0 ? CLAUSES[got] : "no match",
						  got >= 0 ? term : "-");
		}
		known += miss_ok;
	}
	fclose(f);
	printf("expense corpus: %d ok + %d excluded lines, %d known_miss; "
		   "precision %.3f, recall %.3f (tp %d fp %d fn %d tn %d)\n",
		   n_ok, n_ex, known,
		   tp + fp ? (double) tp / (tp + fp) : 1.0,
		   tp + fn ? (double) tp / (tp + fn) : 1.0, tp, fp, fn, tn);
	fflush(stdout);
	ck_assert_int_ge(n_ok, 110);
	ck_assert_int_ge(n_ex, 110);
	bj_matcher_free(m);
	free_dict(&d);
}
END_TEST

/* bj_matcher_dfa16: the 16-bit table, stepped by hand, finds what find finds. */
START_TEST(dfa16_view)
{
	static const char *const texts[] = {"ushers", "xxhex", "HIS", "she", "", "h\xffis", "shis"};
	bj_matcher *m = bj_matcher_new();
	const uint16_t *delta = NULL;
	const uint16_t *cls = NULL;
	unsigned	shift = 0;

	ck_assert_int_eq(bj_matcher_set_fold(m, BJ_MATCHER_FOLD_ASCII), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_add(m, "he", 2, 0), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_add(m, "his", 3, 1), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_add(m, "hers", 4, 2), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_dfa16(NULL, &delta, &shift, &cls), 0);
	ck_assert_int_eq(bj_matcher_dfa16(m, &delta, &shift, &cls), 0);	/* not built */
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_dfa16(m, NULL, &shift, &cls), 0);
	ck_assert_int_eq(bj_matcher_dfa16(m, &delta, &shift, &cls), 1);
	ck_assert_ptr_nonnull(delta);
	ck_assert_int_eq(cls['H'], cls['h']);	/* folded */
	for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++)
	{
		unsigned	q = 0;
		int			hit = 0;

		for (size_t i = 0; texts[t][i] != '\0' && !hit; i++)
		{
			q = delta[((size_t) (q & 0x7FFF) << shift) + cls[(unsigned char) texts[t][i]]];
			hit = (q & 0x8000) != 0;
		}
		ck_assert_int_eq(hit, bj_matcher_find(m, texts[t], strlen(texts[t]), NULL));
	}
	bj_matcher_free(m);
}
END_TEST

Suite *
matcher_suite(void)
{
	Suite	   *s = suite_create("matcher (Aho–Corasick; 第十一条 dictionary)");
	TCase	   *tc;

	tc = tcase_create("automaton");
	tcase_add_test(tc, classic_ushers);
	tcase_add_test(tc, chinese);
	tcase_add_test(tc, prefix_suffix);
	tcase_add_test(tc, leftmost_ending_longest);
	tcase_add_test(tc, overlapping_same);
	tcase_add_test(tc, empty_text);
	tcase_add_test(tc, no_patterns);
	tcase_add_test(tc, truncation);
	tcase_add_test(tc, invalid_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_loop_test(tc, pattern_invalid_utf8, 0, N_BAD_UTF8);
	tcase_add_test(tc, pattern_valid_edges);
	tcase_add_test(tc, embedded_nul);
	tcase_add_test(tc, misuse);
	tcase_add_test(tc, duplicates);
	tcase_add_test(tc, case_folding);
	tcase_add_test(tc, allocator_balanced);
	tcase_add_test(tc, allocator_failures);
	tcase_add_test(tc, dfa16_view);
	suite_add_tcase(s, tc);

	tc = tcase_create("random");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, random_vs_naive, 0, 2);
	suite_add_tcase(s, tc);

	tc = tcase_create("dictionary");
	tcase_add_test(tc, dict_shape);
	tcase_add_loop_test(tc, dict_must_refuse, 0, N_MUST_REFUSE);
	tcase_add_loop_test(tc, dict_must_pass, 0, N_MUST_PASS);
	tcase_add_test(tc, dict_corpus);
	suite_add_tcase(s, tc);

	return s;
}
