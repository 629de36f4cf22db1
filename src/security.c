/*
 * security.c — 第六章 安全管理, 第二十六条–第二十九条.
 *
 *   第二十七条 components a project uses, and whether each is domestic
 *              (encouraged, not required: bjxm.domestic_components)
 *   第二十八条 the yearly 信息安全检测, 密码安全性评估 and 风险评估 the
 *              three-party contract promises, reported to bigdata, public
 *              security and the cryptography administration
 *   第二十九条 sensitive data: never offered for unconditional sharing
 *
 * 第二十六条 assigns responsibilities among authorities bjxm does not
 * model (docs/traceability.md).  bjxm.inspect reports 第三十一条(六) from
 * the assessments (bjxm_inspect_security).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "action.h"
#include "security.h"
#include "spi.h"

static const char *const component_kinds[] = {"terminal", "server", "os", "database", "middleware", "network", "security", "other"};
static const char *const assessment_kinds[] = {"security_test", "crypto_assessment", "risk_assessment"};
static const char *const recipients[] = {"bigdata", "public_security", "crypto_admin"};

/* record_component: a kind, a product, whether domestic (第二十七条). */
void
bjxm_record_component_rules(BjxmCtx *ctx)
{
	const char *kind = bjxm_arg_text(ctx, "kind");
	const BjxmArg *product = bjxm_arg(ctx, "product");

	if (kind != NULL && !bjxm_one_of(kind, component_kinds, lengthof(component_kinds)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "组件类别“%s”无效: terminal 终端, server 服务器, os 操作系统, database 数据库, middleware 中间件, network 网络设备, security 安全产品, other (unknown kind)", kind);
	if (product->present && bjxm_blank(product->text))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "须写明产品 (product is required)");
}

/* Record the component. */
void
bjxm_record_component_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {INT8OID, TEXTOID, TEXTOID, BOOLOID};
	Datum		values[4];
	const char *kind = bjxm_arg_text(ctx, "kind");
	const char *product = bjxm_arg_text(ctx, "product");
	bool		domestic = bjxm_arg_bool(ctx, "domestic");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(kind);
	values[2] = CStringGetTextDatum(product);
	values[3] = BoolGetDatum(domestic);
	bjxm_exec(&plan, "INSERT INTO bjxm.components (project_id, kind, product, domestic, recorded_by) "
			  "VALUES ($1, $2, pg_catalog.btrim($3), $4, bjxm.acting_role())", 4, types, values, NULL);
	bjxm_done(ctx, psprintf("%s: %s (%s)", kind, product, domestic ? "国产" : "非国产"));
}

/* record_security_assessment: year, kind, outcome, recipients (第二十八条). */
void
bjxm_record_security_assessment_rules(BjxmCtx *ctx)
{
	const char *kind = bjxm_arg_text(ctx, "kind");
	const BjxmArg *year = bjxm_arg(ctx, "year");
	JsonbValue *to = bjxm_json_get(ctx->args, "reported_to");
	bool		seen[lengthof(recipients)] = {false, false, false};
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	StringInfoData missing;
	int			n = 0;

	if (year->present && (year->i < 2000 || year->i > 2100))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "年度 %d 无效 (year out of range)", year->i);
	if (kind != NULL && !bjxm_one_of(kind, assessment_kinds, lengthof(assessment_kinds)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "评估类别“%s”无效: security_test 信息安全检测 | crypto_assessment 密码安全性评估 | risk_assessment 风险评估", kind);
	if (to == NULL || to->type != jbvBinary || !JsonContainerIsArray(to->val.binary.data))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "reported_to 须为数组 (reported_to must be an array)");
		return;
	}
	it = JsonbIteratorInit(to->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *r;
		bool		known = false;

		if (tok != WJB_ELEM)
			continue;
		if (v.type != jbvString)
		{
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "reported_to 的元素须为文本 (elements must be text)");
			return;
		}
		r = pnstrdup(v.val.string.val, v.val.string.len);
		for (size_t i = 0; i < lengthof(recipients); i++)
			if (strcmp(r, recipients[i]) == 0)
				known = seen[i] = true;
		if (!known)
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
						   "报送对象“%s”无效: bigdata 大数据部门 | public_security 公安部门 | crypto_admin 密码管理部门", r);
	}
	initStringInfo(&missing);
	for (size_t i = 0; i < lengthof(recipients); i++)
		if (!seen[i])
			appendStringInfo(&missing, "%s%s", n++ ? "、" : "", recipients[i]);
	/* 第二十八条: results go to all three; a missing one is recorded, and warned. */
	if (n > 0)
		bjxm_violation(ctx, true, ERRCODE_BJ028, BJ_ART_SERVICE_SECURITY, 0, psprintf("未报送: %s", missing.data),
					   "将结果报送大数据部门、公安部门及密码管理部门。",
					   "评估结果未报送全部三个部门 (results not reported to every authority)");
}

/* Record the assessment. */
void
bjxm_record_security_assessment_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, JSONBOID};
	Datum		values[2];

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = JsonbPGetDatum(ctx->args);
	bjxm_exec(&plan,
			  "INSERT INTO bjxm.security_assessments (project_id, year, kind, passed, reported_to, performed_by, "
			  "  assessed_on, recorded_by) "
			  "SELECT $1, (a OPERATOR(pg_catalog.->>) 'year')::pg_catalog.int4, a OPERATOR(pg_catalog.->>) 'kind', "
			  "  (a OPERATOR(pg_catalog.->>) 'passed')::pg_catalog.bool, "
			  "  ARRAY(SELECT pg_catalog.jsonb_array_elements_text(a OPERATOR(pg_catalog.->) 'reported_to')), "
			  "  a OPERATOR(pg_catalog.->>) 'performed_by', bjxm.today(), bjxm.acting_role() "
			  "FROM (SELECT $2::pg_catalog.jsonb AS a) s", 2, types, values, NULL);
	bjxm_done(ctx, psprintf("%s %d: %s", bjxm_arg_text(ctx, "kind"), bjxm_arg_int(ctx, "year"),
							ctx->passed ? "通过" : "未通过"));
}

/* 第二十九条: sensitive data is not shared unconditionally. */
void
bjxm_rule_sensitive_sharing(BjxmCtx *ctx, bool sensitive, const char *share_type)
{
	if (sensitive && share_type != NULL && strcmp(share_type, "unconditional") == 0)
		bjxm_violation(ctx, false, ERRCODE_BJ029, BJ_ART_DATA_SECURITY, 0,
					   "资源标记为涉及商业秘密、个人隐私等敏感数据, 共享类型为无条件共享。",
					   "敏感数据改为有条件共享并写明条件, 或脱敏后作为非敏感数据编目。",
					   "涉及商业秘密、个人隐私的敏感数据不得无条件共享 (sensitive data offered for unconditional sharing)");
}

/* 第三十一条(六): yearly assessments overdue (bjxm.security_assessment_due). */
void
bjxm_inspect_security(BjxmCtx *ctx)
{
	static SPIPlanPtr overdue = NULL;
	char	   *list = bjxm_project_list(ctx, &overdue,
										 "SELECT pg_catalog.string_agg(s.kind || ' 应于 ' || pg_catalog.to_char(s.due_on, 'YYYY-MM-DD'), '; ' ORDER BY s.kind) "
										 "FROM bjxm.security_assessment_due s "
										 "WHERE s.project_id OPERATOR(pg_catalog.=) $1 AND s.overdue "
										 "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0");

	if (list != NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ031, BJ_ART_RECTIFICATION, 6,
					   psprintf("逾期的年度评估: %s。", list),
					   "开展信息安全检测、密码安全性评估与风险评估, 以 bjxm.record_security_assessment 记录。",
					   "未按要求做好项目安全保障: 年度安全评估逾期 (security assessments overdue)");
}
