/*
 * registries.c — 第一章 总则, 第三条 部门职责: what 大数据部门 keeps so
 * that everyone else can act.
 *
 *   units        register_unit (a USCC, a kind, its region 第三十五条)
 *   parties      register_party: review institutions, vendors, evaluators,
 *                designers (with their USCC, for 第十五条)
 *   members      grant_unit_member, revoke_unit_member: which roles act
 *                for a unit; an oversight department never does (第三条,
 *                separation of duties); grant_party_member: which
 *                reviewer roles act for an institution (第七条)
 *   parameters   set_setting: the rule parameters of bjxm.settings, each
 *                change an event (the rulebook revision); the figures of
 *                the regulation itself (第三十二条, 第三十四条, and the
 *                superior law's open-tender figure) only by
 *                set_regulation_figure, 市人民政府's, with a reason, each
 *                a new rulebook version (第三十六条)
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "action.h"
#include "duties.h"
#include "errors.h"
#include "registries.h"
#include "spi.h"
#include "types.h"

/* Longest names and codes the registries keep, in characters. */
#define BJXM_NAME_MAX_CHARS 200
#define BJXM_CODE_MAX_CHARS 64

static const char *const party_kinds[] = {"reviewer", "vendor", "evaluator", "designer"};

/* A value for a message: the text, or <NULL> as PL/pgSQL printed it. */
static const char *
shown(const char *s)
{
	return s ? s : "<NULL>";
}

/* btrim(s). */
static char *
trimmed(const char *s)
{
	return TextDatumGetCString(DirectFunctionCall1(btrim1, CStringGetTextDatum(s)));
}

/* ------------------------------------------------------------------ */
/* Units and parties                                                   */
/* ------------------------------------------------------------------ */

/* register_unit is bigdata's of the unit's region (第三十五条). */
void
bjxm_register_unit_duty(BjxmCtx *ctx, unsigned *mask, const char **region)
{
	*region = bjxm_arg_text(ctx, "region");
}

/* register_unit: a name, a code, a kind, a known region; not registered before. */
void
bjxm_register_unit_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr code_plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	const char *code = bjxm_arg_text(ctx, "code");
	const char *name = bjxm_arg_text(ctx, "name");
	const char *kind = bjxm_arg_text(ctx, "kind");
	const char *region = bjxm_arg_text(ctx, "region");

	if (bjxm_blank(name))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL, "单位名称不能为空 (unit name is required)");
	else if (pg_mbstrlen(name) > BJXM_NAME_MAX_CHARS)
		bjxm_reject(ctx, ERRCODE_STRING_DATA_RIGHT_TRUNCATION, 0, NULL, NULL,
					"单位名称超过 200 个字符 (unit name longer than 200 characters)");
	if (code == NULL || kind == NULL || region == NULL)
	{
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL,
					"单位代码、类别和区划不能为空 (code, kind and region are required)");
		return;
	}
	if (!bjxm_region_known(region))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, BJ_ART_COUNTIES, NULL,
					"区划为毕节市及所辖县(市、区)的 GB/T 2260 代码, 见 bjxm.regions。",
					"未知的行政区划“%s” (unknown region %s)", region, region);
	values[0] = CStringGetTextDatum(code);
	if (bjxm_exec(&code_plan, "SELECT 1 FROM bjxm.units u WHERE u.code OPERATOR(bjxm.=) $1::bjxm.uscc",
				  1, types, values, NULL) == 1)
		bjxm_reject(ctx, ERRCODE_UNIQUE_VIOLATION, 0, NULL, NULL,
					"统一社会信用代码 %s 已登记 (unit %s is already registered)", code, code);
}

/* Register the unit; its id is the result, and the event is the unit's. */
void
bjxm_register_unit_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[4];
	const char *code = bjxm_arg_text(ctx, "code");
	const char *kind = bjxm_arg_text(ctx, "kind");
	const char *region = bjxm_arg_text(ctx, "region");
	char	   *name = trimmed(bjxm_arg_text(ctx, "name"));
	bool		isnull;

	values[0] = CStringGetTextDatum(code);
	values[1] = CStringGetTextDatum(name);
	values[2] = CStringGetTextDatum(kind);
	values[3] = CStringGetTextDatum(region);
	bjxm_exec(&plan, "INSERT INTO bjxm.units (code, name, kind, region) "
			  "VALUES ($1::bjxm.uscc, $2, $3::bjxm.unit_kind, $4) RETURNING unit_id", 4, types, values, NULL);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->unit_known = true;
	ctx->unit_id = ctx->result;
	ctx->details = bjxm_jsonb(psprintf("{\"code\": %s, \"kind\": %s, \"region\": %s}", bjxm_json_quote(code),
									   bjxm_json_quote(kind), bjxm_json_quote(region)));
	bjxm_done(ctx, name);
	/*
	 * Issue 17: the unit's event lane, after the event (which goes to a
	 * lane committed before: a reader must see a lane's head to bound its
	 * writers, see events.c).
	 */
	if (bjxm_has_column("event_lanes", "lane"))
	{
		static SPIPlanPtr lane = NULL;
		Oid			ltypes[1] = {INT8OID};
		Datum		lvalues[1];

		lvalues[0] = Int64GetDatum(ctx->result);
		/*
		 * last_event_id starts at the id just taken: every id this lane's
		 * writers take later is above it, and events_since's horizon for
		 * an empty lane with a writer in flight is then recent, not 1.
		 */
		bjxm_exec(&lane, "INSERT INTO bjxm.event_lanes (lane, last_event_id) "
				  "SELECT $1, s.last_value FROM bjxm.event_ids s ON CONFLICT (lane) DO NOTHING",
				  1, ltypes, lvalues, NULL);
	}
}

/* register_party: a code and name, a kind; the code not registered before. */
void
bjxm_register_party_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	const char *code = bjxm_arg_text(ctx, "code");
	const char *name = bjxm_arg_text(ctx, "name");
	const char *kind = bjxm_arg_text(ctx, "kind");

	if (bjxm_blank(code) || bjxm_blank(name))
	{
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL, "第三方代号和名称不能为空 (party code and name are required)");
		return;
	}
	if (pg_mbstrlen(code) > BJXM_CODE_MAX_CHARS || pg_mbstrlen(name) > BJXM_NAME_MAX_CHARS)
		bjxm_reject(ctx, ERRCODE_STRING_DATA_RIGHT_TRUNCATION, 0, NULL, NULL,
					"第三方代号超过 64 个字符或名称超过 200 个字符 (party code or name too long)");
	if (!bjxm_one_of(kind, party_kinds, lengthof(party_kinds)))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"第三方类别“%s”无效 (party kind must be reviewer, vendor, evaluator or designer)", shown(kind));
	values[0] = CStringGetTextDatum(trimmed(code));
	if (bjxm_exec(&plan, "SELECT 1 FROM bjxm.parties p WHERE p.code OPERATOR(pg_catalog.=) $1", 1, types, values, NULL) == 1)
		bjxm_reject(ctx, ERRCODE_UNIQUE_VIOLATION, 0, NULL, NULL,
					"第三方代号“%s”已登记 (party %s is already registered)", code, code);
}

/* Register the party; its id is the result. */
void
bjxm_register_party_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	char	   *code = trimmed(bjxm_arg_text(ctx, "code"));
	char	   *name = trimmed(bjxm_arg_text(ctx, "name"));
	const char *kind = bjxm_arg_text(ctx, "kind");
	const char *uscc = bjxm_arg_text(ctx, "uscc");
	bool		isnull;

	values[0] = CStringGetTextDatum(code);
	values[1] = CStringGetTextDatum(name);
	values[2] = CStringGetTextDatum(kind);
	values[3] = uscc ? CStringGetTextDatum(uscc) : (Datum) 0;
	nulls[3] = uscc ? ' ' : 'n';
	bjxm_exec(&plan, "INSERT INTO bjxm.parties (code, name, kind, uscc) VALUES ($1, $2, $3, $4::bjxm.uscc) "
			  "RETURNING party_id", 4, types, values, nulls);
	ctx->result = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->details = bjxm_jsonb(psprintf("{\"code\": %s, \"kind\": %s, \"uscc\": %s}", bjxm_json_quote(code),
									   bjxm_json_quote(kind), uscc ? bjxm_json_quote(uscc) : "null"));
	bjxm_done(ctx, name);
}

/* ------------------------------------------------------------------ */
/* Members                                                             */
/* ------------------------------------------------------------------ */

/* grant_ and revoke_unit_member act on the unit named by its USCC. */
void
bjxm_unit_member_load(BjxmCtx *ctx)
{
	const char *unit = bjxm_arg_text(ctx, "unit");

	if (unit == NULL || !bjxm_load_visible_unit_by_code(ctx, unit))
		bjxm_refuse_missing(ctx, BJ_ART_DUTIES, "单位 %s 不存在或无权访问 (no such unit, or not visible)", shown(unit));
}

/* A role as regrole prints it (quoted when it needs to be). */
static const char *
role_shown(const BjxmArg *member)
{
	return quote_identifier(member->text);
}

/*
 * Separation of duties at grant time (第三条, 第七条, 第九条, 第三十条;
 * docs/operations.md): refuse (42501 naming the article) to make member
 * act in capacity adding when a duty or membership it holds, itself or
 * through a role whose privileges it has, is incompatible with it.
 * Roles that inherit member are refused when they act (src/duties.c),
 * and bjxm.duty_conflicts() lists them.  True if refused.
 */
static bool
incompatible_member(BjxmCtx *ctx, const BjxmArg *member, BjxmCapacity adding)
{
	BjxmCapacities caps;

	bjxm_role_capacities((Oid) member->id, &caps);
	for (int c = 0; c < BJXM_CAP_COUNT; c++)
	{
		int			article;

		if (!caps.held[c] || (article = bjxm_capacity_conflict_article(adding, c)) == 0)
			continue;
		bjxm_reject(ctx, ERRCODE_INSUFFICIENT_PRIVILEGE, article,
					psprintf("%s: 用户单位、大数据部门、财政部门、市人民政府、第三方评审机构与审计机关的职责分离, "
							 "%s与%s不得由同一角色兼任 (docs/operations.md 职责分离矩阵)。",
							 bjxm_clause_cstring(article, 0), bjxm_capacity_label(adding), bjxm_capacity_label(c)),
					"为不同的职责使用不同的角色; 或先撤销该角色的另一项职责或成员资格。",
					"角色“%s”已是%s (%s), 不能兼任%s (separation of duties: %s already acts as %s, cannot also act as %s)",
					role_shown(member), bjxm_capacity_label(c), bjxm_capacity_held_text(&caps, c),
					bjxm_capacity_label(adding), role_shown(member), bjxm_capacity_name(c), bjxm_capacity_name(adding));
		return true;
	}
	return false;
}

/* grant_unit_member: a role with the unit duty and no incompatible duty or membership (第三条). */
void
bjxm_grant_unit_member_rules(BjxmCtx *ctx)
{
	const BjxmArg *member = bjxm_arg(ctx, "member");

	if (!member->given)
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL, "成员角色不能为空 (member is required)");
	if (!member->present)
		return;
	if (incompatible_member(ctx, member, BJXM_CAP_USER_UNIT))
		return;
	if (!bjxm_role_holds_duty((Oid) member->id, "user_unit"))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL,
					psprintf("先由数据库管理员执行 GRANT bjxm_user_unit TO %s。", role_shown(member)),
					"角色“%s”不具备用户单位职责 (role %s lacks bjxm_user_unit)", role_shown(member), role_shown(member));
}

/*
 * Write one membership row (member, id) with sql; when a row was written,
 * the event names the member and the unit or party (key = value).
 */
static void
membership_write(BjxmCtx *ctx, SPIPlanPtr *plan, const char *sql, int64 id, const char *key, const char *value)
{
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		values[2];
	const char *member = bjxm_arg_text(ctx, "member");

	values[0] = CStringGetTextDatum(member);
	values[1] = Int64GetDatum(id);
	if (bjxm_exec(plan, sql, 2, types, values, NULL) == 0)
		return;					/* nothing changed: no event */
	ctx->details = bjxm_jsonb(psprintf("{\"member\": %s, \"%s\": %s}", bjxm_json_quote(member), key,
									   bjxm_json_quote(value)));
	bjxm_done(ctx, member);
}

/* Record the membership (an event only when it is new). */
void
bjxm_grant_unit_member_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;

	membership_write(ctx, &plan, "INSERT INTO bjxm.unit_members (member, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
					 ctx->unit_id, "unit", ctx->unit_code);
}

/* revoke_unit_member: a role. */
void
bjxm_revoke_unit_member_rules(BjxmCtx *ctx)
{
	if (!bjxm_arg(ctx, "member")->given)
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL, "成员角色不能为空 (member is required)");
}

/* End the membership (an event only when there was one). */
void
bjxm_revoke_unit_member_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;

	membership_write(ctx, &plan, "DELETE FROM bjxm.unit_members m WHERE m.member OPERATOR(pg_catalog.=) $1 "
					 "AND m.unit_id OPERATOR(pg_catalog.=) $2",
					 ctx->unit_id, "unit", ctx->unit_code);
}

/* grant_party_member: a registered review institution, a role with the reviewer duty (第七条). */
void
bjxm_grant_party_member_rules(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	const char *party = bjxm_arg_text(ctx, "party");
	const BjxmArg *member = bjxm_arg(ctx, "member");
	char	   *kind;
	bool		isnull;

	values[0] = CStringGetTextDatum(party ? party : "");
	if (party == NULL ||
		bjxm_exec(&plan, "SELECT p.party_id, p.kind FROM bjxm.parties p WHERE p.code OPERATOR(pg_catalog.=) $1",
				  1, types, values, NULL) != 1)
	{
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL, "第三方“%s”未登记 (no such party)", shown(party));
		return;
	}
	ctx->object_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	kind = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	if (strcmp(kind, "reviewer") != 0)
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"“%s”不是第三方评审机构 (party %s is a %s, not a reviewer)", party, party, kind);
	if (member->given && !member->present)
		return;					/* no such role: refused already */
	if (member->present && incompatible_member(ctx, member, BJXM_CAP_REVIEWER))
		return;
	if (!member->present || !bjxm_role_holds_duty((Oid) member->id, "reviewer"))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, "先由数据库管理员执行 GRANT bjxm_reviewer TO 该角色。",
					"角色“%s”不具备评审机构职责 (role lacks bjxm_reviewer)",
					member->present ? role_shown(member) : "<NULL>");
}

/* Record the membership (an event only when it is new). */
void
bjxm_grant_party_member_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;

	membership_write(ctx, &plan, "INSERT INTO bjxm.party_members (member, party_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
					 ctx->object_id, "party", bjxm_arg_text(ctx, "party"));
}

/* ------------------------------------------------------------------ */
/* Rule parameters                                                     */
/* ------------------------------------------------------------------ */

/* Whether v is a non-negative decimal number: digits, optionally a point and digits. */
static bool
plain_number(const char *v)
{
	const char *p = v;

	if (!isdigit((unsigned char) *p))
		return false;
	while (isdigit((unsigned char) *p))
		p++;
	if (*p == '.')
	{
		p++;
		if (!isdigit((unsigned char) *p))
			return false;
		while (isdigit((unsigned char) *p))
			p++;
	}
	return *p == '\0';
}

/*
 * The settings that are figures of the regulation, or of the superior law
 * it defers to (第三十六条), when the schema does not say (before ALTER
 * EXTENSION UPDATE to 0.3.0: bjxm.settings.regulation_figure).
 */
static const char *const figure_keys[] = {
	"county_review_threshold",	/* 第三十四条第(三)项 100万元 */
	"major_project_threshold",	/* 第三十二条 新增重大项目 */
	"open_tender_threshold",	/* 第十五条: 政府采购 公开招标数额标准 */
};

/* Whether the loaded settings row is a regulation figure (see figure_keys). */
static bool
setting_is_figure(BjxmCtx *ctx, const char *key)
{
	if (bjxm_has_column("settings", "regulation_figure"))
	{
		bool		isnull;
		Datum		d = bjxm_object_col(ctx, "regulation_figure", &isnull);

		return !isnull && DatumGetBool(d);
	}
	return bjxm_one_of(key, figure_keys, lengthof(figure_keys));
}

/* The clause of the loaded settings row, as article (0 if none). */
static int
setting_article(BjxmCtx *ctx)
{
	bool		isnull;
	Datum		clause = bjxm_object_col(ctx, "clause", &isnull);

	return isnull ? 0 : BjxmClauseArticle(DatumGetInt32(clause));
}

/* A number in numeric's own spelling (no leading zeros, no sign, no spaces). */
static const char *
canonical_number(const char *value)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out,
											   DirectFunctionCall3(numeric_in, CStringGetDatum(value),
																   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1))));
}

/*
 * set_setting and set_regulation_figure: a known key, a value of its kind;
 * a figure of the regulation only by set_regulation_figure (42501 naming
 * its article), any other setting only by set_setting.
 */
static void
setting_rules(BjxmCtx *ctx, bool figure_action)
{
	static SPIPlanPtr lock = NULL;
	static SPIPlanPtr read = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	const char *key = bjxm_arg_text(ctx, "key");
	const char *value = bjxm_arg_text(ctx, "value");
	const char *kind;

	if (bjxm_arg(ctx, "key")->given && key == NULL)
		return;					/* not text: refused already */
	values[0] = CStringGetTextDatum(key ? key : "");
	if (key == NULL ||
		bjxm_exec(ctx->check_only ? &read : &lock,
				  ctx->check_only ? "SELECT s.* FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) $1"
				  : "SELECT s.* FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) $1 FOR UPDATE",
				  1, types, values, NULL) != 1)
	{
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, "参数见 bjxm.settings。",
					"未知的参数“%s” (unknown setting)", shown(key));
		return;
	}
	ctx->object_row = SPI_tuptable->vals[0];
	ctx->object_desc = SPI_tuptable->tupdesc;
	if (!figure_action && setting_is_figure(ctx, key))
	{
		int			article = setting_article(ctx);

		bjxm_reject(ctx, ERRCODE_INSUFFICIENT_PRIVILEGE, article ? article : BJ_ART_EFFECT,
					psprintf("%s 是%s规定的数额 (%s 元), 属于规则本身; 大数据部门只能修改其他参数。",
							 key, bjxm_object_text(ctx, "clause") ? bjxm_object_text(ctx, "clause") : "本办法",
							 bjxm_object_text(ctx, "value")),
					"由市人民政府 (bjxm_city_gov, 全市管辖范围) 以 bjxm.set_regulation_figure(key, value, reason) 修改并说明理由, 每次修改为新的规则版本。",
					"参数 %s 是规章规定的数额, 不能以 set_setting 修改 (a figure of the regulation: only bjxm.set_regulation_figure by the city government)",
					key);
		return;
	}
	if (figure_action && !setting_is_figure(ctx, key))
	{
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL,
					"规章规定的数额见 bjxm.rulebook; 其他参数由市级大数据部门以 bjxm.set_setting 修改。",
					"参数 %s 不是规章规定的数额 (not a figure of the regulation: use bjxm.set_setting)", key);
		return;
	}
	if (value == NULL)
	{
		bjxm_reject(ctx, ERRCODE_NULL_VALUE_NOT_ALLOWED, 0, NULL, NULL, "参数值不能为空 (value is required)");
		return;
	}
	kind = bjxm_object_text(ctx, "kind");
	if (strcmp(kind, "boolean") == 0)
	{
		if (pg_strcasecmp(value, "true") != 0 && pg_strcasecmp(value, "false") != 0)
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
						"参数 %s 须为 true 或 false (boolean expected): %s", key, value);
		return;
	}
	if (!plain_number(value))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"参数 %s 须为非负数 (non-negative number expected): %s", key, value);
	else
	{
		Numeric		n = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(value),
															ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
		int32		scale = DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(n)));
		Numeric		truncated = DatumGetNumeric(DirectFunctionCall2(numeric_trunc, NumericGetDatum(n), Int32GetDatum(0)));

		if (strcmp(kind, "integer") == 0 &&
			(bjxm_numeric_cmp(n, truncated) != 0 || bjxm_numeric_cmp(n, int64_to_numeric(1)) < 0))
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
						"参数 %s 须为正整数 (positive integer expected): %s", key, value);
		else if (strcmp(kind, "rate") == 0 && bjxm_numeric_cmp(n, int64_to_numeric(1)) > 0)
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
						"参数 %s 须在 0 与 1 之间 (rate expected): %s", key, value);
		else if (strcmp(kind, "amount") == 0 && scale > 2)
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
						"金额 %s 最多两位小数 (at most two decimals): %s", key, value);
		/* a figure of the regulation at 0 would switch its article off (second red team, issue 15) */
		else if (figure_action && bjxm_numeric_cmp(n, int64_to_numeric(0)) <= 0)
			bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
						"规章规定的数额 %s 须大于零 (a regulation figure must be positive): %s", key, value);
	}
	/* a reason with no word in it is no reason */
	if (figure_action && bjxm_wordless(bjxm_arg_text(ctx, "reason")))
		bjxm_reject(ctx, ERRCODE_INVALID_PARAMETER_VALUE, 0, NULL, NULL,
					"修改规章规定的数额须以文字说明理由 (the reason says nothing in words)");
}

/* set_setting: a known key that is not a regulation figure, a value of its kind. */
void
bjxm_set_setting_rules(BjxmCtx *ctx)
{
	setting_rules(ctx, false);
}

/* set_regulation_figure: a regulation figure, a value of its kind, a reason (non-blank: the argument). */
void
bjxm_set_regulation_figure_rules(BjxmCtx *ctx)
{
	if (bjxm_require_column(ctx, "settings", "regulation_figure"))
		setting_rules(ctx, true);
}

/* Change the parameter: a new revision, an event citing the parameter's clause. */
void
bjxm_set_setting_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2];
	const char *key = bjxm_arg_text(ctx, "key");
	const char *value = bjxm_arg_text(ctx, "value");
	const char *old = bjxm_object_text(ctx, "value");
	bool		isnull;
	Datum		clause = bjxm_object_col(ctx, "clause", &isnull);

	if (strcmp(bjxm_object_text(ctx, "kind"), "boolean") == 0)
		value = pg_strcasecmp(value, "true") == 0 ? "true" : "false";
	else						/* stored as numeric prints it: 0099 is 99 */
		value = canonical_number(value);
	values[0] = CStringGetTextDatum(key);
	values[1] = CStringGetTextDatum(value);
	bjxm_exec(&plan, "UPDATE bjxm.settings x SET value = $2, revision = x.revision OPERATOR(pg_catalog.+) 1, "
			  "changed_at = pg_catalog.clock_timestamp() WHERE x.key OPERATOR(pg_catalog.=) $1",
			  2, types, values, NULL);
	ctx->clause_article = isnull ? -1 : BjxmClauseArticle(DatumGetInt32(clause));
	ctx->clause_item = isnull ? 0 : BjxmClauseItem(DatumGetInt32(clause));
	ctx->details = bjxm_jsonb(psprintf("{\"key\": %s, \"old\": %s, \"new\": %s}", bjxm_json_quote(key),
									   bjxm_json_quote(old), bjxm_json_quote(value)));
	bjxm_done(ctx, psprintf("%s: %s → %s", key, old, value));
}

/*
 * Change a regulation figure: a new revision of the setting and a new
 * rulebook version (bjxm.rulebook_versions), the event citing the
 * figure's clause with old value, new value, reason and version.
 */
void
bjxm_set_regulation_figure_apply(BjxmCtx *ctx)
{
	static SPIPlanPtr update = NULL;
	static SPIPlanPtr version = NULL;
	Oid			types[5] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, NAMEOID};
	Datum		values[5];
	const char *key = bjxm_arg_text(ctx, "key");
	const char *value = bjxm_arg_text(ctx, "value");
	const char *reason = bjxm_arg_text(ctx, "reason");
	const char *old = bjxm_object_text(ctx, "value");
	bool		isnull;
	bool		noclause;
	Datum		clause = bjxm_object_col(ctx, "clause", &noclause);
	NameData	actor;
	int64		v;

	if (strcmp(bjxm_object_text(ctx, "kind"), "boolean") == 0)
		value = pg_strcasecmp(value, "true") == 0 ? "true" : "false";
	else						/* stored as numeric prints it: 0099 is 99 */
		value = canonical_number(value);
	values[0] = CStringGetTextDatum(key);
	values[1] = CStringGetTextDatum(value);
	bjxm_exec(&update, "UPDATE bjxm.settings x SET value = $2, revision = x.revision OPERATOR(pg_catalog.+) 1, "
			  "changed_at = pg_catalog.clock_timestamp() WHERE x.key OPERATOR(pg_catalog.=) $1",
			  2, types, values, NULL);
	/* versions are numbered in the order of record: one writer at a time */
	if (SPI_execute("LOCK TABLE bjxm.rulebook_versions IN SHARE ROW EXCLUSIVE MODE", false, 0) != SPI_OK_UTILITY)
		elog(ERROR, "bjxm: rulebook lock failed");
	namestrcpy(&actor, bjxm_actor_name());
	values[2] = CStringGetTextDatum(old);
	values[3] = CStringGetTextDatum(reason);
	values[4] = NameGetDatum(&actor);
	if (bjxm_exec(&version, "INSERT INTO bjxm.rulebook_versions (version, key, old_value, new_value, reason, changed_by) "
				  "SELECT COALESCE(pg_catalog.max(r.version), 0) OPERATOR(pg_catalog.+) 1, $1, $3, $2, $4, $5 "
				  "FROM bjxm.rulebook_versions r RETURNING version",
				  5, types, values, NULL) != 1)
		elog(ERROR, "bjxm: rulebook version not recorded");
	v = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->clause_article = noclause ? BJ_ART_EFFECT : BjxmClauseArticle(DatumGetInt32(clause));
	ctx->clause_item = noclause ? 0 : BjxmClauseItem(DatumGetInt32(clause));
	ctx->details = bjxm_jsonb(psprintf("{\"key\": %s, \"old\": %s, \"new\": %s, \"reason\": %s, \"version\": " INT64_FORMAT "}",
									   bjxm_json_quote(key), bjxm_json_quote(old), bjxm_json_quote(value),
									   bjxm_json_quote(reason), v));
	bjxm_done(ctx, psprintf("规则版本 %lld: %s: %s → %s (%s)", (long long) v, key, old, value, reason));
}
