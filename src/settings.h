/*
 * settings.h — "today" and the rule parameters of bjxm.settings
 * (docs/reference.md §2 bjxm.today, §3 bjxm.set_setting).
 */
#ifndef BJXM_SETTINGS_H
#define BJXM_SETTINGS_H

#include "postgres.h"

#include "utils/date.h"
#include "utils/numeric.h"

/* Define the bjxm.today setting (from _PG_init). */
extern void bjxm_define_settings(void);

/* Today's date for the rules: Asia/Shanghai, or the superuser's bjxm.today. */
extern DateADT bjxm_today(void);

/* The value of a numeric rule parameter (amount, rate or integer); caller in SPI. */
extern Numeric bjxm_setting_numeric(const char *key);

/* The value of an integer rule parameter; caller in SPI. */
extern int32 bjxm_setting_int(const char *key);

#endif							/* BJXM_SETTINGS_H */
