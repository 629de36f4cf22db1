#!/usr/bin/env bash
# Anchors and the offline verifier (issue 17 item 4; 第三十条;
# docs/event-export.md, docs/design.md §12).
#
# In a new database on the running cluster: events recorded through real
# actions in several lanes (three units and the city); an auditor takes
# anchors (bjxm.chain_anchor_text()) and exports the log
# (bjxm.export_events()); tools/bjxm-verify and verify_events(anchors)
# both pass.  Then a superuser in session_replication_role = replica:
#  (a) edits one event's note: both report it (lane, seq, event id);
#  (b) re-links the whole lane after the edit (test/tools/relink prints the
#      UPDATEs of every later prev_hash/hash and of the lane head):
#      verify_events() without anchors passes, verify_events(anchors) and
#      bjxm-verify --anchors report the rewrite;
#  (c) deletes the last event of another lane: reported; with the head
#      fixed as well, only the anchors report it;
#  (d) binds new functions to bjxm_upgrade_chain and bjxm_record_event_sql:
#      refused (42501);
#  (e) inserts a hand-made event "in the past" (an id below the horizon of
#      an anchor taken before, hashes and head made consistent with
#      test/tools/relink) into (1) a brand-new lane with its head row and
#      (2) the tail of an anchored lane: verify_events() passes,
#      verify_events(anchors) and bjxm-verify --anchors report it; an anchor
#      text of the older format (no horizon line) is still accepted and the
#      skipped check is said.
# Exit 1 on any mismatch.
#
# Env: PGHOST (socket dir), PGPORT, PGUSER (postgres); TMP (scratch dir).
set -uo pipefail
cd "$(dirname "$0")/../.."

PGBIN=$(pg_config --bindir)
: "${PGHOST:?PGHOST (socket directory) must be set}"
: "${PGPORT:?PGPORT must be set}"
CONN=(-h "$PGHOST" -p "$PGPORT" -U "${PGUSER:-postgres}")
DB=bjxm_anchors_$$
mkdir -p "${TMP:-/tmp}"
WORK=$(mktemp -d "${TMP:-/tmp}/anchors.XXXXXX")
FAILED=0

psql_() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "${CONN[@]}" -d "$DB" "$@"; }
val() { psql_ -A -t -c "$1"; }
# as the auditor (a role holding only bjxm_auditor)
audit() { PGOPTIONS='-c role=an_auditor' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -A -t "${CONN[@]}" -d "$DB" -c "$1"; }
cleanup() {
  "$PGBIN/psql" -X -q "${CONN[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "MISMATCH: $*"; FAILED=1; }
check_eq() { # what expected actual
  if [ "$2" == "$3" ]; then printf '  ok    %-60s %s\n' "$1" "$3"; else fail "$1: expected '$2', got '$3'"; fi
}
check_has() { # what needle haystack
  if grep -qF -- "$2" <<<"$3"; then printf '  ok    %-60s has "%s"\n' "$1" "$2"; else fail "$1: '$2' not in: $3"; fi
}
# bjxm-verify [args]: sets VOUT and VRC
verify() { VOUT=$(tools/bjxm-verify "$@" 2>&1); VRC=$?; }
export_to() { audit "SELECT bjxm.export_events()" > "$1"; }

echo "== build tools/bjxm-verify and test/tools/relink (core only) =="
make -s tools/bjxm-verify test/tools/relink >/dev/null || { echo "FAILED: build"; exit 1; }
if grep -qE '#\s*include\s*[<"](postgres|libpq|pg_)' tools/bjxm-verify.c src/core/eventlog.c; then
  fail "bjxm-verify includes server or libpq headers"
else
  echo "  ok    bjxm-verify is built from the core alone"
fi

echo "== database $DB: events in several lanes through real actions =="
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "${CONN[@]}" -d postgres -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8'" || exit 1
psql_ >/dev/null <<'SQL' || { echo "FAILED: setup"; exit 1; }
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
DO $$ BEGIN CREATE ROLE an_auditor NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT bjxm_auditor TO an_auditor;
SELECT bjxm.register_unit('11520500MX0000001W', '锚点测试单位甲', 'admin_dept');
SELECT bjxm.register_unit('11520521MX0000002D', '锚点测试单位乙', 'institution', '520521');
SELECT bjxm.register_unit('11520502MX00000030', '锚点测试单位丙', 'institution', '520502');
SELECT bjxm.register_party('AN-V1', '锚点测试服务单位', 'vendor', '12520500MX00000043');
SET bjxm.today = '2026-11-27';
-- one transaction per statement: each appends to the lane of its first event's unit
SELECT bjxm.create_project('11520500MX0000001W', '锚点测试项目甲' || g, 'business_system', '{development}', 2027, 1000000)
  FROM generate_series(1, 3) g;
SELECT bjxm.create_project('11520521MX0000002D', '锚点测试项目乙' || g, 'business_system', '{development}', 2027, 1000000)
  FROM generate_series(1, 3) g;
SELECT bjxm.create_project('11520502MX00000030', '锚点测试项目丙' || g, 'business_system', '{development}', 2027, 1000000)
  FROM generate_series(1, 3) g;
SELECT bjxm.set_demand_plan(p.project_id, '{"goals": "g\t制表符\\反斜杠\n换行", "service_content": "s", "functions": "f",
    "data_resources": "d", "network": "n", "security": "s", "cost_estimate": "c"}')
  FROM bjxm.projects p WHERE p.name LIKE '锚点测试项目甲%';
SELECT bjxm.set_demand_plan(p.project_id, '{"goals": "g", "service_content": "s", "functions": "f",
    "data_resources": "d", "network": "n", "security": "s", "cost_estimate": "c"}')
  FROM bjxm.projects p WHERE p.name LIKE '锚点测试项目丙%';
SQL
lanes=$(val "SELECT count(DISTINCT lane) FROM bjxm.events")
unit_lanes=$(val "SELECT count(DISTINCT lane) FROM bjxm.events WHERE lane <> 0")
check_eq "lanes with events (city + three units)" 4 "$lanes"
check_eq "unit lanes" 3 "$unit_lanes"
# the two lanes the tampering uses: L (edit + re-link), M (a removed tail)
L=$(val "SELECT min(lane) FROM bjxm.events WHERE lane <> 0")
M=$(val "SELECT max(lane) FROM bjxm.events WHERE lane <> 0")
LN=$(val "SELECT last_seq FROM bjxm.event_lanes WHERE lane = $L")
EDIT=$(val "SELECT event_id FROM bjxm.events WHERE lane = $L AND lane_seq = 2")
LAST_L=$(val "SELECT event_id FROM bjxm.events WHERE lane = $L AND lane_seq = $LN")
total=$(val "SELECT count(*) FROM bjxm.events")

echo "== the auditor anchors, exports and verifies =="
audit "SELECT bjxm.chain_anchor_text()" > "$WORK/anchors1.txt" || fail "chain_anchor_text as auditor"
export_to "$WORK/events1.txt" || fail "export_events as auditor"
check_eq "export: one line per event, one per lane head" "$((total + lanes))" "$(wc -l < "$WORK/events1.txt")"
check_eq "anchors: one line per lane, the horizon line and the sum line" "$((lanes + 2))" "$(wc -l < "$WORK/anchors1.txt")"
check_eq "chain_anchor() rows = anchor lines" "$lanes" "$(audit "SELECT count(*) FROM bjxm.chain_anchor()")"
# no writer in flight: the horizon is the last id + 1, the same on every row and in the text
check_eq "chain_anchor() horizon: the last event id + 1, one value" "$(( $(val "SELECT max(event_id) FROM bjxm.events") + 1 ))" \
  "$(audit "SELECT string_agg(DISTINCT horizon::text, ',') FROM bjxm.chain_anchor()")"
check_eq "chain_anchor_text() horizon line" "bjxm-anchor-horizon-v1	$(( $(val "SELECT max(event_id) FROM bjxm.events") + 1 ))" \
  "$(grep '^bjxm-anchor-horizon-v1' "$WORK/anchors1.txt")"
verify "$WORK/events1.txt"
check_eq "bjxm-verify EXPORT: exit status" 0 "$VRC"
check_eq "bjxm-verify EXPORT: output" "ok: $total events in $lanes lanes" "$VOUT"
verify --anchors "$WORK/anchors1.txt" "$WORK/events1.txt"
check_eq "bjxm-verify --anchors: exit status" 0 "$VRC"
check_has "bjxm-verify --anchors: output" "ok: $total events in $lanes lanes, $lanes anchors matched" "$VOUT"
A1=$(cat "$WORK/anchors1.txt")
# the anchors go in as a psql variable: no quoting of their text
va() { psql_ -A -t -v a="$A1" <<<"$1"; }
check_eq "verify_events(anchors) intact" "$total||" "$(PGOPTIONS='-c role=an_auditor' psql_ -A -t -v a="$A1" <<<"SELECT checked || '|' || coalesce(first_broken::text, '') || '|' || coalesce(detail, '') FROM bjxm.verify_events(:'a');")"
# bad input: a cut or altered anchor text is refused (exit 2), not trusted
head -n 1 "$WORK/anchors1.txt" > "$WORK/cut.txt"
verify --anchors "$WORK/cut.txt" "$WORK/events1.txt"
check_eq "bjxm-verify with a cut anchor file: exit status" 2 "$VRC"
printf 'not an export line\n' > "$WORK/junk.txt"
verify "$WORK/junk.txt"
check_eq "bjxm-verify with a malformed export: exit status" 2 "$VRC"
check_has "bjxm-verify with a malformed export: names file and line" "junk.txt:1:" "$VOUT"

echo "== (a) a superuser edits one event's note =="
psql_ -c "SET session_replication_role = replica" -c "UPDATE bjxm.events SET note = '篡改' WHERE event_id = $EDIT"
export_to "$WORK/events2.txt"
verify "$WORK/events2.txt"
check_eq "(a) bjxm-verify: exit status" 1 "$VRC"
check_has "(a) bjxm-verify names lane, seq and event" "BROKEN lane $L seq 2 event_id $EDIT: the event does not match its hash" "$VOUT"
check_eq "(a) verify_events() first_broken" "$EDIT" "$(val "SELECT first_broken FROM bjxm.verify_events()")"
check_eq "(a) verify_events(anchors) first_broken" "$EDIT" "$(va "SELECT first_broken FROM bjxm.verify_events(:'a')")"

echo "== (b) ... and re-links the whole lane after it, head included =="
test/tools/relink "$WORK/events2.txt" "$L" > "$WORK/relink.sql"
check_eq "(b) UPDATEs: the edited event, every later one, the head" "$((LN - 2 + 1 + 1))" "$(grep -c '^UPDATE' "$WORK/relink.sql")"
psql_ -f "$WORK/relink.sql" >/dev/null || fail "(b) relink SQL failed"
# Without anchors the rewrite is invisible: every hash of lane L was
# recomputed from the edited content and each prev_hash names the
# recomputed hash before it, and the head names the new last hash, so the
# chain is self-consistent; only a hash kept outside the database can tell.
check_eq "(b) verify_events() passes (self-consistent chain)" "$total|" "$(val "SELECT checked || '|' || coalesce(first_broken::text, '') FROM bjxm.verify_events()")"
export_to "$WORK/events3.txt"
verify "$WORK/events3.txt"
check_eq "(b) bjxm-verify without anchors: exit status 0" 0 "$VRC"
verify --anchors "$WORK/anchors1.txt" "$WORK/events3.txt"
check_eq "(b) bjxm-verify --anchors: exit status" 1 "$VRC"
check_has "(b) bjxm-verify --anchors names the anchored event" "BROKEN lane $L seq $LN event_id $LAST_L: the event's hash is not the anchored one" "$VOUT"
r=$(va "SELECT first_broken || '|' || detail FROM bjxm.verify_events(:'a')")
check_eq "(b) verify_events(anchors) first_broken" "$LAST_L" "${r%%|*}"
check_has "(b) verify_events(anchors) detail" "lane $L seq $LN does not match the anchor" "$r"

echo "== (c) the last event of lane $M is deleted =="
audit "SELECT bjxm.chain_anchor_text()" > "$WORK/anchors2.txt"
A2=$(cat "$WORK/anchors2.txt")
MN=$(val "SELECT last_seq FROM bjxm.event_lanes WHERE lane = $M")
LAST_M=$(val "SELECT event_id FROM bjxm.events WHERE lane = $M AND lane_seq = $MN")
psql_ -c "SET session_replication_role = replica" -c "DELETE FROM bjxm.events WHERE event_id = $LAST_M"
r=$(val "SELECT first_broken || '|' || detail FROM bjxm.verify_events()")
check_has "(c) verify_events() reports the head of lane $M" "the head of lane $M does not match its last event" "$r"
export_to "$WORK/events4.txt"
verify --anchors "$WORK/anchors2.txt" "$WORK/events4.txt"
check_eq "(c) bjxm-verify: exit status" 1 "$VRC"
check_has "(c) bjxm-verify: the head disagrees" "BROKEN lane $M seq $((MN - 1))" "$VOUT"
check_has "(c) bjxm-verify: the anchored event is missing" "the anchored event is not in the export: the lane ends at seq $((MN - 1))" "$VOUT"
# ... and the head moved back too: only the anchors know
test/tools/relink "$WORK/events4.txt" "$M" | psql_ >/dev/null || fail "(c) head fix failed"
check_eq "(c) head fixed: verify_events() passes" "" "$(val "SELECT coalesce(first_broken::text, '') FROM bjxm.verify_events()")"
r=$(psql_ -A -t -v a="$A2" <<<"SELECT first_broken || '|' || detail FROM bjxm.verify_events(:'a')")
check_has "(c) head fixed: verify_events(anchors) reports the missing event" "the anchored event lane $M seq $MN is missing" "$r"
export_to "$WORK/events5.txt"
verify --anchors "$WORK/anchors2.txt" "$WORK/events5.txt"
check_eq "(c) head fixed: bjxm-verify --anchors exit status" 1 "$VRC"
check_has "(c) head fixed: bjxm-verify --anchors" "BROKEN lane $M seq $MN" "$VOUT"

echo "== (d) rebinding the internal entry points is refused =="
for sym in bjxm_upgrade_chain bjxm_record_event_sql; do
  if [ "$sym" = bjxm_upgrade_chain ]; then
    args="" ; call="SELECT public.rebound()"
  else
    args="bigint, bigint, text, bjxm.project_state, bjxm.project_state, bjxm.clause, text, jsonb"
    call="SELECT public.rebound(NULL, NULL, 'forged', NULL, NULL, NULL, NULL, NULL)"
  fi
  out=$("$PGBIN/psql" -X -q "${CONN[@]}" -d "$DB" -v VERBOSITY=verbose 2>&1 <<SQL
DROP FUNCTION IF EXISTS public.rebound;
CREATE FUNCTION public.rebound($args) RETURNS bigint AS '\$libdir/bjxm', '$sym' LANGUAGE C;
$call;
SQL
)
  check_has "(d) $sym bound anew: refused" "ERROR:  42501" "$out"
done
check_eq "(d) no event was forged" "" "$(val "SELECT event_id FROM bjxm.events WHERE action = 'forged'")"

echo "== (e) a hand-made event \"in the past\": an id below an anchor's horizon =="
# two ids left unused by rolled-back actions, then a committed event above them
for g in 1 2; do
  psql_ >/dev/null <<SQL || fail "(e) rolled-back action $g"
SET bjxm.today = '2026-11-27';
BEGIN;
SELECT bjxm.create_project('11520500MX0000001W', '锚点测试回滚$g', 'business_system', '{development}', 2027, 1000000);
ROLLBACK;
SQL
done
psql_ -c "SET bjxm.today = '2026-11-27'" -c "SELECT bjxm.create_project('11520502MX00000030', '锚点测试项目丙4', 'business_system', '{development}', 2027, 1000000)" >/dev/null \
  || fail "(e) committed event"
check_eq "(e) the log is intact before the forgery" "" "$(val "SELECT coalesce(first_broken::text, '') FROM bjxm.verify_events()")"
# an anchor taken while a writer of unit 乙's lane is in flight: the horizon
# stays at or below that lane's head + 1, so its late commit is not flagged
LB=$(val "SELECT unit_id FROM bjxm.units WHERE code::text = '11520521MX0000002D'")
LB_LAST=$(val "SELECT last_event_id FROM bjxm.event_lanes WHERE lane = $LB")
( printf "SET bjxm.today = '2026-11-27';\nBEGIN;\nSELECT bjxm.create_project('11520521MX0000002D', '锚点测试进行中', 'business_system', '{development}', 2027, 1000000);\n"
  sleep 3; printf "COMMIT;\n" ) | psql_ >/dev/null &
INFLIGHT=$!
sleep 1.5
audit "SELECT bjxm.chain_anchor_text()" > "$WORK/anchors-inflight.txt"
wait "$INFLIGHT" || fail "(e) in-flight writer"
HI=$(sed -n 's/^bjxm-anchor-horizon-v1\t//p' "$WORK/anchors-inflight.txt")
check_eq "(e) horizon with lane $LB's writer in flight: its head's last id + 1" "$((LB_LAST + 1))" "$HI"
check_eq "(e) the late commit is above that horizon" "t" "$(val "SELECT min(event_id) >= $HI FROM bjxm.events WHERE lane = $LB AND event_id > $LB_LAST")"
r=$(psql_ -A -t -v a="$(cat "$WORK/anchors-inflight.txt")" <<<"SELECT coalesce(first_broken::text, '') || '|' || coalesce(detail, '') FROM bjxm.verify_events(:'a')")
check_eq "(e) verify_events(anchor taken mid-write) after the commit: passes" "|" "$r"
export_to "$WORK/events-inflight.txt"
verify --anchors "$WORK/anchors-inflight.txt" "$WORK/events-inflight.txt"
check_eq "(e) bjxm-verify --anchors (taken mid-write): exit status 0" 0 "$VRC"
audit "SELECT bjxm.chain_anchor_text()" > "$WORK/anchors3.txt"
A3=$(cat "$WORK/anchors3.txt")
H3=$(sed -n 's/^bjxm-anchor-horizon-v1\t//p' "$WORK/anchors3.txt")
G1=$(val "SELECT max(g) FROM generate_series(1, $H3 - 1) g WHERE NOT EXISTS (SELECT 1 FROM bjxm.events e WHERE e.event_id = g)")
G2=$(val "SELECT max(g) FROM generate_series(1, $G1 - 1) g WHERE NOT EXISTS (SELECT 1 FROM bjxm.events e WHERE e.event_id = g)")
LN3=$(val "SELECT last_seq FROM bjxm.event_lanes WHERE lane = $L")
check_eq "(e) unused ids below the horizon, above lane $L's last id" "t" \
  "$(val "SELECT $G2 > last_event_id AND $G1 < $H3 FROM bjxm.event_lanes WHERE lane = $L")"
NEW=987654321
ZERO="decode(repeat('00', 32), 'hex')"
# forge(id, lane, seq): a copy of lane L's first event with another note, zero hashes (relink fixes them)
forge() {
  psql_ -c "SET session_replication_role = replica" -c "INSERT INTO bjxm.events (event_id, project_id, unit_id, action,
      from_state, to_state, actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook, login, lane, lane_seq,
      prev_hash, hash)
    SELECT $1, project_id, unit_id, action, from_state, to_state, actor, actor_is_superuser, at, effective_date, clause,
      '事后补记', details, rulebook, login, $2, $3, $ZERO, $ZERO FROM bjxm.events WHERE lane = $L AND lane_seq = 1" >/dev/null
}
# (1) a brand-new lane with its head row
psql_ -c "SET session_replication_role = replica" -c "INSERT INTO bjxm.event_lanes (lane, last_event_id) VALUES ($NEW, 0)" >/dev/null \
  || fail "(e1) head row"
forge "$G2" "$NEW" 1 || fail "(e1) insert"
export_to "$WORK/events6.txt"
test/tools/relink "$WORK/events6.txt" "$NEW" | psql_ >/dev/null || fail "(e1) relink"
check_eq "(e1) verify_events() passes (self-consistent lane and head)" "" "$(val "SELECT coalesce(first_broken::text, '') || coalesce(detail, '') FROM bjxm.verify_events()")"
r=$(psql_ -A -t -v a="$A3" <<<"SELECT first_broken || '|' || detail FROM bjxm.verify_events(:'a')")
check_eq "(e1) verify_events(anchors) first_broken" "$G2" "${r%%|*}"
check_has "(e1) verify_events(anchors) detail" "event $G2 (id below the anchor's horizon $H3) was not there when the anchor was taken: lane $NEW seq 1; the anchor does not name the lane" "$r"
export_to "$WORK/events7.txt"
verify "$WORK/events7.txt"
check_eq "(e1) bjxm-verify without anchors: exit status 0" 0 "$VRC"
verify --anchors "$WORK/anchors3.txt" "$WORK/events7.txt"
check_eq "(e1) bjxm-verify --anchors: exit status" 1 "$VRC"
check_has "(e1) bjxm-verify --anchors" "BROKEN lane $NEW seq 1 event_id $G2: event $G2 (id below the anchor's horizon $H3) was not there when the anchor was taken" "$VOUT"
check_has "(e1) bjxm-verify --anchors: the lane is not anchored" "does not name the lane" "$VOUT"
# an anchor taken before the horizon line existed: accepted, and the skipped check is said
test/tools/relink --old-anchors "$WORK/anchors3.txt" > "$WORK/anchors3-old.txt"
check_eq "(e) old-format anchor text has no horizon line" 0 "$(grep -c horizon "$WORK/anchors3-old.txt")"
r=$(psql_ -A -t -v a="$(cat "$WORK/anchors3-old.txt")" <<<"SELECT coalesce(first_broken::text, 'null') || '|' || detail FROM bjxm.verify_events(:'a')")
check_has "(e) verify_events(old anchors): passes, says the check was not done" "null|" "$r"
check_has "(e) verify_events(old anchors): detail" "the anchor text has no horizon line" "$r"
verify --anchors "$WORK/anchors3-old.txt" "$WORK/events7.txt"
check_eq "(e) bjxm-verify --anchors old format: exit status 0" 0 "$VRC"
check_has "(e) bjxm-verify --anchors old format: says so" "has no horizon line: events inserted later with old ids were not looked for" "$VOUT"
# (2) the tail of anchored lane L, its head moved on
forge "$G1" "$L" "$((LN3 + 1))" || fail "(e2) insert"
export_to "$WORK/events8.txt"
test/tools/relink "$WORK/events8.txt" "$L" | psql_ >/dev/null || fail "(e2) relink"
check_eq "(e2) verify_events() passes" "" "$(val "SELECT coalesce(first_broken::text, '') || coalesce(detail, '') FROM bjxm.verify_events()")"
r=$(psql_ -A -t -v a="$A3" <<<"SELECT first_broken || '|' || detail FROM bjxm.verify_events(:'a')")
check_eq "(e2) verify_events(anchors) first_broken (lane $L comes first)" "$G1" "${r%%|*}"
check_has "(e2) verify_events(anchors) detail" "event $G1 (id below the anchor's horizon $H3) was not there when the anchor was taken: lane $L seq $((LN3 + 1)); the anchor covers the lane up to seq $LN3" "$r"
export_to "$WORK/events9.txt"
verify "$WORK/events9.txt"
check_eq "(e2) bjxm-verify without anchors: exit status 0" 0 "$VRC"
verify --anchors "$WORK/anchors3.txt" "$WORK/events9.txt"
check_eq "(e2) bjxm-verify --anchors: exit status" 1 "$VRC"
check_has "(e2) bjxm-verify --anchors: the tail event" "BROKEN lane $L seq $((LN3 + 1)) event_id $G1: event $G1 (id below the anchor's horizon $H3) was not there when the anchor was taken" "$VOUT"
check_has "(e2) bjxm-verify --anchors: the new lane too" "BROKEN lane $NEW seq 1 event_id $G2" "$VOUT"
# ids must rise within a lane and be > 0 (bjxm-verify as verify_events)
sed "s/^\(bjxm-export-v1\t$L\t$((LN3 + 1))\t\)$G1\t/\1-$G1\t/" "$WORK/events9.txt" > "$WORK/events10.txt"
verify "$WORK/events10.txt"
check_has "(e) bjxm-verify: an id <= 0" "event_id -$G1: event_id is not positive" "$VOUT"
first_l=$(val "SELECT event_id FROM bjxm.events WHERE lane = $L AND lane_seq = 1")
sed "s/^\(bjxm-export-v1\t$L\t$((LN3 + 1))\t\)$G1\t/\1$first_l\t/" "$WORK/events9.txt" > "$WORK/events11.txt"
verify "$WORK/events11.txt"
check_has "(e) bjxm-verify: an id not above the lane's previous" "event_id $first_l is not above the lane's previous event's" "$VOUT"

if [ "$FAILED" -ne 0 ]; then echo "anchors: FAILED"; exit 1; fi
echo "anchors: ok"
