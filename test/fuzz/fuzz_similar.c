/*
 * fuzz_similar.c — libFuzzer target for src/core/similar.c (project-name
 * normalisation, phase numbers, bigram similarity).  No file I/O.
 *
 * The input is split in two texts a and b at its first 0x00 byte (which
 * belongs to neither), or in half if it has none.  Each text is used
 * from an exact-size heap copy, and every output buffer is exactly outcap
 * bytes, so ASan catches any read past len and any write past outcap.
 * Checks, aborting on any failure:
 *  - validity: every function refuses a text with BJ_SIMILAR_EUTF8
 *    exactly when a reference decoder (below) finds it invalid UTF-8;
 *  - normalize: with outcap 0 (out NULL), 1, a size taken from the
 *    input, n and n + 1 it returns the same n; the whole result (outcap
 *    n + 1) is valid UTF-8 without NUL and not longer than the text; a
 *    short buffer holds a NUL-terminated prefix of it that ends on a
 *    character boundary and is the longest such prefix that fits;
 *  - phase: 0..BJ_SIMILAR_PHASE_MAX for valid text;
 *  - similarity: in [0, 1] (or BJ_SIMILAR_ENOMEM), symmetric to the bit,
 *    1 for a text and itself (0 if it normalises to nothing), 1 when the
 *    two normalise to the same non-empty text, 0 when either is empty,
 *    and, for normalised texts of up to REF_MAX characters, exactly the
 *    Dice coefficient of a naive quadratic count over the bigrams of the
 *    two normalised texts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Longest normalised texts (characters) compared with the naive Dice. */
#define REF_MAX 256

/* Abort unless cond holds. */
static void
require(int cond)
{
	if (!cond)
		abort();
}

/*
 * Reference UTF-8 check, written differently from the library's: decode
 * each sequence, then reject overlong forms, surrogates and values above
 * U+10FFFF by value.
 */
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

/* Byte length of the UTF-8 character whose lead byte is b. */
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

/* Code points of valid UTF-8 t[0, n) into cp (at most max); count. */
static size_t
code_points(const char *t, size_t n, uint32_t *cp, size_t max)
{
	const unsigned char *p = (const unsigned char *) t;
	size_t		i = 0;
	size_t		k = 0;

	while (i < n && k < max)
	{
		size_t		l = char_len(p[i]);
		uint32_t	c = l == 1 ? p[i] : (uint32_t) (p[i] & (0xFF >> (l + 1)));
		size_t		j;

		for (j = 1; j < l; j++)
			c = (c << 6) | (p[i + j] & 0x3F);
		cp[k++] = c;
		i += l;
	}
	return i < n ? max + 1 : k;
}

/*
 * The Dice coefficient of the normalised texts fa[0, na), fb[0, nb) by
 * the definition, naively: each element of A takes an unused equal
 * element of B.  -1 if either has more than REF_MAX characters.
 */
static double
ref_dice(const char *fa, int na, const char *fb, int nb)
{
	static uint32_t ca[REF_MAX + 1];
	static uint32_t cb[REF_MAX + 1];
	static unsigned char used[REF_MAX];
	size_t		la = code_points(fa, (size_t) na, ca, REF_MAX);
	size_t		lb = code_points(fb, (size_t) nb, cb, REF_MAX);
	size_t		ea;
	size_t		eb;
	size_t		common = 0;
	size_t		i;
	size_t		j;

	if (la > REF_MAX || lb > REF_MAX)
		return -1.0;
	/* elements: bigrams (x, y) at i, i + 1; a lone character by itself */
	ea = la > 1 ? la - 1 : la;
	eb = lb > 1 ? lb - 1 : lb;
	if (ea == 0 || eb == 0)
		return 0.0;
	memset(used, 0, sizeof(used));
	for (i = 0; i < ea; i++)
		for (j = 0; j < eb; j++)
		{
			int			same = la == 1 || lb == 1 ?
				(la == 1 && lb == 1 && ca[0] == cb[0]) :
				(ca[i] == cb[j] && ca[i + 1] == cb[j + 1]);

			if (!used[j] && same)
			{
				used[j] = 1;
				common++;
				break;
			}
		}
	return (2.0 * (double) common) / ((double) ea + (double) eb);
}

/* An exact-size heap copy of p[0, len) (one byte if len is 0). */
static char *
copy_of(const uint8_t *p, size_t len)
{
	char	   *c = malloc(len ? len : 1);

	require(c != NULL);
	if (len > 0)
		memcpy(c, p, len);
	return c;
}

/*
 * Normalise t[0, len) with outcap bytes of output and check the result
 * against full (the whole normalised text, n bytes), or against the
 * error status when full is NULL.
 */
static void
check_outcap(const char *t, size_t len, size_t outcap, int valid,
			 const char *full, int n)
{
	char	   *out = outcap > 0 ? malloc(outcap) : NULL;
	int			r;
	size_t		w;

	require(outcap == 0 || out != NULL);
	if (out != NULL)
		memset(out, 0x55, outcap);
	r = bj_similar_normalize(t, len, out, outcap);
	if (!valid)
	{
		require(r == BJ_SIMILAR_EUTF8);
		require(outcap == 0 || out[0] == '\0');
		free(out);
		return;
	}
	require(r == n);
	if (outcap == 0)
		return;
	w = strlen(out);			/* out is NUL-terminated within outcap */
	require(w < outcap);
	require(w <= (size_t) n && memcmp(out, full, w) == 0);
	if (w < (size_t) n)
	{
		/* a character boundary, and the next character does not fit */
		require((full[w] & 0xC0) != 0x80);
		require(w + char_len((unsigned char) full[w]) > outcap - 1);
	}
	free(out);
}

/* Check normalize and phase on one text; returns its normalised form. */
static char *
check_text(const char *t, size_t len, int valid, int *nout, size_t pick)
{
	int			n = bj_similar_normalize(t, len, NULL, 0);
	int			p = bj_similar_phase(t, len);
	char	   *full;
	int			r;

	if (!valid)
	{
		require(n == BJ_SIMILAR_EUTF8 && p == BJ_SIMILAR_EUTF8);
		check_outcap(t, len, 1, 0, NULL, 0);
		check_outcap(t, len, pick % 16 + 1, 0, NULL, 0);
		*nout = -1;
		return NULL;
	}
	require(n >= 0 && (size_t) n <= len);
	require(p >= 0 && p <= BJ_SIMILAR_PHASE_MAX);

	full = malloc((size_t) n + 1);
	require(full != NULL);
	r = bj_similar_normalize(t, len, full, (size_t) n + 1);
	require(r == n);
	require(strlen(full) == (size_t) n);	/* no NUL inside */
	require(ref_valid((const unsigned char *) full, (size_t) n));

	check_outcap(t, len, 0, 1, full, n);
	check_outcap(t, len, 1, 1, full, n);
	check_outcap(t, len, (size_t) n, 1, full, n);
	check_outcap(t, len, (size_t) n + 1, 1, full, n);
	check_outcap(t, len, pick % ((size_t) n + 2), 1, full, n);
	*nout = n;
	return full;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = size > 0 ? memchr(data, 0, size) : NULL;
	size_t		alen = nul ? (size_t) (nul - data) : size / 2;
	size_t		boff = nul ? alen + 1 : alen;
	size_t		blen = size - boff;
	char	   *a = copy_of(data, alen);
	char	   *b = copy_of(data + boff, blen);
	int			va = ref_valid((const unsigned char *) a, alen);
	int			vb = ref_valid((const unsigned char *) b, blen);
	size_t		pick = size > 0 ? data[size - 1] : 0;
	int			na;
	int			nb;
	char	   *fa = check_text(a, alen, va, &na, pick);
	char	   *fb = check_text(b, blen, vb, &nb, pick / 2);
	double		ab = bj_similarity(a, alen, b, blen);
	double		ba = bj_similarity(b, blen, a, alen);

	/* symmetric to the bit (errors included) */
	require(memcmp(&ab, &ba, sizeof(ab)) == 0);
	if (!va || !vb)
		require(ab == BJ_SIMILAR_EUTF8);
	else if (ab != BJ_SIMILAR_ENOMEM)
	{
		double		aa = bj_similarity(a, alen, a, alen);
		double		ref = ref_dice(fa, na, fb, nb);

		require(ab >= 0.0 && ab <= 1.0);
		require(ref < 0.0 || ab == ref);
		if (na == 0 || nb == 0)
			require(ab == 0.0);
		if (na > 0 && na == nb && memcmp(fa, fb, (size_t) na) == 0)
			require(ab == 1.0);
		require(aa == BJ_SIMILAR_ENOMEM || aa == (na > 0 ? 1.0 : 0.0));
	}
	free(fa);
	free(fb);
	free(a);
	free(b);
	return 0;
}
