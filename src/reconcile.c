/*
 * reconcile.c — bjxm.verify_state() (issue 17 item 3): the tables against
 * the event log.
 *
 * 第三十条: 审计机关 and 大数据部门 supervise the projects; the event log is
 * what the actions recorded, the tables are what they wrote.  A write that
 * bypassed the actions (session_replication_role = replica, a superuser's
 * UPDATE) leaves the two apart.  The rebuild itself is SQL
 * (bjxm._verify_state_rows() in bjxm.sql, executable by no one but the
 * owner); this entry point checks the duty, as bjxm.verify_events does,
 * and returns its rows.  docs/design.md "Reconciliation" says what is
 * rebuilt and from which event keys.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/tuplestore.h"

#include "articles.h"
#include "duties.h"
#include "spi.h"

PG_FUNCTION_INFO_V1(bjxm_verify_state);
/*
 * bjxm.verify_state() → SETOF (kind, table_name, row_key, column_name,
 * in_table, from_events, detail): one row per disagreement; none when the
 * tables are what the events say.  Auditor or bigdata (第三十条).
 */
Datum
bjxm_verify_state(PG_FUNCTION_ARGS)
{
	static const char *const duties[] = {"auditor", "bigdata"};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	BjxmDutyRefusal why;
	Datum		values[7];
	bool		nulls[7];

	InitMaterializedSRF(fcinfo, 0);
	bjxm_spi_connect();
	if (bjxm_duty_check("verify_state", BJ_ART_SUPERVISION, duties, 2, 0, true, NULL, NULL, &why) == BJXM_DUTY_REFUSED)
		bjxm_duty_raise(&why, 0);
	if (SPI_execute("SELECT r.kind, r.table_name, r.row_key, r.column_name, r.in_table, r.from_events, r.detail "
					"FROM bjxm._verify_state_rows() r", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "bjxm: verify_state: the rebuild failed");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		for (int c = 0; c < 7; c++)
			values[c] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, c + 1, &nulls[c]);
		/* the tuplestore copies the row into its own memory */
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}
