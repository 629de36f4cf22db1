/*
 * reviews.c — reviews bound to what they reviewed (第十四条, 第三十四条).
 *
 * Inputs of each kind:
 *   city          the service plan, uses_third_party_system (第三十四条(一)),
 *                 the fund (二), and the project's amount (三: the largest
 *                 of estimate, budget, 招标控制价, procurement amount)
 *   service_plan  the service plan and the 招标控制价 it set
 * A plan section changed, a fact or fund changed, or a higher amount
 * (a lower one is covered: a review of more covers less) voids the
 * review.  For the service plan, an amendment under an approved 第十九条
 * adjustment decided after the review is the plan's lawful successor (its
 * digest is on the adjustment); the city review, which reviewed the old
 * plan, is voided by it.  Reviews recorded before 0.3.0 have no inputs:
 * they stand, and bjxm.inspect lists them.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "action.h"
#include "reviews.h"
#include "spi.h"
#include "splitting.h"

Jsonb *
bjxm_city_review_inputs(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, NUMERICOID};
	Datum		values[2];
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = NumericGetDatum(bjxm_project_amount(ctx));
	bjxm_exec(&plan, "SELECT pg_catalog.jsonb_build_object('plan', p.service_plan, "
			  "'uses_third_party_system', COALESCE(p.facts OPERATOR(pg_catalog.->) 'uses_third_party_system', 'false'), "
			  "'fund', p.fund, 'amount', $2) "
			  "FROM bjxm.projects p WHERE p.project_id OPERATOR(pg_catalog.=) $1", 2, types, values, NULL);
	return DatumGetJsonbPCopy(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

Jsonb *
bjxm_service_plan_review_inputs(BjxmCtx *ctx, Numeric control_price)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, NUMERICOID};
	Datum		values[2];
	char		nulls[2] = {' ', ' '};
	bool		isnull;

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = control_price ? NumericGetDatum(control_price) : (Datum) 0;
	nulls[1] = control_price ? ' ' : 'n';
	bjxm_exec(&plan, "SELECT pg_catalog.jsonb_build_object('plan', p.service_plan, "
			  "'control_price', COALESCE($2, p.control_price)) "
			  "FROM bjxm.projects p WHERE p.project_id OPERATOR(pg_catalog.=) $1", 2, types, values, nulls);
	return DatumGetJsonbPCopy(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

void
bjxm_rule_city_review_binding(BjxmCtx *ctx, int item)
{
	char	   *why = bjxm_review_void(ctx, "city", bjxm_city_review_inputs(ctx), false);

	if (why != NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ034, BJ_ART_CITY_REVIEW, item, why,
					   "市级评审所评审的内容已改变, 评审失效: 由市级大数据部门以 bjxm.record_city_review 对现在的服务方案重新评审。",
					   "市级评审已失效: 评审之后服务方案、事实或金额已改变 (the city review no longer covers the project)");
}

void
bjxm_rule_service_plan_review(BjxmCtx *ctx)
{
	char	   *why = bjxm_review_void(ctx, "service_plan", bjxm_service_plan_review_inputs(ctx, NULL), true);

	if (why != NULL)
		bjxm_violation(ctx, false, ERRCODE_BJ014, BJ_ART_SERVICE_REVIEW, 0, why,
					   "服务方案评审所评审的方案或招标控制价已改变, 评审失效: 由受委托的评审机构以 bjxm.approve_service_plan 重新评审; "
					   "已批复方案的修改只能经第十九条调整 (amend_service_plan)。",
					   "服务方案评审已失效: 评审之后方案或招标控制价已改变 (the service-plan review no longer covers the plan)");
}
