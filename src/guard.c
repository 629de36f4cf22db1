/*
 * guard.c — internal entry points run only from bjxm's own SQL functions
 * (issue 17; guard.h).  What is refused: a function created by anyone,
 * superuser included, with AS '$libdir/bjxm', '<symbol>' and not a member
 * of the extension.  What is not (and cannot be) refused: a superuser who
 * adds such a function to the extension (ALTER EXTENSION bjxm ADD), edits
 * the catalogs, or loads other C code; anchors kept outside the database
 * (bjxm.chain_anchor) show what they rewrite.
 */
#include "postgres.h"

#include "catalog/dependency.h"
#include "catalog/pg_proc.h"
#include "commands/extension.h"
#include "utils/inval.h"
#include "utils/syscache.h"

#include "articles.h"
#include "errors.h"
#include "guard.h"

/* Function OIDs found to be members; forgotten when pg_proc changes. */
#define GUARD_CACHE 16
static Oid	members[GUARD_CACHE];
static int	nmembers = 0;

/* Syscache callback: a function changed; check again. */
static void
guard_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	nmembers = 0;
}

void
bjxm_guard_init(void)
{
	CacheRegisterSyscacheCallback(PROCOID, guard_invalidate, (Datum) 0);
}

/* Whether we are inside CREATE or ALTER EXTENSION bjxm. */
static bool
in_bjxm_script(void)
{
	return creating_extension && OidIsValid(CurrentExtensionObject) &&
		CurrentExtensionObject == get_extension_oid("bjxm", true);
}

/* The refusal: an internal entry point called from elsewhere. */
static void
refuse(const char *entry, const char *where)
{
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("%s: 内部入口 %s 只能%s调用 (internal entry point %s runs only %s)",
					bjxm_clause_cstring(BJ_ART_SUPERVISION, 0), entry,
					strcmp(where, "script") == 0 ? "由扩展的安装或升级脚本" : "经扩展自身的 SQL 函数",
					entry, strcmp(where, "script") == 0 ? "inside the extension's own install or upgrade script"
					: "through the extension's own SQL functions"),
			 errdetail("调用它的函数不属于扩展 bjxm (a function bound to bjxm's library outside the extension)."),
			 errhint("使用 bjxm 提供的函数; 事件链的改写可用 bjxm.chain_anchor 保存的锚点发现。")));
}

void
bjxm_require_extension_script(const char *entry)
{
	if (!in_bjxm_script())
		refuse(entry, "script");
}

void
bjxm_require_member(FunctionCallInfo fcinfo, const char *entry)
{
	Oid			fn = (fcinfo && fcinfo->flinfo) ? fcinfo->flinfo->fn_oid : InvalidOid;
	Oid			ext;

	for (int i = 0; i < nmembers; i++)
		if (members[i] == fn)
			return;
	if (in_bjxm_script())
		return;
	ext = get_extension_oid("bjxm", true);
	if (!OidIsValid(fn) || !OidIsValid(ext) || getExtensionOfObject(ProcedureRelationId, fn) != ext)
		refuse(entry, "member");
	if (nmembers < GUARD_CACHE)
		members[nmembers++] = fn;
}
