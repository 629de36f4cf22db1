/*
 * transitions.h — the transition table of 毕节市市级信息化项目统筹管理办法(试行):
 * project states, the actions of bjxm, the duties that may perform them
 * and, for the actions gated by a project's state, the state before and
 * after (the lifecycle of docs/reference.md §4).
 *
 * Backend-free: plain C99 with libc only, no postgres.h.  The glue maps
 * bjxm.project_state to bj_state by label (bj_state_from_name) and
 * public function names to bj_action by name.
 *
 * The table only says whether an action is allowed from a state, which
 * duties may perform it, the clause it enforces and the state after it.
 * Every other check (rules, holds, the two-signature acceptance, which of
 * several duties applies) is the glue's: src/registry.c names, for every
 * action, the chapter file that implements it.
 */
#ifndef BJ_TRANSITIONS_H
#define BJ_TRANSITIONS_H

#include <stddef.h>

/*
 * bjxm.project_state, in the SQL enum's order (main line draft..evaluated,
 * then the side states).  BJ_S_PREVIOUS is not a state: it is the on_pass
 * of resume, meaning "the state recorded when the project was postponed",
 * which the caller restores.
 */
typedef enum bj_state
{
	BJ_S_DRAFT,					/* 草稿 */
	BJ_S_DECLARED,				/* 已申报 */
	BJ_S_SHORTLISTED,			/* 拟入库 */
	BJ_S_REVIEWED,				/* 已评审 */
	BJ_S_IN_LIBRARY,			/* 已入库 */
	BJ_S_PLANNED,				/* 拟实施计划 */
	BJ_S_APPROVED,				/* 年度计划已批准 */
	BJ_S_BUDGETED,				/* 已安排预算 */
	BJ_S_SERVICE_PLAN_SUBMITTED,	/* 服务方案已报送 */
	BJ_S_SERVICE_PLAN_APPROVED, /* 服务方案已通过评审 */
	BJ_S_PROCURED,				/* 已采购 */
	BJ_S_CONTRACTED,			/* 已签订三方合同 */
	BJ_S_IMPLEMENTING,			/* 实施中 */
	BJ_S_ACCEPTED,				/* 已验收 */
	BJ_S_EVALUATED,				/* 已综合评估 */
	BJ_S_RETURNED,				/* 退回修改 */
	BJ_S_WITHDRAWN,				/* 已撤回 */
	BJ_S_POSTPONED,				/* 已推迟 */
	BJ_S_TERMINATED,			/* 已终止 */
	BJ_S_COUNT,
	BJ_S_PREVIOUS = BJ_S_COUNT + 1, /* resume: back to the state left */
	BJ_S_NONE = BJ_S_COUNT + 2	/* a stateless action: no state before or after */
} bj_state;

/*
 * The actions of bjxm, named as their public SQL functions.  Four kinds
 * (bj_action_kind_of):
 *   on a state  allowed from the states of the table (bj_transition_lookup);
 *               approve_annual_plan and decide_adjustment take a year or
 *               an adjustment, but act on each project concerned, checked
 *               from its own state;
 *   create      create_project: no "from" state (bj_transition_create);
 *   stateless   on a unit, party, member, setting, rectification order or
 *               catalogue entry: duties and clause only (bj_action_rule);
 *   dry run     expense_check: bjxm.check only, never performed.
 */
typedef enum bj_action
{
	BJ_A_CREATE_PROJECT,
	BJ_A_SET_DEMAND_PLAN,
	BJ_A_SET_PROJECT_FACTS,
	BJ_A_DECLARE,
	BJ_A_PRELIMINARY_REVIEW,
	BJ_A_ENTRUST_REVIEW,
	BJ_A_RECORD_REVIEW,
	BJ_A_ADMIT_TO_LIBRARY,
	BJ_A_CARRY_OVER,
	BJ_A_PROPOSE_FOR_PLAN,
	BJ_A_APPROVE_ANNUAL_PLAN,
	BJ_A_ARRANGE_BUDGET,
	BJ_A_REVISE_BUDGET,
	BJ_A_SET_PERFORMANCE_TARGETS,
	BJ_A_RECORD_EX_ANTE_ASSESSMENT,
	BJ_A_SUBMIT_SERVICE_PLAN,
	BJ_A_APPROVE_SERVICE_PLAN,
	BJ_A_RECORD_CITY_REVIEW,
	BJ_A_RECORD_PROCUREMENT,
	BJ_A_APPROVE_PROCUREMENT_EXCEPTION,
	BJ_A_SIGN_CONTRACT,
	BJ_A_START_IMPLEMENTATION,
	BJ_A_SIGN_ACCEPTANCE,
	BJ_A_RECORD_EVALUATION,
	BJ_A_POSTPONE,
	BJ_A_TERMINATE,
	BJ_A_RESUME,
	BJ_A_WITHDRAW,
	BJ_A_REQUEST_ADJUSTMENT,
	BJ_A_RECORD_ADJUSTMENT_OPINION,
	BJ_A_DECIDE_ADJUSTMENT,
	BJ_A_AMEND_SERVICE_PLAN,
	BJ_A_ADD_LINE_ITEM,
	BJ_A_WAIVE_TERM,
	BJ_A_RECORD_DISBURSEMENT,
	BJ_A_RECORD_SELF_EVALUATION,
	BJ_A_RECORD_KEY_EVALUATION,
	BJ_A_ADD_DATA_RESOURCE,
	BJ_A_RECORD_COMPONENT,
	BJ_A_RECORD_SECURITY_ASSESSMENT,
	/* stateless: registries (第三条, 第七条, 第三十五条) */
	BJ_A_REGISTER_UNIT,
	BJ_A_REGISTER_PARTY,
	BJ_A_GRANT_UNIT_MEMBER,
	BJ_A_REVOKE_UNIT_MEMBER,
	BJ_A_GRANT_PARTY_MEMBER,
	BJ_A_SET_JURISDICTION,
	BJ_A_REVOKE_JURISDICTION,
	/* stateless: rule parameters and the 第十一条 dictionary */
	BJ_A_SET_SETTING,
	BJ_A_SET_REGULATION_FIGURE,
	BJ_A_SET_EXCLUDED_TERM,
	/* stateless: rectification orders (第三十条, 第三十一条) */
	BJ_A_OPEN_RECTIFICATION,
	BJ_A_REPORT_RECTIFICATION,
	BJ_A_CLOSE_RECTIFICATION,
	/* stateless: the data resource catalogue (第二十二条, 第二十三条) */
	BJ_A_CLASSIFY_DATA_RESOURCE,
	BJ_A_REVIEW_DATA_RESOURCE,
	BJ_A_LIST_DATA_RESOURCE,
	BJ_A_APPROVE_CATALOGUE,
	BJ_A_DELIST_DATA_RESOURCE,
	/* dry run only (第十一条) */
	BJ_A_EXPENSE_CHECK,
	BJ_A_COUNT
} bj_action;

typedef enum bj_action_kind
{
	BJ_KIND_ON_STATE,			/* allowed from the states of the table */
	BJ_KIND_CREATE,				/* create_project */
	BJ_KIND_STATELESS,			/* no project state involved */
	BJ_KIND_DRY_RUN				/* bjxm.check only */
} bj_action_kind;

/*
 * Duties (the bjxm_* group roles), as a bitmask: a transition's duties are
 * the roles any one of which may perform it.  bjxm_auditor never acts.
 * BJ_DUTY_NONE: no duty needed (a dry run anyone may ask for).
 */
#define BJ_DUTY_NONE		0u
#define BJ_DUTY_USER_UNIT	1u		/* bjxm_user_unit 用户单位 */
#define BJ_DUTY_BIGDATA		2u		/* bjxm_bigdata 大数据部门 */
#define BJ_DUTY_FINANCE		4u		/* bjxm_finance 财政部门 */
#define BJ_DUTY_REVIEWER	8u		/* bjxm_reviewer 第三方评审机构 */
#define BJ_DUTY_CITY_GOV	16u		/* bjxm_city_gov 人民政府 */
#define BJ_DUTY_ALL			31u

/*
 * One allowed (state, action) pair, or the rule of a stateless action.
 *   on_pass  the state after success, or after passed = true for actions
 *            with an outcome; equal to the from state when the action
 *            leaves the state alone; BJ_S_PREVIOUS for resume; BJ_S_NONE
 *            for a stateless action or a dry run.
 *   on_fail  the state after passed = false; equal to on_pass for actions
 *            without an outcome (or whose outcome does not move the state).
 *   duties   BJ_DUTY_* bits, any one of which may act.
 *   article, item  the clause the transition enforces (item 0 = the whole
 *            article); always a clause of the regulation.
 */
typedef struct bj_transition
{
	bj_state	on_pass;
	bj_state	on_fail;
	unsigned	duties;
	int			article;
	int			item;
} bj_transition;

/* SQL label of a state ("service_plan_submitted"); NULL if s is not one
 * of the BJ_S_COUNT states (BJ_S_PREVIOUS included). */
const char *bj_state_name(bj_state s);

/* Chinese label of a state (bjxm.label: "服务方案已报送"); NULL likewise. */
const char *bj_state_label(bj_state s);

/* State named name (exact, case-sensitive SQL label); BJ_S_COUNT if name
 * is NULL or not a state.  The _n form reads len bytes, no NUL needed. */
bj_state	bj_state_from_name(const char *name);
bj_state	bj_state_from_name_n(const char *name, size_t len);

/* SQL function name of an action ("record_review"); NULL if out of range. */
const char *bj_action_name(bj_action a);

/* Action named name; BJ_A_COUNT if name is NULL or not an action. */
bj_action	bj_action_from_name(const char *name);
bj_action	bj_action_from_name_n(const char *name, size_t len);

/* Name of one duty bit ("user_unit", "bigdata", "finance", "reviewer",
 * "city_gov"); NULL unless duty is exactly one BJ_DUTY_* bit. */
const char *bj_duty_name(unsigned duty);

/* Kind of an action (see bj_action); BJ_KIND_DRY_RUN if out of range. */
bj_action_kind bj_action_kind_of(bj_action a);

/* The state a new project starts in (create_project): draft. */
bj_state	bj_state_initial(void);

/* create_project as a transition: on_pass = on_fail = draft, user_unit,
 * 第二条 (scope: BJ002; the caller also checks 第十条, BJ010). */
const bj_transition *bj_transition_create(void);

/* The transition of action a from state from, or NULL if a is not allowed
 * from there (or either argument is out of range, or a is not an action
 * on a state).  The pointer is to static storage. */
const bj_transition *bj_transition_lookup(bj_state from, bj_action a);

/*
 * Duties and clause of an action whatever the state: the rule of a
 * stateless action or dry run, create_project's transition, or for an
 * action on a state its transition from the first state that allows it
 * (every state allowing an action gives it the same duties and clause).
 * NULL if a is out of range.
 */
const bj_transition *bj_action_rule(bj_action a);

/*
 * The actions allowed from from, in bj_action order: writes at most max of
 * them to out (which may be NULL when max is 0) and returns how many are
 * allowed in all (0 if from is out of range).
 */
int			bj_transitions_allowed(bj_state from, bj_action *out, int max);

/* 1 for the states no action leaves: evaluated, withdrawn, terminated. */
int			bj_state_is_terminal(bj_state s);

#endif							/* BJ_TRANSITIONS_H */
