#!/usr/bin/env bash
# make valgrind-regress: the full pg_regress schedule with every backend
# running under valgrind memcheck (--trace-children=yes on the postmaster).
#
# Debian's server is not built with USE_VALGRIND, so memcheck reports some
# things inside PostgreSQL itself (uninitialised padding written to WAL or
# sockets).  Those are not bjxm's; an error counts here when any frame of
# its stack is in bjxm.so.  All reports stay in $TMP/vg (KEEP_TMP=1 keeps
# them).  Slow: expect 20-40 minutes on 2 cores.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash tools/ensure-deps.sh build test || exit 1
make -s all install >/dev/null || exit 1

PGBIN=$(pg_config --bindir)
TMP=$(mktemp -d /tmp/bjxm-vg.XXXXXX); chmod 0755 "$TMP"
CLUSTER=$TMP/cluster
cleanup() {
  if [ -f "$CLUSTER/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$CLUSTER/data" -m fast -w -t 300 stop >/dev/null 2>&1
  fi
  [ "${KEEP_TMP:-0}" = 1 ] || rm -rf "$TMP"
}
trap cleanup EXIT

PORT=$(bash tools/cluster.sh start "$CLUSTER") || exit 1
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$CLUSTER/data" -m fast -w stop >/dev/null
mkdir -p "$TMP/vg"; chown postgres: "$TMP/vg"
runuser -u postgres -- valgrind --quiet --trace-children=yes --track-origins=no --leak-check=no \
  --error-limit=no --num-callers=30 --log-file="$TMP/vg/%p.log" \
  "$PGBIN/postgres" -D "$CLUSTER/data" -c max_connections=20 >"$CLUSTER/server.log" 2>&1 &
for _ in $(seq 1 300); do
  psql -h "$CLUSTER" -p "$PORT" -U postgres -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done
echo "postmaster under valgrind on port $PORT"

rc=0
PGHOST=$CLUSTER PGPORT=$PORT PGUSER=postgres make -s installcheck ISOLATION= \
  EXTRA_REGRESS_OPTS="--outputdir=$TMP/regress" >"$TMP/regress.log" 2>&1 || rc=1
cat "$TMP/regress.log"
[ -f "$TMP/regress/regression.diffs" ] && head -c 20000 "$TMP/regress/regression.diffs"

procs=$(ls "$TMP"/vg/*.log | wc -l)
# Count error blocks: bjxm's when a bjxm.so frame is among the first four
# (tools/valgrind-count.awk prints those), and the ones that only pass
# through bjxm deeper down.
awk -f "$ROOT/tools/valgrind-count.awk" "$TMP"/vg/*.log 2>"$TMP/counts" | head -c 20000
read -r _ total n_ours n_deep < "$TMP/counts"
echo "valgrind: $procs processes traced; error reports in all: $total; in bjxm.so (top 4 frames): $n_ours; through bjxm deeper in the stack: $n_deep"
[ "$n_ours" = 0 ] || rc=1
[ $rc -eq 0 ] && echo "valgrind regression: clean" || echo "valgrind regression: FAILED"
exit $rc
