/*
 * utf8.c — UTF-8 validity (RFC 3629), see utf8.h.
 */
#include "utf8.h"

/* 1 if p[0, len) is valid UTF-8 (RFC 3629). */
int
bj_utf8_valid(const unsigned char *p, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char b = p[i];
		unsigned char lo = 0x80;
		unsigned char hi = 0xBF;
		size_t		n;
		size_t		k;

		if (b < 0x80)
		{
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF)
			n = 2;
		else if (b >= 0xE0 && b <= 0xEF)
		{
			n = 3;
			if (b == 0xE0)
				lo = 0xA0;		/* no overlong forms */
			else if (b == 0xED)
				hi = 0x9F;		/* no surrogates */
		}
		else if (b >= 0xF0 && b <= 0xF4)
		{
			n = 4;
			if (b == 0xF0)
				lo = 0x90;
			else if (b == 0xF4)
				hi = 0x8F;		/* nothing above U+10FFFF */
		}
		else
			return 0;
		if (len - i < n)
			return 0;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (k = 2; k < n; k++)
			if (p[i + k] < 0x80 || p[i + k] > 0xBF)
				return 0;
		i += n;
	}
	return 1;
}
