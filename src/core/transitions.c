/*
 * transitions.c — the transition table of 毕节市市级信息化项目统筹管理办法(试行):
 * the lifecycle of a project (docs/reference.md §4) and the duties and
 * clause of every other action.
 *
 * Backend-free: plain C99 with libc only.
 *
 * The table has one row per action, indexed by the from state, written
 * cell by cell or by named stretches of the lifecycle (BEFORE_APPROVAL,
 * ADJUSTABLE, ...); a cell left out (article 0) is a refusal (BJ000).  Each
 * row cites the article that assigns the action and its duty.  Decisions
 * the regulation leaves open are noted at the row concerned, and in
 * docs/design.md.
 */
#include <string.h>

#include "articles.h"
#include "transitions.h"

#define UU	BJ_DUTY_USER_UNIT
#define BD	BJ_DUTY_BIGDATA
#define FI	BJ_DUTY_FINANCE
#define RV	BJ_DUTY_REVIEWER
#define CG	BJ_DUTY_CITY_GOV

/* From s the action leaves the state alone, whatever its outcome. */
#define KEEP(s, d, art) \
	[BJ_S_##s] = {BJ_S_##s, BJ_S_##s, (d), (art), 0}
/* From s the action stays on success, goes to fail when not passed. */
#define KEEP_OR(s, fail, d, art) \
	[BJ_S_##s] = {BJ_S_##s, BJ_S_##fail, (d), (art), 0}
/* From s the action goes to pass, or to fail when not passed. */
#define MOVE(s, pass, fail, d, art) \
	[BJ_S_##s] = {BJ_S_##pass, BJ_S_##fail, (d), (art), 0}

/* From s the action goes to one state, passed or not. */
#define TO(s, to, d, art) MOVE(s, to, to, d, art)

/*
 * Stretches of the lifecycle, each applying a cell macro (KEEP, TO) with
 * the same arguments to every state in it, in lifecycle order.
 */
/* Before the annual plan is approved (第五条–第九条), returned included. */
#define BEFORE_APPROVAL(X, ...) \
	X(DRAFT, __VA_ARGS__), X(DECLARED, __VA_ARGS__), X(SHORTLISTED, __VA_ARGS__), \
	X(REVIEWED, __VA_ARGS__), X(IN_LIBRARY, __VA_ARGS__), X(PLANNED, __VA_ARGS__), \
	X(RETURNED, __VA_ARGS__)
/* Budgeted, service plan not yet approved (第十条, 第十三条). */
#define BUDGET_STAGE(X, ...) \
	X(BUDGETED, __VA_ARGS__), X(SERVICE_PLAN_SUBMITTED, __VA_ARGS__)
/* From the approved service plan to implementation: 第十九条's window. */
#define ADJUSTABLE(X, ...) \
	X(SERVICE_PLAN_APPROVED, __VA_ARGS__), X(PROCURED, __VA_ARGS__), \
	X(CONTRACTED, __VA_ARGS__), X(IMPLEMENTING, __VA_ARGS__)
/* Accepted and evaluated (第二十条, 第三十三条). */
#define DELIVERED(X, ...) \
	X(ACCEPTED, __VA_ARGS__), X(EVALUATED, __VA_ARGS__)
/* From the approved plan to implementation: 第十二条's execution. */
#define APPROVED_TO_IMPLEMENTING(X, ...) \
	X(APPROVED, __VA_ARGS__), BUDGET_STAGE(X, __VA_ARGS__), ADJUSTABLE(X, __VA_ARGS__)
/* Every state up to implementation that is not closed. */
#define UP_TO_IMPLEMENTING(X, ...) \
	BEFORE_APPROVAL(X, __VA_ARGS__), APPROVED_TO_IMPLEMENTING(X, __VA_ARGS__)
/* Under a signed contract (第十六条), and after. */
#define UNDER_CONTRACT(X, ...) \
	X(CONTRACTED, __VA_ARGS__), X(IMPLEMENTING, __VA_ARGS__), DELIVERED(X, __VA_ARGS__)

static const char *const state_names[BJ_S_COUNT] = {
	[BJ_S_DRAFT] = "draft",
	[BJ_S_DECLARED] = "declared",
	[BJ_S_SHORTLISTED] = "shortlisted",
	[BJ_S_REVIEWED] = "reviewed",
	[BJ_S_IN_LIBRARY] = "in_library",
	[BJ_S_PLANNED] = "planned",
	[BJ_S_APPROVED] = "approved",
	[BJ_S_BUDGETED] = "budgeted",
	[BJ_S_SERVICE_PLAN_SUBMITTED] = "service_plan_submitted",
	[BJ_S_SERVICE_PLAN_APPROVED] = "service_plan_approved",
	[BJ_S_PROCURED] = "procured",
	[BJ_S_CONTRACTED] = "contracted",
	[BJ_S_IMPLEMENTING] = "implementing",
	[BJ_S_ACCEPTED] = "accepted",
	[BJ_S_EVALUATED] = "evaluated",
	[BJ_S_RETURNED] = "returned",
	[BJ_S_WITHDRAWN] = "withdrawn",
	[BJ_S_POSTPONED] = "postponed",
	[BJ_S_TERMINATED] = "terminated",
};

static const char *const state_labels[BJ_S_COUNT] = {
	[BJ_S_DRAFT] = "草稿",
	[BJ_S_DECLARED] = "已申报",
	[BJ_S_SHORTLISTED] = "拟入库",
	[BJ_S_REVIEWED] = "已评审",
	[BJ_S_IN_LIBRARY] = "已入库",
	[BJ_S_PLANNED] = "拟实施计划",
	[BJ_S_APPROVED] = "年度计划已批准",
	[BJ_S_BUDGETED] = "已安排预算",
	[BJ_S_SERVICE_PLAN_SUBMITTED] = "服务方案已报送",
	[BJ_S_SERVICE_PLAN_APPROVED] = "服务方案已通过评审",
	[BJ_S_PROCURED] = "已采购",
	[BJ_S_CONTRACTED] = "已签订三方合同",
	[BJ_S_IMPLEMENTING] = "实施中",
	[BJ_S_ACCEPTED] = "已验收",
	[BJ_S_EVALUATED] = "已综合评估",
	[BJ_S_RETURNED] = "退回修改",
	[BJ_S_WITHDRAWN] = "已撤回",
	[BJ_S_POSTPONED] = "已推迟",
	[BJ_S_TERMINATED] = "已终止",
};

static const char *const action_names[BJ_A_COUNT] = {
	[BJ_A_CREATE_PROJECT] = "create_project",
	[BJ_A_SET_DEMAND_PLAN] = "set_demand_plan",
	[BJ_A_SET_PROJECT_FACTS] = "set_project_facts",
	[BJ_A_DECLARE] = "declare",
	[BJ_A_PRELIMINARY_REVIEW] = "preliminary_review",
	[BJ_A_ENTRUST_REVIEW] = "entrust_review",
	[BJ_A_RECORD_REVIEW] = "record_review",
	[BJ_A_ADMIT_TO_LIBRARY] = "admit_to_library",
	[BJ_A_CARRY_OVER] = "carry_over",
	[BJ_A_PROPOSE_FOR_PLAN] = "propose_for_plan",
	[BJ_A_APPROVE_ANNUAL_PLAN] = "approve_annual_plan",
	[BJ_A_ARRANGE_BUDGET] = "arrange_budget",
	[BJ_A_REVISE_BUDGET] = "revise_budget",
	[BJ_A_SET_PERFORMANCE_TARGETS] = "set_performance_targets",
	[BJ_A_RECORD_EX_ANTE_ASSESSMENT] = "record_ex_ante_assessment",
	[BJ_A_SUBMIT_SERVICE_PLAN] = "submit_service_plan",
	[BJ_A_APPROVE_SERVICE_PLAN] = "approve_service_plan",
	[BJ_A_RECORD_CITY_REVIEW] = "record_city_review",
	[BJ_A_RECORD_PROCUREMENT] = "record_procurement",
	[BJ_A_APPROVE_PROCUREMENT_EXCEPTION] = "approve_procurement_exception",
	[BJ_A_SIGN_CONTRACT] = "sign_contract",
	[BJ_A_START_IMPLEMENTATION] = "start_implementation",
	[BJ_A_SIGN_ACCEPTANCE] = "sign_acceptance",
	[BJ_A_RECORD_EVALUATION] = "record_evaluation",
	[BJ_A_POSTPONE] = "postpone",
	[BJ_A_TERMINATE] = "terminate",
	[BJ_A_RESUME] = "resume",
	[BJ_A_WITHDRAW] = "withdraw",
	[BJ_A_REQUEST_ADJUSTMENT] = "request_adjustment",
	[BJ_A_RECORD_ADJUSTMENT_OPINION] = "record_adjustment_opinion",
	[BJ_A_DECIDE_ADJUSTMENT] = "decide_adjustment",
	[BJ_A_AMEND_SERVICE_PLAN] = "amend_service_plan",
	[BJ_A_ADD_LINE_ITEM] = "add_line_item",
	[BJ_A_WAIVE_TERM] = "waive_term",
	[BJ_A_RECORD_DISBURSEMENT] = "record_disbursement",
	[BJ_A_RECORD_SELF_EVALUATION] = "record_self_evaluation",
	[BJ_A_RECORD_KEY_EVALUATION] = "record_key_evaluation",
	[BJ_A_ADD_DATA_RESOURCE] = "add_data_resource",
	[BJ_A_RECORD_COMPONENT] = "record_component",
	[BJ_A_RECORD_SECURITY_ASSESSMENT] = "record_security_assessment",
	[BJ_A_REGISTER_UNIT] = "register_unit",
	[BJ_A_REGISTER_PARTY] = "register_party",
	[BJ_A_GRANT_UNIT_MEMBER] = "grant_unit_member",
	[BJ_A_REVOKE_UNIT_MEMBER] = "revoke_unit_member",
	[BJ_A_GRANT_PARTY_MEMBER] = "grant_party_member",
	[BJ_A_SET_JURISDICTION] = "set_jurisdiction",
	[BJ_A_REVOKE_JURISDICTION] = "revoke_jurisdiction",
	[BJ_A_SET_SETTING] = "set_setting",
	[BJ_A_SET_REGULATION_FIGURE] = "set_regulation_figure",
	[BJ_A_SET_EXCLUDED_TERM] = "set_excluded_term",
	[BJ_A_OPEN_RECTIFICATION] = "open_rectification",
	[BJ_A_REPORT_RECTIFICATION] = "report_rectification",
	[BJ_A_CLOSE_RECTIFICATION] = "close_rectification",
	[BJ_A_CLASSIFY_DATA_RESOURCE] = "classify_data_resource",
	[BJ_A_REVIEW_DATA_RESOURCE] = "review_data_resource",
	[BJ_A_LIST_DATA_RESOURCE] = "list_data_resource",
	[BJ_A_APPROVE_CATALOGUE] = "approve_catalogue",
	[BJ_A_DELIST_DATA_RESOURCE] = "delist_data_resource",
	[BJ_A_EXPENSE_CHECK] = "expense_check",
};

static const char *const duty_names[] = {
	"user_unit", "bigdata", "finance", "reviewer", "city_gov"
};

/* create_project: no from state.  第二条 (scope, BJ002); 第十条 is checked too. */
static const bj_transition create_transition =
{BJ_S_DRAFT, BJ_S_DRAFT, UU, BJ_ART_SCOPE, 0};

/* A stateless action: its duties and the article that assigns them. */
#define RULE(d, art) {BJ_S_NONE, BJ_S_NONE, (d), (art), 0}

/* The stateless actions and the dry run; article 0 = not one of them. */
static const bj_transition stateless[BJ_A_COUNT] = {
	/* 第三条: 大数据部门 keeps the registries of units and third parties. */
	[BJ_A_REGISTER_UNIT] = RULE(BD, BJ_ART_DUTIES),
	[BJ_A_REGISTER_PARTY] = RULE(BD, BJ_ART_DUTIES),
	[BJ_A_GRANT_UNIT_MEMBER] = RULE(BD, BJ_ART_DUTIES),
	[BJ_A_REVOKE_UNIT_MEMBER] = RULE(BD, BJ_ART_DUTIES),
	/* 第七条: the institution a review is entrusted to acts by its members. */
	[BJ_A_GRANT_PARTY_MEMBER] = RULE(BD, BJ_ART_DEMAND_REVIEW),
	/* 第三十五条: counties act by reference; the city sets who covers what. */
	[BJ_A_SET_JURISDICTION] = RULE(BD, BJ_ART_COUNTIES),
	[BJ_A_REVOKE_JURISDICTION] = RULE(BD, BJ_ART_COUNTIES),
	/* 第三条: 大数据部门 建立项目管理体系, its parameters included. */
	[BJ_A_SET_SETTING] = RULE(BD, BJ_ART_DUTIES),
	/*
	 * 第三十六条: the measures are the 市人民政府's; their own figures
	 * (第三十二条, 第三十四条第(三)项) and the superior law's they defer to
	 * change only by it, each a new rulebook version.
	 */
	[BJ_A_SET_REGULATION_FIGURE] = RULE(CG, BJ_ART_EFFECT),
	/* 第十一条: the dictionary of excluded expenses. */
	[BJ_A_SET_EXCLUDED_TERM] = RULE(BD, BJ_ART_ELIGIBILITY),
	/* 第三十条: 大数据部门会同财政部门 监督检查; 第三十一条: the unit rectifies. */
	[BJ_A_OPEN_RECTIFICATION] = RULE(BD | FI, BJ_ART_SUPERVISION),
	[BJ_A_REPORT_RECTIFICATION] = RULE(UU, BJ_ART_RECTIFICATION),
	[BJ_A_CLOSE_RECTIFICATION] = RULE(BD | FI, BJ_ART_RECTIFICATION),
	/* 第二十二条, 第二十三条: the unit catalogues and lists, bigdata
	 * reviews, the government approves. */
	[BJ_A_CLASSIFY_DATA_RESOURCE] = RULE(UU, BJ_ART_LISTING),
	[BJ_A_REVIEW_DATA_RESOURCE] = RULE(BD, BJ_ART_CATALOGUE),
	[BJ_A_LIST_DATA_RESOURCE] = RULE(UU, BJ_ART_LISTING),
	[BJ_A_APPROVE_CATALOGUE] = RULE(CG, BJ_ART_CATALOGUE),
	/* 第二十一条 大数据部门统筹管理, 第二十三条 the unit lists: either delists. */
	[BJ_A_DELIST_DATA_RESOURCE] = RULE(UU | BD, BJ_ART_LISTING),
	/* 第十一条: anyone may ask whether an expense is excluded. */
	[BJ_A_EXPENSE_CHECK] = RULE(BJ_DUTY_NONE, BJ_ART_ELIGIBILITY),
};

/* [action][from state]; article 0 = not allowed. */
static const bj_transition table[BJ_A_COUNT][BJ_S_COUNT] = {
	/* create_project: no row (bj_transition_create). */

	/* 第五条 方案编制: the demand plan is edited until it is declared. */
	[BJ_A_SET_DEMAND_PLAN] = {
		KEEP(DRAFT, UU, BJ_ART_DEMAND_PLAN),
		KEEP(RETURNED, UU, BJ_ART_DEMAND_PLAN),
	},

	/*
	 * 第三十一条 (the facts 监督检查 looks at; 第三十四条 reads them too):
	 * facts change as a project lives, so in every state before evaluated
	 * that is not closed: returned and postponed included, evaluated,
	 * withdrawn and terminated not.
	 */
	[BJ_A_SET_PROJECT_FACTS] = {
		UP_TO_IMPLEMENTING(KEEP, UU, BJ_ART_RECTIFICATION),
		KEEP(ACCEPTED, UU, BJ_ART_RECTIFICATION),
		KEEP(POSTPONED, UU, BJ_ART_RECTIFICATION),
	},

	/* 第六条 项目申报: a returned project is revised and declared again. */
	[BJ_A_DECLARE] = {
		MOVE(DRAFT, DECLARED, DECLARED, UU, BJ_ART_DECLARATION),
		MOVE(RETURNED, DECLARED, DECLARED, UU, BJ_ART_DECLARATION),
	},

	/* 第六条: 初审, 拟入库清单 or 退回. */
	[BJ_A_PRELIMINARY_REVIEW] = {
		MOVE(DECLARED, SHORTLISTED, RETURNED, BD, BJ_ART_DECLARATION),
	},

	/*
	 * 第七条 (需求方案, from declared or shortlisted) and 第十四条 (服务方案,
	 * from budgeted or service_plan_submitted): one article per row, 第七条,
	 * which first assigns the entrustment to 大数据部门.
	 */
	[BJ_A_ENTRUST_REVIEW] = {
		KEEP(DECLARED, BD, BJ_ART_DEMAND_REVIEW),
		KEEP(SHORTLISTED, BD, BJ_ART_DEMAND_REVIEW),
		KEEP(BUDGETED, BD, BJ_ART_DEMAND_REVIEW),
		KEEP(SERVICE_PLAN_SUBMITTED, BD, BJ_ART_DEMAND_REVIEW),
	},

	/* 第七条 方案评审 by the entrusted 第三方评审机构. */
	[BJ_A_RECORD_REVIEW] = {
		MOVE(SHORTLISTED, REVIEWED, RETURNED, RV, BJ_ART_DEMAND_REVIEW),
	},

	/* 第八条 项目入库. */
	[BJ_A_ADMIT_TO_LIBRARY] = {
		MOVE(REVIEWED, IN_LIBRARY, IN_LIBRARY, BD, BJ_ART_LIBRARY),
	},

	/* 第八条 动态调整: a library project moves to a later year. */
	[BJ_A_CARRY_OVER] = {
		KEEP(IN_LIBRARY, BD, BJ_ART_LIBRARY),
	},

	/* 第九条 年度计划: 拟实施计划. */
	[BJ_A_PROPOSE_FOR_PLAN] = {
		MOVE(IN_LIBRARY, PLANNED, PLANNED, BD, BJ_ART_ANNUAL_PLAN),
	},

	/* 第九条: approved by 人民政府; excluded projects return to the library. */
	[BJ_A_APPROVE_ANNUAL_PLAN] = {
		MOVE(PLANNED, APPROVED, IN_LIBRARY, CG, BJ_ART_ANNUAL_PLAN),
	},

	/*
	 * 第十条 项目预算: 财政部门, or the unit itself for a self-raised fund;
	 * the caller decides which of the two applies to the project.
	 */
	[BJ_A_ARRANGE_BUDGET] = {
		MOVE(APPROVED, BUDGETED, BUDGETED, FI | UU, BJ_ART_BUDGET),
	},

	/*
	 * 第十条, 第十二条 调整预算: a year's budget per fund source, from the
	 * budget to implementation (a multi-year project, 运维 renewed yearly
	 * while it runs); 财政部门, or the unit itself for self-raised funds.
	 */
	[BJ_A_REVISE_BUDGET] = {
		BUDGET_STAGE(KEEP, FI | UU, BJ_ART_BUDGET),
		ADJUSTABLE(KEEP, FI | UU, BJ_ART_BUDGET),
	},

	/* 第三十二条 绩效管理: targets before the budget is arranged. */
	[BJ_A_SET_PERFORMANCE_TARGETS] = {
		BEFORE_APPROVAL(KEEP, UU, BJ_ART_PERFORMANCE),
		KEEP(APPROVED, UU, BJ_ART_PERFORMANCE),
	},

	/* 第三十二条 事前绩效评估: passed or not, the state is unchanged. */
	[BJ_A_RECORD_EX_ANTE_ASSESSMENT] = {
		BEFORE_APPROVAL(KEEP, UU, BJ_ART_PERFORMANCE),
		KEEP(APPROVED, UU, BJ_ART_PERFORMANCE),
	},

	/* 第十三条 服务方案. */
	[BJ_A_SUBMIT_SERVICE_PLAN] = {
		MOVE(BUDGETED, SERVICE_PLAN_SUBMITTED, SERVICE_PLAN_SUBMITTED, UU, BJ_ART_SERVICE_PLAN),
	},

	/*
	 * 第十四条 方案评审: not passed → back to budgeted to revise.  From
	 * service_plan_approved, a re-review before the procurement (a review
	 * that no longer covers the plan, src/reviews.c): passed keeps the
	 * state, not passed sends the plan back.
	 */
	[BJ_A_APPROVE_SERVICE_PLAN] = {
		MOVE(SERVICE_PLAN_SUBMITTED, SERVICE_PLAN_APPROVED, BUDGETED, RV, BJ_ART_SERVICE_REVIEW),
		KEEP_OR(SERVICE_PLAN_APPROVED, BUDGETED, RV, BJ_ART_SERVICE_REVIEW),
	},

	/*
	 * 第三十四条 city-level review, before or after the expert review of
	 * the service plan; not passed → back to budgeted.
	 */
	[BJ_A_RECORD_CITY_REVIEW] = {
		KEEP_OR(SERVICE_PLAN_SUBMITTED, BUDGETED, BD, BJ_ART_CITY_REVIEW),
		KEEP_OR(SERVICE_PLAN_APPROVED, BUDGETED, BD, BJ_ART_CITY_REVIEW),
		/*
		 * When a fact or a higher amount brings the project under
		 * 第三十四条 after the procurement: reviewed where it stands; not
		 * passed, the next gate (contract, implementation, payment)
		 * stays shut, and a procurement is not undone.
		 */
		KEEP(PROCURED, BD, BJ_ART_CITY_REVIEW),
		KEEP(CONTRACTED, BD, BJ_ART_CITY_REVIEW),
		KEEP(IMPLEMENTING, BD, BJ_ART_CITY_REVIEW),
	},

	/* 第十五条 服务采购. */
	[BJ_A_RECORD_PROCUREMENT] = {
		MOVE(SERVICE_PLAN_APPROVED, PROCURED, PROCURED, UU, BJ_ART_PROCUREMENT),
	},

	/*
	 * 第十五条 (政府采购法第二十七条): 财政部门 approves, before the
	 * procurement, a method other than open tender at or above the
	 * open-tender threshold; the state is kept.
	 */
	[BJ_A_APPROVE_PROCUREMENT_EXCEPTION] = {
		KEEP(SERVICE_PLAN_APPROVED, FI, BJ_ART_PROCUREMENT),
	},

	/* 第十六条 合同签订: 大数据部门、用户单位 and the vendor. */
	[BJ_A_SIGN_CONTRACT] = {
		MOVE(PROCURED, CONTRACTED, CONTRACTED, BD | UU, BJ_ART_CONTRACT),
	},

	/* 第十七条 项目实施. */
	[BJ_A_START_IMPLEMENTATION] = {
		MOVE(CONTRACTED, IMPLEMENTING, IMPLEMENTING, UU, BJ_ART_IMPLEMENTATION),
	},

	/*
	 * 第二十条 项目验收 by 用户单位 together with 大数据部门: on_pass is where
	 * the second passed signature leads; the caller stays in implementing
	 * until both have signed.  A failed signature stays in implementing.
	 */
	[BJ_A_SIGN_ACCEPTANCE] = {
		MOVE(IMPLEMENTING, ACCEPTED, IMPLEMENTING, UU | BD, BJ_ART_ACCEPTANCE),
	},

	/* 第三十三条 综合评估. */
	[BJ_A_RECORD_EVALUATION] = {
		MOVE(ACCEPTED, EVALUATED, EVALUATED, BD, BJ_ART_EVALUATION),
	},

	/* 第十二条 预算执行: from approved up to implementing. */
	[BJ_A_POSTPONE] = {
		APPROVED_TO_IMPLEMENTING(TO, POSTPONED, BD | FI, BJ_ART_EXECUTION),
	},

	/* 第十二条: as postpone, and a postponed project may be terminated. */
	[BJ_A_TERMINATE] = {
		APPROVED_TO_IMPLEMENTING(TO, TERMINATED, BD | FI, BJ_ART_EXECUTION),
		TO(POSTPONED, TERMINATED, BD | FI, BJ_ART_EXECUTION),
	},

	/* 第十二条: back to the state recorded when postponing (the caller's). */
	[BJ_A_RESUME] = {
		MOVE(POSTPONED, PREVIOUS, PREVIOUS, BD | FI, BJ_ART_EXECUTION),
	},

	/* 第六条: a unit may withdraw its declaration before in_library. */
	[BJ_A_WITHDRAW] = {
		MOVE(DRAFT, WITHDRAWN, WITHDRAWN, UU, BJ_ART_DECLARATION),
		MOVE(DECLARED, WITHDRAWN, WITHDRAWN, UU, BJ_ART_DECLARATION),
		MOVE(SHORTLISTED, WITHDRAWN, WITHDRAWN, UU, BJ_ART_DECLARATION),
		MOVE(REVIEWED, WITHDRAWN, WITHDRAWN, UU, BJ_ART_DECLARATION),
		MOVE(RETURNED, WITHDRAWN, WITHDRAWN, UU, BJ_ART_DECLARATION),
	},

	/* 第十九条 内容调整: from service_plan_approved up to implementing. */
	[BJ_A_REQUEST_ADJUSTMENT] = {
		ADJUSTABLE(KEEP, UU, BJ_ART_ADJUSTMENT),
	},

	/*
	 * 第十九条 「报大数据部门经专家评审同意」: the experts' opinion is the
	 * entrusted institution's (the service plan's reviewers, 第十四条),
	 * recorded before 大数据部门 decides; the state is kept.
	 */
	[BJ_A_RECORD_ADJUSTMENT_OPINION] = {
		ADJUSTABLE(KEEP, RV, BJ_ART_ADJUSTMENT),
	},

	[BJ_A_DECIDE_ADJUSTMENT] = {
		ADJUSTABLE(KEEP, BD, BJ_ART_ADJUSTMENT),
	},

	[BJ_A_AMEND_SERVICE_PLAN] = {
		ADJUSTABLE(KEEP, UU, BJ_ART_ADJUSTMENT),
	},

	/* 第十一条 支持范围: line items from draft up to implementing. */
	[BJ_A_ADD_LINE_ITEM] = {
		UP_TO_IMPLEMENTING(KEEP, UU, BJ_ART_ELIGIBILITY),
	},

	/* 第十一条: a reviewed term allowed for one project, while items can
	 * still be added. */
	[BJ_A_WAIVE_TERM] = {
		UP_TO_IMPLEMENTING(KEEP, BD, BJ_ART_ELIGIBILITY),
	},

	/*
	 * 第十二条 预算执行: from contracted on.  Postponed and terminated are
	 * deliberately absent: the caller turns that refusal into BJ012
	 * (第十二条: 推迟或终止实施的项目不再拨付) rather than BJ000.
	 */
	[BJ_A_RECORD_DISBURSEMENT] = {
		UNDER_CONTRACT(KEEP, FI, BJ_ART_EXECUTION),
	},

	/* 第三十二条 绩效自评 by the unit, 重点绩效评价 by 财政部门. */
	[BJ_A_RECORD_SELF_EVALUATION] = {
		KEEP(IMPLEMENTING, UU, BJ_ART_PERFORMANCE),
		KEEP(ACCEPTED, UU, BJ_ART_PERFORMANCE),
		KEEP(EVALUATED, UU, BJ_ART_PERFORMANCE),
	},

	[BJ_A_RECORD_KEY_EVALUATION] = {
		KEEP(IMPLEMENTING, FI, BJ_ART_PERFORMANCE),
		KEEP(ACCEPTED, FI, BJ_ART_PERFORMANCE),
		KEEP(EVALUATED, FI, BJ_ART_PERFORMANCE),
	},

	/* 第二十二条 目录编制: once the project is in the approved plan. */
	[BJ_A_ADD_DATA_RESOURCE] = {
		APPROVED_TO_IMPLEMENTING(KEEP, UU, BJ_ART_CATALOGUE),
		DELIVERED(KEEP, UU, BJ_ART_CATALOGUE),
	},

	/* 第二十七条 建设安全: components, from the budget on. */
	[BJ_A_RECORD_COMPONENT] = {
		BUDGET_STAGE(KEEP, UU, BJ_ART_BUILD_SECURITY),
		ADJUSTABLE(KEEP, UU, BJ_ART_BUILD_SECURITY),
		DELIVERED(KEEP, UU, BJ_ART_BUILD_SECURITY),
	},

	/* 第二十八条 服务安全: assessments under the signed contract. */
	[BJ_A_RECORD_SECURITY_ASSESSMENT] = {
		UNDER_CONTRACT(KEEP, UU | BD, BJ_ART_SERVICE_SECURITY),
	},
};

/* SQL label of a state; NULL if s is not a state. */
const char *
bj_state_name(bj_state s)
{
	if ((int) s < 0 || (int) s >= BJ_S_COUNT)
		return NULL;
	return state_names[s];
}

/* Chinese label of a state; NULL if s is not a state. */
const char *
bj_state_label(bj_state s)
{
	if ((int) s < 0 || (int) s >= BJ_S_COUNT)
		return NULL;
	return state_labels[s];
}

/* Index of the len-byte name in names[0..n), or n. */
static int
find_name(const char *const *names, int n, const char *name, size_t len)
{
	int			i;

	if (name == NULL)
		return n;
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return i;
	return n;
}

/* State named by the len bytes at name; BJ_S_COUNT if none. */
bj_state
bj_state_from_name_n(const char *name, size_t len)
{
	return (bj_state) find_name(state_names, BJ_S_COUNT, name, len);
}

/* State named name; BJ_S_COUNT if none or NULL. */
bj_state
bj_state_from_name(const char *name)
{
	return name ? bj_state_from_name_n(name, strlen(name)) : BJ_S_COUNT;
}

/* SQL function name of an action; NULL if out of range. */
const char *
bj_action_name(bj_action a)
{
	if ((int) a < 0 || (int) a >= BJ_A_COUNT)
		return NULL;
	return action_names[a];
}

/* Action named by the len bytes at name; BJ_A_COUNT if none. */
bj_action
bj_action_from_name_n(const char *name, size_t len)
{
	return (bj_action) find_name(action_names, BJ_A_COUNT, name, len);
}

/* Action named name; BJ_A_COUNT if none or NULL. */
bj_action
bj_action_from_name(const char *name)
{
	return name ? bj_action_from_name_n(name, strlen(name)) : BJ_A_COUNT;
}

/* Name of exactly one duty bit; NULL otherwise. */
const char *
bj_duty_name(unsigned duty)
{
	int			i;

	for (i = 0; i < (int) (sizeof duty_names / sizeof duty_names[0]); i++)
		if (duty == (1u << i))
			return duty_names[i];
	return NULL;
}

/* Kind of an action. */
bj_action_kind
bj_action_kind_of(bj_action a)
{
	if ((int) a < 0 || (int) a >= BJ_A_COUNT || a == BJ_A_EXPENSE_CHECK)
		return BJ_KIND_DRY_RUN;
	if (a == BJ_A_CREATE_PROJECT)
		return BJ_KIND_CREATE;
	if (stateless[a].article != 0)
		return BJ_KIND_STATELESS;
	return BJ_KIND_ON_STATE;
}

/* create_project's state: draft. */
bj_state
bj_state_initial(void)
{
	return create_transition.on_pass;
}

/* create_project as a transition. */
const bj_transition *
bj_transition_create(void)
{
	return &create_transition;
}

/* Transition of a from from, or NULL when not allowed. */
const bj_transition *
bj_transition_lookup(bj_state from, bj_action a)
{
	const bj_transition *t;

	if ((int) from < 0 || (int) from >= BJ_S_COUNT ||
		(int) a < 0 || (int) a >= BJ_A_COUNT)
		return NULL;
	t = &table[a][from];
	return t->article != 0 ? t : NULL;
}

/* Duties and clause of an action whatever the state. */
const bj_transition *
bj_action_rule(bj_action a)
{
	int			s;

	if ((int) a < 0 || (int) a >= BJ_A_COUNT)
		return NULL;
	if (a == BJ_A_CREATE_PROJECT)
		return &create_transition;
	if (stateless[a].article != 0)
		return &stateless[a];
	for (s = 0; s < BJ_S_COUNT; s++)
		if (table[a][s].article != 0)
			return &table[a][s];
	return NULL;
}

/* Actions allowed from from: up to max into out; returns the total. */
int
bj_transitions_allowed(bj_state from, bj_action *out, int max)
{
	int			n = 0;
	int			a;

	for (a = 0; a < BJ_A_COUNT; a++)
	{
		if (bj_transition_lookup(from, (bj_action) a) == NULL)
			continue;
		if (out != NULL && n < max)
			out[n] = (bj_action) a;
		n++;
	}
	return n;
}

/* evaluated, withdrawn and terminated: no action leaves them. */
int
bj_state_is_terminal(bj_state s)
{
	return s == BJ_S_EVALUATED || s == BJ_S_WITHDRAWN ||
		s == BJ_S_TERMINATED;
}
