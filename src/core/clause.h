/*
 * clause.h — citations of 毕节市市级信息化项目统筹管理办法(试行):
 * Chinese numerals, clause parsing and canonical formatting.
 *
 * Backend-free: plain C with libc only, no postgres.h.  The number of
 * items of each article comes from regulation_items.h, generated at build
 * time from data/regulation.zh.txt (tools/genreg.c), the same source that
 * seeds the bjxm.regulation table.
 */
#ifndef BJ_CLAUSE_H
#define BJ_CLAUSE_H

#include <stddef.h>

#define BJ_ARTICLES 36
/* Longest canonical form: "第三十六条第(十)项" is 26 bytes; keep headroom. */
#define BJ_CLAUSE_BUFSZ 64

typedef struct bj_clause
{
	int			article;		/* 1..36 */
	int			item;			/* 0 = the whole article, else 1..count */
} bj_clause;

typedef enum bj_clause_status
{
	BJ_CLAUSE_OK = 0,
	BJ_CLAUSE_EMPTY,			/* nothing left after trimming */
	BJ_CLAUSE_SYNTAX,			/* pos: unexpected character there */
	BJ_CLAUSE_NO_ARTICLE,		/* article outside 1..36 (value in article) */
	BJ_CLAUSE_NO_ITEM			/* article has no such item (item, max_item) */
} bj_clause_status;

typedef struct bj_clause_error
{
	bj_clause_status status;
	int			pos;			/* 1-based character position of the problem */
	int			article;
	int			item;
	int			max_item;		/* items the article has (0 = none) */
} bj_clause_error;

/*
 * Chinese numeral 1..99 (一 二 … 十 十一 … 二十 … 九十九) at the start of
 * s; returns the value and sets *consumed to the bytes read, or returns
 * 0 (consumed 0) if none starts there.  Accepts "一十一" style too.
 */
int			bj_cn_numeral_parse(const char *s, size_t len, size_t *consumed);

/* Format 1..99 as a Chinese numeral (十一, 二十, 三十六); returns bytes
 * written excluding the NUL, or 0 if n is out of range or buf too small. */
size_t		bj_cn_numeral_format(int n, char *buf, size_t bufsz);

/* Items article has per the text (0 if it has none or is out of range). */
int			bj_clause_item_count(int article);

/* Chapter (1..8) of an article, 0 if out of range. */
int			bj_clause_chapter(int article);

/* The article's heading as the text writes it ("支持范围"), or NULL if it
 * has none or is out of range. */
const char *bj_clause_heading(int article);

/* 1 if c is a clause of the regulation (item 0 = whole article). */
int			bj_clause_valid(bj_clause c);

/*
 * Parse a citation.  Accepted (surrounding white space trimmed, full-width
 * parentheses and digits accepted alike):
 *   第十一条  第十一条第(二)项  第十一条(二)  第十一条第二项
 *   11  11.2  11(2)  31(5)
 * Every number may be a Chinese numeral or digits (第11条, 11(二)), except
 * that the article of the bare Arabic form and the item after "." must be
 * digits.  No leading zeros ("011") and no item 0 ("11.0"): SYNTAX.
 * White space: only one ASCII space, and only between 条 and the item
 * ("第十一条 (二)", "第十一条 第(二)项"); anything else is SYNTAX.
 * Syntax is checked over the whole input first, then NO_ARTICLE, then
 * NO_ITEM.  err->pos counts code points of the original input (trimmed
 * leading white space included; an invalid UTF-8 byte is one); a
 * premature end is reported one past the last character.  out is left
 * untouched on error.  err may be NULL.
 */
bj_clause_status bj_clause_parse(const char *in, size_t len, bj_clause *out,
								 bj_clause_error *err);

/* Canonical form: 第十一条 or 第十一条第(二)项; returns bytes written
 * excluding the NUL, 0 if c is invalid or buf too small. */
size_t		bj_clause_format(bj_clause c, char *buf, size_t bufsz);

#endif							/* BJ_CLAUSE_H */
