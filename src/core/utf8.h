/*
 * utf8.h — UTF-8 validity (RFC 3629) for the backend-free core: the
 * 第十一条 matcher refuses invalid patterns with it, the similarity of
 * project names (similar.c) refuses invalid names.
 *
 * Plain C99 with libc only, no postgres.h.
 */
#ifndef BJ_UTF8_H
#define BJ_UTF8_H

#include <stddef.h>

/*
 * 1 if p[0, len) is valid UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequence), else 0.
 * NUL bytes are valid (U+0000); p may be NULL when len is 0.
 */
int			bj_utf8_valid(const unsigned char *p, size_t len);

#endif							/* BJ_UTF8_H */
