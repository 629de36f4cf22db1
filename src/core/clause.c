/*
 * clause.c — parse, check and format citations of
 * 毕节市市级信息化项目统筹管理办法(试行) (36 articles; items only in
 * 第五条 (4), 第十一条 (3), 第十九条 (3), 第三十一条 (9), 第三十四条 (3)).
 *
 * Backend-free: plain C99 with libc only.
 *
 * Grammar, after trimming ASCII white space and U+3000 at both ends
 * ("(" / ")" may also be full-width "（" / "）"; digits may be ASCII
 * 0-9 or full-width ０-９, mixed freely):
 *
 *   citation := "第" NUM "条" [ [" "] itempart ]      第十一条第(二)项
 *             | ANUM [ "." INUM | "(" ITEM ")" ]       11.2  11(2)  11(二)
 *   itempart := "第" "(" ITEM ")" "项"                 第(二)项
 *             | "(" ITEM ")"                           (二)
 *             | "第" ITEM "项"                         第二项
 *   NUM      := CN | ANUM            ITEM := CN | INUM
 *   CN       := Chinese numeral 1..99 (cnnum.c: 十一, 一十一, 三十六)
 *   ANUM     := "0" | [1-9][0-9]*    (so "0" is NO_ARTICLE, "011" SYNTAX)
 *   INUM     := [1-9][0-9]*          (item 0 is a SYNTAX error)
 *
 * At most one ASCII space is allowed, and only between 条 and the item
 * part (the regulation itself writes "第X条 " before the text); no other
 * internal white space.  Numbers have at most 9 digits (a 10th digit is
 * a SYNTAX error).  The whole input is checked for syntax first; only a
 * syntactically valid citation is checked against the text (NO_ARTICLE,
 * then NO_ITEM).  Error positions are 1-based code points of the original
 * input (leading white space counts; an invalid UTF-8 byte counts as one);
 * a premature end is reported at one past the last character.
 */
#include <string.h>

#include "clause.h"
#include "regulation_items.h"

#if BJ_REG_ARTICLE_COUNT != BJ_ARTICLES
#error "data/regulation.zh.txt and clause.h disagree on the number of articles"
#endif

#define MAX_DIGITS 9

/* Reading position in the citation. */
typedef struct cursor
{
	const unsigned char *p;		/* next byte */
	const unsigned char *end;	/* one past the trimmed input */
	int			pos;			/* 1-based code point position of p */
} cursor;

/* Items article has per the text (0 if it has none or is out of range). */
int
bj_clause_item_count(int article)
{
	if (article < 1 || article > BJ_REG_ARTICLE_COUNT)
		return 0;
	return bj_reg_item_counts[article];
}

/* Chapter of an article, 0 if out of range. */
int
bj_clause_chapter(int article)
{
	if (article < 1 || article > BJ_REG_ARTICLE_COUNT)
		return 0;
	return bj_reg_chapters[article];
}

/* Heading of an article, NULL if none or out of range. */
const char *
bj_clause_heading(int article)
{
	if (article < 1 || article > BJ_REG_ARTICLE_COUNT)
		return NULL;
	return bj_reg_headings[article];
}

/* 1 if c is a clause of the regulation (item 0 = whole article). */
int
bj_clause_valid(bj_clause c)
{
	return c.article >= 1 && c.article <= BJ_ARTICLES &&
		c.item >= 0 && c.item <= bj_clause_item_count(c.article);
}

/* Bytes left at the cursor. */
static size_t
left(const cursor *cur)
{
	return (size_t) (cur->end - cur->p);
}

/* Count UTF-8 lead bytes of s[0..n): the code points of a literal. */
static int
literal_chars(const char *s, size_t n)
{
	int			count = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

/* Consume the UTF-8 literal lit if it is next; returns 1 if it was. */
static int
accept(cursor *cur, const char *lit)
{
	size_t		n = strlen(lit);

	if (left(cur) < n || memcmp(cur->p, lit, n) != 0)
		return 0;
	cur->p += n;
	cur->pos += literal_chars(lit, n);
	return 1;
}

/* Consume "(" or "（". */
static int
accept_open(cursor *cur)
{
	return accept(cur, "(") || accept(cur, "（");
}

/* Consume ")" or "）". */
static int
accept_close(cursor *cur)
{
	return accept(cur, ")") || accept(cur, "）");
}

/* Value 0..9 of the (ASCII or full-width) digit at the cursor, or -1. */
static int
digit_at(const cursor *cur, size_t *bytes)
{
	if (left(cur) >= 1 && cur->p[0] >= '0' && cur->p[0] <= '9')
	{
		*bytes = 1;
		return cur->p[0] - '0';
	}
	/* ０..９ are U+FF10..U+FF19: EF BC 90 .. EF BC 99 */
	if (left(cur) >= 3 && cur->p[0] == 0xEF && cur->p[1] == 0xBC &&
		cur->p[2] >= 0x90 && cur->p[2] <= 0x99)
	{
		*bytes = 3;
		return cur->p[2] - 0x90;
	}
	return -1;
}

/*
 * Read Arabic digits: "0" alone when zero_ok, else [1-9][0-9]{0,8}.
 * Returns the value, 0 if no number starts here, -1 (with *bad_pos set)
 * on a 10th digit.
 */
static int
read_digits(cursor *cur, int zero_ok, int *bad_pos)
{
	size_t		bytes;
	int			d = digit_at(cur, &bytes);
	int			value;
	int			ndigits = 1;

	if (d < 0 || (d == 0 && !zero_ok))
		return 0;
	cur->p += bytes;
	cur->pos++;
	if (d == 0)
		return -2;				/* the number zero: caller maps it */
	value = d;
	while ((d = digit_at(cur, &bytes)) >= 0)
	{
		if (ndigits == MAX_DIGITS)
		{
			*bad_pos = cur->pos;
			return -1;
		}
		value = value * 10 + d;
		ndigits++;
		cur->p += bytes;
		cur->pos++;
	}
	return value;
}

/* Read a Chinese numeral 1..99 at the cursor; 0 if none. */
static int
read_cn(cursor *cur)
{
	size_t		used;
	int			value = bj_cn_numeral_parse((const char *) cur->p, left(cur),
											&used);

	if (value > 0)
	{
		cur->p += used;
		cur->pos += literal_chars((const char *) cur->p - used, used);
	}
	return value;
}

/*
 * Read a number: Chinese numeral (if cn_ok) or Arabic digits ("0" only
 * if zero_ok).  Returns value >= 0, or -1 with *bad_pos on failure.
 */
static int
read_number(cursor *cur, int cn_ok, int zero_ok, int *bad_pos)
{
	int			start = cur->pos;
	int			value;

	if (cn_ok && (value = read_cn(cur)) > 0)
		return value;
	value = read_digits(cur, zero_ok, bad_pos);
	if (value == -2)
		return 0;				/* "0" */
	if (value == 0)
	{
		*bad_pos = start;		/* no number here */
		return -1;
	}
	return value;
}

/* Fill err for status at pos with article/item details. */
static bj_clause_status
set_error(bj_clause_error *err, bj_clause_status status, int pos,
		  int article, int item)
{
	if (err)
	{
		memset(err, 0, sizeof(*err));
		err->status = status;
		err->pos = pos;
		err->article = article;
		err->item = item;
		err->max_item = bj_clause_item_count(article);
	}
	return status;
}

/* 1 if c is ASCII white space (space, \t, \n, \v, \f, \r). */
static int
is_ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Parse the item part after 条 (itempart in the grammar). */
static int
parse_item_part(cursor *cur, int *item, int *item_pos, int *bad_pos)
{
	if (accept(cur, "第"))
	{
		if (accept_open(cur))
		{
			/* 第(二)项 */
			*item_pos = cur->pos;
			if ((*item = read_number(cur, 1, 0, bad_pos)) < 0)
				return 0;
			if (!accept_close(cur))
			{
				*bad_pos = cur->pos;
				return 0;
			}
		}
		else
		{
			/* 第二项 */
			*item_pos = cur->pos;
			if ((*item = read_number(cur, 1, 0, bad_pos)) < 0)
				return 0;
		}
		if (!accept(cur, "项"))
		{
			*bad_pos = cur->pos;
			return 0;
		}
		return 1;
	}
	if (accept_open(cur))
	{
		/* (二) */
		*item_pos = cur->pos;
		if ((*item = read_number(cur, 1, 0, bad_pos)) < 0)
			return 0;
		if (!accept_close(cur))
		{
			*bad_pos = cur->pos;
			return 0;
		}
		return 1;
	}
	*bad_pos = cur->pos;
	return 0;
}

/* Parse a citation; see the grammar in the file header. */
bj_clause_status
bj_clause_parse(const char *in, size_t len, bj_clause *out,
				bj_clause_error *err)
{
	cursor		cur;
	int			article;
	int			article_pos;
	int			item = 0;
	int			item_pos = 0;
	int			bad_pos = 0;

	if (in == NULL)
		len = 0;
	cur.p = (const unsigned char *) in;
	cur.end = cur.p + len;
	cur.pos = 1;

	/* trim ASCII white space and U+3000 at both ends */
	for (;;)
	{
		if (left(&cur) >= 1 && is_ascii_space(cur.p[0]))
		{
			cur.p++;
			cur.pos++;
		}
		else if (!accept(&cur, "\xE3\x80\x80"))
			break;
	}
	while (cur.end > cur.p)
	{
		if (is_ascii_space(cur.end[-1]))
			cur.end--;
		else if (cur.end - cur.p >= 3 && cur.end[-3] == 0xE3 &&
				 cur.end[-2] == 0x80 && cur.end[-1] == 0x80)
			cur.end -= 3;
		else
			break;
	}
	if (cur.p == cur.end)
		return set_error(err, BJ_CLAUSE_EMPTY, 0, 0, 0);

	if (accept(&cur, "第"))
	{
		/* 第 NUM 条 [ [" "] itempart ] */
		article_pos = cur.pos;
		if ((article = read_number(&cur, 1, 1, &bad_pos)) < 0)
			return set_error(err, BJ_CLAUSE_SYNTAX, bad_pos, 0, 0);
		if (!accept(&cur, "条"))
			return set_error(err, BJ_CLAUSE_SYNTAX, cur.pos, 0, 0);
		if (cur.p < cur.end)
		{
			(void) accept(&cur, " ");
			if (!parse_item_part(&cur, &item, &item_pos, &bad_pos))
				return set_error(err, BJ_CLAUSE_SYNTAX, bad_pos, 0, 0);
		}
	}
	else
	{
		/* ANUM [ "." INUM | "(" ITEM ")" ] */
		article_pos = cur.pos;
		if ((article = read_number(&cur, 0, 1, &bad_pos)) < 0)
			return set_error(err, BJ_CLAUSE_SYNTAX, bad_pos, 0, 0);
		if (accept(&cur, "."))
		{
			item_pos = cur.pos;
			if ((item = read_number(&cur, 0, 0, &bad_pos)) < 0)
				return set_error(err, BJ_CLAUSE_SYNTAX, bad_pos, 0, 0);
		}
		else if (accept_open(&cur))
		{
			item_pos = cur.pos;
			if ((item = read_number(&cur, 1, 0, &bad_pos)) < 0)
				return set_error(err, BJ_CLAUSE_SYNTAX, bad_pos, 0, 0);
			if (!accept_close(&cur))
				return set_error(err, BJ_CLAUSE_SYNTAX, cur.pos, 0, 0);
		}
	}
	if (cur.p < cur.end)
		return set_error(err, BJ_CLAUSE_SYNTAX, cur.pos, 0, 0);

	if (article < 1 || article > BJ_ARTICLES)
		return set_error(err, BJ_CLAUSE_NO_ARTICLE, article_pos, article, item);
	if (item > bj_clause_item_count(article))
		return set_error(err, BJ_CLAUSE_NO_ITEM, item_pos, article, item);

	if (out)
	{
		out->article = article;
		out->item = item;
	}
	return set_error(err, BJ_CLAUSE_OK, 0, article, item);
}

/* Append the NUL-terminated s at buf[*at] (room checked by the caller). */
static void
append(char *buf, size_t *at, const char *s)
{
	size_t		n = strlen(s);

	memcpy(buf + *at, s, n);
	*at += n;
}

/* Canonical form 第十一条 / 第十一条第(二)项; 0 if invalid or no room. */
size_t
bj_clause_format(bj_clause c, char *buf, size_t bufsz)
{
	char		art[16];
	char		itm[16];
	size_t		need;
	size_t		at = 0;

	if (buf == NULL || !bj_clause_valid(c))
		return 0;
	if (bj_cn_numeral_format(c.article, art, sizeof art) == 0)
		return 0;
	itm[0] = '\0';
	if (c.item > 0 && bj_cn_numeral_format(c.item, itm, sizeof itm) == 0)
		return 0;
	/* the regulation's own style: 第X条, and items as (X) => 第X条第(Y)项 */
	need = strlen("第") + strlen(art) + strlen("条");
	if (c.item > 0)
		need += strlen("第(") + strlen(itm) + strlen(")项");
	if (need + 1 > bufsz)
		return 0;
	append(buf, &at, "第");
	append(buf, &at, art);
	append(buf, &at, "条");
	if (c.item > 0)
	{
		append(buf, &at, "第(");
		append(buf, &at, itm);
		append(buf, &at, ")项");
	}
	buf[at] = '\0';
	return at;
}
