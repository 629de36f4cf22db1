/*
 * fuzz_expense.c — libFuzzer target for src/core/expense.c (issue 16):
 * the 第十一条 context rules on normalised text.
 *
 * The input is normalised (normalize.h; invalid UTF-8 is skipped, as the
 * glue refuses it) and judged by a fixed rule set with every kind of
 * context (literal allow and deny, <N>unit quantities, containment, both
 * defaults).  Checks, aborting on any failure: a refused occurrence lies
 * inside the text and is an occurrence of its phrase; an always-phrase in
 * the text is always found; judging is deterministic.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expense.h"
#include "normalize.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const phrases[] = {"手机", "笔记本电脑", "车辆", "打印", "打印机", "会议", "a4纸"};
static const int purchase_only[] = {1, 0, 1, 1, 1, 1, 0};
static bj_expense *X;

/* Whether needle occurs in hay[0, n). */
static int
contains(const char *hay, size_t n, const char *needle)
{
	size_t		k = strlen(needle);

	for (size_t i = 0; k <= n && i <= n - k; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return 1;
	return 0;
}

static void
build(void)
{
	X = bj_expense_new(7);
	if (X == NULL)
		abort();
	for (int i = 0; i < 7; i++)
		if (bj_expense_add_phrase(X, phrases[i], strlen(phrases[i]), i, purchase_only[i]) != BJ_EXPENSE_OK)
			abort();
	if (bj_expense_add_rule(X, 0, "app|系统|开发", "采购|<N>部|<N>台", 1) != BJ_EXPENSE_OK ||
		bj_expense_add_rule(X, 2, "管理|调度", "购置|<N>辆", 0) != BJ_EXPENSE_OK ||
		bj_expense_add_rule(X, 3, "服务|接口", "纸", 1) != BJ_EXPENSE_OK ||
		bj_expense_add_rule(X, 4, "管理平台", "<N>台|采购", 1) != BJ_EXPENSE_OK ||
		bj_expense_add_rule(X, 5, "系统|平台", "费|<N>人次", 1) != BJ_EXPENSE_OK ||
		bj_expense_build(X) != BJ_EXPENSE_OK)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text;
	size_t		n;
	bj_match	m;
	bj_match	again;
	int			r;

	if (X == NULL)
		build();
	if (bj_norm_dup((const char *) data, size, &text, NULL, &n) != BJ_NORM_OK)
		return 0;
	r = bj_expense_find(X, text, n, &m);
	if (r)
	{
		if (m.id < 0 || m.id >= 7 || m.start + m.len > n ||
			m.len != strlen(phrases[m.id]) || memcmp(text + m.start, phrases[m.id], m.len) != 0)
			abort();
	}
	/* an always-phrase present is found (笔记本电脑, a4纸) */
	if ((contains(text, n, "笔记本电脑") || contains(text, n, "a4纸")) && !r)
		abort();
	if (bj_expense_find(X, text, n, &again) != r || (r && (again.id != m.id || again.start != m.start)))
		abort();
	free(text);
	return 0;
}
