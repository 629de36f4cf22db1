#!/usr/bin/env bash
# Run a command against a throwaway cluster (as test/run-all.sh sets one
# up): exports CLUSTER, TMP, PGHOST, PGPORT, PGUSER; stops it on exit.
set -uo pipefail
cd "$(dirname "$0")/.."
TMP=$(mktemp -d /tmp/bjxm-run.XXXXXX); chmod 0755 "$TMP"
trap 'bash tools/cluster.sh stop "$TMP/cluster" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
PORT=$(bash tools/cluster.sh start "$TMP/cluster") || exit 1
export CLUSTER=$TMP/cluster TMP PGHOST=$TMP/cluster PGPORT=$PORT PGUSER=postgres
"$@"
