/*
 * test_personal.c — Check tests of src/core/personal.c: information-item
 * names that name personal data (第二十九条), the list of
 * data/personal_data_items.tsv matched after the similarity normaliser.
 *
 * Names are matched from exact-size heap copies so that valgrind catches
 * any read past len.
 */
#include <stdlib.h>
#include <string.h>

#include "personal.h"
#include "normalize.h"
#include "suites.h"

static bj_personal *P;

static void
setup(void)
{
	P = bj_personal_new();
	ck_assert_ptr_nonnull(P);
}

static void
teardown(void)
{
	bj_personal_free(P);
	P = NULL;
}

/* bj_personal_find on an exact-size heap copy of s. */
static int
find(const char *s)
{
	size_t		len = strlen(s);
	char	   *copy = malloc(len ? len : 1);
	int			r;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, s, len);
	r = bj_personal_find(P, copy, len);
	free(copy);
	return r;
}

/* The kind of the term found in s, or NULL. */
static const char *
kind_of(const char *s)
{
	int			r = find(s);

	return r >= 0 ? bj_personal_kind((size_t) r) : NULL;
}

/* Names that name personal data, with the kind of the first term found. */
static const char *const positive[][2] = {
	/* the bypass of issue 15 */
	{"公民身份号码", "身份证件号码"},
	{"家长手机号码", "未成年人"},		/* 家长 ends first; 手机号码 is there too */
	{"家庭住址", "住址"},
	/* the terms of the issue and their variants */
	{"身份证号", "身份证件号码"},
	{"身份证件号码", "身份证件号码"},
	{"居民身份证号码", "身份证件号码"},
	{"手机号码", "个人电话号码"},
	{"手机号", "个人电话号码"},
	{"联系电话", "个人电话号码"},
	{"移动电话", "个人电话号码"},
	{"住址", "住址"},
	{"居住地址", "住址"},
	{"现住址", "住址"},
	{"银行账号", "金融账户"},
	{"银行卡号", "金融账户"},
	{"开户银行账户", "金融账户"},
	{"病历", "医疗健康"},
	{"既往病史", "医疗健康"},
	{"出院诊断", "医疗健康"},
	{"护照号码", "身份证件号码"},
	{"社保卡号", "身份证件号码"},
	{"人脸照片", "生物识别"},
	{"指纹特征", "生物识别"},
	{"行踪轨迹", "行踪轨迹"},
	{"未成年人姓名", "未成年人"},
	/* spelled with spaces, full-width, zero-width, punctuation, case */
	{"身份证 号", "身份证件号码"},
	{"身 份 证 号", "身份证件号码"},
	{"身份证\xe3\x80\x80号", "身份证件号码"},			/* U+3000 */
	{"手\xe2\x80\x8b机号码", "个人电话号码"},		/* U+200B */
	{"手机\xc2\xad号码", "个人电话号码"},			/* U+00AD */
	{"家庭-住址", "住址"},
	{"家庭·住址", "住址"},
	{"（家庭住址）", "住址"},
	{"ＱＱ号", "个人电话号码"},					/* full-width Q */
	{"QQ号", "个人电话号码"},
	{"DNA序列", "生物识别"},
	{"ｄｎａ样本", "生物识别"},
	/* traditional spellings */
	{"身份證號碼", "身份证件号码"},
	{"銀行賬號", "金融账户"},
	{"病歷", "医疗健康"},
	/* inside a longer name; a phase marker in the name does not hide it */
	{"申请人手机号码(主)", "个人电话号码"},
	{"第一期身份证号", "身份证件号码"},
	/* the second red team's spellings (issue 15) */
	{"手机", "个人电话号码"},
	{"手 机", "个人电话号码"},
	{"手机银行", "个人电话号码"},
	{"身分證字號", "身份证件号码"},
	{"ID card no", "身份证件号码"},
	{"sfzh", "身份证件号码"},
	{"居所", "住址"},
	{"銀行帳號", "金融账户"},
	{"艾滋病感染情况", "医疗健康"},
	{"联系方式", "个人电话号码"},
	{"Mobile_Phone", "个人电话号码"},
};

/* Names that do not (institutions' data, aggregates, bare 姓名 and 地址). */
static const char *const negative[] = {
	"机构名称", "地址", "单位地址", "诊疗科目", "床位数", "姓名", "专家姓名",
	"户主姓名", "统一社会信用代码", "经纬度", "站点名称", "办理时限",
	"病例数", "病种", "报告日期", "PM2.5", "AQI", "身份", "号码",
	"住 宅", "", "证件类型", "银行名称", "办公电话", "住所",
};

START_TEST(positives)
{
	size_t		i;

	for (i = 0; i < sizeof(positive) / sizeof(positive[0]); i++)
	{
		const char *k = kind_of(positive[i][0]);

		ck_assert_msg(k != NULL, "“%s” should name personal data", positive[i][0]);
		ck_assert_msg(strcmp(k, positive[i][1]) == 0, "“%s”: kind %s, want %s",
					  positive[i][0], k, positive[i][1]);
	}
}
END_TEST

START_TEST(negatives)
{
	size_t		i;

	for (i = 0; i < sizeof(negative) / sizeof(negative[0]); i++)
	{
		int			r = find(negative[i]);

		ck_assert_msg(r == BJ_PERSONAL_NONE, "“%s” should not name personal data (found “%s”)",
					  negative[i], r >= 0 ? bj_personal_term((size_t) r) : "?");
	}
}
END_TEST

/* 家长手机号码 has two terms; the first found is the leftmost-ending one. */
START_TEST(longer_name)
{
	int			r = find("家长手机号码");

	ck_assert_int_ge(r, 0);
	ck_assert_str_eq(bj_personal_term((size_t) r), "家长");
	r = find("紧急联系人手机号码");
	ck_assert_int_ge(r, 0);
	ck_assert_str_eq(bj_personal_term((size_t) r), "手机");	/* leftmost-ending: 手机 before 手机号 */
}
END_TEST

/* Every term of the list is usable: it normalises to itself and names personal data. */
START_TEST(list_is_clean)
{
	size_t		n = bj_personal_count();
	size_t		i;

	ck_assert_uint_ge(n, 90);
	ck_assert_ptr_null(bj_personal_term(n));
	ck_assert_ptr_null(bj_personal_kind(n));
	for (i = 0; i < n; i++)
	{
		const char *t = bj_personal_term(i);
		char		out[256];
		size_t		len = 0;

		/*
		 * Written in normal form, but for traditional spellings kept for
		 * the record (身份證 normalises to 身份证, which is listed too).
		 */
		ck_assert_ptr_nonnull(bj_personal_kind(i));
		ck_assert_int_eq(bj_norm(t, strlen(t), out, sizeof(out) - 1, NULL, &len), BJ_NORM_OK);
		out[len] = '\0';
		ck_assert_msg(strcmp(out, t) == 0 || find(out) >= 0,
					  "term “%s” normalises to “%s”, which names nothing", t, out);
		ck_assert_msg(find(t) >= 0, "term “%s” is not found in itself", t);
	}
}
END_TEST

/* Long names go through the heap; invalid UTF-8 and misuse are refused. */
START_TEST(long_and_bad)
{
	char	   *big = malloc(4096);
	size_t		i;

	ck_assert_ptr_nonnull(big);
	for (i = 0; i + 3 <= 3000; i += 3)
		memcpy(big + i, "\xe5\xad\x97", 3);	/* 字 */
	memcpy(big + 3000, "\xe4\xbd\x8f\xe5\x9d\x80", 6);	/* 住址 */
	ck_assert_int_ge(bj_personal_find(P, big, 3006), 0);
	ck_assert_int_eq(bj_personal_find(P, big, 3000), BJ_PERSONAL_NONE);
	free(big);
	ck_assert_int_eq(find("\xff\xfe住址"), BJ_PERSONAL_EUTF8);
	ck_assert_int_eq(bj_personal_find(P, NULL, 0), BJ_PERSONAL_NONE);
	ck_assert_int_eq(bj_personal_find(P, NULL, 3), BJ_PERSONAL_EINVAL);
	ck_assert_int_eq(bj_personal_find(NULL, "住址", 6), BJ_PERSONAL_EINVAL);
	ck_assert_ptr_null(bj_personal_new_with(NULL, free));
	bj_personal_free(NULL);
}
END_TEST

/* An allocator that fails after a number of calls: nothing leaks, NULL back. */
static int alloc_budget;

static void *
budget_alloc(size_t n)
{
	if (alloc_budget-- <= 0)
		return NULL;
	return malloc(n);
}

START_TEST(out_of_memory)
{
	int			b;

	for (b = 0; b < 8; b++)
	{
		bj_personal *p;

		alloc_budget = b;
		p = bj_personal_new_with(budget_alloc, free);
		ck_assert_ptr_null(p);
	}
	alloc_budget = 1 << 20;
	{
		bj_personal *p = bj_personal_new_with(budget_alloc, free);

		ck_assert_ptr_nonnull(p);
		bj_personal_free(p);
	}
}
END_TEST

Suite *
personal_suite(void)
{
	Suite	   *s = suite_create("personal");
	TCase	   *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, positives);
	tcase_add_test(tc, negatives);
	tcase_add_test(tc, longer_name);
	tcase_add_test(tc, list_is_clean);
	tcase_add_test(tc, long_and_bad);
	tcase_add_test(tc, out_of_memory);
	suite_add_tcase(s, tc);
	return s;
}
