/*
 * fuzz_uscc.c — libFuzzer target for src/core/uscc.c (GB 32100-2015).
 * Feeds arbitrary bytes to bj_uscc_parse and bj_uscc_validate and aborts
 * when an invariant does not hold.  The input is used in place (libFuzzer
 * allocates exactly size bytes), so ASan catches any read past len.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "uscc.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless cond holds. */
static void
require(int cond)
{
	if (!cond)
		abort();
}

/* Invariants of an error report for a non-OK status. */
static void
check_error(bj_uscc_status st, const bj_uscc_error *err)
{
	require(err->status == st);
	switch (st)
	{
		case BJ_USCC_EMPTY:
			require(err->pos == 0 && err->nchars == 0);
			break;
		case BJ_USCC_TOO_SHORT:
			require(err->pos == 0 && err->nchars >= 1 &&
					err->nchars < BJ_USCC_LEN);
			break;
		case BJ_USCC_TOO_LONG:
			require(err->pos == 0 && err->nchars > BJ_USCC_LEN);
			break;
		case BJ_USCC_BAD_CHAR:
			require(err->pos >= 1 && err->pos <= BJ_USCC_LEN);
			require(strlen(err->found) >= 1 && strlen(err->found) <= 4);
			break;
		case BJ_USCC_REGION_NOT_DIGIT:
			/* GB 32100-2015 §4: region code is positions 3..8 */
			require(err->pos >= 3 && err->pos <= 8);
			require(strlen(err->found) == 1);
			break;
		case BJ_USCC_BAD_CHECK:
			require(err->pos == BJ_USCC_LEN);
			require(bj_uscc_char_value(err->expected) >= 0);
			require(strlen(err->found) == 1);
			break;
		default:
			abort();
	}
}

/* Parse and validate data; abort on any broken invariant. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	char		out[BJ_USCC_LEN];
	char		again[BJ_USCC_LEN];
	bj_uscc_error err;
	bj_uscc_error err2;
	bj_uscc_status st;

	st = bj_uscc_parse(in, size, out, &err);
	require(bj_uscc_parse(in, size, again, NULL) == st);
	if (st == BJ_USCC_OK)
	{
		require(err.status == BJ_USCC_OK);
		require(memcmp(out, again, BJ_USCC_LEN) == 0);
		/* the canonical form is accepted by the strict form ... */
		require(bj_uscc_validate(out, BJ_USCC_LEN, &err2) == BJ_USCC_OK);
		/* ... and re-parses to itself */
		require(bj_uscc_parse(out, BJ_USCC_LEN, again, NULL) == BJ_USCC_OK);
		require(memcmp(out, again, BJ_USCC_LEN) == 0);
		require(bj_uscc_check_char(out) == out[BJ_USCC_LEN - 1]);
	}
	else
		check_error(st, &err);

	st = bj_uscc_validate(in, size, &err);
	require(bj_uscc_validate(in, size, NULL) == st);
	if (st == BJ_USCC_OK)
	{
		/* strict input is canonical: parse leaves it unchanged */
		require(size == BJ_USCC_LEN);
		require(bj_uscc_parse(in, size, out, NULL) == BJ_USCC_OK);
		require(memcmp(out, in, BJ_USCC_LEN) == 0);
	}
	else
		check_error(st, &err);
	return 0;
}
