/*
 * guard.h — internal C entry points that refuse to run outside the
 * extension's own SQL wrappers (issue 17): a superuser who binds a new
 * function to one of bjxm's symbols gets an error, not a re-linked chain
 * or a forged event (docs/design.md §12).
 */
#ifndef BJXM_GUARD_H
#define BJXM_GUARD_H

#include "postgres.h"

#include "fmgr.h"

/* Refuse (42501) unless inside CREATE/ALTER EXTENSION bjxm's own script. */
extern void bjxm_require_extension_script(const char *entry);

/*
 * Refuse (42501) unless the SQL function being called is a member of
 * extension bjxm (or inside its script).  Cached per function OID.
 */
extern void bjxm_require_member(FunctionCallInfo fcinfo, const char *entry);

/* Register the cache invalidation (from _PG_init). */
extern void bjxm_guard_init(void);

#endif							/* BJXM_GUARD_H */
