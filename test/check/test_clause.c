/*
 * test_clause.c — Check tests of src/core/clause.c and src/core/cnnum.c:
 * citations of 毕节市市级信息化项目统筹管理办法(试行) and Chinese
 * numerals.  Inputs are parsed from exact-size heap copies so that
 * valgrind catches any read past len.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "articles.h"
#include "clause.h"
#include "suites.h"

/* Chinese numerals 1..99, written out independently of cnnum.c. */
static const char *const cn[100] = {
	"",
	"一", "二", "三", "四", "五", "六",
	"七", "八", "九", "十", "十一", "十二",
	"十三", "十四", "十五", "十六", "十七", "十八",
	"十九", "二十", "二十一", "二十二", "二十三", "二十四",
	"二十五", "二十六", "二十七", "二十八", "二十九", "三十",
	"三十一", "三十二", "三十三", "三十四", "三十五", "三十六",
	"三十七", "三十八", "三十九", "四十", "四十一", "四十二",
	"四十三", "四十四", "四十五", "四十六", "四十七", "四十八",
	"四十九", "五十", "五十一", "五十二", "五十三", "五十四",
	"五十五", "五十六", "五十七", "五十八", "五十九", "六十",
	"六十一", "六十二", "六十三", "六十四", "六十五", "六十六",
	"六十七", "六十八", "六十九", "七十", "七十一", "七十二",
	"七十三", "七十四", "七十五", "七十六", "七十七", "七十八",
	"七十九", "八十", "八十一", "八十二", "八十三", "八十四",
	"八十五", "八十六", "八十七", "八十八", "八十九", "九十",
	"九十一", "九十二", "九十三", "九十四", "九十五", "九十六",
	"九十七", "九十八", "九十九",
};

/*
 * Items per article as read from data/regulation.zh.txt by hand:
 * 第五条 (一)-(四), 第十一条 (一)-(三), 第十九条 (一)-(三),
 * 第三十一条 has nine items, 第三十四条 (一)-(三); the others none.
 */
static int
expected_items(int article)
{
	switch (article)
	{
		case 5:
			return 4;
		case 11:
		case 19:
		case 34:
			return 3;
		case 31:
			return 9;
		default:
			return 0;
	}
}

/* parse s (len bytes) from an exact-size heap copy. */
static bj_clause_status
parse_n(const char *s, size_t len, bj_clause *out, bj_clause_error *err)
{
	char	   *copy = malloc(len ? len : 1);
	bj_clause_status st;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, s, len);
	st = bj_clause_parse(copy, len, out, err);
	free(copy);
	return st;
}

/* parse the NUL-terminated s. */
static bj_clause_status
parse_s(const char *s, bj_clause *out, bj_clause_error *err)
{
	return parse_n(s, strlen(s), out, err);
}

/* n in full-width digits (０-９, U+FF10..U+FF19) into buf. */
static const char *
fullwidth(int n, char *buf)
{
	char		ascii[16];
	size_t		i;
	size_t		at = 0;

	snprintf(ascii, sizeof ascii, "%d", n);
	for (i = 0; ascii[i]; i++)
	{
		buf[at++] = (char) 0xEF;
		buf[at++] = (char) 0xBC;
		buf[at++] = (char) (0x90 + ascii[i] - '0');
	}
	buf[at] = '\0';
	return buf;
}

/* Assert that s parses OK as (article, item). */
static void
assert_parses(const char *s, int article, int item)
{
	bj_clause	c = {-1, -1};
	bj_clause_error err;
	bj_clause_status st = parse_s(s, &c, &err);

	ck_assert_msg(st == BJ_CLAUSE_OK, "'%s': status %d at %d", s, st, err.pos);
	ck_assert_int_eq(err.status, BJ_CLAUSE_OK);
	ck_assert_msg(c.article == article && c.item == item,
				  "'%s' -> (%d,%d), expected (%d,%d)", s, c.article, c.item,
				  article, item);
}

/* --- Chinese numerals ---------------------------------------------- */

/* format(n) is the independent spelling, and it parses back to n. */
START_TEST(cn_round_trip)
{
	int			n = _i;
	char		buf[32];
	size_t		used = 99;

	ck_assert_uint_eq(bj_cn_numeral_format(n, buf, sizeof buf), strlen(cn[n]));
	ck_assert_str_eq(buf, cn[n]);
	ck_assert_int_eq(bj_cn_numeral_parse(cn[n], strlen(cn[n]), &used), n);
	ck_assert_uint_eq(used, strlen(cn[n]));
	/* a following character is left alone */
	snprintf(buf, sizeof buf, "%s条", cn[n]);
	ck_assert_int_eq(bj_cn_numeral_parse(buf, strlen(buf), &used), n);
	ck_assert_uint_eq(used, strlen(cn[n]));
}
END_TEST

/* 一十 .. 一十九 are accepted for 10..19. */
START_TEST(cn_yi_shi)
{
	int			n = 10 + _i;
	char		buf[32];
	size_t		used;

	snprintf(buf, sizeof buf, "一%s", cn[n]);
	ck_assert_int_eq(bj_cn_numeral_parse(buf, strlen(buf), &used), n);
	ck_assert_uint_eq(used, strlen(buf));
}
END_TEST

/* Prefixes, rejects and truncated input. */
static const struct
{
	const char *in;
	size_t		len;
	int			value;
	size_t		consumed;
}			cn_cases[] = {
	{"十十", 6, 10, 3},			/* "十十" is not a numeral: prefix 十 */
	{"二十一条", 12, 21, 9},
	{"三十六十", 12, 36, 9},
	{"九十九九", 12, 99, 9},
	{"一一", 6, 1, 3},
	{"零", 3, 0, 0},
	{"〇", 3, 0, 0},
	{"百", 3, 0, 0},
	{"一百", 6, 1, 3},
	{"", 0, 0, 0},
	{"1", 1, 0, 0},
	{"\xE5\x8D", 2, 0, 0},		/* 十 cut short */
	{"十\xE4\xB8", 5, 10, 3},	/* 十一 cut short */
	{"二十\xE4", 7, 20, 6},
	{"三\xE5\x8D\x81", 5, 3, 3},	/* len ends inside 十 */
};
#define N_CN_CASES (int) (sizeof(cn_cases) / sizeof(cn_cases[0]))

/* bj_cn_numeral_parse takes the longest valid prefix within len. */
START_TEST(cn_prefix)
{
	size_t		used = 99;
	size_t		len = cn_cases[_i].len;
	char	   *copy = malloc(len ? len : 1);

	memcpy(copy, cn_cases[_i].in, len);
	ck_assert_int_eq(bj_cn_numeral_parse(copy, len, &used), cn_cases[_i].value);
	ck_assert_uint_eq(used, cn_cases[_i].consumed);
	ck_assert_int_eq(bj_cn_numeral_parse(copy, len, NULL), cn_cases[_i].value);
	free(copy);
}
END_TEST

/* Formatting out of range or into a short buffer gives 0. */
START_TEST(cn_format_limits)
{
	char		buf[16];
	size_t		used = 99;

	ck_assert_uint_eq(bj_cn_numeral_format(0, buf, sizeof buf), 0);
	ck_assert_uint_eq(bj_cn_numeral_format(100, buf, sizeof buf), 0);
	ck_assert_uint_eq(bj_cn_numeral_format(-1, buf, sizeof buf), 0);
	ck_assert_uint_eq(bj_cn_numeral_format(11, buf, 6), 0);
	ck_assert_uint_eq(bj_cn_numeral_format(11, buf, 7), 6);
	ck_assert_str_eq(buf, "十一");
	ck_assert_uint_eq(bj_cn_numeral_format(36, buf, 9), 0);
	ck_assert_uint_eq(bj_cn_numeral_format(36, buf, 10), 9);
	ck_assert_uint_eq(bj_cn_numeral_format(5, NULL, 10), 0);
	ck_assert_int_eq(bj_cn_numeral_parse(NULL, 0, &used), 0);
	ck_assert_uint_eq(used, 0);
}
END_TEST

/* --- item counts and validity -------------------------------------- */

/* regulation_items.h agrees with the text as read by hand. */
START_TEST(item_counts)
{
	int			a;

	for (a = 1; a <= BJ_ARTICLES; a++)
		ck_assert_msg(bj_clause_item_count(a) == expected_items(a),
					  "article %d: %d items, expected %d", a,
					  bj_clause_item_count(a), expected_items(a));
	ck_assert_int_eq(bj_clause_item_count(0), 0);
	ck_assert_int_eq(bj_clause_item_count(37), 0);
	ck_assert_int_eq(bj_clause_item_count(-1), 0);
}
END_TEST

/* bj_clause_valid: article 1..36, 0 <= item <= count. */
START_TEST(clause_valid)
{
	static const struct
	{
		int			article,
					item,
					valid;
	}			cases[] = {
		{1, 0, 1}, {36, 0, 1}, {0, 0, 0}, {37, 0, 0}, {-1, 0, 0},
		{5, 4, 1}, {5, 5, 0}, {5, -1, 0}, {31, 9, 1}, {31, 10, 0},
		{1, 1, 0}, {34, 3, 1}, {35, 1, 0},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		bj_clause	c = {cases[i].article, cases[i].item};

		ck_assert_int_eq(bj_clause_valid(c), cases[i].valid);
	}
}
END_TEST

/* --- articles ----------------------------------------------------------- */

#define N_ARTICLE_FORMS 7

/* Article 1..36 in every accepted whole-article form. */
START_TEST(article_forms)
{
	int			a = _i / N_ARTICLE_FORMS + 1;
	int			form = _i % N_ARTICLE_FORMS;
	char		buf[128];
	char		fw[64];

	switch (form)
	{
		case 0:
			snprintf(buf, sizeof buf, "第%s条", cn[a]);
			break;
		case 1:
			snprintf(buf, sizeof buf, "%d", a);
			break;
		case 2:
			snprintf(buf, sizeof buf, "%s", fullwidth(a, fw));
			break;
		case 3:
			snprintf(buf, sizeof buf, "第%d条", a);
			break;
		case 4:
			snprintf(buf, sizeof buf, "第%s条", fullwidth(a, fw));
			break;
		case 5:
			snprintf(buf, sizeof buf, " \t\xE3\x80\x80第%s条\xE3\x80\x80\n", cn[a]);
			break;
		default:
			snprintf(buf, sizeof buf, "\xE3\x80\x80%d ", a);
			break;
	}
	assert_parses(buf, a, 0);
}
END_TEST

/* 第一十一条 style is accepted for 10..19. */
START_TEST(article_yi_shi)
{
	assert_parses("第一十条", 10, 0);
	assert_parses("第一十一条", 11, 0);
	assert_parses("第一十九条第(二)项", 19, 2);
}
END_TEST

/* --- items ---------------------------------------------------------------- */

/* Every (article, item) the text has, in order. */
static bj_clause all_items[64];
static int	n_all_items;

/* Fill all_items from the expected item counts. */
static void
collect_items(void)
{
	int			a,
				i;

	n_all_items = 0;
	for (a = 1; a <= BJ_ARTICLES; a++)
		for (i = 1; i <= expected_items(a); i++)
		{
			all_items[n_all_items].article = a;
			all_items[n_all_items].item = i;
			n_all_items++;
		}
}

#define N_ITEM_FORMS 17
#define N_ITEMS_IN_TEXT 22		/* 4 + 3 + 3 + 9 + 3 */

/* Write form number form of (a, i) into buf. */
static void
item_form(int form, int a, int i, char *buf, size_t bufsz)
{
	char		fa[64],
				fi[64];

	switch (form)
	{
		case 0:
			snprintf(buf, bufsz, "第%s条第(%s)项", cn[a], cn[i]);
			break;
		case 1:
			snprintf(buf, bufsz, "第%s条第（%s）项", cn[a], cn[i]);
			break;
		case 2:
			snprintf(buf, bufsz, "第%s条(%s)", cn[a], cn[i]);
			break;
		case 3:
			snprintf(buf, bufsz, "第%s条（%s）", cn[a], cn[i]);
			break;
		case 4:
			snprintf(buf, bufsz, "第%s条第%s项", cn[a], cn[i]);
			break;
		case 5:
			snprintf(buf, bufsz, "%d.%d", a, i);
			break;
		case 6:
			snprintf(buf, bufsz, "%d(%d)", a, i);
			break;
		case 7:
			snprintf(buf, bufsz, "%d（%d）", a, i);
			break;
		case 8:
			snprintf(buf, bufsz, "%d(%s)", a, cn[i]);
			break;
		case 9:
			snprintf(buf, bufsz, "第%s条(%d)", cn[a], i);
			break;
		case 10:
			snprintf(buf, bufsz, "%s（%s）", fullwidth(a, fa), fullwidth(i, fi));
			break;
		case 11:
			snprintf(buf, bufsz, "%s.%s", fullwidth(a, fa), fullwidth(i, fi));
			break;
		case 12:
			snprintf(buf, bufsz, "第%s条 (%s)", cn[a], cn[i]);
			break;
		case 13:
			snprintf(buf, bufsz, "第%s条 第(%s)项", cn[a], cn[i]);
			break;
		case 14:
			snprintf(buf, bufsz, "第%d条第(%d)项", a, i);
			break;
		case 15:
			snprintf(buf, bufsz, "第%s条第%d项", cn[a], i);
			break;
		default:
			snprintf(buf, bufsz, "\xE3\x80\x80 第%s条第(%s)项 \xE3\x80\x80",
					 cn[a], cn[i]);
			break;
	}
}

/* Every item of the text in every accepted form. */
START_TEST(item_forms)
{
	bj_clause	c = all_items[_i / N_ITEM_FORMS];
	char		buf[128];

	ck_assert_int_eq(n_all_items, N_ITEMS_IN_TEXT);
	item_form(_i % N_ITEM_FORMS, c.article, c.item, buf, sizeof buf);
	assert_parses(buf, c.article, c.item);
}
END_TEST

/* Item forms whose item number starts at character pos (for NO_ITEM). */
static const int no_item_forms[] = {0, 2, 4, 5, 6, 8, 14};

/* The first item an article does not have → NO_ITEM with max_item. */
START_TEST(first_missing_item)
{
	int			n_forms = (int) (sizeof(no_item_forms) / sizeof(no_item_forms[0]));
	int			a = _i / n_forms + 1;
	int			form = no_item_forms[_i % n_forms];
	int			missing = expected_items(a) + 1;
	char		buf[128];
	bj_clause	c = {-1, -1};
	bj_clause_error err;

	item_form(form, a, missing, buf, sizeof buf);
	ck_assert_msg(parse_s(buf, &c, &err) == BJ_CLAUSE_NO_ITEM, "'%s'", buf);
	ck_assert_int_eq(err.status, BJ_CLAUSE_NO_ITEM);
	ck_assert_int_eq(err.article, a);
	ck_assert_int_eq(err.item, missing);
	ck_assert_int_eq(err.max_item, expected_items(a));
	ck_assert_int_eq(c.article, -1);	/* out untouched on error */
	ck_assert_int_gt(err.pos, 1);
}
END_TEST

/* NO_ITEM positions point at the item number. */
START_TEST(no_item_positions)
{
	bj_clause_error err;

	ck_assert_int_eq(parse_s("第十一条第(四)项", NULL, &err), BJ_CLAUSE_NO_ITEM);
	ck_assert_int_eq(err.pos, 7);
	ck_assert_int_eq(parse_s("1.1", NULL, &err), BJ_CLAUSE_NO_ITEM);
	ck_assert_int_eq(err.pos, 3);
	ck_assert_int_eq(err.max_item, 0);
	ck_assert_int_eq(parse_s("31(10)", NULL, &err), BJ_CLAUSE_NO_ITEM);
	ck_assert_int_eq(err.pos, 4);
	ck_assert_int_eq(err.item, 10);
	ck_assert_int_eq(err.max_item, 9);
	ck_assert_int_eq(parse_s("第三十一条第九十九项", NULL, &err), BJ_CLAUSE_NO_ITEM);
	ck_assert_int_eq(err.item, 99);
	ck_assert_int_eq(parse_s("5.999999999", NULL, &err), BJ_CLAUSE_NO_ITEM);
	ck_assert_int_eq(err.item, 999999999);
	ck_assert_int_eq(err.max_item, 4);
}
END_TEST

/* --- NO_ARTICLE ----------------------------------------------------------- */

static const struct
{
	const char *in;
	int			article;
	int			pos;
}			no_article[] = {
	{"0", 0, 1},
	{"37", 37, 1},
	{"99", 99, 1},
	{"100", 100, 1},
	{"999999999", 999999999, 1},
	{"第三十七条", 37, 2},
	{"第九十九条", 99, 2},
	{"第三十七条第(一)项", 37, 2},
	{"第0条", 0, 2},
	{"第37条", 37, 2},
	{" 37", 37, 2},
	{"37.1", 37, 1},
	{"０", 0, 1},
	{"３７(二)", 37, 1},
};
#define N_NO_ARTICLE (int) (sizeof(no_article) / sizeof(no_article[0]))

/* Article outside 1..36 → NO_ARTICLE with the number. */
START_TEST(article_out_of_range)
{
	bj_clause_error err;

	ck_assert_int_eq(parse_s(no_article[_i].in, NULL, &err),
					 BJ_CLAUSE_NO_ARTICLE);
	ck_assert_int_eq(err.article, no_article[_i].article);
	ck_assert_int_eq(err.pos, no_article[_i].pos);
	ck_assert_int_eq(err.max_item, 0);
}
END_TEST

/* --- EMPTY and SYNTAX ------------------------------------------------------- */

/* Nothing but white space → EMPTY. */
START_TEST(empty)
{
	bj_clause_error err;

	ck_assert_int_eq(parse_n("", 0, NULL, &err), BJ_CLAUSE_EMPTY);
	ck_assert_int_eq(parse_s("   ", NULL, &err), BJ_CLAUSE_EMPTY);
	ck_assert_int_eq(parse_s("\t\n\r\v\f", NULL, &err), BJ_CLAUSE_EMPTY);
	ck_assert_int_eq(parse_s("\xE3\x80\x80", NULL, &err), BJ_CLAUSE_EMPTY);
	ck_assert_int_eq(parse_s(" \xE3\x80\x80\xE3\x80\x80 ", NULL, &err),
					 BJ_CLAUSE_EMPTY);
	ck_assert_int_eq(bj_clause_parse(NULL, 0, NULL, &err), BJ_CLAUSE_EMPTY);
	ck_assert_int_eq(bj_clause_parse(NULL, 0, NULL, NULL), BJ_CLAUSE_EMPTY);
}
END_TEST

static const struct
{
	const char *in;
	size_t		len;			/* 0: use strlen */
	int			pos;
}			syntax[] = {
	{"第十一条x", 0, 5},
	{"十一", 0, 1},
	{"第十一", 0, 4},			/* end of input where 条 is expected */
	{"第", 0, 2},
	{"011", 0, 2},				/* no leading zeros */
	{"00", 0, 2},
	{"11.0", 0, 4},				/* item 0 */
	{"11.01", 0, 4},
	{"11(0)", 0, 4},
	{"第十一条第(零)项", 0, 7},
	{"第十一条第(〇)项", 0, 7},
	{"第十一条第零项", 0, 6},
	{"第十十条", 0, 3},
	{"第零条", 0, 2},
	{"第一百条", 0, 3},
	{"11 (2)", 0, 3},			/* no space in the Arabic form */
	{"11. 2", 0, 4},
	{"第十一条  (二)", 0, 6},	/* one space at most */
	{"第十一条\t(二)", 0, 5},	/* and only U+0020 */
	{"第十一条\xE3\x80\x80(二)", 0, 5},
	{"第 十一条", 0, 2},
	{"第十一 条", 0, 4},
	{"第十一条第(二)", 0, 9},
	{"第十一条第(二项", 0, 8},
	{"第十一条(二", 0, 7},
	{"第十一条(二)项", 0, 8},
	{"第十一条第二", 0, 7},
	{"第十一条第(二)项x", 0, 10},
	{"第十一条第(二)项第(一)项", 0, 10},
	{"11.", 0, 4},
	{"11(2", 0, 5},
	{"11(二", 0, 5},
	{"11.(2)", 0, 4},
	{"11.二", 0, 4},
	{"11.2.3", 0, 5},
	{"11(2)(3)", 0, 6},
	{"a", 0, 1},
	{"  x", 0, 3},				/* positions count the trimmed prefix */
	{"\xE3\x80\x80x", 0, 2},
	{"(二)", 0, 1},
	{"十一(二)", 0, 1},
	{"第11.2条", 0, 4},
	{"1234567890", 0, 10},		/* at most 9 digits */
	{"11\0", 3, 3},
	{"\0" "11", 3, 1},
	{"\xff", 0, 1},
	{"1\xff", 0, 2},
	{"第\xE5\x8D", 0, 2},		/* 十 cut short */
	{"第十一条第(\xE4\xBA", 0, 7},
	{"-1", 0, 1},
	{"+1", 0, 1},
	{"1e1", 0, 2},
};
#define N_SYNTAX (int) (sizeof(syntax) / sizeof(syntax[0]))

/* Syntax errors report the 1-based character position. */
START_TEST(syntax_error)
{
	const char *in = syntax[_i].in;
	size_t		len = syntax[_i].len ? syntax[_i].len : strlen(in);
	bj_clause_error err;
	bj_clause_status st = parse_n(in, len, NULL, &err);

	ck_assert_msg(st == BJ_CLAUSE_SYNTAX, "'%s': status %d", in, st);
	ck_assert_int_eq(err.status, BJ_CLAUSE_SYNTAX);
	ck_assert_msg(err.pos == syntax[_i].pos, "'%s': pos %d, expected %d",
				  in, err.pos, syntax[_i].pos);
}
END_TEST

/* Syntax is checked before the range: 第三十七条x is SYNTAX. */
START_TEST(syntax_before_range)
{
	bj_clause_error err;

	ck_assert_int_eq(parse_s("第三十七条x", NULL, &err), BJ_CLAUSE_SYNTAX);
	ck_assert_int_eq(err.pos, 6);
	ck_assert_int_eq(parse_s("1.1x", NULL, &err), BJ_CLAUSE_SYNTAX);
	ck_assert_int_eq(err.pos, 4);
}
END_TEST

/* Other accepted spellings. */
START_TEST(other_accepted)
{
	assert_parses("第十一条第(二)项 ", 11, 2);
	assert_parses("第十一条（二)", 11, 2);	/* mixed parentheses */
	assert_parses("１１.２", 11, 2);
	assert_parses("1１", 11, 0);			/* mixed digits */
	assert_parses("31（5）", 31, 5);
	assert_parses("３１（５）", 31, 5);
	assert_parses("第三十一条第(九)项", 31, 9);
	assert_parses("第五条第四项", 5, 4);
	assert_parses("第三十四条(三)", 34, 3);
}
END_TEST

/* --- formatting and round trips -------------------------------------------- */

/* Canonical spellings, in the regulation's own (ASCII parenthesis) style. */
START_TEST(format_canonical)
{
	static const struct
	{
		int			article,
					item;
		const char *text;
	}			cases[] = {
		{1, 0, "第一条"}, {10, 0, "第十条"}, {11, 0, "第十一条"},
		{20, 0, "第二十条"}, {36, 0, "第三十六条"},
		{11, 2, "第十一条第(二)项"}, {31, 9, "第三十一条第(九)项"},
		{5, 4, "第五条第(四)项"}, {34, 1, "第三十四条第(一)项"},
	};
	char		buf[BJ_CLAUSE_BUFSZ];
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		bj_clause	c = {cases[i].article, cases[i].item};

		ck_assert_uint_eq(bj_clause_format(c, buf, sizeof buf),
						  strlen(cases[i].text));
		ck_assert_str_eq(buf, cases[i].text);
	}
}
END_TEST

/* Invalid clauses and short buffers format to nothing. */
START_TEST(format_limits)
{
	char		buf[BJ_CLAUSE_BUFSZ];
	bj_clause	bad[] = {{0, 0}, {37, 0}, {5, 5}, {1, 1}, {11, -1}, {-3, 0}};
	bj_clause	c = {31, 9};
	size_t		need = strlen("第三十一条第(九)项");
	size_t		i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_uint_eq(bj_clause_format(bad[i], buf, sizeof buf), 0);
	ck_assert_uint_eq(bj_clause_format(c, buf, need), 0);
	ck_assert_uint_eq(bj_clause_format(c, buf, need + 1), need);
	ck_assert_uint_eq(bj_clause_format(c, NULL, 64), 0);
	ck_assert_uint_le(need, 26);
}
END_TEST

/* parse → format → parse is the identity on every clause of the text. */
START_TEST(round_trip)
{
	int			a = _i / 10 + 1;
	int			i = _i % 10;
	bj_clause	c = {a, i};
	bj_clause	back = {-1, -1};
	char		buf[BJ_CLAUSE_BUFSZ];
	char		again[BJ_CLAUSE_BUFSZ];
	size_t		n;

	if (i > expected_items(a))
	{
		ck_assert_int_eq(bj_clause_valid(c), 0);
		return;
	}
	ck_assert_int_eq(bj_clause_valid(c), 1);
	n = bj_clause_format(c, buf, sizeof buf);
	ck_assert_uint_gt(n, 0);
	ck_assert_uint_eq(n, strlen(buf));
	ck_assert_int_eq(parse_s(buf, &back, NULL), BJ_CLAUSE_OK);
	ck_assert_int_eq(back.article, a);
	ck_assert_int_eq(back.item, i);
	ck_assert_uint_eq(bj_clause_format(back, again, sizeof again), n);
	ck_assert_str_eq(again, buf);
}
END_TEST

/*
 * articles.h names every article after the heading the text gives it:
 * the expected headings are written here, and must be the text's; the
 * item counts it names are the text's; chapters are those of the text.
 */
START_TEST(article_names)
{
	static const struct
	{
		int			article;
		const char *heading;	/* NULL: the text gives none */
		int			chapter;
	}			names[] = {
		{BJ_ART_PURPOSE, "编制目的", 1}, {BJ_ART_SCOPE, "适用范围", 1},
		{BJ_ART_DUTIES, "部门职责", 1}, {BJ_ART_PRINCIPLES, "基本原则", 1},
		{BJ_ART_DEMAND_PLAN, "方案编制", 2}, {BJ_ART_DECLARATION, "项目申报", 2},
		{BJ_ART_DEMAND_REVIEW, "方案评审", 2}, {BJ_ART_LIBRARY, "项目入库", 2},
		{BJ_ART_ANNUAL_PLAN, "年度计划", 2}, {BJ_ART_BUDGET, "项目预算", 3},
		{BJ_ART_ELIGIBILITY, "支持范围", 3}, {BJ_ART_EXECUTION, "预算执行", 3},
		{BJ_ART_SERVICE_PLAN, "服务方案", 4}, {BJ_ART_SERVICE_REVIEW, "方案评审", 4},
		{BJ_ART_PROCUREMENT, "服务采购", 4}, {BJ_ART_CONTRACT, "合同签订", 4},
		{BJ_ART_IMPLEMENTATION, "项目实施", 4}, {BJ_ART_STANDARDS, "管理规范", 4},
		{BJ_ART_ADJUSTMENT, "内容调整", 4}, {BJ_ART_ACCEPTANCE, "项目验收", 4},
		{BJ_ART_DATA_AUTHORITY, "管理权限", 5}, {BJ_ART_CATALOGUE, "目录编制", 5},
		{BJ_ART_LISTING, "数据上架", 5}, {BJ_ART_SHARING, "数据共享", 5},
		{BJ_ART_OPENING, "数据开放", 5}, {BJ_ART_SECURITY_DUTIES, "安全权责", 6},
		{BJ_ART_BUILD_SECURITY, "建设安全", 6}, {BJ_ART_SERVICE_SECURITY, "服务安全", 6},
		{BJ_ART_DATA_SECURITY, "数据安全", 6}, {BJ_ART_SUPERVISION, "监督检查", 7},
		{BJ_ART_RECTIFICATION, "项目整改", 7}, {BJ_ART_PERFORMANCE, "绩效管理", 7},
		{BJ_ART_EVALUATION, "综合评估", 7}, {BJ_ART_CITY_REVIEW, NULL, 8},
		{BJ_ART_COUNTIES, NULL, 8}, {BJ_ART_EFFECT, NULL, 8},
	};
	int			i;

	ck_assert_int_eq((int) (sizeof names / sizeof names[0]), BJ_ARTICLES);
	for (i = 0; i < BJ_ARTICLES; i++)
	{
		ck_assert_int_eq(names[i].article, i + 1);
		ck_assert_pstr_eq(bj_clause_heading(names[i].article), names[i].heading);
		ck_assert_int_eq(bj_clause_chapter(names[i].article), names[i].chapter);
	}
	ck_assert_ptr_null(bj_clause_heading(0));
	ck_assert_ptr_null(bj_clause_heading(BJ_ARTICLES + 1));
	ck_assert_int_eq(bj_clause_chapter(0), 0);
	ck_assert_int_eq(bj_clause_chapter(BJ_ARTICLES + 1), 0);
	ck_assert_int_eq(bj_clause_item_count(BJ_ART_DEMAND_PLAN), BJ_ITEMS_DEMAND_PLAN);
	ck_assert_int_eq(bj_clause_item_count(BJ_ART_ELIGIBILITY), BJ_ITEMS_ELIGIBILITY);
	ck_assert_int_eq(bj_clause_item_count(BJ_ART_ADJUSTMENT), BJ_ITEMS_ADJUSTMENT);
	ck_assert_int_eq(bj_clause_item_count(BJ_ART_RECTIFICATION), BJ_ITEMS_RECTIFICATION);
	ck_assert_int_eq(bj_clause_item_count(BJ_ART_CITY_REVIEW), BJ_ITEMS_CITY_REVIEW);
	for (i = 1; i <= BJ_ARTICLES; i++)
		ck_assert(bj_clause_item_count(i) == 0 || i == BJ_ART_DEMAND_PLAN || i == BJ_ART_ELIGIBILITY ||
				  i == BJ_ART_ADJUSTMENT || i == BJ_ART_RECTIFICATION || i == BJ_ART_CITY_REVIEW);
}
END_TEST

/* The clause and Chinese numeral suite. */
Suite *
clause_suite(void)
{
	Suite	   *s = suite_create("clause (毕节市市级信息化项目统筹管理办法)");
	TCase	   *tc;
	int			n_no_item = (int) (sizeof(no_item_forms) / sizeof(no_item_forms[0]));

	collect_items();

	tc = tcase_create("numerals");
	tcase_add_loop_test(tc, cn_round_trip, 1, 100);
	tcase_add_loop_test(tc, cn_yi_shi, 0, 10);
	tcase_add_loop_test(tc, cn_prefix, 0, N_CN_CASES);
	tcase_add_test(tc, cn_format_limits);
	suite_add_tcase(s, tc);

	tc = tcase_create("regulation");
	tcase_add_test(tc, item_counts);
	tcase_add_test(tc, clause_valid);
	tcase_add_test(tc, article_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_loop_test(tc, article_forms, 0, BJ_ARTICLES * N_ARTICLE_FORMS);
	tcase_add_test(tc, article_yi_shi);
	tcase_add_loop_test(tc, item_forms, 0, N_ITEMS_IN_TEXT * N_ITEM_FORMS);
	tcase_add_loop_test(tc, first_missing_item, 0, BJ_ARTICLES * n_no_item);
	tcase_add_test(tc, no_item_positions);
	tcase_add_loop_test(tc, article_out_of_range, 0, N_NO_ARTICLE);
	tcase_add_test(tc, empty);
	tcase_add_loop_test(tc, syntax_error, 0, N_SYNTAX);
	tcase_add_test(tc, syntax_before_range);
	tcase_add_test(tc, other_accepted);
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_test(tc, format_canonical);
	tcase_add_test(tc, format_limits);
	tcase_add_loop_test(tc, round_trip, 0, BJ_ARTICLES * 10);
	suite_add_tcase(s, tc);

	return s;
}
