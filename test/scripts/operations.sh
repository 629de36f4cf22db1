#!/usr/bin/env bash
# Operations (docs/operations.md): DROP EXTENSION + CREATE EXTENSION, and a
# restore into a fresh cluster after pg_dumpall --roles-only.
#
# Part 1, in a new database on the running cluster: install bjxm, add data
# through the public functions, DROP EXTENSION bjxm.  It needs no CASCADE as
# long as nothing outside the extension depends on it; a user's view on a
# bjxm table makes it fail with 2BP01 and CASCADE drops that view too.  The
# drop destroys every row, the event log included, and leaves the (empty)
# schema bjxm and the cluster-wide duty roles with their memberships behind.
# CREATE EXTENSION again gives the same clean install as the first one (the
# duty roles are adopted, not recreated), and it works: ids start again at 1,
# and a person must be registered as a unit member again before acting.
#
# Part 2, the documented move to a new cluster: fill a source database
# (units, people whose role names need quoting, a project through a few
# gates, a jurisdiction, a changed setting), pg_dumpall --roles-only of the
# running cluster, pg_dump -Fc of the database, then a second throwaway
# cluster: psql -f roles.sql (only "role postgres already exists" may fail),
# createdb -T template0 -E UTF8, pg_restore --exit-on-error.  Then: the row
# count and md5 of every table and the state of every sequence match; the
# people still act (the unit member declares, the entrusted reviewer
# reviews, a bigdata member registers a unit); RLS still scopes the unit
# member and the county member; events continue from the last id; and
# bjxm.verify_events() finds no broken link, if that function exists.
# Last, the database's own setting (ALTER DATABASE ... SET search_path):
# createdb + pg_restore -d does not carry it (printed as a note), while
# pg_restore --create does (checked).
#
# Env: PGHOST (socket dir of the running cluster), PGPORT, TMP (readable by
# the postgres OS user: the second cluster lives under it).  Exit 1 on any
# failure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=$(pg_config --bindir)
: "${PGHOST:?PGHOST (socket directory) must be set}"
: "${PGPORT:?PGPORT must be set}"
TMP=${TMP:-/tmp}
mkdir -p "$TMP"
WORK=$(mktemp -d "$TMP/operations.XXXXXX")
chmod 0755 "$WORK"
C1=(-h "$PGHOST" -p "$PGPORT" -U postgres)
C2=()                                     # the second cluster, once started
CLUSTER2=$WORK/cluster2
DROPDB=ops_drop_$$
SRC=ops_src_$$
DST=ops_dst_$$
TODAY=2026-11-27
FAILED=0

# People of part 2: role names that need quoting (non-ASCII; space,
# capitals and a double quote).  As SQL identifiers:
UNIT_ROLE='"张三_教育局"'
BIGDATA_ROLE='"李四_大数据局"'
REVIEWER_ROLE='"王五 ""Reviewer"" 评审中心"'
COUNTY_ROLE='"赵六_大方县财政局"'
AUDITOR_ROLE='"孙七_审计局"'
# Part 1's people.
P1_BIGDATA='"ops_李_大数据"'
P1_UNIT='"ops_周_教育局"'
PEOPLE=("$UNIT_ROLE" "$BIGDATA_ROLE" "$REVIEWER_ROLE" "$COUNTY_ROLE" "$AUDITOR_ROLE" "$P1_BIGDATA" "$P1_UNIT")

# --- helpers -----------------------------------------------------------------
psql1() { # db, then psql args: the running cluster
  local db=$1; shift
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "${C1[@]}" -d "$db" "$@"
}
psql2() { # db, then psql args: the second cluster
  local db=$1; shift
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "${C2[@]}" -d "$db" "$@"
}
val1() { psql1 "$1" -A -t -c "$2"; }
val2() { psql2 "$1" -A -t -c "$2"; }
die() { echo "FAILED: $*" >&2; echo "operations: FAILED"; exit 1; }
fail() { echo "MISMATCH: $*"; FAILED=1; }
check_eq() { # what expected actual
  if [ "$2" == "$3" ]; then
    printf '  ok    %-58s %s\n' "$1" "$3"
  else
    fail "$1: expected '$2', got '$3'"
  fi
}
# The SQLSTATE of the first error of sql (00000 when none), output discarded.
sqlstate_of() { # psql-function db sql
  "$1" "$2" -v ON_ERROR_STOP=0 -A -t -c "$3" -c '\echo SQLSTATE=:LAST_ERROR_SQLSTATE' 2>/dev/null \
    | sed -n 's/^SQLSTATE=//p'
}

cleanup() {
  local rc=$?
  if [ ${#C2[@]} -gt 0 ] || [ -d "$CLUSTER2" ]; then
    bash "$ROOT/tools/cluster.sh" stop "$CLUSTER2" >/dev/null 2>&1 || true
  fi
  psql1 postgres -c "DROP DATABASE IF EXISTS $DROPDB" -c "DROP DATABASE IF EXISTS $SRC" >/dev/null 2>&1 || true
  # The people's roles are this script's own; the duty roles stay (shared).
  local r
  for r in "${PEOPLE[@]}"; do
    psql1 postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'echo "operations: interrupted" >&2; exit 130' INT TERM

# Table summaries: row count and md5 of the rows' text in order.
TABLES_SQL="SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'bjxm'::regnamespace
             AND c.relkind IN ('r', 'p') ORDER BY 1"
SEQS_SQL="SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'bjxm'::regnamespace
           AND c.relkind = 'S' ORDER BY 1"
summary_sql() { # table
  # (第三十五条: a jurisdiction is kept by role OID, which a new cluster
  # gives anew; it must be the OID of the row's role name there.)
  local row="t::text"
  [ "$1" == "jurisdictions" ] && row="(t.member, t.region, t.set_at, t.role_oid = to_regrole(quote_ident(t.member))::oid)::text"
  echo "SELECT count(*) || ' rows, md5 ' ||
               md5(coalesce(string_agg($row, E'\n' ORDER BY $row COLLATE \"C\"), ''))
          FROM bjxm.$1 t"
}
seq_sql() { # sequence
  echo "SELECT 'last_value ' || coalesce(last_value::text, 'NULL') FROM pg_sequences
         WHERE schemaname = 'bjxm' AND sequencename = '$1'"
}
# Everything CREATE EXTENSION installs, as one line per table, sequence and
# object kind: to compare a reinstall with the first install.
fingerprint1() { # db
  local db=$1 t s
  echo "version $(val1 "$db" "SELECT extversion FROM pg_extension WHERE extname = 'bjxm'")"
  for t in $(val1 "$db" "$TABLES_SQL"); do echo "table $t: $(val1 "$db" "$(summary_sql "$t")")"; done
  for s in $(val1 "$db" "$SEQS_SQL"); do echo "sequence $s: $(val1 "$db" "$(seq_sql "$s")")"; done
  val1 "$db" "SELECT 'objects: ' || (SELECT count(*) FROM pg_class WHERE relnamespace = 'bjxm'::regnamespace)
                     || ' relations, ' || (SELECT count(*) FROM pg_proc WHERE pronamespace = 'bjxm'::regnamespace)
                     || ' functions, ' || (SELECT count(*) FROM pg_type WHERE typnamespace = 'bjxm'::regnamespace)
                     || ' types, ' || (SELECT count(*) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                                        WHERE c.relnamespace = 'bjxm'::regnamespace) || ' policies'"
  # Privileges of the duty roles on every relation and function.
  val1 "$db" "SELECT 'acl md5 ' || md5(string_agg(x, ',' ORDER BY x)) FROM (
                SELECT c.relname || coalesce(c.relacl::text, '') AS x FROM pg_class c
                 WHERE c.relnamespace = 'bjxm'::regnamespace
                UNION ALL
                SELECT p.oid::regprocedure::text || coalesce(p.proacl::text, '') FROM pg_proc p
                 WHERE p.pronamespace = 'bjxm'::regnamespace) a"
}

# bjxm.verify_events() is being added concurrently: checked if it exists.
# With the columns (checked, first_broken, detail): one row, every event
# checked, first_broken NULL.  Otherwise read generically: true (boolean),
# or no row whose boolean columns are false or whose *broken* columns are set.
verify_events() { # val-function db label [role]
  local v=$1 d=$2 label=$3 role=${4:-} pre="" n cols vtype bad
  [ -n "$role" ] && pre="SET ROLE $role; "
  if [ "$($v "$d" "SELECT count(*) FROM pg_proc WHERE pronamespace = 'bjxm'::regnamespace
                     AND proname = 'verify_events'")" -eq 0 ]; then
    echo "  skip  bjxm.verify_events() does not exist (yet): $label"
    return 0
  fi
  n=$($v "$d" "SELECT count(*) FROM bjxm.events")
  cols=$($v "$d" "SELECT coalesce(array_to_string(proargnames, ','), '') FROM pg_proc
                   WHERE pronamespace = 'bjxm'::regnamespace AND proname = 'verify_events'
                   ORDER BY pronargs LIMIT 1")
  vtype=$($v "$d" "SELECT CASE WHEN proretset THEN 'set' ELSE format_type(prorettype, NULL) END
                    FROM pg_proc WHERE pronamespace = 'bjxm'::regnamespace AND proname = 'verify_events'
                    ORDER BY pronargs LIMIT 1")
  if [[ ",$cols," == *,checked,* && ",$cols," == *,first_broken,* ]]; then
    check_eq "bjxm.verify_events(), $label" "checked $n, first_broken none" \
      "$($v "$d" "${pre}SELECT string_agg('checked ' || checked || ', first_broken '
                                         || coalesce(first_broken::text || ' (' || detail || ')', 'none'), '; ')
                   FROM bjxm.verify_events()")"
  elif [ "$vtype" = boolean ]; then
    check_eq "bjxm.verify_events(), $label" "t" "$($v "$d" "${pre}SELECT bjxm.verify_events()")"
  elif [ "$vtype" = set ] || [ "$vtype" = record ]; then
    bad=$($v "$d" "${pre}SELECT count(*) FROM bjxm.verify_events() v
                    WHERE EXISTS (SELECT 1 FROM jsonb_each(to_jsonb(v)) e
                                   WHERE (e.key !~ 'broken' AND e.value = 'false'::jsonb)
                                      OR (e.key ~ 'broken' AND e.value NOT IN ('false', 'null', '0', '[]')))")
    check_eq "bjxm.verify_events(), $label: no broken link" "0" "$bad"
  else
    echo "  note  bjxm.verify_events() returns $vtype: printed, not judged ($label)"
    $v "$d" "${pre}SELECT bjxm.verify_events()::text" || fail "bjxm.verify_events() failed: $label"
  fi
}
echo "== part 1: DROP EXTENSION, CREATE EXTENSION ($DROPDB) =="
psql1 postgres -c "CREATE DATABASE $DROPDB TEMPLATE template0 ENCODING 'UTF8'"
psql1 "$DROPDB" >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
ALTER DATABASE $DROPDB SET search_path = "\$user", public, bjxm;
DO \$\$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['ops_李_大数据', 'ops_周_教育局'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END \$\$;
GRANT bjxm_bigdata TO $P1_BIGDATA;
GRANT bjxm_user_unit TO $P1_UNIT;
SQL
duty_roles_before=$(val1 "$DROPDB" "SELECT string_agg(rolname || ':' || oid, ',' ORDER BY rolname) FROM pg_roles
                                     WHERE rolname LIKE 'bjxm\_%'")
fingerprint1 "$DROPDB" >"$WORK/install1.txt"

psql1 "$DROPDB" >/dev/null <<SQL
SET client_min_messages = warning;
SET bjxm.today = '$TODAY';
-- 第三十五条: the city-wide jurisdiction is granted explicitly.
SELECT bjxm.set_jurisdiction('$P1_BIGDATA', '520500');
SET ROLE $P1_BIGDATA;
SELECT bjxm.register_unit('11520502MX00000030', '运维测试单位 (ops unit)', 'admin_dept', '520502');
SELECT bjxm.grant_unit_member('$P1_UNIT', '11520502MX00000030');
SELECT bjxm.set_setting('rectification_days', '40');
SET ROLE $P1_UNIT;
SELECT bjxm.create_project('11520502MX00000030', '运维测试项目 (ops project)', 'business_system',
                           '{development}', 2027, 300000);
SELECT bjxm.set_demand_plan(1, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "30万元",
  "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
SELECT bjxm.declare(1);
RESET ROLE;
SQL
check_eq "data before the drop: units, projects, some events" "1 1 declared, events t" \
  "$(val1 "$DROPDB" "SELECT (SELECT count(*) FROM bjxm.units) || ' ' || (SELECT count(*) FROM bjxm.projects) || ' '
                            || (SELECT string_agg(state::text, ',') FROM bjxm.projects) || ', events '
                            || (SELECT (count(*) >= 4)::text::char FROM bjxm.events)")"

# Something outside the extension that depends on it blocks a plain DROP.
psql1 "$DROPDB" -c "CREATE VIEW public.ops_my_projects AS SELECT project_id, name FROM bjxm.projects" >/dev/null
check_eq "DROP EXTENSION with a user's view on bjxm.projects" "2BP01" \
  "$(sqlstate_of psql1 "$DROPDB" "DROP EXTENSION bjxm")"
check_eq "... the extension and its data are still there" "1 projects" \
  "$(val1 "$DROPDB" "SELECT count(*) || ' projects' FROM bjxm.projects")"
# CASCADE drops the dependent view; then CREATE EXTENSION, to test the plain
# DROP on an install without dependents.
psql1 "$DROPDB" -c "SET client_min_messages = warning" -c "DROP EXTENSION bjxm CASCADE" >/dev/null
check_eq "DROP EXTENSION bjxm CASCADE drops the user's view too" "extension 0, view 0" \
  "$(val1 "$DROPDB" "SELECT 'extension ' || (SELECT count(*) FROM pg_extension WHERE extname = 'bjxm')
                            || ', view ' || (SELECT count(*) FROM pg_class WHERE relname = 'ops_my_projects')")"
psql1 "$DROPDB" -c "SET client_min_messages = warning" -c "CREATE EXTENSION bjxm" >/dev/null
psql1 "$DROPDB" >/dev/null <<SQL
SET client_min_messages = warning;
SET bjxm.today = '$TODAY';
-- (the jurisdiction went with the extension's tables, like the membership)
SELECT bjxm.set_jurisdiction('$P1_BIGDATA', '520500');
SET ROLE $P1_BIGDATA;
SELECT bjxm.register_unit('11520502MX00000030', '运维测试单位 (ops unit)', 'admin_dept', '520502');
SELECT bjxm.grant_unit_member('$P1_UNIT', '11520502MX00000030');
SET ROLE $P1_UNIT;
SELECT bjxm.create_project('11520502MX00000030', '运维测试项目 (ops project)', 'business_system',
                           '{development}', 2027, 300000);
RESET ROLE;
SQL
check_eq "DROP EXTENSION bjxm, no dependents: no CASCADE needed" "00000" \
  "$(sqlstate_of psql1 "$DROPDB" "DROP EXTENSION bjxm")"
check_eq "after the drop: no extension, schema bjxm left empty" "extension 0, schema 1, objects 0" \
  "$(val1 "$DROPDB" "SELECT 'extension ' || (SELECT count(*) FROM pg_extension WHERE extname = 'bjxm')
                            || ', schema ' || (SELECT count(*) FROM pg_namespace WHERE nspname = 'bjxm')
                            || ', objects ' || ((SELECT count(*) FROM pg_class WHERE relnamespace = 'bjxm'::regnamespace)
                                               + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'bjxm'::regnamespace)
                                               + (SELECT count(*) FROM pg_type WHERE typnamespace = 'bjxm'::regnamespace))")"
check_eq "the duty roles stay (same oids)" "$duty_roles_before" \
  "$(val1 "$DROPDB" "SELECT string_agg(rolname || ':' || oid, ',' ORDER BY rolname) FROM pg_roles
                      WHERE rolname LIKE 'bjxm\_%'")"
check_eq "the people keep their duty roles" "true true" \
  "$(val1 "$DROPDB" "SELECT pg_has_role('ops_李_大数据', 'bjxm_bigdata', 'MEMBER') || ' '
                            || pg_has_role('ops_周_教育局', 'bjxm_user_unit', 'MEMBER')")"

psql1 "$DROPDB" -c "SET client_min_messages = warning" -c "CREATE EXTENSION bjxm" >/dev/null
check_eq "CREATE EXTENSION again adopts the duty roles (same oids)" "$duty_roles_before" \
  "$(val1 "$DROPDB" "SELECT string_agg(rolname || ':' || oid, ',' ORDER BY rolname) FROM pg_roles
                      WHERE rolname LIKE 'bjxm\_%'")"
fingerprint1 "$DROPDB" >"$WORK/install2.txt"
if diff -u "$WORK/install1.txt" "$WORK/install2.txt" >"$WORK/install.diff"; then
  check_eq "the reinstall equals the first install (rows, objects, grants)" \
    "$(wc -l <"$WORK/install1.txt") lines" "$(wc -l <"$WORK/install2.txt") lines"
else
  cat "$WORK/install.diff"
  fail "the reinstall differs from the first install (another engineer reinstalling? rerun)"
fi
check_eq "no data survives: units, members, projects, events, changed settings" "0 0 0 0 0" \
  "$(val1 "$DROPDB" "SELECT (SELECT count(*) FROM bjxm.units) || ' ' || (SELECT count(*) FROM bjxm.unit_members) || ' '
                            || (SELECT count(*) FROM bjxm.projects) || ' ' || (SELECT count(*) FROM bjxm.events) || ' '
                            || (SELECT count(*) FROM bjxm.settings WHERE revision > 0)")"
check_eq "the former unit member is no member any more (42501)" "42501" \
  "$(sqlstate_of psql1 "$DROPDB" "SET bjxm.today = '$TODAY'; SET ROLE $P1_UNIT;
      SELECT bjxm.create_project('11520502MX00000030', 'x', 'business_system', '{development}', 2027, 1)")"
psql1 "$DROPDB" >/dev/null <<SQL
SET client_min_messages = warning;
SET bjxm.today = '$TODAY';
-- (the jurisdiction went with the extension's tables, like the membership)
SELECT bjxm.set_jurisdiction('$P1_BIGDATA', '520500');
SET ROLE $P1_BIGDATA;
SELECT bjxm.register_unit('11520502MX00000030', '运维测试单位 (ops unit)', 'admin_dept', '520502');
SELECT bjxm.grant_unit_member('$P1_UNIT', '11520502MX00000030');
SET ROLE $P1_UNIT;
SELECT bjxm.create_project('11520502MX00000030', '重装后项目 (project after reinstall)', 'business_system',
                           '{development}', 2027, 300000);
SELECT bjxm.set_demand_plan(1, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "30万元",
  "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
SELECT bjxm.declare(1);
RESET ROLE;
SQL
check_eq "after the reinstall: ids start at 1, the project is declared" "unit 1, project 1 declared" \
  "$(val1 "$DROPDB" "SELECT 'unit ' || u.unit_id || ', project ' || p.project_id || ' ' || p.state
                      FROM bjxm.projects p JOIN bjxm.units u USING (unit_id)")"
n=$(val1 "$DROPDB" "SELECT count(*) FROM bjxm.events")
check_eq "the event log starts again at 1, chain head follows" "1..$n, head $n, last declare by ops_周_教育局" \
  "$(val1 "$DROPDB" "SELECT min(event_id) || '..' || max(event_id) || ', head '
                            || (SELECT max(last_event_id) FROM bjxm.event_lanes WHERE last_seq > 0) || ', last '
                            || (SELECT action || ' by ' || actor FROM bjxm.events ORDER BY event_id DESC LIMIT 1)
                      FROM bjxm.events")"
verify_events val1 "$DROPDB" "after the reinstall"
check_eq "RLS scopes the unit member after the reinstall" "11520502MX00000030" \
  "$(val1 "$DROPDB" "SET ROLE $P1_UNIT; SELECT string_agg(code::text, ',') FROM bjxm.units")"
check_eq "the database's search_path setting survives the drop" "search_path=\"\$user\", public, bjxm" \
  "$(val1 "$DROPDB" "SELECT array_to_string(setconfig, ';') FROM pg_db_role_setting
                      WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND setrole = 0")"
psql1 postgres -c "DROP DATABASE $DROPDB" >/dev/null

# --- part 2 ------------------------------------------------------------------
echo "== part 2: source database $SRC on the running cluster =="
psql1 postgres -c "CREATE DATABASE $SRC TEMPLATE template0 ENCODING 'UTF8'"
psql1 "$SRC" >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
ALTER DATABASE $SRC SET search_path = "\$user", public, bjxm;
DO \$\$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['张三_教育局', '李四_大数据局', '王五 "Reviewer" 评审中心', '赵六_大方县财政局', '孙七_审计局'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END \$\$;
GRANT bjxm_user_unit TO $UNIT_ROLE;
GRANT bjxm_bigdata TO $BIGDATA_ROLE;
GRANT bjxm_reviewer TO $REVIEWER_ROLE;
GRANT bjxm_finance TO $COUNTY_ROLE;
GRANT bjxm_auditor TO $AUDITOR_ROLE;
-- 第三十五条: the city-wide jurisdiction is granted explicitly.
SELECT bjxm.set_jurisdiction('$BIGDATA_ROLE', '520500'), bjxm.set_jurisdiction('$AUDITOR_ROLE', '520500');

SET bjxm.today = '$TODAY';
SET ROLE $BIGDATA_ROLE;
SELECT bjxm.register_unit('11520500MX0000001W', '毕节市教育局 (ops unit A)', 'admin_dept');
SELECT bjxm.register_unit('11520521MX0000002D', '大方县某单位 (ops unit B)', 'institution', '520521');
SELECT bjxm.register_party('PS-01', '毕节市评审中心 (ops reviewer)', 'reviewer', '12520500PT00000093');
-- regrole arguments: the role name written as an identifier.
SELECT bjxm.grant_unit_member('$UNIT_ROLE', '11520500MX0000001W');
SELECT bjxm.grant_party_member('$REVIEWER_ROLE', 'PS-01');
SELECT bjxm.set_jurisdiction('$COUNTY_ROLE', '520521');
SELECT bjxm.set_setting('rectification_days', '45');

-- P1 through declaration, preliminary review and entrustment (shortlisted);
-- P2 a draft with its demand plan, for the unit member to declare later.
SET ROLE $UNIT_ROLE;
SELECT bjxm.create_project('11520500MX0000001W', '智慧校园平台 (ops project 1)', 'business_system',
                           '{development}', 2027, 800000);
SELECT bjxm.create_project('11520500MX0000001W', '教育数据中台 (ops project 2)', 'business_system',
                           '{development}', 2027, 500000);
SELECT bjxm.set_demand_plan(p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "80万元",
  "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}') FROM unnest(ARRAY[1, 2]::bigint[]) p;
SELECT bjxm.declare(1);
SET ROLE $BIGDATA_ROLE;
SELECT bjxm.preliminary_review(1, true, '符合规划');
SELECT bjxm.entrust_review(1, 'PS-01');
RESET ROLE;
SQL

check_eq "source: projects" "1 shortlisted,2 draft" \
  "$(val1 "$SRC" "SELECT string_agg(project_id || ' ' || state, ',' ORDER BY project_id) FROM bjxm.projects")"
check_eq "source: members by name, jurisdiction, changed setting" \
  '张三_教育局 / 王五 "Reviewer" 评审中心 / 孙七_审计局 520500,李四_大数据局 520500,赵六_大方县财政局 520521 / rectification_days=45' \
  "$(val1 "$SRC" "SELECT (SELECT string_agg(member, ',') FROM bjxm.unit_members) || ' / '
                          || (SELECT string_agg(member, ',') FROM bjxm.party_members) || ' / '
                          || (SELECT string_agg(member || ' ' || region, ',' ORDER BY member COLLATE \"C\") FROM bjxm.jurisdictions) || ' / '
                          || (SELECT string_agg(key || '=' || value, ',') FROM bjxm.settings WHERE revision > 0)")"

TABLES=$(val1 "$SRC" "$TABLES_SQL")
SEQUENCES=$(val1 "$SRC" "$SEQS_SQL")
for t in $TABLES; do val1 "$SRC" "$(summary_sql "$t")" >"$WORK/src.$t"; done
for s in $SEQUENCES; do val1 "$SRC" "$(seq_sql "$s")" >"$WORK/src.$s"; done
src_event=$(val1 "$SRC" "SELECT max(event_id) FROM bjxm.events")
src_unit=$(val1 "$SRC" "SELECT max(unit_id) FROM bjxm.units")

echo "== pg_dumpall --roles-only, pg_dump -Fc =="
"$PGBIN/pg_dumpall" "${C1[@]}" --roles-only -f "$WORK/roles.sql"
"$PGBIN/pg_dump" "${C1[@]}" -Fc -f "$WORK/db.dump" "$SRC"
check_eq "roles.sql grants the quoted people their duty roles" "5" \
  "$(grep -c -F -e "GRANT bjxm_user_unit TO $UNIT_ROLE " -e "GRANT bjxm_bigdata TO $BIGDATA_ROLE " \
       -e "GRANT bjxm_reviewer TO $REVIEWER_ROLE " -e "GRANT bjxm_finance TO $COUNTY_ROLE " \
       -e "GRANT bjxm_auditor TO $AUDITOR_ROLE " "$WORK/roles.sql")"

echo "== a second cluster =="
port2=$(bash "$ROOT/tools/cluster.sh" start "$CLUSTER2") || die "cannot start the second cluster in $CLUSTER2"
C2=(-h "$CLUSTER2" -p "$port2" -U postgres)
echo "  started on port $port2 in $CLUSTER2"

# The roles.  The new cluster's bootstrap superuser already exists, so
# CREATE ROLE postgres fails; every other statement must succeed.
"$PGBIN/psql" -X -q "${C2[@]}" -d postgres -f "$WORK/roles.sql" >"$WORK/roles.out" 2>"$WORK/roles.err" \
  || die "psql -f roles.sql: $(cat "$WORK/roles.err")"
if grep -v -E 'ERROR:  role "postgres" already exists' "$WORK/roles.err" | grep -q .; then
  cat "$WORK/roles.err"
  die "psql -f roles.sql printed other errors than 'role \"postgres\" already exists'"
fi
check_eq "psql -f roles.sql: only CREATE ROLE postgres fails" "1" \
  "$(grep -c 'ERROR' "$WORK/roles.err" || true)"
check_eq "duty roles in the new cluster: NOLOGIN NOINHERIT, no superuser/bypassrls" \
  "bjxm_auditor,bjxm_bigdata,bjxm_city_gov,bjxm_finance,bjxm_reviewer,bjxm_user_unit" \
  "$(val2 postgres "SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles
                     WHERE rolname LIKE 'bjxm\_%' AND NOT rolcanlogin AND NOT rolinherit
                       AND NOT rolsuper AND NOT rolbypassrls")"

echo "== createdb, pg_restore (docs/operations.md) =="
"$PGBIN/createdb" "${C2[@]}" -T template0 -E UTF8 "$DST"
if ! "$PGBIN/pg_restore" "${C2[@]}" --exit-on-error -d "$DST" "$WORK/db.dump" 2>"$WORK/restore.err"; then
  cat "$WORK/restore.err"
  die "pg_restore into the new cluster failed"
fi
if [ -s "$WORK/restore.err" ]; then
  cat "$WORK/restore.err"
  fail "pg_restore printed errors or warnings"
else
  printf '  ok    %-58s\n' "pg_restore: no errors or warnings"
fi

echo "== tables and sequences: source vs the new cluster =="
DST_TABLES=$(val2 "$DST" "$TABLES_SQL")
check_eq "the same tables" "$(echo $TABLES)" "$(echo $DST_TABLES)"
for t in $TABLES; do
  check_eq "bjxm.$t" "$(cat "$WORK/src.$t")" "$(val2 "$DST" "$(summary_sql "$t")")"
done
for s in $SEQUENCES; do
  check_eq "bjxm.$s" "$(cat "$WORK/src.$s")" "$(val2 "$DST" "$(seq_sql "$s")")"
done

echo "== the people act in the new cluster =="
check_eq "the people hold their duty roles" "true true true true true" \
  "$(val2 "$DST" "SELECT pg_has_role('张三_教育局', 'bjxm_user_unit', 'MEMBER') || ' '
                         || pg_has_role('李四_大数据局', 'bjxm_bigdata', 'MEMBER') || ' '
                         || pg_has_role('王五 \"Reviewer\" 评审中心', 'bjxm_reviewer', 'MEMBER') || ' '
                         || pg_has_role('赵六_大方县财政局', 'bjxm_finance', 'MEMBER') || ' '
                         || pg_has_role('孙七_审计局', 'bjxm_auditor', 'MEMBER')")"
check_eq "RLS: the unit member sees only its unit" "11520500MX0000001W" \
  "$(val2 "$DST" "SET ROLE $UNIT_ROLE; SELECT string_agg(code::text, ',' ORDER BY code) FROM bjxm.units")"
check_eq "RLS: the unit member sees its projects" "1,2" \
  "$(val2 "$DST" "SET ROLE $UNIT_ROLE; SELECT string_agg(project_id::text, ',' ORDER BY project_id) FROM bjxm.projects")"
check_eq "RLS: the county member sees only its county" "11520521MX0000002D" \
  "$(val2 "$DST" "SET ROLE $COUNTY_ROLE; SELECT string_agg(code::text, ',' ORDER BY code) FROM bjxm.units")"
check_eq "the auditor reads everything" "2 units, $src_event events" \
  "$(val2 "$DST" "SET ROLE $AUDITOR_ROLE; SELECT (SELECT count(*) FROM bjxm.units) || ' units, '
                                               || (SELECT count(*) FROM bjxm.events) || ' events'")"
check_eq "the unit member cannot act for unit B (42501)" "42501" \
  "$(sqlstate_of psql2 "$DST" "SET bjxm.today = '$TODAY'; SET ROLE $UNIT_ROLE;
      SELECT bjxm.create_project('11520521MX0000002D', 'x', 'business_system', '{development}', 2027, 1)")"

psql2 "$DST" -c "SET bjxm.today = '$TODAY'" -c "SET ROLE $UNIT_ROLE" -c "SELECT bjxm.declare(2)" >/dev/null \
  || die "the unit member cannot declare project 2 in the new cluster"
check_eq "the unit member declares project 2" "declared" \
  "$(val2 "$DST" "SELECT state FROM bjxm.projects WHERE project_id = 2")"
check_eq "its event follows the last one" "$((src_event + 1)) declare 2 draft->declared by 张三_教育局" \
  "$(val2 "$DST" "SELECT event_id || ' ' || action || ' ' || project_id || ' ' || from_state || '->' || to_state
                         || ' by ' || actor FROM bjxm.events ORDER BY event_id DESC LIMIT 1")"
check_eq "the rulebook keeps the settings revision" \
  "$(val1 "$SRC" "SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1")" \
  "$(val2 "$DST" "SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1")"

psql2 "$DST" -c "SET bjxm.today = '$TODAY'" -c "SET ROLE $REVIEWER_ROLE" \
  -c "SELECT bjxm.record_review(1, true, 'XQ-ops-1')" >/dev/null \
  || die "the entrusted reviewer cannot record its review in the new cluster"
check_eq "the entrusted reviewer reviews project 1" "reviewed" \
  "$(val2 "$DST" "SELECT state FROM bjxm.projects WHERE project_id = 1")"

new_unit=$(val2 "$DST" "SET bjxm.today = '$TODAY'; SET ROLE $BIGDATA_ROLE;
                        SELECT bjxm.register_unit('11520500MX00000059', '恢复后新单位 (unit after restore)', 'admin_dept')") \
  || die "the bigdata member cannot register a unit in the new cluster"
check_eq "the bigdata member registers a unit: the next id" "$((src_unit + 1))" "$new_unit"
check_eq "events continue: ids gapless from the source's last, chain head" \
  "$((src_event + 3)) events, max $((src_event + 3)), head $((src_event + 3))" \
  "$(val2 "$DST" "SELECT count(*) || ' events, max ' || max(event_id) || ', head '
                         || (SELECT max(last_event_id) FROM bjxm.event_lanes WHERE last_seq > 0) FROM bjxm.events")"
check_eq "the last events: declare, record_review, register_unit" \
  "declare 张三_教育局,record_review 王五 \"Reviewer\" 评审中心,register_unit 李四_大数据局" \
  "$(val2 "$DST" "SELECT string_agg(action || ' ' || actor, ',' ORDER BY event_id) FROM bjxm.events
                   WHERE event_id > $src_event")"
check_eq "the changed setting is kept" "rectification_days=45 r1" \
  "$(val2 "$DST" "SELECT string_agg(key || '=' || value || ' r' || revision, ',') FROM bjxm.settings WHERE revision > 0")"
check_eq "the event log is still append-only" "refused" \
  "$(val2 "$DST" "DO \$\$ BEGIN DELETE FROM bjxm.events; RAISE NOTICE 'deleted'; EXCEPTION WHEN OTHERS THEN NULL; END \$\$;
                   SELECT CASE WHEN count(*) = $src_event + 3 THEN 'refused' ELSE 'deleted' END FROM bjxm.events")"

verify_events val1 "$SRC" "source database"
verify_events val2 "$DST" "restored, after 3 new events (as the auditor)" "$AUDITOR_ROLE"

# The database's own settings (ALTER DATABASE ... SET search_path, from
# docs/operations.md "Install") are not in the archive's data part:
# createdb + pg_restore -d does not restore them; pg_restore --create does.
dbsetting() { # val-function db
  "$1" "$2" "SELECT coalesce(array_to_string(setconfig, ';'), 'none') FROM pg_database d
              LEFT JOIN pg_db_role_setting s ON s.setdatabase = d.oid AND s.setrole = 0
              WHERE d.datname = current_database()"
}
echo "== the database's search_path setting =="
src_setting=$(dbsetting val1 "$SRC")
dst_setting=$(dbsetting val2 "$DST")
if [ "$dst_setting" = "$src_setting" ]; then
  printf '  ok    %-58s %s\n' "createdb + pg_restore -d keeps the database setting" "$dst_setting"
else
  printf '  note  %-58s %s\n' "createdb + pg_restore -d: database setting not restored" "$dst_setting (source: $src_setting)"
  echo "        (run ALTER DATABASE ... SET search_path again, or restore with pg_restore --create)"
fi
"$PGBIN/pg_restore" "${C2[@]}" --exit-on-error --create -d postgres "$WORK/db.dump" 2>"$WORK/restore2.err" \
  || { cat "$WORK/restore2.err"; die "pg_restore --create into the new cluster failed"; }
check_eq "pg_restore --create keeps it" "$src_setting" "$(dbsetting val2 "$SRC")"
check_eq "pg_restore --create: the same events" "$(cat "$WORK/src.events")" "$(val2 "$SRC" "$(summary_sql events)")"

if [ "$FAILED" -ne 0 ]; then
  echo "operations: FAILED"
  exit 1
fi
echo "operations: DROP/CREATE EXTENSION gives a clean working install; the documented move to a new cluster keeps every row, and the people act"
