/*
 * expense.c — the 第十一条 expense rules on normalised text (issue 16);
 * see expense.h for the semantics and data/i16/README.md for the data.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expense.h"
#include "normalize.h"

/* One (context, phrase) pair of a rule. */
typedef struct ctx_use
{
	int			ctx;			/* index into contexts[] */
	int			deny;			/* 1 deny, 0 allow */
} ctx_use;

/* A context: a literal (matched by the context matcher) or <N>unit. */
typedef struct context
{
	char	   *text;			/* the literal, or the unit of <N>unit */
	size_t		len;
	int			quantity;		/* 1: <N>unit */
} context;

struct bj_expense
{
	int			nids;
	bj_matcher *phrases;
	bj_matcher *literals;		/* literal contexts, id = context index */
	unsigned char *purchase_only;
	unsigned char *refuse_by_default;
	ctx_use   **uses;			/* per phrase id: its contexts */
	int		   *nuses;
	context    *contexts;
	int			ncontexts;
	int		   *quantities;		/* the indexes of the <N>unit contexts */
	int			nquantities;
	unsigned char **roles;		/* per phrase id with a rule: context → ROLE_* (built) */
	int			built;
};

/* What a context is to a phrase (bj_expense.roles). */
#define ROLE_ALLOW	1
#define ROLE_DENY	2

/* An occurrence of a context in the text being judged. */
typedef struct occurrence
{
	int			ctx;
	size_t		start;
	size_t		end;
} occurrence;

bj_expense *
bj_expense_new(int nids)
{
	bj_expense *x;

	if (nids <= 0)
		return NULL;
	x = calloc(1, sizeof(bj_expense));
	if (x == NULL)
		return NULL;
	x->nids = nids;
	x->phrases = bj_matcher_new();
	x->literals = bj_matcher_new();
	x->purchase_only = calloc((size_t) nids, 1);
	x->refuse_by_default = calloc((size_t) nids, 1);
	x->uses = calloc((size_t) nids, sizeof(ctx_use *));
	x->nuses = calloc((size_t) nids, sizeof(int));
	if (x->phrases == NULL || x->literals == NULL || x->purchase_only == NULL ||
		x->refuse_by_default == NULL || x->uses == NULL || x->nuses == NULL)
	{
		bj_expense_free(x);
		return NULL;
	}
	return x;
}

int
bj_expense_add_phrase(bj_expense *x, const char *phrase, size_t len, int id, int purchase_only)
{
	int			rc;

	if (x == NULL || x->built || phrase == NULL || len == 0 || id < 0 || id >= x->nids)
		return BJ_EXPENSE_EINVAL;
	rc = bj_matcher_add(x->phrases, phrase, len, id);
	if (rc == BJ_MATCHER_ENOMEM)
		return BJ_EXPENSE_ENOMEM;
	if (rc < 0)
		return BJ_EXPENSE_EMATCHER;
	x->purchase_only[id] = purchase_only ? 1 : 0;
	/* a purchase_only phrase without a rule is refused, as the data's default is */
	x->refuse_by_default[id] = 1;
	return BJ_EXPENSE_OK;
}

/* The index of context (text, len, quantity), adding it if new; -1 out of memory. */
static int
context_index(bj_expense *x, const char *text, size_t len, int quantity)
{
	context    *grown;
	char	   *copy;

	for (int i = 0; i < x->ncontexts; i++)
		if (x->contexts[i].quantity == quantity && x->contexts[i].len == len &&
			memcmp(x->contexts[i].text, text, len) == 0)
			return i;
	grown = realloc(x->contexts, sizeof(context) * (size_t) (x->ncontexts + 1));
	if (grown == NULL)
		return -1;
	x->contexts = grown;
	copy = malloc(len + 1);
	if (copy == NULL)
		return -1;
	memcpy(copy, text, len);
	copy[len] = '\0';
	x->contexts[x->ncontexts].text = copy;
	x->contexts[x->ncontexts].len = len;
	x->contexts[x->ncontexts].quantity = quantity;
	if (!quantity && bj_matcher_add(x->literals, copy, len, x->ncontexts) < 0)
		return -1;
	return x->ncontexts++;
}

/* Add the '|'-separated contexts of list to phrase id as allow or deny. */
static int
add_contexts(bj_expense *x, int id, const char *list, int deny)
{
	const char *p = list;

	while (p != NULL && *p != '\0')
	{
		const char *bar = strchr(p, '|');
		size_t		n = bar ? (size_t) (bar - p) : strlen(p);
		int			quantity = n > 3 && strncmp(p, "<N>", 3) == 0;
		int			k;
		ctx_use    *grown;

		if (n > 0 && !(quantity && n == 3))
		{
			k = context_index(x, quantity ? p + 3 : p, quantity ? n - 3 : n, quantity);
			if (k < 0)
				return BJ_EXPENSE_ENOMEM;
			grown = realloc(x->uses[id], sizeof(ctx_use) * (size_t) (x->nuses[id] + 1));
			if (grown == NULL)
				return BJ_EXPENSE_ENOMEM;
			x->uses[id] = grown;
			x->uses[id][x->nuses[id]].ctx = k;
			x->uses[id][x->nuses[id]].deny = deny;
			x->nuses[id]++;
		}
		p = bar ? bar + 1 : NULL;
	}
	return BJ_EXPENSE_OK;
}

int
bj_expense_add_rule(bj_expense *x, int id, const char *allow, const char *deny, int refuse_by_default)
{
	int			rc;

	if (x == NULL || x->built || id < 0 || id >= x->nids)
		return BJ_EXPENSE_EINVAL;
	x->refuse_by_default[id] = refuse_by_default ? 1 : 0;
	rc = add_contexts(x, id, allow, 0);
	if (rc == BJ_EXPENSE_OK)
		rc = add_contexts(x, id, deny, 1);
	return rc;
}

int
bj_expense_build(bj_expense *x)
{
	if (x == NULL || x->built)
		return BJ_EXPENSE_EINVAL;
	if (bj_matcher_build(x->phrases) != BJ_MATCHER_OK || bj_matcher_build(x->literals) != BJ_MATCHER_OK)
		return BJ_EXPENSE_ENOMEM;
	x->quantities = malloc(sizeof(int) * (size_t) (x->ncontexts + 1));
	if (x->quantities == NULL)
		return BJ_EXPENSE_ENOMEM;
	for (int k = 0; k < x->ncontexts; k++)
		if (x->contexts[k].quantity)
			x->quantities[x->nquantities++] = k;
	/* each rule as a table over the contexts: one lookup per occurrence when judging */
	x->roles = calloc((size_t) x->nids, sizeof(unsigned char *));
	if (x->roles == NULL)
		return BJ_EXPENSE_ENOMEM;
	for (int id = 0; id < x->nids; id++)
	{
		if (x->nuses[id] == 0)
			continue;
		x->roles[id] = calloc((size_t) x->ncontexts + 1, 1);
		if (x->roles[id] == NULL)
			return BJ_EXPENSE_ENOMEM;
		for (int u = 0; u < x->nuses[id]; u++)
			x->roles[id][x->uses[id][u].ctx] |= x->uses[id][u].deny ? ROLE_DENY : ROLE_ALLOW;
	}
	x->built = 1;
	return BJ_EXPENSE_OK;
}

/* Code points in t[a, b) (valid UTF-8: the bytes that are not continuation bytes). */
static size_t
code_points(const char *t, size_t a, size_t b)
{
	size_t		n = 0;

	for (size_t i = a; i < b; i++)
		if (((unsigned char) t[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * The byte length of a numeral at t[i] (0-9, 〇零一二三四五六七八九十百千万两,
 * 廿卅卌, the financial capitals 壹贰叁肆伍陆柒捌玖拾佰仟, 俩, and 若干), else 0.
 * Approximations after a numeral (20多, 十余, 20来, 二十几) are part of the
 * run (approx_at): a unit that writes 20多部 or 廿部 still writes a quantity.
 */
/* The code point of the 3-byte UTF-8 character at t[i], or 0. */
static unsigned
cp3_at(const char *t, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *) t + i;

	if (i + 3 > len || (u[0] & 0xF0) != 0xE0)
		return 0;
	return ((unsigned) (u[0] & 0x0F) << 12) | ((unsigned) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
}

static size_t
numeral_at(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char) t[i];

	if (c >= '0' && c <= '9')
		return 1;
	/*
	 * Decoded and switched on, not compared against each numeral: this runs
	 * at every character of a field with a purchase_only phrase.
	 */
	switch (cp3_at(t, len, i))
	{
		case 0x3007:			/* 〇 */
		case 0x96F6:			/* 零 */
		case 0x4E00:			/* 一 */
		case 0x4E8C:			/* 二 */
		case 0x4E09:			/* 三 */
		case 0x56DB:			/* 四 */
		case 0x4E94:			/* 五 */
		case 0x516D:			/* 六 */
		case 0x4E03:			/* 七 */
		case 0x516B:			/* 八 */
		case 0x4E5D:			/* 九 */
		case 0x5341:			/* 十 */
		case 0x767E:			/* 百 */
		case 0x5343:			/* 千 */
		case 0x4E07:			/* 万 */
		case 0x4E24:			/* 两 */
		case 0x5EFF:			/* 廿 */
		case 0x5345:			/* 卅 */
		case 0x534C:			/* 卌 */
		case 0x58F9:			/* 壹 */
		case 0x8D30:			/* 贰 */
		case 0x53C1:			/* 叁 */
		case 0x8086:			/* 肆 */
		case 0x4F0D:			/* 伍 */
		case 0x9646:			/* 陆 */
		case 0x67D2:			/* 柒 */
		case 0x634C:			/* 捌 */
		case 0x7396:			/* 玖 */
		case 0x62FE:			/* 拾 */
		case 0x4F70:			/* 佰 */
		case 0x4EDF:			/* 仟 */
		case 0x4FE9:			/* 俩 */
			return 3;
		case 0x82E5:			/* 若干 */
			return cp3_at(t, len, i + 3) == 0x5E72 ? 6 : 0;
		default:
			return 0;
	}
}

/* The byte length of an approximation word at t[i] (多 余 来 几 数), else 0. */
static size_t
approx_at(const char *t, size_t len, size_t i)
{
	switch (cp3_at(t, len, i))
	{
		case 0x591A:			/* 多 */
		case 0x4F59:			/* 余 */
		case 0x6765:			/* 来 */
		case 0x51E0:			/* 几 */
		case 0x6570:			/* 数 */
			return 3;
		default:
			return 0;
	}
}

/* Append an occurrence; 0 if out of memory. */
static int
push(occurrence **occ, size_t *n, size_t *cap, int ctx, size_t start, size_t end)
{
	if (*n == *cap)
	{
		size_t		grown_cap = *cap ? *cap * 2 : 16;
		occurrence *grown = realloc(*occ, sizeof(occurrence) * grown_cap);

		if (grown == NULL)
			return 0;
		*occ = grown;
		*cap = grown_cap;
	}
	(*occ)[*n].ctx = ctx;
	(*occ)[*n].start = start;
	(*occ)[*n].end = end;
	(*n)++;
	return 1;
}

/* Every context occurrence in text: literals by the matcher, <N>unit by a scan. */
static occurrence *
contexts_in(const bj_expense *x, const char *text, size_t len, size_t *n)
{
	occurrence *occ = NULL;
	size_t		cap = 0;
	size_t		total;
	bj_match   *m;

	bj_match	inline_m[64];

	*n = 0;
	/* one pass into a stack buffer; a second only for a text with more */
	m = inline_m;
	total = bj_matcher_find_all(x->literals, text, len, m, sizeof(inline_m) / sizeof(inline_m[0]));
	if (total > sizeof(inline_m) / sizeof(inline_m[0]))
	{
		m = malloc(sizeof(bj_match) * total);
		if (m == NULL)
			return NULL;
		bj_matcher_find_all(x->literals, text, len, m, total);
	}
	for (size_t i = 0; i < total; i++)
		if (!push(&occ, n, &cap, m[i].id, m[i].start, m[i].start + m[i].len))
		{
			if (m != inline_m)
				free(m);
			free(occ);
			*n = 0;
			return NULL;
		}
	if (m != inline_m)
		free(m);
	for (size_t i = 0; i < len;)
	{
		size_t		w = numeral_at(text, len, i);
		size_t		run;

		if (w == 0)
		{
			unsigned char c = (unsigned char) text[i];

			/* to the next character (the text is valid UTF-8) */
			i += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
			continue;
		}
		run = i;
		while (run < len && ((w = numeral_at(text, len, run)) > 0 || (w = approx_at(text, len, run)) > 0))
			run += w;
		for (int q = 0; q < x->nquantities; q++)
		{
			int			k = x->quantities[q];

			if (run + x->contexts[k].len <= len &&
				memcmp(text + run, x->contexts[k].text, x->contexts[k].len) == 0 &&
				!push(&occ, n, &cap, k, i, run + x->contexts[k].len))
			{
				free(occ);
				*n = 0;
				return NULL;
			}
		}
		i = run;
	}
	return occ;
}

/* Whether the purchase_only occurrence m is refused by its rule. */
static int
refused_by_rule(const bj_expense *x, const char *text, const bj_match *m,
				const occurrence *occ, size_t nocc)
{
	size_t		s = m->start;
	size_t		e = m->start + m->len;
	size_t		gap_allow = SIZE_MAX;
	size_t		gap_deny = SIZE_MAX;
	int			deny_literal = 0;
	int			deny_quantity = 0;
	const unsigned char *role = x->roles[m->id];

	for (size_t j = 0; role != NULL && j < nocc; j++)
	{
		unsigned char r = role[occ[j].ctx];
		size_t		gap;

		if (r == 0)
			continue;
		if (occ[j].end <= s)
			gap = code_points(text, occ[j].end, s);
		else if (occ[j].start >= e)
			gap = code_points(text, e, occ[j].start);
		else
			continue;			/* overlaps the phrase */
		if (gap > BJ_EXPENSE_WINDOW)
			continue;
		if (r & ROLE_DENY)
		{
			if (gap < gap_deny)
				gap_deny = gap;
			if (x->contexts[occ[j].ctx].quantity)
				deny_quantity = 1;
			else
				deny_literal = 1;
		}
		if ((r & ROLE_ALLOW) && gap < gap_allow)
			gap_allow = gap;
	}
	if (gap_allow == SIZE_MAX && gap_deny == SIZE_MAX)
		return x->refuse_by_default[m->id];
	/*
	 * A purchase corroborated: a deny word and a deny quantity both in the
	 * window (车辆平台购置20辆, 手机端采购20部) refuse, whatever allow
	 * context stands nearer (issue 16 red team).  One of them alone is
	 * weighed by distance: 车辆管理系统采购 and 接入车辆3000辆 pass.
	 */
	if (deny_literal && deny_quantity)
		return 1;
	return gap_deny < gap_allow;
}

/*
 * The refused occurrences in text[0, len) (normal form), in matcher order:
 * their number, the first max of them in out[]; stops after max when stop.
 */
static size_t
refused(const bj_expense *x, const char *text, size_t len, bj_match *out, size_t max, int stop)
{
	bj_match	inline_m[32];
	bj_match   *m = inline_m;
	size_t		total;
	occurrence *occ = NULL;
	size_t		nocc = 0;
	int			contexts_read = 0;
	size_t		found = 0;

	if (x == NULL || !x->built || (text == NULL && len > 0))
		return 0;
	if (stop && max >= 1)
	{
		/*
		 * The first occurrence in matcher order is the first of find_all;
		 * no occurrence, or one of a phrase refused wherever it stands,
		 * settles it without listing the others.
		 */
		if (!bj_matcher_find(x->phrases, text, len, &m[0]))
			return 0;
		if (!x->purchase_only[m[0].id])
		{
			if (out != NULL)
				out[0] = m[0];
			return 1;
		}
	}
	total = bj_matcher_find_all(x->phrases, text, len, m, sizeof(inline_m) / sizeof(inline_m[0]));
	if (total > sizeof(inline_m) / sizeof(inline_m[0]))
	{
		m = malloc(sizeof(bj_match) * total);
		if (m == NULL)
			return 0;
		bj_matcher_find_all(x->phrases, text, len, m, total);
	}
	for (size_t i = 0; i < total && !(stop && found >= max); i++)
	{
		int			contained = 0;
		int			refuse;

		if (!x->purchase_only[m[i].id])
			refuse = 1;
		else
		{
			for (size_t j = 0; j < total && !contained; j++)
				contained = j != i && m[j].len > m[i].len && m[j].start <= m[i].start &&
					m[j].start + m[j].len >= m[i].start + m[i].len;
			if (contained)
				continue;
			if (!contexts_read)
			{
				occ = contexts_in(x, text, len, &nocc);
				contexts_read = 1;
			}
			refuse = refused_by_rule(x, text, &m[i], occ, nocc);
		}
		if (refuse)
		{
			if (out != NULL && found < max)
				out[found] = m[i];
			found++;
		}
	}
	free(occ);
	if (m != inline_m)
		free(m);
	return found;
}

int
bj_expense_find(const bj_expense *x, const char *text, size_t len, bj_match *out)
{
	bj_match	first;

	if (refused(x, text, len, &first, 1, 1) == 0)
		return 0;
	if (out)
		*out = first;
	return 1;
}

size_t
bj_expense_find_all(const bj_expense *x, const char *text, size_t len, bj_match *out, size_t max)
{
	return refused(x, text, len, out, max, 0);
}

int
bj_expense_refuses_raw(const bj_expense *x, const char *raw, size_t len)
{
	char		inline_buf[1024];
	char	   *buf = inline_buf;
	size_t		n;
	int			rc;
	bj_norm_dfa dfa;

	if (x == NULL || !x->built)
		return BJ_NORM_EINVAL;
	if (bj_matcher_dfa16(x->phrases, &dfa.delta, &dfa.shift, &dfa.cls))
	{
		rc = bj_norm_scan(raw, len, &dfa);
		if (rc <= 0)
			return rc;			/* no phrase occurs (or not UTF-8) */
	}
	/* a phrase occurs: normalise and judge by the rules */
	rc = bj_norm(raw, len, inline_buf, sizeof(inline_buf), NULL, &n);
	if (rc == BJ_NORM_ENOSPACE)
	{
		buf = malloc(n > 0 ? n : 1);
		if (buf == NULL)
			return BJ_NORM_ENOMEM;
		rc = bj_norm(raw, len, buf, n, NULL, &n);
	}
	if (rc == BJ_NORM_OK)
		rc = bj_expense_find(x, buf, n, NULL);
	if (buf != inline_buf)
		free(buf);
	return rc;
}

void
bj_expense_free(bj_expense *x)
{
	if (x == NULL)
		return;
	bj_matcher_free(x->phrases);
	bj_matcher_free(x->literals);
	if (x->uses)
		for (int i = 0; i < x->nids; i++)
			free(x->uses[i]);
	free(x->uses);
	free(x->nuses);
	for (int i = 0; i < x->ncontexts; i++)
		free(x->contexts[i].text);
	free(x->contexts);
	free(x->quantities);
	if (x->roles)
		for (int i = 0; i < x->nids; i++)
			free(x->roles[i]);
	free(x->roles);
	free(x->purchase_only);
	free(x->refuse_by_default);
	free(x);
}
