/*
 * bjxm.c — module entry point: magic block and start-up.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "events.h"
#include "funding.h"
#include "guard.h"
#include "settings.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Load-time set-up: settings, cache invalidations, the bjxm.* prefix reserved. */
void
_PG_init(void)
{
	bjxm_define_settings();
	bjxm_funding_init();
	bjxm_events_init();
	bjxm_guard_init();
	/* Unknown bjxm.* placeholders are removed; known ones were re-checked. */
	MarkGUCPrefixReserved("bjxm");
}
