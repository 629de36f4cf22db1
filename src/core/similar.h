/*
 * similar.h — character-bigram similarity of Chinese project names, to
 * detect one project split into several that each stay just below a
 * threshold (毕节市市级信息化项目统筹管理办法 第三十二条, 第三十四条(三)):
 * 「毕节市学生资助管理系统(一期)」 and 「…(二期)」 are the same name.
 *
 * Backend-free: plain C99 with libc only, no postgres.h.  Memory (only
 * bj_similarity allocates) comes from malloc or a pluggable allocator.
 *
 * Input is len bytes (need not be NUL-terminated, may contain NUL; NULL
 * is fine when len is 0) of strict UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequence); anything
 * else is refused as a whole with BJ_SIMILAR_EUTF8.
 *
 * Normalisation (bj_similar_normalize; the other functions work on its
 * result), character by character:
 *  - dropped ("ignorable"): ASCII controls, space and punctuation (every
 *    ASCII character but 0-9 A-Z a-z); U+0080–U+00A0 (C1 controls,
 *    no-break space), U+00AD (soft hyphen), U+00B7 (middle dot ·),
 *    U+1680; general punctuation U+2000–U+206F (spaces, zero-width
 *    characters, dashes, quotes, …); CJK symbols and punctuation
 *    U+3000–U+303F (U+3000 ideographic space, 、。「」《》【】〜 …) except
 *    its letters and numerals U+3005–U+3007 (々〆〇), U+3021–U+3029,
 *    U+3031–U+3035, U+3038–U+303C, which are kept; full-width
 *    punctuation U+FF00–U+FF0F, U+FF1A–U+FF20, U+FF3B–U+FF40,
 *    U+FF5B–U+FF65; U+FEFF; the default-ignorable code points that
 *    render as nothing: U+034F, U+115F, U+1160, U+17B4, U+17B5,
 *    U+180B–U+180F, U+3164, U+FFA0, variation selectors U+FE00–U+FE0F
 *    and U+E0100–U+E01EF, tags U+E0000–U+E007F.
 *  - folded: A-Z to a-z; full-width ０-９ Ａ-Ｚ ａ-ｚ (U+FF10–U+FF19,
 *    U+FF21–U+FF3A, U+FF41–U+FF5A) to ASCII 0-9 a-z.  Nothing else
 *    (no Unicode case, no traditional/simplified mapping).
 *  - removed markers, matched on the folded text with the ignorable
 *    characters skipped (ignorables may stand between the parts of a
 *    marker, but not inside a numeral; a numeral is a maximal run):
 *      phase      [第] N 期      一期, 第一期, 第1期, 第 12 期, (二期),
 *                               十二期, 两期; 一期工程 leaves 工程.
 *                 Not when 期 is directly followed by 限, 间, 刊 or 货
 *                 (统一期限, …期间: words, not phases).
 *      phase      phase R        Phase 2, phase II, PHASE-iv, phase3
 *                 (any case): "phase", written without ignorables inside
 *                 and not preceded by an ASCII letter or digit, R = Arabic digits or a canonical lower-case
 *                 Roman numeral i..xxxix, not followed by an ASCII
 *                 letter or digit.
 *      bid lot    [第] N 标段    第一标段, 2标段: 第 and N are removed,
 *                 标段 stays.
 *    N is a run of Arabic digits (full-width ones are folded first) or
 *    of the Chinese numerals 一二三四五六七八九十两, with 两 = 2.  A
 *    Chinese N must be a numeral 1..99 (D, 十, 十D, D十, D十D with D =
 *    一..九 or 两); after 第 the whole run must be one, without 第 the
 *    marker takes the longest such numeral that ends the run and the rest
 *    of the run stays (一二期 → 一, phase 2).  A failed marker is plain
 *    text.  Markers are found in one left-to-right pass, so removing one
 *    may bring a new one together (3第4期期 → 3期): normalising twice is
 *    not the same as once.
 *  - kept: every other character, as it is.
 * The result is valid UTF-8 without NUL bytes and never longer than the
 * input.
 *
 * Similarity (bj_similarity): the Dice coefficient 2|A ∩ B| / (|A| + |B|)
 * of the multisets A, B of character bigrams (pairs of adjacent code
 * points) of the two normalised texts; a text of one character has that
 * character as its only element (it shares nothing with any bigram), an
 * empty text has none, and the value is 0 when either side is empty.  So
 * identical non-empty texts give exactly 1.0, and the result is
 * symmetric to the bit.  Cost: O(alen + blen) time (the bigrams are
 * radix-sorted, then merged) and one block of 8 × (|A| + |B| +
 * max(|A|, |B|)) bytes.
 */
#ifndef BJ_SIMILAR_H
#define BJ_SIMILAR_H

#include <stddef.h>

/* Status codes (negative; as double from bj_similarity). */
#define BJ_SIMILAR_EUTF8	(-1)	/* an input is not valid UTF-8 */
#define BJ_SIMILAR_ENOMEM	(-2)	/* the allocator returned NULL */
#define BJ_SIMILAR_ETOOLONG	(-3)	/* normalised length above INT_MAX */
#define BJ_SIMILAR_EINVAL	(-4)	/* NULL with a non-zero length, or
									 * NULL allocator */

/* Phase numbers above this are reported as this. */
#define BJ_SIMILAR_PHASE_MAX	9999

/*
 * Normalise s[0, len) as above into out (capacity outcap bytes).
 * Returns n, the byte length of the whole normalised text (excluding the
 * NUL), whatever outcap is, like snprintf:
 *  - n < outcap: out holds the whole text and a NUL;
 *  - n >= outcap > 0: out holds the longest prefix of whole characters
 *    that fits in outcap - 1 bytes, and a NUL; call again with n + 1;
 *  - outcap == 0: nothing is written (out may be NULL).
 * Nothing is ever written at out[outcap] or beyond.  Errors:
 * BJ_SIMILAR_EUTF8 (out, if outcap > 0, is set to ""), BJ_SIMILAR_EINVAL
 * (s NULL with len > 0, or out NULL with outcap > 0; nothing written),
 * BJ_SIMILAR_ETOOLONG (n above INT_MAX; out as for a too small outcap).
 */
int			bj_similar_normalize(const char *s, size_t len, char *out,
								 size_t outcap);

/*
 * The phase number written in the name: the number of its first phase
 * marker (一期 → 1, 第3期 → 3, 二期工程 → 2, 第十二期 → 12, Phase II → 2,
 * 一二期 → 2; capped at BJ_SIMILAR_PHASE_MAX), 0 if it has none (or
 * writes phase 0), BJ_SIMILAR_EUTF8 or BJ_SIMILAR_EINVAL.  Bid lots
 * (标段) are not phases.
 */
int			bj_similar_phase(const char *s, size_t len);

/*
 * Strip, from the end of an already normalised name s[0, len), the words
 * that name the kind of work rather than the system — 建设, 升级, 改造,
 * 扩容, 完善, 优化, 提升, 项目, 工程 (and their combinations: 升级改造项目)
 * — so that 「公交电子站牌系统建设」 and 「公交电子站牌系统升级」 are the same
 * system.  Operation and service words (运维, 运营, 维护, 服务) are kept:
 * operating a system is another kind of service (第二条), bought yearly.
 * A name that is nothing but such words is kept whole.  Returns the new
 * length (a byte offset on a character boundary); s is not changed.
 */
size_t		bj_similar_strip_work(const char *s, size_t len);

/*
 * Dice similarity in [0, 1] of a[0, alen) and b[0, blen) as above, or a
 * negative status: BJ_SIMILAR_EUTF8 (either input), BJ_SIMILAR_EINVAL,
 * BJ_SIMILAR_ENOMEM.  Uses malloc/free.
 */
double		bj_similarity(const char *a, size_t alen, const char *b,
						  size_t blen);

/*
 * bj_similarity with alloc/dealloc for its working memory (one block,
 * freed before returning; none when either text normalises to nothing).
 * alloc must return memory aligned for any object, like malloc, and may
 * not longjmp out (the block would leak).  BJ_SIMILAR_EINVAL if either
 * is NULL.
 */
double		bj_similarity_with(const char *a, size_t alen, const char *b,
							   size_t blen, void *(*alloc) (size_t),
							   void (*dealloc) (void *));

#endif							/* BJ_SIMILAR_H */
