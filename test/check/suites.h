/*
 * suites.h — Check suites of the backend-free core (src/core).
 */
#ifndef BJ_CHECK_SUITES_H
#define BJ_CHECK_SUITES_H

#include <check.h>

/* 统一社会信用代码, GB 32100-2015 (test_uscc.c). */
Suite	   *uscc_suite(void);

/* Clause citations and Chinese numerals (test_clause.c). */
Suite	   *clause_suite(void);

/* The transition table: states, actions, duties (test_transitions.c). */
Suite	   *transitions_suite(void);

/* Aho–Corasick matcher and the 第十一条 dictionary (test_matcher.c). */
Suite	   *matcher_suite(void);

/* SM3 hash, GB/T 32905-2016 (test_sm3.c). */
Suite	   *sm3_suite(void);

/* Project-name normalisation and bigram similarity (test_similar.c). */
Suite	   *similar_suite(void);

/* Information items that name personal data, 第二十九条 (test_personal.c). */
Suite	   *personal_suite(void);

/* Spelling-proof normalisation for the matcher, issue 16 (test_normalize.c). */
Suite	   *normalize_suite(void);

/* test_expense.c: the 第十一条 context rules and the data/i16 corpora (issue 16). */
Suite	   *expense_suite(void);

/* The event log's canonical bytes, export lines and anchors (test_eventlog.c). */
Suite	   *eventlog_suite(void);

#endif							/* BJ_CHECK_SUITES_H */
