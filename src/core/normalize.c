/*
 * normalize.c — spelling-proof normalisation for the 第十一条 matcher,
 * with an offset map back to the input (see normalize.h).
 *
 * Backend-free: plain C99 with libc only.
 *
 * One pass over the input: ASCII through a 128-entry table, every other
 * character decoded (and validated, RFC 3629) and looked up in the
 * two-stage table of norm_tables.h, which holds the composition of steps
 * (a)–(d) for every code point: unchanged (the input bytes are copied),
 * or replaced by a short UTF-8 string (empty: removed).  The map gets the
 * input offset of the character for each byte written.  No allocation,
 * O(len) time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "norm_tables.h"
#include "t2s_table.h"

/* The bound of the header must hold for the generated table. */
typedef char bj_norm_ratio_check[BJ_NORM_TABLE_MAX_RATIO <= BJ_NORM_MAX_RATIO ? 1 : -1];

/*
 * ASCII: 0-9 and a-z kept, A-Z folded, everything else (controls, NUL,
 * space, punctuation, symbols) removed (0).  tools/gen_norm_tables.py
 * checks that this is what the table says for U+0000–U+007F.
 */
static const unsigned char ascii_map[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0, 0, 0, 0, 0, 0,
	0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
	0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
};

/* Byte length of the (valid) UTF-8 character whose lead byte is b. */
static size_t
char_len(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if (b < 0xE0)
		return 2;
	if (b < 0xF0)
		return 3;
	return 4;
}

size_t
bj_norm_bound(size_t len)
{
	if (len > SIZE_MAX / BJ_NORM_MAX_RATIO)
		return SIZE_MAX;
	return len * BJ_NORM_MAX_RATIO;
}

int
bj_norm(const char *s, size_t len, char *out, size_t outcap, uint32_t *map,
		size_t *outlen)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	size_t		o = 0;
	int			full = 0;		/* a character did not fit: write no more */

	if (outlen == NULL)
		return BJ_NORM_EINVAL;
	*outlen = 0;
	if ((s == NULL && len > 0) || (out == NULL && outcap > 0))
		return BJ_NORM_EINVAL;
	if (len > UINT32_MAX)
		return BJ_NORM_ETOOLONG;

	while (i < len)
	{
		unsigned char b = p[i];
		const unsigned char *src;
		uint32_t	c;
		size_t		n;
		size_t		k;
		unsigned	v;

		if (b < 0x80)
		{
			unsigned char a = ascii_map[b];

			if (a != 0)
			{
				if (!full && o < outcap)
				{
					out[o] = (char) a;
					if (map != NULL)
						map[o] = (uint32_t) i;
				}
				else
					full = 1;
				o++;
			}
			i++;
			continue;
		}

		/* decode and validate (RFC 3629) */
		if (b >= 0xC2 && b <= 0xDF)
		{
			if (len - i < 2 || (p[i + 1] & 0xC0) != 0x80)
				return BJ_NORM_EUTF8;
			n = 2;
			c = ((uint32_t) (b & 0x1F) << 6) | (p[i + 1] & 0x3F);
		}
		else if (b >= 0xE0 && b <= 0xEF)
		{
			if (len - i < 3 || (p[i + 1] & 0xC0) != 0x80 ||
				(p[i + 2] & 0xC0) != 0x80)
				return BJ_NORM_EUTF8;
			n = 3;
			c = ((uint32_t) (b & 0x0F) << 12) |
				((uint32_t) (p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
			if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
				return BJ_NORM_EUTF8;	/* overlong, surrogate */
		}
		else if (b >= 0xF0 && b <= 0xF4)
		{
			if (len - i < 4 || (p[i + 1] & 0xC0) != 0x80 ||
				(p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80)
				return BJ_NORM_EUTF8;
			n = 4;
			c = ((uint32_t) (b & 0x07) << 18) |
				((uint32_t) (p[i + 1] & 0x3F) << 12) |
				((uint32_t) (p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
			if (c < 0x10000 || c > 0x10FFFF)
				return BJ_NORM_EUTF8;	/* overlong, too large */
		}
		else
			return BJ_NORM_EUTF8;	/* continuation byte, C0, C1, F5+ */

		v = bj_norm_stage2[((size_t) bj_norm_stage1[c >> BJ_NORM_BLOCK_SHIFT]
							<< BJ_NORM_BLOCK_SHIFT) | (c & BJ_NORM_BLOCK_MASK)];
		if (v == 0)
		{
			/* unchanged (most CJK): copy without the general path */
			if (!full && o <= outcap && outcap - o >= n)
			{
				memcpy(out + o, p + i, n);
				if (map != NULL)
				{
					map[o] = map[o + 1] = (uint32_t) i;
					if (n > 2)
						map[o + 2] = (uint32_t) i;
					if (n > 3)
						map[o + 3] = (uint32_t) i;
				}
			}
			else
				full = 1;
			o += n;
			i += n;
			continue;
		}
		src = bj_norm_pool + v + 1;
		k = bj_norm_pool[v];
		if (k > 0)
		{
			if (!full && o <= outcap && outcap - o >= k)
			{
				size_t		j;

				memcpy(out + o, src, k);
				if (map != NULL)
					for (j = 0; j < k; j++)
						map[o + j] = (uint32_t) i;
			}
			else
				full = 1;
			o += k;
		}
		i += n;
	}
	*outlen = o;
	return o > outcap ? BJ_NORM_ENOSPACE : BJ_NORM_OK;
}

int
bj_norm_dup(const char *s, size_t len, char **out, uint32_t **map,
			size_t *outlen)
{
	size_t		cap = len;
	size_t		n = 0;
	int			r;

	if (out == NULL || outlen == NULL)
		return BJ_NORM_EINVAL;
	*out = NULL;
	*outlen = 0;
	if (map != NULL)
		*map = NULL;
	for (;;)
	{
		char	   *o = malloc(cap + 1);
		uint32_t   *m = NULL;

		if (o == NULL)
			return BJ_NORM_ENOMEM;
		if (map != NULL)
		{
			m = malloc((cap > 0 ? cap : 1) * sizeof(uint32_t));
			if (m == NULL)
			{
				free(o);
				return BJ_NORM_ENOMEM;
			}
		}
		r = bj_norm(s, len, o, cap, m, &n);
		if (r == BJ_NORM_OK)
		{
			o[n] = '\0';
			*out = o;
			if (map != NULL)
				*map = m;
			*outlen = n;
			return BJ_NORM_OK;
		}
		free(o);
		free(m);
		if (r != BJ_NORM_ENOSPACE || n == SIZE_MAX)
			return r;
		cap = n;				/* the exact size; the second try fits */
	}
}

int
bj_norm_span(const char *s, size_t len, const uint32_t *map, size_t outlen,
			 size_t a, size_t b, size_t *start, size_t *end)
{
	size_t		last;

	if (a > b || b > outlen || start == NULL || end == NULL ||
		(outlen > 0 && (map == NULL || s == NULL)))
		return BJ_NORM_EINVAL;
	if (a == b)
	{
		*start = *end = a < outlen ? map[a] : len;
		return BJ_NORM_OK;
	}
	last = map[b - 1];
	if (last >= len)
		return BJ_NORM_EINVAL;
	*start = map[a];
	*end = last + char_len((unsigned char) s[last]);
	return BJ_NORM_OK;
}

uint32_t
bj_norm_t2s(uint32_t c)
{
	size_t		lo = 0;
	size_t		hi = BJ_T2S_COUNT;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (bj_t2s_pairs[mid][0] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < BJ_T2S_COUNT && bj_t2s_pairs[lo][0] == c ?
		bj_t2s_pairs[lo][1] : c;
}
