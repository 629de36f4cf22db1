/*
 * independence.c — 第三方的独立性 (第七条 第三方评审机构, 第十四条,
 * 第十九条 专家评审, 第三十三条 第三方评估机构).
 *
 * A third party of a project acts in one of three sides: it reviews
 * (the institution entrusted with the demand or service plan, or whose
 * experts opine on an adjustment), it designs (designed_by of a plan), or
 * it evaluates (第三十三条).  Whatever code it is registered under, a
 * party is the legal person of its USCC: a party whose USCC is that of
 * the project's unit, its vendor, or a party on another side is not a
 * third party to the project, and is refused (BJ007) at the step where
 * it would act.  The other order — the vendor procured after a reviewer
 * or designer with its USCC — is 第十五条's (BJ015, src/projects.c).
 *
 * The unit is compared for the reviewer and the evaluator (the plan they
 * review, the use they evaluate are the unit's); a unit may design its
 * own plan.  An evaluator must have a USCC: the evaluation is the last
 * step, no later check would find it out.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "action.h"
#include "errors.h"
#include "independence.h"
#include "spi.h"

/* Which side a party acts on; the SQL below names them so. */
#define SIDE_REVIEWER "reviewer"
#define SIDE_DESIGNER "designer"
#define SIDE_EVALUATOR "evaluator"

/* Chinese name of a side (and of the unit and vendor), for messages. */
static const char *
side_label(const char *side)
{
	if (strcmp(side, SIDE_REVIEWER) == 0)
		return "评审机构";
	if (strcmp(side, SIDE_DESIGNER) == 0)
		return "咨询设计单位";
	if (strcmp(side, SIDE_EVALUATOR) == 0)
		return "评估机构";
	if (strcmp(side, "unit") == 0)
		return "用户单位";
	if (strcmp(side, "vendor") == 0)
		return "服务单位";
	return side;
}

/* A party by id or by code: its code and USCC (NULL if none); false if not registered. */
static bool
party_lookup(int64 id, const char *code, char **out_code, char **out_uscc)
{
	static SPIPlanPtr by_id = NULL;
	static SPIPlanPtr by_code = NULL;
	Oid			types[1];
	Datum		values[1];
	int			n;

	if (code != NULL)
	{
		types[0] = TEXTOID;
		values[0] = CStringGetTextDatum(code);
		n = bjxm_exec(&by_code, "SELECT p.code, p.uscc::pg_catalog.text FROM bjxm.parties p "
					  "WHERE p.code OPERATOR(pg_catalog.=) pg_catalog.btrim($1)", 1, types, values, NULL);
	}
	else
	{
		types[0] = INT8OID;
		values[0] = Int64GetDatum(id);
		n = bjxm_exec(&by_id, "SELECT p.code, p.uscc::pg_catalog.text FROM bjxm.parties p "
					  "WHERE p.party_id OPERATOR(pg_catalog.=) $1", 1, types, values, NULL);
	}
	if (n != 1)
		return false;
	*out_code = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	*out_uscc = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	return true;
}

/* The adjustment opinions' institutions, reviewers too (0.3.0 schema). */
#define OPINION_PARTIES \
	"      UNION SELECT a.opinion_party FROM bjxm.adjustments a WHERE a.project_id OPERATOR(pg_catalog.=) $1"

/*
 * The sides of project $1 other than side $2 whose USCC is $3 (other than
 * party code $4), the unit first: opinions is OPINION_PARTIES or "".
 */
#define SIDES_SQL(opinions) \
	"SELECT x.side, x.code FROM (" \
	"  SELECT 'unit' AS side, u.code::pg_catalog.text AS code, u.code::pg_catalog.text AS uscc, 1 AS o " \
	"    FROM bjxm.projects j JOIN bjxm.units u ON u.unit_id OPERATOR(pg_catalog.=) j.unit_id " \
	"   WHERE j.project_id OPERATOR(pg_catalog.=) $1 AND $2 OPERATOR(pg_catalog.<>) 'designer'" \
	"  UNION ALL SELECT 'vendor', p.code, p.uscc::pg_catalog.text, 2 " \
	"    FROM bjxm.projects j JOIN bjxm.parties p ON p.party_id OPERATOR(pg_catalog.=) j.vendor_party_id " \
	"   WHERE j.project_id OPERATOR(pg_catalog.=) $1" \
	"  UNION ALL SELECT 'reviewer', p.code, p.uscc::pg_catalog.text, 3 FROM (" \
	"      SELECT e.party_id FROM bjxm.entrustments e WHERE e.project_id OPERATOR(pg_catalog.=) $1" \
	"      UNION SELECT r.party_id FROM bjxm.reviews r WHERE r.project_id OPERATOR(pg_catalog.=) $1" \
	opinions \
	"    ) r JOIN bjxm.parties p ON p.party_id OPERATOR(pg_catalog.=) r.party_id" \
	"  UNION ALL SELECT 'designer', p.code, p.uscc::pg_catalog.text, 4 FROM bjxm.projects j" \
	"    CROSS JOIN LATERAL (VALUES (j.demand_plan OPERATOR(pg_catalog.->>) 'designed_by')," \
	"                              (j.service_plan OPERATOR(pg_catalog.->>) 'designed_by')) v(code)" \
	"    JOIN bjxm.parties p ON p.code OPERATOR(pg_catalog.=) pg_catalog.btrim(v.code)" \
	"   WHERE j.project_id OPERATOR(pg_catalog.=) $1" \
	"  UNION ALL SELECT 'evaluator', p.code, p.uscc::pg_catalog.text, 5 FROM bjxm.evaluations e" \
	"    JOIN bjxm.parties p ON p.party_id OPERATOR(pg_catalog.=) e.party_id" \
	"   WHERE e.project_id OPERATOR(pg_catalog.=) $1" \
	") x WHERE x.side OPERATOR(pg_catalog.<>) $2 AND x.uscc OPERATOR(pg_catalog.=) $3 " \
	"  AND (x.side OPERATOR(pg_catalog.=) 'unit' OR x.code OPERATOR(pg_catalog.<>) $4) " \
	"ORDER BY x.o, x.code LIMIT 1"

/*
 * The project's party or unit, on another side than side, whose USCC is
 * uscc (other than the party code itself); "side code" in *who, or false.
 */
static bool
same_legal_person(BjxmCtx *ctx, const char *side, const char *code, const char *uscc, char **who_side, char **who_code)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr earlier = NULL;
	Oid			types[4] = {INT8OID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[4];
	/* the 0.2.0 schema, until ALTER EXTENSION UPDATE, has no adjustment opinions */
	bool		opinions = bjxm_has_column("adjustments", "opinion_party");

	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(side);
	values[2] = CStringGetTextDatum(uscc);
	values[3] = CStringGetTextDatum(code);
	if (bjxm_exec(opinions ? &plan : &earlier,
				  opinions ? SIDES_SQL(OPINION_PARTIES) : SIDES_SQL(""),
				  4, types, values, NULL) != 1)
		return false;
	*who_side = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	*who_code = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	return true;
}

/* Refuse (a finding BJ007 at article) party code acting on side when it is another side's legal person. */
static void
rule_party(BjxmCtx *ctx, const char *side, int article, const char *code, const char *uscc)
{
	char	   *who_side;
	char	   *who_code;

	if (uscc == NULL)
	{
		if (strcmp(side, SIDE_EVALUATOR) == 0)
			bjxm_violation(ctx, false, ERRCODE_BJ007, article, 0,
						   psprintf("评估机构 %s 登记时没有统一社会信用代码, 无法与本项目的用户单位、服务单位、评审和咨询设计单位比对。", code),
						   "由大数据部门以统一社会信用代码登记该评估机构 (bjxm.register_party(代号, 名称, 'evaluator', 统一社会信用代码)), 再以该代号记录评估。",
						   "评估机构 %s 未登记统一社会信用代码, 不能确认其为第三方 (evaluator %s has no USCC)", code, code);
		return;					/* a reviewer or designer without one: 第十五条 at the procurement */
	}
	if (!ctx->has_project || !same_legal_person(ctx, side, code, uscc, &who_side, &who_code))
		return;
	bjxm_violation(ctx, false, ERRCODE_BJ007, article, 0,
				   psprintf("%s %s 的统一社会信用代码 %s 与本项目的%s %s 相同。", side_label(side), code, uscc,
							side_label(who_side), who_code),
				   "第三方评审、咨询设计和评估须由独立于用户单位、服务单位及本项目其他第三方的单位承担; "
				   "由大数据部门另行委托或选定其他单位。",
				   "%s %s 与本项目的%s %s 为同一单位, 不是独立的第三方 (the %s is the project's %s under another code)",
				   side_label(side), code, side_label(who_side), who_code, side, who_side);
}

/* The party entrusted and recorded by the action's rules (ctx->object_id). */
static void
rule_entrusted(BjxmCtx *ctx, int article)
{
	char	   *code;
	char	   *uscc;

	if (ctx->object_id != 0 && party_lookup(ctx->object_id, NULL, &code, &uscc))
		rule_party(ctx, SIDE_REVIEWER, article, code, uscc);
}

/* The designer a plan argument names (designed_by), if a registered party. */
static void
rule_designer(BjxmCtx *ctx, int article)
{
	const BjxmArg *plan = bjxm_arg(ctx, "plan");
	JsonbValue *v;
	char	   *code;
	char	   *uscc;

	if (!plan->present || plan->json == NULL)
		return;
	v = getKeyJsonValueFromContainer(&plan->json->root, "designed_by", strlen("designed_by"), NULL);
	if (v == NULL || v->type != jbvString)
		return;
	if (party_lookup(0, pnstrdup(v->val.string.val, v->val.string.len), &code, &uscc))
		rule_party(ctx, SIDE_DESIGNER, article, code, uscc);
}

/* See independence.h. */
void
bjxm_rule_independence(BjxmCtx *ctx)
{
	const BjxmArg *party;

	switch (ctx->act)
	{
		case BJ_A_ENTRUST_REVIEW:
			party = bjxm_arg(ctx, "party");
			if (party->present)
				rule_party(ctx, SIDE_REVIEWER, BJ_ART_DEMAND_REVIEW, party->party.code, party->party.uscc);
			break;
		case BJ_A_RECORD_REVIEW:
			rule_entrusted(ctx, BJ_ART_DEMAND_REVIEW);
			break;
		case BJ_A_APPROVE_SERVICE_PLAN:
			rule_entrusted(ctx, BJ_ART_SERVICE_REVIEW);
			break;
		case BJ_A_RECORD_ADJUSTMENT_OPINION:
			rule_entrusted(ctx, BJ_ART_ADJUSTMENT);
			break;
		case BJ_A_SET_DEMAND_PLAN:
			rule_designer(ctx, BJ_ART_DEMAND_PLAN);
			break;
		case BJ_A_SUBMIT_SERVICE_PLAN:
			rule_designer(ctx, BJ_ART_SERVICE_PLAN);
			break;
		case BJ_A_AMEND_SERVICE_PLAN:
			rule_designer(ctx, BJ_ART_ADJUSTMENT);
			break;
		case BJ_A_RECORD_EVALUATION:
			party = bjxm_arg(ctx, "party");
			if (party->present)
				rule_party(ctx, SIDE_EVALUATOR, BJ_ART_EVALUATION, party->party.code, party->party.uscc);
			break;
		default:
			break;
	}
}
