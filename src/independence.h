/*
 * independence.h — 第三方的独立性 (第七条, 第十四条, 第十九条, 第三十三条):
 * a review, design or evaluation party is not the project's unit, vendor
 * or another of its third parties under another name (the same USCC).
 */
#ifndef BJXM_INDEPENDENCE_H
#define BJXM_INDEPENDENCE_H

#include "action.h"

/*
 * Run after an action's rules: for the actions by which a third party
 * acts on a project (entrust_review, record_review, approve_service_plan,
 * record_adjustment_opinion, the plans' designed_by, record_evaluation),
 * a finding BJ007 when the party shares a USCC with another side of the
 * project.  Caller in SPI.
 */
extern void bjxm_rule_independence(BjxmCtx *ctx);

#endif							/* BJXM_INDEPENDENCE_H */
