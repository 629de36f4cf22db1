/*
 * bjxm.c — module entry point: magic block and start-up.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "bjxm.h"
#include "engine.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Load-time set-up: reserve the bjxm.* setting prefix. */
void
_PG_init(void)
{
	bjxm_define_settings();
	bjxm_eligibility_init();
	/* Unknown bjxm.* placeholders are removed; known ones were re-checked. */
	MarkGUCPrefixReserved("bjxm");
}
