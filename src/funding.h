/*
 * funding.h — 第三章 资金管理 (第十条–第十二条): the budget, what city IT
 * money may not pay for (第十一条, with the trigger on bjxm.line_items),
 * and budget execution (disbursements; postpone, terminate, resume).
 */
#ifndef BJXM_FUNDING_H
#define BJXM_FUNDING_H

#include "action.h"

/* Register the 第十一条 dictionary's cache invalidation (from _PG_init). */
extern void bjxm_funding_init(void);

/* The actions (src/registry.c). */
extern void bjxm_arrange_budget_duty(BjxmCtx *ctx, unsigned *mask, const char **region);
extern void bjxm_arrange_budget_rules(BjxmCtx *ctx);
/* 第十条: self-raised funds only for a 市属国企 (BJ010). */
extern void bjxm_rule_fund_source(BjxmCtx *ctx, const char *fund);
extern void bjxm_arrange_budget_apply(BjxmCtx *ctx);
extern void bjxm_revise_budget_duty(BjxmCtx *ctx, unsigned *mask, const char **region);
extern void bjxm_revise_budget_rules(BjxmCtx *ctx);
extern void bjxm_revise_budget_apply(BjxmCtx *ctx);
extern void bjxm_add_line_item_rules(BjxmCtx *ctx);
extern void bjxm_add_line_item_apply(BjxmCtx *ctx);
extern void bjxm_waive_term_rules(BjxmCtx *ctx);
extern void bjxm_waive_term_apply(BjxmCtx *ctx);
extern void bjxm_expense_check_rules(BjxmCtx *ctx);
extern void bjxm_rule_project_name(BjxmCtx *ctx, const char *name);
extern void bjxm_set_excluded_term_rules(BjxmCtx *ctx);
extern void bjxm_set_excluded_term_apply(BjxmCtx *ctx);
extern void bjxm_record_disbursement_rules(BjxmCtx *ctx);
extern void bjxm_record_disbursement_apply(BjxmCtx *ctx);
extern void bjxm_postpone_apply(BjxmCtx *ctx);
extern void bjxm_resume_apply(BjxmCtx *ctx);

#endif							/* BJXM_FUNDING_H */
