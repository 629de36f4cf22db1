/*
 * splitting.h — one project split into several to stay under a threshold
 * (第三十四条第(三)项 county_review_threshold, 第三十二条
 * major_project_threshold): the project's "split group" is the project
 * and its similar siblings — the other projects of the same unit and the
 * same plan year, neither withdrawn nor terminated, whose names are at
 * least split_similarity alike (src/core/similar.h: character bigrams,
 * phase markers such as (一期)/第2期/Phase 3 removed).
 *
 * Phases in different plan years are legitimate phases (第六条: plans are
 * annual), so they are never grouped; projects of different units never
 * are.  docs/reference.md "拆分项目" has the rule.
 */
#ifndef BJXM_SPLITTING_H
#define BJXM_SPLITTING_H

#include "action.h"
#include "lib/stringinfo.h"

/*
 * A project's amount: the largest of estimate, budget, control_price and
 * procurement_amount that is not NULL (ctx's project row).
 */
extern Numeric bjxm_project_amount(BjxmCtx *ctx);

/*
 * Whether ctx's project has similar siblings (see above; with
 * development, only siblings with development services count) and the
 * sum of the members' amounts reaches threshold.  The project's own
 * amount is bjxm_project_amount, or self when that is larger (the budget
 * an action is about to arrange).  members (if not NULL) receives the
 * siblings, 「名称」(编号 N, X 元) joined by 、 (the first ten, then how
 * many more), *sum (if not NULL) the group's sum.  One index lookup on
 * (unit_id, plan_year); names are compared in C.
 */
extern bool bjxm_split_group(BjxmCtx *ctx, Numeric threshold, bool development, Numeric self,
							 StringInfo members, Numeric *sum);

/* The detail of a split finding: the siblings, the sum and the threshold's setting. */
extern char *bjxm_split_detail(const char *members, Numeric sum, const char *setting, Numeric threshold);

/* Whether ctx's project has development services. */
extern bool bjxm_project_development(BjxmCtx *ctx);

/*
 * declare, propose_for_plan (warnings) and bjxm.inspect (findings): a
 * project under a threshold alone whose split group reaches it —
 * 第三十四条第(三)项 for a county unit, 第三十二条 for development services.
 * inspect only reports what has not been reviewed or assessed yet.
 */
extern void bjxm_rule_split_warnings(BjxmCtx *ctx);
extern void bjxm_inspect_split(BjxmCtx *ctx);

/*
 * 第十五条 化整为零: BJ015 when a method other than open tender for basis
 * (under open_tender_threshold) is used in a split group that reaches it
 * without finance's approval of the method for the project.
 */
extern void bjxm_rule_split_open_tender(BjxmCtx *ctx, Numeric basis, const char *method);

/* The same for the procurement already recorded on ctx's project. */
extern void bjxm_rule_split_open_tender_recorded(BjxmCtx *ctx);

#endif							/* BJXM_SPLITTING_H */
