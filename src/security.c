/*
 * security.c — 第六章 安全管理: components (第二十七条, domestic products
 * encouraged) and the yearly assessments the three-party contract promises
 * (第二十八条: 信息安全检测, 密码安全性评估, 风险评估, reported to bigdata,
 * public security and the cryptography administration); and the checks
 * that use them: bjxm.inspect 第三十一条(五)(六), and the 第三十三条
 * scorecard warning on procurement.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "bjxm.h"
#include "engine.h"
#include "errors.h"

static const char *const component_kinds[] = {"terminal", "server", "os", "database", "middleware", "network", "security", "other"};
static const char *const assessment_kinds[] = {"security_test", "crypto_assessment", "risk_assessment"};
static const char *const recipients[] = {"bigdata", "public_security", "crypto_admin"};


/* record_component: a kind, a product, whether domestic (第二十七条). */
static void
component_rules(BjxmCtx *ctx)
{
	const char *kind = bjxm_arg_text(ctx, "kind", true);
	const char *product = bjxm_arg_text(ctx, "product", true);
	bool		present;

	bjxm_arg_bool(ctx, "domestic", true, &present);
	if (kind != NULL && !bjxm_one_of(kind, component_kinds, lengthof(component_kinds)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "组件类别“%s”无效: terminal 终端, server 服务器, os 操作系统, database 数据库, middleware 中间件, network 网络设备, security 安全产品, other (unknown kind)", kind);
	if (product != NULL && product[strspn(product, " \t\r\n")] == '\0')
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "须写明产品 (product is required)");
}

/* Record the component. */
static void
component_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {INT8OID, TEXTOID, TEXTOID, BOOLOID};
	Datum		values[4];
	bool		present;
	bool		domestic = bjxm_arg_bool(ctx, "domestic", true, &present);

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(bjxm_arg_text(ctx, "kind", true));
	values[2] = CStringGetTextDatum(bjxm_arg_text(ctx, "product", true));
	values[3] = BoolGetDatum(domestic);
	bjxm_exec(&plan, "INSERT INTO bjxm.components (project_id, kind, product, domestic, recorded_by) "
			  "VALUES ($1, $2, pg_catalog.btrim($3), $4, bjxm.acting_role())", 4, types, values, NULL, false);
	bjxm_move(ctx, ctx->state, psprintf("%s: %s (%s)", bjxm_arg_text(ctx, "kind", true),
										bjxm_arg_text(ctx, "product", true), domestic ? "国产" : "非国产"));
}

/* record_security_assessment: year, kind, outcome, recipients (第二十八条). */
static void
assessment_rules(BjxmCtx *ctx)
{
	const char *kind = bjxm_arg_text(ctx, "kind", true);
	bool		present;
	int32		year = bjxm_arg_int(ctx, "year", true, &present);
	JsonbValue *to = bjxm_json_get(ctx->args, "reported_to");
	bool		seen[lengthof(recipients)] = {false, false, false};

	bjxm_arg_bool(ctx, "passed", true, &present);
	if (present && (year < 2000 || year > 2100))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "年度 %d 无效 (year out of range)", year);
	if (kind != NULL && !bjxm_one_of(kind, assessment_kinds, lengthof(assessment_kinds)))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "评估类别“%s”无效: security_test 信息安全检测 | crypto_assessment 密码安全性评估 | risk_assessment 风险评估", kind);
	if (to == NULL || to->type != jbvBinary || !JsonContainerIsArray(to->val.binary.data))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "reported_to 须为数组 (reported_to must be an array)");
		return;
	}
	{
		JsonbIterator *it = JsonbIteratorInit(to->val.binary.data);
		JsonbValue	v;
		JsonbIteratorToken tok;
		StringInfoData missing;
		int			n = 0;

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
			bjxm_violation(ctx, true, ERRCODE_BJ028, 28, 0, psprintf("未报送: %s", missing.data),
						   "将结果报送大数据部门、公安部门及密码管理部门。",
						   "评估结果未报送全部三个部门 (results not reported to every authority)");
	}
}

/* Record the assessment. */
static void
assessment_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, JSONBOID};
	Datum		values[2];
	bool		present;
	bool		passed = bjxm_arg_bool(ctx, "passed", true, &present);

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = JsonbPGetDatum(ctx->args);
	bjxm_exec(&plan,
			  "INSERT INTO bjxm.security_assessments (project_id, year, kind, passed, reported_to, performed_by, "
			  "  assessed_on, recorded_by) "
			  "SELECT $1, (a OPERATOR(pg_catalog.->>) 'year')::pg_catalog.int4, a OPERATOR(pg_catalog.->>) 'kind', "
			  "  (a OPERATOR(pg_catalog.->>) 'passed')::pg_catalog.bool, "
			  "  ARRAY(SELECT pg_catalog.jsonb_array_elements_text(a OPERATOR(pg_catalog.->) 'reported_to')), "
			  "  a OPERATOR(pg_catalog.->>) 'performed_by', bjxm.today(), bjxm.acting_role() "
			  "FROM (SELECT $2::pg_catalog.jsonb AS a) s", 2, types, values, NULL, false);
	bjxm_move(ctx, ctx->state, psprintf("%s %d: %s", bjxm_arg_text(ctx, "kind", true),
										bjxm_arg_int(ctx, "year", true, &present), passed ? "通过" : "未通过"));
}

static const BjxmActionDef security_actions[] = {
	{BJ_A_RECORD_COMPONENT, NULL, component_rules, component_apply},
	{BJ_A_RECORD_SECURITY_ASSESSMENT, NULL, assessment_rules, assessment_apply},
};

/* The handler of a 第六章 action, or NULL. */
const BjxmActionDef *
bjxm_security_action(bj_action act)
{
	for (size_t i = 0; i < lengthof(security_actions); i++)
		if (security_actions[i].act == act)
			return &security_actions[i];
	return NULL;
}

/*
 * 第三十一条(五): shareable data not listed; (六): yearly assessments
 * overdue.  For bjxm.inspect; caller is connected to SPI.
 */
void
bjxm_inspect_data_security(BjxmCtx *ctx)
{
	static SPIPlanPtr unlisted = NULL;
	static SPIPlanPtr overdue = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	uint64		n;

	values[0] = Int64GetDatum(ctx->project_id);
	n = bjxm_exec(&unlisted,
				  "SELECT pg_catalog.string_agg(d.name, '、' ORDER BY d.resource_id) FROM bjxm.data_resources d "
				  "WHERE d.project_id OPERATOR(pg_catalog.=) $1 AND d.listed_at IS NULL "
				  "  AND (d.share_type OPERATOR(pg_catalog.<>) 'none' OR d.open_type OPERATOR(pg_catalog.<>) 'none') "
				  "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0", 1, types, values, NULL, true);
	if (n == 1)
		bjxm_violation(ctx, false, ERRCODE_BJ031, 31, 5,
					   psprintf("可共享或开放而未上架的数据资源: %s。", SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1)),
					   "审核审定后以 bjxm.list_data_resource 上架。",
					   "满足政府数据共享开放条件, 但未履行数据共享开放义务 (shareable data not listed)");
	n = bjxm_exec(&overdue,
				  "SELECT pg_catalog.string_agg(s.kind || ' 应于 ' || pg_catalog.to_char(s.due_on, 'YYYY-MM-DD'), '; ' ORDER BY s.kind) "
				  "FROM bjxm.security_assessment_due s "
				  "WHERE s.project_id OPERATOR(pg_catalog.=) $1 AND s.overdue "
				  "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0", 1, types, values, NULL, true);
	if (n == 1)
		bjxm_violation(ctx, false, ERRCODE_BJ031, 31, 6,
					   psprintf("逾期的年度评估: %s。", SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1)),
					   "开展信息安全检测、密码安全性评估与风险评估, 以 bjxm.record_security_assessment 记录。",
					   "未按要求做好项目安全保障: 年度安全评估逾期 (security assessments overdue)");
}

/*
 * 第三十三条: the vendor's comprehensive-evaluation average below the
 * setting warns, never refuses (procurement law forbids discrimination).
 */
void
bjxm_rule_vendor_score(BjxmCtx *ctx, const char *vendor)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bool		isnull;
	Numeric		avg;
	Numeric		floor_;

	if (vendor == NULL)
		return;
	values[0] = CStringGetTextDatum(vendor);
	if (bjxm_exec(&plan,
				  "SELECT pg_catalog.avg(e.vendor_score), pg_catalog.count(*) FROM bjxm.evaluations e "
				  "JOIN bjxm.projects p ON p.project_id OPERATOR(pg_catalog.=) e.project_id "
				  "JOIN bjxm.parties v ON v.party_id OPERATOR(pg_catalog.=) p.vendor_party_id "
				  "WHERE v.code OPERATOR(pg_catalog.=) $1 HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0",
				  1, types, values, NULL, true) != 1)
		return;
	avg = DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	floor_ = bjxm_setting_numeric("vendor_score_warning");
	if (bjxm_numeric_cmp(avg, floor_) < 0)
		bjxm_violation(ctx, true, ERRCODE_BJ033, 33, 0,
					   psprintf("服务单位 %s 综合评估平均得分 %s, 低于 vendor_score_warning %s。", vendor,
								DatumGetCString(DirectFunctionCall1(numeric_out, DirectFunctionCall2(numeric_round,
																								 NumericGetDatum(avg), Int32GetDatum(2)))),
								bjxm_numeric_text(floor_)),
					   "评估结果作为下一年度服务采购的重要依据; 依政府采购法不得据此排斥供应商。",
					   "服务单位以往综合评估得分偏低 (vendor's past evaluations are low)");
}
