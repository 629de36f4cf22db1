#!/usr/bin/env bash
# The client examples (clients/README.md) run against the test cluster:
#   - clients/python/bjxm_app.py  (psycopg 3, Debian's python3-psycopg)
#   - clients/java/BjxmApp.java   (pgjdbc, Debian's libpostgresql-jdbc-java,
#                                  over the Unix socket with libjunixsocket-java)
#
# In a new database: install bjxm, create the NOINHERIT login cl_app and the
# people's roles it may SET ROLE to (cl_unit, cl_bigdata, cl_finance,
# cl_reviewer, cl_gov), register one unit per app and a reviewer party (as
# the superuser).  Then run each app, as cl_app over the Unix socket (trust),
# on its own unit and project, and check its exit status and output: gates
# walked, BJ011 and BJ031 caught with their Chinese messages, bjxm_events
# notifications printed, events_since matching them.  Drop the database and
# the roles at the end.  Exit 1 on any mismatch; last line "clients: ok".
#
# Needs python3-psycopg, libpostgresql-jdbc-java, libjunixsocket-java and a
# JDK: tools/ensure-deps.sh test java installs the missing ones (as root).
#
# Env: PGHOST (socket dir), PGPORT, PGUSER (postgres), TMP (scratch dir).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

PGBIN=$(pg_config --bindir)
: "${PGHOST:?PGHOST (socket directory) must be set}"
: "${PGPORT:?PGPORT must be set}"
CONN=(-h "$PGHOST" -p "$PGPORT" -U "${PGUSER:-postgres}")
DB=bjxm_clients_$$
ROLES="cl_app, cl_unit, cl_bigdata, cl_finance, cl_reviewer, cl_gov"
PY_UNIT=11520500PY0000001M
JAVA_UNIT=11520500JA0000001K
JARS=/usr/share/java/postgresql.jar:/usr/share/java/junixsocket-common.jar
OUT=$(mktemp -d "${TMP:-/tmp}/clients.XXXXXX")
FAILED=0

psql_() { # db, then psql args
  local db=$1; shift
  "$PGBIN/psql" -X -q "${CONN[@]}" -d "$db" "$@"
}
drop_all() {
  psql_ postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
  psql_ postgres -c "DROP ROLE IF EXISTS $ROLES" >/dev/null 2>&1
}
cleanup() { drop_all; rm -rf "$OUT"; }
trap cleanup EXIT
fail() { echo "MISMATCH: $*"; FAILED=1; }

# --- packages ---------------------------------------------------------------
bash tools/ensure-deps.sh build test java >"$OUT/apt.log" 2>&1 \
  || { tail -n 20 "$OUT/apt.log"; echo "MISMATCH: cannot install the client packages"; exit 1; }
# Debian's psycopg is for Debian's python3 (another python3 may come first on PATH).
PY=/usr/bin/python3

# --- fixture, as the superuser ------------------------------------------------
echo "== database $DB =="
drop_all
psql_ postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8'" \
  || { echo "MISMATCH: cannot create database $DB"; exit 1; }
psql_ "$DB" -v ON_ERROR_STOP=1 >"$OUT/setup.log" 2>&1 <<SQL || { cat "$OUT/setup.log"; echo "MISMATCH: setup failed"; exit 1; }
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
ALTER DATABASE $DB SET search_path = "\$user", public, bjxm;
-- The application's login: inherits nothing, acts only through SET ROLE.
CREATE ROLE cl_app LOGIN NOINHERIT;
CREATE ROLE cl_unit NOLOGIN;     GRANT bjxm_user_unit TO cl_unit;
CREATE ROLE cl_bigdata NOLOGIN;  GRANT bjxm_bigdata TO cl_bigdata;
CREATE ROLE cl_finance NOLOGIN;  GRANT bjxm_finance TO cl_finance;
CREATE ROLE cl_reviewer NOLOGIN; GRANT bjxm_reviewer TO cl_reviewer;
CREATE ROLE cl_gov NOLOGIN;      GRANT bjxm_city_gov TO cl_gov;
GRANT cl_unit, cl_bigdata, cl_finance, cl_reviewer, cl_gov TO cl_app;
-- 第三十五条: the city-wide jurisdiction is granted explicitly.
SELECT bjxm.set_jurisdiction('cl_bigdata', '520500'), bjxm.set_jurisdiction('cl_finance', '520500'),
       bjxm.set_jurisdiction('cl_gov', '520500');
SELECT bjxm.register_unit('$PY_UNIT', '毕节市教育局', 'admin_dept');
SELECT bjxm.register_unit('$JAVA_UNIT', '毕节市民政局', 'admin_dept');
SELECT bjxm.register_party('CL-R', '某工程咨询评审中心', 'reviewer', '91520500CLR000001N');
SELECT bjxm.grant_unit_member('cl_unit', '$PY_UNIT');
SELECT bjxm.grant_unit_member('cl_unit', '$JAVA_UNIT');
SELECT bjxm.grant_party_member('cl_reviewer', 'CL-R');
SQL

# What every app must print (its own name, then "<name>: ok" as its last line).
check_output() { # name, log
  local name=$1 log=$2 n
  grep -qE '^BJ011 第十一条第\(一\)项: 支出事项.*办公电脑' "$log" || fail "$name: no 'BJ011 第十一条第(一)项: …' line"
  grep -qE '^BJ031 第三十一条: 单位 .*不再安排后续项目资金' "$log" || fail "$name: no 'BJ031 第三十一条: …' line"
  n=$(grep -cE '^notification: \{"event_id": ?[0-9]+, ?"project_id": ?[0-9]+' "$log")
  [ "$n" -ge 14 ] || fail "$name: $n notifications printed, expected at least 14"
  for a in create_project declare preliminary_review record_review admit_to_library close_rectification \
           propose_for_plan approve_annual_plan arrange_budget; do
    grep -qE "^notification: .*\"action\": ?\"$a\"" "$log" || fail "$name: no notification for $a"
  done
  grep -qE "^events_since\([0-9]+\): $n events$" "$log" || fail "$name: events_since does not report the $n notified events"
  grep -qE '^project [0-9]+: 已安排预算$' "$log" || fail "$name: project not budgeted (已安排预算)"
  [ "$(tail -n 1 "$log")" = "$name: ok" ] || fail "$name: last line is not '$name: ok'"
}

# --- Python -------------------------------------------------------------------
echo "== python (psycopg $($PY -c 'import psycopg; print(psycopg.__version__)' 2>/dev/null)) =="
$PY "$ROOT/clients/python/bjxm_app.py" "host=$PGHOST port=$PGPORT dbname=$DB user=cl_app" "$PY_UNIT" \
  >"$OUT/python.log" 2>&1
rc=$?
cat "$OUT/python.log"
if [ $rc -eq 0 ]; then check_output python "$OUT/python.log"; else fail "python app exited with $rc"; fi

# --- Java ---------------------------------------------------------------------
echo "== java ($(javac -version 2>&1)) =="
mkdir -p "$OUT/classes"
if javac -encoding UTF-8 -cp "$JARS" -d "$OUT/classes" "$ROOT/clients/java/BjxmApp.java" >"$OUT/javac.log" 2>&1; then
  URL="jdbc:postgresql://localhost:$PGPORT/$DB?user=cl_app&sslmode=disable"
  URL+="&socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory\$FactoryArg&socketFactoryArg=$PGHOST/.s.PGSQL.$PGPORT"
  java -cp "$OUT/classes:$JARS" \
    BjxmApp "$URL" "$JAVA_UNIT" >"$OUT/java.log" 2>&1
  rc=$?
  cat "$OUT/java.log"
  if [ $rc -eq 0 ]; then check_output java "$OUT/java.log"; else fail "java app exited with $rc"; fi
else
  cat "$OUT/javac.log"; fail "javac failed"
fi

[ $FAILED -eq 0 ] || exit 1
echo "clients: ok"
