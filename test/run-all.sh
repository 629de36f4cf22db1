#!/usr/bin/env bash
# make test: install what is missing, build, run every suite, print one
# final line "N passed, N failed", exit non-zero on any failure.
#
# Suites: Check unit tests of the core; the same under valgrind; a short
# libFuzzer smoke run per target; pg_regress; isolation specs; script tests
# (test/scripts/*.sh) that need a cluster of their own shape.
set -uo pipefail
cd "$(dirname "$0")/.."

bash tools/ensure-deps.sh build test || { echo "0 passed, 1 failed"; exit 1; }

FUZZ_SMOKE_RUNS=${FUZZ_SMOKE_RUNS:-200000}

TMP=$(mktemp -d /tmp/bjxm-test.XXXXXX)
chmod 0755 "$TMP"
CLUSTER=$TMP/cluster
cleanup() {
  bash tools/cluster.sh stop "$CLUSTER" >/dev/null 2>&1 || true
  [ "${KEEP_TMP:-0}" = 1 ] || rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

PASSED=0; FAILED=0; SUMMARY=()
record() { # suite passed failed
  PASSED=$((PASSED + $2)); FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-12s %4d passed, %d failed' "$1" "$2" "$3")")
}
finish() {
  echo
  echo "== summary =="
  for l in "${SUMMARY[@]}"; do echo "  $l"; done
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}

echo "== build =="
if ! { make -s all && make -s install; } >"$TMP/build.log" 2>&1; then
  cat "$TMP/build.log"; record build 0 1; finish
fi
if ! make -s test/check/check_core >>"$TMP/build.log" 2>&1; then
  cat "$TMP/build.log"; record build 0 1; finish
fi
record build 1 0

echo "== unit (Check) =="
test/check/check_core >"$TMP/unit.log" 2>&1; rc=$?
cat "$TMP/unit.log" | tail -n 20
line=$(grep -E '^[0-9]+%: Checks: ' "$TMP/unit.log" | tail -n 1)
if [ -n "$line" ]; then
  n=$(sed -E 's/.*Checks: ([0-9]+).*/\1/' <<<"$line")
  f=$(sed -E 's/.*Failures: ([0-9]+).*/\1/' <<<"$line")
  e=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$line")
  record unit $((n - f - e)) $((f + e))
else
  record unit 0 1
fi
[ $rc -ne 0 ] && [ -n "$line" ] && [ "$f$e" = "00" ] && record unit 0 1

echo "== valgrind (Check, CK_FORK=no) =="
if CK_FORK=no valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
     test/check/check_core >"$TMP/valgrind.log" 2>&1; then
  record valgrind 1 0; tail -n 1 "$TMP/valgrind.log"
else
  tail -n 40 "$TMP/valgrind.log"; record valgrind 0 1
fi

echo "== fuzz smoke (libFuzzer, $FUZZ_SMOKE_RUNS runs per target) =="
if make -s fuzz-build >"$TMP/fuzz-build.log" 2>&1; then
  fp=0; ff=0
  for t in build/fuzz/fuzz_*; do
    n=$(basename "$t"); corpus=$TMP/corpus/$n; mkdir -p "$corpus"
    cp test/fuzz/corpus/"$n"/* "$corpus"/ 2>/dev/null || true
    if "$t" -runs="$FUZZ_SMOKE_RUNS" -print_final_stats=1 -artifact_prefix="$TMP/" "$corpus" >"$TMP/$n.log" 2>&1; then
      fp=$((fp + 1)); echo "  $n: $(grep -E 'stat::number_of_executed_units' "$TMP/$n.log" | awk '{print $2}') executions, no crash"
    else
      ff=$((ff + 1)); tail -n 30 "$TMP/$n.log"
    fi
  done
  record fuzz $fp $ff
else
  cat "$TMP/fuzz-build.log"; record fuzz 0 1
fi

echo "== cluster =="
if ! PORT=$(bash tools/cluster.sh start "$CLUSTER"); then
  record cluster 0 1; finish
fi
export PGHOST=$CLUSTER PGPORT=$PORT PGUSER=postgres
echo "  throwaway cluster on port $PORT, socket in $CLUSTER"

count_regress() { # logfile suite
  local p f
  p=$(grep -cE '\.\.\. ok|^ok ' "$1" || true)
  f=$(grep -cE '\.\.\. FAILED|^not ok |\.\.\. failed' "$1" || true)
  record "$2" "$p" "$f"
}

# pg_regress and isolation through PGXS's make installcheck (the Makefile's
# REGRESS and ISOLATION), one suite at a time so that each is counted and
# one failing does not stop the other.
echo "== pg_regress (make installcheck) =="
make -s installcheck ISOLATION= EXTRA_REGRESS_OPTS="--outputdir=$TMP/regress" >"$TMP/regress.log" 2>&1
cat "$TMP/regress.log"
count_regress "$TMP/regress.log" pg_regress
[ -f "$TMP/regress/regression.diffs" ] && head -c 20000 "$TMP/regress/regression.diffs"

echo "== isolation (make installcheck) =="
make -s installcheck REGRESS= EXTRA_REGRESS_OPTS="--outputdir=$TMP/isolation" >"$TMP/isolation.log" 2>&1
cat "$TMP/isolation.log"
count_regress "$TMP/isolation.log" isolation
[ -f "$TMP/isolation/regression.diffs" ] && head -c 20000 "$TMP/isolation/regression.diffs"

echo "== scripts =="
sp=0; sf=0
for s in test/scripts/*.sh; do
  [ -e "$s" ] || continue
  if CLUSTER="$CLUSTER" TMP="$TMP" bash "$s" >"$TMP/$(basename "$s").log" 2>&1; then
    sp=$((sp + 1)); echo "  $(basename "$s") ... ok"
  else
    sf=$((sf + 1)); echo "  $(basename "$s") ... FAILED"; tail -n 40 "$TMP/$(basename "$s").log"
  fi
done
[ $((sp + sf)) -gt 0 ] && record scripts $sp $sf

finish
