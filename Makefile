# bjxm — PGXS build plus the project's own entry points.
#
#   make demo        set up everything, start a throwaway cluster with a demo
#   make demo-stop   stop it
#   make test        set up everything, run every suite, print "N passed, N failed"
#   make unit        Check unit tests of the backend-free core (no server)
#   make valgrind    the Check unit tests under valgrind (CK_FORK=no)
#   make fuzz        libFuzzer targets, FUZZ_RUNS each (default 10 million)
#   make sanitize    pg_regress + isolation with bjxm.so under UBSan
#   make valgrind-regress  pg_regress with every backend under valgrind
#
# The version lives only in bjxm.control.

EXTENSION  = bjxm
SHELL      = /bin/bash
EXTVERSION := $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" bjxm.control)
MODULE_big = bjxm

CORE_SRCS  = src/core/uscc.c src/core/cnnum.c src/core/clause.c src/core/transitions.c src/core/matcher.c src/core/sm3.c src/core/similar.c src/core/utf8.c src/core/personal.c src/core/normalize.c src/core/expense.c src/core/eventlog.c
CORE_OBJS  = $(CORE_SRCS:.c=.o)
GLUE_OBJS  = src/bjxm.o src/spi.o src/types.o src/errors.o src/settings.o src/duties.o src/events.o src/action.o src/engine.o src/registry.o src/registries.o src/planning.o src/funding.o src/projects.o src/data.o src/security.o src/supervision.o src/jurisdictions.o src/splitting.o src/reviews.o src/independence.o src/reconcile.o src/compat.o src/guard.o
OBJS       = $(CORE_OBJS) $(GLUE_OBJS)

GENERATED  = src/core/regulation_items.h src/core/personal_terms.h build/regulation_seed.sql build/terms_seed.sql
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
# Released versions' install scripts, frozen, and every upgrade script.
DATA       = $(wildcard releases/$(EXTENSION)--*.sql) $(wildcard updates/$(EXTENSION)--*--*.sql)
EXTRA_CLEAN = $(GENERATED) build $(EXTENSION)--$(EXTVERSION).sql tools/genreg test/check/check_core tools/bjxm-verify test/tools/relink

# Tests (PGXS): `make installcheck` runs every pg_regress test, in the
# order of test/schedule (one database, run in turn), then every isolation
# spec of test/isolation/specs, against the running server that PGHOST,
# PGPORT and PGUSER name.  With EXTRA_REGRESS_OPTS=--temp-instance=DIR each
# suite starts a server of its own (initdb refuses root: run it as another
# user).  test/run-all.sh, tools/san-regress.sh and tools/valgrind-regress.sh
# call this target.
REGRESS        = $(shell sed -n 's/^test: *//p' $(srcdir)/test/schedule)
REGRESS_OPTS   = --inputdir=$(srcdir)
ISOLATION      = $(basename $(notdir $(wildcard $(srcdir)/test/isolation/specs/*.spec)))
ISOLATION_OPTS = --inputdir=$(srcdir)/test/isolation

PG_CPPFLAGS = -I$(srcdir)/src -I$(srcdir)/src/core
PG_CFLAGS   = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers

# Recompile a file when a header it includes changes.
override autodepend = yes

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
# The tests connect to these databases by name (\c bjxm_regress).
CONTRIB_TESTDB   = bjxm_regress
ISOLATION_TESTDB = bjxm_isolation
all: tools/bjxm-verify
else
# Server headers are not installed yet: only the entry points below work;
# they install what is missing and re-run make.
all:
	@echo "postgresql-server-dev-15 is missing: run 'make test' or 'make demo', which install it" >&2; exit 1
endif

CORE_CFLAGS = -std=c99 -O2 -g -Wall -Wextra -Werror -Isrc/core

# --- generated from the regulation text ------------------------------------
tools/genreg: tools/genreg.c src/core/cnnum.c src/core/clause.h
	$(CC) $(CORE_CFLAGS) -o $@ tools/genreg.c src/core/cnnum.c

src/core/regulation_items.h: tools/genreg data/regulation.zh.txt
	tools/genreg header data/regulation.zh.txt > $@.tmp && mv $@.tmp $@

build/regulation_seed.sql: tools/genreg data/regulation.zh.txt
	@mkdir -p build
	tools/genreg sql data/regulation.zh.txt > $@.tmp && mv $@.tmp $@

# The 第十一条 dictionary (issue 16), seeded from data/i16/excluded_terms.tsv
# (phrase TAB clause TAB class TAB kind) and data/i16/context_rules.tsv (term
# TAB allow TAB deny TAB default), both already in normal form and checked by
# tools/check_i16_data.py.  The same rows go into the upgrade script
# (tools/terms_seed.sh --check keeps it equal).
build/terms_seed.sql: data/i16/excluded_terms.tsv data/i16/context_rules.tsv tools/terms_seed.sh
	@mkdir -p build
	bash tools/terms_seed.sh > $@.tmp && mv $@.tmp $@

src/core/clause.o: src/core/regulation_items.h

# 第二十九条: the information-item names that name personal data, from
# data/personal_data_items.tsv (term TAB kind), as C initialisers.
src/core/personal_terms.h: data/personal_data_items.tsv
	awk -F'\t' 'BEGIN { print "/* generated from data/personal_data_items.tsv; do not edit */" } \
	  /^#/ || NF < 2 { next } \
	  $$1 ~ /["\\]/ || $$2 ~ /["\\]/ { print "bad line " NR ": " $$0 > "/dev/stderr"; exit 1 } \
	  { printf "{\"%s\", \"%s\"},\n", $$1, $$2 }' $< > $@.tmp && mv $@.tmp $@

src/core/personal.o: src/core/personal_terms.h

# One source install script, built into the versioned copy.
$(EXTENSION)--$(EXTVERSION).sql: src/bjxm.sql build/regulation_seed.sql build/terms_seed.sql bjxm.control
	( echo "-- bjxm $(EXTVERSION): generated from src/bjxm.sql and data/regulation.zh.txt; do not edit"; \
	  printf '%s\n' '\echo Use "CREATE EXTENSION bjxm" to load this file. \quit'; \
	  sed -e '/^@REGULATION_SEED@$$/{r build/regulation_seed.sql' -e 'd}' \
	      -e '/^@TERMS_SEED@$$/{r build/terms_seed.sql' -e 'd}' src/bjxm.sql ) > $@.tmp && mv $@.tmp $@

# --- backend-free core: Check unit tests, valgrind, fuzzing ----------------
CHECK_SRCS = $(wildcard test/check/*.c)
test/check/check_core: $(CHECK_SRCS) test/check/*.h $(CORE_SRCS) src/core/regulation_items.h src/core/personal_terms.h src/core/*.h
	$(CC) $(CORE_CFLAGS) -Wno-unused-parameter -o $@ $(CHECK_SRCS) $(CORE_SRCS) $$(pkg-config --cflags --libs check)

FUZZ_TARGETS = $(patsubst test/fuzz/%.c,build/fuzz/%,$(wildcard test/fuzz/fuzz_*.c))
build/fuzz/%: test/fuzz/%.c $(CORE_SRCS) src/core/regulation_items.h src/core/personal_terms.h src/core/*.h
	@mkdir -p build/fuzz
	clang -std=c99 -Wall -Wextra -Werror -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc/core -o $@ $< $(CORE_SRCS)

# The auditor's offline verifier (issue 17, docs/event-export.md): the
# backend-free core only, no server headers, no libpq.  Built by `make`.
EVENTLOG_SRCS = src/core/eventlog.c src/core/sm3.c
tools/bjxm-verify: tools/bjxm-verify.c $(EVENTLOG_SRCS) src/core/eventlog.h src/core/sm3.h
	$(CC) $(CORE_CFLAGS) -o $@ tools/bjxm-verify.c $(EVENTLOG_SRCS)

# Test only (test/scripts/anchors.sh): prints the SQL of a full re-link.
test/tools/relink: test/tools/relink.c $(EVENTLOG_SRCS) src/core/eventlog.h src/core/sm3.h
	$(CC) $(CORE_CFLAGS) -o $@ test/tools/relink.c $(EVENTLOG_SRCS)

# Matcher throughput (not part of make test): bench/matcher_bench [MB] [reps]
bench/matcher_bench: bench/matcher_bench.c src/core/expense.c src/core/expense.h src/core/matcher.c src/core/matcher.h src/core/utf8.c src/core/utf8.h src/core/normalize.c src/core/normalize.h src/core/norm_tables.h src/core/t2s_table.h
	$(CC) $(CORE_CFLAGS) -o $@ bench/matcher_bench.c src/core/expense.c src/core/matcher.c src/core/utf8.c src/core/normalize.c

.PHONY: deps unit valgrind fuzz fuzz-build test demo demo-stop bench deb stress sanitize valgrind-regress
# What the build and the unit tests need (server headers, Check); the other
# suites install their own groups (tools/ensure-deps.sh).
deps:
	@bash tools/ensure-deps.sh build

unit: deps
	@$(MAKE) --no-print-directory test/check/check_core
	test/check/check_core

valgrind: deps
	@bash tools/ensure-deps.sh test
	@$(MAKE) --no-print-directory test/check/check_core
	CK_FORK=no valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite test/check/check_core

fuzz-build: deps
	@bash tools/ensure-deps.sh test
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS)

# Each target runs FUZZ_RUNS executions (default 10 million), or for
# FUZZ_SECONDS if that is set instead.
FUZZ_RUNS ?= 10000000
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  n=$$(basename $$t); mkdir -p build/corpus/$$n; \
	  cp -n test/fuzz/corpus/$$n/* build/corpus/$$n/ 2>/dev/null || true; \
	  if [ -n "$(FUZZ_SECONDS)" ]; then limit=-max_total_time=$(FUZZ_SECONDS); else limit=-runs=$(FUZZ_RUNS); fi; \
	  $$t $$limit -print_final_stats=1 build/corpus/$$n 2>&1 | grep -E 'stat::number_of_executed_units|Done|crash|ERROR' ; \
	  [ $${PIPESTATUS[0]} -eq 0 ] || exit 1; \
	done

test:
	@bash test/run-all.sh

# The whole pg_regress schedule and the isolation specs with bjxm.so built
# under UBSan (see the script for why not ASan).
sanitize:
	@bash tools/san-regress.sh

# The whole pg_regress schedule with every backend under valgrind memcheck.
valgrind-regress:
	@bash tools/valgrind-regress.sh

demo:
	@bash tools/demo.sh start

demo-stop:
	@bash tools/demo.sh stop

# Benchmarks (not part of make test): ratios against the same work without rules.
bench:
	@bash bench/run.sh

# Debian package postgresql-15-bjxm (pg_buildext, debian/), built from a
# temporary copy of the tree; the .deb files land in build/deb/.
deb:
	@bash tools/build-deb.sh build/deb

# The randomized concurrency test at length (make test runs 20 s of it).
STRESS_SECONDS ?= 300
stress:
	@bash tools/ensure-deps.sh && $(MAKE) -s all install >/dev/null && \
	  bash tools/with-cluster.sh env STRESS_SECONDS=$(STRESS_SECONDS) bash test/scripts/stress.sh
