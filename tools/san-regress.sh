#!/usr/bin/env bash
# make sanitize: the full pg_regress schedule and every isolation spec
# against a bjxm.so built with UndefinedBehaviorSanitizer
# (-fsanitize=undefined -fno-sanitize-recover=all), loaded into Debian's
# server as usual; any finding aborts the backend, fails the test that
# caused it, and is written under $TMP/san.* and printed.
#
# AddressSanitizer cannot be used in the server here: with libasan (gcc 12
# or clang 14) preloaded, Debian's postgres binary deadlocks in main() ->
# set_pglocale_pgservice() -> bindtextdomain() on glibc's _nl_state_lock
# before it parses its arguments (`postgres --version` hangs).  Memory
# errors in the backend-free core are covered by ASan in the fuzz targets
# and by valgrind on the Check tests; in the glue by `make valgrind-regress`.
#
# The sanitized library is installed over the normal one while this runs,
# and the normal build is reinstalled at the end (also on failure).
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh || exit 1

PGBIN=$(pg_config --bindir)

TMP=$(mktemp -d /tmp/bjxm-san.XXXXXX); chmod 0755 "$TMP"
CLUSTER=$TMP/cluster
cleanup() {
  bash tools/cluster.sh stop "$CLUSTER" >/dev/null 2>&1 || true
  make -s install >/dev/null 2>&1 || echo "warning: could not reinstall the normal build" >&2
  [ "${KEEP_TMP:-0}" = 1 ] || rm -rf "$TMP"
}
trap cleanup EXIT

# Build in a copy so the normal objects are not mixed with sanitized ones.
SRC=$TMP/src; mkdir -p "$SRC"
git ls-files -z | xargs -0 cp --parents -t "$SRC"
SAN='-fsanitize=undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1'
if ! (cd "$SRC" && make -s COPT="$SAN" all && make -s COPT="$SAN" install) >"$TMP/build.log" 2>&1; then
  cat "$TMP/build.log"; exit 1
fi
echo "sanitized bjxm.so installed ($(nm -D "$(pg_config --pkglibdir)/bjxm.so" | grep -c __ubsan_handle) UBSan handlers referenced)"

mkdir -p "$TMP/san"; chmod 0777 "$TMP/san"
PORT=$(bash tools/cluster.sh start "$CLUSTER") || exit 1
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$CLUSTER/data" -m fast -w stop >/dev/null
runuser -u postgres -- env UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$TMP/san/ubsan" \
  "$PGBIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 120 start >/dev/null \
  || { tail -n 30 "$CLUSTER/server.log"; exit 1; }
echo "cluster on port $PORT"

rc=0
export PGHOST=$CLUSTER PGPORT=$PORT PGUSER=postgres
make -s installcheck ISOLATION= EXTRA_REGRESS_OPTS="--outputdir=$TMP/regress" >"$TMP/regress.log" 2>&1 || rc=1
cat "$TMP/regress.log"
[ -f "$TMP/regress/regression.diffs" ] && head -c 20000 "$TMP/regress/regression.diffs"
make -s installcheck REGRESS= EXTRA_REGRESS_OPTS="--outputdir=$TMP/isolation" >"$TMP/isolation.log" 2>&1 || rc=1
cat "$TMP/isolation.log"

# The sanitized library must really be the one the backends loaded: a
# backend that has called into bjxm reads its own memory map.
mapped=$(psql -h "$CLUSTER" -p "$PORT" -U postgres -d bjxm_regress -Atc \
  "SELECT bjxm.today() IS NOT NULL AND pg_catalog.pg_read_file('/proc/self/maps') LIKE '%libubsan%'")
echo "libubsan mapped in a backend that called bjxm: $mapped"
[ "$mapped" = t ] || rc=1
reports=$(ls "$TMP"/san/ 2>/dev/null | wc -l)
crashes=$(grep -c 'terminated by signal' "$CLUSTER/server.log" || true)
if [ "$reports" -gt 0 ]; then cat "$TMP"/san/*; rc=1; fi
[ "$crashes" -gt 0 ] && rc=1
echo "sanitizer reports: $reports; backends terminated by a signal: $crashes"
[ $rc -eq 0 ] && echo "UBSan regression: clean" || echo "UBSan regression: FAILED"
exit $rc
