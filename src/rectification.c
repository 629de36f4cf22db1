/*
 * rectification.c — 第七章 监督管理: automatic inspection against
 * 第三十一条 (bjxm.inspect).  The rectification orders themselves and the
 * hold they create are in src/bjxm.sql (order status) and funding.c (the
 * BJ031 rule, shared by every funding action and bjxm.check).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "bjxm.h"
#include "engine.h"
#include "errors.h"
#include "types.h"

/* A boolean fact, with *known false when absent or not boolean. */
static bool
fact_bool(Jsonb *facts, const char *key, bool *known)
{
	JsonbValue *v = bjxm_json_get(facts, key);

	*known = v != NULL && v->type == jbvBool;
	return *known && v->val.boolean;
}

/* 第三十一条(三)(四)(七)(八) from the project's facts. */
static void
inspect_facts(BjxmCtx *ctx)
{
	bool		isnull;
	Datum		d = bjxm_col(ctx, "facts", &isnull);
	Jsonb	   *facts = isnull ? NULL : DatumGetJsonbP(d);
	JsonbValue *site = bjxm_json_get(facts, "deployment_site");
	bool		known,
				known2;
	bool		v;

	/* (三) built on the city data centre */
	if (site == NULL || site->type != jbvString)
		bjxm_violation(ctx, true, ERRCODE_BJ031, 31, 3, "项目事实中没有 deployment_site。",
					   "以 bjxm.set_project_facts 登记部署位置 (city_data_center 或其他)。",
					   "未登记部署位置, 无法核查是否基于毕节市城市数据中心建设 (deployment site unknown)");
	else if (!(site->val.string.len == 16 && strncmp(site->val.string.val, "city_data_center", 16) == 0))
		bjxm_violation(ctx, false, ERRCODE_BJ031, 31, 3,
					   psprintf("部署位置为“%.*s”。", site->val.string.len, site->val.string.val),
					   "迁移至毕节市城市数据中心(“云上贵州”毕节分平台)并更新项目事实。",
					   "未按要求基于毕节市城市数据中心(“云上贵州”毕节分平台)建设 (not on the city data centre)");

	/* (四) connected to the provincial 政务服务一体化平台 where required */
	v = fact_bool(facts, "gov_service_integration_required", &known);
	if (v && !fact_bool(facts, "gov_service_integrated", &known2))
		bjxm_violation(ctx, false, ERRCODE_BJ031, 31, 4, "要求对接而未对接 (gov_service_integrated 不是 true)。",
					   "对接全省政务服务一体化平台并更新项目事实。",
					   "未按要求对接全省政务服务一体化平台 (not connected to the provincial government-service platform)");

	/* (七) 国产密码 deployed for data protection */
	v = fact_bool(facts, "domestic_crypto", &known);
	if (!known)
		bjxm_violation(ctx, true, ERRCODE_BJ031, 31, 7, "项目事实中没有 domestic_crypto。",
					   "以 bjxm.set_project_facts 登记是否部署国产密码。",
					   "未登记是否部署国产密码进行数据保护 (domestic cryptography unknown)");
	else if (!v)
		bjxm_violation(ctx, false, ERRCODE_BJ031, 31, 7, "domestic_crypto 为 false。",
					   "部署国产密码 (SM2/SM3/SM4 等) 进行数据保护。",
					   "未按要求部署国产密码进行数据保护 (no domestic cryptography)");

	/* (八) a third-party system without the city-level review */
	if (fact_bool(facts, "uses_third_party_system", &known))
	{
		Datum		r = bjxm_col(ctx, "city_review_passed", &isnull);

		if (isnull || !DatumGetBool(r))
			bjxm_violation(ctx, false, ERRCODE_BJ031, 31, 8, "项目使用第三方提供的信息系统服务, 未经市级评审通过。",
						   "按第三十四条由市级大数据部门评审服务方案。",
						   "擅自使用第三方提供的信息系统服务 (third-party system without city-level review)");
	}
}

PG_FUNCTION_INFO_V1(bjxm_inspect);
/* bjxm.inspect(project) → setof violation: 第三十一条 监督检查 findings. */
Datum
bjxm_inspect(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BjxmCtx		ctx;
	List	   *found;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	memset(&ctx, 0, sizeof(ctx));
	ctx.check_only = true;
	ctx.action = "inspect";
	ctx.has_project = true;
	ctx.project_id = PG_GETARG_INT64(0);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
	bjxm_load_visible_project(&ctx);
	inspect_facts(&ctx);
	bjxm_inspect_data_security(&ctx);
	found = bjxm_violations_copy(ctx.violations, rsinfo->econtext->ecxt_per_query_memory);
	SPI_finish();
	bjxm_violations_emit(rsinfo, found);
	return (Datum) 0;
}
