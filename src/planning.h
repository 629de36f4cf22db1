/*
 * planning.h — 第二章 计划管理 (第五条–第九条), and the project's creation
 * (第二条 scope, 第十条 funding source): demand plan, declaration,
 * preliminary and entrusted review, the library, the annual plan.
 */
#ifndef BJXM_PLANNING_H
#define BJXM_PLANNING_H

#include "action.h"

/* The active institution entrusted with a stage's review ("demand_plan", "service_plan"), or 0. */
extern int64 bjxm_entrusted_party(BjxmCtx *ctx, const char *stage);

/*
 * 第七条, 第十四条: only the institution entrusted for this stage records
 * its review (42501 otherwise).  Returns the entrusted party (0 if none).
 */
extern int64 bjxm_require_entrusted(BjxmCtx *ctx, const char *stage, int article);


/* The actions (src/registry.c). */
extern void bjxm_create_project_load(BjxmCtx *ctx);
extern void bjxm_create_project_rules(BjxmCtx *ctx);
extern void bjxm_create_project_apply(BjxmCtx *ctx);
extern void bjxm_set_demand_plan_apply(BjxmCtx *ctx);
extern void bjxm_declare_rules(BjxmCtx *ctx);
extern void bjxm_preliminary_review_apply(BjxmCtx *ctx);
extern void bjxm_entrust_review_apply(BjxmCtx *ctx);
extern void bjxm_record_review_rules(BjxmCtx *ctx);
extern void bjxm_record_review_apply(BjxmCtx *ctx);
extern void bjxm_carry_over_rules(BjxmCtx *ctx);
extern void bjxm_carry_over_apply(BjxmCtx *ctx);
extern void bjxm_propose_for_plan_rules(BjxmCtx *ctx);
extern void bjxm_approve_annual_plan_load(BjxmCtx *ctx);
extern void bjxm_approve_annual_plan_duty(BjxmCtx *ctx, unsigned *mask, const char **region);
extern void bjxm_approve_annual_plan_rules(BjxmCtx *ctx);
extern void bjxm_approve_annual_plan_apply(BjxmCtx *ctx);

#endif							/* BJXM_PLANNING_H */
