/*
 * errors.h — bjxm's SQLSTATEs (docs/reference.md §2 bjxm.sqlstates), each defined once, and the
 * helper that raises a refusal naming its clause.
 *
 * Class BJ, named after the article that the refused action breaks, so an
 * application can branch on the SQLSTATE alone.
 */
#ifndef BJXM_ERRORS_H
#define BJXM_ERRORS_H

#include "postgres.h"

#include "lib/stringinfo.h"

/*
 * X(name, d3, d4, d5, article, meaning): one line per SQLSTATE.  article 0
 * means "no single article" (BJ000, the lifecycle itself).  The same list
 * feeds the ERRCODE_ macros, bjxm.sqlstates() and the documentation test.
 */
#define BJXM_SQLSTATE_LIST(X) \
	X(BJ000, '0', '0', '0', 0,  "当前状态不允许该操作 (action not allowed from the project's current state)") \
	X(BJ002, '0', '0', '2', 2,  "涉密项目不适用本办法 (classified project: out of scope)") \
	X(BJ005, '0', '0', '5', 5,  "需求方案不完整或密码应用方案未通过评审 (demand plan incomplete or crypto plan not passed)") \
	X(BJ006, '0', '0', '6', 6,  "申报不在申报期内: 计划年度须为次年 (declaration outside its window)") \
	X(BJ007, '0', '0', '7', 7,  "第三方不独立: 评审、咨询设计或评估单位与本项目的用户单位、服务单位或其他第三方统一社会信用代码相同, 或评估机构无统一社会信用代码 (third party not independent of the project: same USCC as its unit, vendor or another of its third parties)") \
	X(BJ010, '0', '1', '0', 10, "预算安排不符: 资金来源不符、无支出事项或超过支出事项合计与估算 (budget not allowed: fund source, line items or estimate)") \
	X(BJ011, '0', '1', '1', 11, "支出事项不列入信息化资金支持范围 (expense excluded by article 11)") \
	X(BJ012, '0', '1', '2', 12, "预算执行: 超出合同金额或安排预算、早于合同拨付或项目已推迟/终止 (budget execution)") \
	X(BJ013, '0', '1', '3', 13, "服务方案不完整 (service plan incomplete)") \
	X(BJ014, '0', '1', '4', 14, "招标控制价超过预算或采购金额超过招标控制价 (control price above the budget, or procurement above the control price)") \
	X(BJ015, '0', '1', '5', 15, "政府采购不合规: 服务单位与评审或设计单位相同或无统一社会信用代码, 达到公开招标数额标准而未经批准采用其他方式, 单一来源无法定情形或理由 (procurement not as 政府采购法 requires)") \
	X(BJ016, '0', '1', '6', 16, "合同未由三方签订, 或金额、日期与采购不符 (contract without all three parties, or above or before the procurement)") \
	X(BJ019, '0', '1', '9', 19, "内容调整不符合第十九条: 情形、专家意见、调整范围或增加的预算 (adjustment not allowed: reason, expert opinion, scope or budget increase)") \
	X(BJ020, '0', '2', '0', 20, "验收签署重复或签署方不符 (acceptance signed twice or by the wrong parties)") \
	X(BJ022, '0', '2', '2', 22, "数据资源目录未经审核审定即上架 (catalogue entry listed before approval)") \
	X(BJ023, '0', '2', '3', 23, "上架不合第二十三条: 缺少分类分级、共享开放类型或保密审查, 共享开放类型超出数据级别, 或已上架条目未下架即改动 (listing incomplete, types beyond the level, or a listed entry changed)") \
	X(BJ025, '0', '2', '5', 25, "开放数据未脱敏脱密 (opening data that is not desensitized)") \
	X(BJ028, '0', '2', '8', 28, "合同缺少第二十八条安全义务 (contract lacks security obligations)") \
	X(BJ029, '0', '2', '9', 29, "敏感数据不得无条件共享或开放 (sensitive data offered for unconditional sharing or opening)") \
	X(BJ031, '0', '3', '1', 31, "单位存在逾期或未通过的整改, 不再安排后续项目资金 (funding blocked by rectification)") \
	X(BJ032, '0', '3', '2', 32, "缺少绩效目标或事前绩效评估 (performance targets or ex-ante assessment missing)") \
	X(BJ033, '0', '3', '3', 33, "综合评估: 服务单位以往评估得分偏低, 仅提醒 (vendor's past evaluations are low; warning only)") \
	X(BJ034, '0', '3', '4', 34, "须经市级大数据部门评审而未评审 (city-level review required)")

#define BJXM_DEFINE_ERRCODE(name, d3, d4, d5, article, meaning) \
	ERRCODE_##name = MAKE_SQLSTATE('B', 'J', d3, d4, d5),
enum
{
	BJXM_SQLSTATE_LIST(BJXM_DEFINE_ERRCODE)
};
#undef BJXM_DEFINE_ERRCODE

/*
 * Raise a refusal: errmsg "<clause>: <message>", errdetail and errhint as
 * given (either may be NULL), after writing one structured LOG line
 * (actor, action, project, SQLSTATE, clause) to the server log, since the
 * refused transaction's own rows roll back.  project_id 0 = none.
 */
extern void bjxm_refuse(int sqlerrcode, int article, int item,
						const char *action, int64 project_id,
						const char *detail, const char *hint,
						const char *fmt,...) pg_attribute_printf(8, 9) pg_attribute_noreturn();

/* The structured LOG line of a refusal (every refusal path calls it). */
extern void bjxm_log_refusal(int sqlerrcode, const char *clause, const char *action, int64 project_id);

/*
 * Format the variadic arguments of the enclosing function (last named
 * parameter fmt) into the StringInfoData buf, growing it as needed.
 */
#define BJXM_FORMAT(buf, fmt) \
	do { \
		initStringInfo(&(buf)); \
		for (;;) \
		{ \
			va_list		bjxm_args_; \
			int			bjxm_needed_; \
			va_start(bjxm_args_, fmt); \
			bjxm_needed_ = appendStringInfoVA(&(buf), fmt, bjxm_args_); \
			va_end(bjxm_args_); \
			if (bjxm_needed_ == 0) \
				break; \
			enlargeStringInfo(&(buf), bjxm_needed_); \
		} \
	} while (0)

/* Canonical "第十一条第(一)项" text of a clause, palloc'd. */
extern char *bjxm_clause_cstring(int article, int item);

#endif							/* BJXM_ERRORS_H */
