/*
 * splitting.c — a project split into several that each stay under a
 * threshold (第三十四条第(三)项, 第三十二条; issue 14): the split group of
 * a project, the warnings declare and propose_for_plan give, and what
 * bjxm.inspect reports.  jurisdictions.c (the city review) and
 * supervision.c (the ex-ante assessment) make the review or assessment
 * required for each member of a group that reaches the threshold.
 *
 * Similarity is the backend-free core's (src/core/similar.h); the
 * siblings come from one index lookup (projects_unit_year_idx).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "action.h"
#include "duties.h"
#include "settings.h"
#include "similar.h"
#include "spi.h"
#include "splitting.h"

/* Siblings named in a finding; the rest are counted. */
#define BJXM_SPLIT_LIST_MAX 10

/* The setting split_similarity (its default on a schema not yet updated: settings.c). */
static double
split_similarity(void)
{
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(bjxm_setting_numeric("split_similarity"))));
}

/*
 * A name as the split check compares it: normalised (src/core/similar.h)
 * and without the words that name the kind of work at its end (建设, 升级,
 * …): 「XX系统建设」 and 「XX系统升级」 are one system.  NULL when the name
 * is not valid UTF-8 (not comparable).
 */
static char *
system_name(const char *name, size_t *len)
{
	size_t		cap = strlen(name) + 1;
	char	   *buf = palloc(cap);
	int			n = bj_similar_normalize(name, cap - 1, buf, cap);

	if (n < 0)
		return NULL;
	*len = bj_similar_strip_work(buf, (size_t) n);
	return buf;
}

/* The largest of the amount columns that is not NULL (estimate never is). */
Numeric
bjxm_project_amount(BjxmCtx *ctx)
{
	static const char *const cols[] = {"estimate", "budget", "control_price", "procurement_amount"};
	Numeric		best = NULL;

	for (size_t i = 0; i < lengthof(cols); i++)
	{
		bool		isnull;
		Datum		d = bjxm_col(ctx, cols[i], &isnull);

		if (!isnull && (best == NULL || bjxm_numeric_cmp(DatumGetNumeric(d), best) > 0))
			best = DatumGetNumeric(d);
	}
	return best;
}

/*
 * The money of a new construction (第三十二条 新增项目): line item
 * categories that build a system, whatever services the unit declared.
 */
#define BJXM_BUILD_CATEGORIES "'{software_development,system_integration}'::text[]"

/*
 * Whether the project builds something new (第三十二条): development among
 * its declared services, or a line item that pays for it — a project
 * declared as {operation} with a software-development item is one.
 */
bool
bjxm_project_development(BjxmCtx *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	const char *s = bjxm_col_text(ctx, "services");

	if (s != NULL && strstr(s, "development") != NULL)
		return true;
	if (!ctx->has_project)
		return false;
	values[0] = Int64GetDatum(ctx->project_id);
	return bjxm_exec(&plan, "SELECT 1 FROM bjxm.line_items l WHERE l.project_id OPERATOR(pg_catalog.=) $1 "
					 "AND l.category OPERATOR(pg_catalog.=) ANY (" BJXM_BUILD_CATEGORIES ") LIMIT 1",
					 1, types, values, NULL) == 1;
}

bool
bjxm_split_group(BjxmCtx *ctx, Numeric threshold, bool development, Numeric self,
				 StringInfo members, Numeric *sum)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[4] = {INT8OID, INT4OID, INT8OID, BOOLOID};
	Datum		values[4];
	bool		isnull;
	const char *name = bjxm_col_text(ctx, "name");
	double		min_sim = split_similarity();
	Numeric		total = bjxm_project_amount(ctx);
	SPITupleTable *rows;
	uint64		n;
	int			found = 0;
	char	   *self_name;
	size_t		self_len = 0;

	if (ctx->row == NULL || name == NULL)
		return false;
	if (self != NULL && bjxm_numeric_cmp(self, total) > 0)
		total = self;
	values[0] = Int64GetDatum(ctx->unit_id);
	values[1] = bjxm_col(ctx, "plan_year", &isnull);
	values[2] = Int64GetDatum(ctx->project_id);
	values[3] = BoolGetDatum(development);
	n = bjxm_exec(&plan,
				  "SELECT p.project_id, p.name, "
				  "  GREATEST(p.estimate, p.budget, p.control_price, p.procurement_amount) "
				  "FROM bjxm.projects p "
				  "WHERE p.unit_id OPERATOR(pg_catalog.=) $1 AND p.plan_year OPERATOR(pg_catalog.=) $2 "
				  "  AND p.project_id OPERATOR(pg_catalog.<>) $3 "
				  "  AND p.state OPERATOR(pg_catalog.<>) ALL ('{withdrawn,terminated}'::bjxm.project_state[]) "
				  "  AND (NOT $4 OR 'development'::bjxm.service_kind OPERATOR(pg_catalog.=) ANY (p.services) "
				  "       OR EXISTS (SELECT 1 FROM bjxm.line_items l WHERE l.project_id OPERATOR(pg_catalog.=) p.project_id "
				  "                  AND l.category OPERATOR(pg_catalog.=) ANY (" BJXM_BUILD_CATEGORIES "))) "
				  "ORDER BY p.project_id",
				  4, types, values, NULL);
	rows = SPI_tuptable;
	self_name = system_name(name, &self_len);
	for (uint64 i = 0; i < n; i++)
	{
		const char *other = SPI_getvalue(rows->vals[i], rows->tupdesc, 2);
		size_t		other_len = 0;
		char	   *other_name = system_name(other, &other_len);
		double		sim = self_name && other_name ? bj_similarity(self_name, self_len, other_name, other_len) : -1;
		Numeric		amount;

		if (sim < min_sim)		/* a negative status too: not comparable */
			continue;
		amount = DatumGetNumeric(SPI_getbinval(rows->vals[i], rows->tupdesc, 3, &isnull));
		total = DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(total), NumericGetDatum(amount)));
		if (members != NULL && found < BJXM_SPLIT_LIST_MAX)
			appendStringInfo(members, "%s「%s」(编号 %s, %s 元)", found ? "、" : "", other,
							 SPI_getvalue(rows->vals[i], rows->tupdesc, 1), bjxm_numeric_text(amount));
		found++;
	}
	if (members != NULL && found > BJXM_SPLIT_LIST_MAX)
		appendStringInfo(members, " 等 %d 个", found);
	if (sum != NULL)
		*sum = total;
	return found > 0 && bjxm_numeric_cmp(total, threshold) >= 0;
}

char *
bjxm_split_detail(const char *members, Numeric sum, const char *setting, Numeric threshold)
{
	return psprintf("同一单位同一计划年度名称相似的项目 %s 与本项目合计 %s 元, 达到 %s %s 元, 视为一个项目拆分。",
					members, bjxm_numeric_text(sum), setting, bjxm_numeric_text(threshold));
}

/*
 * 第十五条 (政府采购法实施条例第二十八条 化整为零): a project bought, or to
 * be bought, by method other than open tender for basis under
 * open_tender_threshold, whose split group reaches it, without 财政部门's
 * approval of that method for the project: BJ015 naming the group.  At
 * the procurement, at the contract (a sibling that appeared after the
 * procurement), and in bjxm.inspect (warning false: the same finding).
 */
void
bjxm_rule_split_open_tender(BjxmCtx *ctx, Numeric basis, const char *method)
{
	static SPIPlanPtr approved = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];
	Numeric		threshold;
	StringInfoData members;
	Numeric		sum;

	if (basis == NULL || method == NULL || strcmp(method, "open_tender") == 0)
		return;
	threshold = bjxm_setting_numeric("open_tender_threshold");
	if (bjxm_numeric_cmp(basis, threshold) >= 0)
		return;					/* the project alone reaches it: the procurement rule applies */
	initStringInfo(&members);
	if (!bjxm_split_group(ctx, threshold, false, basis, &members, &sum))
		return;
	values[0] = Int64GetDatum(ctx->project_id);
	values[1] = CStringGetTextDatum(method);
	if (bjxm_has_column("procurement_exceptions", "method") &&
		bjxm_exec(&approved, "SELECT 1 FROM bjxm.procurement_exceptions x WHERE x.project_id OPERATOR(pg_catalog.=) $1 "
				  "AND x.method OPERATOR(pg_catalog.=) $2::bjxm.procurement_method", 2, types, values, NULL) == 1)
		return;
	bjxm_violation(ctx, false, ERRCODE_BJ015, BJ_ART_PROCUREMENT, 0,
				   bjxm_split_detail(members.data, sum, "open_tender_threshold", threshold),
				   psprintf("依政府采购法实施条例第二十八条, 化整为零规避公开招标的, 各部分均应公开招标; 确有特殊情况的, "
							"须在采购活动开始前经财政部门批准: bjxm.approve_procurement_exception(%lld, '%s', 理由)。",
							(long long) ctx->project_id, method),
				   "疑似拆分的项目合计达到公开招标数额标准, 采用 %s 须事先经财政部门批准 (split project at or above the open-tender threshold without approval)",
				   method);
}

/* One finding for a group that reaches threshold while the project alone stays under. */
static void
split_finding(BjxmCtx *ctx, bool warning, int sqlerrcode, int article, int item, const char *setting,
			  bool development, const char *hint, const char *what)
{
	Numeric		threshold = bjxm_setting_numeric(setting);
	StringInfoData members;
	Numeric		sum;

	if (bjxm_numeric_cmp(bjxm_project_amount(ctx), threshold) >= 0)
		return;					/* the project alone reaches it: the rule itself applies */
	initStringInfo(&members);
	if (!bjxm_split_group(ctx, threshold, development, NULL, &members, &sum))
		return;
	bjxm_violation(ctx, warning, sqlerrcode, article, item, bjxm_split_detail(members.data, sum, setting, threshold),
				   hint, "疑似拆分项目, 合计金额达到标准, 每个项目均须%s (split project: %s)", what,
				   article == BJ_ART_CITY_REVIEW ? "city-level review required for each part"
				   : "ex-ante assessment required for each part");
}

/* Whether the boolean column is true. */
static bool
col_true(BjxmCtx *ctx, const char *col)
{
	bool		isnull;
	Datum		d = bjxm_col(ctx, col, &isnull);

	return !isnull && DatumGetBool(d);
}

static void
split_findings(BjxmCtx *ctx, bool warning, bool unreviewed_only)
{
	if (ctx->row == NULL || ctx->state == BJ_S_WITHDRAWN || ctx->state == BJ_S_TERMINATED)
		return;
	if (ctx->unit_region != NULL && strcmp(ctx->unit_region, BJXM_CITY_REGION) != 0 &&
		!(unreviewed_only && col_true(ctx, "city_review_passed")))
		split_finding(ctx, warning, ERRCODE_BJ034, BJ_ART_CITY_REVIEW, 3, "county_review_threshold", false,
					  "合并为一个项目申报, 或在采购前由市级大数据部门以 bjxm.record_city_review 评审每个项目的服务方案。",
					  "经市级大数据部门评审服务方案");
	if (bjxm_project_development(ctx) && !(unreviewed_only && col_true(ctx, "ex_ante_passed")))
		split_finding(ctx, warning, ERRCODE_BJ032, BJ_ART_PERFORMANCE, 0, "major_project_threshold", true,
					  "合并为一个项目申报, 或在安排预算前对每个项目开展事前绩效评估 (bjxm.record_ex_ante_assessment)。",
					  "通过事前绩效评估");
}

void
bjxm_rule_split_warnings(BjxmCtx *ctx)
{
	split_findings(ctx, true, false);
}

void
bjxm_inspect_split(BjxmCtx *ctx)
{
	split_findings(ctx, true, true);
	/* a procurement that a later sibling made a split one (第十五条) */
	if (ctx->row != NULL && ctx->state >= BJ_S_PROCURED && ctx->state <= BJ_S_EVALUATED)
		bjxm_rule_split_open_tender_recorded(ctx);
}

/*
 * bjxm_rule_split_open_tender for the procurement already recorded: its
 * method, and the larger of its amount and the control price.
 */
void
bjxm_rule_split_open_tender_recorded(BjxmCtx *ctx)
{
	Numeric		basis = bjxm_col_num(ctx, "procurement_amount");
	Numeric		cp = bjxm_col_num(ctx, "control_price");

	if (cp != NULL && (basis == NULL || bjxm_numeric_cmp(cp, basis) > 0))
		basis = cp;
	bjxm_rule_split_open_tender(ctx, basis, bjxm_col_text(ctx, "procurement_method"));
}
