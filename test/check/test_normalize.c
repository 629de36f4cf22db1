/*
 * test_normalize.c — Check tests of src/core/normalize.c: the spelling-
 * proof normalisation of issue 16 (spaces, invisible characters,
 * punctuation, traditional characters, full-width and compatibility
 * forms) and its offset map back to the original text.
 *
 * Every call goes through a malloc'd copy of exactly the input length
 * and exact-size output buffers, so valgrind catches any access past
 * len or outcap.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "normalize.h"
#include "utf8.h"
#include "suites.h"

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

/*
 * Normalise s[0, len) from a heap copy; returns the status, the result
 * as a malloc'd C string in *res (NULL on error), the map in *map when
 * map is not NULL.  Also checks that an outcap-0 count agrees.
 */
static int
norm_n(const char *s, size_t len, char **res, uint32_t **map, size_t *n)
{
	char	   *copy = heap_copy(s, len);
	size_t		need = 0;
	int			c = bj_norm(copy, len, NULL, 0, NULL, &need);
	int			r = bj_norm_dup(copy, len, res, map, n);

	if (r == BJ_NORM_OK)
	{
		ck_assert(c == (*n == 0 ? BJ_NORM_OK : BJ_NORM_ENOSPACE));
		ck_assert_uint_eq(need, *n);
	}
	else
		ck_assert_int_eq(c, r);
	free(copy);
	return r;
}

/* Assert that NUL-terminated s normalises to want. */
static void
expect_norm(const char *s, const char *want)
{
	char	   *res = NULL;
	size_t		n = 0;
	int			r = norm_n(s, strlen(s), &res, NULL, &n);

	ck_assert_msg(r == BJ_NORM_OK && n == strlen(want) &&
				  memcmp(res, want, n) == 0,
				  "norm(\"%s\") = %d \"%s\", want \"%s\"", s, r,
				  res ? res : "(null)", want);
	free(res);
}

/* Assert that s[0, len) is refused as invalid UTF-8. */
static void
expect_invalid(const char *s, size_t len)
{
	char	   *res = (char *) 1;
	size_t		n = 99;
	int			r = norm_n(s, len, &res, NULL, &n);

	ck_assert_int_eq(r, BJ_NORM_EUTF8);
	ck_assert_ptr_null(res);
	ck_assert_uint_eq(n, 0);
}

/* --- the spellings of issue 16 ------------------------------------------- */

typedef struct norm_case
{
	const char *in;
	const char *want;
} norm_case;

static const norm_case issue_cases[] = {
	{"笔记本电脑", "笔记本电脑"},
	{"笔记本 电脑", "笔记本电脑"},
	{"笔记本\xe3\x80\x80电脑", "笔记本电脑"},	/* U+3000 */
	{"笔记本\xc2\xa0电脑", "笔记本电脑"},	/* U+00A0 */
	{"笔记本\xe2\x80\x83电脑", "笔记本电脑"},	/* U+2003 em space */
	{"笔记本\xe2\x80\xaf电脑", "笔记本电脑"},	/* U+202F */
	{"笔记本\xe2\x81\x9f电脑", "笔记本电脑"},	/* U+205F */
	{"笔记本\t\n\r电脑", "笔记本电脑"},
	{"笔记本\xe2\x80\x8b电脑", "笔记本电脑"},	/* U+200B */
	{"笔记本\xe2\x80\x8d电脑", "笔记本电脑"},	/* U+200D */
	{"笔记本\xe2\x80\x8c电脑", "笔记本电脑"},	/* U+200C */
	{"笔记本\xc2\xad电脑", "笔记本电脑"},	/* U+00AD */
	{"\xef\xbb\xbf笔记本电脑", "笔记本电脑"},	/* BOM */
	{"笔记本\xe2\x81\xa0电脑", "笔记本电脑"},	/* U+2060 word joiner */
	{"笔记本\xe2\x80\x8f\xe2\x80\xae电脑", "笔记本电脑"},	/* RLM, RLO */
	{"笔\xef\xb8\x8f记本电脑", "笔记本电脑"},	/* U+FE0F */
	{"笔\xf3\xa0\x84\x81记本电脑", "笔记本电脑"},	/* U+E0101 */
	{"笔\xf3\xa0\x80\x81记本电脑", "笔记本电脑"},	/* U+E0001 tag */
	{"笔记本-电脑", "笔记本电脑"},
	{"笔记本—电脑", "笔记本电脑"},
	{"笔记本‐电脑", "笔记本电脑"},
	{"笔·记·本电脑", "笔记本电脑"},
	{"笔・记・本电脑", "笔记本电脑"},	/* U+30FB */
	{"笔•记•本电脑", "笔记本电脑"},
	{"笔、记。本「电」脑", "笔记本电脑"},
	{"《笔记本》【电脑】", "笔记本电脑"},
	{"笔记本，电脑！", "笔记本电脑"},	/* full-width punctuation */
	{"笔︱记﹏本﹐电脑", "笔记本电脑"},	/* U+FE31, U+FE4F, U+FE50 */
	{"笔*记+本$电%脑", "笔记本电脑"},
	{"笔★记※本→电脑", "笔记本电脑"},
	{"筆記本電腦", "笔记本电脑"},
	{"筆記本 電腦", "笔记本电脑"},
	{"Ａ４纸", "a4纸"},
	{"Ａ４紙", "a4纸"},
	{"ＡＢＣａｂｃ０１９", "abcabc019"},
	{"ｶﾀｶﾅ", "カタカナ"},
	{"⾝份证", "身份证"},	/* U+2F9D Kangxi radical */
	{"⻋辆", "车辆"},	/* U+2ECB CJK radicals supplement */
	{"⻓城", "长城"},	/* U+2ED3 */
	{"\xef\xa4\x80", "岂"},	/* U+F900 豈 → 豈 → 岂 */
	{"\xf0\xaf\xa0\x80", "丽"},	/* U+2F800 → U+4E3D 丽 */
	{"①", "1"},
	{"⑩号", "10号"},
	{"㈠", "一"},
	{"㊀", "一"},
	{"⒈", "1"},
	{"⑴", "1"},
	{"Ⓐ", "a"},
	{"㍿", "株式会社"},
	{"x²", "x2"},
	{"H₂O", "h2o"},
	{"ﬁle", "file"},
	{"Ⅳ", "iv"},
	{"ℌ", "h"},
	{"笔记本电脑", "笔记本电脑"},
	{"偽造", "伪造"},	/* Taiwan variant 偽 → 僞 → 伪 */
	{"吃饭", "吃饭"},	/* a simplified character stays */
	{"々〆〇〡〩", "〆〇〡〩"},
	{"GPU服务器", "gpu服务器"},
	{"ÄÖÜ", "aou"},
	{"", ""},
};

START_TEST(issue_spellings)
{
	size_t		i;

	for (i = 0; i < sizeof(issue_cases) / sizeof(issue_cases[0]); i++)
		expect_norm(issue_cases[i].in, issue_cases[i].want);
}
END_TEST

/* Combining marks are dropped, whether precomposed or separate. */
START_TEST(combining_marks)
{
	expect_norm("e\xcc\x81", "e");	/* e + U+0301 */
	expect_norm("\xc3\xa9", "e");	/* é */
	expect_norm("\xc3\x89", "e");	/* É */
	expect_norm("笔\xcc\x81记\xe2\x83\x9d本", "笔记本");	/* U+0301, U+20DD (Me) */
	expect_norm("\xcd\x8f" "a", "a");	/* U+034F */
	expect_norm("\xea\xb0\x80", "\xea\xb0\x80");	/* 가 stays composed */
	expect_norm("İ", "i");		/* U+0130 → i + U+0307 → i */
}
END_TEST

/* 4-byte characters: CJK extension B and beyond are kept. */
START_TEST(four_byte_kept)
{
	expect_norm("\xf0\xa0\x80\x80", "\xf0\xa0\x80\x80");	/* U+20000 */
	expect_norm("a\xf0\xaa\x9a\xb2" "b", "a\xf0\xaa\x9a\xb2" "b");	/* U+2A6B2 */
	expect_norm("\xf0\xb0\x80\x80", "\xf0\xb0\x80\x80");	/* U+30000 */
	expect_norm("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf");	/* U+10FFFF */
	expect_norm("\xf0\x9f\x98\x80笔", "笔");	/* emoji: a symbol */
}
END_TEST

START_TEST(invalid_refused)
{
	expect_invalid("\xc0\x80", 2);	/* overlong NUL */
	expect_invalid("\xc1\xbf", 2);	/* overlong */
	expect_invalid("\xe0\x80\xaf", 3);	/* overlong / */
	expect_invalid("\xf0\x80\x80\xaf", 4);	/* overlong */
	expect_invalid("\xed\xa0\x80", 3);	/* surrogate U+D800 */
	expect_invalid("\xed\xbf\xbf", 3);	/* surrogate U+DFFF */
	expect_invalid("\xf4\x90\x80\x80", 4);	/* U+110000 */
	expect_invalid("\xf5\x80\x80\x80", 4);
	expect_invalid("\xe4\xb8", 2);	/* truncated 中 */
	expect_invalid("笔记本\xe4\xb8", strlen("笔记本") + 2);
	expect_invalid("\xe4\xb8" "a", 3);
	expect_invalid("\x80", 1);	/* lone continuation */
	expect_invalid("a\xff" "b", 3);
	expect_invalid("笔记本电脑\xed\xa0\x80", strlen("笔记本电脑") + 3);
}
END_TEST

START_TEST(empty_and_nul)
{
	char	   *res = NULL;
	size_t		n = 5;
	uint32_t   *map = NULL;

	ck_assert_int_eq(bj_norm(NULL, 0, NULL, 0, NULL, &n), BJ_NORM_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(bj_norm_dup(NULL, 0, &res, &map, &n), BJ_NORM_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(res, "");
	free(res);
	free(map);
	/* NUL bytes are controls: removed, and the result has none */
	ck_assert_int_eq(norm_n("笔记本\0电脑", strlen("笔记本") + 1 + strlen("电脑"),
							&res, NULL, &n), BJ_NORM_OK);
	ck_assert_uint_eq(n, strlen("笔记本电脑"));
	ck_assert(memcmp(res, "笔记本电脑", n) == 0);
	free(res);
	ck_assert_int_eq(norm_n("\0\0\0", 3, &res, NULL, &n), BJ_NORM_OK);
	ck_assert_uint_eq(n, 0);
	free(res);
}
END_TEST

START_TEST(misuse)
{
	char		out[4];
	size_t		n;

	ck_assert_int_eq(bj_norm(NULL, 1, out, 4, NULL, &n), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_norm("a", 1, NULL, 4, NULL, &n), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_norm("a", 1, out, 4, NULL, NULL), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_norm_dup("a", 1, NULL, NULL, &n), BJ_NORM_EINVAL);
	ck_assert_uint_eq(bj_norm_bound(3), 3 * BJ_NORM_MAX_RATIO);
	ck_assert_uint_eq(bj_norm_bound(SIZE_MAX), SIZE_MAX);
}
END_TEST

/* A small outcap: ENOSPACE with the needed length, a whole-char prefix. */
START_TEST(outcap)
{
	const char *s = "筆記本 電腦";
	size_t		want = strlen("笔记本电脑");
	size_t		cap;

	for (cap = 0; cap <= want + 1; cap++)
	{
		char	   *out = malloc(cap ? cap : 1);
		uint32_t   *map = malloc((cap ? cap : 1) * sizeof(uint32_t));
		size_t		n = 0;
		int			r = bj_norm(s, strlen(s), out, cap, map, &n);

		ck_assert_uint_eq(n, want);
		ck_assert_int_eq(r, cap >= want ? BJ_NORM_OK : BJ_NORM_ENOSPACE);
		if (r == BJ_NORM_OK)
			ck_assert(memcmp(out, "笔记本电脑", want) == 0);
		else if (cap >= 3)
			ck_assert(memcmp(out, "笔记本电脑", cap / 3 * 3) == 0);
		free(out);
		free(map);
	}
	/* expansion: U+FDFA is 3 bytes in, many out; the bound holds */
	{
		char	   *res;
		size_t		n;

		ck_assert_int_eq(norm_n("\xef\xb7\xba", 3, &res, NULL, &n), BJ_NORM_OK);
		ck_assert(n > 3 && n <= bj_norm_bound(3));
		free(res);
	}
}
END_TEST

/* --- offset map ----------------------------------------------------------- */

/* The input span of output [a, b) of s. */
static void
span_of(const char *s, size_t a, size_t b, size_t *start, size_t *end)
{
	char	   *res;
	uint32_t   *map;
	size_t		n;
	size_t		len = strlen(s);

	ck_assert_int_eq(norm_n(s, len, &res, &map, &n), BJ_NORM_OK);
	ck_assert_int_eq(bj_norm_span(s, len, map, n, a, b, start, end), BJ_NORM_OK);
	free(res);
	free(map);
}

START_TEST(offset_map)
{
	size_t		st;
	size_t		en;
	const char *s;
	char	   *res;
	uint32_t   *map;
	size_t		n;
	size_t		i;

	/* the whole match of 笔记本电脑 in 笔记本 电脑 is bytes [0, 16) */
	span_of("笔记本 电脑", 0, 15, &st, &en);
	ck_assert_uint_eq(st, 0);
	ck_assert_uint_eq(en, 16);
	/* 电脑 alone is [10, 16) */
	span_of("笔记本 电脑", 9, 15, &st, &en);
	ck_assert_uint_eq(st, 10);
	ck_assert_uint_eq(en, 16);
	/* in context: 采购筆記本\u200b電腦一台: the match quotes 筆記本\u200b電腦 */
	s = "采购筆記本\xe2\x80\x8b電腦一台";
	span_of(s, 6, 21, &st, &en);
	ck_assert_uint_eq(st, 6);
	ck_assert_uint_eq(en, 6 + 9 + 3 + 6);
	ck_assert(memcmp(s + st, "筆記本\xe2\x80\x8b電腦", en - st) == 0);
	/* a match that ends in an expansion covers the whole source char */
	s = "x㍿y";
	span_of(s, 1, 4, &st, &en);	/* 株 of 株式会社 */
	ck_assert_uint_eq(st, 1);
	ck_assert_uint_eq(en, 4);
	/* Ａ４纸: a4 ← [0, 6) */
	span_of("Ａ４纸", 0, 2, &st, &en);
	ck_assert_uint_eq(st, 0);
	ck_assert_uint_eq(en, 6);
	/* empty spans and bad ranges */
	s = "ab";
	ck_assert_int_eq(norm_n(s, 2, &res, &map, &n), BJ_NORM_OK);
	ck_assert_int_eq(bj_norm_span(s, 2, map, n, 1, 1, &st, &en), BJ_NORM_OK);
	ck_assert_uint_eq(st, 1);
	ck_assert_uint_eq(en, 1);
	ck_assert_int_eq(bj_norm_span(s, 2, map, n, 2, 2, &st, &en), BJ_NORM_OK);
	ck_assert_uint_eq(st, 2);
	ck_assert_int_eq(bj_norm_span(s, 2, map, n, 2, 1, &st, &en), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_norm_span(s, 2, map, n, 0, 3, &st, &en), BJ_NORM_EINVAL);
	free(res);
	free(map);
	/* every map entry starts an input character and is non-decreasing */
	s = "Ａ　筆·記①⾝\xcc\x81\xf0\xa0\x80\x80Ｚ";
	ck_assert_int_eq(norm_n(s, strlen(s), &res, &map, &n), BJ_NORM_OK);
	for (i = 0; i < n; i++)
	{
		ck_assert_uint_lt(map[i], strlen(s));
		ck_assert((s[map[i]] & 0xC0) != 0x80);
		if (i > 0)
			ck_assert_uint_le(map[i - 1], map[i]);
	}
	free(res);
	free(map);
}
END_TEST

/* bj_norm_t2s: the table alone. */
START_TEST(t2s_table)
{
	ck_assert_uint_eq(bj_norm_t2s(0x7B46), 0x7B14);	/* 筆 → 笔 */
	ck_assert_uint_eq(bj_norm_t2s(0x96FB), 0x7535);	/* 電 → 电 */
	ck_assert_uint_eq(bj_norm_t2s(0x7B14), 0x7B14);	/* 笔 stays */
	ck_assert_uint_eq(bj_norm_t2s(0x5403), 0x5403);	/* 吃 stays */
	ck_assert_uint_eq(bj_norm_t2s(0x41), 0x41);
	ck_assert_uint_eq(bj_norm_t2s(0x10FFFF), 0x10FFFF);
}
END_TEST

/* --- idempotence --------------------------------------------------------------- */

/* norm(norm(s)) == norm(s) for s[0, len). */
static void
expect_idempotent(const char *s, size_t len)
{
	char	   *a;
	char	   *b;
	size_t		na;
	size_t		nb;

	ck_assert_int_eq(norm_n(s, len, &a, NULL, &na), BJ_NORM_OK);
	ck_assert_int_eq(norm_n(a, na, &b, NULL, &nb), BJ_NORM_OK);
	ck_assert_msg(na == nb && memcmp(a, b, na) == 0,
				  "not idempotent: \"%.*s\"", (int) len, s);
	free(a);
	free(b);
}

/* Every line of data/expense_corpus.tsv and data/excluded_terms.tsv. */
START_TEST(idempotent_corpus)
{
	const char *files[] = {"data/expense_corpus.tsv", "data/excluded_terms.tsv"};
	const char *root = getenv("BJXM_ROOT");
	char		path[1024];
	char		line[4096];
	int			lines = 0;
	size_t		k;

	for (k = 0; k < 2; k++)
	{
		FILE	   *f;

		snprintf(path, sizeof(path), "%s%s%s", root && *root ? root : "",
				 root && *root ? "/" : "", files[k]);
		f = fopen(path, "r");
		ck_assert_msg(f != NULL, "cannot open %s (run from the repository "
					  "root or set BJXM_ROOT)", path);
		while (fgets(line, sizeof(line), f) != NULL)
		{
			expect_idempotent(line, strlen(line));
			lines++;
		}
		fclose(f);
	}
	ck_assert_int_gt(lines, 200);
	for (k = 0; k < sizeof(issue_cases) / sizeof(issue_cases[0]); k++)
		expect_idempotent(issue_cases[k].in, strlen(issue_cases[k].in));
}
END_TEST

/*
 * Every code point U+0000..U+10FFFF (surrogates excepted): its
 * normalisation is valid (accepted again), has no NUL, is idempotent and
 * within the bound.
 */
START_TEST(idempotent_all_code_points)
{
	uint32_t	c;
	char		in[4];
	char		out[64];
	char		out2[64];
	size_t		n;
	size_t		n2;
	size_t		len;

	for (c = 0; c <= 0x10FFFF; c++)
	{
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		if (c < 0x80)
		{
			in[0] = (char) c;
			len = 1;
		}
		else if (c < 0x800)
		{
			in[0] = (char) (0xC0 | (c >> 6));
			in[1] = (char) (0x80 | (c & 0x3F));
			len = 2;
		}
		else if (c < 0x10000)
		{
			in[0] = (char) (0xE0 | (c >> 12));
			in[1] = (char) (0x80 | ((c >> 6) & 0x3F));
			in[2] = (char) (0x80 | (c & 0x3F));
			len = 3;
		}
		else
		{
			in[0] = (char) (0xF0 | (c >> 18));
			in[1] = (char) (0x80 | ((c >> 12) & 0x3F));
			in[2] = (char) (0x80 | ((c >> 6) & 0x3F));
			in[3] = (char) (0x80 | (c & 0x3F));
			len = 4;
		}
		if (bj_norm(in, len, out, sizeof(out), NULL, &n) != BJ_NORM_OK ||
			n > bj_norm_bound(len) || memchr(out, 0, n) != NULL ||
			bj_norm(out, n, out2, sizeof(out2), NULL, &n2) != BJ_NORM_OK ||
			n2 != n || memcmp(out, out2, n) != 0)
			ck_abort_msg("U+%04X: bad or not idempotent", (unsigned) c);
	}
}
END_TEST

/*
 * bj_norm_scan (one pass, nothing written) says what bj_norm then
 * bj_matcher_find say, on random text made of every class of issue 16
 * (spaces, invisible characters, punctuation, traditional, full-width,
 * upper case, 4-byte characters) and of invalid UTF-8.
 */
START_TEST(scan_agrees)
{
	static const char *const pats[] = {"笔记本电脑", "手机", "a4纸", "车辆", "𠀀字", "ab"};
	static const char *const pieces[] = {
		"笔", "记", "本", "电", "脑", "筆", "記", "電", "腦", "手", "机", "機", "车", "車", "辆", "輛",
		"A", "a", "B", "b", "４", "Ａ", "4", "纸", "紙", " ", "\u3000", "\u200b", "-", "·", "\xc2\xad",
		"𠀀", "字", "é", "e\u0301", "\xff", "\xe4\xb8", "\xed\xa0\x80", "\xc0\xaf", "\x80", "\xf4\x90\x80\x80",
	"x", "系统", "\u2f9d", "①"};
	bj_matcher *m = bj_matcher_new();
	const uint16_t *delta;
	const uint16_t *cls;
	unsigned	shift;
	bj_norm_dfa dfa;
	unsigned long long seed = 16;
	char		text[256];
	char		normal[4096];

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(bj_matcher_dfa16(m, &delta, &shift, &cls), 0);	/* not built */
	for (size_t i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		ck_assert_int_eq(bj_matcher_add(m, pats[i], strlen(pats[i]), (int) i), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_build(m), BJ_MATCHER_OK);
	ck_assert_int_eq(bj_matcher_dfa16(m, &dfa.delta, &dfa.shift, &dfa.cls), 1);
	ck_assert_int_eq(bj_norm_scan(NULL, 1, &dfa), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_norm_scan("a", 1, NULL), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_norm_scan(NULL, 0, &dfa), 0);
	ck_assert_int_eq(bj_norm_scan("筆 記-本\u200b電腦", strlen("筆 記-本\u200b電腦"), &dfa), 1);
	ck_assert_int_eq(bj_norm_scan("Ａ４纸", strlen("Ａ４纸"), &dfa), 1);
	ck_assert_int_eq(bj_norm_scan("笔记本", strlen("笔记本"), &dfa), 0);
	ck_assert_int_eq(bj_norm_scan("笔记本\xff", 10, &dfa), BJ_NORM_EUTF8);
	ck_assert_int_eq(bj_norm_scan("手机\xff", 7, &dfa), 1);	/* accepted before the bad byte */
	for (int round = 0; round < 20000; round++)
	{
		size_t		len = 0;
		size_t		n;
		int			k = (int) ((seed >> 33) % 12);
		int			r;
		int			rc;

		while (k-- > 0)
		{
			const char *pc;

			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			pc = pieces[(seed >> 33) % (sizeof(pieces) / sizeof(pieces[0]))];
			/* invalid pieces only now and then, so that valid texts dominate */
			if ((unsigned char) pc[0] >= 0x80 && !bj_utf8_valid((const unsigned char *) pc, strlen(pc)) && (seed >> 40) % 4 != 0)
				continue;
			memcpy(text + len, pc, strlen(pc));
			len += strlen(pc);
		}
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		r = bj_norm_scan(text, len, &dfa);
		rc = bj_norm(text, len, normal, sizeof(normal), NULL, &n);
		if (rc == BJ_NORM_OK)
			ck_assert_int_eq(r, bj_matcher_find(m, normal, n, NULL));
		else
		{
			ck_assert_int_eq(rc, BJ_NORM_EUTF8);
			ck_assert(r == BJ_NORM_EUTF8 || r == 1);
		}
	}
	bj_matcher_free(m);
}
END_TEST

Suite *
normalize_suite(void)
{
	Suite	   *s = suite_create("normalize (issue 16 spellings, offset map)");
	TCase	   *tc = tcase_create("core");

	tcase_add_test(tc, issue_spellings);
	tcase_add_test(tc, combining_marks);
	tcase_add_test(tc, four_byte_kept);
	tcase_add_test(tc, invalid_refused);
	tcase_add_test(tc, empty_and_nul);
	tcase_add_test(tc, misuse);
	tcase_add_test(tc, outcap);
	tcase_add_test(tc, offset_map);
	tcase_add_test(tc, t2s_table);
	tcase_add_test(tc, idempotent_corpus);
	tcase_add_test(tc, idempotent_all_code_points);
	tcase_add_test(tc, scan_agrees);
	suite_add_tcase(s, tc);
	return s;
}
