#!/usr/bin/env bash
# make demo / make demo-stop: a throwaway cluster with bjxm and Bijie data.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${BJXM_DEMO_DIR:-/tmp/bjxm-demo}

case "${1:-start}" in
  start)
    bash tools/ensure-deps.sh
    make -s all >/dev/null
    make -s install >/dev/null
    if [ -f "$DIR/data/postmaster.pid" ]; then
      echo "bjxm demo: stopping the previous demo cluster in $DIR"
      bash tools/cluster.sh stop "$DIR"
    fi
    rm -rf "$DIR"
    PORT=$(bash tools/cluster.sh start "$DIR" "${BJXM_DEMO_PORT:-}")
    # The server reads nothing from the checkout: the demo script goes
    # through psql, which runs here as the caller.
    if ! psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres \
         -c "CREATE DATABASE bjxm_demo" >/dev/null; then
      bash tools/cluster.sh stop "$DIR"; exit 1
    fi
    if ! psql -X -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d bjxm_demo -f demo/demo.sql; then
      echo "bjxm demo: the demo script failed; cluster stopped" >&2
      bash tools/cluster.sh stop "$DIR"; exit 1
    fi
    cat <<MSG

bjxm demo cluster is running (PostgreSQL 15, port $PORT, socket in $DIR).
Explore it:
    psql -h $DIR -p $PORT -U postgres bjxm_demo
Stop it:
    make demo-stop
MSG
    ;;
  stop)
    if [ -d "$DIR" ]; then bash tools/cluster.sh stop "$DIR"; echo "bjxm demo stopped"; else echo "no demo running"; fi
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
