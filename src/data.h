/*
 * data.h — 第五章 数据管理 (第二十一条–第二十五条): the data resource
 * catalogue, its review and approval, and listing (上架).
 */
#ifndef BJXM_DATA_H
#define BJXM_DATA_H

#include "action.h"

/* 第三十一条(五) for bjxm.inspect: shareable or openable entries not listed. */
extern void bjxm_inspect_data(BjxmCtx *ctx);

/* The actions (src/registry.c). */
extern void bjxm_add_data_resource_rules(BjxmCtx *ctx);
extern void bjxm_add_data_resource_apply(BjxmCtx *ctx);
extern void bjxm_classify_data_resource_load(BjxmCtx *ctx);
extern void bjxm_classify_data_resource_rules(BjxmCtx *ctx);
extern void bjxm_classify_data_resource_apply(BjxmCtx *ctx);
extern void bjxm_review_data_resource_load(BjxmCtx *ctx);
extern void bjxm_review_data_resource_apply(BjxmCtx *ctx);
extern void bjxm_list_data_resource_load(BjxmCtx *ctx);
extern void bjxm_list_data_resource_rules(BjxmCtx *ctx);
extern void bjxm_list_data_resource_apply(BjxmCtx *ctx);
extern void bjxm_approve_catalogue_load(BjxmCtx *ctx);
extern void bjxm_approve_catalogue_apply(BjxmCtx *ctx);
extern void bjxm_review_data_resource_rules(BjxmCtx *ctx);
extern void bjxm_delist_data_resource_load(BjxmCtx *ctx);
extern void bjxm_delist_data_resource_rules(BjxmCtx *ctx);
extern void bjxm_delist_data_resource_apply(BjxmCtx *ctx);

#endif							/* BJXM_DATA_H */
