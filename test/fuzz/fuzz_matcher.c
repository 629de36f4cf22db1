/*
 * fuzz_matcher.c — libFuzzer target for src/core/matcher.c (Aho–Corasick
 * over bytes).  No file I/O: the fixed pattern set is embedded.
 *
 * The first input byte picks a mode; the rest is the text:
 *   mode & 3 == 0  fixed patterns, exact bytes
 *   mode & 3 == 1  fixed patterns, ASCII folded
 *   mode & 3 >= 2  patterns taken from the input itself: count = next
 *                  byte % 9, then for each a length byte (% 12) and that
 *                  many bytes (invalid UTF-8 ones are refused by add and
 *                  left out of the reference); folded if mode & 1.
 * Checks, aborting on any failure: find agrees with the first of
 * find_all; find_all is ordered (end ascending, longer first) and every
 * match is in bounds, equals its pattern and does not start on a UTF-8
 * continuation byte; on the first 64 bytes of the text find_all equals a
 * naive search of every pattern at every offset.  The text is used in
 * place (libFuzzer allocates exactly size bytes) so ASan catches any read
 * past len.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAIVE_PREFIX 64
#define MAXP 64
#define MAXM 8192

/* A few dozen patterns: dictionary phrases, overlaps, ASCII for folding. */
static const char *const fixed[] = {
	"人员工资", "工资", "差旅费", "旅费", "费", "话费", "电话费", "短信费",
	"办公电脑", "电脑", "笔记本电脑", "办公电脑采购", "公务用车", "加油费",
	"宣传推广", "宣传推广费", "推广费", "内容采编", "办公楼装修", "办公楼",
	"硒鼓", "墨盒", "办公家具", "家具", "新办公楼综合布线", "综合布线",
	"APP", "app开发", "A4纸", "U盘采购", "he", "she", "his", "hers",
	"a", "aa", "aaa", "ab", "ba", "\xc2\x80", "\xef\xbf\xbf",
	"\xf4\x8f\xbf\xbf", "中", "中文", "文中", "x\0y",
};

#define N_FIXED ((int) (sizeof(fixed) / sizeof(fixed[0])))

typedef struct pat
{
	const unsigned char *s;
	size_t		len;
	int			id;				/* -1: not in the matcher (refused or dup) */
} pat;

static bj_matcher *fixed_m[2];
static pat	fixed_p[2][N_FIXED];

/* Abort unless cond holds. */
static void
require(int cond)
{
	if (!cond)
		abort();
}

static unsigned char
low(unsigned char c, int fold)
{
	return fold && c >= 'A' && c <= 'Z' ? (unsigned char) (c + 32) : c;
}

static int
eq(const unsigned char *a, const unsigned char *b, size_t n, int fold)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (low(a[i], fold) != low(b[i], fold))
			return 0;
	return 1;
}

/* Add pats to m in order, marking refused and duplicate ones id -1. */
static void
add_all(bj_matcher *m, pat *p, int n, int fold)
{
	int			i;
	int			j;

	for (i = 0; i < n; i++)
	{
		int			r = bj_matcher_add(m, (const char *) p[i].s, p[i].len, i);
		int			dup = 0;

		for (j = 0; j < i; j++)
			if (p[j].id >= 0 && p[j].len == p[i].len &&
				eq(p[j].s, p[i].s, p[i].len, fold))
				dup = 1;
		if (r == BJ_MATCHER_OK)
		{
			require(!dup && p[i].len > 0);
			p[i].id = i;
		}
		else
		{
			require(r == BJ_MATCHER_DUPLICATE ? dup :
					(r == BJ_MATCHER_EEMPTY ? p[i].len == 0 :
					 r == BJ_MATCHER_EUTF8));
			p[i].id = -1;
		}
	}
	require(bj_matcher_build(m) == BJ_MATCHER_OK);
}

static void
init_fixed(void)
{
	int			fold;
	int			i;

	for (fold = 0; fold < 2; fold++)
	{
		fixed_m[fold] = bj_matcher_new();
		require(fixed_m[fold] != NULL);
		require(bj_matcher_set_fold(fixed_m[fold], fold) == BJ_MATCHER_OK);
		for (i = 0; i < N_FIXED; i++)
		{
			fixed_p[fold][i].s = (const unsigned char *) fixed[i];
			/* "x\0y" is three bytes */
			fixed_p[fold][i].len = fixed[i][0] == 'x' ? 3 : strlen(fixed[i]);
		}
		add_all(fixed_m[fold], fixed_p[fold], N_FIXED, fold);
	}
}

/* Check m on text[0, len) against pats; naive comparison on a prefix. */
static void
check(const bj_matcher *m, const pat *p, int np, int fold,
	  const unsigned char *text, size_t len)
{
	static bj_match all[MAXM];
	static bj_match ref[MAXM];
	bj_match	first;
	size_t		n = bj_matcher_find_all(m, (const char *) text, len, all, MAXM);
	size_t		w = n < MAXM ? n : MAXM;
	int			found = bj_matcher_find(m, (const char *) text, len, &first);
	size_t		plen = len < NAIVE_PREFIX ? len : NAIVE_PREFIX;
	size_t		nr = 0;
	size_t		k;
	size_t		j;
	int			i;

	require(found == (n > 0));
	if (found)
		require(first.id == all[0].id && first.start == all[0].start &&
				first.len == all[0].len);
	require(bj_matcher_find_all(m, (const char *) text, len, NULL, 0) == n);
	for (k = 0; k < w; k++)
	{
		const bj_match *x = &all[k];

		require(x->id >= 0 && x->id < np && p[x->id].id == x->id);
		require(x->len == p[x->id].len);
		require(x->start + x->len <= len);
		require(eq(text + x->start, p[x->id].s, x->len, fold));
		require((text[x->start] & 0xC0) != 0x80);
		if (k > 0)
		{
			size_t		e0 = all[k - 1].start + all[k - 1].len;
			size_t		e1 = x->start + x->len;

			require(e0 < e1 || (e0 == e1 && all[k - 1].len > x->len));
		}
	}

	/* naive on the prefix, generated already in (end, longest) order */
	for (j = 1; j <= plen; j++)
	{
		size_t		best = 0;

		for (;;)
		{
			/* next longest pattern (shorter than best) ending at j */
			int			pick = -1;

			for (i = 0; i < np; i++)
				if (p[i].id >= 0 && p[i].len <= j &&
					(best == 0 || p[i].len < best) &&
					(pick < 0 || p[i].len > p[pick].len) &&
					eq(text + j - p[i].len, p[i].s, p[i].len, fold))
					pick = i;
			if (pick < 0)
				break;
			require(nr < MAXM);
			ref[nr].id = pick;
			ref[nr].len = p[pick].len;
			ref[nr].start = j - p[pick].len;
			nr++;
			best = p[pick].len;
		}
	}
	n = bj_matcher_find_all(m, (const char *) text, plen, all, MAXM);
	require(n == nr);
	for (k = 0; k < nr; k++)
		require(all[k].id == ref[k].id && all[k].start == ref[k].start &&
				all[k].len == ref[k].len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int			mode;
	int			fold;

	if (fixed_m[0] == NULL)
		init_fixed();
	if (size == 0)
		return 0;
	mode = data[0] & 3;
	fold = mode & 1;
	data++;
	size--;
	if (mode < 2)
		check(fixed_m[fold], fixed_p[fold], N_FIXED, fold, data, size);
	else
	{
		pat			p[MAXP];
		int			np = 0;
		int			want;
		bj_matcher *m = bj_matcher_new();

		require(m != NULL);
		require(bj_matcher_set_fold(m, fold) == BJ_MATCHER_OK);
		want = size > 0 ? data[0] % 9 : 0;
		if (size > 0)
		{
			data++;
			size--;
		}
		while (np < want && size > 0)
		{
			size_t		l = data[0] % 12;

			data++;
			size--;
			if (l > size)
				l = size;
			p[np].s = data;
			p[np].len = l;
			np++;
			data += l;
			size -= l;
		}
		add_all(m, p, np, fold);
		check(m, p, np, fold, data, size);
		bj_matcher_free(m);
	}
	return 0;
}
