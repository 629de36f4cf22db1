/*
 * registries.h — 第一章 总则, 第三条 部门职责: the registries bigdata keeps
 * (units, third parties, the roles that act for them) and the rule
 * parameters (bjxm.settings).
 */
#ifndef BJXM_REGISTRIES_H
#define BJXM_REGISTRIES_H

#include "action.h"

/* The actions (src/registry.c). */
extern void bjxm_register_unit_duty(BjxmCtx *ctx, unsigned *mask, const char **region);
extern void bjxm_register_unit_rules(BjxmCtx *ctx);
extern void bjxm_register_unit_apply(BjxmCtx *ctx);
extern void bjxm_register_party_rules(BjxmCtx *ctx);
extern void bjxm_register_party_apply(BjxmCtx *ctx);
extern void bjxm_unit_member_load(BjxmCtx *ctx);
extern void bjxm_grant_unit_member_rules(BjxmCtx *ctx);
extern void bjxm_grant_unit_member_apply(BjxmCtx *ctx);
extern void bjxm_revoke_unit_member_rules(BjxmCtx *ctx);
extern void bjxm_revoke_unit_member_apply(BjxmCtx *ctx);
extern void bjxm_grant_party_member_rules(BjxmCtx *ctx);
extern void bjxm_grant_party_member_apply(BjxmCtx *ctx);
extern void bjxm_set_setting_rules(BjxmCtx *ctx);
extern void bjxm_set_setting_apply(BjxmCtx *ctx);
extern void bjxm_set_regulation_figure_rules(BjxmCtx *ctx);
extern void bjxm_set_regulation_figure_apply(BjxmCtx *ctx);

#endif							/* BJXM_REGISTRIES_H */
