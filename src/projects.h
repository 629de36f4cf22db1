/*
 * projects.h — 第四章 项目管理 (第十三条–第二十条): the service plan and its
 * review with the control price, procurement, the three-party contract,
 * implementation, adjustments and acceptance.
 */
#ifndef BJXM_PROJECTS_H
#define BJXM_PROJECTS_H

#include "action.h"

/* The actions (src/registry.c). */
extern void bjxm_submit_service_plan_rules(BjxmCtx *ctx);
extern void bjxm_submit_service_plan_apply(BjxmCtx *ctx);
extern void bjxm_approve_service_plan_rules(BjxmCtx *ctx);
extern void bjxm_approve_service_plan_apply(BjxmCtx *ctx);
extern void bjxm_record_procurement_rules(BjxmCtx *ctx);
extern void bjxm_record_procurement_apply(BjxmCtx *ctx);
extern void bjxm_approve_procurement_exception_rules(BjxmCtx *ctx);
extern void bjxm_approve_procurement_exception_apply(BjxmCtx *ctx);
extern void bjxm_sign_contract_rules(BjxmCtx *ctx);
extern void bjxm_start_implementation_rules(BjxmCtx *ctx);
extern void bjxm_sign_contract_apply(BjxmCtx *ctx);
extern void bjxm_sign_acceptance_rules(BjxmCtx *ctx);
extern void bjxm_sign_acceptance_apply(BjxmCtx *ctx);
extern void bjxm_request_adjustment_rules(BjxmCtx *ctx);
extern void bjxm_request_adjustment_apply(BjxmCtx *ctx);
extern void bjxm_record_adjustment_opinion_rules(BjxmCtx *ctx);
extern void bjxm_record_adjustment_opinion_apply(BjxmCtx *ctx);
extern void bjxm_decide_adjustment_rules(BjxmCtx *ctx);
extern void bjxm_decide_adjustment_apply(BjxmCtx *ctx);
extern void bjxm_amend_service_plan_rules(BjxmCtx *ctx);
extern void bjxm_amend_service_plan_apply(BjxmCtx *ctx);

#endif							/* BJXM_PROJECTS_H */
