/*
 * reviews.h — reviews bound to what they reviewed (第十四条 the service
 * plan and its 招标控制价, 第三十四条 the city-level review).
 *
 * A review keeps its inputs (bjxm.reviews.inputs, with their digest).  A
 * later change to those inputs voids it: the next gate (procurement,
 * contract, implementation, payment) is refused until it is reviewed
 * again, and bjxm.check names the void review and what changed.  The
 * 第十九条 expert opinion is bound the same way, to the request
 * (src/projects.c).
 */
#ifndef BJXM_REVIEWS_H
#define BJXM_REVIEWS_H

#include "action.h"

/* What a city review (第三十四条) reviews, as the project stands now. */
extern Jsonb *bjxm_city_review_inputs(BjxmCtx *ctx);

/*
 * What a service-plan review (第十四条) reviews, as the project stands
 * now, with control_price as its 招标控制价 (NULL: the recorded one).
 */
extern Jsonb *bjxm_service_plan_review_inputs(BjxmCtx *ctx, Numeric control_price);

/* 第三十四条: a passed city review no longer covering the project (BJ034). */
extern void bjxm_rule_city_review_binding(BjxmCtx *ctx, int item);

/* 第十四条: the service-plan review no longer covering the plan (BJ014). */
extern void bjxm_rule_service_plan_review(BjxmCtx *ctx);

#endif
