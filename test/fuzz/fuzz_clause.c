/*
 * fuzz_clause.c — libFuzzer target for src/core/clause.c and cnnum.c
 * (citations of 毕节市市级信息化项目统筹管理办法(试行)).  Aborts when an
 * invariant does not hold; the input is used in place so ASan catches
 * any read past len.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless cond holds. */
static void
require(int cond)
{
	if (!cond)
		abort();
}

/* Characters of data: UTF-8 lead bytes, each invalid byte counting one. */
static int
count_chars(const uint8_t *data, size_t size)
{
	int			n = 0;
	size_t		i;

	/* an upper bound is enough: every non-continuation byte starts one */
	for (i = 0; i < size; i++)
		if ((data[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Parse data as a citation and a numeral; abort on a broken invariant. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	bj_clause	c = {-1, -1};
	bj_clause	back = {-1, -1};
	bj_clause_error err;
	bj_clause_status st;
	char		buf[BJ_CLAUSE_BUFSZ];
	size_t		n;
	size_t		used;
	int			v;

	st = bj_clause_parse(in, size, &c, &err);
	require(err.status == st);
	require(bj_clause_parse(in, size, NULL, NULL) == st);
	switch (st)
	{
		case BJ_CLAUSE_OK:
			require(bj_clause_valid(c));
			require(err.article == c.article && err.item == c.item);
			n = bj_clause_format(c, buf, sizeof buf);
			require(n > 0 && n == strlen(buf) && n <= 26);
			require(bj_clause_parse(buf, n, &back, NULL) == BJ_CLAUSE_OK);
			require(back.article == c.article && back.item == c.item);
			break;
		case BJ_CLAUSE_EMPTY:
			require(c.article == -1);
			break;
		case BJ_CLAUSE_SYNTAX:
			/* at most one past the last character (bytes bound chars) */
			require(err.pos >= 1 && err.pos <= count_chars(data, size) + 1);
			require(err.pos <= (int) size + 1);
			require(c.article == -1);
			break;
		case BJ_CLAUSE_NO_ARTICLE:
			require(err.article < 1 || err.article > BJ_ARTICLES);
			require(err.pos >= 1 && err.pos <= count_chars(data, size));
			require(c.article == -1);
			break;
		case BJ_CLAUSE_NO_ITEM:
			require(err.article >= 1 && err.article <= BJ_ARTICLES);
			require(err.max_item == bj_clause_item_count(err.article));
			require(err.item > err.max_item);
			require(err.pos >= 1 && err.pos <= count_chars(data, size));
			require(c.article == -1);
			break;
		default:
			abort();
	}

	/* Chinese numerals: the prefix read formats back to the same bytes */
	v = bj_cn_numeral_parse(in, size, &used);
	require(v >= 0 && v <= 99 && used <= size && (v == 0) == (used == 0));
	if (v > 0)
	{
		size_t		m = bj_cn_numeral_format(v, buf, sizeof buf);

		require(m > 0);
		require(bj_cn_numeral_parse(buf, m, &n) == v && n == m);
		/* 一十X is the only alternative spelling */
		require(m == used || (used == m + 3 && v >= 10 && v <= 19));
	}
	return 0;
}
