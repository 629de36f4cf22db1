/*
 * matcher.h — multi-pattern substring matcher (Aho–Corasick over bytes)
 * for the 第十一条 expense dictionary (bjxm.excluded_terms) and
 * any other "does this text contain one of these phrases" check.
 *
 * Backend-free: plain C99 with libc only, no postgres.h.  Memory comes
 * from a pluggable allocator so the SQL glue may use its own.
 *
 * Life cycle: bj_matcher_new[_with] → bj_matcher_add (any number) →
 * bj_matcher_build (once) → bj_matcher_find / bj_matcher_find_all (any
 * number, concurrently: a built matcher is read-only) → bj_matcher_free.
 *
 * Semantics
 *  - Patterns are non-empty, valid UTF-8 (RFC 3629: no overlong forms,
 *    no surrogates, nothing above U+10FFFF); anything else is refused.
 *    Matching is on bytes, so a match of a valid UTF-8 pattern starts on
 *    a lead byte and ends after a complete character: it begins and ends
 *    on character boundaries of valid UTF-8 text.  Text need not be valid
 *    UTF-8 (each invalid byte is then a character of its own, and a match
 *    never starts or ends inside a valid multi-byte character); it is
 *    read strictly within [text, text + len) and may contain NUL.
 *  - BJ_MATCHER_FOLD_ASCII (bj_matcher_set_fold, before the first add):
 *    ASCII A-Z and a-z are the same letter in patterns and text, so
 *    "APP" and "app" match each other.  No other folding (no full-width
 *    forms, no Unicode case).
 *  - Duplicates (equal after folding) are accepted and reported once,
 *    with the id of the first add.
 *  - Order of matches: by end offset ascending, then longer first (equal
 *    end and equal length means the same pattern, reported once).  So
 *    bj_matcher_find returns the leftmost-ending match and, among those,
 *    the longest; bj_matcher_find_all returns every occurrence of every
 *    pattern, overlapping ones included, in that order.
 *  - Cost: build O(states × classes) time and memory (classes = distinct
 *    bytes of the patterns + 1, so a few hundred Chinese phrases give a
 *    table of about a megabyte); find O(len) plus O(1) per reported match.
 */
#ifndef BJ_MATCHER_H
#define BJ_MATCHER_H

#include <stddef.h>
#include <stdint.h>

/* Status codes of bj_matcher_add and bj_matcher_build. */
#define BJ_MATCHER_OK			0	/* added (or built) */
#define BJ_MATCHER_DUPLICATE	1	/* add: already there; first id kept */
#define BJ_MATCHER_EINVAL		(-1)	/* NULL matcher, or NULL pattern */
#define BJ_MATCHER_EEMPTY		(-2)	/* add: empty pattern */
#define BJ_MATCHER_EUTF8		(-3)	/* add: pattern is not valid UTF-8 */
#define BJ_MATCHER_ESTATE		(-4)	/* add after build, build twice,
										 * set_fold after add */
#define BJ_MATCHER_ENOMEM		(-5)	/* the allocator returned NULL */
#define BJ_MATCHER_ETOOBIG		(-6)	/* build: table above
										 * BJ_MATCHER_MAX_CELLS */

/* Flag for bj_matcher_set_fold. */
#define BJ_MATCHER_FOLD_ASCII	1

/* Largest transition table build accepts (cells of 4 bytes: 256 MB). */
#define BJ_MATCHER_MAX_CELLS	((size_t) 64 * 1024 * 1024)

typedef struct bj_matcher bj_matcher;

/* One occurrence: the caller's id, byte offset and byte length. */
typedef struct bj_match
{
	int			id;
	size_t		start;
	size_t		len;
} bj_match;

/* A matcher using malloc/free; NULL if out of memory. */
bj_matcher *bj_matcher_new(void);

/*
 * A matcher using alloc/dealloc for all its memory (the struct included);
 * NULL if either is NULL or alloc fails.  alloc must return memory
 * aligned for any object, like malloc; it may not longjmp out (the
 * matcher would leak what it holds; with palloc use a memory context
 * instead and let it be reset).
 */
bj_matcher *bj_matcher_new_with(void *(*alloc) (size_t),
								void (*dealloc) (void *));

/* Set BJ_MATCHER_FOLD_ASCII (or 0) before the first add; else ESTATE. */
int			bj_matcher_set_fold(bj_matcher *m, int flags);

/*
 * Add pattern (len bytes, need not be NUL-terminated) with the caller's
 * id.  Returns BJ_MATCHER_OK, BJ_MATCHER_DUPLICATE or a negative status;
 * on a negative status the matcher is unchanged and still usable.
 */
int			bj_matcher_add(bj_matcher *m, const char *pattern, size_t len,
						   int id);

/*
 * Freeze the patterns and build the automaton.  A matcher with no
 * patterns builds fine and never matches.  On a negative status the
 * matcher cannot be used for matching (find returns nothing) and should
 * be freed.
 */
int			bj_matcher_build(bj_matcher *m);

/* Number of distinct patterns added so far. */
size_t		bj_matcher_count(const bj_matcher *m);

/*
 * First match in text[0, len): 1 and *out filled, or 0 if none (or the
 * matcher is not built).  out may be NULL.  text may be NULL if len is 0.
 */
int			bj_matcher_find(const bj_matcher *m, const char *text, size_t len,
							bj_match *out);

/*
 * All matches in text[0, len), in the order above.  Writes at most max
 * to out (out may be NULL when max is 0) and returns the total number of
 * matches, which may be more than max (like snprintf).
 */
size_t		bj_matcher_find_all(const bj_matcher *m, const char *text,
								size_t len, bj_match *out, size_t max);

/*
 * The automaton of a built matcher of fewer than 32768 states, for a scan
 * that feeds it bytes itself (bj_norm_scan in normalize.h): *delta rows
 * of 1 << *shift cells of 16 bits (the next state, bit 15 set when a
 * pattern ends there; start state 0, row of state q at q << *shift) and
 * *cls the 256 byte → column map.  1 if so, 0 if the matcher is not built
 * or has a 32-bit table (then nothing is set).  Read-only, valid until
 * bj_matcher_free.  Reaching a state with bit 15 set is exactly when
 * bj_matcher_find would report a match.
 */
int			bj_matcher_dfa16(const bj_matcher *m, const uint16_t **delta,
							 unsigned *shift, const uint16_t **cls);

/* Free everything (NULL is fine). */
void		bj_matcher_free(bj_matcher *m);

#endif							/* BJ_MATCHER_H */
