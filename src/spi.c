/*
 * spi.c — SPI plans prepared once per backend and kept.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "executor/spi.h"
#include "utils/lsyscache.h"

#include "spi.h"

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

/* Run a kept statement; returns SPI_processed. */
uint64
bjxm_exec(SPIPlanPtr *slot, const char *sql, int nargs, Oid *types,
		  Datum *values, const char *nulls)
{
	int			rc;

	bjxm_plan(slot, sql, nargs, types);
	rc = SPI_execute_plan(*slot, values, nulls, false, 0);
	if (rc < 0)
		elog(ERROR, "bjxm: SPI failed (%s) for: %s", SPI_result_code_string(rc), sql ? sql : "(kept plan)");
	return SPI_processed;
}

/* Connect to SPI. */
void
bjxm_spi_connect(void)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bjxm: SPI_connect failed");
}

/*
 * Whether bjxm.<rel> has column col: false on a schema not yet updated to
 * this library's release (a syscache lookup, no SPI).
 */
bool
bjxm_has_column(const char *rel, const char *col)
{
	Oid			relid = get_relname_relid(rel, get_namespace_oid("bjxm", false));

	return OidIsValid(relid) && get_attnum(relid, col) != InvalidAttrNumber;
}
