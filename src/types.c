/*
 * types.c — PostgreSQL glue for the bjxm.uscc and bjxm.clause base types.
 *
 * Parsing and checking live in the backend-free core (src/core/uscc.c,
 * src/core/clause.c); this file only converts between Datums and the core,
 * and turns the core's error descriptions into 22P02 reports.
 */
#include "postgres.h"

#include "access/hash.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "nodes/nodes.h"
#include "utils/builtins.h"

#include "clause.h"
#include "types.h"
#include "uscc.h"

/* PostgreSQL 16+ reports bad input softly (errsave); 15 raises. */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define BJXM_ESCONTEXT(fcinfo) ((fcinfo)->context)
#define bjxm_errsave(ctx, ...) errsave(ctx, __VA_ARGS__)
#define BJXM_SOFT_ERROR_OCCURRED(ctx) SOFT_ERROR_OCCURRED(ctx)
#else
#define BJXM_ESCONTEXT(fcinfo) ((Node *) NULL)
#define bjxm_errsave(ctx, ...) ereport(ERROR, __VA_ARGS__)
#define BJXM_SOFT_ERROR_OCCURRED(ctx) false
#endif

/* Longest piece of bad input quoted back in a message, in bytes. */
#define BJXM_QUOTE_MAX 48

/* The input, clipped on a character boundary, for quoting in a message. */
static char *
quote_input(const char *in)
{
	int			len = strlen(in);
	int			clip;

	if (len <= BJXM_QUOTE_MAX)
		return pstrdup(in);
	clip = pg_mbcliplen(in, len, BJXM_QUOTE_MAX);
	return psprintf("%.*s…", clip, in);
}

/* For a letter often typed for a digit (O for 0 …), that digit; else 0. */
static char
uscc_lookalike_digit(const char *found)
{
	static const char letters[] = "OoIiZzSs";
	static const char digits[] = "00112255";
	const char *p;

	if (found[0] == '\0' || found[1] != '\0' || (p = strchr(letters, found[0])) == NULL)
		return 0;
	return digits[p - letters];
}

/*
 * Report a core USCC error as 22P02 (softly where the server can).  shown
 * is the input as typed, or NULL for binary input (not quoted back: the
 * bytes need not be text).
 */
static void
uscc_report(const bj_uscc_error *e, const char *shown, Node *escontext)
{
	const char *what = shown ? psprintf("统一社会信用代码“%s”", shown)
		: "统一社会信用代码(二进制输入)";
	char		digit;

	switch (e->status)
	{
		case BJ_USCC_EMPTY:
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("统一社会信用代码不能为空 (empty USCC)"),
						  errhint("统一社会信用代码为18位, 见 GB 32100-2015。")));
			break;
		case BJ_USCC_TOO_SHORT:
		case BJ_USCC_TOO_LONG:
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("%s长度为%d位, 应为18位 (USCC must have 18 characters, found %d)",
								 what, e->nchars, e->nchars),
						  errhint("统一社会信用代码为18位, 见 GB 32100-2015。")));
			break;
		case BJ_USCC_BAD_CHAR:
			digit = uscc_lookalike_digit(e->found);
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("%s第%d位字符“%s”无效 (invalid character at position %d)",
								 what, e->pos, e->found, e->pos),
						  errdetail("代码字符只能是数字 0-9 和大写字母 A-Z 中除 I、O、Z、S、V 以外的字母。"),
						  digit ? errhint("第%d位的“%s”是否应为数字“%c”?", e->pos, e->found, digit) : 0));
			break;
		case BJ_USCC_REGION_NOT_DIGIT:
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("%s第%d位“%s”应为数字 (position %d must be a digit)",
								 what, e->pos, e->found, e->pos),
						  errdetail("第3至8位是登记管理机关行政区划码 (GB/T 2260), 只能是数字。")));
			break;
		case BJ_USCC_BAD_CHECK:
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("%s校验码错误: 第18位为“%s”, 应为“%c” (check character is %s, expected %c)",
								 what, e->found, e->expected, e->found, e->expected),
						  errdetail("校验码按 GB 32100-2015 由前17位加权计算。"),
						  errhint("核对前17位是否抄错。")));
			break;
		case BJ_USCC_OK:
			elog(ERROR, "bjxm: uscc_report called without an error");
	}
}

PG_FUNCTION_INFO_V1(bjxm_uscc_in);
/* uscc text input: trimmed, case-folded, fully checked. */
Datum
bjxm_uscc_in(PG_FUNCTION_ARGS)
{
	char	   *in = PG_GETARG_CSTRING(0);
	BjxmUscc   *result = palloc(sizeof(BjxmUscc));
	bj_uscc_error err;

	if (bj_uscc_parse(in, strlen(in), result->code, &err) != BJ_USCC_OK)
	{
		uscc_report(&err, quote_input(in), BJXM_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(result);
}

/* The canonical 18 characters of a USCC typed as text; 22P02 as uscc_in otherwise. */
char *
bjxm_uscc_canonical(const char *in)
{
	char		code[BJ_USCC_LEN + 1];
	bj_uscc_error err;

	if (bj_uscc_parse(in, strlen(in), code, &err) != BJ_USCC_OK)
		uscc_report(&err, quote_input(in), NULL);
	code[BJ_USCC_LEN] = '\0';
	return pstrdup(code);
}

/* bjxm_uscc_canonical as a PGFunction (cstring → cstring), for DirectFunctionCall. */
Datum
bjxm_uscc_canonical_datum(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(bjxm_uscc_canonical(PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(bjxm_uscc_out);
/* uscc text output: the 18 canonical characters. */
Datum
bjxm_uscc_out(PG_FUNCTION_ARGS)
{
	BjxmUscc   *u = PG_GETARG_USCC_P(0);

	PG_RETURN_CSTRING(pnstrdup(u->code, BJ_USCC_LEN));
}

PG_FUNCTION_INFO_V1(bjxm_uscc_recv);
/* uscc binary input: exactly the 18 canonical bytes, checked like text. */
Datum
bjxm_uscc_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, nbytes);
	BjxmUscc   *result;
	bj_uscc_error err;

	if (bj_uscc_validate(bytes, nbytes, &err) != BJ_USCC_OK)
	{
		/* Raw bytes are not quoted back: they need not be valid text. */
		uscc_report(&err, NULL, NULL);
		PG_RETURN_NULL();
	}
	result = palloc(sizeof(BjxmUscc));
	memcpy(result->code, bytes, BJ_USCC_LEN);
	PG_RETURN_POINTER(result);
}

PG_FUNCTION_INFO_V1(bjxm_uscc_send);
/* uscc binary output: the 18 canonical bytes. */
Datum
bjxm_uscc_send(PG_FUNCTION_ARGS)
{
	BjxmUscc   *u = PG_GETARG_USCC_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, u->code, BJ_USCC_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Three-way comparison of two codes in character order. */
static inline int
uscc_cmp_internal(const BjxmUscc *a, const BjxmUscc *b)
{
	return memcmp(a->code, b->code, BJ_USCC_LEN);
}

PG_FUNCTION_INFO_V1(bjxm_uscc_cmp);
/* btree support: -1, 0 or 1. */
Datum
bjxm_uscc_cmp(PG_FUNCTION_ARGS)
{
	int			c = uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1));

	PG_RETURN_INT32(c < 0 ? -1 : (c > 0 ? 1 : 0));
}

#define USCC_CMP_FN(fname, op) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) op 0); \
}

/* Operators = <> < <= > >= for uscc. */
USCC_CMP_FN(bjxm_uscc_eq, ==)
USCC_CMP_FN(bjxm_uscc_ne, !=)
USCC_CMP_FN(bjxm_uscc_lt, <)
USCC_CMP_FN(bjxm_uscc_le, <=)
USCC_CMP_FN(bjxm_uscc_gt, >)
USCC_CMP_FN(bjxm_uscc_ge, >=)

PG_FUNCTION_INFO_V1(bjxm_uscc_hash);
/* hash support: hash of the 18 bytes. */
Datum
bjxm_uscc_hash(PG_FUNCTION_ARGS)
{
	BjxmUscc   *u = PG_GETARG_USCC_P(0);

	return hash_any((const unsigned char *) u->code, BJ_USCC_LEN);
}

PG_FUNCTION_INFO_V1(bjxm_uscc_hash_extended);
/* hash support with a seed (hash partitioning). */
Datum
bjxm_uscc_hash_extended(PG_FUNCTION_ARGS)
{
	BjxmUscc   *u = PG_GETARG_USCC_P(0);

	return hash_any_extended((const unsigned char *) u->code, BJ_USCC_LEN,
							 PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(bjxm_uscc_region);
/* The 6-digit region code (positions 3–8) of a USCC. */
Datum
bjxm_uscc_region(PG_FUNCTION_ARGS)
{
	BjxmUscc   *u = PG_GETARG_USCC_P(0);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(u->code + 2, 6));
}

/* ------------------------------------------------------------------ */
/* bjxm.clause                                                          */
/* ------------------------------------------------------------------ */

/* "第三十一条" for 1–99, else "第%d条", for messages. */
static char *
article_name(int article)
{
	char		num[32];

	if (bj_cn_numeral_format(article, num, sizeof(num)) == 0)
		return psprintf("第%d条", article);
	return psprintf("第%s条", num);
}

/* "第(十)项" for 1–99, else "第(%d)项", for messages. */
static char *
item_name(int item)
{
	char		num[32];

	if (bj_cn_numeral_format(item, num, sizeof(num)) == 0)
		return psprintf("第(%d)项", item);
	return psprintf("第(%s)项", num);
}

/* Report a core clause error as 22P02 (softly where the server can). */
static void
clause_report(const bj_clause_error *e, const char *shown, Node *escontext)
{
	const char *q = shown ? shown : "";

	switch (e->status)
	{
		case BJ_CLAUSE_EMPTY:
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("条款引用不能为空 (empty clause)"),
						  errhint("写作“第十一条”、“第十一条第(二)项”、“11”或“11.2”。")));
			break;
		case BJ_CLAUSE_SYNTAX:
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("条款引用“%s”第%d个字符处无法识别 (clause syntax error at character %d)",
								 q, e->pos, e->pos),
						  errhint("写作“第十一条”、“第十一条第(二)项”、“第三十一条(五)”、“11”、“11.2”或“31(5)”。")));
			break;
		case BJ_CLAUSE_NO_ARTICLE:
			bjxm_errsave(escontext,
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						  errmsg("条款引用“%s”: 本办法没有%s (no article %d)", q, article_name(e->article), e->article),
						  errdetail("本办法共三十六条。")));
			break;
		case BJ_CLAUSE_NO_ITEM:
			if (e->max_item == 0)
				bjxm_errsave(escontext,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("条款引用“%s”: %s不分项 (article %d has no items)",
									 q, article_name(e->article), e->article),
							  errhint("引用整条时不写项号。")));
			else
				bjxm_errsave(escontext,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("条款引用“%s”: %s只有%d项, 没有%s (article %d has %d items)",
									 q, article_name(e->article), e->max_item, item_name(e->item),
									 e->article, e->max_item)));
			break;
		case BJ_CLAUSE_OK:
			elog(ERROR, "bjxm: clause_report called without an error");
	}
}

PG_FUNCTION_INFO_V1(bjxm_clause_in);
/* clause text input: Chinese or digit forms, checked against the text. */
Datum
bjxm_clause_in(PG_FUNCTION_ARGS)
{
	char	   *in = PG_GETARG_CSTRING(0);
	bj_clause	c;
	bj_clause_error err;

	if (bj_clause_parse(in, strlen(in), &c, &err) != BJ_CLAUSE_OK)
	{
		clause_report(&err, quote_input(in), BJXM_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_INT32(BjxmClausePack(c.article, c.item));
}

PG_FUNCTION_INFO_V1(bjxm_clause_out);
/* clause text output: the canonical 第十一条第(二)项 form. */
Datum
bjxm_clause_out(PG_FUNCTION_ARGS)
{
	int32		v = PG_GETARG_INT32(0);
	char		buf[BJ_CLAUSE_BUFSZ];
	bj_clause	c = {BjxmClauseArticle(v), BjxmClauseItem(v)};

	if (bj_clause_format(c, buf, sizeof(buf)) == 0)
		elog(ERROR, "bjxm: corrupt clause value %d", v);
	PG_RETURN_CSTRING(pstrdup(buf));
}

/* Check (article, item) from a constructor or binary input. */
static void
clause_check_parts(int article, int item, int sqlerrcode)
{
	bj_clause	c = {article, item};

	if (bj_clause_valid(c))
		return;
	if (article < 1 || article > BJ_ARTICLES)
		ereport(ERROR,
				(errcode(sqlerrcode),
				 errmsg("本办法没有%s (no article %d)", article_name(article), article),
				 errdetail("本办法共三十六条。")));
	ereport(ERROR,
			(errcode(sqlerrcode),
			 errmsg("%s没有%s (article %d has %d items)",
					article_name(article), item_name(item), article, bj_clause_item_count(article)),
			 errdetail("%s共%d项; 项号0表示整条。", article_name(article), bj_clause_item_count(article))));
}

PG_FUNCTION_INFO_V1(bjxm_clause_recv);
/* clause binary input: int2 article, int2 item, checked like text. */
Datum
bjxm_clause_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			article = (int16) pq_getmsgint(buf, 2);
	int			item = (int16) pq_getmsgint(buf, 2);

	clause_check_parts(article, item, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_INT32(BjxmClausePack(article, item));
}

PG_FUNCTION_INFO_V1(bjxm_clause_send);
/* clause binary output: int2 article, int2 item. */
Datum
bjxm_clause_send(PG_FUNCTION_ARGS)
{
	int32		v = PG_GETARG_INT32(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, (int16) BjxmClauseArticle(v));
	pq_sendint16(&buf, (int16) BjxmClauseItem(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(bjxm_clause_make);
/* bjxm.clause(article, item): build a clause from numbers (22023 if none). */
Datum
bjxm_clause_make(PG_FUNCTION_ARGS)
{
	int32		article = PG_GETARG_INT32(0);
	int32		item = PG_GETARG_INT32(1);

	clause_check_parts(article, item, ERRCODE_INVALID_PARAMETER_VALUE);
	PG_RETURN_INT32(BjxmClausePack(article, item));
}

PG_FUNCTION_INFO_V1(bjxm_clause_article);
/* bjxm.article(clause): the article number 1–36. */
Datum
bjxm_clause_article(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(BjxmClauseArticle(PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(bjxm_clause_item);
/* bjxm.item(clause): the item number, 0 for the whole article. */
Datum
bjxm_clause_item(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(BjxmClauseItem(PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(bjxm_item_count);
/* bjxm.item_count(article): items the article has per the text (NULL if no such article). */
Datum
bjxm_item_count(PG_FUNCTION_ARGS)
{
	int32		article = PG_GETARG_INT32(0);

	if (article < 1 || article > BJ_ARTICLES)
		PG_RETURN_NULL();
	PG_RETURN_INT32(bj_clause_item_count(article));
}
