/*
 * spi.h — SPI plans prepared once per backend and kept (periods.c style).
 */
#ifndef BJXM_SPI_H
#define BJXM_SPI_H

#include "postgres.h"

#include "executor/spi.h"

/* The kept plan in *slot, preparing it (sql, argtypes) on first use. */
extern SPIPlanPtr bjxm_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *argtypes);

/*
 * Run the kept plan in *slot (prepared on first use); returns
 * SPI_processed.  Never in SPI's read-only mode: every statement of an
 * action must see the ones before it.  nulls as for SPI_execute_plan.
 */
extern uint64 bjxm_exec(SPIPlanPtr *slot, const char *sql, int nargs, Oid *types,
						Datum *values, const char *nulls);

/* Connect to SPI, or elog. */
extern void bjxm_spi_connect(void);

/* Whether bjxm.<rel> has column col (a schema older than the library lacks it). */
extern bool bjxm_has_column(const char *rel, const char *col);

#endif							/* BJXM_SPI_H */
