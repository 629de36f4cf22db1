/*
 * settings.c — "today" and rule parameters (docs/reference.md §2, §3;
 * docs/design.md "Dates and money").
 *
 * bjxm.today() is the current date in Asia/Shanghai whatever the session's
 * TimeZone, unless the superuser-only setting bjxm.today (a date) is set;
 * tests and back-filling use it.  The setting is defined here at load time
 * as PGC_SUSET, and read only from the C variable: a placeholder that an
 * ordinary role set before the library loaded is re-checked by
 * PostgreSQL when the variable is defined, and refused.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/numeric.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/timestamp.h"
#include "utils/fmgrprotos.h"
#include "access/xact.h"

#include "settings.h"
#include "spi.h"

char	   *bjxm_today_override = NULL;

/* Parse YYYY-MM-DD strictly into y, m, d; false if it is not a real date. */
static bool
parse_iso_date(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			n = 0;
	bool		leap;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	if (sscanf(s, "%4d-%2d-%2d%n", y, m, d, &n) != 3 || n != 10)
		return false;
	if (*y < 1949 || *y > 9999 || *m < 1 || *m > 12 || *d < 1)
		return false;
	leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
	return *d <= mdays[*m - 1] + ((*m == 2 && leap) ? 1 : 0);
}

/* GUC check hook: empty, or a real YYYY-MM-DD date. */
static bool
check_today(char **newval, void **extra, GucSource source)
{
	int			y, m, d;

	if (*newval == NULL || (*newval)[0] == '\0')
		return true;
	if (!parse_iso_date(*newval, &y, &m, &d))
	{
		GUC_check_errmsg("bjxm.today 须为 YYYY-MM-DD 格式的日期 (bjxm.today must be a YYYY-MM-DD date): \"%s\"", *newval);
		return false;
	}
	return true;
}

/* Define bjxm.* settings (called from _PG_init). */
void
bjxm_define_settings(void)
{
	DefineCustomStringVariable("bjxm.today",
							   "覆盖 bjxm.today() 的日期, 仅超级用户可设 (date that bjxm.today() returns; superuser only)",
							   "YYYY-MM-DD; empty means the current date in Asia/Shanghai.",
							   &bjxm_today_override,
							   "",
							   PGC_SUSET,
							   0,
							   check_today, NULL, NULL);
}

/* Today's date for the rules (see file comment). */
DateADT
bjxm_today(void)
{
	int			y, m, d;
	Datum		local;

	if (bjxm_today_override != NULL && bjxm_today_override[0] != '\0' &&
		parse_iso_date(bjxm_today_override, &y, &m, &d))
		return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;

	/* The statement's transaction start, seen from Beijing time. */
	local = DirectFunctionCall2(timestamptz_zone,
								CStringGetTextDatum("Asia/Shanghai"),
								TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()));
	return DatumGetDateADT(DirectFunctionCall1(timestamp_date, local));
}

PG_FUNCTION_INFO_V1(bjxm_today_sql);
/* bjxm.today() → date. */
Datum
bjxm_today_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(bjxm_today());
}

/*
 * Settings added after the first release, with their defaults (as in
 * src/bjxm.sql): a database at an earlier release runs this library until
 * ALTER EXTENSION UPDATE adds the rows, and the rules then use these.
 */
static const char *const later_defaults[][2] = {
	{"split_similarity", "0.8"},		/* 0.3.0 */
	{"open_tender_threshold", "2000000"},	/* 0.3.0 */
	{"verification_days", "15"},	/* 0.3.0 */
};

/* A numeric rule parameter (bjxm.settings.value as numeric). */
Numeric
bjxm_setting_numeric(const char *key)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	bool		isnull;

	values[0] = CStringGetTextDatum(key);
	if (bjxm_exec(&plan, "SELECT s.value::pg_catalog.numeric FROM bjxm.settings s WHERE s.key OPERATOR(pg_catalog.=) $1",
				  1, types, values, NULL) != 1)
	{
		for (size_t i = 0; i < lengthof(later_defaults); i++)
			if (strcmp(later_defaults[i][0], key) == 0)
				return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(later_defaults[i][1]),
														   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
		elog(ERROR, "bjxm: setting %s missing", key);
	}
	return DatumGetNumeric(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/* An integer rule parameter. */
int32
bjxm_setting_int(const char *key)
{
	return DatumGetInt32(DirectFunctionCall1(numeric_int4, NumericGetDatum(bjxm_setting_numeric(key))));
}
