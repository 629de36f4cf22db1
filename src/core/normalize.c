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

/*
 * Append the k bytes src[0, k) of input character at offset at: written
 * when they fit whole in what is left of out (*wcap: outcap, or 0 once a
 * character did not fit, so nothing after it is written), counted always.
 */
static inline void
put(char *out, uint32_t *map, size_t *o, size_t *wcap, const unsigned char *src,
	size_t k, size_t at)
{
	if (*wcap >= k && *o <= *wcap - k)
	{
		for (size_t j = 0; j < k; j++)
			out[*o + j] = (char) src[j];
		if (map != NULL)
			for (size_t j = 0; j < k; j++)
				map[*o + j] = (uint32_t) at;
	}
	else
		*wcap = 0;
	*o += k;
}

/* The stage-2 entry of code point c (0: unchanged; see norm_tables.h). */
static inline unsigned
lookup(uint32_t c)
{
	return bj_norm_stage2[((size_t) bj_norm_stage1[c >> BJ_NORM_BLOCK_SHIFT]
						   << BJ_NORM_BLOCK_SHIFT) | (c & BJ_NORM_BLOCK_MASK)];
}

/*
 * Decode and validate (RFC 3629) the 2- or 4-byte sequence at p[i]:
 * its length with *c, or 0 if it is not valid UTF-8 (the 3-byte case is
 * decoded inline by the callers, on their hot path).
 */
static size_t
decode_2_or_4(const unsigned char *p, size_t len, size_t i, uint32_t *c)
{
	unsigned char b = p[i];

	if (b >= 0xC2 && b <= 0xDF)
	{
		if (len - i < 2 || (p[i + 1] & 0xC0) != 0x80)
			return 0;
		*c = ((uint32_t) (b & 0x1F) << 6) | (p[i + 1] & 0x3F);
		return 2;
	}
	if (b >= 0xF0 && b <= 0xF4)
	{
		if (len - i < 4 || (p[i + 1] & 0xC0) != 0x80 ||
			(p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80)
			return 0;
		*c = ((uint32_t) (b & 0x07) << 18) |
			((uint32_t) (p[i + 1] & 0x3F) << 12) |
			((uint32_t) (p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
		if (*c < 0x10000 || *c > 0x10FFFF)
			return 0;			/* overlong, too large */
		return 4;
	}
	return 0;					/* continuation byte, C0, C1, F5+ */
}

int
bj_norm(const char *s, size_t len, char *out, size_t outcap, uint32_t *map,
		size_t *outlen)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	size_t		o = 0;
	size_t		wcap = outcap;	/* 0 once a character did not fit: write no more */

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
		uint32_t	c;
		size_t		n;
		unsigned	v;

		if (b < 0x80)
		{
			unsigned char a = ascii_map[b];

			if (a != 0)
			{
				if (o < wcap)
				{
					out[o] = (char) a;
					if (map != NULL)
						map[o] = (uint32_t) i;
				}
				else
					wcap = 0;
				o++;
			}
			i++;
			continue;
		}

		/* decode and validate (RFC 3629); 3 bytes (CJK) first */
		if ((b & 0xF0) == 0xE0)
		{
			unsigned char b1;
			unsigned char b2;

			if (len - i < 3)
				return BJ_NORM_EUTF8;
			b1 = p[i + 1];
			b2 = p[i + 2];
			if (((b1 & 0xC0) ^ 0x80) | ((b2 & 0xC0) ^ 0x80))
				return BJ_NORM_EUTF8;
			c = ((uint32_t) (b & 0x0F) << 12) | ((uint32_t) (b1 & 0x3F) << 6) | (b2 & 0x3F);
			if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
				return BJ_NORM_EUTF8;	/* overlong, surrogate */
			v = lookup(c);
			if (v == 0)
			{
				/* unchanged (most CJK): three bytes as they are */
				if (wcap >= 3 && o <= wcap - 3)
				{
					out[o] = (char) b;
					out[o + 1] = (char) b1;
					out[o + 2] = (char) b2;
					if (map != NULL)
						map[o] = map[o + 1] = map[o + 2] = (uint32_t) i;
				}
				else
					wcap = 0;
				o += 3;
				i += 3;
				continue;
			}
			n = 3;
		}
		else
		{
			n = decode_2_or_4(p, len, i, &c);
			if (n == 0)
				return BJ_NORM_EUTF8;
			v = lookup(c);
		}

		if (v == 0)
			put(out, map, &o, &wcap, p + i, n, i);	/* unchanged */
		else if (bj_norm_pool[v] > 0)
			put(out, map, &o, &wcap, bj_norm_pool + v + 1, bj_norm_pool[v], i);
		i += n;
	}
	*outlen = o;
	return o > outcap ? BJ_NORM_ENOSPACE : BJ_NORM_OK;
}

int
bj_norm_scan(const char *s, size_t len, const bj_norm_dfa *dfa)
{
	const unsigned char *p = (const unsigned char *) s;
	const uint16_t *delta;
	const uint16_t *cls;
	unsigned	shift;
	uint32_t	q = 0;
	size_t		i = 0;

	if ((s == NULL && len > 0) || dfa == NULL || dfa->delta == NULL || dfa->cls == NULL)
		return BJ_NORM_EINVAL;
	if (len > UINT32_MAX)
		return BJ_NORM_ETOOLONG;
	delta = dfa->delta;
	cls = dfa->cls;
	shift = dfa->shift;

/* One output byte into the automaton; return 1 when it accepts. */
#define SCAN_STEP(byte) \
	do { \
		q = delta[((size_t) (q & 0x7FFF) << shift) + cls[(unsigned char) (byte)]]; \
		if (q & 0x8000) \
			return 1; \
	} while (0)

	while (i < len)
	{
		unsigned char b = p[i];
		uint32_t	c;
		size_t		n;
		unsigned	v;

		if (b < 0x80)
		{
			if (ascii_map[b] != 0)
				SCAN_STEP(ascii_map[b]);
			i++;
			continue;
		}
		/* decode and validate exactly as bj_norm does */
		if ((b & 0xF0) == 0xE0)
		{
			unsigned char b1;
			unsigned char b2;

			if (len - i < 3)
				return BJ_NORM_EUTF8;
			b1 = p[i + 1];
			b2 = p[i + 2];
			if (((b1 & 0xC0) ^ 0x80) | ((b2 & 0xC0) ^ 0x80))
				return BJ_NORM_EUTF8;
			c = ((uint32_t) (b & 0x0F) << 12) | ((uint32_t) (b1 & 0x3F) << 6) | (b2 & 0x3F);
			if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
				return BJ_NORM_EUTF8;
			v = lookup(c);
			if (v == 0)
			{
				SCAN_STEP(b);
				SCAN_STEP(b1);
				SCAN_STEP(b2);
				i += 3;
				continue;
			}
			n = 3;
		}
		else
		{
			n = decode_2_or_4(p, len, i, &c);
			if (n == 0)
				return BJ_NORM_EUTF8;
			v = lookup(c);
		}

		if (v == 0)
		{
			for (size_t j = 0; j < n; j++)
				SCAN_STEP(p[i + j]);
		}
		else
		{
			for (size_t j = 0; j < bj_norm_pool[v]; j++)
				SCAN_STEP(bj_norm_pool[v + 1 + j]);
		}
		i += n;
	}
#undef SCAN_STEP
	return 0;
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
