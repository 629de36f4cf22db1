#!/usr/bin/env bash
# Every refusal is also written to the server log as one structured LOG line
# (docs/reference.md §0 Messages): `bjxm refusal: {"actor", "action", "project",
# "sqlstate", "clause"}` (src/errors.c, bjxm_refuse), since the refused
# transaction's own rows roll back.
#
# In a new database on the running cluster: install bjxm, register a unit
# and a user-unit member role, then, as that role (SET ROLE, as apps do):
#   - declare a project whose demand plan is missing        → BJ005, 第五条第(三)项
#   - declare a project for the year after next             → BJ006, 第六条
#   - preliminary_review, a bigdata duty, as the user unit  → 42501, 第六条
# Check that psql got each SQLSTATE, then find, among the lines the server
# logged for this database since the script started, exactly one refusal
# line per case, parse its JSON (python3; else jq; else grep) and compare
# actor, action, project id, sqlstate and clause.  Drop the database at the
# end.  Exit 1 on any mismatch.
#
# Env: PGHOST (socket dir), PGPORT, CLUSTER (server log at
# $CLUSTER/server.log, readable by the caller).
set -uo pipefail

PGBIN=$(pg_config --bindir)
: "${PGHOST:?PGHOST (socket directory) must be set}"
: "${PGPORT:?PGPORT must be set}"
: "${CLUSTER:?CLUSTER (cluster directory with server.log) must be set}"
LOG=$CLUSTER/server.log
CONN=(-h "$PGHOST" -p "$PGPORT" -U postgres)
DB=bjxm_refusal_$$
ACTOR=rl_refusal_unit
UNIT=11520500LC00000172
FAILED=0

psql_() { # db, then psql args
  local db=$1; shift
  "$PGBIN/psql" -X -q "${CONN[@]}" -d "$db" "$@"
}
cleanup() {
  psql_ postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() { echo "MISMATCH: $*"; FAILED=1; }

[ -r "$LOG" ] || { echo "MISMATCH: server log $LOG not readable"; exit 1; }
# Only lines written from now on are considered.
OFFSET=$(stat -c %s "$LOG")

echo "== database $DB =="
psql_ postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8'" \
  || { echo "MISMATCH: cannot create database $DB"; exit 1; }

# Setup as superuser; prints the two project ids.
IDS=$(psql_ "$DB" -v ON_ERROR_STOP=1 -A -t <<SQL
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
DO \$\$
BEGIN
  CREATE ROLE $ACTOR NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END \$\$;
GRANT bjxm_user_unit TO $ACTOR;
SET bjxm.today = '2026-11-27';
SELECT bjxm.register_unit('$UNIT', '毕节市教育局', 'admin_dept') > 0 AS ok \gset
SELECT bjxm.grant_unit_member('$ACTOR', '$UNIT') \gset
SET ROLE $ACTOR;
-- p1: no demand plan (BJ005).  p2: complete plan, but for 2028 (BJ006).
SELECT bjxm.create_project('$UNIT', '缺需求方案项目', 'business_system', '{development}', 2027, 500000) AS p1 \gset
SELECT bjxm.create_project('$UNIT', '后年项目', 'other', '{operation}', 2028, 50000) AS p2 \gset
SELECT bjxm.set_demand_plan(:p2, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "5万元", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}') \gset
SELECT :p1 || ' ' || :p2;
SQL
) || { echo "MISMATCH: setup failed"; exit 1; }
read -r P1 P2 <<<"$IDS"
[[ "$P1" =~ ^[0-9]+$ && "$P2" =~ ^[0-9]+$ ]] || { echo "MISMATCH: setup gave project ids '$IDS'"; exit 1; }
echo "  projects $P1 (no demand plan), $P2 (plan year 2028)"

# The refusals, as the user-unit role; psql reports each SQLSTATE.
OUT=$(psql_ "$DB" -v ON_ERROR_STOP=0 -A -t 2>/dev/null <<SQL
SET bjxm.today = '2026-11-27';
SET ROLE $ACTOR;
SELECT bjxm.declare($P1);
\echo RESULT declare $P1 :SQLSTATE
SELECT bjxm.declare($P2);
\echo RESULT declare $P2 :SQLSTATE
SELECT bjxm.preliminary_review($P1, true);
\echo RESULT preliminary_review $P1 :SQLSTATE
SELECT bjxm.register_unit('91520500MA6DJ1234E', '越权登记', 'soe');
\echo RESULT register_unit null :SQLSTATE
SQL
)

# action project sqlstate clause, one case a line
EXPECTED="declare $P1 BJ005 第五条第(三)项
declare $P2 BJ006 第六条
preliminary_review $P1 42501 第六条"

echo "== SQLSTATEs seen by psql =="
while read -r action project sqlstate clause; do
  got=$(grep -E "^RESULT $action $project " <<<"$OUT" | awk '{print $4}')
  if [ "$got" == "$sqlstate" ]; then
    printf '  ok    %-32s %s\n' "$action($project)" "$got"
  else
    fail "$action($project): psql got SQLSTATE '${got:-none}', expected $sqlstate"
  fi
done <<<"$EXPECTED"

# The refusal lines this database's sessions logged since OFFSET
# (log_line_prefix '%m [%p] %q%u@%d ': the database name is on the line).
NEW=$(tail -c +$((OFFSET + 1)) "$LOG" | grep -F "@$DB " | grep -F 'bjxm refusal: ' || true)
echo "== refusal lines logged for $DB =="
if [ -n "$NEW" ]; then sed 's/^/  /' <<<"$NEW"; else echo "  (none)"; fi

echo "== structured refusal lines =="
if [ -n "${REFUSAL_LOG_PARSER:-}" ]; then
  PARSER=$REFUSAL_LOG_PARSER   # python3 | jq | grep, to exercise a fallback
elif command -v python3 >/dev/null 2>&1 && python3 -c 'import json' >/dev/null 2>&1; then
  PARSER=python3
elif command -v jq >/dev/null 2>&1; then
  PARSER=jq
else
  PARSER=grep
fi
echo "  parser: $PARSER"

check_python3() { # the expected cases on stdin as lines; log lines in $NEW
  # (python3 reads its program from the here-document, so the cases go by env)
  CASES=$(cat) LOGLINES=$NEW python3 - "$ACTOR" <<'PY'
import json, os, sys
actor = sys.argv[1]
records, bad = [], 0
for line in os.environ["LOGLINES"].splitlines():
    if "bjxm refusal: " not in line:
        continue
    text = line.split("bjxm refusal: ", 1)[1]
    try:
        records.append(json.loads(text))
    except ValueError as e:
        print(f"MISMATCH: refusal line is not JSON ({e}): {text}")
        bad = 1
expected = [l.split() for l in os.environ["CASES"].splitlines() if l.strip()]
if not expected:
    print("MISMATCH: no expected cases given to the checker")
    sys.exit(1)
for action, project, sqlstate, clause in expected:
    want = {"actor": actor, "action": action, "project": int(project), "sqlstate": sqlstate, "clause": clause}
    mine = [r for r in records if isinstance(r, dict) and r.get("project") == int(project)
            and r.get("sqlstate") == sqlstate]
    if len(mine) != 1:
        print(f"MISMATCH: {action}({project}) {sqlstate}: expected exactly one refusal line, found {len(mine)}")
        bad = 1
        continue
    r = mine[0]
    wrong = [f"{k} = {r.get(k)!r}, expected {v!r}" for k, v in want.items() if r.get(k) != v]
    if wrong:
        print(f"MISMATCH: {action}({project}) {sqlstate}: " + "; ".join(wrong))
        bad = 1
    else:
        print(f"  ok    {action}({project}) {sqlstate} {clause} by {actor}")
sys.exit(bad)
PY
}

check_jq() {
  local bad=0 action project sqlstate clause n ok
  while read -r action project sqlstate clause; do
    n=$(sed -n 's/.*bjxm refusal: //p' <<<"$NEW" |
        jq -c --argjson p "$project" --arg s "$sqlstate" 'select(.project == $p and .sqlstate == $s)' | grep -c . || true)
    if [ "$n" != 1 ]; then
      echo "MISMATCH: $action($project) $sqlstate: expected exactly one refusal line, found $n"; bad=1; continue
    fi
    ok=$(sed -n 's/.*bjxm refusal: //p' <<<"$NEW" |
         jq -r --argjson p "$project" --arg s "$sqlstate" --arg a "$action" --arg c "$clause" --arg u "$ACTOR" \
           'select(.project == $p and .sqlstate == $s) | (.actor == $u and .action == $a and .clause == $c)')
    if [ "$ok" == true ]; then
      echo "  ok    $action($project) $sqlstate $clause by $ACTOR"
    else
      echo "MISMATCH: $action($project) $sqlstate: $(sed -n 's/.*bjxm refusal: //p' <<<"$NEW" |
        jq -c --argjson p "$project" --arg s "$sqlstate" 'select(.project == $p and .sqlstate == $s)')"; bad=1
    fi
  done
  return $bad
}

check_grep() {
  local bad=0 action project sqlstate clause want
  while read -r action project sqlstate clause; do
    want="{\"actor\": \"$ACTOR\", \"action\": \"$action\", \"project\": $project, \"sqlstate\": \"$sqlstate\", \"clause\": \"$clause\"}"
    if [ "$(grep -cF "bjxm refusal: $want" <<<"$NEW")" == 1 ]; then
      echo "  ok    $action($project) $sqlstate $clause by $ACTOR"
    else
      echo "MISMATCH: $action($project) $sqlstate: no single line 'bjxm refusal: $want'"; bad=1
    fi
  done
  return $bad
}

"check_$PARSER" <<<"$EXPECTED" || FAILED=1

# A refusal raised in PL/pgSQL (a registry function) is logged too, with no project.
want="{\"actor\": \"$ACTOR\", \"action\": \"register_unit\", \"project\": null, \"sqlstate\": \"42501\", \"clause\": \"第三条\"}"
if grep -q "^RESULT register_unit null 42501" <<<"$OUT" && [ "$(grep -cF "bjxm refusal: $want" <<<"$NEW")" == 1 ]; then
  echo "  ok    register_unit() 42501 第三条 by $ACTOR (PL/pgSQL path)"
else
  echo "MISMATCH: register_unit refusal: psql/log line missing ('bjxm refusal: $want')"; FAILED=1
fi

if [ "$FAILED" -ne 0 ]; then
  echo "refusal_log: FAILED"
  exit 1
fi
echo "refusal_log: ok"
