#!/usr/bin/env bash
# Reminders under pg_cron (issue 15 item 10; docs/operations.md "Reminders"):
# a cluster of its own with shared_preload_libraries = 'pg_cron' and
# cron.database_name, CREATE EXTENSION pg_cron and bjxm, a unit with an
# order due in three days, bjxm.send_reminders() scheduled every minute
# (cron.schedule '* * * * *'); then, within 80 s, the job has run
# (cron.job_run_details: succeeded), a psql session that LISTENs on
# bjxm_reminders got {"reminder_id": n}, n is the order's row in
# bjxm.reminder_log, and the run is in bjxm.reminder_runs.  A second
# run the same day sends nothing new.
#
# Needs pg_cron (Debian postgresql-15-cron; tools/ensure-deps.sh test) in
# the server's lib directory.  Env: TMP (readable by the postgres OS user:
# the cluster lives under it).  Exit 1 on any failure.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=$(pg_config --bindir)
if [ ! -f "$(pg_config --pkglibdir)/pg_cron.so" ]; then
  echo "FAILED: pg_cron is not installed in $(pg_config --pkglibdir) (apt-get install postgresql-15-cron)"
  exit 1
fi
TMP=${TMP:-/tmp}
mkdir -p "$TMP"
WORK=$(mktemp -d "$TMP/reminders_cron.XXXXXX")
chmod 0755 "$WORK"
CLUSTER=$WORK/cluster
DB=bjxm_cron
UNIT=11520500RM0000001R
FAILED=0
LISTENER=

cleanup() {
  [ -n "$LISTENER" ] && kill "$LISTENER" 2>/dev/null
  bash "$ROOT/tools/cluster.sh" stop "$CLUSTER" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
die() { echo "FAILED: $*"; exit 1; }
fail() { echo "MISMATCH: $*"; FAILED=1; }
check_eq() { # what expected actual
  if [ "$2" == "$3" ]; then printf '  ok    %-60s %s\n' "$1" "$3"; else fail "$1: expected '$2', got '$3'"; fi
}

echo "== a cluster with pg_cron =="
PORT=$(bash "$ROOT/tools/cluster.sh" start "$CLUSTER") || die "cannot start a cluster in $CLUSTER"
cat >>"$CLUSTER/data/postgresql.conf" <<CONF
shared_preload_libraries = 'pg_cron'
cron.database_name = '$DB'
# jobs run in background workers: no TCP connection (listen_addresses is '')
cron.use_background_workers = on
max_worker_processes = 16
cron.timezone = 'Asia/Shanghai'
CONF
bash "$ROOT/tools/cluster.sh" restart "$CLUSTER" || die "restart with pg_cron failed: $(tail -5 "$CLUSTER/server.log")"
CONN=(-h "$CLUSTER" -p "$PORT" -U postgres)
psql_() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "${CONN[@]}" -d "$DB" "$@"; }
val() { psql_ -A -t -c "$1"; }
"$PGBIN/psql" -X -q "${CONN[@]}" -d postgres -c "CREATE DATABASE $DB" || die "createdb"
echo "  port $PORT, shared_preload_libraries = $(val 'SHOW shared_preload_libraries')"

echo "== bjxm, a unit and an order due in three days =="
ORDER=$(psql_ -A -t <<SQL
SET client_min_messages = warning;
CREATE EXTENSION pg_cron;
CREATE EXTENSION bjxm;
DO \$\$ BEGIN CREATE ROLE rc_city NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;
GRANT bjxm_bigdata TO rc_city;
SELECT bjxm.set_jurisdiction('rc_city', '520500') IS NULL AS x \gset
SELECT bjxm.register_unit('$UNIT', '提醒调度测试单位 (cron reminder unit)', 'admin_dept') > 0 AS x \gset
SET ROLE rc_city;
SELECT bjxm.open_rectification('$UNIT', 3, '调度提醒测试 (cron reminder test)', NULL, bjxm.today() + 3);
SQL
) || die "setup failed"
ORDER=$(echo "$ORDER" | tail -1)
check_eq "the order is listed in bjxm.reminders" "1" \
  "$(val "SELECT count(*) FROM bjxm.reminders WHERE reminder = 'rectification' AND object_id = $ORDER")"

echo "== LISTEN bjxm_reminders (another session) =="
# One statement a second for 85 s: psql prints a notification after each.
( echo "LISTEN bjxm_reminders;"; for _ in $(seq 1 85); do echo "SELECT pg_sleep(1);"; done ) \
  | "$PGBIN/psql" -X -q -A -t "${CONN[@]}" -d "$DB" >"$WORK/listen.out" 2>&1 &
LISTENER=$!
sleep 1

echo "== cron.schedule('* * * * *', 'SELECT bjxm.send_reminders()') =="
JOB=$(val "SELECT cron.schedule('bjxm-reminders', '* * * * *', 'SELECT bjxm.send_reminders()')") || die "cron.schedule"
echo "  job $JOB; waiting for its first run (at most 80 s)"
status=
for _ in $(seq 1 80); do
  status=$(val "SELECT status FROM cron.job_run_details WHERE jobid = $JOB AND status IN ('succeeded', 'failed') ORDER BY runid LIMIT 1")
  [ -n "$status" ] && break
  sleep 1
done
check_eq "cron.job_run_details: the job ran" "succeeded" "$status"
[ "$status" = failed ] && val "SELECT return_message FROM cron.job_run_details WHERE jobid = $JOB"
check_eq "its statement ran (one row: the number sent)" "SELECT 1" \
  "$(val "SELECT return_message FROM cron.job_run_details WHERE jobid = $JOB AND status = 'succeeded' ORDER BY runid LIMIT 1")"

# The NOTIFY, in the listening session.
got=
for _ in $(seq 1 10); do
  got=$(sed -n 's/.*Asynchronous notification "bjxm_reminders" with payload "\(.*\)" received from server process.*/\1/p' "$WORK/listen.out" | head -1)
  [ -n "$got" ] && break
  sleep 1
done
RID=$(val "SELECT l.reminder_id FROM bjxm.reminder_log l WHERE l.reminder = 'rectification' AND l.object_id = $ORDER")
check_eq "the listener got the payload (ids only)" "{\"reminder_id\": $RID}" "$got"
check_eq "bjxm.reminder_log: the order, sent today, by the job" "1" \
  "$(val "SELECT count(*) FROM bjxm.reminder_log WHERE reminder_id = $RID AND sent_on = bjxm.today() AND NOT overdue")"
check_eq "bjxm.reminder_runs: the run, by the job's owner" "postgres 1" \
  "$(val "SELECT ran_by || ' ' || sent FROM bjxm.reminder_runs ORDER BY run_id LIMIT 1")"

echo "== the same day again: nothing new =="
check_eq "send_reminders() a second time today" "0" "$(val "SELECT bjxm.send_reminders()")"
check_eq "the item was announced once today" "1" \
  "$(val "SELECT count(*) FROM bjxm.reminder_log WHERE reminder = 'rectification' AND object_id = $ORDER")"
val "SELECT cron.unschedule($JOB)" >/dev/null || fail "cron.unschedule"

if [ "$FAILED" -ne 0 ]; then echo "reminders_cron: FAILED"; exit 1; fi
echo "reminders_cron: ok"
