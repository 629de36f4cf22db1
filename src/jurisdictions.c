/*
 * jurisdictions.c — 第八章 附则, 第三十四条 and 第三十五条.
 *
 *   第三十四条 a project's service plan is reviewed by the city's bigdata
 *              department when (一) a city unit uses a third-party system,
 *              (二) it is paid from superior or self-raised funds, or
 *              (三) it is a county project of 100万 or more (the setting
 *              county_review_threshold), alone or as one of a split
 *              group (src/splitting.c); record_city_review, and the rule
 *              procurement applies (BJ034)
 *   第三十五条 counties act by reference: a duty member's jurisdiction is
 *              a county or the whole city (set_jurisdiction, revoke_
 *              jurisdiction), keyed by role OID; a member without one acts
 *              on no region; the duty check itself (duties.c) scopes
 *              every action by it
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "miscadmin.h"

#include "action.h"
#include "duties.h"
#include "jurisdictions.h"
#include "reviews.h"
#include "settings.h"
#include "spi.h"
#include "splitting.h"

/* 第三十四条: which of its items requires a city-level review (0 = none). */
int
bjxm_city_review_item(BjxmCtx *ctx)
{
	bool		isnull;
	const char *fund = bjxm_col_text(ctx, "fund");
	Datum		facts_d = bjxm_col(ctx, "facts", &isnull);
	Jsonb	   *facts = isnull ? NULL : DatumGetJsonbP(facts_d);
	JsonbValue *third = bjxm_json_get(facts, "uses_third_party_system");
	bool		city_unit = strcmp(ctx->unit_region, BJXM_CITY_REGION) == 0;

	/* (一) a city unit doing its business on a third party's system */
	if (city_unit && third && third->type == jbvBool && third->val.boolean)
		return 1;
	/* (二) superior or self-raised funds */
	if (strcmp(fund, "superior") == 0 || strcmp(fund, "self_raised") == 0)
		return 2;
	/* (三) a county project of county_review_threshold (100万) or more */
	if (!city_unit)
	{
		if (bjxm_numeric_cmp(bjxm_project_amount(ctx), bjxm_setting_numeric("county_review_threshold")) >= 0)
			return 3;
		/* … or one of a split group that reaches it together (src/splitting.c) */
		if (bjxm_split_group(ctx, bjxm_setting_numeric("county_review_threshold"), false, NULL, NULL, NULL))
			return 3;
	}
	/*
	 * An item that applied once still applies: a fact turned off after
	 * the fact (uses_third_party_system false, then procured, then true
	 * again) does not lift the review (set_project_facts records it).
	 */
	{
		Datum		once = bjxm_col_opt(ctx, "city_review_item", &isnull);

		if (!isnull && DatumGetInt32(once) > 0)
			return DatumGetInt32(once);
	}
	return 0;
}

/* 第三十四条: a review required and not passed refuses (BJ034). */
void
bjxm_rule_city_review(BjxmCtx *ctx)
{
	int			item = bjxm_city_review_item(ctx);
	bool		isnull;
	Datum		d;
	StringInfoData members;
	Numeric		sum;
	const char *split = NULL;

	if (item == 0)
		return;
	d = bjxm_col(ctx, "city_review_passed", &isnull);
	initStringInfo(&members);
	if ((isnull || !DatumGetBool(d)) && item == 3 &&
		bjxm_split_group(ctx, bjxm_setting_numeric("county_review_threshold"), false, NULL, &members, &sum))
		split = bjxm_split_detail(members.data, sum, "county_review_threshold", bjxm_setting_numeric("county_review_threshold"));
	if (!isnull && DatumGetBool(d))
	{
		/* passed: it still covers the project as it stands (src/reviews.c) */
		bjxm_rule_city_review_binding(ctx, item);
		return;
	}
	if (isnull || !DatumGetBool(d))
		bjxm_violation(ctx, false, ERRCODE_BJ034, BJ_ART_CITY_REVIEW, item,
					   item == 1 ? "市级单位采用第三方信息系统开展业务工作 (或曾登记为采用)。"
					   : item == 2 ? "项目使用上级资金或自行筹措资金。"
					   : split ? split
					   : psprintf("县级项目金额(估算、预算、招标控制价、采购金额中最大者) %s 元达到 county_review_threshold。",
								bjxm_numeric_text(bjxm_project_amount(ctx))),
					   "由市级大数据部门以 bjxm.record_city_review 评审服务方案。",
					   "项目服务方案须经市级大数据部门评审而%s (city-level review required)",
					   isnull ? "未评审" : "评审未通过");
}

/*
 * 第三十四条第(三)项 ahead of the gates: a county project whose budget is
 * raised to county_review_threshold or more, without a city review that
 * covered that amount, is warned that contract, implementation and
 * payment will ask for one (the gates refuse, src/reviews.c).
 */
void
bjxm_rule_city_review_ahead(BjxmCtx *ctx, Numeric amount)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(ctx->project_id)};
	Numeric		threshold;
	bool		isnull;
	Datum		passed;

	if (amount == NULL || strcmp(ctx->unit_region, BJXM_CITY_REGION) == 0)
		return;
	threshold = bjxm_setting_numeric("county_review_threshold");
	if (bjxm_numeric_cmp(amount, threshold) < 0)
		return;
	passed = bjxm_col(ctx, "city_review_passed", &isnull);
	if (!isnull && DatumGetBool(passed) && bjxm_has_column("reviews", "inputs") &&
		bjxm_exec(&plan, "SELECT (r.inputs OPERATOR(pg_catalog.->>) 'amount')::pg_catalog.numeric FROM bjxm.reviews r "
				  "WHERE r.project_id OPERATOR(pg_catalog.=) $1 AND r.kind OPERATOR(pg_catalog.=) 'city' AND r.passed "
				  "ORDER BY r.review_id DESC LIMIT 1", 1, types, values, NULL) == 1)
	{
		Datum		reviewed = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (isnull || bjxm_numeric_cmp(DatumGetNumeric(reviewed), amount) >= 0)
			return;
	}
	bjxm_violation(ctx, true, ERRCODE_BJ034, BJ_ART_CITY_REVIEW, 3,
				   psprintf("调整后项目预算 %s 元, 达到 county_review_threshold %s 元, 尚无覆盖该金额的市级评审。",
							bjxm_numeric_text(amount), bjxm_numeric_text(threshold)),
				   "合同签订、项目实施和拨付前须由市级大数据部门以 bjxm.record_city_review 评审。",
				   "县级项目预算调增后须经市级大数据部门评审 (city-level review required at the new amount)");
}

/* Record the city review (in one write of the row with the state) and move. */
void
bjxm_record_city_review_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {BOOLOID};
	Datum		values[1] = {BoolGetDatum(ctx->passed)};

	bjxm_insert_review_inputs(ctx, 0, "city", ctx->note, bjxm_city_review_inputs(ctx));
	bjxm_move_set(ctx, &plan, "city_review_passed = $2", 1, types, values, NULL, bjxm_next_state(ctx), ctx->note);
}

/*
 * 第三十五条: jurisdictions fail closed (docs/design.md "Jurisdictions fail
 * closed").  A row of bjxm.jurisdictions is keyed by the role's OID and
 * counts while the role holds SELECT on the table, granted here: the
 * grant is a shared dependency, so DROP ROLE is refused until the
 * jurisdiction is revoked (bjxm.revoke_jurisdiction) or DROP OWNED BY
 * takes the grant away, and a row whose grant is gone is void.  The
 * member column keeps the role's current name for pg_dump: a restore
 * maps it back to the OID of that name (bjxm._jurisdictions_restore) and
 * the dumped GRANT, by current name, validates it.
 */

/* Grant or revoke the marker privilege of role on bjxm.jurisdictions. */
static void
jurisdiction_marker(Oid role, bool grant)
{
	const char *name = GetUserNameFromId(role, false);

	if (SPI_execute(psprintf(grant ? "GRANT SELECT ON TABLE bjxm.jurisdictions TO %s"
							 : "REVOKE SELECT ON TABLE bjxm.jurisdictions FROM %s",
							 quote_identifier(name)), false, 0) != SPI_OK_UTILITY)
		elog(ERROR, "bjxm: jurisdiction grant failed");
}

/* Keep every row's member name the role's current name (renames; for pg_dump). */
static void
refresh_member_names(void)
{
	static SPIPlanPtr plan = NULL;

	bjxm_exec(&plan, "UPDATE bjxm.jurisdictions j SET member = r.rolname FROM pg_catalog.pg_roles r "
			  "WHERE r.oid OPERATOR(pg_catalog.=) j.role_oid AND j.member OPERATOR(pg_catalog.<>) r.rolname",
			  0, NULL, NULL, NULL);
}

/* The member argument of set_ and revoke_jurisdiction, and the schema of 0.3.0. */
static bool
jurisdiction_member_given(BjxmCtx *ctx)
{
	const BjxmArg *member = bjxm_arg(ctx, "member");

	if (!member->given)
	{
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL, "角色不能为空 (member is required)");
		return false;
	}
	if (!member->present)
		return false;			/* refused already */
	return bjxm_require_column(ctx, "jurisdictions", "role_oid");
}

/* set_jurisdiction: a member of a duty that has a jurisdiction, a known region. */
void
bjxm_set_jurisdiction_rules(BjxmCtx *ctx)
{
	const BjxmArg *member = bjxm_arg(ctx, "member");
	const char *region = bjxm_arg_text(ctx, "region");
	Oid			role = (Oid) member->id;

	if (!member->given || !bjxm_arg(ctx, "region")->given)
	{
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL, "角色和区划不能为空 (member and region are required)");
		return;
	}
	if (!member->present || region == NULL)
		return;					/* refused already */
	if (!bjxm_require_column(ctx, "jurisdictions", "role_oid"))
		return;
	if (!bjxm_region_known(region))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL,
					"区划见 bjxm.regions; 全市范围为 '520500' (毕节市市级)。",
					"未知的行政区划“%s” (unknown region %s)", region, region);
	if (!(bjxm_role_is_oversight(role) || bjxm_role_holds_duty(role, "auditor")))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"角色“%s”不是大数据部门、财政部门、市人民政府或审计机关的成员 (role holds no duty with a jurisdiction)",
					member->text);
}

/* Set (or replace) the member's jurisdiction, keyed by OID, with its marker grant. */
void
bjxm_set_jurisdiction_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[3] = {OIDOID, NAMEOID, TEXTOID};
	Datum		values[3];
	Oid			role = (Oid) bjxm_arg(ctx, "member")->id;
	const char *member = GetUserNameFromId(role, false);
	const char *region = bjxm_arg_text(ctx, "region");
	NameData	n;

	namestrcpy(&n, member);
	values[0] = ObjectIdGetDatum(role);
	values[1] = NameGetDatum(&n);
	values[2] = CStringGetTextDatum(region);
	refresh_member_names();
	bjxm_exec(&plan, "INSERT INTO bjxm.jurisdictions (role_oid, member, region) VALUES ($1, $2, $3) "
			  "ON CONFLICT ON CONSTRAINT jurisdictions_pkey "
			  "DO UPDATE SET member = EXCLUDED.member, region = EXCLUDED.region, set_at = pg_catalog.clock_timestamp()",
			  3, types, values, NULL);
	jurisdiction_marker(role, true);
	ctx->details = bjxm_jsonb(psprintf("{\"member\": %s, \"role_oid\": %u, \"region\": %s}",
									   bjxm_json_quote(member), role, bjxm_json_quote(region)));
	bjxm_done(ctx, psprintf("%s → %s", member, region));
}

/* revoke_jurisdiction: the member has a jurisdiction row. */
void
bjxm_revoke_jurisdiction_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {OIDOID};
	Datum		values[1];
	const BjxmArg *member = bjxm_arg(ctx, "member");

	if (!jurisdiction_member_given(ctx))
		return;
	values[0] = ObjectIdGetDatum((Oid) member->id);
	if (bjxm_exec(&plan, "SELECT j.region FROM bjxm.jurisdictions j WHERE j.role_oid OPERATOR(pg_catalog.=) $1",
				  1, types, values, NULL) != 1)
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"角色“%s”没有管辖范围 (role has no jurisdiction)", member->text);
}

/* Remove the member's jurisdiction and its marker grant: it acts on no region. */
void
bjxm_revoke_jurisdiction_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {OIDOID};
	Datum		values[1];
	Oid			role = (Oid) bjxm_arg(ctx, "member")->id;
	const char *member = GetUserNameFromId(role, false);

	values[0] = ObjectIdGetDatum(role);
	refresh_member_names();
	bjxm_exec(&plan, "DELETE FROM bjxm.jurisdictions j WHERE j.role_oid OPERATOR(pg_catalog.=) $1",
			  1, types, values, NULL);
	jurisdiction_marker(role, false);
	ctx->details = bjxm_jsonb(psprintf("{\"member\": %s, \"role_oid\": %u}", bjxm_json_quote(member), role));
	bjxm_done(ctx, member);
}
