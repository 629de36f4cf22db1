/*
 * supervision.h — 第七章 监督管理 (第三十条–第三十三条): rectification
 * orders and the hold they put on a unit's money, bjxm.inspect, project
 * facts, performance management and the comprehensive evaluation.
 */
#ifndef BJXM_SUPERVISION_H
#define BJXM_SUPERVISION_H

#include "action.h"

/*
 * 第三十一条: a unit with an overdue or failed order gets no new money
 * (BJ031, naming the order); an order not yet overdue only warns.  With
 * blocking false every finding is a warning.
 */
extern void bjxm_rule_rectification_hold(BjxmCtx *ctx, bool blocking);
extern void bjxm_rule_rectification_hold_payment(BjxmCtx *ctx);

/* 第三十二条: targets, and for a major project a passed 事前绩效评估, before a budget of amount. */
extern void bjxm_rule_performance(BjxmCtx *ctx, Numeric amount);

/* 第三十三条: a vendor whose past evaluations are low is warned of (never refused). */
extern void bjxm_rule_vendor_score(BjxmCtx *ctx, const char *vendor);

/* The actions (src/registry.c). */
extern void bjxm_open_rectification_load(BjxmCtx *ctx);
extern void bjxm_open_rectification_rules(BjxmCtx *ctx);
extern void bjxm_open_rectification_apply(BjxmCtx *ctx);
extern void bjxm_rectification_load(BjxmCtx *ctx);
extern void bjxm_report_rectification_rules(BjxmCtx *ctx);
extern void bjxm_report_rectification_apply(BjxmCtx *ctx);
extern void bjxm_close_rectification_rules(BjxmCtx *ctx);
extern void bjxm_close_rectification_apply(BjxmCtx *ctx);
extern void bjxm_set_project_facts_rules(BjxmCtx *ctx);
extern void bjxm_set_project_facts_apply(BjxmCtx *ctx);
extern void bjxm_set_performance_targets_rules(BjxmCtx *ctx);
extern void bjxm_set_performance_targets_apply(BjxmCtx *ctx);
extern void bjxm_record_ex_ante_assessment_apply(BjxmCtx *ctx);
extern void bjxm_record_self_evaluation_rules(BjxmCtx *ctx);
extern void bjxm_record_self_evaluation_apply(BjxmCtx *ctx);
extern void bjxm_record_key_evaluation_rules(BjxmCtx *ctx);
extern void bjxm_record_key_evaluation_apply(BjxmCtx *ctx);
extern void bjxm_record_evaluation_apply(BjxmCtx *ctx);

#endif							/* BJXM_SUPERVISION_H */
