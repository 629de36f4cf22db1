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
bash tools/ensure-deps.sh || exit 1
make -s all install >/dev/null || exit 1

PGBIN=$(pg_config --bindir)
PGXS_DIR=$(dirname "$(pg_config --pgxs)")/..
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
"$PGXS_DIR/test/regress/pg_regress" --bindir="$PGBIN" --inputdir="$ROOT" --outputdir="$TMP/regress" \
  --host="$CLUSTER" --port="$PORT" --user=postgres --dbname=bjxm_regress \
  --schedule="$ROOT/test/schedule" >"$TMP/regress.log" 2>&1 || rc=1
cat "$TMP/regress.log"
[ -f "$TMP/regress/regression.diffs" ] && head -c 20000 "$TMP/regress/regression.diffs"

procs=$(ls "$TMP"/vg/*.log | wc -l)
# Split every log into error blocks (valgrind separates them by "==PID== "
# blank lines) and count the ones with a bjxm.so frame.
total=$(cat "$TMP"/vg/*.log | grep -cE '^==[0-9]+== [A-Z][a-z].*(Invalid|uninitialised|Uninitialised|unaddressable|Mismatched|overlap)')
ours=$(awk 'FNR==1{blk=""} /^==[0-9]+== $/{ if (blk ~ /bjxm\.so/) { n++; printf "%s\n", blk }; blk=""; next } {blk = blk $0 "\n"} END{ if (blk ~ /bjxm\.so/) { n++; printf "%s\n", blk }; print "BJXM_ERRORS " n+0 > "/dev/stderr" }' "$TMP"/vg/*.log 2>"$TMP/ours.count" | head -c 20000)
n_ours=$(sed -n 's/BJXM_ERRORS //p' "$TMP/ours.count")
[ -n "$ours" ] && echo "$ours"
echo "valgrind: $procs processes traced; error reports in all: $total; with a bjxm.so frame: $n_ours"
[ "$n_ours" = 0 ] || rc=1
[ $rc -eq 0 ] && echo "valgrind regression: clean" || echo "valgrind regression: FAILED"
exit $rc
