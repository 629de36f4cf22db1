/*
 * types.h — in-memory forms of the bjxm.uscc and bjxm.clause base types.
 */
#ifndef BJXM_TYPES_H
#define BJXM_TYPES_H

#include "postgres.h"

#include "fmgr.h"
#include "uscc.h"

/* bjxm.uscc: 18 canonical characters, fixed length, no terminator. */
typedef struct BjxmUscc
{
	char		code[BJ_USCC_LEN];
} BjxmUscc;

/* bjxm.clause text input (22P02 if invalid), for the glue. */
extern Datum bjxm_clause_in(PG_FUNCTION_ARGS);

/* The canonical 18 characters of a USCC typed as text (22P02 if invalid). */
extern char *bjxm_uscc_canonical(const char *in);
extern Datum bjxm_uscc_canonical_datum(PG_FUNCTION_ARGS);

#define DatumGetUsccP(d)	((BjxmUscc *) DatumGetPointer(d))
#define PG_GETARG_USCC_P(n) DatumGetUsccP(PG_GETARG_DATUM(n))

/*
 * bjxm.clause: (article, item) packed into one int4 so that integer order
 * is article order, then item order.  Stored values never change meaning:
 * a revised regulation is a new rulebook, not a new encoding.
 */
#define BjxmClausePack(article, item)	((int32) (((article) << 16) | (item)))
#define BjxmClauseArticle(v)	((int) ((v) >> 16))
#define BjxmClauseItem(v)		((int) ((v) & 0xFFFF))
#define BjxmClauseGetDatum(article, item) Int32GetDatum(BjxmClausePack(article, item))

#endif							/* BJXM_TYPES_H */
