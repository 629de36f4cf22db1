/*
 * engine.h — one implementation of every rule, for the action and for
 * bjxm.check (SPEC §6): an action collects its violations, then either
 * returns them (check) or raises the first in article order (the action).
 */
#ifndef BJXM_ENGINE_H
#define BJXM_ENGINE_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "nodes/execnodes.h"

#include "lifecycle.h"

typedef struct BjxmViolation
{
	int			article;
	int			item;
	int			sqlerrcode;
	bool		warning;
	char	   *message;
	char	   *detail;
	char	   *hint;
} BjxmViolation;

typedef struct BjxmCtx
{
	bool		check_only;		/* bjxm.check: collect, change nothing */
	bj_action	act;
	const char *action;
	Jsonb	   *args;			/* the action's arguments by name */

	/* the project, when the action has one (row locked unless check_only) */
	bool		has_project;
	bool		unit_known;		/* unit_id and unit_region are set */
	int64		project_id;
	HeapTuple	row;
	TupleDesc	desc;
	bj_state	state;
	int64		unit_id;
	const char *unit_code;
	const char *unit_region;
	const char *unit_kind;

	const bj_transition *tr;	/* NULL if the state does not allow it */
	const char *duty;			/* the duty the actor acts under */
	bool		passed;			/* outcome argument, for actions with one */
	List	   *violations;
	int64		result;			/* returned by the action (id or count) */
	const char *note;			/* for the event */
	Jsonb	   *details;		/* for the event, instead of args */
} BjxmCtx;

typedef void (*bjxm_duty_fn) (BjxmCtx *ctx, unsigned *mask, const char **region);
typedef void (*bjxm_rules_fn) (BjxmCtx *ctx);
typedef void (*bjxm_apply_fn) (BjxmCtx *ctx);

typedef struct BjxmActionDef
{
	bj_action	act;
	bjxm_duty_fn duty;			/* narrows the duties or their region; may be NULL */
	bjxm_rules_fn rules;		/* adds violations; may be NULL */
	bjxm_apply_fn apply;		/* performs the change; NULL = bjxm_move only */
} BjxmActionDef;

/* Handlers of each chapter's actions (lifecycle.c, funding.c, ...). */
extern const BjxmActionDef *bjxm_lifecycle_action(bj_action act);
extern const BjxmActionDef *bjxm_funding_action(bj_action act);
extern const BjxmActionDef *bjxm_eligibility_action(bj_action act);
extern const BjxmActionDef *bjxm_data_action(bj_action act);
extern const BjxmActionDef *bjxm_security_action(bj_action act);

/* 第三十一条(五)(六) for inspect, and the 第三十三条 vendor warning (security.c). */
extern void bjxm_inspect_data_security(BjxmCtx *ctx);
extern void bjxm_rule_vendor_score(BjxmCtx *ctx, const char *vendor);

/* Raise the first error of ctx's findings in article order (after logging it). */
extern void bjxm_raise_findings(BjxmCtx *ctx);

/* 第十一条 (eligibility.c). */
extern void bjxm_eligibility_init(void);
extern void bjxm_rule_eligibility(BjxmCtx *ctx, int64 project_id, const char *category,
								  const char *name, const char *description);
extern char *bjxm_line_item_digest(const char *category, const char *name, const char *description, Datum amount);

/* Record a finding (error unless warning) with its clause. */
extern void bjxm_violation(BjxmCtx *ctx, bool warning, int sqlerrcode, int article, int item,
						   const char *detail, const char *hint, const char *fmt,...) pg_attribute_printf(8, 9);

/* Bad arguments: raised at once by an action, listed by check. */
extern void bjxm_arg_error(BjxmCtx *ctx, int sqlerrcode, const char *fmt,...) pg_attribute_printf(3, 4);

/* Arguments by name; *present false when absent or JSON null. */
extern const char *bjxm_arg_text(BjxmCtx *ctx, const char *key, bool required);
extern bool bjxm_arg_bool(BjxmCtx *ctx, const char *key, bool required, bool *present);
extern Numeric bjxm_arg_amount(BjxmCtx *ctx, const char *key, bool required);
extern Numeric bjxm_arg_numeric(BjxmCtx *ctx, const char *key, bool required);
extern int32 bjxm_arg_int(BjxmCtx *ctx, const char *key, bool required, bool *present);
extern Jsonb *bjxm_arg_jsonb(BjxmCtx *ctx, const char *key, bool required);

/* Columns of the project row. */
extern Datum bjxm_col(BjxmCtx *ctx, const char *name, bool *isnull);
extern const char *bjxm_col_text(BjxmCtx *ctx, const char *name);

/* JSON helpers over a jsonb object. */
extern JsonbValue *bjxm_json_get(Jsonb *j, const char *key);
extern bool bjxm_json_nonempty_text(Jsonb *j, const char *key);

/* Whether v is one of the n strings of list. */
extern bool bjxm_one_of(const char *v, const char *const *list, size_t n);

/* Numeric helpers. */
extern int	bjxm_numeric_cmp(Numeric a, Numeric b);
extern char *bjxm_numeric_text(Numeric n);
extern Numeric bjxm_setting_numeric(const char *key);

/* Run a cached statement; returns SPI_processed. */
extern uint64 bjxm_exec(SPIPlanPtr *slot, const char *sql, int nargs, Oid *types,
						Datum *values, const char *nulls, bool read_only);

/* The state after the action, given its outcome. */
extern bj_state bjxm_next_state(BjxmCtx *ctx);

/* Duty check with a region override. */
extern void bjxm_check_duty(BjxmCtx *ctx, unsigned mask, const char *region_override);

/* Change the project's state (if next differs) and record the event. */
extern int64 bjxm_move(BjxmCtx *ctx, bj_state next, const char *note);
extern int64 bjxm_move_written(BjxmCtx *ctx, bj_state next, const char *note);

/* The bjxm.project_state Datum of a state. */
extern Datum bjxm_state_datum(bj_state s);

/* Whether label is a value of enum type bjxm.<type>. */
extern bool bjxm_enum_has(const char *type, const char *label);

/* Violations: sorted copy out of SPI memory, and emission as rows. */
extern List *bjxm_violations_copy(List *violations, MemoryContext cxt);
extern void bjxm_violations_emit(ReturnSetInfo *rsinfo, List *found);

/* Load a project the actor may see (42501 otherwise), without locking. */
extern void bjxm_load_visible_project(BjxmCtx *ctx);
extern bool bjxm_try_load_visible_project(BjxmCtx *ctx);

/* Shared rule: 第三十一条 hold on the project's unit (BJ031). */
extern void bjxm_rule_rectification_hold(BjxmCtx *ctx, bool blocking);

#endif							/* BJXM_ENGINE_H */
