/*
 * utf8_cases.h — invalid UTF-8 inputs every core parser must refuse
 * (src/core/utf8.c, shared by the matcher and the similarity tests).
 */
#ifndef BJ_TEST_UTF8_CASES_H
#define BJ_TEST_UTF8_CASES_H

static const char *const bad_utf8[] = {
	"\x80",						/* lone continuation byte */
	"a\xbf" "b",
	"\xc0\x80",					/* overlong NUL */
	"\xc1\xbf",					/* overlong */
	"\xe0\x80\x80",				/* overlong 3-byte */
	"\xe0\x9f\xbf",				/* overlong U+07FF */
	"\xf0\x80\x80\x80",			/* overlong 4-byte */
	"\xf0\x8f\xbf\xbf",			/* overlong U+FFFF */
	"\xed\xa0\x80",				/* surrogate U+D800 */
	"\xed\xbf\xbf",				/* surrogate U+DFFF */
	"\xf4\x90\x80\x80",			/* above U+10FFFF */
	"\xf5\x80\x80\x80",
	"\xff",
	"\xe4\xb8",					/* truncated 中 */
	"\xe4\xb8" "a",
	"中\xe6",					/* truncated at the end */
	"一期\xe4",
	"\xf0\x9f\x98",				/* truncated 4-byte */
	"毕节市\xed\xa0\x80系统",
};
#define N_BAD_UTF8 ((int) (sizeof(bad_utf8) / sizeof(bad_utf8[0])))

#endif							/* BJ_TEST_UTF8_CASES_H */
