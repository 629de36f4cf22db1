/*
 * jurisdictions.h — 第八章 附则: 第三十四条 (which service plans the city's
 * bigdata department reviews) and 第三十五条 (counties act by reference:
 * who covers which region).
 */
#ifndef BJXM_JURISDICTIONS_H
#define BJXM_JURISDICTIONS_H

#include "action.h"

/*
 * 第三十四条: the item that requires the city-level review of the
 * project's service plan (1–3), or 0 if none applies.
 */
extern int	bjxm_city_review_item(BjxmCtx *ctx);

/* 第三十四条: the city review a project needs and has not passed (BJ034). */
extern void bjxm_rule_city_review(BjxmCtx *ctx);

/* 第三十四条(三): warn when a county budget raised to amount will need the city review. */
extern void bjxm_rule_city_review_ahead(BjxmCtx *ctx, Numeric amount);

/* The actions (src/registry.c). */
extern void bjxm_record_city_review_apply(BjxmCtx *ctx);
extern void bjxm_set_jurisdiction_rules(BjxmCtx *ctx);
extern void bjxm_set_jurisdiction_apply(BjxmCtx *ctx);
extern void bjxm_revoke_jurisdiction_rules(BjxmCtx *ctx);
extern void bjxm_revoke_jurisdiction_apply(BjxmCtx *ctx);

#endif							/* BJXM_JURISDICTIONS_H */
