/*
 * security.h — 第六章 安全管理 (第二十六条–第二十九条): components and
 * domestic products (第二十七条), the yearly assessments the contract
 * promises (第二十八条), sensitive data (第二十九条).
 */
#ifndef BJXM_SECURITY_H
#define BJXM_SECURITY_H

#include "action.h"

/* 第二十九条: sensitive data is never offered for unconditional sharing (BJ029). */
extern void bjxm_rule_sensitive_sharing(BjxmCtx *ctx, bool sensitive, const char *share_type);

/* 第三十一条(六) for bjxm.inspect: yearly assessments overdue. */
extern void bjxm_inspect_security(BjxmCtx *ctx);

/* The actions (src/registry.c). */
extern void bjxm_record_component_rules(BjxmCtx *ctx);
extern void bjxm_record_component_apply(BjxmCtx *ctx);
extern void bjxm_record_security_assessment_rules(BjxmCtx *ctx);
extern void bjxm_record_security_assessment_apply(BjxmCtx *ctx);

#endif							/* BJXM_SECURITY_H */
