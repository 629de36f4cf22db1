/*
 * uscc.h — 统一社会信用代码 (GB 32100-2015) parsing and checking.
 *
 * Backend-free: plain C with libc only, no postgres.h.  Used by the
 * bjxm.uscc type (src/types.c), the Check unit tests and the fuzzers.
 */
#ifndef BJ_USCC_H
#define BJ_USCC_H

#include <stddef.h>

#define BJ_USCC_LEN 18

typedef enum bj_uscc_status
{
	BJ_USCC_OK = 0,
	BJ_USCC_EMPTY,				/* nothing left after trimming */
	BJ_USCC_TOO_SHORT,			/* fewer than 18 characters (count in nchars) */
	BJ_USCC_TOO_LONG,			/* more than 18 characters (count in nchars) */
	BJ_USCC_BAD_CHAR,			/* pos: not in 0-9 A-H J-N P-R T U W-Y */
	BJ_USCC_REGION_NOT_DIGIT,	/* pos 3..8: the region code must be digits */
	BJ_USCC_BAD_CHECK			/* pos 18: check character is not 'expected' */
} bj_uscc_status;

typedef struct bj_uscc_error
{
	bj_uscc_status status;
	int			pos;			/* 1-based character position, 0 if none */
	int			nchars;			/* characters seen (TOO_SHORT / TOO_LONG) */
	char		found[8];		/* the offending character, NUL-terminated
								 * UTF-8 (one code point, or "\\xNN" for an
								 * invalid byte) */
	char		expected;		/* BAD_CHECK: the correct check character */
} bj_uscc_error;

/* Value 0..30 of a code character (upper case only), or -1. */
int			bj_uscc_char_value(char c);

/* Check character for 17 valid characters; '\0' if any is invalid. */
char		bj_uscc_check_char(const char *first17);

/*
 * Parse text input: trims ASCII white space and U+3000 at both ends,
 * folds a-z to upper case, then validates.  On BJ_USCC_OK, out holds the
 * 18 canonical characters (not NUL-terminated).  err may be NULL.
 * err->found is the character as typed (before case folding); bytes
 * below 0x20, 0x7F and invalid UTF-8 bytes are written "\xNN" (lower-case
 * hex).  out is written only on BJ_USCC_OK.
 */
bj_uscc_status bj_uscc_parse(const char *in, size_t len, char *out,
							 bj_uscc_error *err);

/*
 * Validate exactly len bytes as a canonical code (binary input): no
 * trimming, no case folding; len must be 18.  err may be NULL.
 * Positions and nchars count bytes here; len 0 is BJ_USCC_EMPTY.
 */
bj_uscc_status bj_uscc_validate(const char *in, size_t len,
								bj_uscc_error *err);

#endif							/* BJ_USCC_H */
