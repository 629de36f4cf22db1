/*
 * fuzz_normalize.c — libFuzzer target for src/core/normalize.c (issue 16
 * normalisation with an offset map).  No file I/O.
 *
 * The input is used from an exact-size heap copy, and every output
 * buffer is exactly outcap bytes (map: outcap entries), so ASan catches
 * any read past len and any write past outcap.  Checks, aborting on any
 * failure:
 *  - validity: bj_norm refuses the input with BJ_NORM_EUTF8 exactly when
 *    a reference decoder (below, written differently) finds it invalid;
 *  - the whole result (outcap = the counted length) is valid UTF-8 without
 *    NUL, within bj_norm_bound(len), and the same as bj_norm_dup's;
 *  - a count (outcap 0) and a short outcap give the same length, and a
 *    short buffer holds the longest prefix of the result made of the
 *    whole output of input characters (and the same map);
 *  - idempotence: normalising the result again gives the result;
 *  - offset map: every entry < len, on a character start of the input,
 *    non-decreasing, constant over each output character; bj_norm_span
 *    of any output character range [a, b) lies within [0, len) with
 *    start <= end, and of the whole output starts at map[0].
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless cond holds. */
static void
require(int cond)
{
	if (!cond)
		abort();
}

/* Reference UTF-8 check: decode, then reject by value. */
static int
ref_valid(const unsigned char *p, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char b = p[i];
		size_t		n;
		uint32_t	c;
		uint32_t	min;
		size_t		k;

		if (b < 0x80)
		{
			i++;
			continue;
		}
		if ((b & 0xE0) == 0xC0)
		{
			n = 2;
			c = b & 0x1F;
			min = 0x80;
		}
		else if ((b & 0xF0) == 0xE0)
		{
			n = 3;
			c = b & 0x0F;
			min = 0x800;
		}
		else if ((b & 0xF8) == 0xF0)
		{
			n = 4;
			c = b & 0x07;
			min = 0x10000;
		}
		else
			return 0;
		if (len - i < n)
			return 0;
		for (k = 1; k < n; k++)
		{
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			c = (c << 6) | (p[i + k] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		i += n;
	}
	return 1;
}

/* 1 if byte b starts a UTF-8 character. */
static int
is_start(unsigned char b)
{
	return (b & 0xC0) != 0x80;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = malloc(size ? size : 1);
	int			valid;
	size_t		need = 0;
	int			r;
	char	   *out;
	uint32_t   *map;
	size_t		n = 0;
	size_t		i;
	char	   *dup = NULL;
	size_t		ndup = 0;
	char	   *again;
	size_t		n2 = 0;
	size_t		pick = size > 0 ? data[0] : 0;

	require(s != NULL);
	if (size > 0)
		memcpy(s, data, size);
	valid = ref_valid((const unsigned char *) s, size);

	r = bj_norm(s, size, NULL, 0, NULL, &need);
	if (!valid)
	{
		require(r == BJ_NORM_EUTF8 && need == 0);
		require(bj_norm_dup(s, size, &dup, NULL, &ndup) == BJ_NORM_EUTF8);
		require(dup == NULL);
		free(s);
		return 0;
	}
	require(r == (need == 0 ? BJ_NORM_OK : BJ_NORM_ENOSPACE));
	require(need <= bj_norm_bound(size));

	out = malloc(need ? need : 1);
	map = malloc((need ? need : 1) * sizeof(uint32_t));
	require(out != NULL && map != NULL);
	require(bj_norm(s, size, out, need, map, &n) == BJ_NORM_OK && n == need);
	require(ref_valid((const unsigned char *) out, n));
	require(n == 0 || memchr(out, 0, n) == NULL);

	/* bj_norm_dup agrees */
	require(bj_norm_dup(s, size, &dup, NULL, &ndup) == BJ_NORM_OK);
	require(ndup == n && memcmp(dup, out, n) == 0 && dup[n] == '\0');
	free(dup);

	/* a short buffer: same count, a prefix of whole characters */
	if (n > 0)
	{
		size_t		cap = pick % n;
		char	   *sh = malloc(cap ? cap : 1);
		uint32_t   *sm = malloc((cap ? cap : 1) * sizeof(uint32_t));
		size_t		ns = 0;

		require(sh != NULL && sm != NULL);
		require(bj_norm(s, size, sh, cap, sm, &ns) == BJ_NORM_ENOSPACE);
		require(ns == n);
		/*
		 * the output of whole input characters that fits was written
		 * (an input character's expansion is written whole or not at all)
		 */
		for (i = cap; i > 0 && map[i] == map[i - 1]; i--)
			;
		require(memcmp(sh, out, i) == 0 && memcmp(sm, map, i * sizeof(uint32_t)) == 0);
		free(sh);
		free(sm);
	}

	/* offset map */
	for (i = 0; i < n; i++)
	{
		require(map[i] < size);
		require(is_start((unsigned char) s[map[i]]));
		if (i > 0)
			require(map[i - 1] <= map[i]);
		if (!is_start((unsigned char) out[i]))
			require(i > 0 && map[i] == map[i - 1]);
	}
	if (n > 0)
	{
		size_t		a = pick % n;
		size_t		b;
		size_t		st;
		size_t		en;

		while (a > 0 && !is_start((unsigned char) out[a]))
			a--;
		b = a + (size > 1 ? data[1] : 1) % (n - a + 1);
		while (b < n && !is_start((unsigned char) out[b]))
			b++;
		require(bj_norm_span(s, size, map, n, a, b, &st, &en) == BJ_NORM_OK);
		require(st <= en && en <= size);
		if (a < b)
			require(st == map[a] && en > map[b - 1] && is_start((unsigned char) s[st]) &&
					(en == size || is_start((unsigned char) s[en])));
		require(bj_norm_span(s, size, map, n, 0, n, &st, &en) == BJ_NORM_OK);
		require(st == map[0] && en <= size);
	}

	/* idempotence */
	again = malloc(n ? n : 1);
	require(again != NULL);
	require(bj_norm(out, n, again, n, NULL, &n2) == BJ_NORM_OK);
	require(n2 == n && memcmp(again, out, n) == 0);

	free(again);
	free(out);
	free(map);
	free(s);
	return 0;
}
