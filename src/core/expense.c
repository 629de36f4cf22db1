/*
 * expense.c — the 第十一条 expense rules on normalised text (issue 16);
 * see expense.h for the semantics and data/i16/README.md for the data.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expense.h"

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
	int			built;
};

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
static size_t
numeral_at(const char *t, size_t len, size_t i)
{
	static const char *const cjk[] = {"〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
		"十", "百", "千", "万", "两", "廿", "卅", "卌", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
	"拾", "佰", "仟", "俩", "若干"};

	if (t[i] >= '0' && t[i] <= '9')
		return 1;
	for (size_t k = 0; k < sizeof(cjk) / sizeof(cjk[0]); k++)
	{
		size_t		n = strlen(cjk[k]);

		if (i + n <= len && memcmp(t + i, cjk[k], n) == 0)
			return n;
	}
	return 0;
}

/* The byte length of an approximation word at t[i] (多 余 来 几 数), else 0. */
static size_t
approx_at(const char *t, size_t len, size_t i)
{
	static const char *const approx[] = {"多", "余", "来", "几", "数"};

	for (size_t k = 0; k < sizeof(approx) / sizeof(approx[0]); k++)
		if (i + 3 <= len && memcmp(t + i, approx[k], 3) == 0)
			return 3;
	return 0;
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

	*n = 0;
	total = bj_matcher_find_all(x->literals, text, len, NULL, 0);
	m = total ? malloc(sizeof(bj_match) * total) : NULL;
	if (total && m == NULL)
		return NULL;
	if (total)
		bj_matcher_find_all(x->literals, text, len, m, total);
	for (size_t i = 0; i < total; i++)
		if (!push(&occ, n, &cap, m[i].id, m[i].start, m[i].start + m[i].len))
		{
			free(m);
			free(occ);
			*n = 0;
			return NULL;
		}
	free(m);
	for (size_t i = 0; i < len;)
	{
		size_t		w = numeral_at(text, len, i);
		size_t		run;

		if (w == 0)
		{
			i++;
			continue;
		}
		run = i;
		while (run < len && ((w = numeral_at(text, len, run)) > 0 || (w = approx_at(text, len, run)) > 0))
			run += w;
		for (int k = 0; k < x->ncontexts; k++)
			if (x->contexts[k].quantity && run + x->contexts[k].len <= len &&
				memcmp(text + run, x->contexts[k].text, x->contexts[k].len) == 0 &&
				!push(&occ, n, &cap, k, i, run + x->contexts[k].len))
			{
				free(occ);
				*n = 0;
				return NULL;
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

	for (int u = 0; u < x->nuses[m->id]; u++)
	{
		const ctx_use *use = &x->uses[m->id][u];

		for (size_t j = 0; j < nocc; j++)
		{
			size_t		gap;

			if (occ[j].ctx != use->ctx)
				continue;
			if (occ[j].end <= s)
				gap = code_points(text, occ[j].end, s);
			else if (occ[j].start >= e)
				gap = code_points(text, e, occ[j].start);
			else
				continue;		/* overlaps the phrase */
			if (gap > BJ_EXPENSE_WINDOW)
				continue;
			if (use->deny && gap < gap_deny)
				gap_deny = gap;
			if (use->deny && x->contexts[use->ctx].quantity)
				deny_quantity = 1;
			else if (use->deny)
				deny_literal = 1;
			if (!use->deny && gap < gap_allow)
				gap_allow = gap;
		}
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
	free(x->purchase_only);
	free(x->refuse_by_default);
	free(x);
}
