/*
 * personal.c — information items that name personal data (第二十九条);
 * see personal.h.  The list is data/personal_data_items.tsv, compiled
 * into personal_terms.h.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "personal.h"
#include "normalize.h"

typedef struct bj_personal_entry
{
	const char *term;
	const char *kind;
} bj_personal_entry;

static const bj_personal_entry entries[] = {
#include "personal_terms.h"
};

#define N_ENTRIES (sizeof(entries) / sizeof(entries[0]))
#define INLINE_CAP 256

struct bj_personal
{
	bj_matcher *m;
	void	   *(*alloc) (size_t);
	void		(*dealloc) (void *);
};

size_t
bj_personal_count(void)
{
	return N_ENTRIES;
}

const char *
bj_personal_term(size_t i)
{
	return i < N_ENTRIES ? entries[i].term : NULL;
}

const char *
bj_personal_kind(size_t i)
{
	return i < N_ENTRIES ? entries[i].kind : NULL;
}

/*
 * Normalise s[0, len) into inline (INLINE_CAP bytes) or a block from the
 * allocator (*heap, to be freed), with the normaliser of the 第十一条
 * matcher (normalize.h: spaces, invisible characters and punctuation
 * dropped; full-width, compatibility and Kangxi forms, case and
 * traditional characters folded; issue 16).  Returns the normalised
 * length or a negative BJ_PERSONAL_ status.
 */
static int
normalise(const bj_personal *p, const char *s, size_t len, char *inline_buf,
		  char **out, char **heap)
{
	size_t		n = 0;
	int			rc = bj_norm(s, len, inline_buf, INLINE_CAP, NULL, &n);

	*heap = NULL;
	*out = inline_buf;
	if (rc == BJ_NORM_EUTF8)
		return BJ_PERSONAL_EUTF8;
	if (rc == BJ_NORM_OK)
		return n > (size_t) INT_MAX ? BJ_PERSONAL_ENOMEM : (int) n;
	if (rc != BJ_NORM_ENOSPACE)
		return rc == BJ_NORM_ETOOLONG ? BJ_PERSONAL_ENOMEM : BJ_PERSONAL_EINVAL;
	if (n > (size_t) INT_MAX)
		return BJ_PERSONAL_ENOMEM;	/* too large to hold */
	*heap = p->alloc(n + 1);
	if (*heap == NULL)
		return BJ_PERSONAL_ENOMEM;
	if (bj_norm(s, len, *heap, n + 1, NULL, &n) != BJ_NORM_OK)
	{
		p->dealloc(*heap);
		*heap = NULL;
		return BJ_PERSONAL_EINVAL;
	}
	*out = *heap;
	return (int) n;
}

bj_personal *
bj_personal_new_with(void *(*alloc) (size_t), void (*dealloc) (void *))
{
	bj_personal *p;
	size_t		i;

	if (alloc == NULL || dealloc == NULL)
		return NULL;
	p = alloc(sizeof(bj_personal));
	if (p == NULL)
		return NULL;
	p->alloc = alloc;
	p->dealloc = dealloc;
	p->m = bj_matcher_new_with(alloc, dealloc);
	if (p->m == NULL)
	{
		dealloc(p);
		return NULL;
	}
	for (i = 0; i < N_ENTRIES; i++)
	{
		char		buf[INLINE_CAP];
		char	   *norm;
		char	   *heap;
		int			n = normalise(p, entries[i].term, strlen(entries[i].term), buf, &norm, &heap);
		int			rc = n > 0 ? bj_matcher_add(p->m, norm, (size_t) n, (int) i) : BJ_MATCHER_EEMPTY;

		if (heap != NULL)
			dealloc(heap);
		if (rc < 0)
		{
			bj_personal_free(p);
			return NULL;
		}
	}
	if (bj_matcher_build(p->m) != BJ_MATCHER_OK)
	{
		bj_personal_free(p);
		return NULL;
	}
	return p;
}

bj_personal *
bj_personal_new(void)
{
	return bj_personal_new_with(malloc, free);
}

int
bj_personal_find(const bj_personal *p, const char *name, size_t len)
{
	char		buf[INLINE_CAP];
	char	   *norm;
	char	   *heap;
	bj_match	m;
	int			n;
	int			found;

	if (p == NULL || (name == NULL && len > 0))
		return BJ_PERSONAL_EINVAL;
	n = normalise(p, name, len, buf, &norm, &heap);
	if (n < 0)
		return n;
	found = bj_matcher_find(p->m, norm, (size_t) n, &m);
	if (heap != NULL)
		p->dealloc(heap);
	return found ? m.id : BJ_PERSONAL_NONE;
}

void
bj_personal_free(bj_personal *p)
{
	if (p == NULL)
		return;
	bj_matcher_free(p->m);
	p->dealloc(p);
}
