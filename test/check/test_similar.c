/*
 * test_similar.c — Check tests of src/core/similar.c: normalisation of
 * project names, phase numbers, and their bigram (Dice) similarity, used
 * to spot one project split into several (第三十二条, 第三十四条(三)).
 *
 * Every call goes through a malloc'd copy of exactly the input length,
 * so valgrind (make valgrind) catches any read past len; outputs go to
 * exact-size heap buffers for the same reason on writes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "similar.h"
#include "suites.h"

/* 1 MB for the speed tests. */
#define BIG (1024 * 1024)

/* --- helpers -------------------------------------------------------------- */

/* An exact-size heap copy of s[0, len) (one byte if len is 0). */
static char *
heap_copy(const char *s, size_t len)
{
	char	   *copy = malloc(len ? len : 1);

	ck_assert_ptr_nonnull(copy);
	if (len > 0)
		memcpy(copy, s, len);
	return copy;
}

/* bj_similar_normalize of s[0, len) from a heap copy. */
static int
norm_n(const char *s, size_t len, char *out, size_t outcap)
{
	char	   *copy = heap_copy(s, len);
	int			r = bj_similar_normalize(copy, len, out, outcap);

	free(copy);
	return r;
}

/* Assert the normalised form of NUL-terminated s is want. */
static void
expect_norm(const char *s, const char *want)
{
	size_t		cap = strlen(s) + 1;
	char	   *out = malloc(cap);
	int			n;

	ck_assert_ptr_nonnull(out);
	n = norm_n(s, strlen(s), out, cap);
	ck_assert_msg(n >= 0 && strcmp(out, want) == 0,
				  "normalize(\"%s\") = %d \"%s\", want \"%s\"", s, n, out, want);
	ck_assert_int_eq(n, (int) strlen(want));
	free(out);
}

/* bj_similar_phase of NUL-terminated s from a heap copy. */
static int
phase_of(const char *s)
{
	char	   *copy = heap_copy(s, strlen(s));
	int			r = bj_similar_phase(copy, strlen(s));

	free(copy);
	return r;
}

/* bj_similarity of a[0, alen) and b[0, blen) from heap copies. */
static double
sim_n(const char *a, size_t alen, const char *b, size_t blen)
{
	char	   *ca = heap_copy(a, alen);
	char	   *cb = heap_copy(b, blen);
	double		r = bj_similarity(ca, alen, cb, blen);

	free(ca);
	free(cb);
	return r;
}

/* bj_similarity of NUL-terminated a and b. */
static double
sim(const char *a, const char *b)
{
	return sim_n(a, strlen(a), b, strlen(b));
}

/* 1 under valgrind (its preload library is in LD_PRELOAD). */
static int
under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");

	return p != NULL && strstr(p, "vgpreload") != NULL;
}

/* --- normalisation ------------------------------------------------------------ */

typedef struct norm_case
{
	const char *in;
	const char *want;
} norm_case;

static const norm_case norm_cases[] = {
	/* phase markers, every spelling of the brief */
	{"毕节市学生资助管理系统(一期)", "毕节市学生资助管理系统"},
	{"毕节市学生资助管理系统（二期）", "毕节市学生资助管理系统"},
	{"视频平台第一期", "视频平台"},
	{"视频平台第1期", "视频平台"},
	{"视频平台第 12 期", "视频平台"},
	{"视频平台第１２期", "视频平台"},
	{"视频平台 1期", "视频平台"},
	{"视频平台十二期", "视频平台"},
	{"视频平台二十三期", "视频平台"},
	{"视频平台两期", "视频平台"},
	{"视频平台一期工程", "视频平台工程"},
	{"【毕节市】“智慧教育”平台·二期工程", "毕节市智慧教育平台工程"},
	{"XX平台 Phase 2", "xx平台"},
	{"XX平台 phase II", "xx平台"},
	{"XX平台 PHASE-iv", "xx平台"},
	{"XX平台phase3", "xx平台"},
	{"XX平台 Phase xxxix", "xx平台"},
	{"Phase II平台", "平台"},
	/* not phase markers */
	{"phase", "phase"},
	{"emphase 2", "emphase2"},
	{"phase 2b", "phase2b"},
	{"phase ic", "phaseic"},
	{"phase iiii", "phaseiiii"},
	{"phase xl", "phasexl"},
	{"phase xxxxi", "phasexxxxi"},
	{"pha se 2", "phase2"},
	{"统一期限管理", "统一期限管理"},
	{"一期间", "一期间"},
	{"第一期刊物", "第一期刊物"},
	{"服务期间", "服务期间"},
	{"第期", "第期"},
	{"期", "期"},
	{"期一", "期一"},
	{"第一", "第一"},
	{"Ⅱ期", "Ⅱ期"},
	/* numeral runs: maximal, no gaps inside, longest Chinese numeral */
	{"1 2期", "1"},
	{"一二期工程", "一工程"},
	{"第十十期", "第十"},
	{"3第4期期", "3期"},
	{"12345期", ""},
	{"V2期", "v"},
	/* bid lots: 第 and the numeral go, 标段 stays */
	{"第一标段", "标段"},
	{"网络改造2标段", "网络改造标段"},
	{"网络改造第 3 标段", "网络改造标段"},
	{"第三标段（一期）", "标段"},
	{"三标", "三标"},
	/* white space, punctuation, zero-width, folding */
	{"a\xe3\x80\x80" "b c\td\r\ne", "abcde"},
	{"a\xe2\x80\x8b" "b\xe2\x80\x8c" "c\xe2\x80\x8d" "d\xe2\x81\xa0"
	 "e\xef\xbb\xbf" "f", "abcdef"},
	{"a\xc2\xa0" "b\xc2\xad" "c", "abc"},
	{"ＡＢＣ数据中心ｖ２", "abc数据中心v2"},
	{"ｖ１．０", "v10"},
	{"【】《》「」、。！？：；", ""},
	{"～·—…", ""},
	{"二〇二三年信息化", "二〇二三年信息化"},
	{"人々", "人々"},
	{"Ω平台", "Ω平台"},
	{"", ""},
};

#define N_NORM ((int) (sizeof(norm_cases) / sizeof(norm_cases[0])))

START_TEST(normalize_table)
{
	expect_norm(norm_cases[_i].in, norm_cases[_i].want);
}
END_TEST

/* ASCII controls, NUL included, are dropped; len is honoured. */
START_TEST(normalize_nul)
{
	char		out[8];

	ck_assert_int_eq(norm_n("A\0B\x01\x7f" "C", 6, out, sizeof(out)), 3);
	ck_assert_str_eq(out, "abc");
	ck_assert_int_eq(norm_n("AB", 1, out, sizeof(out)), 1);
	ck_assert_str_eq(out, "a");
}
END_TEST

/* snprintf-like result, whole characters only, nothing past outcap. */
START_TEST(normalize_outcap)
{
	static const char in[] = "毕节(AB)";	/* normalises to 毕节ab, 8 bytes */
	static const struct
	{
		size_t		cap;
		const char *want;
	}			cases[] = {
		{1, ""}, {2, ""}, {3, ""}, {4, "毕"}, {6, "毕"}, {7, "毕节"},
		{8, "毕节a"}, {9, "毕节ab"}, {10, "毕节ab"},
	};
	size_t		i;

	ck_assert_int_eq(norm_n(in, strlen(in), NULL, 0), 8);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		/* a canary after the exact-size buffer would be seen by valgrind;
		 * also check the bytes the function may not use stay untouched */
		char	   *out = malloc(cases[i].cap);
		size_t		k;

		ck_assert_ptr_nonnull(out);
		memset(out, 0x55, cases[i].cap);
		ck_assert_int_eq(norm_n(in, strlen(in), out, cases[i].cap), 8);
		ck_assert_str_eq(out, cases[i].want);
		for (k = strlen(cases[i].want) + 1; k < cases[i].cap; k++)
			ck_assert_int_eq((unsigned char) out[k], 0x55);
		free(out);
	}
}
END_TEST

START_TEST(normalize_misuse)
{
	char		out[4] = "xyz";

	ck_assert_int_eq(bj_similar_normalize(NULL, 0, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(bj_similar_normalize(NULL, 0, NULL, 0), 0);
	ck_assert_int_eq(bj_similar_normalize(NULL, 1, out, sizeof(out)),
					 BJ_SIMILAR_EINVAL);
	ck_assert_int_eq(bj_similar_normalize("a", 1, NULL, 1), BJ_SIMILAR_EINVAL);
	ck_assert_int_eq(bj_similar_phase(NULL, 0), 0);
	ck_assert_int_eq(bj_similar_phase(NULL, 1), BJ_SIMILAR_EINVAL);
	ck_assert(bj_similarity(NULL, 1, "a", 1) == BJ_SIMILAR_EINVAL);
	ck_assert(bj_similarity("a", 1, NULL, 1) == BJ_SIMILAR_EINVAL);
	ck_assert(bj_similarity(NULL, 0, NULL, 0) == 0.0);
	ck_assert(bj_similarity_with("a", 1, "a", 1, NULL, free) ==
			  BJ_SIMILAR_EINVAL);
	ck_assert(bj_similarity_with("a", 1, "a", 1, malloc, NULL) ==
			  BJ_SIMILAR_EINVAL);
}
END_TEST

/* --- invalid UTF-8 --------------------------------------------------------- */

#include "utf8_cases.h"


START_TEST(invalid_utf8)
{
	const char *bad = bad_utf8[_i];
	char		out[64];

	memset(out, 'x', sizeof(out));
	ck_assert_int_eq(norm_n(bad, strlen(bad), out, sizeof(out)),
					 BJ_SIMILAR_EUTF8);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(norm_n(bad, strlen(bad), NULL, 0), BJ_SIMILAR_EUTF8);
	ck_assert_int_eq(phase_of(bad), BJ_SIMILAR_EUTF8);
	ck_assert(sim(bad, "毕节市") == BJ_SIMILAR_EUTF8);
	ck_assert(sim("毕节市", bad) == BJ_SIMILAR_EUTF8);
	ck_assert(sim(bad, bad) == BJ_SIMILAR_EUTF8);
	ck_assert(sim(bad, "") == BJ_SIMILAR_EUTF8);
	ck_assert(sim("", bad) == BJ_SIMILAR_EUTF8);
}
END_TEST

/* The edges of the valid ranges are accepted. */
START_TEST(valid_utf8_edges)
{
	static const char *const ok[] = {
		"\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf",
		"\xee\x80\x80", "\xef\xbf\xbf", "\xf0\x90\x80\x80",
		"\xf4\x8f\xbf\xbf",
	};
	size_t		i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
	{
		ck_assert_int_ge(norm_n(ok[i], strlen(ok[i]), NULL, 0), 0);
		ck_assert(sim(ok[i], ok[i]) >= 0.0);
	}
	/* U+0080 is a C1 control: dropped; U+FFFF and U+10FFFF are kept */
	expect_norm("\xc2\x80", "");
	expect_norm("\xef\xbf\xbf", "\xef\xbf\xbf");
	expect_norm("\xf4\x8f\xbf\xbf" "a", "\xf4\x8f\xbf\xbf" "a");
	ck_assert(sim("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf") == 1.0);
}
END_TEST

/* --- phase numbers ------------------------------------------------------------ */

typedef struct phase_case
{
	const char *in;
	int			want;
} phase_case;

static const phase_case phase_cases[] = {
	{"毕节市学生资助管理系统(一期)", 1},
	{"毕节市学生资助管理系统(二期)", 2},
	{"平台第3期", 3},
	{"二期工程", 2},
	{"第十二期", 12},
	{"第十期", 10},
	{"二十三期", 23},
	{"九十九期", 99},
	{"两期", 2},
	{"第１２期", 12},
	{"第 12 期", 12},
	{"平台 Phase II", 2},
	{"平台 phase 3", 3},
	{"平台 PHASE xxxix", 39},
	{"平台 phase-iv", 4},
	{"一二期", 2},
	{"一期二期", 1},
	{"第一标段二期", 2},
	{"第一标段", 0},
	{"99999期", BJ_SIMILAR_PHASE_MAX},
	{"0期", 0},
	{"统一期限", 0},
	{"无期", 0},
	{"phase", 0},
	{"", 0},
};

#define N_PHASE ((int) (sizeof(phase_cases) / sizeof(phase_cases[0])))

START_TEST(phase_table)
{
	ck_assert_msg(phase_of(phase_cases[_i].in) == phase_cases[_i].want,
				  "phase(\"%s\") = %d, want %d", phase_cases[_i].in,
				  phase_of(phase_cases[_i].in), phase_cases[_i].want);
}
END_TEST

/* --- similarity -------------------------------------------------------------- */

/* The cases of the brief: 第三十二条 / 第三十四条(三) splitting. */
START_TEST(regulation_examples)
{
	const char *p1 = "毕节市学生资助管理系统(一期)";
	const char *p2 = "毕节市学生资助管理系统(二期)";
	double		r;

	ck_assert(sim(p1, p2) == 1.0);
	ck_assert_int_eq(phase_of(p1), 1);
	ck_assert_int_eq(phase_of(p2), 2);

	/* 9 bigrams each, 6 shared: 12/18 */
	r = sim("全市视频监控共享平台", "视频监控资源共享平台");
	ck_assert_double_ge(r, 0.6);
	ck_assert_double_eq_tol(r, 2.0 / 3.0, 1e-12);

	r = sim("毕节市公积金管理系统", "教育局视频会议平台");
	ck_assert_double_lt(r, 0.3);
	ck_assert(r == 0.0);
}
END_TEST

typedef struct dice_case
{
	const char *a;
	const char *b;
	int			num;			/* 2 |A ∩ B| */
	int			den;			/* |A| + |B| */
} dice_case;

/* Worked by hand from the bigram multisets. */
static const dice_case dice_cases[] = {
	/* {信息 息系 系统} vs {信息 息平 平台} */
	{"信息系统", "信息平台", 2, 6},
	/* {aa aa aa} vs {aa} */
	{"aaaa", "aa", 2, 4},
	/* {ab ba ab} vs {ab} */
	{"abab", "ab", 2, 4},
	/* {ab ba ab} vs {ba ab ba}: ab min(2,1) + ba min(1,2) */
	{"abab", "baba", 4, 6},
	/* 9 bigrams vs 毕节市政务云平台 (二期 removed): 7, 6 shared */
	{"毕节市电子政务云平台", "毕节市政务云平台二期", 12, 16},
	/* one character: its own element, sharing nothing with a bigram */
	{"a", "a", 2, 2},
	{"a", "b", 0, 2},
	{"a", "ab", 0, 2},
	{"a", "aa", 0, 2},
	{"中", "中国", 0, 2},
	{"（中）", "中", 2, 2},
	/* folding and punctuation before the bigrams */
	{"ＡＢ-c", "abc", 4, 4},
	{"A.B.C.D", "abxd", 2, 6},
};

#define N_DICE ((int) (sizeof(dice_cases) / sizeof(dice_cases[0])))

START_TEST(exact_dice)
{
	const dice_case *c = &dice_cases[_i];
	double		want = (double) c->num / (double) c->den;
	double		r = sim(c->a, c->b);

	ck_assert_msg(r >= want - 1e-12 && r <= want + 1e-12,
				  "sim(\"%s\", \"%s\") = %.17g, want %d/%d", c->a, c->b, r,
				  c->num, c->den);
	ck_assert(sim(c->b, c->a) == r);
}
END_TEST

static const char *const names[] = {
	"毕节市学生资助管理系统(一期)", "毕节市学生资助管理系统", "学生资助",
	"全市视频监控共享平台", "视频监控资源共享平台", "毕节市公积金管理系统",
	"教育局视频会议平台", "XX平台 Phase II", "ＡＢＣ", "abc", "a", "中",
	"aaaa", "abab", "", "【】", "第一标段", "phase 2b",
};

#define N_NAMES ((int) (sizeof(names) / sizeof(names[0])))

/* Symmetric to the bit, in [0, 1]; identical non-empty texts give 1. */
START_TEST(symmetry_range_identity)
{
	int			i;
	int			j;

	for (i = 0; i < N_NAMES; i++)
	{
		int			n = norm_n(names[i], strlen(names[i]), NULL, 0);

		ck_assert_int_ge(n, 0);
		ck_assert(sim(names[i], names[i]) == (n > 0 ? 1.0 : 0.0));
		for (j = 0; j < N_NAMES; j++)
		{
			double		r = sim(names[i], names[j]);

			ck_assert(r >= 0.0 && r <= 1.0);
			ck_assert(r == sim(names[j], names[i]));
		}
	}
}
END_TEST

START_TEST(fullwidth_equals_halfwidth)
{
	char		a[64];
	char		b[64];

	ck_assert_int_eq(norm_n("ＯＡ办公系统Ｖ３．０", strlen("ＯＡ办公系统Ｖ３．０"),
							a, sizeof(a)),
					 norm_n("oa办公系统v3.0", strlen("oa办公系统v3.0"), b,
							sizeof(b)));
	ck_assert_str_eq(a, b);
	ck_assert_str_eq(a, "oa办公系统v30");
	ck_assert(sim("ＯＡ办公系统Ｖ３．０", "OA办公系统v3.0") == 1.0);
	ck_assert(sim("ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ",
				  "abcdefghijklmnopqrstuvwxyz") == 1.0);
	ck_assert(sim("ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ０１２３４５６７８９",
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == 1.0);
}
END_TEST

START_TEST(zero_width_ignored)
{
	/* U+200B U+200C U+200D U+2060 U+FEFF inside a name */
	const char *zw = "毕节\xe2\x80\x8b市公\xe2\x80\x8c积金\xe2\x80\x8d管理"
		"\xe2\x81\xa0系统\xef\xbb\xbf";

	ck_assert(sim(zw, "毕节市公积金管理系统") == 1.0);
	expect_norm(zw, "毕节市公积金管理系统");
	/* zero-width characters between the parts of a marker */
	expect_norm("系统\xe2\x80\x8b二\xe2\x80\x8b期", "系统");
}
END_TEST

START_TEST(invisible_selectors_ignored)
{
	/*
	 * The red-team's split name: U+FE0F after every character scored 0
	 * against its visible sibling.  Also U+E0100, U+034F, U+180B, U+3164
	 * and a tag character U+E0041.
	 */
	const char *vs = "乡\xef\xb8\x8f村\xef\xb8\x8f振\xef\xb8\x8f兴\xef\xb8\x8f"
		"数\xf3\xa0\x84\x80据\xcd\x8f平\xe1\xa0\x8b台\xe3\x85\xa4三期\xf3\xa0\x81\x81";

	expect_norm(vs, "乡村振兴数据平台");
	ck_assert(sim(vs, "乡村振兴数据平台一期") == 1.0);
	/* a Hangul syllable or a CJK character is not dropped */
	expect_norm("数\xea\xb0\x80据", "数\xea\xb0\x80据");
}
END_TEST

START_TEST(empty_inputs)
{
	char		out[4] = "xyz";

	ck_assert_int_eq(norm_n("", 0, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "");
	ck_assert(sim("", "") == 0.0);
	ck_assert(sim("", "毕节市") == 0.0);
	ck_assert(sim("毕节市", "") == 0.0);
	/* empty after normalisation */
	ck_assert(sim("（一期）", "【二期】") == 0.0);
	ck_assert(sim(" \xe3\x80\x80 ", "毕节市") == 0.0);
	ck_assert_int_eq(phase_of(""), 0);
}
END_TEST

/* --- allocator -------------------------------------------------------------- */

static int n_alloc;
static int n_free;
static int fail_alloc;

static void *
count_alloc(size_t n)
{
	if (fail_alloc)
		return NULL;
	n_alloc++;
	return malloc(n);
}

static void
count_free(void *p)
{
	n_free++;
	free(p);
}

START_TEST(allocator)
{
	const char *a = "全市视频监控共享平台";
	const char *b = "视频监控资源共享平台";
	double		r;

	n_alloc = n_free = fail_alloc = 0;
	r = bj_similarity_with(a, strlen(a), b, strlen(b), count_alloc,
						   count_free);
	ck_assert_double_eq_tol(r, 2.0 / 3.0, 1e-12);
	ck_assert_int_eq(n_alloc, 1);
	ck_assert_int_eq(n_free, 1);

	/* nothing to compare: no allocation */
	r = bj_similarity_with(a, strlen(a), "（）", strlen("（）"), count_alloc,
						   count_free);
	ck_assert(r == 0.0);
	ck_assert_int_eq(n_alloc, 1);

	fail_alloc = 1;
	r = bj_similarity_with(a, strlen(a), b, strlen(b), count_alloc,
						   count_free);
	ck_assert(r == BJ_SIMILAR_ENOMEM);
	ck_assert_int_eq(n_free, 1);
	/* invalid UTF-8 is found before anything is allocated */
	r = bj_similarity_with(a, strlen(a), "\xff", 1, count_alloc, count_free);
	ck_assert(r == BJ_SIMILAR_EUTF8);
	fail_alloc = 0;
}
END_TEST

/* --- 1 MB inputs -------------------------------------------------------------- */

/* Fill 1 MB (less a partial character) with copies of unit. */
static size_t
fill_big(char *buf, const char *unit)
{
	size_t		ul = strlen(unit);
	size_t		n = BIG - BIG % ul;
	size_t		i;

	for (i = 0; i < n; i += ul)
		memcpy(buf + i, unit, ul);
	return n;
}

/* Units repeated to 1 MB: names, and worst cases for the marker rules. */
static const char *const big_units[] = {
	"毕节市学生资助管理系统(一期)、全市视频监控共享平台第3标段；",
	"1",						/* one numeral run of 1 MB, no marker */
	"一二三四五六七八九十",	/* Chinese numerals, no marker */
	"第第1第 phase ",			/* markers that almost match */
	" ",						/* all ignorable */
	"ab",
};

#define N_BIG ((int) (sizeof(big_units) / sizeof(big_units[0])))

/* Linear time: 1 MB against itself and against a short name. */
START_TEST(big_input)
{
	char	   *a = malloc(BIG);
	char	   *b = malloc(BIG);
	size_t		n;
	double		limit = under_valgrind() ? 60.0 : 0.5;
	double		secs;
	clock_t		t0;
	double		r;
	int			len;

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	n = fill_big(a, big_units[_i]);
	memcpy(b, a, n);
	t0 = clock();
	r = bj_similarity(a, n, b, n);
	len = bj_similar_normalize(a, n, NULL, 0);
	ck_assert(bj_similarity(a, n, "毕节市学生资助管理系统",
							strlen("毕节市学生资助管理系统")) >= 0.0);
	ck_assert_int_ge(bj_similar_phase(a, n), 0);
	secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
	ck_assert_int_ge(len, 0);
	ck_assert(r == (len > 0 ? 1.0 : 0.0));
	ck_assert_msg(secs < limit, "1 MB of \"%s\": %.3f s (limit %.1f s)",
				  big_units[_i], secs, limit);
	free(a);
	free(b);
}
END_TEST

/* A long name and a one-character change: nearly 1, never above. */
START_TEST(big_near_identical)
{
	char	   *a = malloc(BIG);
	char	   *b = malloc(BIG);
	size_t		n = fill_big(a, "毕节市公积金管理系统");
	double		r;

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	memcpy(b, a, n);
	memcpy(b + n / 2 - (n / 2) % 3, "国", 3);
	r = bj_similarity(a, n, b, n);
	ck_assert(r < 1.0);
	ck_assert_double_gt(r, 0.999);
	ck_assert(r == bj_similarity(b, n, a, n));
	free(a);
	free(b);
}
END_TEST

/* Work words at the end are stripped (建设, 升级, …), operation words kept. */
START_TEST(strip_work_words)
{
	static const struct
	{
		const char *in;
		const char *out;
	}			cases[] = {
		{"公交电子站牌系统建设", "公交电子站牌系统"},
		{"公交电子站牌系统升级", "公交电子站牌系统"},
		{"智慧教育平台升级改造项目", "智慧教育平台"},
		{"影像云平台运维", "影像云平台运维"},
		{"政务服务平台", "政务服务平台"},
		{"建设项目", "建设项目"},
		{"", ""},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		size_t		n = bj_similar_strip_work(cases[i].in, strlen(cases[i].in));

		ck_assert_msg(n == strlen(cases[i].out) && memcmp(cases[i].in, cases[i].out, n) == 0,
					  "%s: kept %zu bytes", cases[i].in, n);
	}
	ck_assert_uint_eq(bj_similar_strip_work(NULL, 0), 0);
}
END_TEST

Suite *
similar_suite(void)
{
	Suite	   *s = suite_create("similar (project-name bigram similarity)");
	TCase	   *tc;

	tc = tcase_create("normalize");
	tcase_add_loop_test(tc, normalize_table, 0, N_NORM);
	tcase_add_test(tc, strip_work_words);
	tcase_add_test(tc, normalize_nul);
	tcase_add_test(tc, normalize_outcap);
	tcase_add_test(tc, normalize_misuse);
	tcase_add_loop_test(tc, invalid_utf8, 0, N_BAD_UTF8);
	tcase_add_test(tc, valid_utf8_edges);
	suite_add_tcase(s, tc);

	tc = tcase_create("phase");
	tcase_add_loop_test(tc, phase_table, 0, N_PHASE);
	suite_add_tcase(s, tc);

	tc = tcase_create("similarity");
	tcase_add_test(tc, regulation_examples);
	tcase_add_loop_test(tc, exact_dice, 0, N_DICE);
	tcase_add_test(tc, symmetry_range_identity);
	tcase_add_test(tc, fullwidth_equals_halfwidth);
	tcase_add_test(tc, zero_width_ignored);
	tcase_add_test(tc, invisible_selectors_ignored);
	tcase_add_test(tc, empty_inputs);
	tcase_add_test(tc, allocator);
	suite_add_tcase(s, tc);

	tc = tcase_create("big");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, big_input, 0, N_BIG);
	tcase_add_test(tc, big_near_identical);
	suite_add_tcase(s, tc);
	return s;
}
