/*
 * errors.c — refusals: one message format, one LOG line, one SQLSTATE list.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "lib/stringinfo.h"

#include "articles.h"
#include "errors.h"
#include "clause.h"
#include "types.h"

/* Canonical clause text (第十一条第(一)项) in palloc'd memory. */
char *
bjxm_clause_cstring(int article, int item)
{
	char		buf[BJ_CLAUSE_BUFSZ];
	bj_clause	c = {article, item};

	if (bj_clause_format(c, buf, sizeof(buf)) == 0)
		elog(ERROR, "bjxm: invalid clause %d.%d", article, item);
	return pstrdup(buf);
}

/*
 * One structured LOG line per refusal (actor, action, project, SQLSTATE,
 * clause): the refused transaction's own rows roll back, the log stays.
 */
void
bjxm_log_refusal(int sqlerrcode, const char *clause, const char *action, int64 project_id)
{
	const char *actor = GetUserNameFromId(GetOuterUserId(), true);
	StringInfoData logline;

	initStringInfo(&logline);
	appendStringInfoString(&logline, "{\"actor\": ");
	escape_json(&logline, actor ? actor : "");
	appendStringInfoString(&logline, ", \"action\": ");
	escape_json(&logline, action ? action : "");
	if (project_id != 0)
		appendStringInfo(&logline, ", \"project\": " INT64_FORMAT, project_id);
	else
		appendStringInfoString(&logline, ", \"project\": null");
	appendStringInfo(&logline, ", \"sqlstate\": \"%s\", \"clause\": ",
					 unpack_sql_state(sqlerrcode));
	escape_json(&logline, clause ? clause : "");
	appendStringInfoChar(&logline, '}');
	ereport(LOG,
			(errmsg("bjxm refusal: %s", logline.data),
			 errhidestmt(true), errhidecontext(true)));
}

/* Raise a refusal with its clause, after logging it (see errors.h). */
void
bjxm_refuse(int sqlerrcode, int article, int item,
			const char *action, int64 project_id,
			const char *detail, const char *hint,
			const char *fmt,...)
{
	StringInfoData msg;
	char	   *clause = bjxm_clause_cstring(article, item);

	BJXM_FORMAT(msg, fmt);

	bjxm_log_refusal(sqlerrcode, clause, action, project_id);

	ereport(ERROR,
			(errcode(sqlerrcode),
			 errmsg("%s: %s", clause, msg.data),
			 detail ? errdetail("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0));
	pg_unreachable();
}

PG_FUNCTION_INFO_V1(bjxm_sqlstates);
/* bjxm.sqlstates(): every BJ SQLSTATE with its article and meaning. */
Datum
bjxm_sqlstates(PG_FUNCTION_ARGS)
{
	typedef struct
	{
		const char *code;
		int			article;
		const char *meaning;
	} row;
#define BJXM_ROW(name, d3, d4, d5, article, meaning) {#name, article, meaning},
	static const row rows[] = {BJXM_SQLSTATE_LIST(BJXM_ROW)};
#undef BJXM_ROW
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < lengthof(rows); i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = CStringGetTextDatum(rows[i].code);
		if (rows[i].article == 0)
			nulls[1] = true;
		else
			values[1] = BjxmClauseGetDatum(rows[i].article, 0);
		values[2] = CStringGetTextDatum(rows[i].meaning);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(bjxm_not_visible_sql);
/* bjxm._not_visible(action, project): 42501 for a project not visible, logged. */
Datum
bjxm_not_visible_sql(PG_FUNCTION_ARGS)
{
	const char *action = PG_ARGISNULL(0) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(0));
	int64		project = PG_ARGISNULL(1) ? 0 : PG_GETARG_INT64(1);

	bjxm_log_refusal(ERRCODE_INSUFFICIENT_PRIVILEGE, bjxm_clause_cstring(BJ_ART_DUTIES, 0), action, project);
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("%s: 项目 " INT64_FORMAT " 不存在或无权访问 (no such project, or not visible)",
					bjxm_clause_cstring(BJ_ART_DUTIES, 0), project)));
	PG_RETURN_VOID();
}
