/*
 * spi.c — SPI plans prepared once per backend and kept.
 */
#include "postgres.h"

#include "executor/spi.h"

#include "bjxm.h"

/* The kept plan in *slot, preparing it on first use. */
SPIPlanPtr
bjxm_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan;

	if (*slot != NULL)
		return *slot;
	plan = SPI_prepare(sql, nargs, argtypes);
	if (plan == NULL)
		elog(ERROR, "bjxm: SPI_prepare failed for \"%s\": %s", sql, SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "bjxm: SPI_keepplan failed");
	*slot = plan;
	return plan;
}
