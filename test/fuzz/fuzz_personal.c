/*
 * fuzz_personal.c — libFuzzer target for src/core/personal.c
 * (information-item names that name personal data, 第二十九条).
 *
 * The input is the name.  Checks, aborting on any failure: invalid UTF-8
 * is refused with BJ_PERSONAL_EUTF8 and nothing else is; otherwise the
 * answer agrees with a naive search of every term of the list in the
 * normalised name (normalize.h; a term found is in it, in normal form;
 * none found means none is).  The name is used in place (libFuzzer allocates exactly size
 * bytes) so ASan catches any read past len.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "personal.h"
#include "normalize.h"
#include "utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bj_personal *P;

/* Whether needle occurs in hay[0, n) (memmem without GNU extensions). */
static int
contains(const char *hay, size_t n, const char *needle)
{
	size_t		k = strlen(needle);
	size_t		i;

	for (i = 0; k <= n && i <= n - k; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return 1;
	return 0;
}

/* Whether the normal form of term occurs in hay[0, n). */
static int
contains_term(const char *hay, size_t n, const char *term)
{
	char	   *t;
	size_t		tn;
	int			found;

	if (bj_norm_dup(term, strlen(term), &t, NULL, &tn) != BJ_NORM_OK)
		abort();
	found = contains(hay, n, t);
	free(t);
	return found;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *name = (const char *) data;
	int			r;
	size_t		n;
	char	   *norm;
	size_t		i;
	int			any = 0;

	if (P == NULL && (P = bj_personal_new()) == NULL)
		abort();
	r = bj_personal_find(P, name, size);
	if (!bj_utf8_valid(data, size))
	{
		if (r != BJ_PERSONAL_EUTF8)
			abort();
		return 0;
	}
	if (r < BJ_PERSONAL_NONE)
		abort();
	if (bj_norm_dup(name, size, &norm, NULL, &n) != BJ_NORM_OK)
		abort();
	for (i = 0; i < bj_personal_count(); i++)
		any |= contains_term(norm, n, bj_personal_term(i));
	if (r >= 0 && !contains_term(norm, n, bj_personal_term((size_t) r)))
		abort();
	if ((r >= 0) != any)
		abort();
	free(norm);
	return 0;
}
