/*
 * similar.c — character-bigram (Dice) similarity of Chinese project
 * names (see similar.h for the contract).
 *
 * Backend-free: plain C99 with libc only.
 *
 * Normalisation is one streaming pass over validated UTF-8 and never
 * allocates: a tokenizer yields the folded, non-ignorable code points
 * (each with a flag saying whether ignorable characters preceded it), and
 * the marker rules look a bounded number of tokens ahead, except over a
 * numeral run, which is scanned at most three times (from 第, from
 * "phase", from its own start) and then consumed whole, so the pass is
 * linear.  Its characters go to a sink: the caller's buffer, a counter,
 * or an array of bigram keys.
 *
 * Similarity: a bigram (x, y) is the key x << 21 | y (code points have
 * 21 bits), a one-character text's only element is ONE_CHAR | x, so keys
 * have 43 bits; both arrays are sorted by an LSD radix sort (4 passes of
 * 11 bits) and merged, counting common keys with multiplicity.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"
#include "utf8.h"

/* Code points of the marker rules. */
#define CP_DI		0x7B2C		/* 第 */
#define CP_QI		0x671F		/* 期 */
#define CP_BIAO		0x6807		/* 标 */
#define CP_DUAN		0x6BB5		/* 段 */
#define CP_SHI		0x5341		/* 十 */

/* Value of 十 in cn_value (the digits are 1..9). */
#define CN_TEN		10

/* Longest canonical Roman numeral accepted after "phase" (xxxviii). */
#define ROMAN_MAX_LEN	7
#define ROMAN_MAX		39

/* Bigram keys. */
#define ONE_CHAR	((uint64_t) 1 << 42)
#define KEY_BITS	43
#define RADIX_BITS	11
#define RADIX		((size_t) 1 << RADIX_BITS)

/* Marker kinds after a numeral. */
#define MK_NONE		0
#define MK_PHASE	1			/* 期 */
#define MK_LOT		2			/* 标段 */

/* Numeral run kinds. */
#define RUN_NONE	0
#define RUN_DIGITS	1
#define RUN_CN		2

/* --- UTF-8 ---------------------------------------------------------------- */


/* Decode the character at p (valid UTF-8); its byte length in *n. */
static uint32_t
decode(const unsigned char *p, size_t *n)
{
	if (p[0] < 0x80)
	{
		*n = 1;
		return p[0];
	}
	if (p[0] < 0xE0)
	{
		*n = 2;
		return ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0)
	{
		*n = 3;
		return ((uint32_t) (p[0] & 0x0F) << 12) |
			((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	*n = 4;
	return ((uint32_t) (p[0] & 0x07) << 18) | ((uint32_t) (p[1] & 0x3F) << 12) |
		((uint32_t) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Encode c (a scalar value) into buf; returns its byte length. */
static size_t
encode(uint32_t c, char buf[4])
{
	if (c < 0x80)
	{
		buf[0] = (char) c;
		return 1;
	}
	if (c < 0x800)
	{
		buf[0] = (char) (0xC0 | (c >> 6));
		buf[1] = (char) (0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000)
	{
		buf[0] = (char) (0xE0 | (c >> 12));
		buf[1] = (char) (0x80 | ((c >> 6) & 0x3F));
		buf[2] = (char) (0x80 | (c & 0x3F));
		return 3;
	}
	buf[0] = (char) (0xF0 | (c >> 18));
	buf[1] = (char) (0x80 | ((c >> 12) & 0x3F));
	buf[2] = (char) (0x80 | ((c >> 6) & 0x3F));
	buf[3] = (char) (0x80 | (c & 0x3F));
	return 4;
}

/* --- characters ------------------------------------------------------------ */

/* 1 for ASCII 0-9 A-Z a-z. */
static int
ascii_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		(c >= 'a' && c <= 'z');
}

/* 1 if c is dropped by normalisation (the list in similar.h). */
static int
ignorable(uint32_t c)
{
	if (c < 0x80)
		return !ascii_alnum(c);
	if (c <= 0xA0 || c == 0xAD || c == 0xB7 || c == 0x1680 || c == 0xFEFF)
		return 1;
	if (c >= 0x2000 && c <= 0x206F)
		return 1;
	/*
	 * Default-ignorable code points that render as nothing: U+034F
	 * combining grapheme joiner, U+115F U+1160 U+3164 U+FFA0 hangul
	 * fillers, U+17B4 U+17B5, U+180B–U+180F Mongolian selectors,
	 * variation selectors U+FE00–U+FE0F and U+E0100–U+E01EF, tags
	 * U+E0000–U+E007F.  Without them a name that looks the same as its
	 * sibling compares as a different one.
	 */
	if (c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
		(c >= 0x180B && c <= 0x180F) || c == 0x3164 || c == 0xFFA0 ||
		(c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0000 && c <= 0xE007F) ||
		(c >= 0xE0100 && c <= 0xE01EF))
		return 1;
	if (c >= 0x3000 && c <= 0x303F)
		/* keep the block's letters and numerals */
		return !((c >= 0x3005 && c <= 0x3007) ||
				 (c >= 0x3021 && c <= 0x3029) ||
				 (c >= 0x3031 && c <= 0x3035) ||
				 (c >= 0x3038 && c <= 0x303C));
	return (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
		(c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

/* c folded: A-Z and full-width letters to a-z, full-width digits to 0-9. */
static uint32_t
fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + ('a' - 'A');
	if (c >= 0xFF10 && c <= 0xFF19)
		return '0' + (c - 0xFF10);
	if (c >= 0xFF21 && c <= 0xFF3A)
		return 'a' + (c - 0xFF21);
	if (c >= 0xFF41 && c <= 0xFF5A)
		return 'a' + (c - 0xFF41);
	return c;
}

/* 1..9 for 一..九 and 两, CN_TEN for 十, 0 for anything else. */
static int
cn_value(uint32_t c)
{
	switch (c)
	{
		case 0x4E00:			/* 一 */
			return 1;
		case 0x4E8C:			/* 二 */
		case 0x4E24:			/* 两 */
			return 2;
		case 0x4E09:			/* 三 */
			return 3;
		case 0x56DB:			/* 四 */
			return 4;
		case 0x4E94:			/* 五 */
			return 5;
		case 0x516D:			/* 六 */
			return 6;
		case 0x4E03:			/* 七 */
			return 7;
		case 0x516B:			/* 八 */
			return 8;
		case 0x4E5D:			/* 九 */
			return 9;
		case CP_SHI:
			return CN_TEN;
		default:
			return 0;
	}
}

/* The kind of numeral run c can be part of. */
static int
run_kind(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return RUN_DIGITS;
	return cn_value(c) ? RUN_CN : RUN_NONE;
}

/* Value 1..99 of the Chinese numeral c[0, n), or 0 if it is not one. */
static int
cn_parse(const uint32_t *c, size_t n)
{
	int			a = n > 0 ? cn_value(c[0]) : 0;
	int			b = n > 1 ? cn_value(c[1]) : 0;
	int			d = n > 2 ? cn_value(c[2]) : 0;

	switch (n)
	{
		case 1:
			return a;
		case 2:
			if (a == CN_TEN && b != CN_TEN)
				return 10 + b;
			if (a != CN_TEN && b == CN_TEN)
				return 10 * a;
			return 0;
		case 3:
			if (a != CN_TEN && b == CN_TEN && d != CN_TEN)
				return 10 * a + d;
			return 0;
		default:
			return 0;
	}
}

/* Value 1..39 of the canonical lower-case Roman numeral r[0, n), or 0. */
static int
roman_parse(const char *r, size_t n)
{
	static const char *const units[10] = {
		"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"
	};
	int			v;

	for (v = 1; v <= ROMAN_MAX; v++)
	{
		size_t		tens = (size_t) (v / 10);
		const char *u = units[v % 10];
		size_t		ulen = strlen(u);
		size_t		i;

		if (tens + ulen != n)
			continue;
		for (i = 0; i < tens; i++)
			if (r[i] != 'x')
				break;
		if (i == tens && memcmp(r + tens, u, ulen) == 0)
			return v;
	}
	return 0;
}

/* --- tokens ------------------------------------------------------------------ */

/* A folded, non-ignorable character of the input. */
typedef struct tok
{
	uint32_t	cp;				/* folded code point */
	int			gap;			/* ignorable characters came before it */
	size_t		next;			/* byte offset just after it */
} tok;

/* The token at or after byte pos of valid s[0, len): 1, or 0 at the end. */
static int
next_tok(const unsigned char *s, size_t len, size_t pos, tok *t)
{
	int			gap = 0;

	while (pos < len)
	{
		size_t		n;
		uint32_t	c = decode(s + pos, &n);

		pos += n;
		if (ignorable(c))
		{
			gap = 1;
			continue;
		}
		t->cp = fold(c);
		t->gap = gap;
		t->next = pos;
		return 1;
	}
	t->cp = 0;
	t->gap = gap;
	t->next = pos;
	return 0;
}

/* --- sink ------------------------------------------------------------------- */

/* Where normalised characters go; zero-initialise, then set one part. */
typedef struct sink
{
	/* text (bj_similar_normalize): out NULL = do not write */
	char	   *out;
	size_t		outcap;
	size_t		written;		/* bytes in out, excluding the NUL */
	int			full;			/* a character did not fit: stop writing */
	size_t		total;			/* bytes of the whole normalised text */
	/* bigram keys (bj_similarity): keys NULL = count only */
	uint64_t   *keys;
	size_t		nchars;
	uint32_t	prev;			/* last character */
	/* first phase marker (bj_similar_phase) */
	int			have_phase;
	long		phase;
} sink;

/* Append character c to the normalised text. */
static void
emit(sink *k, uint32_t c)
{
	char		buf[4];
	size_t		n = encode(c, buf);

	if (k->out != NULL && !k->full)
	{
		if (n < k->outcap - k->written)
		{
			memcpy(k->out + k->written, buf, n);
			k->written += n;
		}
		else
			k->full = 1;
	}
	k->total += n;
	if (k->keys != NULL && k->nchars > 0)
		k->keys[k->nchars - 1] = ((uint64_t) k->prev << 21) | c;
	k->prev = c;
	k->nchars++;
}

/* Note a phase marker's value (only the first one counts). */
static void
note_phase(sink *k, long value)
{
	if (!k->have_phase)
	{
		k->have_phase = 1;
		k->phase = value;
	}
}

/* Emit the tokens from byte pos up to byte end (a token boundary). */
static void
emit_range(const unsigned char *s, size_t len, size_t pos, size_t end,
		   sink *k)
{
	tok			t;

	while (pos < end && next_tok(s, len, pos, &t))
	{
		emit(k, t.cp);
		pos = t.next;
	}
}

/* --- markers ---------------------------------------------------------------- */

/* A maximal numeral run (digits, or Chinese numerals) without gaps. */
typedef struct run
{
	int			kind;			/* RUN_DIGITS or RUN_CN */
	size_t		ntok;
	size_t		end;			/* byte offset after its last token */
	long		value;			/* RUN_DIGITS: capped at PHASE_MAX */
	uint32_t	last[3];		/* its last (up to) three characters */
	size_t		start[3];		/* and where each starts, oldest first */
	int			has_after;		/* a token follows the run */
	tok			after;			/* that token */
} run;

/* Scan the run whose first token t was read at byte pos. */
static void
scan_run(const unsigned char *s, size_t len, size_t pos, const tok *t,
		 run *r)
{
	tok			cur = *t;

	memset(r, 0, sizeof(*r));
	r->kind = run_kind(t->cp);
	for (;;)
	{
		r->last[0] = r->last[1];
		r->last[1] = r->last[2];
		r->last[2] = cur.cp;
		r->start[0] = r->start[1];
		r->start[1] = r->start[2];
		r->start[2] = pos;
		r->ntok++;
		if (r->kind == RUN_DIGITS)
		{
			r->value = r->value * 10 + (long) (cur.cp - '0');
			if (r->value > BJ_SIMILAR_PHASE_MAX)
				r->value = BJ_SIMILAR_PHASE_MAX;
		}
		pos = cur.next;
		r->has_after = next_tok(s, len, pos, &r->after);
		if (!r->has_after || r->after.gap || run_kind(r->after.cp) != r->kind)
			break;
		cur = r->after;
	}
	r->end = pos;
}

/* The marker (期 or 标段) that the token after a run starts, if any. */
static int
marker_after(const unsigned char *s, size_t len, const run *r)
{
	tok			t;

	if (!r->has_after)
		return MK_NONE;
	if (r->after.cp == CP_QI)
	{
		/* 期限, 期间, 期刊, 期货 are words, not phases */
		if (next_tok(s, len, r->after.next, &t) && !t.gap &&
			(t.cp == 0x9650 || t.cp == 0x95F4 || t.cp == 0x520A ||
			 t.cp == 0x8D27))
			return MK_NONE;
		return MK_PHASE;
	}
	if (r->after.cp == CP_BIAO && next_tok(s, len, r->after.next, &t) &&
		t.cp == CP_DUAN)
		return MK_LOT;
	return MK_NONE;
}

/* Where normalisation goes on after a marker ending a run. */
static size_t
marker_end(const run *r, int mk)
{
	/* a phase marker takes 期 with it; a bid lot leaves 标段 */
	return mk == MK_PHASE ? r->after.next : r->end;
}

/*
 * 第 was read, the next token starts at byte pos: if 第 N 期 or 第 N 标段
 * follows, note it and return 1 with *end where to go on; else 0.
 */
static int
try_di(const unsigned char *s, size_t len, size_t pos, sink *k, size_t *end)
{
	tok			t;
	run			r;
	int			mk;

	if (!next_tok(s, len, pos, &t) || run_kind(t.cp) == RUN_NONE)
		return 0;
	scan_run(s, len, pos, &t, &r);
	if (r.kind == RUN_CN)
	{
		if (r.ntok > 3)
			return 0;
		r.value = cn_parse(r.last + (3 - r.ntok), r.ntok);
		if (r.value == 0)
			return 0;
	}
	mk = marker_after(s, len, &r);
	if (mk == MK_NONE)
		return 0;
	if (mk == MK_PHASE)
		note_phase(k, r.value);
	*end = marker_end(&r, mk);
	return 1;
}

/*
 * "p" was read (at a word start), the next token starts at byte pos: if
 * "hase" R follows, note the phase and return 1 with *end; else 0.
 */
static int
try_phase(const unsigned char *s, size_t len, size_t pos, sink *k,
		  size_t *end)
{
	static const char rest[] = "hase";
	char		roman[ROMAN_MAX_LEN + 1];
	size_t		n = 0;
	tok			t;
	int			more;
	int			i;

	for (i = 0; rest[i]; i++)
	{
		if (!next_tok(s, len, pos, &t) || t.gap || t.cp != (uint32_t) rest[i])
			return 0;
		pos = t.next;
	}
	if (!next_tok(s, len, pos, &t))
		return 0;
	if (run_kind(t.cp) == RUN_DIGITS)
	{
		run			r;

		scan_run(s, len, pos, &t, &r);
		if (r.has_after && !r.after.gap && ascii_alnum(r.after.cp))
			return 0;
		note_phase(k, r.value);
		*end = r.end;
		return 1;
	}
	/* a Roman numeral: i, v, x only, at most ROMAN_MAX_LEN of them */
	for (;;)
	{
		if (t.cp != 'i' && t.cp != 'v' && t.cp != 'x')
			return 0;
		if (n == ROMAN_MAX_LEN)
			return 0;
		roman[n++] = (char) t.cp;
		pos = t.next;
		more = next_tok(s, len, pos, &t);
		if (!more || t.gap || !ascii_alnum(t.cp))
			break;
	}
	i = roman_parse(roman, n);
	if (i == 0)
		return 0;
	note_phase(k, i);
	*end = pos;
	return 1;
}

/*
 * A numeral run starts with token t at byte pos: emit it, or the part of
 * it that is not a marker's numeral; returns where to go on.
 */
static size_t
do_run(const unsigned char *s, size_t len, size_t pos, const tok *t, sink *k)
{
	run			r;
	int			mk;
	size_t		keep;

	scan_run(s, len, pos, t, &r);
	mk = marker_after(s, len, &r);
	if (mk == MK_NONE)
	{
		emit_range(s, len, pos, r.end, k);
		return r.end;
	}
	keep = pos;
	if (r.kind == RUN_CN)
	{
		/* the longest numeral ending the run (one character always is) */
		size_t		n = r.ntok < 3 ? r.ntok : 3;

		while ((r.value = cn_parse(r.last + (3 - n), n)) == 0)
			n--;
		keep = r.start[3 - n];
	}
	emit_range(s, len, pos, keep, k);
	if (mk == MK_PHASE)
		note_phase(k, r.value);
	return marker_end(&r, mk);
}

/* Normalise valid UTF-8 s[0, len) into k. */
static void
normalize_into(const unsigned char *s, size_t len, sink *k)
{
	size_t		pos = 0;
	uint32_t	prev = 0;		/* last character read, 0 at the start */
	tok			t;

	while (next_tok(s, len, pos, &t))
	{
		size_t		end;

		if (t.cp == CP_DI && try_di(s, len, t.next, k, &end))
			pos = end;
		else if (t.cp == 'p' && (t.gap || !ascii_alnum(prev)) &&
				 try_phase(s, len, t.next, k, &end))
			pos = end;
		else if (run_kind(t.cp) != RUN_NONE)
			pos = do_run(s, len, pos, &t, k);
		else
		{
			emit(k, t.cp);
			pos = t.next;
		}
		/* the last character read before pos (markers end in one) */
		prev = 0;
		if (pos > 0)
		{
			size_t		b = pos - 1;
			size_t		n;

			while (b > 0 && (s[b] & 0xC0) == 0x80)
				b--;
			prev = fold(decode(s + b, &n));
		}
	}
}

/* --- public ------------------------------------------------------------------- */

/* Normalise s[0, len) into out (see similar.h). */
/* Words naming the kind of work, stripped from the end of a name. */
static const char *const work_words[] = {
	"建设", "升级", "改造", "扩容", "完善", "优化", "提升", "项目", "工程",
};

size_t
bj_similar_strip_work(const char *s, size_t len)
{
	size_t		end = len;
	int			stripped = 1;

	if (s == NULL)
		return 0;
	while (stripped)
	{
		stripped = 0;
		for (size_t i = 0; i < sizeof(work_words) / sizeof(work_words[0]); i++)
		{
			size_t		w = strlen(work_words[i]);

			if (end >= w && memcmp(s + end - w, work_words[i], w) == 0)
			{
				end -= w;
				stripped = 1;
			}
		}
	}
	/* nothing but work words: the name is kept whole */
	return end == 0 ? len : end;
}

int
bj_similar_normalize(const char *s, size_t len, char *out, size_t outcap)
{
	sink		k;

	if ((s == NULL && len > 0) || (out == NULL && outcap > 0))
		return BJ_SIMILAR_EINVAL;
	if (!bj_utf8_valid((const unsigned char *) s, len))
	{
		if (outcap > 0)
			out[0] = '\0';
		return BJ_SIMILAR_EUTF8;
	}
	memset(&k, 0, sizeof(k));
	k.out = outcap > 0 ? out : NULL;
	k.outcap = outcap;
	normalize_into((const unsigned char *) s, len, &k);
	if (outcap > 0)
		out[k.written] = '\0';
	if (k.total > INT_MAX)
		return BJ_SIMILAR_ETOOLONG;
	return (int) k.total;
}

/* The number of the first phase marker of s[0, len) (see similar.h). */
int
bj_similar_phase(const char *s, size_t len)
{
	sink		k;

	if (s == NULL && len > 0)
		return BJ_SIMILAR_EINVAL;
	if (!bj_utf8_valid((const unsigned char *) s, len))
		return BJ_SIMILAR_EUTF8;
	memset(&k, 0, sizeof(k));
	normalize_into((const unsigned char *) s, len, &k);
	return k.have_phase ? (int) k.phase : 0;
}

/* Number of bigram keys of a text of nchars normalised characters. */
static size_t
nkeys(size_t nchars)
{
	return nchars > 1 ? nchars - 1 : nchars;
}

/* Fill keys (nkeys(nchars) of them) with the bigram keys of valid s. */
static void
fill_keys(const unsigned char *s, size_t len, uint64_t *keys)
{
	sink		k;

	memset(&k, 0, sizeof(k));
	k.keys = keys;
	normalize_into(s, len, &k);
	if (k.nchars == 1)
		keys[0] = ONE_CHAR | k.prev;
}

/* Sort a[0, n) ascending, tmp[0, n) as scratch. */
static void
sort_keys(uint64_t *a, uint64_t *tmp, size_t n)
{
	size_t		count[RADIX];
	uint64_t   *src = a;
	uint64_t   *dst = tmp;
	int			shift;
	size_t		i;

	if (n < 64)
	{
		for (i = 1; i < n; i++)
		{
			uint64_t	x = a[i];
			size_t		j = i;

			while (j > 0 && a[j - 1] > x)
			{
				a[j] = a[j - 1];
				j--;
			}
			a[j] = x;
		}
		return;
	}
	/* ceil(KEY_BITS / RADIX_BITS) = 4 passes: even, ends back in a */
	for (shift = 0; shift < KEY_BITS; shift += RADIX_BITS)
	{
		uint64_t   *swap;
		size_t		sum = 0;

		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(src[i] >> shift) & (RADIX - 1)]++;
		for (i = 0; i < RADIX; i++)
		{
			size_t		c = count[i];

			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & (RADIX - 1)]++] = src[i];
		swap = src;
		src = dst;
		dst = swap;
	}
}

/* Number of common elements of sorted multisets a[0, na), b[0, nb). */
static size_t
common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t		i = 0;
	size_t		j = 0;
	size_t		c = 0;

	while (i < na && j < nb)
	{
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
		{
			c++;
			i++;
			j++;
		}
	}
	return c;
}

/* Normalised character count of valid s[0, len). */
static size_t
count_chars(const unsigned char *s, size_t len)
{
	sink		k;

	memset(&k, 0, sizeof(k));
	normalize_into(s, len, &k);
	return k.nchars;
}

/* Dice similarity with a caller's allocator (see similar.h). */
double
bj_similarity_with(const char *a, size_t alen, const char *b, size_t blen,
				   void *(*alloc) (size_t), void (*dealloc) (void *))
{
	const unsigned char *ua = (const unsigned char *) a;
	const unsigned char *ub = (const unsigned char *) b;
	size_t		na;
	size_t		nb;
	size_t		most;
	uint64_t   *block;
	size_t		c;

	if (alloc == NULL || dealloc == NULL || (a == NULL && alen > 0) ||
		(b == NULL && blen > 0))
		return BJ_SIMILAR_EINVAL;
	if (!bj_utf8_valid(ua, alen) || !bj_utf8_valid(ub, blen))
		return BJ_SIMILAR_EUTF8;
	na = nkeys(count_chars(ua, alen));
	nb = nkeys(count_chars(ub, blen));
	if (na == 0 || nb == 0)
		return 0.0;
	most = na > nb ? na : nb;
	/* na <= alen and nb <= blen, so only the multiplication can overflow */
	if (most > SIZE_MAX / sizeof(uint64_t) / 3)
		return BJ_SIMILAR_ENOMEM;
	block = alloc((na + nb + most) * sizeof(uint64_t));
	if (block == NULL)
		return BJ_SIMILAR_ENOMEM;
	fill_keys(ua, alen, block);
	fill_keys(ub, blen, block + na);
	sort_keys(block, block + na + nb, na);
	sort_keys(block + na, block + na + nb, nb);
	c = common(block, na, block + na, nb);
	dealloc(block);
	return (2.0 * (double) c) / ((double) na + (double) nb);
}

/* Dice similarity using malloc/free (see similar.h). */
double
bj_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	return bj_similarity_with(a, alen, b, blen, malloc, free);
}
