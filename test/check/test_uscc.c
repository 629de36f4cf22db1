/*
 * test_uscc.c — Check tests of src/core/uscc.c, 统一社会信用代码
 * (GB 32100-2015).  Every call goes through a malloc'd copy of exactly
 * the input length, so valgrind (make valgrind) catches any read past len.
 */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "uscc.h"

/* GB 32100-2015 §4 表1: the 31 code characters in value order. */
static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* Base code used for the position tests (check character A). */
static const char base_code[] = "91520500MA6DJXXXXA";

/* parse s (len bytes) from an exact-size heap copy. */
static bj_uscc_status
parse_n(const char *s, size_t len, char *out, bj_uscc_error *err)
{
	char	   *copy = malloc(len ? len : 1);
	bj_uscc_status st;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, s, len);
	st = bj_uscc_parse(copy, len, out, err);
	free(copy);
	return st;
}

/* validate s (len bytes) from an exact-size heap copy. */
static bj_uscc_status
validate_n(const char *s, size_t len, bj_uscc_error *err)
{
	char	   *copy = malloc(len ? len : 1);
	bj_uscc_status st;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, s, len);
	st = bj_uscc_validate(copy, len, err);
	free(copy);
	return st;
}

/* base_code with position pos (1-based) replaced by the string rep. */
static size_t
replace_at(char *buf, int pos, const char *rep)
{
	size_t		n = strlen(rep);

	memcpy(buf, base_code, (size_t) pos - 1);
	memcpy(buf + pos - 1, rep, n);
	memcpy(buf + pos - 1 + n, base_code + pos, (size_t) (BJ_USCC_LEN - pos));
	return BJ_USCC_LEN - 1 + n;
}

/* --- character values and the check character (GB 32100-2015 §5) -------- */

/* Each charset character has value = index; case and I O Z S V do not. */
START_TEST(char_values)
{
	const char *bad = "IOZSVabcioz -*\x7f";
	int			i;

	for (i = 0; i < 31; i++)
		ck_assert_int_eq(bj_uscc_char_value(charset[i]), i);
	for (i = 0; bad[i]; i++)
		ck_assert_int_eq(bj_uscc_char_value(bad[i]), -1);
	ck_assert_int_eq(bj_uscc_char_value('\0'), -1);
	ck_assert_int_eq(bj_uscc_char_value((char) 0xE4), -1);
}
END_TEST

/* bj_uscc_check_char rejects any invalid character among the 17. */
START_TEST(check_char_invalid)
{
	ck_assert_int_eq(bj_uscc_check_char("91520500MA6DJXXXI"), '\0');
	ck_assert_int_eq(bj_uscc_check_char("91520500ma6DJXXXX"), '\0');
	ck_assert_int_eq(bj_uscc_check_char(NULL), '\0');
	ck_assert_int_eq(bj_uscc_check_char("91520500MA6DJXXXX"), 'A');
}
END_TEST

/* Valid codes, check characters computed independently (incl. 0 and Y). */
static const char *const valid_codes[] = {
	"91520500MA6DJXXXXA",
	"91520500MA6DJ1234E",
	"91350100M000100Y43",		/* GB 32100-2015 worked example */
	"91110000802100433B",
	"11520500MB1234567C",
	"52520502MJY000001M",
	"Y1520000000000000P",
	"91520502MA6HXXXXXN",
	"125205000090000004",
	"915205000000000080",		/* 31 - (Σ mod 31) = 31, written 0 */
	"9152050000000000JY",		/* check value 30 */
};
#define N_VALID (int) (sizeof(valid_codes) / sizeof(valid_codes[0]))

/* Every valid code parses to itself and validates. */
START_TEST(valid_code)
{
	const char *code = valid_codes[_i];
	char		out[BJ_USCC_LEN];
	bj_uscc_error err;

	ck_assert_int_eq(bj_uscc_check_char(code), code[17]);
	ck_assert_int_eq(parse_n(code, 18, out, &err), BJ_USCC_OK);
	ck_assert_int_eq(err.status, BJ_USCC_OK);
	ck_assert_mem_eq(out, code, BJ_USCC_LEN);
	ck_assert_int_eq(validate_n(code, 18, &err), BJ_USCC_OK);
	ck_assert_int_eq(parse_n(code, 18, out, NULL), BJ_USCC_OK);
	ck_assert_int_eq(validate_n(code, 18, NULL), BJ_USCC_OK);
}
END_TEST

/* Text input that must parse to a canonical code. */
static const struct
{
	const char *in;
	const char *canonical;
}			parse_ok[] = {
	{"91520500ma6djxxxxa", "91520500MA6DJXXXXA"},
	{"91520500Ma6dJxXxXa", "91520500MA6DJXXXXA"},
	{"  91520500MA6DJXXXXA  ", "91520500MA6DJXXXXA"},
	{"\t\n\r\v\f 91520500MA6DJXXXXA\f\v\r\n\t ", "91520500MA6DJXXXXA"},
	{"\xE3\x80\x80" "91350100M000100Y43" "\xE3\x80\x80", "91350100M000100Y43"},
	{" \xE3\x80\x80 \xE3\x80\x80" "91110000802100433b \xE3\x80\x80",
	 "91110000802100433B"},
	{"y1520000000000000p", "Y1520000000000000P"},
	{"\n9152050000000000jy\n", "9152050000000000JY"},
};
#define N_PARSE_OK (int) (sizeof(parse_ok) / sizeof(parse_ok[0]))

/* Lower case and padding parse to the canonical form. */
START_TEST(parse_canonical)
{
	char		out[BJ_USCC_LEN];
	bj_uscc_error err;
	const char *in = parse_ok[_i].in;

	ck_assert_int_eq(parse_n(in, strlen(in), out, &err), BJ_USCC_OK);
	ck_assert_mem_eq(out, parse_ok[_i].canonical, BJ_USCC_LEN);
	/* not canonical, so the strict form rejects it */
	ck_assert_int_ne(validate_n(in, strlen(in), NULL), BJ_USCC_OK);
}
END_TEST

/* --- BAD_CHAR at every position ----------------------------------------- */

/* Characters outside the charset; the last two are white space. */
static const char *const bad_chars[] = {
	"I", "O", "Z", "S", "V", "i", "o", "z", "s", "v", "-", "*", "\xE4\xB8\xAD",
	" ", "\xE3\x80\x80"
};
#define N_BAD (int) (sizeof(bad_chars) / sizeof(bad_chars[0]))
#define N_BAD_SPACE 2

/* Position pos (1..18) replaced by a bad character → BAD_CHAR there. */
START_TEST(bad_char_each_position)
{
	int			pos = _i / N_BAD + 1;
	int			k = _i % N_BAD;
	const char *bad = bad_chars[k];
	char		buf[64];
	size_t		len = replace_at(buf, pos, bad);
	bj_uscc_error err;
	bj_uscc_status st = parse_n(buf, len, NULL, &err);

	if (k >= N_BAD - N_BAD_SPACE && (pos == 1 || pos == BJ_USCC_LEN))
	{
		/* white space at either end is trimmed: 17 characters remain */
		ck_assert_int_eq(st, BJ_USCC_TOO_SHORT);
		ck_assert_int_eq(err.nchars, 17);
		return;
	}
	ck_assert_msg(st == BJ_USCC_BAD_CHAR, "pos %d char '%s': status %d",
				  pos, bad, st);
	ck_assert_int_eq(err.status, BJ_USCC_BAD_CHAR);
	ck_assert_int_eq(err.pos, pos);
	ck_assert_str_eq(err.found, bad);	/* as typed, before case folding */

	/* the strict form reports the same position (first byte) */
	st = validate_n(buf, len, &err);
	if (len == BJ_USCC_LEN)
	{
		ck_assert_int_eq(st, BJ_USCC_BAD_CHAR);
		ck_assert_int_eq(err.pos, pos);
	}
	else
		ck_assert_int_eq(st, BJ_USCC_TOO_LONG);
}
END_TEST

/* Region code positions 3..8 given a valid letter → REGION_NOT_DIGIT. */
static const char *const region_letters[] = {"A", "H", "Y", "M", "x"};
#define N_REGION (int) (sizeof(region_letters) / sizeof(region_letters[0]))

/* GB 32100-2015 §4: positions 3..8 are the GB/T 2260 region code. */
START_TEST(region_not_digit)
{
	int			pos = 3 + _i / N_REGION;
	const char *letter = region_letters[_i % N_REGION];
	char		buf[64];
	size_t		len = replace_at(buf, pos, letter);
	bj_uscc_error err;

	ck_assert_int_eq(parse_n(buf, len, NULL, &err), BJ_USCC_REGION_NOT_DIGIT);
	ck_assert_int_eq(err.pos, pos);
	ck_assert_str_eq(err.found, letter);
	/* the strict form rejects lower case first */
	ck_assert_int_eq(validate_n(buf, len, &err),
					 letter[0] >= 'a' ? BJ_USCC_BAD_CHAR
					 : BJ_USCC_REGION_NOT_DIGIT);
	ck_assert_int_eq(err.pos, pos);
}
END_TEST

/* Letters are fine outside the region code (positions 1, 2, 9..17). */
START_TEST(letters_outside_region)
{
	static const int positions[] = {1, 2, 9, 10, 11, 12, 13, 14, 15, 16, 17};
	char		buf[BJ_USCC_LEN];
	char		out[BJ_USCC_LEN];
	size_t		i;

	for (i = 0; i < sizeof(positions) / sizeof(positions[0]); i++)
	{
		memcpy(buf, base_code, BJ_USCC_LEN);
		buf[positions[i] - 1] = 'H';
		buf[17] = bj_uscc_check_char(buf);
		ck_assert_int_eq(parse_n(buf, BJ_USCC_LEN, out, NULL), BJ_USCC_OK);
		ck_assert_int_eq(validate_n(buf, BJ_USCC_LEN, NULL), BJ_USCC_OK);
	}
}
END_TEST

/* --- BAD_CHECK: all 31 check characters for several codes ----------------- */

/* Only the right check character passes; the 30 others → BAD_CHECK. */
START_TEST(every_check_char)
{
	const char *code = valid_codes[_i / 31];
	char		c = charset[_i % 31];
	char		buf[BJ_USCC_LEN];
	bj_uscc_error err;

	memcpy(buf, code, BJ_USCC_LEN);
	buf[17] = c;
	if (c == code[17])
	{
		ck_assert_int_eq(parse_n(buf, 18, NULL, &err), BJ_USCC_OK);
		ck_assert_int_eq(validate_n(buf, 18, &err), BJ_USCC_OK);
		return;
	}
	ck_assert_int_eq(parse_n(buf, 18, NULL, &err), BJ_USCC_BAD_CHECK);
	ck_assert_int_eq(err.pos, 18);
	ck_assert_int_eq(err.expected, code[17]);
	ck_assert_int_eq(err.found[0], c);
	ck_assert_int_eq(err.found[1], '\0');
	ck_assert_int_eq(validate_n(buf, 18, &err), BJ_USCC_BAD_CHECK);
	ck_assert_int_eq(err.expected, code[17]);
}
END_TEST

/* A lower-case wrong check character is reported as typed. */
START_TEST(bad_check_lower_case)
{
	bj_uscc_error err;

	ck_assert_int_eq(parse_n("91520500MA6DJXXXXb", 18, NULL, &err),
					 BJ_USCC_BAD_CHECK);
	ck_assert_str_eq(err.found, "b");
	ck_assert_int_eq(err.expected, 'A');
}
END_TEST

/* --- lengths ---------------------------------------------------------- */

/* Inputs with a length problem (len = explicit byte length). */
static const struct
{
	const char *in;
	size_t		len;
	bj_uscc_status status;
	int			nchars;
}			length_cases[] = {
	{"", 0, BJ_USCC_EMPTY, 0},
	{"   ", 3, BJ_USCC_EMPTY, 0},
	{"\t\r\n\v\f", 5, BJ_USCC_EMPTY, 0},
	{"\xE3\x80\x80", 3, BJ_USCC_EMPTY, 0},
	{" \xE3\x80\x80\xE3\x80\x80 ", 8, BJ_USCC_EMPTY, 0},
	{"9", 1, BJ_USCC_TOO_SHORT, 1},
	{"91520500MA6DJXXXX", 17, BJ_USCC_TOO_SHORT, 17},
	{"91520500MA6DJXXXXAB", 19, BJ_USCC_TOO_LONG, 19},
	{"91520500MA6DJXXXXA0000000000", 28, BJ_USCC_TOO_LONG, 28},
	/* a length problem is reported before any bad character */
	{"IIIII", 5, BJ_USCC_TOO_SHORT, 5},
	{"IIIIIIIIIIIIIIIIIII", 19, BJ_USCC_TOO_LONG, 19},
	/* characters, not bytes: 17 CJK characters are 51 bytes */
	{"中中中中中中中中中中中中中中中中中", 51, BJ_USCC_TOO_SHORT, 17},
	{"中中中中中中中中中中中中中中中中中中中", 57, BJ_USCC_TOO_LONG, 19},
	/* an inner space counts; U+3000 inside counts as one character */
	{"91520500 MA6DJXXXXA", 19, BJ_USCC_TOO_LONG, 19},
	{"91520500\xE3\x80\x80MA6DJXXXXA", 21, BJ_USCC_TOO_LONG, 19},
	/* each invalid UTF-8 byte is one character */
	{"91520500MA6DJXXXX\xE4\xB8", 19, BJ_USCC_TOO_LONG, 19},
	{"\xff\xfe\xfd", 3, BJ_USCC_TOO_SHORT, 3},
	/* an embedded NUL is a character too (and not trimmed) */
	{"91520500MA6DJXXXXA\0", 19, BJ_USCC_TOO_LONG, 19},
	{"\0", 1, BJ_USCC_TOO_SHORT, 1},
};
#define N_LENGTH (int) (sizeof(length_cases) / sizeof(length_cases[0]))

/* Lengths 0, 17, 19 and friends, counted in characters after trimming. */
START_TEST(length_problem)
{
	bj_uscc_error err;

	ck_assert_int_eq(parse_n(length_cases[_i].in, length_cases[_i].len,
							 NULL, &err), length_cases[_i].status);
	ck_assert_int_eq(err.status, length_cases[_i].status);
	ck_assert_int_eq(err.nchars, length_cases[_i].nchars);
	ck_assert_int_eq(err.pos, 0);
}
END_TEST

/* A NULL pointer with length 0 is simply empty. */
START_TEST(null_input)
{
	bj_uscc_error err;

	ck_assert_int_eq(bj_uscc_parse(NULL, 0, NULL, &err), BJ_USCC_EMPTY);
	ck_assert_int_eq(bj_uscc_validate(NULL, 0, &err), BJ_USCC_EMPTY);
}
END_TEST

/* --- odd bytes -------------------------------------------------------- */

/* 18 characters containing an odd byte → BAD_CHAR with a \xNN name. */
static const struct
{
	const char *in;
	size_t		len;
	int			pos;
	const char *found;
}			odd_bytes[] = {
	{"91520500M\0" "6DJXXXXA", 18, 10, "\\x00"},
	{"\0" "1520500MA6DJXXXXA", 18, 1, "\\x00"},
	{"91520500MA6DJXXXX\0", 18, 18, "\\x00"},
	{"9152\xff" "500MA6DJXXXXA", 18, 5, "\\xff"},
	{"91520500MA6DJXXXX\x80", 18, 18, "\\x80"},
	{"91520500MA6DJXXX\xE4\xB8", 18, 17, "\\xe4"},
	{"9\x7f" "520500MA6DJXXXXA", 18, 2, "\\x7f"},
	{"91520500MA6\x01JXXXXA", 18, 12, "\\x01"},
	/* overlong and surrogate encodings are invalid bytes, one by one */
	{"91520500MA6DJXX\xC0\xAF" "A", 18, 16, "\\xc0"},
	{"91520500MA6D\xED\xA0\x80" "XXA", 18, 13, "\\xed"},
	/* valid multi-byte characters are reported whole */
	{"91520500MA6DJXXX\xF0\x9F\x98\x80" "A", 21, 17, "\xF0\x9F\x98\x80"},
	{"91\xC3\xA9" "520500MA6DJXXXX", 19, 3, "\xC3\xA9"},
	{"91520500MA6DJXXX\xEF\xBC\xA1" "A", 20, 17, "\xEF\xBC\xA1"},	/* Ａ */
	{"91\xEF\xBC\x95" "20500MA6DJXXXXA", 20, 3, "\xEF\xBC\x95"},	/* ５ */
	/* an inner tab is not trimmed */
	{"91520500MA6DJXXX\tA", 18, 17, "\\x09"},
};
#define N_ODD (int) (sizeof(odd_bytes) / sizeof(odd_bytes[0]))

/* Embedded NUL, invalid UTF-8, control characters: never read past len. */
START_TEST(odd_byte)
{
	bj_uscc_error err;

	ck_assert_int_eq(parse_n(odd_bytes[_i].in, odd_bytes[_i].len, NULL, &err),
					 BJ_USCC_BAD_CHAR);
	ck_assert_int_eq(err.pos, odd_bytes[_i].pos);
	ck_assert_str_eq(err.found, odd_bytes[_i].found);
}
END_TEST

/* --- order of problems --------------------------------------------------- */

/* The first problem from the left wins; BAD_CHECK comes last. */
START_TEST(first_problem_wins)
{
	bj_uscc_error err;

	/* BAD_CHAR at 2 before REGION_NOT_DIGIT at 3 */
	ck_assert_int_eq(parse_n("9IA20500MA6DJXXXXA", 18, NULL, &err),
					 BJ_USCC_BAD_CHAR);
	ck_assert_int_eq(err.pos, 2);
	/* REGION_NOT_DIGIT at 4 before BAD_CHAR at 10 */
	ck_assert_int_eq(parse_n("915A0500MI6DJXXXXA", 18, NULL, &err),
					 BJ_USCC_REGION_NOT_DIGIT);
	ck_assert_int_eq(err.pos, 4);
	ck_assert_str_eq(err.found, "A");
	/* a bad character in position 18 is BAD_CHAR, not BAD_CHECK */
	ck_assert_int_eq(parse_n("91520500MA6DJXXXXI", 18, NULL, &err),
					 BJ_USCC_BAD_CHAR);
	ck_assert_int_eq(err.pos, 18);
	/* region problem (pos 6) before a bad character at 18 */
	ck_assert_int_eq(parse_n("91520A00MA6DJXXXXZ", 18, NULL, &err),
					 BJ_USCC_REGION_NOT_DIGIT);
	ck_assert_int_eq(err.pos, 6);
	/* ... and before a wrong check character */
	ck_assert_int_eq(parse_n("91520A00MA6DJXXXX0", 18, NULL, &err),
					 BJ_USCC_REGION_NOT_DIGIT);
	ck_assert_int_eq(err.pos, 6);
}
END_TEST

/* --- bj_uscc_validate: the strict, binary form ------------------------- */

/* Exactly 18 bytes, no trimming, no folding. */
static const struct
{
	const char *in;
	size_t		len;
	bj_uscc_status status;
	int			pos;
	int			nchars;
}			strict_cases[] = {
	{"91520500MA6DJXXXXA", 18, BJ_USCC_OK, 0, 0},
	{"91520500ma6djxxxxa", 18, BJ_USCC_BAD_CHAR, 9, 18},
	{"91520500MA6DJXXXXa", 18, BJ_USCC_BAD_CHAR, 18, 18},
	{"y1520000000000000P", 18, BJ_USCC_BAD_CHAR, 1, 18},
	{"91520500MA6DJXXXX", 17, BJ_USCC_TOO_SHORT, 0, 17},
	{"91520500MA6DJXXXXA ", 19, BJ_USCC_TOO_LONG, 0, 19},
	{" 91520500MA6DJXXXXA", 19, BJ_USCC_TOO_LONG, 0, 19},
	{" 1520500MA6DJXXXXA", 18, BJ_USCC_BAD_CHAR, 1, 18},
	{"91520500MA6DJXXXX ", 18, BJ_USCC_BAD_CHAR, 18, 18},
	{"", 0, BJ_USCC_EMPTY, 0, 0},
	{"中中中中中中", 18, BJ_USCC_BAD_CHAR, 1, 18},	/* bytes, not characters */
	{"91520500MA6DJXXXXB", 18, BJ_USCC_BAD_CHECK, 18, 18},
	{"91520500M\0" "6DJXXXXA", 18, BJ_USCC_BAD_CHAR, 10, 18},
};
#define N_STRICT (int) (sizeof(strict_cases) / sizeof(strict_cases[0]))

/* bj_uscc_validate accepts only the canonical 18 bytes. */
START_TEST(validate_strict)
{
	bj_uscc_error err;

	ck_assert_int_eq(validate_n(strict_cases[_i].in, strict_cases[_i].len,
								&err), strict_cases[_i].status);
	ck_assert_int_eq(err.pos, strict_cases[_i].pos);
	ck_assert_int_eq(err.nchars, strict_cases[_i].nchars);
}
END_TEST

/* Found names for the strict form are per byte. */
START_TEST(validate_found_bytes)
{
	bj_uscc_error err;

	ck_assert_int_eq(validate_n("\xE4\xB8\xAD" "520500MA6DJXXXXA", 19, &err),
					 BJ_USCC_TOO_LONG);
	ck_assert_int_eq(validate_n("\xE4\xB8\xAD" "20500MA6DJXXXXA", 18, &err),
					 BJ_USCC_BAD_CHAR);
	ck_assert_str_eq(err.found, "\\xe4");
	ck_assert_int_eq(validate_n("91520500ma6DJXXXXA", 18, &err),
					 BJ_USCC_BAD_CHAR);
	ck_assert_str_eq(err.found, "m");
}
END_TEST

/* The 统一社会信用代码 suite. */
Suite *
uscc_suite(void)
{
	Suite	   *s = suite_create("uscc (GB 32100-2015)");
	TCase	   *tc;

	tc = tcase_create("charset");
	tcase_add_test(tc, char_values);
	tcase_add_test(tc, check_char_invalid);
	suite_add_tcase(s, tc);

	tc = tcase_create("valid");
	tcase_add_loop_test(tc, valid_code, 0, N_VALID);
	tcase_add_loop_test(tc, parse_canonical, 0, N_PARSE_OK);
	tcase_add_test(tc, letters_outside_region);
	suite_add_tcase(s, tc);

	tc = tcase_create("bad characters");
	tcase_add_loop_test(tc, bad_char_each_position, 0, BJ_USCC_LEN * N_BAD);
	tcase_add_loop_test(tc, region_not_digit, 0, 6 * N_REGION);
	tcase_add_loop_test(tc, odd_byte, 0, N_ODD);
	tcase_add_test(tc, first_problem_wins);
	suite_add_tcase(s, tc);

	tc = tcase_create("check character");
	tcase_add_loop_test(tc, every_check_char, 0, N_VALID * 31);
	tcase_add_test(tc, bad_check_lower_case);
	suite_add_tcase(s, tc);

	tc = tcase_create("length");
	tcase_add_loop_test(tc, length_problem, 0, N_LENGTH);
	tcase_add_test(tc, null_input);
	suite_add_tcase(s, tc);

	tc = tcase_create("strict");
	tcase_add_loop_test(tc, validate_strict, 0, N_STRICT);
	tcase_add_test(tc, validate_found_bytes);
	suite_add_tcase(s, tc);

	return s;
}
