/*
 * personal.h — information items that name personal data (毕节市市级信息
 * 化项目统筹管理办法 第二十九条: 政府数据涉及商业秘密、个人隐私等敏感数据).
 *
 * The list is data, not code: data/personal_data_items.tsv (term TAB
 * kind), compiled into src/core/personal_terms.h by the Makefile.  A name
 * names personal data when, after bj_similar_normalize (src/core/similar.h:
 * spaces, punctuation and zero-width characters dropped, full-width
 * letters and digits folded, A-Z to a-z; the normaliser of the
 * project-name similarity), it contains a term of the list, also
 * normalised: 「家长手机号码」, 「手 机 号」, 「身份证　号」, 「ＱＱ号」 all do.
 * The search is the multi-pattern matcher of the 第十一条 expense
 * dictionary (src/core/matcher.h).
 *
 * Backend-free: plain C99 with libc only, no postgres.h.  A built
 * bj_personal is read-only and may be shared.
 */
#ifndef BJ_PERSONAL_H
#define BJ_PERSONAL_H

#include <stddef.h>

/* Status codes (negative) of bj_personal_find. */
#define BJ_PERSONAL_NONE	(-1)	/* no term in the name */
#define BJ_PERSONAL_EUTF8	(-2)	/* the name is not valid UTF-8 */
#define BJ_PERSONAL_ENOMEM	(-3)	/* out of memory */
#define BJ_PERSONAL_EINVAL	(-4)	/* NULL matcher, or NULL name with len > 0 */

typedef struct bj_personal bj_personal;

/* Number of terms in the list, and term i / its kind (NULL out of range). */
size_t		bj_personal_count(void);
const char *bj_personal_term(size_t i);
const char *bj_personal_kind(size_t i);

/*
 * The matcher of every term of the list (normalised), with malloc/free,
 * or alloc/dealloc (same contract as bj_matcher_new_with).  NULL if out
 * of memory or a term of the list is unusable (a build-time error that
 * test/check catches).
 */
bj_personal *bj_personal_new(void);
bj_personal *bj_personal_new_with(void *(*alloc) (size_t),
								  void (*dealloc) (void *));

/*
 * The first term (index into the list: the leftmost-ending, longest
 * occurrence in the normalised name) that name[0, len) contains, or
 * BJ_PERSONAL_NONE, or a negative status.  Works on a copy of the
 * normalised name: on the stack up to 256 bytes, else from the allocator.
 */
int			bj_personal_find(const bj_personal *p, const char *name, size_t len);

void		bj_personal_free(bj_personal *p);

#endif							/* BJ_PERSONAL_H */
