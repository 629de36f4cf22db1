/*
 * registry.h — the one table of bjxm's actions (src/registry.c), indexed
 * by bj_action: what each takes, loads, checks and does.
 */
#ifndef BJXM_REGISTRY_H
#define BJXM_REGISTRY_H

#include "action.h"

extern const BjxmActionDef bjxm_registry[BJ_A_COUNT];

/* The name of an argument type, for bjxm.actions(). */
extern const char *bjxm_arg_type_name(BjxmArgType type);

#endif							/* BJXM_REGISTRY_H */
