/*
 * registry.c — every action of bjxm, one row each, indexed by bj_action
 * like the core transition table (src/core/transitions.c).
 *
 * A row names the action's arguments (the public SQL function's
 * parameters, by name), the object it loads (default: the project of an
 * action on a state), how it narrows the duties of the transition table,
 * its rules, how it applies, and every article it enforces.  The duties,
 * the states it is allowed from and the state after it are the core
 * table's.  The chapter file that implements a row is named by its
 * functions' header; src/engine.c runs every row the same way, for the
 * action and for bjxm.check.  bjxm.actions() lists this table.
 */
#include "postgres.h"

#include "action.h"
#include "data.h"
#include "funding.h"
#include "jurisdictions.h"
#include "planning.h"
#include "projects.h"
#include "registries.h"
#include "registry.h"
#include "security.h"
#include "supervision.h"

#define ARGS(a) .args = (a), .nargs = lengthof(a)

/* Argument lists shared by several actions. */
static const BjxmArgSpec no_args[1] = {{NULL}};
static const BjxmArgSpec reason_args[] = {{"reason", BJXM_ARG_NONBLANK, true}};
static const BjxmArgSpec member_unit_args[] = {{"member", BJXM_ARG_ROLE}, {"unit", BJXM_ARG_USCC}};

/* 第二章 计划管理 (planning.c) */
static const BjxmArgSpec create_project_args[] = {
	{"unit", BJXM_ARG_USCC, true},
	{"name", BJXM_ARG_NONBLANK, true},
	{"category", BJXM_ARG_ENUM, true, "project_category", "项目类别"},
	{"services", BJXM_ARG_ANY},
	{"plan_year", BJXM_ARG_INT, true},
	{"estimate", BJXM_ARG_AMOUNT, true},
	{"fund", BJXM_ARG_ENUM, false, "fund_source", "资金来源"},
	{"classified", BJXM_ARG_BOOL},
};
static const BjxmArgSpec plan_args[] = {{"plan", BJXM_ARG_OBJECT, true}};
static const BjxmArgSpec preliminary_review_args[] = {{"passed", BJXM_ARG_BOOL, true}, {"note", BJXM_ARG_TEXT}};
static const BjxmArgSpec entrust_review_args[] = {{"party", BJXM_ARG_PARTY, true, "reviewer"}};
static const BjxmArgSpec review_args[] = {{"passed", BJXM_ARG_BOOL, true}, {"report_ref", BJXM_ARG_TEXT}};
static const BjxmArgSpec carry_over_args[] = {{"plan_year", BJXM_ARG_INT, true}};
static const BjxmArgSpec approve_annual_plan_args[] = {
	{"year", BJXM_ARG_INT, true}, {"region", BJXM_ARG_TEXT}, {"excluded", BJXM_ARG_ANY},
};

/* 第三章 资金管理 (funding.c) */
static const BjxmArgSpec arrange_budget_args[] = {{"amount", BJXM_ARG_AMOUNT, true}};
static const BjxmArgSpec revise_budget_args[] = {
	{"year", BJXM_ARG_INT, true}, {"new_amount", BJXM_ARG_AMOUNT0, true}, {"reason", BJXM_ARG_NONBLANK, true},
	{"fund", BJXM_ARG_ENUM, false, "fund_source", "资金来源"},
};
static const BjxmArgSpec add_line_item_args[] = {
	{"category", BJXM_ARG_TEXT, true}, {"name", BJXM_ARG_TEXT, true},
	{"amount", BJXM_ARG_AMOUNT, true}, {"description", BJXM_ARG_TEXT},
};
static const BjxmArgSpec waive_term_args[] = {{"term", BJXM_ARG_TEXT, true}, {"reason", BJXM_ARG_TEXT, true}};
static const BjxmArgSpec expense_check_args[] = {
	{"category", BJXM_ARG_TEXT}, {"name", BJXM_ARG_TEXT}, {"description", BJXM_ARG_TEXT},
};
static const BjxmArgSpec set_excluded_term_args[] = {
	{"term", BJXM_ARG_TEXT}, {"clause", BJXM_ARG_CLAUSE}, {"active", BJXM_ARG_BOOL},
	{"kind", BJXM_ARG_TEXT}, {"allow", BJXM_ARG_JSON}, {"deny", BJXM_ARG_JSON}, {"refuse_by_default", BJXM_ARG_BOOL},
};
static const BjxmArgSpec record_disbursement_args[] = {
	{"amount", BJXM_ARG_AMOUNT, true}, {"paid_on", BJXM_ARG_DATE, true},
};

/* 第四章 项目管理 (projects.c) */
static const BjxmArgSpec approve_service_plan_args[] = {
	{"passed", BJXM_ARG_BOOL, true}, {"tender_control_price", BJXM_ARG_AMOUNT}, {"report_ref", BJXM_ARG_TEXT},
};
static const BjxmArgSpec record_procurement_args[] = {
	{"vendor", BJXM_ARG_PARTY, true, "vendor"},
	{"amount", BJXM_ARG_AMOUNT, true},
	{"method", BJXM_ARG_ENUM, true, "procurement_method", "采购方式"},
	{"ground", BJXM_ARG_TEXT}, {"reason", BJXM_ARG_TEXT},
};
static const BjxmArgSpec approve_procurement_exception_args[] = {
	{"method", BJXM_ARG_ENUM, true, "procurement_method", "采购方式"},
	{"reason", BJXM_ARG_NONBLANK, true},
};
static const BjxmArgSpec sign_contract_args[] = {
	{"contract_no", BJXM_ARG_NONBLANK, true}, {"terms", BJXM_ARG_OBJECT, true},
	{"amount", BJXM_ARG_AMOUNT}, {"signed_on", BJXM_ARG_DATE},
};
static const BjxmArgSpec sign_acceptance_args[] = {{"passed", BJXM_ARG_BOOL, true}, {"note", BJXM_ARG_TEXT}};
static const BjxmArgSpec request_adjustment_args[] = {
	{"reason", BJXM_ARG_TEXT, true}, {"description", BJXM_ARG_NONBLANK, true},
	{"changes", BJXM_ARG_ANY}, {"budget_delta", BJXM_ARG_AMOUNT},
};
static const BjxmArgSpec record_adjustment_opinion_args[] = {
	{"adjustment", BJXM_ARG_ID, true}, {"passed", BJXM_ARG_BOOL, true}, {"opinion", BJXM_ARG_NONBLANK, true},
	{"report_ref", BJXM_ARG_TEXT},
};
static const BjxmArgSpec decide_adjustment_args[] = {
	{"adjustment", BJXM_ARG_ID, true}, {"passed", BJXM_ARG_BOOL, true}, {"expert_opinion", BJXM_ARG_TEXT},
};
static const BjxmArgSpec amend_service_plan_args[] = {
	{"adjustment", BJXM_ARG_ID, true}, {"plan", BJXM_ARG_OBJECT, true},
};

/* 第五章 数据管理 (data.c) */
static const BjxmArgSpec add_data_resource_args[] = {
	{"name", BJXM_ARG_TEXT, true}, {"summary", BJXM_ARG_TEXT, true}, {"format", BJXM_ARG_TEXT, true},
	{"share_type", BJXM_ARG_TEXT, true}, {"open_type", BJXM_ARG_TEXT, true},
	{"update_cycle", BJXM_ARG_TEXT, true}, {"items", BJXM_ARG_ANY}, {"sensitive", BJXM_ARG_BOOL},
	{"classification", BJXM_ARG_TEXT}, {"share_condition", BJXM_ARG_TEXT}, {"share_method", BJXM_ARG_TEXT},
	{"provide_method", BJXM_ARG_TEXT}, {"related_codes", BJXM_ARG_ANY},
};
static const BjxmArgSpec classify_data_resource_args[] = {
	{"id", BJXM_ARG_ID}, {"level", BJXM_ARG_TEXT}, {"secrecy_reviewed", BJXM_ARG_BOOL},
};
static const BjxmArgSpec review_data_resource_args[] = {{"id", BJXM_ARG_ID}, {"passed", BJXM_ARG_BOOL}};
static const BjxmArgSpec list_data_resource_args[] = {{"id", BJXM_ARG_ID}, {"desensitized", BJXM_ARG_BOOL}};
static const BjxmArgSpec delist_data_resource_args[] = {{"id", BJXM_ARG_ID}, {"reason", BJXM_ARG_NONBLANK, true}};
static const BjxmArgSpec unit_args[] = {{"unit", BJXM_ARG_USCC}};

/* 第六章 安全管理 (security.c) */
static const BjxmArgSpec record_component_args[] = {
	{"kind", BJXM_ARG_TEXT, true}, {"product", BJXM_ARG_TEXT, true}, {"domestic", BJXM_ARG_BOOL, true},
};
static const BjxmArgSpec record_security_assessment_args[] = {
	{"year", BJXM_ARG_INT, true}, {"kind", BJXM_ARG_TEXT, true}, {"passed", BJXM_ARG_BOOL, true},
	{"reported_to", BJXM_ARG_ANY}, {"performed_by", BJXM_ARG_TEXT},
};

/* 第七章 监督管理 (supervision.c) */
static const BjxmArgSpec facts_args[] = {{"facts", BJXM_ARG_OBJECT, true}};
static const BjxmArgSpec targets_args[] = {{"targets", BJXM_ARG_JSON, true}};
static const BjxmArgSpec self_evaluation_args[] = {
	{"year", BJXM_ARG_INT, true}, {"score", BJXM_ARG_SCORE, true}, {"report", BJXM_ARG_JSON, true},
};
static const BjxmArgSpec key_evaluation_args[] = {
	{"year", BJXM_ARG_INT, true}, {"score", BJXM_ARG_SCORE, true}, {"report_ref", BJXM_ARG_TEXT},
};
static const BjxmArgSpec record_evaluation_args[] = {
	{"party", BJXM_ARG_PARTY, true, "evaluator"}, {"unit_score", BJXM_ARG_SCORE, true},
	{"vendor_score", BJXM_ARG_SCORE, true}, {"reviewer_score", BJXM_ARG_SCORE, true},
	{"report_ref", BJXM_ARG_TEXT},
};
static const BjxmArgSpec open_rectification_args[] = {
	{"unit", BJXM_ARG_USCC}, {"category", BJXM_ARG_INT}, {"finding", BJXM_ARG_TEXT},
	{"project", BJXM_ARG_ID}, {"deadline", BJXM_ARG_DATE},
};
static const BjxmArgSpec report_rectification_args[] = {{"id", BJXM_ARG_ID}, {"result", BJXM_ARG_TEXT}};
static const BjxmArgSpec close_rectification_args[] = {{"id", BJXM_ARG_ID}, {"passed", BJXM_ARG_BOOL}};

/* 第一章 总则 第三条 (registries.c), 第八章 附则 (jurisdictions.c) */
static const BjxmArgSpec register_unit_args[] = {
	{"code", BJXM_ARG_USCC}, {"name", BJXM_ARG_TEXT},
	{"kind", BJXM_ARG_ENUM, false, "unit_kind", "单位类别"}, {"region", BJXM_ARG_TEXT},
};
static const BjxmArgSpec register_party_args[] = {
	{"code", BJXM_ARG_TEXT}, {"name", BJXM_ARG_TEXT}, {"kind", BJXM_ARG_TEXT}, {"uscc", BJXM_ARG_USCC},
};
static const BjxmArgSpec grant_party_member_args[] = {{"member", BJXM_ARG_ROLE}, {"party", BJXM_ARG_TEXT}};
static const BjxmArgSpec set_jurisdiction_args[] = {{"member", BJXM_ARG_ROLE}, {"region", BJXM_ARG_TEXT}};
static const BjxmArgSpec revoke_jurisdiction_args[] = {{"member", BJXM_ARG_ROLE}};
static const BjxmArgSpec set_setting_args[] = {{"key", BJXM_ARG_TEXT}, {"value", BJXM_ARG_TEXT}};
static const BjxmArgSpec set_regulation_figure_args[] = {
	{"key", BJXM_ARG_TEXT}, {"value", BJXM_ARG_TEXT}, {"reason", BJXM_ARG_NONBLANK, true},
};
static const BjxmArgSpec record_city_review_args[] = {{"passed", BJXM_ARG_BOOL, true}, {"note", BJXM_ARG_TEXT}};

#define NO_ARGS .args = no_args, .nargs = 0

const BjxmActionDef bjxm_registry[BJ_A_COUNT] = {
	/* 第二条, 第十条; 第二章 计划管理 */
	[BJ_A_CREATE_PROJECT] = {ARGS(create_project_args), .load = bjxm_create_project_load,
		.rules = bjxm_create_project_rules, .apply = bjxm_create_project_apply,
	.articles = {BJ_ART_SCOPE, BJ_ART_BUDGET}},
	[BJ_A_SET_DEMAND_PLAN] = {ARGS(plan_args), .apply = bjxm_set_demand_plan_apply,
	.articles = {BJ_ART_DEMAND_PLAN}},
	[BJ_A_DECLARE] = {NO_ARGS, .rules = bjxm_declare_rules,
	.articles = {BJ_ART_DEMAND_PLAN, BJ_ART_DECLARATION}},
	[BJ_A_WITHDRAW] = {ARGS(reason_args), .note = "reason",
	.articles = {BJ_ART_DECLARATION}},
	[BJ_A_PRELIMINARY_REVIEW] = {ARGS(preliminary_review_args), .note = "note",
		.apply = bjxm_preliminary_review_apply,
	.articles = {BJ_ART_DECLARATION}},
	[BJ_A_ENTRUST_REVIEW] = {ARGS(entrust_review_args), .apply = bjxm_entrust_review_apply,
	.articles = {BJ_ART_DEMAND_REVIEW, BJ_ART_SERVICE_REVIEW}},
	[BJ_A_RECORD_REVIEW] = {ARGS(review_args), .note = "report_ref", .rules = bjxm_record_review_rules,
		.apply = bjxm_record_review_apply,
	.articles = {BJ_ART_DEMAND_REVIEW}},
	[BJ_A_ADMIT_TO_LIBRARY] = {NO_ARGS, .articles = {BJ_ART_LIBRARY}},
	[BJ_A_CARRY_OVER] = {ARGS(carry_over_args), .rules = bjxm_carry_over_rules, .apply = bjxm_carry_over_apply,
	.articles = {BJ_ART_LIBRARY}},
	[BJ_A_PROPOSE_FOR_PLAN] = {NO_ARGS, .rules = bjxm_propose_for_plan_rules,
	.articles = {BJ_ART_ANNUAL_PLAN, BJ_ART_RECTIFICATION}},
	[BJ_A_APPROVE_ANNUAL_PLAN] = {ARGS(approve_annual_plan_args), .load = bjxm_approve_annual_plan_load,
		.duty = bjxm_approve_annual_plan_duty, .rules = bjxm_approve_annual_plan_rules,
		.apply = bjxm_approve_annual_plan_apply,
	.articles = {BJ_ART_ANNUAL_PLAN, BJ_ART_COUNTIES}},

	/* 第三章 资金管理 */
	[BJ_A_ARRANGE_BUDGET] = {ARGS(arrange_budget_args), .duty = bjxm_arrange_budget_duty,
		.rules = bjxm_arrange_budget_rules, .apply = bjxm_arrange_budget_apply,
	.articles = {BJ_ART_BUDGET, BJ_ART_RECTIFICATION, BJ_ART_PERFORMANCE}},
	[BJ_A_REVISE_BUDGET] = {ARGS(revise_budget_args), .duty = bjxm_revise_budget_duty, .note = "reason",
		.rules = bjxm_revise_budget_rules, .apply = bjxm_revise_budget_apply,
	.articles = {BJ_ART_BUDGET, BJ_ART_EXECUTION, BJ_ART_RECTIFICATION, BJ_ART_PERFORMANCE, BJ_ART_CITY_REVIEW}},
	[BJ_A_ADD_LINE_ITEM] = {ARGS(add_line_item_args), .rules = bjxm_add_line_item_rules,
		.apply = bjxm_add_line_item_apply,
	.articles = {BJ_ART_ELIGIBILITY}},
	[BJ_A_WAIVE_TERM] = {ARGS(waive_term_args), .note = "reason", .rules = bjxm_waive_term_rules, .apply = bjxm_waive_term_apply,
	.articles = {BJ_ART_ELIGIBILITY}},
	[BJ_A_EXPENSE_CHECK] = {ARGS(expense_check_args), .rules = bjxm_expense_check_rules,
	.articles = {BJ_ART_ELIGIBILITY}},
	[BJ_A_SET_EXCLUDED_TERM] = {ARGS(set_excluded_term_args), .duty = bjxm_city_level_duty,
		.rules = bjxm_set_excluded_term_rules, .apply = bjxm_set_excluded_term_apply,
	.articles = {BJ_ART_ELIGIBILITY}},
	[BJ_A_RECORD_DISBURSEMENT] = {ARGS(record_disbursement_args), .rules = bjxm_record_disbursement_rules,
		.apply = bjxm_record_disbursement_apply,
	.articles = {BJ_ART_EXECUTION, BJ_ART_RECTIFICATION, BJ_ART_CITY_REVIEW}},
	[BJ_A_POSTPONE] = {ARGS(reason_args), .note = "reason", .apply = bjxm_postpone_apply,
	.articles = {BJ_ART_EXECUTION}},
	[BJ_A_TERMINATE] = {ARGS(reason_args), .note = "reason",
	.articles = {BJ_ART_EXECUTION}},
	[BJ_A_RESUME] = {NO_ARGS, .apply = bjxm_resume_apply,
	.articles = {BJ_ART_EXECUTION}},

	/* 第四章 项目管理 */
	[BJ_A_SUBMIT_SERVICE_PLAN] = {ARGS(plan_args), .rules = bjxm_submit_service_plan_rules,
		.apply = bjxm_submit_service_plan_apply,
	.articles = {BJ_ART_SERVICE_PLAN}},
	[BJ_A_APPROVE_SERVICE_PLAN] = {ARGS(approve_service_plan_args), .note = "report_ref", .rules = bjxm_approve_service_plan_rules,
		.apply = bjxm_approve_service_plan_apply,
	.articles = {BJ_ART_SERVICE_REVIEW}},
	[BJ_A_RECORD_PROCUREMENT] = {ARGS(record_procurement_args), .rules = bjxm_record_procurement_rules,
		.apply = bjxm_record_procurement_apply,
	.articles = {BJ_ART_SERVICE_REVIEW, BJ_ART_PROCUREMENT, BJ_ART_EVALUATION, BJ_ART_CITY_REVIEW}},
	[BJ_A_APPROVE_PROCUREMENT_EXCEPTION] = {ARGS(approve_procurement_exception_args), .note = "reason",
		.rules = bjxm_approve_procurement_exception_rules, .apply = bjxm_approve_procurement_exception_apply,
	.articles = {BJ_ART_PROCUREMENT}},
	[BJ_A_SIGN_CONTRACT] = {ARGS(sign_contract_args), .rules = bjxm_sign_contract_rules,
		.apply = bjxm_sign_contract_apply,
	.articles = {BJ_ART_CONTRACT, BJ_ART_SERVICE_SECURITY, BJ_ART_CITY_REVIEW}},
	[BJ_A_START_IMPLEMENTATION] = {NO_ARGS, .rules = bjxm_start_implementation_rules,
	.articles = {BJ_ART_IMPLEMENTATION, BJ_ART_CITY_REVIEW}},
	[BJ_A_REQUEST_ADJUSTMENT] = {ARGS(request_adjustment_args), .note = "description", .rules = bjxm_request_adjustment_rules,
		.apply = bjxm_request_adjustment_apply,
	.articles = {BJ_ART_ADJUSTMENT}},
	[BJ_A_RECORD_ADJUSTMENT_OPINION] = {ARGS(record_adjustment_opinion_args), .note = "opinion",
		.named_by = "adjustment", .named_zh = "内容调整申请", .named_en = "adjustment",
		.rules = bjxm_record_adjustment_opinion_rules, .apply = bjxm_record_adjustment_opinion_apply,
	.articles = {BJ_ART_ADJUSTMENT}},
	[BJ_A_DECIDE_ADJUSTMENT] = {ARGS(decide_adjustment_args), .note = "expert_opinion", .rules = bjxm_decide_adjustment_rules,
		.named_by = "adjustment", .named_zh = "内容调整申请", .named_en = "adjustment",
		.apply = bjxm_decide_adjustment_apply,
	.articles = {BJ_ART_ADJUSTMENT}},
	[BJ_A_AMEND_SERVICE_PLAN] = {ARGS(amend_service_plan_args), .rules = bjxm_amend_service_plan_rules,
		.apply = bjxm_amend_service_plan_apply,
	.articles = {BJ_ART_SERVICE_PLAN, BJ_ART_ADJUSTMENT}},
	[BJ_A_SIGN_ACCEPTANCE] = {ARGS(sign_acceptance_args), .note = "note", .rules = bjxm_sign_acceptance_rules,
		.apply = bjxm_sign_acceptance_apply,
	.articles = {BJ_ART_ACCEPTANCE}},

	/* 第五章 数据管理 */
	[BJ_A_ADD_DATA_RESOURCE] = {ARGS(add_data_resource_args), .rules = bjxm_add_data_resource_rules,
		.apply = bjxm_add_data_resource_apply,
	.articles = {BJ_ART_CATALOGUE, BJ_ART_SHARING, BJ_ART_OPENING}},
	[BJ_A_CLASSIFY_DATA_RESOURCE] = {ARGS(classify_data_resource_args), .load = bjxm_classify_data_resource_load,
		.rules = bjxm_classify_data_resource_rules, .apply = bjxm_classify_data_resource_apply,
	.articles = {BJ_ART_LISTING, BJ_ART_CATALOGUE}},
	[BJ_A_REVIEW_DATA_RESOURCE] = {ARGS(review_data_resource_args), .load = bjxm_review_data_resource_load,
		.rules = bjxm_review_data_resource_rules, .apply = bjxm_review_data_resource_apply,
	.articles = {BJ_ART_CATALOGUE, BJ_ART_LISTING}},
	[BJ_A_LIST_DATA_RESOURCE] = {ARGS(list_data_resource_args), .load = bjxm_list_data_resource_load,
		.rules = bjxm_list_data_resource_rules, .apply = bjxm_list_data_resource_apply,
	.articles = {BJ_ART_CATALOGUE, BJ_ART_LISTING, BJ_ART_OPENING, BJ_ART_DATA_SECURITY}},
	[BJ_A_APPROVE_CATALOGUE] = {ARGS(unit_args), .load = bjxm_approve_catalogue_load,
		.apply = bjxm_approve_catalogue_apply,
	.articles = {BJ_ART_CATALOGUE}},
	[BJ_A_DELIST_DATA_RESOURCE] = {ARGS(delist_data_resource_args), .note = "reason",
		.load = bjxm_delist_data_resource_load, .rules = bjxm_delist_data_resource_rules,
		.apply = bjxm_delist_data_resource_apply,
	.articles = {BJ_ART_LISTING, BJ_ART_DATA_AUTHORITY}},

	/* 第六章 安全管理 */
	[BJ_A_RECORD_COMPONENT] = {ARGS(record_component_args), .rules = bjxm_record_component_rules,
		.apply = bjxm_record_component_apply,
	.articles = {BJ_ART_BUILD_SECURITY}},
	[BJ_A_RECORD_SECURITY_ASSESSMENT] = {ARGS(record_security_assessment_args),
		.rules = bjxm_record_security_assessment_rules, .apply = bjxm_record_security_assessment_apply,
	.articles = {BJ_ART_SERVICE_SECURITY}},

	/* 第七章 监督管理 */
	[BJ_A_SET_PROJECT_FACTS] = {ARGS(facts_args), .rules = bjxm_set_project_facts_rules,
		.apply = bjxm_set_project_facts_apply,
	.articles = {BJ_ART_RECTIFICATION, BJ_ART_CITY_REVIEW}},
	[BJ_A_OPEN_RECTIFICATION] = {ARGS(open_rectification_args), .load = bjxm_open_rectification_load,
		.rules = bjxm_open_rectification_rules, .apply = bjxm_open_rectification_apply,
	.articles = {BJ_ART_SUPERVISION, BJ_ART_RECTIFICATION}},
	[BJ_A_REPORT_RECTIFICATION] = {ARGS(report_rectification_args), .load = bjxm_rectification_load,
		.rules = bjxm_report_rectification_rules, .apply = bjxm_report_rectification_apply,
	.articles = {BJ_ART_RECTIFICATION}},
	[BJ_A_CLOSE_RECTIFICATION] = {ARGS(close_rectification_args), .load = bjxm_rectification_load,
		.rules = bjxm_close_rectification_rules, .apply = bjxm_close_rectification_apply,
	.articles = {BJ_ART_RECTIFICATION}},
	[BJ_A_SET_PERFORMANCE_TARGETS] = {ARGS(targets_args), .rules = bjxm_set_performance_targets_rules,
		.apply = bjxm_set_performance_targets_apply,
	.articles = {BJ_ART_PERFORMANCE}},
	[BJ_A_RECORD_EX_ANTE_ASSESSMENT] = {ARGS(review_args), .note = "report_ref",
		.apply = bjxm_record_ex_ante_assessment_apply,
	.articles = {BJ_ART_PERFORMANCE}},
	[BJ_A_RECORD_SELF_EVALUATION] = {ARGS(self_evaluation_args), .rules = bjxm_record_self_evaluation_rules,
		.apply = bjxm_record_self_evaluation_apply,
	.articles = {BJ_ART_PERFORMANCE}},
	[BJ_A_RECORD_KEY_EVALUATION] = {ARGS(key_evaluation_args), .rules = bjxm_record_key_evaluation_rules,
		.apply = bjxm_record_key_evaluation_apply,
	.articles = {BJ_ART_PERFORMANCE}},
	[BJ_A_RECORD_EVALUATION] = {ARGS(record_evaluation_args), .note = "report_ref",
		.apply = bjxm_record_evaluation_apply,
	.articles = {BJ_ART_EVALUATION}},

	/* 第一章 总则 第三条: registries and parameters */
	[BJ_A_REGISTER_UNIT] = {ARGS(register_unit_args), .duty = bjxm_register_unit_duty,
		.rules = bjxm_register_unit_rules, .apply = bjxm_register_unit_apply,
	.articles = {BJ_ART_DUTIES, BJ_ART_COUNTIES}},
	[BJ_A_REGISTER_PARTY] = {ARGS(register_party_args), .rules = bjxm_register_party_rules,
		.apply = bjxm_register_party_apply,
	.articles = {BJ_ART_DUTIES}},
	[BJ_A_GRANT_UNIT_MEMBER] = {ARGS(member_unit_args), .load = bjxm_unit_member_load,
		.rules = bjxm_grant_unit_member_rules, .apply = bjxm_grant_unit_member_apply,
	.articles = {BJ_ART_DUTIES}},
	[BJ_A_REVOKE_UNIT_MEMBER] = {ARGS(member_unit_args), .load = bjxm_unit_member_load,
		.rules = bjxm_revoke_unit_member_rules, .apply = bjxm_revoke_unit_member_apply,
	.articles = {BJ_ART_DUTIES}},
	[BJ_A_GRANT_PARTY_MEMBER] = {ARGS(grant_party_member_args), .rules = bjxm_grant_party_member_rules,
		.apply = bjxm_grant_party_member_apply,
	.articles = {BJ_ART_DEMAND_REVIEW}},
	[BJ_A_SET_SETTING] = {ARGS(set_setting_args), .duty = bjxm_city_level_duty,
		.rules = bjxm_set_setting_rules, .apply = bjxm_set_setting_apply,
	.articles = {BJ_ART_DUTIES}},
	[BJ_A_SET_REGULATION_FIGURE] = {ARGS(set_regulation_figure_args), .duty = bjxm_city_level_duty,
		.rules = bjxm_set_regulation_figure_rules, .apply = bjxm_set_regulation_figure_apply,
	.articles = {BJ_ART_EFFECT, BJ_ART_PERFORMANCE, BJ_ART_CITY_REVIEW}},

	/* 第八章 附则 */
	[BJ_A_RECORD_CITY_REVIEW] = {ARGS(record_city_review_args), .duty = bjxm_city_level_duty,
		.note = "note", .apply = bjxm_record_city_review_apply,
	.articles = {BJ_ART_CITY_REVIEW}},
	[BJ_A_SET_JURISDICTION] = {ARGS(set_jurisdiction_args), .duty = bjxm_city_level_duty,
		.rules = bjxm_set_jurisdiction_rules, .apply = bjxm_set_jurisdiction_apply,
	.articles = {BJ_ART_COUNTIES}},
	[BJ_A_REVOKE_JURISDICTION] = {ARGS(revoke_jurisdiction_args), .duty = bjxm_city_level_duty,
		.rules = bjxm_revoke_jurisdiction_rules, .apply = bjxm_revoke_jurisdiction_apply,
	.articles = {BJ_ART_COUNTIES}},
};

/* The name of an argument type (bjxm.actions()). */
const char *
bjxm_arg_type_name(BjxmArgType type)
{
	static const char *const names[] = {
		[BJXM_ARG_TEXT] = "text",
		[BJXM_ARG_NONBLANK] = "text (not blank)",
		[BJXM_ARG_BOOL] = "boolean",
		[BJXM_ARG_INT] = "integer",
		[BJXM_ARG_ID] = "bigint",
		[BJXM_ARG_AMOUNT] = "amount",
		[BJXM_ARG_AMOUNT0] = "amount (or 0)",
		[BJXM_ARG_SCORE] = "score",
		[BJXM_ARG_DATE] = "date",
		[BJXM_ARG_OBJECT] = "json object",
		[BJXM_ARG_JSON] = "json object or array",
		[BJXM_ARG_ANY] = "json",
		[BJXM_ARG_USCC] = "uscc",
		[BJXM_ARG_CLAUSE] = "clause",
		[BJXM_ARG_ROLE] = "role",
		[BJXM_ARG_PARTY] = "party",
		[BJXM_ARG_ENUM] = "enum",
	};

	return (int) type >= 0 && (int) type < (int) lengthof(names) ? names[type] : "?";
}
