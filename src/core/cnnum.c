/*
 * cnnum.c — Chinese numerals 1..99 as used to number the articles (第X条),
 * chapters (第X章) and items ((X)) of 毕节市市级信息化项目统筹管理办法(试行).
 *
 * Backend-free: plain C99 with libc only.  tools/genreg links this file
 * alone, so it must not depend on the generated regulation_items.h.
 *
 * Grammar (value 1..99):   D | 十 | 十D | D十 | D十D     with D = 一..九
 * "一十" (10) and "一十一" (11) are accepted; 零 and 〇 are not numerals
 * here (the regulation never uses them).  Parsing takes the longest valid
 * prefix, so "十十" yields 10 with the second 十 left to the caller.
 */
#include <string.h>

#include "clause.h"

/* Each numeral character is three bytes in UTF-8 (all in the CJK block). */
#define CN_CHAR_BYTES 3

/* 一 .. 九 at index 1..9 (index 0 unused: 零 is not accepted). */
static const char *const cn_digits[10] = {
	"", "一", "二", "三", "四", "五", "六", "七", "八", "九"
};

/* The character 十 (ten). */
static const char cn_ten[] = "十";

/* Value 1..9 of the numeral digit at s (needs 3 bytes), or 0. */
static int
cn_digit_at(const char *s, size_t len)
{
	int			d;

	if (len < CN_CHAR_BYTES)
		return 0;
	for (d = 1; d <= 9; d++)
		if (memcmp(s, cn_digits[d], CN_CHAR_BYTES) == 0)
			return d;
	return 0;
}

/* 1 if the character at s is 十. */
static int
cn_ten_at(const char *s, size_t len)
{
	return len >= CN_CHAR_BYTES && memcmp(s, cn_ten, CN_CHAR_BYTES) == 0;
}

/* Parse the longest Chinese numeral 1..99 at the start of s. */
int
bj_cn_numeral_parse(const char *s, size_t len, size_t *consumed)
{
	size_t		used = 0;
	int			value = 0;
	int			d;

	if (consumed)
		*consumed = 0;
	if (s == NULL)
		return 0;

	d = cn_digit_at(s, len);
	if (d > 0)
	{
		/* D, D十 or D十D */
		used = CN_CHAR_BYTES;
		value = d;
		if (cn_ten_at(s + used, len - used))
		{
			used += CN_CHAR_BYTES;
			value = d * 10;
			d = cn_digit_at(s + used, len - used);
			if (d > 0)
			{
				used += CN_CHAR_BYTES;
				value += d;
			}
		}
	}
	else if (cn_ten_at(s, len))
	{
		/* 十 or 十D */
		used = CN_CHAR_BYTES;
		value = 10;
		d = cn_digit_at(s + used, len - used);
		if (d > 0)
		{
			used += CN_CHAR_BYTES;
			value += d;
		}
	}

	if (consumed)
		*consumed = used;
	return value;
}

/* Append the 3-byte character c at buf[*at]; the caller checked room. */
static void
cn_put(char *buf, size_t *at, const char *c)
{
	memcpy(buf + *at, c, CN_CHAR_BYTES);
	*at += CN_CHAR_BYTES;
}

/* Format 1..99 as 一 .. 九十九 (十一 not 一十一); 0 on bad n or short buf. */
size_t
bj_cn_numeral_format(int n, char *buf, size_t bufsz)
{
	size_t		need;
	size_t		at = 0;
	int			tens;
	int			ones;

	if (n < 1 || n > 99 || buf == NULL)
		return 0;
	tens = n / 10;
	ones = n % 10;
	/* characters: ones only; 十[D]; D十[D] */
	need = (size_t) ((tens == 0 ? 0 : tens == 1 ? 1 : 2) + (ones ? 1 : 0));
	need *= CN_CHAR_BYTES;
	if (bufsz < need + 1)
		return 0;

	if (tens >= 2)
		cn_put(buf, &at, cn_digits[tens]);
	if (tens >= 1)
		cn_put(buf, &at, cn_ten);
	if (ones)
		cn_put(buf, &at, cn_digits[ones]);
	buf[at] = '\0';
	return at;
}
