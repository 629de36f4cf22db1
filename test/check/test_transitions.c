/*
 * test_transitions.c — Check tests of src/core/transitions.c: the project
 * lifecycle of 毕节市市级信息化项目统筹管理办法(试行) and the duties and
 * clause of every action (docs/reference.md §3–§7).
 *
 * The expected table below is written independently of transitions.c, in
 * another form: one row per action listing by name the states it is
 * allowed from, the state after it ("same" = unchanged, "none" = a
 * stateless action), the duties by name and the clause as the regulation
 * writes it.  Every (state, action) pair is compared with it: either it is
 * exactly that transition, or it is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "transitions.h"
#include "suites.h"

/* bjxm.project_state in the SQL enum's order, with bjxm.label's labels. */
static const struct
{
	const char *name;
	const char *label;
}			states[] = {
	{"draft", "草稿"},
	{"declared", "已申报"},
	{"shortlisted", "拟入库"},
	{"reviewed", "已评审"},
	{"in_library", "已入库"},
	{"planned", "拟实施计划"},
	{"approved", "年度计划已批准"},
	{"budgeted", "已安排预算"},
	{"service_plan_submitted", "服务方案已报送"},
	{"service_plan_approved", "服务方案已通过评审"},
	{"procured", "已采购"},
	{"contracted", "已签订三方合同"},
	{"implementing", "实施中"},
	{"accepted", "已验收"},
	{"evaluated", "已综合评估"},
	{"returned", "退回修改"},
	{"withdrawn", "已撤回"},
	{"postponed", "已推迟"},
	{"terminated", "已终止"},
};
#define N_STATES (int) (sizeof(states) / sizeof(states[0]))

/* The main line, draft .. evaluated. */
#define N_MAIN 15

/* State lists used by several rows. */
#define BEFORE_EVALUATED \
	"draft declared shortlisted reviewed in_library planned approved " \
	"budgeted service_plan_submitted service_plan_approved procured " \
	"contracted implementing accepted returned postponed"
#define BEFORE_BUDGET \
	"draft returned declared shortlisted reviewed in_library planned approved"
#define BUDGET_EXECUTION \
	"approved budgeted service_plan_submitted service_plan_approved " \
	"procured contracted implementing"
#define UP_TO_IMPLEMENTING \
	"draft declared shortlisted reviewed in_library planned approved " \
	"budgeted service_plan_submitted service_plan_approved procured " \
	"contracted implementing returned"
#define ADJUSTABLE \
	"service_plan_approved procured contracted implementing"
#define AFTER_IMPLEMENTATION "implementing accepted evaluated"

/*
 * One row per action, in bj_action order.  from: the states it is allowed
 * from; pass: the state after success ("same", or "previous" for resume);
 * fail: after passed = false (NULL = as pass, "same" = unchanged).
 */
static const struct
{
	const char *action;
	const char *from;
	const char *pass;
	const char *fail;
	const char *duties;
	const char *clause;
}			expect[] = {
	{"create_project", "", "draft", NULL, "user_unit", "第二条"},
	{"set_demand_plan", "draft returned", "same", NULL, "user_unit", "第五条"},
	{"set_project_facts", BEFORE_EVALUATED, "same", NULL, "user_unit", "第三十一条"},
	{"declare", "draft returned", "declared", NULL, "user_unit", "第六条"},
	{"preliminary_review", "declared", "shortlisted", "returned", "bigdata", "第六条"},
	{"entrust_review", "declared shortlisted budgeted service_plan_submitted",
	"same", NULL, "bigdata", "第七条"},
	{"record_review", "shortlisted", "reviewed", "returned", "reviewer", "第七条"},
	{"admit_to_library", "reviewed", "in_library", NULL, "bigdata", "第八条"},
	{"carry_over", "in_library", "same", NULL, "bigdata", "第八条"},
	{"propose_for_plan", "in_library", "planned", NULL, "bigdata", "第九条"},
	{"approve_annual_plan", "planned", "approved", "in_library", "city_gov", "第九条"},
	{"arrange_budget", "approved", "budgeted", NULL, "finance|user_unit", "第十条"},
	{"revise_budget", "budgeted service_plan_submitted service_plan_approved procured contracted implementing",
	"same", NULL, "finance|user_unit", "第十条"},
	{"set_performance_targets", BEFORE_BUDGET, "same", NULL, "user_unit", "第三十二条"},
	{"record_ex_ante_assessment", BEFORE_BUDGET, "same", NULL, "user_unit", "第三十二条"},
	{"submit_service_plan", "budgeted", "service_plan_submitted", NULL, "user_unit", "第十三条"},
	{"approve_service_plan", "service_plan_submitted service_plan_approved", "service_plan_approved",
	"budgeted", "reviewer", "第十四条"},
	{"record_city_review", "service_plan_submitted service_plan_approved procured contracted implementing",
	"same", "budgeted", "bigdata", "第三十四条"},
	{"record_procurement", "service_plan_approved", "procured", NULL, "user_unit", "第十五条"},
	{"approve_procurement_exception", "service_plan_approved", "same", NULL, "finance", "第十五条"},
	{"sign_contract", "procured", "contracted", NULL, "bigdata|user_unit", "第十六条"},
	{"start_implementation", "contracted", "implementing", NULL, "user_unit", "第十七条"},
	{"sign_acceptance", "implementing", "accepted", "same", "user_unit|bigdata", "第二十条"},
	{"record_evaluation", "accepted", "evaluated", NULL, "bigdata", "第三十三条"},
	{"postpone", BUDGET_EXECUTION, "postponed", NULL, "bigdata|finance", "第十二条"},
	{"terminate", BUDGET_EXECUTION " postponed", "terminated", NULL, "bigdata|finance", "第十二条"},
	{"resume", "postponed", "previous", NULL, "bigdata|finance", "第十二条"},
	{"withdraw", "draft returned declared shortlisted reviewed", "withdrawn", NULL,
	"user_unit", "第六条"},
	{"request_adjustment", ADJUSTABLE, "same", NULL, "user_unit", "第十九条"},
	{"record_adjustment_opinion", ADJUSTABLE, "same", NULL, "reviewer", "第十九条"},
	{"decide_adjustment", ADJUSTABLE, "same", NULL, "bigdata", "第十九条"},
	{"amend_service_plan", ADJUSTABLE, "same", NULL, "user_unit", "第十九条"},
	{"add_line_item", UP_TO_IMPLEMENTING, "same", NULL, "user_unit", "第十一条"},
	{"waive_term", UP_TO_IMPLEMENTING, "same", NULL, "bigdata", "第十一条"},
	{"record_disbursement", "contracted implementing accepted evaluated", "same", NULL,
	"finance", "第十二条"},
	{"record_self_evaluation", AFTER_IMPLEMENTATION, "same", NULL, "user_unit", "第三十二条"},
	{"record_key_evaluation", AFTER_IMPLEMENTATION, "same", NULL, "finance", "第三十二条"},
	{"add_data_resource", "approved budgeted service_plan_submitted service_plan_approved "
	"procured contracted implementing accepted evaluated", "same", NULL, "user_unit",
	"第二十二条"},
	{"record_component", "budgeted service_plan_submitted service_plan_approved "
	"procured contracted implementing accepted evaluated", "same", NULL, "user_unit",
	"第二十七条"},
	{"record_security_assessment", "contracted implementing accepted evaluated", "same",
	NULL, "user_unit|bigdata", "第二十八条"},
	/* stateless: no project state before or after */
	{"register_unit", "", "none", NULL, "bigdata", "第三条"},
	{"register_party", "", "none", NULL, "bigdata", "第三条"},
	{"grant_unit_member", "", "none", NULL, "bigdata", "第三条"},
	{"revoke_unit_member", "", "none", NULL, "bigdata", "第三条"},
	{"grant_party_member", "", "none", NULL, "bigdata", "第七条"},
	{"set_jurisdiction", "", "none", NULL, "bigdata", "第三十五条"},
	{"revoke_jurisdiction", "", "none", NULL, "bigdata", "第三十五条"},
	{"set_setting", "", "none", NULL, "bigdata", "第三条"},
	{"set_regulation_figure", "", "none", NULL, "city_gov", "第三十六条"},
	{"set_excluded_term", "", "none", NULL, "bigdata", "第十一条"},
	{"open_rectification", "", "none", NULL, "bigdata|finance", "第三十条"},
	{"report_rectification", "", "none", NULL, "user_unit", "第三十一条"},
	{"close_rectification", "", "none", NULL, "bigdata|finance", "第三十一条"},
	{"classify_data_resource", "", "none", NULL, "user_unit", "第二十三条"},
	{"review_data_resource", "", "none", NULL, "bigdata", "第二十二条"},
	{"list_data_resource", "", "none", NULL, "user_unit", "第二十三条"},
	{"approve_catalogue", "", "none", NULL, "city_gov", "第二十二条"},
	{"delist_data_resource", "", "none", NULL, "user_unit|bigdata", "第二十三条"},
	/* a dry run: bjxm.check only, no duty */
	{"expense_check", "", "none", NULL, "none", "第十一条"},
};

/*
 * Exceptions to a row's pass/fail: from these states the action keeps the
 * state, passed or not (a later 第三十四条 review cannot undo a procurement).
 */
static const struct
{
	const char *action;
	const char *from;
}			keeps[] = {
	{"record_city_review", "procured contracted implementing"},
};

static int	list_has(const char *list, const char *word);

/* Whether action keeps the state from state, passed or not (keeps[]). */
static int
keeps_state(const char *action, const char *state)
{
	for (size_t i = 0; i < sizeof(keeps) / sizeof(keeps[0]); i++)
		if (strcmp(keeps[i].action, action) == 0 && list_has(keeps[i].from, state))
			return 1;
	return 0;
}

/* The first stateless action, and the dry run, by their place above. */
#define FIRST_STATELESS 40
#define DRY_RUN 58
#define N_EXPECT (int) (sizeof(expect) / sizeof(expect[0]))

/* The loops below index states[] and expect[] by enum value. */
typedef char states_match_enum[N_STATES == BJ_S_COUNT ? 1 : -1];
typedef char expect_matches_enum[N_EXPECT == BJ_A_COUNT ? 1 : -1];

/* Duty names and bits (docs/reference.md §0: duty roles). */
static const struct
{
	const char *name;
	unsigned	bit;
}			duties[] = {
	{"user_unit", 1}, {"bigdata", 2}, {"finance", 4}, {"reviewer", 8}, {"city_gov", 16},
};
#define N_DUTIES (int) (sizeof(duties) / sizeof(duties[0]))

/* Times the space-separated list holds word. */
static int
list_count(const char *list, const char *word)
{
	size_t		wl = strlen(word);
	const char *p = list;
	int			count = 0;

	while (*p)
	{
		size_t		n = strcspn(p, " ");

		if (n == wl && memcmp(p, word, wl) == 0)
			count++;
		p += n;
		p += strspn(p, " ");
	}
	return count;
}

/* 1 if the space-separated list holds word. */
static int
list_has(const char *list, const char *word)
{
	return list_count(list, word) > 0;
}

/* Index of the state called name in states[], or -1. */
static int
state_index(const char *name)
{
	int			i;

	for (i = 0; i < N_STATES; i++)
		if (strcmp(states[i].name, name) == 0)
			return i;
	return -1;
}

/* Expected state for pass/fail word w from state s. */
static int
expected_state(const char *w, int s)
{
	if (strcmp(w, "same") == 0)
		return s;
	if (strcmp(w, "previous") == 0)
		return (int) BJ_S_PREVIOUS;
	return state_index(w);
}

/* Bits of a "|"-separated list of duty names ("none" = 0); aborts the
 * test on a typo. */
static unsigned
duty_bits(const char *list)
{
	unsigned	bits = 0;
	const char *p = list;

	if (strcmp(list, "none") == 0)
		return 0;
	while (*p)
	{
		size_t		n = strcspn(p, "|");
		int			i;
		int			found = 0;

		for (i = 0; i < N_DUTIES; i++)
			if (strlen(duties[i].name) == n && memcmp(duties[i].name, p, n) == 0)
			{
				bits |= duties[i].bit;
				found = 1;
			}
		ck_assert_msg(found, "unknown duty in '%s'", list);
		p += n;
		if (*p == '|')
			p++;
	}
	return bits;
}

/* The clause of expect row e, parsed from its Chinese citation. */
static bj_clause
expected_clause(int e)
{
	bj_clause	c = {0, 0};

	ck_assert_int_eq(bj_clause_parse(expect[e].clause, strlen(expect[e].clause),
									 &c, NULL), BJ_CLAUSE_OK);
	return c;
}

/* An exact-size heap copy of len bytes of s (no terminator), for ASan. */
static char *
heap_copy(const char *s, size_t len)
{
	char	   *copy = malloc(len ? len : 1);

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, s, len);
	return copy;
}

/* bj_state_from_name_n on an exact-size heap copy of len bytes of s. */
static bj_state
state_from_copy(const char *s, size_t len)
{
	char	   *copy = heap_copy(s, len);
	bj_state	r = bj_state_from_name_n(copy, len);

	free(copy);
	return r;
}

/* bj_action_from_name_n on an exact-size heap copy. */
static bj_action
action_from_copy(const char *s, size_t len)
{
	char	   *copy = heap_copy(s, len);
	bj_action	r = bj_action_from_name_n(copy, len);

	free(copy);
	return r;
}

/* --- names ---------------------------------------------------------- */

/* The enum has the SQL enum's values, in order. */
START_TEST(state_count)
{
	ck_assert_int_eq(BJ_S_COUNT, N_STATES);
	ck_assert_int_eq(BJ_S_PREVIOUS, BJ_S_COUNT + 1);
	ck_assert_int_eq(BJ_A_COUNT, N_EXPECT);
	ck_assert_int_eq(BJ_S_EVALUATED + 1, N_MAIN);
	ck_assert_int_eq(BJ_S_RETURNED, N_MAIN);
}
END_TEST

/* Name and label of state _i, and the name back to the state. */
START_TEST(state_round_trip)
{
	bj_state	s = (bj_state) _i;
	const char *name = states[_i].name;
	size_t		len = strlen(name);
	char		buf[64];

	ck_assert_pstr_eq(bj_state_name(s), name);
	ck_assert_pstr_eq(bj_state_label(s), states[_i].label);
	ck_assert_int_eq(bj_state_from_name(name), s);
	ck_assert_int_eq(state_from_copy(name, len), s);
	/* prefixes, extensions and case variants are not names */
	ck_assert_int_eq(state_from_copy(name, len - 1), BJ_S_COUNT);
	snprintf(buf, sizeof buf, "%s_", name);
	ck_assert_int_eq(bj_state_from_name(buf), BJ_S_COUNT);
	ck_assert_int_eq(state_from_copy(buf, len + 1), BJ_S_COUNT);
	snprintf(buf, sizeof buf, " %s", name);
	ck_assert_int_eq(bj_state_from_name(buf), BJ_S_COUNT);
	snprintf(buf, sizeof buf, "%s", name);
	buf[0] = (char) (buf[0] - 'a' + 'A');
	ck_assert_int_eq(bj_state_from_name(buf), BJ_S_COUNT);
	/* a label is not a name */
	ck_assert_int_eq(bj_state_from_name(states[_i].label), BJ_S_COUNT);
}
END_TEST

/* Name of action _i, and back. */
START_TEST(action_round_trip)
{
	bj_action	a = (bj_action) _i;
	const char *name = expect[_i].action;
	size_t		len = strlen(name);
	char		buf[64];

	ck_assert_pstr_eq(bj_action_name(a), name);
	ck_assert_int_eq(bj_action_from_name(name), a);
	ck_assert_int_eq(action_from_copy(name, len), a);
	ck_assert_int_eq(action_from_copy(name, len - 1), BJ_A_COUNT);
	snprintf(buf, sizeof buf, "%ss", name);
	ck_assert_int_eq(bj_action_from_name(buf), BJ_A_COUNT);
	ck_assert_int_eq(action_from_copy(buf, len + 1), BJ_A_COUNT);
	snprintf(buf, sizeof buf, "bjxm.%s", name);
	ck_assert_int_eq(bj_action_from_name(buf), BJ_A_COUNT);
	/* action and state names do not collide */
	ck_assert_int_eq(bj_state_from_name(name), BJ_S_COUNT);
}
END_TEST

/* Names that are none, values that are none. */
START_TEST(unknown_names)
{
	static const char *const junk[] = {
		"", " ", "DRAFT", "Draft", "draft ", "draft\n", "草稿", "previous", "count",
		"BJ_S_DRAFT", "create", "createproject", "create-project", "check",
		"inspect", "history", "verify_events", "service_plan", "none",
	};
	int			i;

	for (i = 0; i < (int) (sizeof junk / sizeof junk[0]); i++)
	{
		ck_assert_int_eq(bj_state_from_name(junk[i]), BJ_S_COUNT);
		ck_assert_int_eq(bj_action_from_name(junk[i]), BJ_A_COUNT);
		ck_assert_int_eq(state_from_copy(junk[i], strlen(junk[i])), BJ_S_COUNT);
		ck_assert_int_eq(action_from_copy(junk[i], strlen(junk[i])), BJ_A_COUNT);
	}
	ck_assert_int_eq(bj_state_from_name(NULL), BJ_S_COUNT);
	ck_assert_int_eq(bj_action_from_name(NULL), BJ_A_COUNT);
	ck_assert_int_eq(bj_state_from_name_n(NULL, 5), BJ_S_COUNT);
	ck_assert_int_eq(bj_action_from_name_n(NULL, 7), BJ_A_COUNT);
	/* an embedded NUL within len is part of the name */
	ck_assert_int_eq(state_from_copy("draft\0x", 7), BJ_S_COUNT);
	ck_assert_int_eq(action_from_copy("declare\0", 8), BJ_A_COUNT);
	ck_assert_int_eq(state_from_copy("draftx", 5), BJ_S_DRAFT);

	ck_assert_ptr_null(bj_state_name(BJ_S_COUNT));
	ck_assert_ptr_null(bj_state_name(BJ_S_PREVIOUS));
	ck_assert_ptr_null(bj_state_name((bj_state) -1));
	ck_assert_ptr_null(bj_state_label(BJ_S_COUNT));
	ck_assert_ptr_null(bj_state_label(BJ_S_PREVIOUS));
	ck_assert_ptr_null(bj_state_label((bj_state) -1));
	ck_assert_ptr_null(bj_action_name(BJ_A_COUNT));
	ck_assert_ptr_null(bj_action_name((bj_action) -1));
	ck_assert_ptr_null(bj_action_name((bj_action) 1000));
}
END_TEST

/* Duty names: exactly one bit each. */
START_TEST(duty_names)
{
	unsigned	all = 0;
	int			i;

	for (i = 0; i < N_DUTIES; i++)
	{
		ck_assert_pstr_eq(bj_duty_name(duties[i].bit), duties[i].name);
		all |= duties[i].bit;
	}
	ck_assert_uint_eq(all, BJ_DUTY_ALL);
	ck_assert_uint_eq(BJ_DUTY_USER_UNIT, 1);
	ck_assert_uint_eq(BJ_DUTY_BIGDATA, 2);
	ck_assert_uint_eq(BJ_DUTY_FINANCE, 4);
	ck_assert_uint_eq(BJ_DUTY_REVIEWER, 8);
	ck_assert_uint_eq(BJ_DUTY_CITY_GOV, 16);
	ck_assert_ptr_null(bj_duty_name(0));
	ck_assert_ptr_null(bj_duty_name(3));
	ck_assert_ptr_null(bj_duty_name(32));
	ck_assert_ptr_null(bj_duty_name(BJ_DUTY_ALL));
	ck_assert_ptr_null(bj_duty_name(~0u));
	ck_assert_ptr_null(bj_duty_name(1u << 31));
}
END_TEST

/* --- the table ------------------------------------------------------ */

/* The expected table itself is well formed (catches typos in it). */
START_TEST(expect_well_formed)
{
	int			e = _i;
	const char *p = expect[e].from;
	bj_clause	c = expected_clause(e);

	while (*p)
	{
		size_t		n = strcspn(p, " ");
		char		word[64];

		ck_assert_uint_lt(n, sizeof word);
		memcpy(word, p, n);
		word[n] = '\0';
		ck_assert_msg(state_index(word) >= 0, "%s: unknown state '%s'",
					  expect[e].action, word);
		ck_assert_msg(list_count(expect[e].from, word) == 1,
					  "%s: '%s' listed twice", expect[e].action, word);
		p += n;
		p += strspn(p, " ");
	}
	ck_assert_msg(strcmp(expect[e].pass, "same") == 0 ||
				  strcmp(expect[e].pass, "previous") == 0 ||
				  state_index(expect[e].pass) >= 0 ||
				  (e >= FIRST_STATELESS && strcmp(expect[e].pass, "none") == 0), "%s: pass '%s'",
				  expect[e].action, expect[e].pass);
	ck_assert_msg(expect[e].fail == NULL || strcmp(expect[e].fail, "same") == 0 ||
				  state_index(expect[e].fail) >= 0, "%s: fail '%s'",
				  expect[e].action, expect[e].fail);
	/* stateless actions (and only they) have no from states */
	ck_assert_int_eq(e >= FIRST_STATELESS || e == BJ_A_CREATE_PROJECT, expect[e].from[0] == '\0');
	/* only the dry run needs no duty */
	ck_assert_int_eq(duty_bits(expect[e].duties) == 0, e == DRY_RUN);
	ck_assert_int_eq(c.item, 0);
	ck_assert(bj_clause_valid(c));
}
END_TEST

/*
 * Pair _i = (state _i % N_STATES, action _i / N_STATES): exactly the
 * expected transition, or refused.
 */
START_TEST(transition_pair)
{
	int			s = _i % N_STATES;
	int			a = _i / N_STATES;
	const bj_transition *t = bj_transition_lookup((bj_state) s, (bj_action) a);
	const char *pair_action = expect[a].action;
	const char *pair_state = states[s].name;

	if (!list_has(expect[a].from, pair_state))
	{
		ck_assert_msg(t == NULL, "%s from %s: allowed, expected refused",
					  pair_action, pair_state);
		return;
	}
	ck_assert_msg(t != NULL, "%s from %s: refused, expected allowed",
				  pair_action, pair_state);
	{
		int			keep = keeps_state(pair_action, pair_state);
		int			pass = keep ? s : expected_state(expect[a].pass, s);
		int			fail = keep ? s : expect[a].fail ? expected_state(expect[a].fail, s) : pass;
		bj_clause	c = expected_clause(a);

		ck_assert_msg((int) t->on_pass == pass, "%s from %s: on_pass %d, expected %d",
					  pair_action, pair_state, t->on_pass, pass);
		ck_assert_msg((int) t->on_fail == fail, "%s from %s: on_fail %d, expected %d",
					  pair_action, pair_state, t->on_fail, fail);
		ck_assert_msg(t->duties == duty_bits(expect[a].duties),
					  "%s from %s: duties %u, expected %s", pair_action,
					  pair_state, t->duties, expect[a].duties);
		ck_assert_msg(t->article == c.article && t->item == c.item,
					  "%s from %s: clause (%d,%d), expected %s", pair_action,
					  pair_state, t->article, t->item, expect[a].clause);
		/* the same cell is returned every time */
		ck_assert_ptr_eq(bj_transition_lookup((bj_state) s, (bj_action) a), t);
	}
}
END_TEST

/* Out-of-range arguments are refused, never read past the table. */
START_TEST(lookup_out_of_range)
{
	int			s;
	int			a;

	for (a = 0; a < BJ_A_COUNT; a++)
	{
		ck_assert_ptr_null(bj_transition_lookup(BJ_S_COUNT, (bj_action) a));
		ck_assert_ptr_null(bj_transition_lookup(BJ_S_PREVIOUS, (bj_action) a));
		ck_assert_ptr_null(bj_transition_lookup((bj_state) -1, (bj_action) a));
	}
	for (s = 0; s < BJ_S_COUNT; s++)
	{
		ck_assert_ptr_null(bj_transition_lookup((bj_state) s, BJ_A_COUNT));
		ck_assert_ptr_null(bj_transition_lookup((bj_state) s, (bj_action) -1));
		ck_assert_ptr_null(bj_transition_lookup((bj_state) s, (bj_action) 1000));
	}
	ck_assert_int_eq(bj_transitions_allowed(BJ_S_COUNT, NULL, 0), 0);
	ck_assert_int_eq(bj_transitions_allowed(BJ_S_PREVIOUS, NULL, 0), 0);
	ck_assert_int_eq(bj_transitions_allowed((bj_state) -1, NULL, 0), 0);
	ck_assert_int_eq(bj_state_is_terminal(BJ_S_COUNT), 0);
	ck_assert_int_eq(bj_state_is_terminal(BJ_S_PREVIOUS), 0);
	ck_assert_int_eq(bj_state_is_terminal((bj_state) -1), 0);
}
END_TEST

/* create_project: no from state; a new project is a draft of a user unit. */
START_TEST(create_project)
{
	const bj_transition *t = bj_transition_create();
	bj_clause	c = expected_clause(BJ_A_CREATE_PROJECT);
	int			s;

	ck_assert_int_eq(bj_state_initial(), BJ_S_DRAFT);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->on_pass, BJ_S_DRAFT);
	ck_assert_int_eq(t->on_fail, BJ_S_DRAFT);
	ck_assert_uint_eq(t->duties, BJ_DUTY_USER_UNIT);
	ck_assert_int_eq(t->article, c.article);
	ck_assert_int_eq(t->item, c.item);
	for (s = 0; s < BJ_S_COUNT; s++)
		ck_assert_ptr_null(bj_transition_lookup((bj_state) s, BJ_A_CREATE_PROJECT));
}
END_TEST

/* bj_transitions_allowed(state _i) lists exactly what lookup allows. */
START_TEST(allowed_agrees)
{
	bj_state	s = (bj_state) _i;
	const bj_action fill = (bj_action) (BJ_A_COUNT + 7);
	bj_action	out[BJ_A_COUNT + 2];
	bj_action	few[3];
	int			n;
	int			k = 0;
	int			a;

	for (a = 0; a < BJ_A_COUNT + 2; a++)
		out[a] = fill;
	n = bj_transitions_allowed(s, out, BJ_A_COUNT);
	ck_assert_int_ge(n, 0);
	ck_assert_int_le(n, BJ_A_COUNT);
	for (a = 0; a < BJ_A_COUNT; a++)
	{
		if (bj_transition_lookup(s, (bj_action) a) == NULL)
			continue;
		ck_assert_int_lt(k, n);
		ck_assert_int_eq(out[k], a);	/* in bj_action order */
		k++;
	}
	ck_assert_int_eq(k, n);
	ck_assert_int_eq(out[n], fill);	/* nothing written past the count */

	/* the count alone, and a short buffer */
	ck_assert_int_eq(bj_transitions_allowed(s, NULL, 0), n);
	few[0] = few[1] = few[2] = fill;
	ck_assert_int_eq(bj_transitions_allowed(s, few, 2), n);
	for (a = 0; a < 2 && a < n; a++)
		ck_assert_int_eq(few[a], out[a]);
	for (; a < 3; a++)
		ck_assert_int_eq(few[a], fill);
	ck_assert_int_eq(bj_transitions_allowed(s, few, -1), n);
}
END_TEST

/* Every step of the main line is one pass transition, in order. */
START_TEST(main_line_steps)
{
	int			s;

	for (s = 0; s + 1 < N_MAIN; s++)
	{
		int			a;
		int			found = 0;

		for (a = 0; a < BJ_A_COUNT; a++)
		{
			const bj_transition *t = bj_transition_lookup((bj_state) s, (bj_action) a);

			if (t && (int) t->on_pass == s + 1)
				found++;
		}
		ck_assert_msg(found == 1, "%s -> %s: %d actions", states[s].name,
					  states[s + 1].name, found);
	}
}
END_TEST

/* evaluated is reachable from draft by pass transitions only; so is
 * every state but the side states reached by failing or by a decision. */
START_TEST(main_line_reachable)
{
	int			seen[BJ_S_COUNT] = {0};
	int			queue[BJ_S_COUNT];
	int			head = 0;
	int			tail = 0;
	int			s;

	seen[bj_state_initial()] = 1;
	queue[tail++] = bj_state_initial();
	while (head < tail)
	{
		int			from = queue[head++];
		int			a;

		for (a = 0; a < BJ_A_COUNT; a++)
		{
			const bj_transition *t = bj_transition_lookup((bj_state) from, (bj_action) a);

			if (t == NULL || t->on_pass == BJ_S_PREVIOUS || seen[t->on_pass])
				continue;
			ck_assert_int_lt(t->on_pass, BJ_S_COUNT);
			seen[t->on_pass] = 1;
			queue[tail++] = t->on_pass;
		}
	}
	for (s = 0; s < N_MAIN; s++)
		ck_assert_msg(seen[s], "%s not reachable", states[s].name);
	ck_assert(seen[BJ_S_WITHDRAWN]);
	ck_assert(seen[BJ_S_POSTPONED]);
	ck_assert(seen[BJ_S_TERMINATED]);
	/* returned only by failing a review */
	ck_assert(!seen[BJ_S_RETURNED]);
}
END_TEST

/* Every state can be reached by some outcome, and returned only from
 * the two reviews of the demand plan. */
START_TEST(side_states)
{
	int			seen[BJ_S_COUNT + 2] = {0};
	int			s;
	int			a;

	seen[BJ_S_DRAFT] = 1;
	for (s = 0; s < BJ_S_COUNT; s++)
		for (a = 0; a < BJ_A_COUNT; a++)
		{
			const bj_transition *t = bj_transition_lookup((bj_state) s, (bj_action) a);

			if (t == NULL)
				continue;
			seen[t->on_pass] = seen[t->on_fail] = 1;
			if (s != BJ_S_RETURNED &&
				(t->on_fail == BJ_S_RETURNED || t->on_pass == BJ_S_RETURNED))
				ck_assert(t->on_pass != BJ_S_RETURNED &&
						  (a == BJ_A_PRELIMINARY_REVIEW || a == BJ_A_RECORD_REVIEW));
			/* BJ_S_PREVIOUS is resume's, from postponed */
			if (t->on_pass == BJ_S_PREVIOUS || t->on_fail == BJ_S_PREVIOUS)
				ck_assert(a == BJ_A_RESUME && s == BJ_S_POSTPONED &&
						  t->on_pass == t->on_fail);
			/* nothing leads back to draft */
			ck_assert(t->on_pass != BJ_S_DRAFT || s == BJ_S_DRAFT);
		}
	for (s = 0; s < BJ_S_COUNT; s++)
		ck_assert_msg(seen[s], "%s never entered", states[s].name);
	ck_assert(seen[BJ_S_PREVIOUS]);
}
END_TEST

/* Terminal states: exactly evaluated, withdrawn, terminated; nothing
 * changes their state; withdrawn and terminated allow nothing at all. */
START_TEST(terminal_states)
{
	int			s;
	int			a;

	for (s = 0; s < BJ_S_COUNT; s++)
	{
		int			term = (s == BJ_S_EVALUATED || s == BJ_S_WITHDRAWN ||
							s == BJ_S_TERMINATED);
		int			moves = 0;

		ck_assert_int_eq(bj_state_is_terminal((bj_state) s), term);
		for (a = 0; a < BJ_A_COUNT; a++)
		{
			const bj_transition *t = bj_transition_lookup((bj_state) s, (bj_action) a);

			if (t && ((int) t->on_pass != s || (int) t->on_fail != s))
				moves++;
		}
		if (term)
			ck_assert_msg(moves == 0, "terminal %s: %d moving actions",
						  states[s].name, moves);
		else
			ck_assert_msg(moves > 0, "%s is a dead end", states[s].name);
	}
	ck_assert_int_eq(bj_transitions_allowed(BJ_S_WITHDRAWN, NULL, 0), 0);
	ck_assert_int_eq(bj_transitions_allowed(BJ_S_TERMINATED, NULL, 0), 0);
	ck_assert_int_gt(bj_transitions_allowed(BJ_S_EVALUATED, NULL, 0), 0);
}
END_TEST

/* Every transition cites a clause of the regulation, and every duty set
 * is a non-empty set of the five acting duties. */
START_TEST(articles_and_duties)
{
	int			s;
	int			a;
	int			n = 0;

	for (s = 0; s < BJ_S_COUNT; s++)
		for (a = 0; a < BJ_A_COUNT; a++)
		{
			const bj_transition *t = bj_transition_lookup((bj_state) s, (bj_action) a);
			bj_clause	c;

			if (t == NULL)
				continue;
			n++;
			c.article = t->article;
			c.item = t->item;
			ck_assert_int_ge(t->article, 1);
			ck_assert_int_le(t->article, BJ_ARTICLES);
			ck_assert_int_le(t->article, 36);
			ck_assert_msg(bj_clause_valid(c), "%s from %s: (%d,%d)",
						  expect[a].action, states[s].name, t->article, t->item);
			ck_assert_uint_ne(t->duties, 0);
			ck_assert_uint_eq(t->duties & ~BJ_DUTY_ALL, 0);
		}
	ck_assert_int_gt(n, 0);
	{
		const bj_transition *t = bj_transition_create();
		bj_clause	c = {t->article, t->item};

		ck_assert(bj_clause_valid(c));
	}
}
END_TEST

/* Every action on a state is allowed from some state. */
START_TEST(every_action_used)
{
	int			a;
	int			s;

	for (a = 1; a < FIRST_STATELESS; a++)
	{
		int			n = 0;

		for (s = 0; s < BJ_S_COUNT; s++)
			n += bj_transition_lookup((bj_state) s, (bj_action) a) != NULL;
		ck_assert_msg(n > 0, "%s is never allowed", expect[a].action);
	}
}
END_TEST

/* Kind of action _i: by its place in the expected table. */
START_TEST(action_kind)
{
	bj_action	a = (bj_action) _i;
	bj_action_kind want = _i == BJ_A_CREATE_PROJECT ? BJ_KIND_CREATE
		: _i == DRY_RUN ? BJ_KIND_DRY_RUN
		: _i >= FIRST_STATELESS ? BJ_KIND_STATELESS : BJ_KIND_ON_STATE;

	ck_assert_int_eq(bj_action_kind_of(a), want);
	ck_assert_int_eq(bj_action_kind_of(BJ_A_COUNT), BJ_KIND_DRY_RUN);
	ck_assert_int_eq(bj_action_kind_of((bj_action) -1), BJ_KIND_DRY_RUN);
}
END_TEST

/*
 * The rule of action _i (duties and clause whatever the state) is the
 * expected one; for an action on a state, every state that allows it
 * gives the same duties and clause, and the rule is one of those cells.
 */
START_TEST(action_rule)
{
	bj_action	a = (bj_action) _i;
	const bj_transition *r = bj_action_rule(a);
	bj_clause	c = expected_clause(_i);
	int			found = 0;
	int			s;

	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->duties, duty_bits(expect[_i].duties));
	ck_assert_int_eq(r->article, c.article);
	ck_assert_int_eq(r->item, c.item);
	if (bj_action_kind_of(a) == BJ_KIND_STATELESS || bj_action_kind_of(a) == BJ_KIND_DRY_RUN)
	{
		ck_assert_int_eq(r->on_pass, BJ_S_NONE);
		ck_assert_int_eq(r->on_fail, BJ_S_NONE);
	}
	for (s = 0; s < BJ_S_COUNT; s++)
	{
		const bj_transition *t = bj_transition_lookup((bj_state) s, a);

		if (t == NULL)
			continue;
		ck_assert_uint_eq(t->duties, r->duties);
		ck_assert_int_eq(t->article, r->article);
		ck_assert_int_eq(t->item, r->item);
		found += t == r;		/* the rule is a cell of the table */
	}
	if (bj_action_kind_of(a) == BJ_KIND_ON_STATE)
		ck_assert_msg(found == 1, "%s: rule is not a cell of the table", expect[_i].action);
	else
		ck_assert_int_eq(found, 0);
	ck_assert_ptr_null(bj_action_rule(BJ_A_COUNT));
	ck_assert_ptr_null(bj_action_rule((bj_action) -1));
}
END_TEST

Suite *
transitions_suite(void)
{
	Suite	   *s = suite_create("transitions (第二条-第三十五条)");
	TCase	   *tc;

	tc = tcase_create("names");
	tcase_add_test(tc, state_count);
	tcase_add_loop_test(tc, state_round_trip, 0, N_STATES);
	tcase_add_loop_test(tc, action_round_trip, 0, N_EXPECT);
	tcase_add_test(tc, unknown_names);
	tcase_add_test(tc, duty_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("table");
	tcase_add_loop_test(tc, expect_well_formed, 0, N_EXPECT);
	tcase_add_loop_test(tc, transition_pair, 0, N_STATES * N_EXPECT);
	tcase_add_test(tc, lookup_out_of_range);
	tcase_add_test(tc, create_project);
	tcase_add_loop_test(tc, allowed_agrees, 0, N_STATES);
	tcase_add_loop_test(tc, action_kind, 0, N_EXPECT);
	tcase_add_loop_test(tc, action_rule, 0, N_EXPECT);
	suite_add_tcase(s, tc);

	tc = tcase_create("shape");
	tcase_add_test(tc, main_line_steps);
	tcase_add_test(tc, main_line_reachable);
	tcase_add_test(tc, side_states);
	tcase_add_test(tc, terminal_states);
	tcase_add_test(tc, articles_and_duties);
	tcase_add_test(tc, every_action_used);
	suite_add_tcase(s, tc);

	return s;
}
