/*
 * expense.h — the 第十一条 expense rules on normalised text (issue 16):
 * dictionary phrases, some of which are excluded only as a purchase or an
 * expense and may be the subject of a system (手机 in 手机采购 but not in
 * 手机APP开发), decided by data-driven context rules (data/i16/README.md,
 * "context_rules.tsv"), never by special cases in C.
 *
 * Backend-free: plain C99 with libc only, no postgres.h; memory from
 * malloc.  Text and phrases are in the normal form of normalize.h (the
 * caller normalises; offsets are into the normalised text).
 *
 * Semantics, for each occurrence [s, e) of a purchase_only phrase t:
 *  1. containment: inside a longer occurrence of any phrase it is not
 *     judged on its own (打印 inside 打印机); always-phrases never are;
 *  2. window: W = 8 code points each side.  A context ends at b <= s with
 *     s - b <= W (left), or starts at a >= e with a - e <= W (right),
 *     gaps counted in code points; contexts overlapping t are ignored;
 *  3. gA, gD = the least gap of any allow / deny context of t: none →
 *     t's default (refuse or pass); only deny → refuse; only allow → pass;
 *     both → refuse iff gD < gA (a tie goes to allow), except that a
 *     deny word and a deny quantity both in the window refuse whatever
 *     allow context is nearer (a corroborated purchase);
 *  4. the first refused occurrence in matcher order (leftmost-ending,
 *     longest first) is the finding.
 * A context "<N>x" is a maximal run of numerals (0-9, 〇零一二三四五六七八九十
 * 百千万两, 廿卅卌, financial 壹贰叁肆伍陆柒捌玖拾佰仟, 俩, 若干; after the first
 * numeral also the approximations 多余来几数: 20多, 十余) immediately followed by the unit x (台, 部, 套, 人次 …); its start
 * is the first numeral.
 */
#ifndef BJ_EXPENSE_H
#define BJ_EXPENSE_H

#include <stddef.h>

#include "matcher.h"

#define BJ_EXPENSE_OK		0
#define BJ_EXPENSE_EINVAL	(-1)	/* NULL, empty, bad id, or after build */
#define BJ_EXPENSE_ENOMEM	(-2)
#define BJ_EXPENSE_EMATCHER	(-3)	/* the matcher refused a phrase */

/* Window of a context rule, in code points each side of the phrase. */
#define BJ_EXPENSE_WINDOW	8

typedef struct bj_expense bj_expense;

/* A rule set with room for phrase ids 0 .. nids - 1; NULL if out of memory. */
bj_expense *bj_expense_new(int nids);

/*
 * Add phrase (normal form, len bytes) as id; purchase_only phrases are
 * judged by their rule (bj_expense_add_rule), else always refused.
 */
int			bj_expense_add_phrase(bj_expense *x, const char *phrase, size_t len, int id,
								  int purchase_only);

/*
 * The rule of phrase id: allow and deny are '|'-separated contexts in
 * normal form (NULL or "" for none); refuse_by_default is its default.
 */
int			bj_expense_add_rule(bj_expense *x, int id, const char *allow, const char *deny,
								int refuse_by_default);

/* Freeze and build; then find may be called concurrently. */
int			bj_expense_build(bj_expense *x);

/*
 * The first refused occurrence in text[0, len) (normal form): 1 and *out
 * (id, byte start, byte length in text), or 0 if none.
 */
int			bj_expense_find(const bj_expense *x, const char *text, size_t len, bj_match *out);

/*
 * Every refused occurrence in text[0, len), in the order find takes them:
 * their number (which may exceed max); the first max are written to out
 * (out may be NULL when max is 0).  The caller that lets some through (a
 * waiver) takes the first it does not let through.
 */
size_t		bj_expense_find_all(const bj_expense *x, const char *text, size_t len, bj_match *out,
								size_t max);

/*
 * Whether the normal form (normalize.h) of raw[0, len) — the text as the
 * unit wrote it — has a refused occurrence: 1 or 0, exactly what bj_norm
 * then bj_expense_find on its output say; or a negative BJ_NORM_* status:
 * BJ_NORM_EUTF8 (raw is not valid UTF-8), BJ_NORM_EINVAL (x NULL or not
 * built, raw NULL with len > 0), BJ_NORM_ETOOLONG, BJ_NORM_ENOMEM.  For
 * the trigger's "is this line plainly eligible?": a text in which no
 * phrase occurs is decided in one pass that normalises and matches
 * without writing the normal form (bj_norm_scan); only a text with an
 * occurrence is normalised and judged by the rules.
 */
int			bj_expense_refuses_raw(const bj_expense *x, const char *raw, size_t len);

void		bj_expense_free(bj_expense *x);

#endif							/* BJ_EXPENSE_H */
