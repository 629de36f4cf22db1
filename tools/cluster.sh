#!/usr/bin/env bash
# Throwaway PostgreSQL 15 clusters for tests and the demo.
#
#   tools/cluster.sh start DIR [PORT]   initdb + start; prints PORT
#   tools/cluster.sh restart DIR        restart (after editing postgresql.conf)
#   tools/cluster.sh stop DIR           stop and remove DIR
#
# initdb and postgres refuse to run as root, so the server runs as the
# postgres OS user in DIR (which it owns); the socket lives in DIR.  Clients
# (psql, pg_regress) run as root with -h DIR -p PORT -U postgres.
set -euo pipefail

PGBIN=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
[ -x "$PGBIN/initdb" ] || PGBIN=/usr/lib/postgresql/15/bin

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && [ ! -e "/tmp/.s.PGSQL.$p" ]; then
      echo "$p"; return 0
    fi
  done
  echo "no free port" >&2; return 1
}

cmd=${1:?start|restart|stop}; dir=${2:?DIR}
case "$cmd" in
  start)
    port=${3:-$(free_port)}
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 0755 "$dir"
    as_pg "$PGBIN/initdb" -D "$dir/data" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
port = $port
unix_socket_directories = '$dir'
max_connections = 40
max_prepared_transactions = 4
fsync = off
log_line_prefix = '%m [%p] %q%u@%d '
logging_collector = off
CONF
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" > "$dir/port"
    echo "$port"
    ;;
  restart)
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 restart >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    [ "${KEEP_CLUSTER:-0}" = 1 ] || rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|restart|stop DIR [PORT]" >&2; exit 2 ;;
esac
