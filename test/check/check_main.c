/*
 * check_main.c — runner for the Check unit tests of src/core.
 * Prints Check's summary ("100%: Checks: N, Failures: 0, Errors: 0") and
 * exits non-zero if any check failed.  CK_FORK=no is honoured (valgrind).
 */
#include <stdlib.h>

#include "suites.h"

/* Run every suite; exit status 1 on any failure. */
int
main(void)
{
	SRunner    *sr = srunner_create(uscc_suite());
	int			failed;

	srunner_add_suite(sr, clause_suite());
	srunner_add_suite(sr, transitions_suite());
	srunner_add_suite(sr, matcher_suite());
	srunner_add_suite(sr, sm3_suite());
	srunner_add_suite(sr, similar_suite());
	srunner_add_suite(sr, personal_suite());
	srunner_add_suite(sr, normalize_suite());
	srunner_add_suite(sr, expense_suite());
	srunner_add_suite(sr, eventlog_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
