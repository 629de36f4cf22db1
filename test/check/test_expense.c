/*
 * test_expense.c — src/core/expense.c (issue 16): the context rules on
 * their own, then precision and recall of the whole 第十一条 pipeline
 * (normalize.h + the data/i16 dictionary and rules) on the two corpora of
 * data/i16, split by SHA-256 as data/i16/README.md says: the dictionary is
 * built once from all its phrases and once from the build half only (the
 * phrases some build-half line contains, plus the 306 phrases of
 * data/excluded_terms.tsv), and measured on the held-out half and on the
 * whole.  The figures are printed (issue 16 asks for them in the note).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expense.h"
#include "normalize.h"
#include "suites.h"

/* ---- the rules on their own ------------------------------------------ */

static bj_expense *
small_rules(void)
{
	bj_expense *x = bj_expense_new(4);

	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(bj_expense_add_phrase(x, "手机", strlen("手机"), 0, 1), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_add_phrase(x, "笔记本电脑", strlen("笔记本电脑"), 1, 0), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_add_phrase(x, "车辆", strlen("车辆"), 2, 1), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_add_phrase(x, "打印", strlen("打印"), 3, 1), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_add_rule(x, 0, "app|系统|平台|开发", "采购|购置|<N>台|<N>部", 1), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_add_rule(x, 2, "管理系统|调度|系统", "购置|采购|<N>辆", 0), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_add_rule(x, 3, "服务|接口", "纸|耗材", 1), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_build(x), BJ_EXPENSE_OK);
	return x;
}

static int
refused(const bj_expense *x, const char *t, int *id)
{
	bj_match	m;
	int			r = bj_expense_find(x, t, strlen(t), &m);

	if (r && id)
		*id = m.id;
	return r;
}

START_TEST(context_rules)
{
	bj_expense *x = small_rules();
	int			id = -1;

	/* subject of a system: passes; a purchase: refused */
	ck_assert_int_eq(refused(x, "手机app开发", NULL), 0);
	ck_assert_int_eq(refused(x, "手机采购", &id), 1);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(refused(x, "采购手机", NULL), 1);
	ck_assert_int_eq(refused(x, "手机20部", NULL), 1);
	ck_assert_int_eq(refused(x, "手机二十部", NULL), 1);
	/* no context: the default (refuse for 手机, pass for 车辆) */
	ck_assert_int_eq(refused(x, "手机", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆", NULL), 0);
	/* the nearest decides; a tie goes to allow */
	ck_assert_int_eq(refused(x, "车辆管理系统采购", NULL), 0);
	ck_assert_int_eq(refused(x, "系统运维服务及车辆购置", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆5辆", NULL), 1);
	/* a deny word and a deny quantity together outweigh a nearer allow context */
	ck_assert_int_eq(refused(x, "车辆系统购置20辆", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆系统20辆", NULL), 0);
	ck_assert_int_eq(refused(x, "车辆系统购置", NULL), 0);
	/* <N>: the financial capitals and 俩 are numerals too; a maximal run */
	ck_assert_int_eq(refused(x, "车辆叁辆", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆贰拾伍辆", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆壹佰辆", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆仟辆", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆俩辆", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆肆陆柒捌玖辆", NULL), 1);
	ck_assert_int_eq(refused(x, "手机叁拾部", NULL), 1);
	ck_assert_int_eq(refused(x, "车辆大辆", NULL), 0);
	ck_assert_int_eq(refused(x, "车辆调度系统壹辆", NULL), 0);
	/* beyond the window of 8 code points a context does not count */
	ck_assert_int_eq(refused(x, "车辆一二三四五六七八九购置", NULL), 0);
	/* an always-phrase is refused wherever it is */
	ck_assert_int_eq(refused(x, "笔记本电脑管理系统", &id), 1);
	ck_assert_int_eq(id, 1);
	/* 打印 inside a longer phrase is not judged alone; alone, its rule */
	ck_assert_int_eq(refused(x, "打印服务接口", NULL), 0);
	ck_assert_int_eq(refused(x, "打印纸", NULL), 1);
	ck_assert_int_eq(refused(x, "", NULL), 0);
	bj_expense_free(x);
}
END_TEST

/* find_all: every refused occurrence, in find's order; the allowed ones left out. */
START_TEST(find_all_order)
{
	bj_expense *x = small_rules();
	bj_match	m[4];
	const char *t = "手机app开发及手机采购和笔记本电脑";

	ck_assert_uint_eq(bj_expense_find_all(x, t, strlen(t), m, 4), 2);
	ck_assert_int_eq(m[0].id, 0);
	ck_assert_uint_eq(m[0].start, strlen("手机app开发及"));
	ck_assert_int_eq(m[1].id, 1);
	/* the count is of all, however few fit */
	ck_assert_uint_eq(bj_expense_find_all(x, t, strlen(t), m, 1), 2);
	ck_assert_int_eq(m[0].id, 0);
	ck_assert_uint_eq(bj_expense_find_all(x, t, strlen(t), NULL, 0), 2);
	ck_assert_uint_eq(bj_expense_find_all(x, "手机app开发", strlen("手机app开发"), m, 4), 0);
	/* find takes the first of find_all */
	ck_assert_int_eq(bj_expense_find(x, t, strlen(t), &m[3]), 1);
	ck_assert_uint_eq(m[3].start, m[0].start);
	bj_expense_free(x);
}
END_TEST

START_TEST(misuse)
{
	bj_expense *x = bj_expense_new(1);

	ck_assert_ptr_null(bj_expense_new(0));
	ck_assert_int_eq(bj_expense_add_phrase(x, "", 0, 0, 0), BJ_EXPENSE_EINVAL);
	ck_assert_int_eq(bj_expense_add_phrase(x, "a", 1, 1, 0), BJ_EXPENSE_EINVAL);
	ck_assert_int_eq(bj_expense_add_rule(x, 5, "a", "b", 1), BJ_EXPENSE_EINVAL);
	ck_assert_int_eq(bj_expense_find(x, "a", 1, NULL), 0);	/* not built */
	ck_assert_int_eq(bj_expense_build(x), BJ_EXPENSE_OK);
	ck_assert_int_eq(bj_expense_build(x), BJ_EXPENSE_EINVAL);
	ck_assert_int_eq(bj_expense_add_phrase(x, "a", 1, 0, 0), BJ_EXPENSE_EINVAL);
	bj_expense_free(x);
	bj_expense_free(NULL);
}
END_TEST

/* ---- SHA-256 (FIPS 180-4), for the corpus split of data/i16/README.md - */

static const uint32_t K256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t	w[64];
	uint32_t	a, b, c, d, e, f, g, hh;

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t) p[4 * i] << 24 | (uint32_t) p[4 * i + 1] << 16 | (uint32_t) p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++)
		w[i] = (ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10)) + w[i - 7] +
			(ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3)) + w[i - 16];
	a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (int i = 0; i < 64; i++)
	{
		uint32_t	t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
		uint32_t	t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

		hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

/* The first 32 bits of SHA-256(s[0, len)). */
static uint32_t
sha256_head(const char *s, size_t len)
{
	uint32_t	h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	unsigned char block[64];
	size_t		i = 0;
	uint64_t	bits = (uint64_t) len * 8;

	for (; i + 64 <= len; i += 64)
		sha256_block(h, (const unsigned char *) s + i);
	memset(block, 0, sizeof(block));
	memcpy(block, s + i, len - i);
	block[len - i] = 0x80;
	if (len - i >= 56)
	{
		sha256_block(h, block);
		memset(block, 0, sizeof(block));
	}
	for (int k = 0; k < 8; k++)
		block[63 - k] = (unsigned char) (bits >> (8 * k));
	sha256_block(h, block);
	return h[0];
}

START_TEST(sha256_known)
{
	/* FIPS 180-4 examples: "abc" → ba7816bf…, "" → e3b0c442… */
	ck_assert_uint_eq(sha256_head("abc", 3), 0xba7816bfu);
	ck_assert_uint_eq(sha256_head("", 0), 0xe3b0c442u);
	ck_assert_uint_eq(sha256_head("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56), 0x248d6a61u);
}
END_TEST

/* ---- the data of data/i16 ---------------------------------------------- */

#define MAXF 6

static FILE *
open_i16(const char *rel)
{
	char		path[1024];
	const char *root = getenv("BJXM_ROOT");
	FILE	   *f;

	snprintf(path, sizeof(path), "%s%s%s", root && *root ? root : "", root && *root ? "/" : "", rel);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s (run from the repository root or set BJXM_ROOT)", path);
	return f;
}

/* A malloc'd copy (strdup is not C99). */
static char *
dup(const char *s)
{
	char	   *d = malloc(strlen(s) + 1);

	ck_assert_ptr_nonnull(d);
	return strcpy(d, s);
}

/* Split line (modified in place) at TABs into up to MAXF fields; returns the count. */
static int
split_tabs(char *line, char **field)
{
	int			n = 0;
	char	   *p = line;

	line[strcspn(line, "\n")] = '\0';
	field[n++] = p;
	while (n < MAXF && (p = strchr(p, '\t')) != NULL)
	{
		*p++ = '\0';
		field[n++] = p;
	}
	return n;
}

/* Expand the escapes of data/i16/README.md into a malloc'd string. */
static char *
expand(const char *s)
{
	static const char *const esc[][2] = {
		{"<ZWSP>", "\xe2\x80\x8b"}, {"<ZWNJ>", "\xe2\x80\x8c"}, {"<ZWJ>", "\xe2\x80\x8d"}, {"<WJ>", "\xe2\x81\xa0"},
		{"<SHY>", "\xc2\xad"}, {"<BOM>", "\xef\xbb\xbf"}, {"<IDSP>", "\xe3\x80\x80"}, {"<NBSP>", "\xc2\xa0"}};
	char	   *out = malloc(strlen(s) + 1);
	size_t		o = 0;

	ck_assert_ptr_nonnull(out);
	while (*s)
	{
		size_t		k;

		for (k = 0; k < sizeof(esc) / sizeof(esc[0]); k++)
			if (strncmp(s, esc[k][0], strlen(esc[k][0])) == 0)
				break;
		if (k < sizeof(esc) / sizeof(esc[0]))
		{
			memcpy(out + o, esc[k][1], strlen(esc[k][1]));
			o += strlen(esc[k][1]);
			s += strlen(esc[k][0]);
		}
		else
			out[o++] = *s++;
	}
	out[o] = '\0';
	return out;
}

/* The normal form of s, malloc'd. */
static char *
norm(const char *s)
{
	char	   *out;
	size_t		n;

	ck_assert_int_eq(bj_norm_dup(s, strlen(s), &out, NULL, &n), BJ_NORM_OK);
	return out;
}

typedef struct phrase_row
{
	char	   *phrase;			/* normal form */
	int			purchase_only;
	char	   *allow;
	char	   *deny;
	int			refuse;
	int			has_rule;
	int			original;		/* one of the 306 of data/excluded_terms.tsv */
	int			evidenced;		/* occurs in a build-half excluded line */
} phrase_row;

typedef struct corpus_line
{
	int			excluded;
	int			build_half;
	int			blind;			/* from the blind corpora (corpus_blind_*.tsv) */
	char	   *name;			/* normal form */
	char	   *description;	/* normal form */
} corpus_line;

static phrase_row *phrases;
static int	nphrases;
static corpus_line *lines;
static int	nlines;

static void
load_i16(void)
{
	char		buf[4096];
	char	   *f[MAXF];
	FILE	   *in;
	int			cap = 2048;

	phrases = calloc((size_t) cap, sizeof(phrase_row));
	in = open_i16("data/i16/excluded_terms.tsv");
	while (fgets(buf, sizeof(buf), in))
	{
		ck_assert_int_ge(split_tabs(buf, f), 4);
		ck_assert_int_lt(nphrases, cap);
		phrases[nphrases].phrase = norm(f[0]);
		phrases[nphrases].purchase_only = strcmp(f[3], "purchase_only") == 0;
		phrases[nphrases].refuse = 1;
		nphrases++;
	}
	fclose(in);
	in = open_i16("data/i16/context_rules.tsv");
	while (fgets(buf, sizeof(buf), in))
	{
		char	   *t;

		ck_assert_int_ge(split_tabs(buf, f), 4);
		t = norm(f[0]);
		for (int i = 0; i < nphrases; i++)
			if (strcmp(phrases[i].phrase, t) == 0)
			{
				phrases[i].allow = dup(f[1]);
				phrases[i].deny = dup(f[2]);
				phrases[i].refuse = strcmp(f[3], "refuse") == 0;
				phrases[i].has_rule = 1;
			}
		free(t);
	}
	fclose(in);
	in = open_i16("data/excluded_terms.tsv");
	while (fgets(buf, sizeof(buf), in))
	{
		char	   *t;

		split_tabs(buf, f);
		t = norm(f[0]);
		for (int i = 0; i < nphrases; i++)
			if (strcmp(phrases[i].phrase, t) == 0)
				phrases[i].original = 1;
		free(t);
	}
	fclose(in);

	cap = 4096;
	lines = calloc((size_t) cap, sizeof(corpus_line));
	for (int k = 0; k < 8; k++)
	{
		static const char *const files[] = {"data/i16/corpus_legit.tsv", "data/i16/corpus_excluded.tsv",
			"data/i16/corpus_blind_legit.tsv", "data/i16/corpus_blind_excluded.tsv",
			"data/i16/corpus_blind2_legit.tsv", "data/i16/corpus_blind2_excluded.tsv",
		"data/i16/corpus_blind3_legit.tsv", "data/i16/corpus_blind3_excluded.tsv"};
		int			excluded = k % 2;

		in = open_i16(files[k]);
		while (fgets(buf, sizeof(buf), in))
		{
			char	   *name;
			char	   *description;
			int			n;
			size_t		rawlen = strcspn(buf, "\n");

			ck_assert_int_lt(nlines, cap);
			lines[nlines].build_half = (sha256_head(buf, rawlen) & 1) == 0;
			n = split_tabs(buf, f);
			ck_assert_int_ge(n, excluded ? 4 : 3);
			name = expand(f[excluded ? 2 : 1]);
			description = expand(f[excluded ? 3 : 2]);
			lines[nlines].excluded = excluded;
			lines[nlines].blind = k / 2;	/* 0 main, 1 blind-1, 2 blind-2, 3 blind-3 */
			lines[nlines].name = norm(name);
			lines[nlines].description = norm(description);
			free(name);
			free(description);
			nlines++;
		}
		fclose(in);
	}
}

/* A rule set of the phrases use[] selects (NULL: all). */
static bj_expense *
build(const int *use)
{
	bj_expense *x = bj_expense_new(nphrases);

	ck_assert_ptr_nonnull(x);
	for (int i = 0; i < nphrases; i++)
	{
		int			rc;

		if (use && !use[i])
			continue;
		rc = bj_expense_add_phrase(x, phrases[i].phrase, strlen(phrases[i].phrase), i, phrases[i].purchase_only);
		ck_assert_msg(rc == BJ_EXPENSE_OK, "phrase “%s”: %d", phrases[i].phrase, rc);
		if (phrases[i].has_rule)
			ck_assert_int_eq(bj_expense_add_rule(x, i, phrases[i].allow, phrases[i].deny, phrases[i].refuse),
							 BJ_EXPENSE_OK);
	}
	ck_assert_int_eq(bj_expense_build(x), BJ_EXPENSE_OK);
	return x;
}

static int
line_refused(const bj_expense *x, const corpus_line *l)
{
	return bj_expense_find(x, l->name, strlen(l->name), NULL) ||
		bj_expense_find(x, l->description, strlen(l->description), NULL);
}

typedef struct figures
{
	int			tp, fp, fn, tn;
} figures;

/*
 * half: 1 build, 0 held-out, -1 whole (of the two main corpora); 2 blind-1,
 * 3 blind-2, 4 blind-3 (each written by someone who had not seen the
 * dictionary).
 */
static figures
measure(const bj_expense *x, int half)
{
	figures		r = {0, 0, 0, 0};

	for (int i = 0; i < nlines; i++)
	{
		int			got;

		if (lines[i].blind != (half >= 2 ? half - 1 : 0))
			continue;
		if (half >= 0 && half < 2 && lines[i].build_half != half)
			continue;
		got = line_refused(x, &lines[i]);
		if (getenv("BJXM_I16_MISSES") && got != lines[i].excluded)
			printf("  %s: %s | %s\n", got ? "false positive" : "missed", lines[i].name, lines[i].description);
		if (lines[i].excluded)
			got ? r.tp++ : r.fn++;
		else
			got ? r.fp++ : r.tn++;
	}
	return r;
}

static double
precision(figures r)
{
	return r.tp + r.fp ? (double) r.tp / (r.tp + r.fp) : 1.0;
}

static double
recall(figures r)
{
	return r.tp + r.fn ? (double) r.tp / (r.tp + r.fn) : 1.0;
}

static void
report(const char *what, figures r)
{
	printf("%s: legit %d, excluded %d; tp %d fp %d fn %d; precision %.3f, recall %.3f\n", what,
		   r.fp + r.tn, r.tp + r.fn, r.tp, r.fp, r.fn, precision(r), recall(r));
}

START_TEST(corpus_precision_recall)
{
	bj_expense *all;
	bj_expense *half;
	int		   *use;
	int			used = 0;
	figures		whole;
	figures		held;
	figures		half_held;
	figures		half_whole;
	figures		blind;
	figures		blind2;
	figures		blind3;

	load_i16();
	ck_assert_int_ge(nphrases, 600);
	ck_assert_int_ge(nlines, 600);

	all = build(NULL);
	whole = measure(all, -1);
	held = measure(all, 0);
	report("i16 corpora, whole dictionary, build half", measure(all, 1));
	report("i16 corpora, whole dictionary, held-out half", held);
	report("i16 corpora, whole dictionary, whole", whole);
	blind = measure(all, 2);
	report("i16 blind corpora, whole dictionary", blind);
	/* blind-2: written after round 2, measured before round 3 tuned on it (the note has the figures) */
	blind2 = measure(all, 3);
	report("i16 blind-2 corpora, whole dictionary", blind2);
	/* blind-3: sealed until the round-3 dictionary was final; never tuned on */
	blind3 = measure(all, 4);
	report("i16 blind-3 corpora (held out), whole dictionary", blind3);

	/* the dictionary built from the build half only */
	use = calloc((size_t) nphrases, sizeof(int));
	for (int i = 0; i < nlines; i++)
		if (lines[i].excluded && lines[i].build_half)
			for (int p = 0; p < nphrases; p++)
				if (strstr(lines[i].name, phrases[p].phrase) || strstr(lines[i].description, phrases[p].phrase))
					phrases[p].evidenced = 1;
	for (int p = 0; p < nphrases; p++)
	{
		use[p] = phrases[p].evidenced || phrases[p].original;
		used += use[p];
	}
	half = build(use);
	half_held = measure(half, 0);
	half_whole = measure(half, -1);
	printf("i16 dictionary from the build half: %d of %d phrases\n", used, nphrases);
	report("i16 corpora, build-half dictionary, held-out half", half_held);
	report("i16 corpora, build-half dictionary, whole", half_whole);

	/* issue 16's targets, on the whole dictionary (the one bjxm ships) */
	ck_assert_msg(precision(whole) >= 0.99, "precision %.3f below 0.99", precision(whole));
	ck_assert_msg(recall(whole) >= 0.97, "recall %.3f below 0.97", recall(whole));
	ck_assert_msg(precision(held) >= 0.99, "held-out precision %.3f below 0.99", precision(held));
	ck_assert_msg(recall(held) >= 0.97, "held-out recall %.3f below 0.97", recall(held));
	/*
	 * the blind corpora are the tuning set of round 2 (data/i16/README.md):
	 * reached P 1.000 R 0.990 (0.994 after round 3); these floors keep
	 * them from regressing
	 */
	ck_assert_msg(precision(blind) >= 0.99, "blind precision %.3f below 0.99", precision(blind));
	ck_assert_msg(recall(blind) >= 0.98, "blind recall %.3f below 0.98", recall(blind));
	/*
	 * blind-2 is the tuning set of round 3 (measured at P 0.957 R 0.832
	 * before it): reached P 1.000 R 0.997; floors one step below
	 */
	ck_assert_msg(precision(blind2) >= 0.99, "blind-2 precision %.3f below 0.99", precision(blind2));
	ck_assert_msg(recall(blind2) >= 0.99, "blind-2 recall %.3f below 0.99", recall(blind2));
	bj_expense_free(all);
	bj_expense_free(half);
	free(use);
}
END_TEST

/*
 * bj_expense_refuses_raw on the raw text says what bj_norm then
 * bj_expense_find say: every corpus line (name and description), each
 * also respelt (a space, a zero-width space and a hyphen between its
 * characters), longer than the 1 KB buffer, and invalid UTF-8.
 */
static void
agrees(const bj_expense *x, const char *raw, size_t len)
{
	char	   *n;
	size_t		nlen;
	int			rc = bj_norm_dup(raw, len, &n, NULL, &nlen);
	int			r = bj_expense_refuses_raw(x, raw, len);

	if (rc == BJ_NORM_EUTF8)
		ck_assert_int_eq(r, BJ_NORM_EUTF8);
	else
	{
		ck_assert_int_eq(rc, BJ_NORM_OK);
		ck_assert_msg(r == bj_expense_find(x, n, nlen, NULL), "“%.*s”: %d", (int) len, raw, r);
		free(n);
	}
}

START_TEST(refuses_raw)
{
	bj_expense *x = small_rules();
	bj_expense *all;
	char		big[8192];
	char		respelt[4096];
	static const char *const seps[] = {" ", "\u200b", "-", "\u3000"};

	ck_assert_int_eq(bj_expense_refuses_raw(NULL, "a", 1), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_expense_refuses_raw(x, NULL, 1), BJ_NORM_EINVAL);
	ck_assert_int_eq(bj_expense_refuses_raw(x, "", 0), 0);
	ck_assert_int_eq(bj_expense_refuses_raw(x, "手机 采购", strlen("手机 采购")), 1);
	ck_assert_int_eq(bj_expense_refuses_raw(x, "手機APP開發", strlen("手機APP開發")), 0);
	ck_assert_int_eq(bj_expense_refuses_raw(x, "筆記本　電腦", strlen("筆記本　電腦")), 1);
	ck_assert_int_eq(bj_expense_refuses_raw(x, "系统\xff", 7), BJ_NORM_EUTF8);
	ck_assert_int_eq(bj_expense_refuses_raw(x, "手机\xff", 7), BJ_NORM_EUTF8);	/* judged: refused as bj_norm is */
	/* longer than the inline buffer: a purchase at the end */
	big[0] = '\0';
	while (strlen(big) < 3000)
		strcat(big, "系统集成 ");
	strcat(big, "手机采购");
	agrees(x, big, strlen(big));
	ck_assert_int_eq(bj_expense_refuses_raw(x, big, strlen(big)), 1);
	bj_expense_free(x);

	if (nphrases == 0)
		load_i16();
	all = build(NULL);
	for (int i = 0; i < nlines; i++)
		for (int f = 0; f < 2; f++)
		{
			const char *t = f ? lines[i].description : lines[i].name;
			size_t		o = 0;

			agrees(all, t, strlen(t));
			/* respelt: a separator after every character */
			for (size_t j = 0; t[j] != '\0' && o + 8 < sizeof(respelt); j++)
			{
				respelt[o++] = t[j];
				if ((((unsigned char) t[j + 1]) & 0xC0) != 0x80)
				{
					const char *sep = seps[(i + j) % 4];

					memcpy(respelt + o, sep, strlen(sep));
					o += strlen(sep);
				}
			}
			agrees(all, respelt, o);
		}
	bj_expense_free(all);
}
END_TEST

Suite *
expense_suite(void)
{
	Suite	   *s = suite_create("expense (第十一条 context rules; data/i16 corpora)");
	TCase	   *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, context_rules);
	tcase_add_test(tc, find_all_order);
	tcase_add_test(tc, misuse);
	tcase_add_test(tc, sha256_known);
	tcase_add_test(tc, corpus_precision_recall);
	tcase_add_test(tc, refuses_raw);
	suite_add_tcase(s, tc);
	return s;
}
