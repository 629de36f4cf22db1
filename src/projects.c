/*
 * projects.c — 第四章 项目管理, 第十三条–第二十条.
 *
 *   第十三条 submit_service_plan: the plan's sections (BJ013)
 *   第十四条 approve_service_plan by the entrusted institution, with the
 *            招标控制价; procurement above it is refused (BJ014)
 *   第十五条 record_procurement by 政府采购法: a vendor with a USCC, not
 *            one that reviewed or designed the project; open tender at
 *            or above setting open_tender_threshold unless 财政部门
 *            approved the method beforehand (approve_procurement_exception,
 *            第二十七条); single source on a ground of 第三十一条 with a
 *            reason (BJ015); the 第三十三条 warning and the 第三十四条
 *            city review (jurisdictions.c) apply here
 *   第十六条 sign_contract by the three parties (BJ016), with the
 *            第二十八条 security obligations (BJ028)
 *   第十七条 start_implementation
 *   第十九条 request_adjustment, decide_adjustment (with an expert
 *            opinion), amend_service_plan under an approved adjustment
 *   第二十条 sign_acceptance by one user-unit and one bigdata actor
 *
 * 第十八条 (standards) assigns work bjxm does not model
 * (docs/traceability.md).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "nodes/value.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/acl.h"
#include "utils/jsonb.h"

#include "action.h"
#include "duties.h"
#include "jurisdictions.h"
#include "planning.h"
#include "projects.h"
#include "reviews.h"
#include "settings.h"
#include "spi.h"
#include "splitting.h"
#include "supervision.h"
#include "uscc.h"

/* ------------------------------------------------------------------ */
/* 第十三条, 第十四条: the service plan and its review                 */
/* ------------------------------------------------------------------ */

/* 第十三条: the service plan's sections. */
static void
service_plan_complete(BjxmCtx *ctx, Jsonb *plan)
{
	static const char *const sections[][2] = {
		{"service_content", "服务内容"}, {"budget", "经费预算"}, {"functions", "功能应用"},
		{"data_resources", "数据资源"}, {"network", "网络部署"}, {"security", "安全保障"},
		{"technical_route", "技术路线"}, {"crypto_solution", "密码应用解决方案"},
		{"schedule", "进度安排"}, {"service_guarantee", "服务保障"}, {"training_plan", "培训计划"}};
	StringInfoData missing;
	int			n;

	if (plan == NULL)
		return;
	initStringInfo(&missing);
	n = bjxm_json_missing(plan, sections, lengthof(sections), BJXM_NEED_TEXT, &missing);
	if (n > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ013, BJ_ART_SERVICE_PLAN, 0,
					   psprintf("缺少 %d 项 (missing %d): %s", n, n, missing.data),
					   "补全服务方案的各部分后再报送。",
					   "服务方案不完整, 缺少%s (service plan incomplete)", missing.data);
}

/* submit_service_plan: complete (第十三条). */
void
bjxm_submit_service_plan_rules(BjxmCtx *ctx)
{
	service_plan_complete(ctx, bjxm_arg_json(ctx, "plan"));
}

/* Store the service plan and move, in one write of the row. */
void
bjxm_submit_service_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;

	bjxm_move_json(ctx, &plan, "service_plan = $2", "plan", bjxm_next_state(ctx));
}

/* approve_service_plan: the entrusted institution; a control price if passed. */
void
bjxm_approve_service_plan_rules(BjxmCtx *ctx)
{
	Numeric		price = bjxm_arg_num(ctx, "tender_control_price");
	Numeric		budget = bjxm_col_num(ctx, "budget");

	ctx->object_id = bjxm_require_entrusted(ctx, "service_plan", BJ_ART_SERVICE_REVIEW);
	/* 第三十一条: a control price approved is money committed to a tender */
	if (ctx->passed)
		bjxm_rule_rectification_hold(ctx, true);
	/*
	 * A re-review at service_plan_approved is for a review that no longer
	 * covers the plan (src/reviews.c); one that still does stands — else a
	 * re-review could shop a lower control price, under the open-tender
	 * threshold, for the same plan.
	 */
	if (ctx->state == BJ_S_SERVICE_PLAN_APPROVED && bjxm_has_column("reviews", "inputs") &&
		bjxm_review_void(ctx, "service_plan", bjxm_service_plan_review_inputs(ctx, NULL), true) == NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ014, BJ_ART_SERVICE_REVIEW, 0,
					   "服务方案评审及其招标控制价仍覆盖现在的方案。",
					   "复审只用于评审之后方案或招标控制价已改变的情形; 方案的修改经第十九条调整。",
					   "服务方案评审仍然有效, 不予复审 (the service-plan review still stands: no re-review)");
	if (ctx->passed && !bjxm_arg_present(ctx, "tender_control_price"))
		bjxm_arg_missing(ctx, "tender_control_price");
	/* 第十条, 第十四条: the control price is priced within the budget. */
	if (ctx->passed && price != NULL && budget != NULL && bjxm_numeric_cmp(price, budget) > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ014, BJ_ART_SERVICE_REVIEW, 0,
					   psprintf("招标控制价 %s 元, 安排的预算 %s 元。", bjxm_numeric_text(price), bjxm_numeric_text(budget)),
					   "招标控制价不得超过安排的预算; 确需增加的, 先按第十九条申请调整并由财政部门调整预算。",
					   "招标控制价 %s 元超过安排的预算 %s 元 (control price above the budget)",
					   bjxm_numeric_text(price), bjxm_numeric_text(budget));
}

/* Record the review (and the control price) and move, in one write of the row. */
void
bjxm_approve_service_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {NUMERICOID};
	Datum		values[1] = {NumericGetDatum(bjxm_arg_num(ctx, "tender_control_price"))};
	char		nulls[1] = {ctx->passed ? ' ' : 'n'};

	bjxm_insert_review_inputs(ctx, ctx->object_id, "service_plan", ctx->note,
							  bjxm_service_plan_review_inputs(ctx, bjxm_arg_num(ctx, "tender_control_price")));
	bjxm_move_set(ctx, &plan, "control_price = COALESCE($2, control_price)", 1, types, values, nulls,
				  bjxm_next_state(ctx), ctx->note);
}

/* ------------------------------------------------------------------ */
/* 第十四条, 第十五条, 第三十四条: procurement                          */
/* ------------------------------------------------------------------ */

/*
 * The institution of this project the vendor's USCC belongs to (第十五条),
 * or one whose USCC is unknown (*unidentified: a reviewer registered
 * without one, or a designer named in a plan that is no registered party,
 * cannot be told apart from the vendor); NULL when none.
 */
static const char *
conflicting_party(BjxmCtx *ctx, const char *vendor_uscc, bool *unidentified)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(vendor_uscc);
	if (bjxm_exec(&plan,
				  "SELECT COALESCE(p.code, x.code) || ' (' || x.role || ')', p.uscc IS NULL FROM ("
				  "  SELECT e.party_id, NULL::text AS code, '受委托评审' AS role FROM bjxm.entrustments e "
				  "   WHERE e.project_id OPERATOR(pg_catalog.=) $1"
				  "  UNION SELECT r.party_id, NULL, '评审' FROM bjxm.reviews r WHERE r.project_id OPERATOR(pg_catalog.=) $1 "
				  "   AND r.party_id IS NOT NULL"
				  "  UNION SELECT d.party_id, v.code, '咨询设计' FROM bjxm.projects j"
				  "        CROSS JOIN LATERAL (VALUES (j.demand_plan->>'designed_by'), (j.service_plan->>'designed_by')) v(code)"
				  "        LEFT JOIN bjxm.parties d ON d.code OPERATOR(pg_catalog.=) v.code"
				  "        WHERE j.project_id OPERATOR(pg_catalog.=) $1 AND NULLIF(pg_catalog.btrim(v.code), '') IS NOT NULL"
				  ") x LEFT JOIN bjxm.parties p ON p.party_id OPERATOR(pg_catalog.=) x.party_id "
				  "WHERE p.uscc IS NULL OR p.uscc::pg_catalog.text OPERATOR(pg_catalog.=) $2 "
				  "ORDER BY p.uscc IS NULL, 1 LIMIT 1",
				  2, types, values, NULL) != 1)
		return NULL;
	*unidentified = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* 政府采购法第三十一条's grounds of single-source procurement, items (一)–(三). */
static const char *const single_source_grounds[] = {"unique_supplier", "emergency", "consistency"};

/* The Chinese name of a procurement method (bjxm.enum_labels), or the method. */
static const char *
method_label(const char *method)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];

	values[0] = CStringGetTextDatum(method);
	if (bjxm_exec(&plan, "SELECT l.label FROM bjxm.enum_labels l WHERE l.enum_type OPERATOR(pg_catalog.=) 'bjxm.procurement_method' "
				  "AND l.value OPERATOR(pg_catalog.=) $1", 1, types, values, NULL) != 1)
		return method;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* Whether 财政部门 approved method for this project (approve_procurement_exception). */
static bool
exception_approved(BjxmCtx *ctx, const char *method)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];

	/* a schema not yet updated has no approvals: the method is refused */
	if (!bjxm_has_column("procurement_exceptions", "method"))
		return false;
	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(method);
	return bjxm_exec(&plan, "SELECT 1 FROM bjxm.procurement_exceptions x WHERE x.project_id OPERATOR(pg_catalog.=) $1 "
					 "AND x.method OPERATOR(pg_catalog.=) $2::bjxm.procurement_method", 2, types, values, NULL) == 1;
}

/*
 * 第十五条 by 政府采购法: open tender at or above the threshold unless an
 * exception was approved for this method (第二十七条); single source only
 * on a ground of 第三十一条, with a reason.
 */
static void
procurement_method_rules(BjxmCtx *ctx, Numeric amount, const char *method)
{
	const char *ground = bjxm_arg_text(ctx, "ground");
	const char *reason = bjxm_arg_text(ctx, "reason");
	bool		single = strcmp(method, "single_source") == 0;

	/* A ground or reason given for another method would be recorded as if it applied. */
	if (!single && (bjxm_arg(ctx, "ground")->given || bjxm_arg(ctx, "reason")->given))
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "采购方式为%s, ground 与 reason 只用于单一来源采购 (ground and reason apply to single_source only)",
					   method_label(method));

	if (strcmp(method, "open_tender") != 0 && amount != NULL)
	{
		Numeric		threshold = bjxm_setting_numeric("open_tender_threshold");
		Numeric		budget = bjxm_col_num(ctx, "control_price");
		Numeric		basis = amount;

		/*
		 * The method follows the 采购预算 (the reviewed 招标控制价), not the
		 * winning amount: a 4.8M procurement won at 1,999,999.99 by
		 * inquiry is still one that needed open tender.
		 */
		if (budget != NULL && bjxm_numeric_cmp(budget, basis) > 0)
			basis = budget;
		/* 政府采购法实施条例第二十八条 化整为零 (src/splitting.c) */
		bjxm_rule_split_open_tender(ctx, basis, method);
		if (bjxm_numeric_cmp(basis, threshold) >= 0 && !exception_approved(ctx, method))
			bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
						   psprintf("采购金额 %s 元, 招标控制价 (采购预算) %s 元, 公开招标数额标准 %s 元 (setting open_tender_threshold); "
									"采购方式为%s (%s), 本项目没有财政部门批准的该方式。",
									bjxm_numeric_text(amount), budget ? bjxm_numeric_text(budget) : "(无)",
									bjxm_numeric_text(threshold), method_label(method), method),
						   psprintf("依政府采购法第二十七条, 达到公开招标数额标准的应当公开招标; 因特殊情况采用其他方式的, "
									"须在采购活动开始前经财政部门批准: bjxm.approve_procurement_exception(%lld, '%s', 理由)。",
									(long long) ctx->project_id, method),
						   "采购金额达到公开招标数额标准, 采用%s须事先经财政部门批准 (non-open method at or above the open-tender threshold without approval)",
						   method_label(method));
	}
	if (single && (ground == NULL || !bjxm_one_of(ground, single_source_grounds, lengthof(single_source_grounds))))
		bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
					   ground == NULL ? "未说明单一来源采购的情形 (no ground given)。"
					   : psprintf("单一来源采购的情形为“%s”, 不是政府采购法第三十一条所列情形 (unknown ground)。", ground),
					   "依政府采购法第三十一条, ground 为 unique_supplier (一) 只能从唯一供应商处采购、"
					   "emergency (二) 发生了不可预见的紧急情况不能从其他供应商处采购, 或 consistency (三) "
					   "须保证原有采购项目一致性或者服务配套, 添购资金总额不超过原合同采购金额百分之十; 并以 reason 说明。",
					   "单一来源采购须符合政府采购法第三十一条所列情形之一 (single source needs a ground of 政府采购法第三十一条)");
	/*
	 * 政府采购法第三十一条第(三)项: 添购 from the original supplier, at most
	 * 10% of the original contract — there must be one, with this vendor.
	 */
	if (single && ground != NULL && strcmp(ground, "consistency") == 0 && amount != NULL &&
		bjxm_arg(ctx, "vendor")->present)
	{
		static SPIPlanPtr plan = NULL;
		Oid			types[3] = {INT8OID, INT8OID, INT8OID};
		Datum		values[3];
		bool		isnull;
		Datum		original;

		values[0] = Int64GetDatum(ctx->unit_id);
		values[1] = Int64GetDatum(bjxm_arg(ctx, "vendor")->id);
		values[2] = Int64GetDatum(ctx->project_id);
		bjxm_exec(&plan, "SELECT pg_catalog.max(x.contract_amount) FROM bjxm.projects x "
				  "WHERE x.unit_id OPERATOR(pg_catalog.=) $1 AND x.vendor_party_id OPERATOR(pg_catalog.=) $2 "
				  "  AND x.project_id OPERATOR(pg_catalog.<>) $3", 3, types, values, NULL);
		original = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
		if (isnull)
			bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
						   psprintf("本单位与服务单位 %s 没有已签订的原合同。", bjxm_arg(ctx, "vendor")->party.code),
						   "consistency (第三十一条第(三)项) 只适用于向原供应商添购; 首次采购不能以此为由。",
						   "单一来源添购须有与该服务单位的原合同 (consistency needs an original contract with the vendor)");
		else
		{
			Numeric		cap = DatumGetNumeric(DirectFunctionCall2(numeric_div, original,
																   NumericGetDatum(int64_to_numeric(10))));

			if (bjxm_numeric_cmp(amount, cap) > 0)
				bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
							   psprintf("添购金额 %s 元, 原合同金额 %s 元, 上限为其百分之十 %s 元。", bjxm_numeric_text(amount),
										bjxm_numeric_text(DatumGetNumeric(original)), bjxm_numeric_text(cap)),
							   "添购资金总额不超过原合同采购金额百分之十 (政府采购法第三十一条第(三)项)。",
							   "单一来源添购超过原合同金额的百分之十 (consistency above 10%% of the original contract)");
		}
	}
	if (single && bjxm_blank(reason))
		bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
					   "未说明采用单一来源采购的理由 (no reason given)。",
					   "以 reason 说明所依政府采购法第三十一条情形的具体事实。",
					   "单一来源采购须说明理由 (single source needs a reason)");
}

/* record_procurement: 第十四条 control price, 第十五条 vendor and method, 第三十三条 warning, 第三十四条 city review. */
void
bjxm_record_procurement_rules(BjxmCtx *ctx)
{
	const BjxmArg *vendor = bjxm_arg(ctx, "vendor");
	Numeric		amount = bjxm_arg_num(ctx, "amount");
	const char *method = bjxm_arg_text(ctx, "method");
	bool		isnull;
	Datum		cp = bjxm_col(ctx, "control_price", &isnull);

	/* 第三十一条: the procurement commits the money to a vendor */
	bjxm_rule_rectification_hold(ctx, true);
	if (amount != NULL && !isnull && bjxm_numeric_cmp(amount, DatumGetNumeric(cp)) > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ014, BJ_ART_SERVICE_REVIEW, 0,
					   psprintf("采购金额 %s 元, 经评审的招标控制价 %s 元。", bjxm_numeric_text(amount),
								bjxm_numeric_text(DatumGetNumeric(cp))),
					   "采购金额不得超过经第三方评审机构评审的招标控制价。",
					   "采购金额 %s 元超过招标控制价 %s 元 (above the reviewed control price)",
					   bjxm_numeric_text(amount), bjxm_numeric_text(DatumGetNumeric(cp)));
	if (vendor->present && vendor->party.uscc == NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
					   psprintf("服务单位 %s 登记时没有统一社会信用代码, 无法与本项目的评审、咨询设计单位比对。", vendor->party.code),
					   "由大数据部门以统一社会信用代码登记该服务单位 (bjxm.register_party(代号, 名称, 'vendor', 统一社会信用代码)), 再以该代号记录采购。",
					   "服务单位 %s 未登记统一社会信用代码 (vendor %s has no USCC)", vendor->party.code, vendor->party.code);
	else if (vendor->present)
	{
		bool		unidentified = false;
		const char *who = conflicting_party(ctx, vendor->party.uscc, &unidentified);

		if (who != NULL && unidentified)
			bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
						   psprintf("本项目的 %s 没有登记统一社会信用代码, 无法确认服务单位 %s 与其不是同一单位。", who, vendor->party.code),
						   "由大数据部门以统一社会信用代码登记该评审或咨询设计单位 (咨询设计单位以登记的代号写入方案的 designed_by), 再记录采购。",
						   "本项目的评审或咨询设计单位未登记统一社会信用代码, 不能确认服务单位的独立性 (a reviewer or designer of this project has no USCC)");
		else if (who != NULL)
			bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
						   psprintf("服务单位的统一社会信用代码 %s 与本项目的 %s 相同。", vendor->party.uscc, who),
						   "依政府采购法实施条例第十八条, 为项目提供评审或设计服务的单位不得参加该项目的采购。",
						   "服务单位与本项目的评审或咨询设计单位为同一单位 (vendor reviewed or designed this project)");
	}
	if (method != NULL)
		procurement_method_rules(ctx, amount, method);
	/* 第十四条: the review and its control price still cover the plan. */
	bjxm_rule_service_plan_review(ctx);
	if (bjxm_arg(ctx, "ground")->given || bjxm_arg(ctx, "reason")->given)
		bjxm_require_column(ctx, "projects", "procurement_ground");
	if (vendor->present)
		bjxm_rule_vendor_score(ctx, vendor->text);
	bjxm_rule_city_review(ctx);
}

/* Record the procurement and move, in one write of the row. */
void
bjxm_record_procurement_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[5] = {INT8OID, NUMERICOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	const char *ground = bjxm_arg_text(ctx, "ground");
	const char *reason = bjxm_arg_text(ctx, "reason");

	values[0] = Int64GetDatum(bjxm_arg_id(ctx, "vendor"));
	values[1] = NumericGetDatum(bjxm_arg_num(ctx, "amount"));
	values[2] = CStringGetTextDatum(bjxm_arg_text(ctx, "method"));
	values[3] = ground ? CStringGetTextDatum(ground) : (Datum) 0;
	nulls[3] = ground ? ' ' : 'n';
	values[4] = reason ? CStringGetTextDatum(reason) : (Datum) 0;
	nulls[4] = reason ? ' ' : 'n';
	if (!bjxm_has_column("projects", "procurement_ground"))
	{
		/* the schema of an earlier release, until ALTER EXTENSION UPDATE */
		static SPIPlanPtr earlier = NULL;

		bjxm_move_set(ctx, &earlier, "vendor_party_id = $2, procurement_amount = $3, "
					  "procurement_method = $4::bjxm.procurement_method", 3, types, values, nulls,
					  bjxm_next_state(ctx), bjxm_arg_text(ctx, "method"));
		return;
	}
	bjxm_move_set(ctx, &plan, "vendor_party_id = $2, procurement_amount = $3, "
				  "procurement_method = $4::bjxm.procurement_method, procurement_ground = $5, "
				  "procurement_reason = $6", 5, types, values, nulls,
				  bjxm_next_state(ctx), bjxm_arg_text(ctx, "vendor"));
}

/* approve_procurement_exception: a method other than open tender, once per method. */
void
bjxm_approve_procurement_exception_rules(BjxmCtx *ctx)
{
	const char *method = bjxm_arg_text(ctx, "method");

	if (method == NULL)
		return;
	if (strcmp(method, "open_tender") == 0)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "公开招标无须批准; 例外只批准公开招标以外的采购方式 (open_tender needs no exception)");
	else if (exception_approved(ctx, method))
		bjxm_violation(ctx, false, ERRCODE_UNIQUE_VIOLATION, BJ_ART_PROCUREMENT, 0,
					   psprintf("项目 %lld 已有财政部门批准的%s (%s)。", (long long) ctx->project_id,
								method_label(method), method),
					   "每个项目每种采购方式只批准一次; 已批准的记录见 bjxm.procurement_exceptions。",
					   "本项目已批准采用%s (exception already approved)", method_label(method));
}

/* Record the exception; its id is the result. */
void
bjxm_approve_procurement_exception_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};
	Datum		values[3];
	bool		isnull;
	const char *method = bjxm_arg_text(ctx, "method");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(method);
	values[2] = CStringGetTextDatum(ctx->note);
	bjxm_exec(&plan, "INSERT INTO bjxm.procurement_exceptions (project_id, method, reason, approved_by) "
			  "VALUES ($1, $2::bjxm.procurement_method, $3, bjxm.acting_role()) RETURNING exception_id",
			  3, types, values, NULL);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	bjxm_done(ctx, psprintf("批准采用%s (例外 %lld): %s", method_label(method), (long long) ctx->result, ctx->note));
}

/* ------------------------------------------------------------------ */
/* 第十六条, 第二十八条: the three-party contract                       */
/* ------------------------------------------------------------------ */

/* The OID of the login (session_user), in SQL: a role name may need quoting, so no ::regrole. */
#define SESSION_LOGIN_OID \
	"(SELECT a.oid FROM pg_catalog.pg_roles a WHERE a.rolname OPERATOR(pg_catalog.=) pg_catalog.session_user())"

/*
 * Two-actor steps (第十六条 contract, 第二十条 acceptance): the login
 * (session_user) of this call, and whether it binds — a superuser login
 * may SET ROLE to either side (it could write the tables anyway; it is
 * audited, not bound); any other login signs one side only, so a pooled
 * application login cannot complete both sides of a step alone.
 */
static const char *
session_login(bool *binding)
{
	Oid			login = GetSessionUserId();

	*binding = !superuser_arg(login);
	return GetUserNameFromId(login, false);
}

/* The side of a two-actor step an actor signs: its duty; a superuser takes the side missing. */
static const char *
two_actor_side(BjxmCtx *ctx, const char *table)
{
	static SPIPlanPtr acceptance = NULL;
	static SPIPlanPtr contract = NULL;
	bool		contract_table = strcmp(table, "contract_signatures") == 0;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		bigdata_signed;

	if (ctx->duty == NULL)
		return NULL;
	if (strcmp(ctx->duty, "superuser") != 0)
		return ctx->duty;
	values[0] = Int64GetDatum(ctx->project_id);
	bigdata_signed = bjxm_exec(contract_table ? &contract : &acceptance,
							   contract_table
							   ? "SELECT 1 FROM bjxm.contract_signatures s WHERE s.project_id OPERATOR(pg_catalog.=) $1 "
							   "AND s.duty OPERATOR(pg_catalog.=) 'bigdata'"
							   : "SELECT 1 FROM bjxm.acceptance_signatures s WHERE s.project_id OPERATOR(pg_catalog.=) $1 "
							   "AND s.duty OPERATOR(pg_catalog.=) 'bigdata'", 1, types, values, NULL) == 1;
	return bigdata_signed ? "user_unit" : "bigdata";
}

/* The Chinese name of a side of a two-actor step. */
static const char *
side_label(const char *side)
{
	return strcmp(side, "bigdata") == 0 ? "大数据部门" : "用户单位";
}

/* The procured vendor's party code, or NULL. */
static char *
vendor_code(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];

	values[0] = Int64GetDatum(ctx->project_id);
	if (bjxm_exec(&plan, "SELECT v.code FROM bjxm.projects j JOIN bjxm.parties v ON v.party_id OPERATOR(pg_catalog.=) j.vendor_party_id "
				  "WHERE j.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL) != 1)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* 第十六条: the three parties named in terms->'parties'; what is wrong, appended to wrong. */
static int
contract_parties(BjxmCtx *ctx, Jsonb *terms, StringInfo wrong)
{
	JsonbValue *parties_v = bjxm_json_get(terms, "parties");
	Jsonb	   *parties = NULL;
	JsonbValue *u;
	JsonbValue *v;
	char	   *vendor = vendor_code(ctx);
	int			nwrong = 0;

	if (parties_v && parties_v->type == jbvBinary && JsonContainerIsObject(parties_v->val.binary.data))
		parties = JsonbValueToJsonb(parties_v);
	if (!bjxm_json_nonempty_text(parties, "bigdata"))
		appendStringInfo(wrong, "%s大数据部门(bigdata)未签署", nwrong++ ? "; " : "");
	u = bjxm_json_get(parties, "user_unit");
	if (u == NULL || u->type != jbvString)
		appendStringInfo(wrong, "%s用户单位(user_unit)未签署", nwrong++ ? "; " : "");
	else
	{
		char	   *given = pnstrdup(u->val.string.val, u->val.string.len);
		char		canon[BJ_USCC_LEN + 1];
		bool		same = bj_uscc_parse(given, strlen(given), canon, NULL) == BJ_USCC_OK;

		canon[BJ_USCC_LEN] = '\0';
		if (!same || strcmp(canon, ctx->unit_code) != 0)
			appendStringInfo(wrong, "%s用户单位为 %s, 而项目单位为 %s", nwrong++ ? "; " : "", given, ctx->unit_code);
	}
	v = bjxm_json_get(parties, "vendor");
	if (v == NULL || v->type != jbvString)
		appendStringInfo(wrong, "%s项目服务单位(vendor)未签署", nwrong++ ? "; " : "");
	else if (vendor == NULL || (int) strlen(vendor) != v->val.string.len ||
			 strncmp(vendor, v->val.string.val, v->val.string.len) != 0)
		appendStringInfo(wrong, "%s服务单位为 %.*s, 而采购确定的是 %s", nwrong++ ? "; " : "",
						 v->val.string.len, v->val.string.val, vendor ? vendor : "(无)");
	return nwrong;
}

/* The business date procurement was recorded on; false if none was. */
static bool
procurement_date(BjxmCtx *ctx, DateADT *on)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->project_id)};
	bool		isnull;
	Datum		d;

	bjxm_exec(&plan, "SELECT pg_catalog.max(e.effective_date) FROM bjxm.events e "
			  "WHERE e.project_id OPERATOR(pg_catalog.=) $1 AND e.action OPERATOR(pg_catalog.=) 'record_procurement'",
			  1, types, values, NULL);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (isnull)
		return false;
	*on = DatumGetDateADT(d);
	return true;
}

/* The amount a sign_contract call signs: the one given, or the procurement's. */
static Numeric
contract_amount_signed(BjxmCtx *ctx)
{
	Numeric		amount = bjxm_arg_num(ctx, "amount");

	return amount != NULL ? amount : bjxm_col_num(ctx, "procurement_amount");
}

/* The date a sign_contract call signs: the one given, or today. */
static DateADT
contract_date_signed(BjxmCtx *ctx)
{
	const BjxmArg *signed_on = bjxm_arg(ctx, "signed_on");

	return signed_on->present ? signed_on->date : bjxm_today();
}

/*
 * 第十六条: the user unit and 大数据部门 each sign as their own actor and
 * login, in either order; the second signs the contract the first signed
 * (number, terms, amount, date) — or the signatures disagree (BJ016).
 * The side is remembered in ctx->object_id (1 bigdata, 0 user unit) and
 * whether the other side has signed in ctx->result.
 */
static void
contract_counterpart(BjxmCtx *ctx, Jsonb *terms)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[6] = {INT8OID, TEXTOID, JSONBOID, NUMERICOID, DATEOID, TEXTOID};
	Datum		values[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	const char *side;
	const char *other;
	const char *login;
	bool		binding;
	Numeric		amount = contract_amount_signed(ctx);
	HeapTuple	t;
	TupleDesc	d;
	char	   *signer;
	char	   *signed_login;
	bool		same_login;
	bool		isnull;

	ctx->result = 0;
	if (ctx->duty == NULL || terms == NULL || !bjxm_has_column("projects", "contract_amount"))
		return;
	/* the schema of an earlier release (until ALTER EXTENSION UPDATE): one signature, as then */
	if (!bjxm_has_column("contract_signatures", "login_oid"))
		return;
	side = two_actor_side(ctx, "contract_signatures");
	if (side == NULL)
		return;
	ctx->object_id = strcmp(side, "bigdata") == 0;
	other = ctx->object_id ? "user_unit" : "bigdata";
	login = session_login(&binding);
	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(other);
	values[2] = JsonbPGetDatum(terms);
	values[3] = amount ? NumericGetDatum(amount) : (Datum) 0;
	nulls[3] = amount ? ' ' : 'n';
	values[4] = DateADTGetDatum(contract_date_signed(ctx));
	values[5] = CStringGetTextDatum(bjxm_arg_text(ctx, "contract_no"));
	if (bjxm_exec(&plan, "SELECT s.signer::pg_catalog.text, s.login::pg_catalog.text, "
				  "  s.login_oid OPERATOR(pg_catalog.=) " SESSION_LOGIN_OID ", "
				  "  pg_catalog.concat_ws('、', "
				  "    CASE WHEN s.contract_no OPERATOR(pg_catalog.<>) pg_catalog.btrim($6) "
				  "         THEN pg_catalog.format('合同编号 %s / %s', s.contract_no, pg_catalog.btrim($6)) END, "
				  "    CASE WHEN s.terms OPERATOR(pg_catalog.<>) $3 THEN '合同条款' END, "
				  "    CASE WHEN s.amount IS DISTINCT FROM $4::pg_catalog.numeric(14,2) "
				  "         THEN pg_catalog.format('合同金额 %s / %s', s.amount, $4::pg_catalog.numeric(14,2)) END, "
				  "    CASE WHEN s.signed_on OPERATOR(pg_catalog.<>) $5 "
				  "         THEN pg_catalog.format('签订日期 %s / %s', s.signed_on, $5) END) "
				  "FROM bjxm.contract_signatures s "
				  "WHERE s.project_id OPERATOR(pg_catalog.=) $1 AND s.duty OPERATOR(pg_catalog.=) $2 "
				  /* a signature from before a postponement is stale: the other side signs afresh */
				  "  AND NOT EXISTS (SELECT 1 FROM bjxm.events e WHERE e.project_id OPERATOR(pg_catalog.=) $1 "
				  "                   AND e.action OPERATOR(pg_catalog.=) 'postpone' "
				  "                   AND e.at OPERATOR(pg_catalog.>) s.signed_at)",
				  6, types, values, nulls) != 1)
		return;					/* the first signature */
	t = SPI_tuptable->vals[0];
	d = SPI_tuptable->tupdesc;
	signer = SPI_getvalue(t, d, 1);
	signed_login = SPI_getvalue(t, d, 2);
	same_login = DatumGetBool(SPI_getbinval(t, d, 3, &isnull));
	ctx->result = 1;
	if (strcmp(signer, bjxm_actor_name()) == 0)
		bjxm_violation(ctx, false, ERRCODE_BJ016, BJ_ART_CONTRACT, 0,
					   psprintf("角色 %s 已代表%s签署本合同。", signer, side_label(other)),
					   "三方服务合同由用户单位与大数据部门各自签署。",
					   "同一角色不能代表合同双方签署 (the same actor cannot sign for both sides)");
	else if (binding && same_login)		/* by OID: a rename between the signatures changes nothing */
		bjxm_violation(ctx, false, ERRCODE_BJ016, BJ_ART_CONTRACT, 0,
					   psprintf("登录用户 %s (签署时名为 %s) 已以角色 %s 代表%s签署, 现以角色 %s 签署%s方。", login,
								signed_login, signer, side_label(other), bjxm_actor_name(), side_label(side)),
					   "合同双方须由各自的登录用户签署; 共用的应用登录不能替双方签署。",
					   "同一登录用户不能签署合同的双方 (the same login cannot sign both sides)");
	isnull = SPI_getvalue(t, d, 4) == NULL || SPI_getvalue(t, d, 4)[0] == '\0';
	if (!isnull)
		bjxm_violation(ctx, false, ERRCODE_BJ016, BJ_ART_CONTRACT, 0,
					   psprintf("%s签署的合同与本次签署不同: %s (先签 / 本次)。", side_label(other), SPI_getvalue(t, d, 4)),
					   "双方签署同一份合同: 合同编号、条款、金额与签订日期一致; 如需更改, 由先签的一方重新签署。",
					   "双方签署的合同不一致 (the two sides signed different contracts)");
}

/* sign_contract: 第十六条 three parties, amount and date; 第二十八条 security obligations. */
void
bjxm_sign_contract_rules(BjxmCtx *ctx)
{
	static const char *const obligations[][2] = {
		{"emergency_response", "服务应急处置机制"}, {"annual_security_test", "每年信息安全检测"},
		{"crypto_assessment", "密码安全性评估"}, {"risk_assessment", "风险评估"},
		{"report_results", "结果报送大数据部门、公安部门及密码管理部门"}};
	Jsonb	   *terms = bjxm_arg_json(ctx, "terms");
	Numeric		amount = bjxm_arg_num(ctx, "amount");
	Numeric		procured = bjxm_col_num(ctx, "procurement_amount");
	const BjxmArg *signed_on = bjxm_arg(ctx, "signed_on");
	StringInfoData wrong;
	StringInfoData missing;
	int			nmissing;

	/* 第十六条: the contract records its amount, within what was procured. */
	if (amount != NULL && procured != NULL && bjxm_numeric_cmp(amount, procured) > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ016, BJ_ART_CONTRACT, 0,
					   psprintf("合同金额 %s 元, 采购金额 %s 元。", bjxm_numeric_text(amount), bjxm_numeric_text(procured)),
					   "合同金额不得超过政府采购确定的金额。",
					   "合同金额 %s 元超过采购金额 %s 元 (contract above the procurement amount)",
					   bjxm_numeric_text(amount), bjxm_numeric_text(procured));
	if (signed_on->present && signed_on->date > bjxm_today())
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "合同签订日期 %s 晚于今天 (contract dated in the future)", signed_on->text);
	else if (signed_on->present)
	{
		DateADT		procured_on;

		if (procurement_date(ctx, &procured_on) && signed_on->date < procured_on)
			bjxm_violation(ctx, false, ERRCODE_BJ016, BJ_ART_CONTRACT, 0,
						   psprintf("合同签订日期 %s, 采购结果记录于 %s。", signed_on->text, bjxm_date_text(procured_on)),
						   "合同依政府采购结果签订, 日期不早于采购结果。",
						   "合同签订日期早于采购结果 (contract dated before the procurement)");
	}
	/* 第三十一条: no contract signed inside a hold, by either side */
	bjxm_rule_rectification_hold(ctx, true);
	/* 第三十四条: a review that became required after the procurement. */
	bjxm_rule_city_review(ctx);
	bjxm_rule_service_plan_review(ctx);
	/* 第十五条: a sibling that appeared after the procurement made it a split one */
	bjxm_rule_split_open_tender_recorded(ctx);
	if (amount != NULL || signed_on->present)
		bjxm_require_column(ctx, "projects", "contract_amount");
	if (terms == NULL)
		return;
	initStringInfo(&wrong);
	if (contract_parties(ctx, terms, &wrong) > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ016, BJ_ART_CONTRACT, 0, wrong.data,
					   "terms->'parties' = {\"bigdata\": 签署人, \"user_unit\": 项目单位代码, \"vendor\": 采购确定的服务单位代号}",
					   "合同须由大数据部门、用户单位与项目服务单位三方签订 (three-party contract required)");

	initStringInfo(&missing);
	nmissing = bjxm_json_missing(terms, obligations, lengthof(obligations), BJXM_NEED_TRUE, &missing);
	if (nmissing > 0)
		bjxm_violation(ctx, false, ERRCODE_BJ028, BJ_ART_SERVICE_SECURITY, 0,
					   psprintf("缺少 %d 项 (missing %d): %s", nmissing, nmissing, missing.data),
					   "在合同条款中明确约定这些义务 (true)。",
					   "合同未明确约定%s (contract lacks security obligations)", missing.data);
	contract_counterpart(ctx, terms);
}

/*
 * Record one side's signature (either order; a side signing again replaces
 * its own, so the first signer can correct what it signed); with both
 * sides signed, the contract, and move — in one write of the row.
 */
void
bjxm_sign_contract_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr sign = NULL;
	Oid			types[5] = {TEXTOID, JSONBOID, NUMERICOID, DATEOID, INT8OID};
	Datum		values[5];
	Numeric		amount = contract_amount_signed(ctx);
	const char *side = ctx->object_id ? "bigdata" : "user_unit";

	/* Not given (the three-argument form): the amount procured, signed today. */
	values[0] = CStringGetTextDatum(bjxm_arg_text(ctx, "contract_no"));
	values[1] = JsonbPGetDatum(bjxm_arg_json(ctx, "terms"));
	values[2] = NumericGetDatum(amount);
	values[3] = DateADTGetDatum(contract_date_signed(ctx));
	values[4] = Int64GetDatum(ctx->project_id);
	if (bjxm_has_column("contract_signatures", "login_oid"))
	{
		Oid			stypes[6] = {TEXTOID, JSONBOID, NUMERICOID, DATEOID, INT8OID, TEXTOID};
		Datum		svalues[6] = {values[0], values[1], values[2], values[3], values[4], CStringGetTextDatum(side)};

		bjxm_exec(&sign, "INSERT INTO bjxm.contract_signatures AS s (project_id, duty, signer, login, login_oid, contract_no, terms, amount, signed_on) "
				  "VALUES ($5, $6, bjxm.acting_role(), pg_catalog.session_user(), "
				  "        " SESSION_LOGIN_OID ", pg_catalog.btrim($1), $2, $3, $4) "
				  "ON CONFLICT (project_id, duty) DO UPDATE SET signer = EXCLUDED.signer, login = EXCLUDED.login, "
				  "  login_oid = EXCLUDED.login_oid, "
				  "  contract_no = EXCLUDED.contract_no, terms = EXCLUDED.terms, amount = EXCLUDED.amount, "
				  "  signed_on = EXCLUDED.signed_on, signed_at = pg_catalog.clock_timestamp()",
				  6, stypes, svalues, amount == NULL ? "  n   " : NULL);
		if (ctx->result != 1)
		{
			/* the side, and the amount and date as recorded (bjxm.verify_state, issue 17) */
			ctx->details = bjxm_jsonb_with(ctx->args, psprintf("{\"side\": \"%s\", \"amount\": %s, \"signed_on\": \"%s\"}", side,
															   amount ? bjxm_numeric_text(amount) : "null",
															   bjxm_date_text(DatumGetDateADT(values[3]))));
			bjxm_move(ctx, BJ_S_PROCURED, psprintf("%s签署合同 %s, 待%s签署", side_label(side),
												   bjxm_arg_text(ctx, "contract_no"),
												   side_label(ctx->object_id ? "user_unit" : "bigdata")));
			return;
		}
	}
	/* The event records the amount and date as recorded, given or not, and the side that signed last. */
	ctx->details = bjxm_jsonb_with(ctx->args, psprintf("{\"amount\": %s, \"signed_on\": \"%s\", \"side\": \"%s\"}",
													   amount ? bjxm_numeric_text(amount) : "null",
													   bjxm_date_text(DatumGetDateADT(values[3])), side));
	if (!bjxm_has_column("projects", "contract_amount"))
	{
		/* the schema of an earlier release, until ALTER EXTENSION UPDATE */
		static SPIPlanPtr earlier = NULL;

		bjxm_move_set(ctx, &earlier, "contract_no = pg_catalog.btrim($2), contract_terms = $3", 2, types, values,
					  NULL, bjxm_next_state(ctx), bjxm_arg_text(ctx, "contract_no"));
		return;
	}
	bjxm_move_set(ctx, &plan, "contract_no = pg_catalog.btrim($2), contract_terms = $3, "
				  "contract_amount = $4, contract_signed_on = $5", 4, types, values,
				  amount == NULL ? "  n " : NULL,
				  bjxm_next_state(ctx), bjxm_arg_text(ctx, "contract_no"));
}

/* ------------------------------------------------------------------ */
/* 第二十条: acceptance by two actors                                 */
/* ------------------------------------------------------------------ */

/* sign_acceptance: no actor twice, no side twice (BJ020). */
void
bjxm_sign_acceptance_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr earlier = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	const char *side;
	const char *login;
	bool		binding;
	uint64		n;

	side = two_actor_side(ctx, "acceptance_signatures");
	if (side == NULL)
		return;
	login = session_login(&binding);
	values[0] = Int64GetDatum(ctx->project_id);
	if (bjxm_has_column("acceptance_signatures", "login_oid"))
		n = bjxm_exec(&plan, "SELECT s.signer, s.duty, s.login, s.login_oid OPERATOR(pg_catalog.=) " SESSION_LOGIN_OID " "
					  "FROM bjxm.acceptance_signatures s "
					  "WHERE s.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	else						/* the schema of an earlier release: no logins kept */
		n = bjxm_exec(&earlier, "SELECT s.signer, s.duty, NULL::pg_catalog.text, NULL::pg_catalog.bool "
					  "FROM bjxm.acceptance_signatures s "
					  "WHERE s.project_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	for (uint64 i = 0; i < n; i++)
	{
		char	   *signer = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		char	   *duty = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);
		char	   *signed_login = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 3);
		bool		isnull;
		Datum		same = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 4, &isnull);

		/* the login by OID: renaming it between the two signatures changes nothing */
		if (binding && !isnull && DatumGetBool(same) && strcmp(signer, bjxm_actor_name()) != 0)
			bjxm_violation(ctx, false, ERRCODE_BJ020, BJ_ART_ACCEPTANCE, 0,
						   psprintf("登录用户 %s (签署时名为 %s) 已以角色 %s 代表%s签署, 现以角色 %s 签署%s方。", login,
									signed_login ? signed_login : "?", signer, side_label(duty), bjxm_actor_name(), side_label(side)),
						   "验收双方须由各自的登录用户签署; 共用的应用登录不能替双方签署。",
						   "同一登录用户不能签署验收的双方 (the same login cannot sign both sides)");
		if (strcmp(signer, bjxm_actor_name()) == 0)
			bjxm_violation(ctx, false, ERRCODE_BJ020, BJ_ART_ACCEPTANCE, 0,
						   psprintf("角色 %s 已代表%s签署。", signer, side_label(duty)),
						   "验收须由用户单位与大数据部门各一人签署。",
						   "同一角色不能签署验收两次 (the same actor cannot sign twice)");
		else if (strcmp(duty, side) == 0)
			bjxm_violation(ctx, false, ERRCODE_BJ020, BJ_ART_ACCEPTANCE, 0,
						   psprintf("%s方已由 %s 签署。", side_label(duty), signer),
						   "另一方须由另一职责的角色签署。",
						   "%s已签署验收, 须由另一方签署 (that side has signed already)", side_label(duty));
	}
	ctx->object_id = strcmp(side, "bigdata") == 0;	/* remembered for apply */
}

/* Record the signature; accepted once both sides have signed passed. */
void
bjxm_sign_acceptance_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr clear = NULL;
	static SPIPlanPtr ins = NULL;
	static SPIPlanPtr ins_earlier = NULL;
	static SPIPlanPtr count = NULL;
	Oid			types[4] = {INT8OID, TEXTOID, BOOLOID, TEXTOID};
	Datum		values[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	const char *side = ctx->object_id ? "bigdata" : "user_unit";

	values[0] = Int64GetDatum(ctx->project_id);
	if (!ctx->passed)
	{
		/* A failed signature clears the other: acceptance starts over. */
		bjxm_exec(&clear, "DELETE FROM bjxm.acceptance_signatures WHERE project_id OPERATOR(pg_catalog.=) $1",
				  1, types, values, NULL);
		bjxm_move(ctx, BJ_S_IMPLEMENTING, ctx->note ? ctx->note : "验收未通过");
		return;
	}
	values[1] = CStringGetTextDatum(side);
	values[2] = BoolGetDatum(true);
	values[3] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[3] = ctx->note ? ' ' : 'n';
	if (bjxm_has_column("acceptance_signatures", "login_oid"))
		bjxm_exec(&ins, "INSERT INTO bjxm.acceptance_signatures (project_id, signer, duty, passed, note, login, login_oid) "
				  "VALUES ($1, bjxm.acting_role(), $2, $3, $4, pg_catalog.session_user(), "
				  "        " SESSION_LOGIN_OID ")", 4, types, values, nulls);
	else						/* the schema of an earlier release, until ALTER EXTENSION UPDATE */
		bjxm_exec(&ins_earlier, "INSERT INTO bjxm.acceptance_signatures (project_id, signer, duty, passed, note) "
				  "VALUES ($1, bjxm.acting_role(), $2, $3, $4)", 4, types, values, nulls);
	if (bjxm_exec(&count, "SELECT 1 FROM bjxm.acceptance_signatures s WHERE s.project_id OPERATOR(pg_catalog.=) $1 "
				  "HAVING pg_catalog.count(DISTINCT s.duty) OPERATOR(pg_catalog.=) 2", 1, types, values, NULL) == 1)
		bjxm_move(ctx, BJ_S_ACCEPTED, ctx->note ? ctx->note : psprintf("%s 签署, 双方通过", side));
	else
		bjxm_move(ctx, BJ_S_IMPLEMENTING, ctx->note ? ctx->note : psprintf("%s 签署", side));
}

/* ------------------------------------------------------------------ */
/* 第十九条: adjustments                                              */
/* ------------------------------------------------------------------ */

/* The sections of a service plan an adjustment may name (第十三条). */
static const char *const plan_sections[] = {
	"service_content", "budget", "functions", "data_resources", "network", "security",
	"technical_route", "crypto_solution", "schedule", "service_guarantee", "training_plan"};

/*
 * The digest of a request as its opinion reviewed it: reason, description,
 * the new content of each section it changes, budget increase (SQL over
 * the row aliased a).
 */
#define ADJUSTMENT_DIGEST \
	"pg_catalog.md5(a.reason::text OPERATOR(pg_catalog.||) pg_catalog.chr(31) OPERATOR(pg_catalog.||) a.description " \
	"OPERATOR(pg_catalog.||) pg_catalog.chr(31) OPERATOR(pg_catalog.||) COALESCE(a.changes::text, a.sections::text, '') " \
	"OPERATOR(pg_catalog.||) pg_catalog.chr(31) OPERATOR(pg_catalog.||) a.budget_delta::text)"

/*
 * 第十九条: what a request changes — an object of the service-plan
 * sections it changes (第十三条's) with the new content of each, what the
 * experts review and the amendment must write (22023 otherwise).  Absent:
 * an unscoped request, which no amendment can use.
 */
static void
changes_rule(BjxmCtx *ctx)
{
	JsonbValue *obj = bjxm_json_get(ctx->args, "changes");
	JsonbIterator *it;
	JsonbValue	k;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (obj == NULL)
		return;
	if (obj->type != jbvBinary || !JsonContainerIsObject(obj->val.binary.data))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "调整内容须为 {服务方案部分: 调整后的内容} (changes must be an object of plan sections and their new content)");
		return;
	}
	if (JsonContainerSize(obj->val.binary.data) == 0 && !bjxm_arg_present(ctx, "budget_delta"))
	{
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
					   "调整内容为空且不增加预算: 没有可调整的内容 (an adjustment must change a section or the budget)");
		return;
	}
	it = JsonbIteratorInit(obj->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		char	   *name;

		if (tok != WJB_KEY)
			continue;
		name = pnstrdup(k.val.string.val, k.val.string.len);
		tok = JsonbIteratorNext(&it, &v, true);
		if (!bjxm_one_of(name, plan_sections, lengthof(plan_sections)))
		{
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
						   "“%s”不是服务方案的部分; 可为 service_content, budget, functions, data_resources, network, security, "
						   "technical_route, crypto_solution, schedule, service_guarantee, training_plan (unknown plan section)", name);
			return;
		}
		if (v.type != jbvString || bjxm_blank(pnstrdup(v.val.string.val, v.val.string.len)))
		{
			bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE,
						   "“%s”调整后的内容须为非空文本 (the new content of a section must be non-blank text)", name);
			return;
		}
	}
}

/* request_adjustment: one of the three reasons, a description, its scope. */
void
bjxm_request_adjustment_rules(BjxmCtx *ctx)
{
	const char *reason = bjxm_arg_text(ctx, "reason");

	if (reason && !bjxm_enum_has("adjustment_reason", reason))
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0, psprintf("申请的情形为“%s”。", reason),
					   "情形为 mandated (一)、optimization (二) 或 business_need (三)。",
					   "内容调整须符合第十九条所列情形之一 (reason not allowed)");
	changes_rule(ctx);
	if (bjxm_json_get(ctx->args, "changes") != NULL || bjxm_arg_present(ctx, "budget_delta"))
		bjxm_require_column(ctx, "adjustments", "changes");
}

/* Record the request with its scope; its id is the result. */
void
bjxm_request_adjustment_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[5] = {INT8OID, TEXTOID, TEXTOID, JSONBOID, NUMERICOID};
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	JsonbValue *changes = bjxm_json_get(ctx->args, "changes");
	Numeric		delta = bjxm_arg_num(ctx, "budget_delta");
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(bjxm_arg_text(ctx, "reason"));
	values[2] = CStringGetTextDatum(ctx->note);
	if (changes == NULL || changes->type == jbvNull)
		nulls[3] = 'n';
	else
		values[3] = JsonbPGetDatum(JsonbValueToJsonb(changes));
	values[4] = NumericGetDatum(delta != NULL ? delta : int64_to_numeric(0));
	if (!bjxm_has_column("adjustments", "changes"))
	{
		/* the 0.2.0 schema, until ALTER EXTENSION UPDATE: an unscoped request */
		static SPIPlanPtr old_plan = NULL;

		bjxm_exec(&old_plan, "INSERT INTO bjxm.adjustments (project_id, reason, description) "
				  "VALUES ($1, $2::bjxm.adjustment_reason, $3) RETURNING adjustment_id", 3, types, values, nulls);
		ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		bjxm_done(ctx, psprintf("调整申请 %lld: %s", (long long) ctx->result, ctx->note));
		return;
	}
	bjxm_exec(&plan, "INSERT INTO bjxm.adjustments (project_id, reason, description, sections, changes, budget_delta) "
			  "VALUES ($1, $2::bjxm.adjustment_reason, $3, "
			  "CASE WHEN $4 IS NOT NULL THEN (SELECT COALESCE(pg_catalog.array_agg(e.k ORDER BY e.k), '{}') "
			  "                                FROM pg_catalog.jsonb_object_keys($4) AS e(k)) END, $4, $5) "
			  "RETURNING adjustment_id, COALESCE(sections::text, 'null')", 5, types, values, nulls);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->details = bjxm_jsonb(psprintf("{\"adjustment\": " INT64_FORMAT ", \"sections\": %s, \"budget_delta\": %s}",
									   ctx->result, bjxm_json_quote(SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2)),
									   bjxm_numeric_text(DatumGetNumeric(values[4]))));
	bjxm_done(ctx, psprintf("调整申请 %lld: %s", (long long) ctx->result, ctx->note));
}

/* One adjustment of this project as the rules read it. */
typedef struct Adjustment
{
	bool		found;
	char	   *status;
	char	   *sections;		/* text of the array, NULL if unscoped */
	bool		opinion_given;
	bool		opinion_passed;
	bool		intact;			/* the request is what the opinion reviewed */
	char	   *outside;		/* plan sections changed outside the scope, or NULL */
	char	   *opinion_at;
	bool		increases;		/* budget_delta > 0: new money (第三十一条) */
} Adjustment;

/*
 * Read adjustment id of this project; with new_plan, also the plan
 * sections that differ from the stored plan and are not in its scope.
 */
static Adjustment
adjustment_read(BjxmCtx *ctx, int64 id, Jsonb *new_plan)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {INT8OID, INT8OID, JSONBOID};
	Datum		values[3];
	char		nulls[3] = {' ', ' ', ' '};
	Adjustment	a = {0};
	HeapTuple	t;
	TupleDesc	d;
	bool		isnull;
	Datum		v;

	values[0] = Int64GetDatum(id);
	values[1] = Int64GetDatum(ctx->project_id);
	values[2] = new_plan ? JsonbPGetDatum(new_plan) : (Datum) 0;
	nulls[2] = new_plan ? ' ' : 'n';
	if (bjxm_exec(&plan, "SELECT a.status, a.sections::text, a.opinion_passed, "
				  "a.opinion_digest OPERATOR(pg_catalog.=) " ADJUSTMENT_DIGEST ", "
				  "(SELECT pg_catalog.string_agg(k.k, ', ' ORDER BY k.k) FROM "
				  "  (SELECT pg_catalog.jsonb_object_keys(COALESCE(p.service_plan, '{}')) "
				  "   UNION SELECT pg_catalog.jsonb_object_keys(COALESCE($3, '{}'))) AS k(k) "
				  "  WHERE ((p.service_plan OPERATOR(pg_catalog.||) COALESCE(a.changes, '{}')) OPERATOR(pg_catalog.->) k.k) "
				  "        IS DISTINCT FROM ($3 OPERATOR(pg_catalog.->) k.k)), "
				  "a.opinion_by::text, COALESCE(a.budget_delta OPERATOR(pg_catalog.>) 0, false) "
				  "FROM bjxm.adjustments a JOIN bjxm.projects p ON p.project_id OPERATOR(pg_catalog.=) a.project_id "
				  "WHERE a.adjustment_id OPERATOR(pg_catalog.=) $1 AND a.project_id OPERATOR(pg_catalog.=) $2",
				  3, types, values, nulls) != 1)
		return a;
	t = SPI_tuptable->vals[0];
	d = SPI_tuptable->tupdesc;
	a.found = true;
	a.status = SPI_getvalue(t, d, 1);
	a.sections = SPI_getvalue(t, d, 2);
	v = SPI_getbinval(t, d, 3, &isnull);
	a.opinion_given = !isnull;
	a.opinion_passed = !isnull && DatumGetBool(v);
	v = SPI_getbinval(t, d, 4, &isnull);
	a.intact = !isnull && DatumGetBool(v);
	a.outside = new_plan ? SPI_getvalue(t, d, 5) : NULL;
	a.opinion_at = SPI_getvalue(t, d, 6);
	a.increases = DatumGetBool(SPI_getbinval(t, d, 7, &isnull));
	return a;
}

/* The adjustment named by the argument, or an argument error (22023). */
static Adjustment
adjustment_arg(BjxmCtx *ctx, Jsonb *new_plan)
{
	const BjxmArg *adj = bjxm_arg(ctx, "adjustment");
	Adjustment	a = {0};

	if (!bjxm_require_column(ctx, "adjustments", "opinion_digest"))
		return a;
	if (adj->present)
		a = adjustment_read(ctx, adj->id, new_plan);
	if (adj->present && !a.found)
		bjxm_arg_error(ctx, ERRCODE_INVALID_PARAMETER_VALUE, "本项目没有调整申请 %lld (no such adjustment)", (long long) adj->id);
	return a;
}

/*
 * record_adjustment_opinion (第十九条 「经专家评审同意」): the institution
 * entrusted with the service plan's review gives it, on a pending request.
 */
void
bjxm_record_adjustment_opinion_rules(BjxmCtx *ctx)
{
	Adjustment	a = adjustment_arg(ctx, NULL);

	ctx->object_id = bjxm_require_entrusted(ctx, "service_plan", BJ_ART_ADJUSTMENT);
	if (a.found && strcmp(a.status, "requested") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
					   psprintf("调整申请 %lld 的状态为 %s。", (long long) bjxm_arg_id(ctx, "adjustment"), a.status),
					   NULL, "调整申请已有决定, 不再出具评审意见 (the adjustment was decided already)");
}

/* Record the opinion with the digest of the request it reviewed. */
void
bjxm_record_adjustment_opinion_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[5] = {INT8OID, INT8OID, BOOLOID, TEXTOID, INT8OID};
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	int64		id = bjxm_arg_id(ctx, "adjustment");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int64GetDatum(id);
	values[2] = BoolGetDatum(ctx->passed);
	values[3] = CStringGetTextDatum(ctx->note);
	values[4] = Int64GetDatum(ctx->object_id);
	nulls[4] = ctx->object_id ? ' ' : 'n';
	bjxm_exec(&plan, "UPDATE bjxm.adjustments a SET opinion_passed = $3, opinion = $4, opinion_party = $5, "
			  "opinion_by = bjxm.acting_role(), opinion_at = pg_catalog.clock_timestamp(), "
			  "opinion_digest = " ADJUSTMENT_DIGEST " "
			  "WHERE a.adjustment_id OPERATOR(pg_catalog.=) $2 AND a.project_id OPERATOR(pg_catalog.=) $1 "
			  "RETURNING a.opinion_digest", 5, types, values, nulls);
	ctx->details = bjxm_jsonb(psprintf("{\"adjustment\": " INT64_FORMAT ", \"passed\": %s, \"digest\": \"%s\"}", id,
									   ctx->passed ? "true" : "false",
									   SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1)));
	bjxm_done(ctx, psprintf("调整申请 %lld 专家评审意见: %s", (long long) id, ctx->note));
}

/*
 * decide_adjustment: a pending request; approval needs the entrusted
 * institution's favourable opinion on the request as it stands (第十九条).
 */
void
bjxm_decide_adjustment_rules(BjxmCtx *ctx)
{
	Adjustment	a = adjustment_arg(ctx, NULL);
	int64		id = bjxm_arg_id(ctx, "adjustment");

	if (!a.found)
		return;
	if (strcmp(a.status, "requested") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0, psprintf("调整申请 %lld 的状态为 %s。", (long long) id, a.status),
					   NULL, "调整申请已有决定 (the adjustment was decided already)");
	else if (ctx->passed && !a.opinion_given)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
					   psprintf("调整申请 %lld 没有受委托评审机构的专家评审意见。", (long long) id),
					   "由受委托评审服务方案的第三方机构以 bjxm.record_adjustment_opinion 出具意见后再决定。",
					   "同意内容调整须有专家评审意见 (approval needs the entrusted experts' opinion)");
	else if (ctx->passed && !a.intact)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
					   psprintf("调整申请 %lld 的专家评审意见 (%s) 所评审的申请内容已改变。", (long long) id, a.opinion_at),
					   "专家评审意见已失效: 由受委托评审机构对现在的申请重新出具意见。",
					   "专家评审意见与现在的调整申请不符 (the opinion reviewed another request)");
	else if (ctx->passed && !a.opinion_passed)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
					   psprintf("调整申请 %lld 的专家评审意见 (%s) 为不同意。", (long long) id, a.opinion_at),
					   "专家评审不同意的调整不能同意; 可修改后重新申请。",
					   "专家评审未同意该调整 (the experts did not agree)");
	/* 第三十一条: approving a budget increase commits new money */
	if (ctx->passed && a.increases)
		bjxm_rule_rectification_hold(ctx, true);
}

/* Record the decision. */
void
bjxm_decide_adjustment_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {INT8OID, INT8OID, TEXTOID, TEXTOID};
	Datum		values[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	int64		id = bjxm_arg_id(ctx, "adjustment");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = Int64GetDatum(id);
	values[2] = CStringGetTextDatum(ctx->passed ? "approved" : "rejected");
	values[3] = ctx->note ? CStringGetTextDatum(ctx->note) : (Datum) 0;
	nulls[3] = ctx->note ? ' ' : 'n';
	bjxm_exec(&plan, "UPDATE bjxm.adjustments SET status = $3, expert_opinion = COALESCE(NULLIF(pg_catalog.btrim($4), ''), opinion), "
			  "decided_at = pg_catalog.clock_timestamp() "
			  "WHERE adjustment_id OPERATOR(pg_catalog.=) $2 AND project_id OPERATOR(pg_catalog.=) $1",
			  4, types, values, nulls);
	bjxm_done(ctx, psprintf("调整申请 %lld %s", (long long) id, ctx->passed ? "同意" : "不同意"));
}

/*
 * amend_service_plan: an approved, unused adjustment whose scope names
 * every section the new plan changes (第十九条); a complete plan (第十三条).
 */
void
bjxm_amend_service_plan_rules(BjxmCtx *ctx)
{
	Jsonb	   *new_plan = bjxm_arg_json(ctx, "plan");
	const BjxmArg *adj = bjxm_arg(ctx, "adjustment");
	Adjustment	a = {0};
	int64		id = adj->id;

	/* another project's adjustment, or none: not an approved one of this project */
	if (!adj->present)
		return;
	if (!bjxm_require_column(ctx, "adjustments", "opinion_digest"))
		return;
	a = adjustment_read(ctx, id, new_plan);

	if (!a.found || strcmp(a.status, "approved") != 0)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
					   a.found ? psprintf("调整申请 %lld 的状态为 %s。", (long long) id, a.status)
					   : psprintf("本项目没有调整申请 %lld。", (long long) id),
					   "先以 request_adjustment 申请, 经专家评审 (record_adjustment_opinion) 和大数据部门同意 (decide_adjustment) 后修改。",
					   "修改已批复的服务方案须有经同意且未使用的内容调整 (no approved adjustment)");
	else if (a.sections == NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
					   psprintf("调整申请 %lld 未载明调整范围 (sections)。", (long long) id),
					   "以 request_adjustment(project, reason, description, sections, budget_delta) 申请, 写明修改的服务方案部分。",
					   "调整申请未载明修改哪些部分, 不能据以修改服务方案 (the adjustment states no scope)");
	else if (a.outside != NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ019, BJ_ART_ADJUSTMENT, 0,
					   psprintf("调整申请 %lld 调整 %s; 修改后的方案与同意的调整不一致之处: %s。", (long long) id, a.sections, a.outside),
					   "修改后的方案须为现方案加上申请并经专家评审同意的调整内容 (changes), 一字不差; 其他修改另行申请调整。",
					   "服务方案的修改与同意的调整不一致: %s (amendment differs from the approved changes)", a.outside);
	service_plan_complete(ctx, new_plan);
}

/* Store the amended plan (one write of the row); the adjustment is used. */
void
bjxm_amend_service_plan_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr used = NULL;
	Oid			types[3] = {INT8OID, INT8OID, JSONBOID};
	int64		id = bjxm_arg_id(ctx, "adjustment");
	Datum		values[3] = {Int64GetDatum(ctx->project_id), Int64GetDatum(id), JsonbPGetDatum(bjxm_arg_json(ctx, "plan"))};
	Oid			plan_types[1] = {JSONBOID};
	Datum		plan_values[1] = {JsonbPGetDatum(bjxm_arg_json(ctx, "plan"))};

	/* the digest of the plan it produced: the service-plan review's successor (src/reviews.c) */
	bjxm_exec(&used, "UPDATE bjxm.adjustments SET status = 'used', "
			  "plan_digest = pg_catalog.md5(($3::pg_catalog.jsonb)::pg_catalog.text) "
			  "WHERE adjustment_id OPERATOR(pg_catalog.=) $2 AND project_id OPERATOR(pg_catalog.=) $1",
			  3, types, values, NULL);
	bjxm_move_set(ctx, &plan, "service_plan = $2", 1, plan_types, plan_values, NULL, ctx->state,
				  psprintf("按调整申请 %lld 修改服务方案", (long long) id));
}

/* start_implementation: 第三十四条, a review that became required after the procurement. */
void
bjxm_start_implementation_rules(BjxmCtx *ctx)
{
	bjxm_rule_city_review(ctx);
	bjxm_rule_service_plan_review(ctx);
}
