/*
 * action.h — what a chapter file uses to implement an action: the
 * context of one call, its parsed arguments, findings (violations), the
 * object acted on, and the one way a success is recorded (bjxm_done,
 * bjxm_move).
 *
 * An action is a row of the registry (src/registry.c): its arguments,
 * the object it loads, how it narrows its duties, its rules and how it
 * applies.  The engine (src/engine.c) runs every action and every dry
 * run (bjxm.check) through the same steps:
 *
 *   load the object (a project, unit, order, catalogue entry …) and
 *   refuse one the actor may not see → duty (第三条) → state (the core
 *   transition table) → parse the arguments → rules → raise the first
 *   error in article order, or (check) list every finding → apply and
 *   record the event.
 *
 * Chapter files include this header and nothing of the engine.
 */
#ifndef BJXM_ACTION_H
#define BJXM_ACTION_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "executor/spi.h"
#include "nodes/execnodes.h"
#include "nodes/pg_list.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "articles.h"
#include "errors.h"
#include "transitions.h"

typedef struct BjxmCtx BjxmCtx;

/* ------------------------------------------------------------------ */
/* Arguments                                                           */
/* ------------------------------------------------------------------ */

/* How an argument is parsed (each is also checked for its JSON type). */
typedef enum BjxmArgType
{
	BJXM_ARG_TEXT,				/* text as given */
	BJXM_ARG_NONBLANK,			/* text with something other than white space */
	BJXM_ARG_BOOL,
	BJXM_ARG_INT,				/* int4 (ranges are the rules') */
	BJXM_ARG_ID,				/* bigint id of a row */
	BJXM_ARG_AMOUNT,			/* yuan: > 0, at most 2 decimals, below 10^12 */
	BJXM_ARG_AMOUNT0,			/* yuan as AMOUNT, and 0 allowed (a budget taken away) */
	BJXM_ARG_SCORE,				/* 0–100, at most 2 decimals */
	BJXM_ARG_DATE,				/* YYYY-MM-DD */
	BJXM_ARG_OBJECT,			/* a JSON object */
	BJXM_ARG_JSON,				/* a JSON object or array */
	BJXM_ARG_ANY,				/* any JSON value, checked by the rules */
	BJXM_ARG_USCC,				/* 统一社会信用代码, canonical */
	BJXM_ARG_CLAUSE,			/* a citation of the regulation: article in .i, item in .id */
	BJXM_ARG_ROLE,				/* a role: its OID (number) or name (text) */
	BJXM_ARG_PARTY,				/* a party's code, of kind .what; looked up once */
	BJXM_ARG_ENUM				/* a value of enum bjxm.<.what>; .label names it */
} BjxmArgType;

/* One argument of an action, by name (the SQL function's parameter). */
typedef struct BjxmArgSpec
{
	const char *name;
	BjxmArgType type;
	bool		required;
	const char *what;			/* ENUM: the type's name; PARTY: the kind */
	const char *label;			/* ENUM: what it is, in Chinese, for messages */
} BjxmArgSpec;

/* A registered third party (BJXM_ARG_PARTY). */
typedef struct BjxmParty
{
	int64		id;
	const char *code;
	const char *kind;
	const char *uscc;			/* canonical text, NULL if not recorded */
} BjxmParty;

/*
 * A parsed argument: given when the key holds a value other than JSON
 * null; present when, in addition, the value is valid (an invalid one was
 * refused when parsed).
 */
typedef struct BjxmArg
{
	bool		given;
	bool		present;
	const char *text;			/* TEXT, NONBLANK, USCC, ENUM, DATE as given */
	bool		b;
	int32		i;
	int64		id;				/* ID; ROLE: its OID */
	Numeric		num;			/* AMOUNT, SCORE */
	DateADT		date;
	Jsonb	   *json;			/* OBJECT, ARRAY, JSON */
	BjxmParty	party;
} BjxmArg;

#define BJXM_MAX_ARGS 16

/* The argument called name, parsed on first use (elog if not in the spec). */
extern const BjxmArg *bjxm_arg(BjxmCtx *ctx, const char *name);

/* Shorthands: NULL, false, 0 when absent. */
extern const char *bjxm_arg_text(BjxmCtx *ctx, const char *name);
extern bool bjxm_arg_bool(BjxmCtx *ctx, const char *name);
extern int32 bjxm_arg_int(BjxmCtx *ctx, const char *name);
extern int64 bjxm_arg_id(BjxmCtx *ctx, const char *name);
extern Numeric bjxm_arg_num(BjxmCtx *ctx, const char *name);
extern Jsonb *bjxm_arg_json(BjxmCtx *ctx, const char *name);
extern bool bjxm_arg_present(BjxmCtx *ctx, const char *name);

/* A required argument that a rule found missing (23502, like a spec's). */
extern void bjxm_arg_missing(BjxmCtx *ctx, const char *name);

/* ------------------------------------------------------------------ */
/* The registry row                                                    */
/* ------------------------------------------------------------------ */

typedef void (*bjxm_step_fn) (BjxmCtx *ctx);
typedef void (*bjxm_duty_fn) (BjxmCtx *ctx, unsigned *mask, const char **region);

/*
 * Load the object acted on into ctx; a loader refuses an object the
 * actor may not see exactly as a missing one (42501).
 */
typedef void (*bjxm_load_fn) (BjxmCtx *ctx);

#define BJXM_MAX_ARTICLES 6

typedef struct BjxmActionDef
{
	const BjxmArgSpec *args;
	int			nargs;
	bjxm_load_fn load;			/* NULL: the project (actions on a state), or nothing */
	bjxm_duty_fn duty;			/* narrows the table's duties or their region; may be NULL */
	bjxm_step_fn rules;			/* adds findings; may be NULL */
	bjxm_step_fn apply;			/* the change; NULL: move as the table says */
	const char *note;			/* the text argument that is the event's note, if any */

	/*
	 * The ID argument by which the public function names the object, its
	 * project looked up from it (decide_adjustment's adjustment): a project
	 * the actor may not load is refused as that object, missing, so the
	 * project of another unit's object is not named (issue 15).
	 */
	const char *named_by;
	const char *named_zh;		/* what named_by names, in Chinese */
	const char *named_en;		/* and in English */
	int			articles[BJXM_MAX_ARTICLES];	/* every article it enforces, 0-terminated */
} BjxmActionDef;

/* ------------------------------------------------------------------ */
/* The context of one call                                             */
/* ------------------------------------------------------------------ */

struct BjxmCtx
{
	bool		check_only;		/* bjxm.check: collect, change nothing */
	bj_action	act;
	const char *action;
	const BjxmActionDef *def;
	Jsonb	   *args;			/* the arguments by name */
	BjxmArg		argv[BJXM_MAX_ARGS];
	bool		parsed[BJXM_MAX_ARGS];

	/* the project, when the action has one (its row locked unless check_only) */
	bool		has_project;
	int64		project_id;
	HeapTuple	row;			/* NULL unless the project row was loaded */
	TupleDesc	desc;
	bj_state	state;

	/* the unit concerned, once known */
	bool		unit_known;
	int64		unit_id;
	const char *unit_code;
	const char *unit_region;
	const char *unit_kind;

	/* another object acted on (an order, a catalogue entry), if any */
	int64		object_id;
	HeapTuple	object_row;
	TupleDesc	object_desc;

	const bj_transition *tr;	/* the transition (or the rule of a stateless action) */
	const char *duty;			/* the duty the actor acts under ("superuser" too); NULL if refused */
	bool		passed;			/* the outcome argument "passed", true if absent */
	List	   *violations;		/* BjxmViolation */

	/* what the action returns and records */
	int64		result;
	const char *note;			/* the event's note */
	Jsonb	   *details;		/* the event's details (default: the arguments) */
	int			clause_article; /* the event's clause, if not the transition's (-1: none) */
	int			clause_item;
};

/* A finding: a refusal (error) or a warning, with its clause. */
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

/* Record a finding (error unless warning) with its clause. */
extern void bjxm_violation(BjxmCtx *ctx, bool warning, int sqlerrcode, int article, int item,
						   const char *detail, const char *hint, const char *fmt,...) pg_attribute_printf(8, 9);

/*
 * A refusal that stops an action at once (raised after its LOG line) and
 * is listed by check: bad arguments, a missing object.  article 0 = the
 * action's own.
 */
extern void bjxm_reject(BjxmCtx *ctx, int sqlerrcode, int article, const char *detail,
						const char *hint, const char *fmt,...) pg_attribute_printf(6, 7);

/* Bad arguments: bjxm_reject at the action's own article. */
extern void bjxm_arg_error(BjxmCtx *ctx, int sqlerrcode, const char *fmt,...) pg_attribute_printf(3, 4);

/* Raise the first error of ctx's findings in article order (logged), else NOTICE the warnings. */
extern void bjxm_raise_findings(BjxmCtx *ctx);

/* The findings sorted by clause, copied into cxt (out of SPI memory). */
extern List *bjxm_violations_copy(List *violations, MemoryContext cxt);

/* Emit findings as bjxm.violation rows of a materialized SRF. */
extern void bjxm_violations_emit(ReturnSetInfo *rsinfo, List *found);

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

/* A column of the project row (elog if there is none). */
extern Datum bjxm_col(BjxmCtx *ctx, const char *name, bool *isnull);
extern const char *bjxm_col_text(BjxmCtx *ctx, const char *name);
/* A numeric column of the project row, NULL if null or absent. */
extern Numeric bjxm_col_num(BjxmCtx *ctx, const char *name);
/* A column an earlier release's schema may lack: null when absent. */
extern Datum bjxm_col_opt(BjxmCtx *ctx, const char *name, bool *isnull);
/* Whether bjxm.<rel> has col; if not, the action is refused (0A000: update the extension). */
extern bool bjxm_require_column(BjxmCtx *ctx, const char *rel, const char *col);

/* A column of the other object's row. */
extern Datum bjxm_object_col(BjxmCtx *ctx, const char *name, bool *isnull);
extern const char *bjxm_object_text(BjxmCtx *ctx, const char *name);

/*
 * Load the project project_id with its unit (locked unless check_only);
 * false if it is absent or the actor may not see it.
 */
extern bool bjxm_load_project(BjxmCtx *ctx, int64 project_id);

/* 42501 for a project that is absent or not visible (existence is not leaked). */
extern void bjxm_refuse_project(BjxmCtx *ctx) pg_attribute_noreturn();

/* Load the unit with this USCC into ctx; false if none. */
extern bool bjxm_load_unit_by_code(BjxmCtx *ctx, const char *uscc);

/*
 * Load the unit with this USCC into ctx if the actor may see it; false if
 * none or not visible (refuse both alike: no existence oracle).
 */
extern bool bjxm_load_visible_unit_by_code(BjxmCtx *ctx, const char *uscc);

/* Whether the actor may see the unit loaded into ctx; forget it (one not visible). */
extern bool bjxm_loaded_unit_visible(BjxmCtx *ctx);
extern void bjxm_forget_unit(BjxmCtx *ctx);

/* Load the unit unit_id into ctx; false if none. */
extern bool bjxm_load_unit_by_id(BjxmCtx *ctx, int64 unit_id);

/*
 * An object that is missing or that the actor may not see: the duty
 * check without a unit (an actor without the duty is told so), then 42501
 * with the message fmt citing article.  Never returns.
 */
extern void bjxm_refuse_missing(BjxmCtx *ctx, int article, const char *fmt,...)
			pg_attribute_printf(3, 4) pg_attribute_noreturn();

/* Check the actor's duty for ctx's action: mask of BJ_DUTY_*, scoped to the unit or to region. */
extern void bjxm_check_duty(BjxmCtx *ctx, unsigned mask, const char *region);

/* A duty narrowing: the action is the city's own (its duty at city level). */
extern void bjxm_city_level_duty(BjxmCtx *ctx, unsigned *mask, const char **region);

/* ------------------------------------------------------------------ */
/* Recording a success                                                 */
/* ------------------------------------------------------------------ */

/* The state after an action on a state, given its outcome. */
extern bj_state bjxm_next_state(BjxmCtx *ctx);

/*
 * Record the action's event.  With a loaded project: the project row is
 * written (state next, updated_at) and the event carries from and to; a
 * handler that already wrote the row calls bjxm_move_written.  Without
 * one: the event has no state.  note NULL = ctx->note.  Returns the event id.
 */
extern int64 bjxm_move(BjxmCtx *ctx, bj_state next, const char *note);
extern int64 bjxm_move_written(BjxmCtx *ctx, bj_state next, const char *note);

/*
 * Write the project row once, the assignments of set (whose parameters
 * are $2.. with types and values in order) with the state next and
 * updated_at, then record the event.  slot keeps the statement's plan:
 * one per call site.
 */
extern int64 bjxm_move_set(BjxmCtx *ctx, SPIPlanPtr *slot, const char *set, int nargs, Oid *types,
						   Datum *values, const char *nulls, bj_state next, const char *note);

/* Write the JSON argument arg by set ($2 is the value) with the state next, then record the event. */
extern int64 bjxm_move_json(BjxmCtx *ctx, SPIPlanPtr *slot, const char *set, const char *arg, bj_state next);

/*
 * The list an inspection finds for ctx's project: sql (its $1 the
 * project) returns one text row, or none when nothing is found (NULL).
 */
extern char *bjxm_project_list(BjxmCtx *ctx, SPIPlanPtr *slot, const char *sql);

/* Record a review row (bjxm.reviews) of ctx's project by the acting role. */
extern void bjxm_insert_review(BjxmCtx *ctx, int64 party_id, const char *kind, const char *report_ref);
extern void bjxm_insert_review_inputs(BjxmCtx *ctx, int64 party_id, const char *kind, const char *report_ref,
									  Jsonb *inputs);
extern char *bjxm_review_void(BjxmCtx *ctx, const char *kind, Jsonb *current, bool amendments_rebind);

/* The event of an action that leaves the state (if any) as it is. */
extern int64 bjxm_done(BjxmCtx *ctx, const char *note);

/*
 * The event of ctx's action on another project than ctx's (or a new
 * one): approve_annual_plan records one per project, create_project the
 * first of its project.
 */
extern int64 bjxm_record_on(BjxmCtx *ctx, int64 project_id, int64 unit_id,
							bj_state from, bj_state to, const char *note);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* The JSON value of key in an object (NULL if absent, null or not an object). */
extern JsonbValue *bjxm_json_get(Jsonb *j, const char *key);
/* Whether key holds a string with something other than white space. */
extern bool bjxm_json_nonempty_text(Jsonb *j, const char *key);
/*
 * The keys of j that lack what need asks (a non-blank string, or true),
 * each named as label(key) after a 、 into out; keys are {key, label}
 * pairs.  Returns how many.
 */
typedef enum BjxmNeed
{
	BJXM_NEED_TEXT,
	BJXM_NEED_TRUE,
} BjxmNeed;
extern int	bjxm_json_missing(Jsonb *j, const char *const (*keys)[2], size_t nkeys, BjxmNeed need, StringInfo out);
/* A jsonb from text (for details). */
extern Jsonb *bjxm_jsonb(const char *text);
/* base || the object of extra's text (for details that add to the arguments, issue 17). */
extern Jsonb *bjxm_jsonb_with(Jsonb *base, const char *extra);
/* A JSON string literal of s (escaped), palloc'd. */
extern char *bjxm_json_quote(const char *s);

/* Whether v is one of the n strings of list. */
extern bool bjxm_one_of(const char *v, const char *const *list, size_t n);
/* Whether s is NULL or only white space. */
extern bool bjxm_blank(const char *s);
extern bool bjxm_wordless(const char *s);

/* A date as YYYY-MM-DD, whatever the session's DateStyle. */
extern char *bjxm_date_text(DateADT d);

/* Numeric comparison and text. */
extern int	bjxm_numeric_cmp(Numeric a, Numeric b);
extern char *bjxm_numeric_text(Numeric n);

/* Whether label is a value of enum type bjxm.<type>. */
extern bool bjxm_enum_has(const char *type, const char *label);

#endif							/* BJXM_ACTION_H */
