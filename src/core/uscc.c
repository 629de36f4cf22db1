/*
 * uscc.c — 统一社会信用代码 (unified social credit identifier),
 * GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》.
 *
 * Backend-free: plain C99 with libc only.
 *
 * Structure (GB 32100-2015 §4): 18 characters
 *   pos 1      registration authority code
 *   pos 2      organisation type code
 *   pos 3..8   administrative region code (GB/T 2260, digits only)
 *   pos 9..17  organisation identifier (GB 11714)
 *   pos 18     check character (GB 32100-2015 §5, modulus 31)
 * Every character is drawn from 0-9 and the 21 capital letters that are
 * not I O Z S V (GB 32100-2015 §4, 表1); its value is its index 0..30.
 *
 * Error reporting (first problem wins): EMPTY; TOO_SHORT / TOO_LONG by
 * number of characters; then positions 1..18 left to right, BAD_CHAR or
 * REGION_NOT_DIGIT; then BAD_CHECK.  'found' is the offending character
 * as the caller typed it (before case folding): printable ASCII as is,
 * a valid UTF-8 multi-byte character as is, and any other byte (control
 * characters, NUL, DEL, invalid UTF-8) as "\xNN" in lower-case hex.
 */
#include <limits.h>
#include <string.h>

#include "uscc.h"

/* GB 32100-2015 §4 表1: the 31 code characters, value = index. */
static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* GB 32100-2015 §5: weights W_i = 3^(i-1) mod 31 for i = 1..17. */
static const int uscc_weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* One character of the input: where it starts and how many bytes. */
typedef struct uscc_unit
{
	const unsigned char *p;
	size_t		n;
} uscc_unit;

/* Value 0..30 of a code character (upper case only), or -1. */
int
bj_uscc_char_value(char c)
{
	const char *hit;

	if (c == '\0')
		return -1;
	hit = strchr(uscc_charset, c);
	return hit ? (int) (hit - uscc_charset) : -1;
}

/* Check character for 17 valid characters; '\0' if any is invalid. */
char
bj_uscc_check_char(const char *first17)
{
	int			sum = 0;
	int			i;
	int			c;

	if (first17 == NULL)
		return '\0';
	for (i = 0; i < 17; i++)
	{
		int			v = bj_uscc_char_value(first17[i]);

		if (v < 0)
			return '\0';
		sum += v * uscc_weights[i];
	}
	/* GB 32100-2015 §5: C18 = 31 - MOD(Σ Ci×Wi, 31); 31 is written 0 */
	c = 31 - sum % 31;
	if (c == 31)
		c = 0;
	return uscc_charset[c];
}

/* Bytes of the valid UTF-8 sequence at p (RFC 3629), or 0 if invalid. */
static size_t
utf8_seq_len(const unsigned char *p, size_t avail)
{
	unsigned char b0 = p[0];
	unsigned char lo = 0x80;
	unsigned char hi = 0xBF;
	size_t		n;
	size_t		i;

	if (b0 < 0x80)
		return 1;
	if (b0 >= 0xC2 && b0 <= 0xDF)
		n = 2;
	else if (b0 >= 0xE0 && b0 <= 0xEF)
	{
		n = 3;
		if (b0 == 0xE0)
			lo = 0xA0;			/* no overlong forms */
		else if (b0 == 0xED)
			hi = 0x9F;			/* no surrogates */
	}
	else if (b0 >= 0xF0 && b0 <= 0xF4)
	{
		n = 4;
		if (b0 == 0xF0)
			lo = 0x90;			/* no overlong forms */
		else if (b0 == 0xF4)
			hi = 0x8F;			/* nothing above U+10FFFF */
	}
	else
		return 0;

	if (avail < n)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return n;
}

/* 1 if c is ASCII white space (space, \t, \n, \v, \f, \r). */
static int
is_ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* 1 if the three bytes at p are U+3000 IDEOGRAPHIC SPACE. */
static int
is_ideographic_space(const unsigned char *p)
{
	return p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80;
}

/* Write unit u into found[8] as described in the file header. */
static void
describe_unit(uscc_unit u, char *found)
{
	static const char hex[] = "0123456789abcdef";

	if (u.n == 1 && (u.p[0] < 0x20 || u.p[0] >= 0x7F))
	{
		found[0] = '\\';
		found[1] = 'x';
		found[2] = hex[u.p[0] >> 4];
		found[3] = hex[u.p[0] & 0x0F];
		found[4] = '\0';
	}
	else
	{
		/* printable ASCII, or a valid sequence of at most 4 bytes */
		memcpy(found, u.p, u.n);
		found[u.n] = '\0';
	}
}

/* Reset err (if any) to status with no position. */
static bj_uscc_status
set_status(bj_uscc_error *err, bj_uscc_status status)
{
	if (err)
	{
		memset(err, 0, sizeof(*err));
		err->status = status;
	}
	return status;
}

/* Report a problem with the character u at position pos. */
static bj_uscc_status
set_char_error(bj_uscc_error *err, bj_uscc_status status, int pos,
			   uscc_unit u)
{
	if (err)
	{
		memset(err, 0, sizeof(*err));
		err->status = status;
		err->pos = pos;
		err->nchars = BJ_USCC_LEN;
		describe_unit(u, err->found);
	}
	return status;
}

/*
 * Check exactly 18 characters (units) in position order; fold a-z when
 * fold is set.  On success copy the canonical code to out (if not NULL).
 */
static bj_uscc_status
check_units(const uscc_unit *units, int fold, char *out, bj_uscc_error *err)
{
	char		code[BJ_USCC_LEN];
	char		expected;
	int			i;

	for (i = 0; i < BJ_USCC_LEN; i++)
	{
		char		c;
		int			v;

		if (units[i].n != 1)
			return set_char_error(err, BJ_USCC_BAD_CHAR, i + 1, units[i]);
		c = (char) units[i].p[0];
		if (fold && c >= 'a' && c <= 'z')
			c = (char) (c - 'a' + 'A');
		v = bj_uscc_char_value(c);
		if (v < 0)
			return set_char_error(err, BJ_USCC_BAD_CHAR, i + 1, units[i]);
		/* GB 32100-2015 §4: positions 3..8 are the GB/T 2260 region code */
		if (i >= 2 && i <= 7 && v > 9)
			return set_char_error(err, BJ_USCC_REGION_NOT_DIGIT, i + 1,
								  units[i]);
		code[i] = c;
	}

	expected = bj_uscc_check_char(code);
	if (code[BJ_USCC_LEN - 1] != expected)
	{
		set_char_error(err, BJ_USCC_BAD_CHECK, BJ_USCC_LEN,
					   units[BJ_USCC_LEN - 1]);
		if (err)
			err->expected = expected;
		return BJ_USCC_BAD_CHECK;
	}

	if (out)
		memcpy(out, code, BJ_USCC_LEN);
	return set_status(err, BJ_USCC_OK);
}

/* Report a length problem: nchars characters instead of 18. */
static bj_uscc_status
set_length_error(bj_uscc_error *err, size_t nchars)
{
	bj_uscc_status status;

	if (nchars == 0)
		return set_status(err, BJ_USCC_EMPTY);
	status = nchars < BJ_USCC_LEN ? BJ_USCC_TOO_SHORT : BJ_USCC_TOO_LONG;
	set_status(err, status);
	if (err)
		err->nchars = nchars > (size_t) INT_MAX ? INT_MAX : (int) nchars;
	return status;
}

/* Parse text input: trim, fold a-z, count UTF-8 characters, validate. */
bj_uscc_status
bj_uscc_parse(const char *in, size_t len, char *out, bj_uscc_error *err)
{
	const unsigned char *p = (const unsigned char *) in;
	const unsigned char *end;
	uscc_unit	units[BJ_USCC_LEN];
	size_t		nchars = 0;

	if (in == NULL)
		len = 0;
	end = p + len;

	/* trim ASCII white space and U+3000 at both ends */
	while (p < end)
	{
		if (is_ascii_space(*p))
			p++;
		else if (end - p >= 3 && is_ideographic_space(p))
			p += 3;
		else
			break;
	}
	while (end > p)
	{
		if (is_ascii_space(end[-1]))
			end--;
		else if (end - p >= 3 && is_ideographic_space(end - 3))
			end -= 3;
		else
			break;
	}

	/* split into characters; an invalid byte is a character of its own */
	while (p < end)
	{
		size_t		n = utf8_seq_len(p, (size_t) (end - p));

		if (n == 0)
			n = 1;
		if (nchars < BJ_USCC_LEN)
		{
			units[nchars].p = p;
			units[nchars].n = n;
		}
		nchars++;
		p += n;
	}

	if (nchars != BJ_USCC_LEN)
		return set_length_error(err, nchars);
	return check_units(units, 1, out, err);
}

/* Validate exactly 18 bytes as a canonical code: no trim, no folding. */
bj_uscc_status
bj_uscc_validate(const char *in, size_t len, bj_uscc_error *err)
{
	uscc_unit	units[BJ_USCC_LEN];
	int			i;

	if (in == NULL)
		len = 0;
	if (len != BJ_USCC_LEN)
		return set_length_error(err, len);
	for (i = 0; i < BJ_USCC_LEN; i++)
	{
		units[i].p = (const unsigned char *) in + i;
		units[i].n = 1;
	}
	return check_units(units, 0, NULL, err);
}
