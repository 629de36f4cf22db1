#!/usr/bin/env bash
# pg_dump / pg_restore keep every row of bjxm (SPEC §8: the data tables are
# dumped through pg_extension_config_dump), and the restored database works.
#
# In a new database on the running cluster: install bjxm, fill every table
# through the public functions as the right duty roles, pg_dump -Fc, restore
# into a fresh database, then compare, per table of schema bjxm (found in
# pg_class, so a new table is covered), the row count and an md5 of the
# rows' text in order; and per sequence its state.  Then act in the restored
# database: the next unit id, the next event id, the settings' revisions,
# the seeded regions.  Exit 1 on any mismatch.
#
# Env: PGHOST (socket dir), PGPORT; roles are cluster-wide, so the mx_dr_*
# roles exist in both databases.
set -euo pipefail

PGBIN=$(pg_config --bindir)
: "${PGHOST:?PGHOST (socket directory) must be set}"
: "${PGPORT:?PGPORT must be set}"
CONN=(-h "$PGHOST" -p "$PGPORT" -U postgres)
SRC=mx_dump_src_$$
DST=mx_dump_dst_$$
WORK=$(mktemp -d "${TMP:-/tmp}/dump_restore.XXXXXX")
FAILED=0

psql_() { # db, then psql args
  local db=$1; shift
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "${CONN[@]}" -d "$db" "$@"
}
val() { # db sql: one value
  psql_ "$1" -A -t -c "$2"
}
cleanup() {
  psql_ postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "MISMATCH: $*"; FAILED=1; }
check_eq() { # what expected actual
  if [ "$2" == "$3" ]; then
    printf '  ok    %-44s %s\n' "$1" "$3"
  else
    fail "$1: expected '$2', got '$3'"
  fi
}

echo "== source database $SRC =="
psql_ postgres -c "CREATE DATABASE $SRC TEMPLATE template0 ENCODING 'UTF8'"
psql_ "$SRC" >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['mx_dr_bigdata', 'mx_dr_unit', 'mx_dr_unit2', 'mx_dr_reviewer', 'mx_dr_county'] LOOP
        BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END LOOP;
END $$;
GRANT bjxm_bigdata TO mx_dr_bigdata;
GRANT bjxm_user_unit TO mx_dr_unit, mx_dr_unit2;
GRANT bjxm_reviewer TO mx_dr_reviewer;
GRANT bjxm_finance TO mx_dr_county;

SET ROLE mx_dr_bigdata;
SELECT bjxm.register_unit('11520500MX0000001W', '备份测试单位甲 (dump unit A)', 'admin_dept');
SELECT bjxm.register_unit('11520521MX0000002D', '备份测试单位乙 (dump unit B)', 'institution', '520521');
SELECT bjxm.register_unit('11520502MX00000030', '备份测试单位丙 (dump unit C)', 'soe', '520502');
SELECT bjxm.register_party('DR-R1', '备份测试评审机构 (dump reviewer)', 'reviewer');
SELECT bjxm.register_party('DR-V1', '备份测试服务单位 (dump vendor)', 'vendor', '12520500MX00000043');
SELECT bjxm.grant_unit_member('mx_dr_unit', '11520500MX0000001W');
SELECT bjxm.grant_unit_member('mx_dr_unit2', '11520521MX0000002D');
SELECT bjxm.grant_unit_member('mx_dr_unit2', '11520502MX00000030');
SELECT bjxm.revoke_unit_member('mx_dr_unit2', '11520502MX00000030');
SELECT bjxm.grant_party_member('mx_dr_reviewer', 'DR-R1');
SELECT bjxm.set_jurisdiction('mx_dr_county', '520521');
SELECT bjxm.set_setting('rectification_days', '45');
SELECT bjxm.set_setting('rectification_days', '60');
SELECT bjxm.set_setting('slow_execution_rate', '0.6');
RESET ROLE;
SQL

# Every table and sequence of schema bjxm, from the catalog.
TABLES=$(val "$SRC" "SELECT c.relname FROM pg_class c
                      WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind IN ('r', 'p')
                      ORDER BY 1")
SEQUENCES=$(val "$SRC" "SELECT c.relname FROM pg_class c
                         WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind = 'S'
                         ORDER BY 1")

# Every table has rows (the fixture covers them all), or the comparison is vacuous.
for t in $TABLES; do
  n=$(val "$SRC" "SELECT count(*) FROM bjxm.$t")
  [ "$n" -gt 0 ] || fail "source table bjxm.$t is empty: fill it in this script"
done

# count and md5 of the rows' text, in order of the rows' text (all columns).
summary() { # db table
  val "$1" "SELECT count(*) || ' rows, md5 ' ||
                   md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text COLLATE \"C\"), ''))
              FROM bjxm.$2 t"
}
seqstate() { # db sequence
  val "$1" "SELECT 'last_value ' || coalesce(last_value::text, 'NULL') FROM pg_sequences
             WHERE schemaname = 'bjxm' AND sequencename = '$2'"
}

echo "== pg_dump -Fc, pg_restore into $DST =="
"$PGBIN/pg_dump" "${CONN[@]}" -Fc -f "$WORK/src.dump" "$SRC"
psql_ postgres -c "CREATE DATABASE $DST TEMPLATE template0 ENCODING 'UTF8'"
if ! "$PGBIN/pg_restore" "${CONN[@]}" --exit-on-error -d "$DST" "$WORK/src.dump" 2>"$WORK/restore.err"; then
  cat "$WORK/restore.err"
  fail "pg_restore failed"
  exit 1
fi
if [ -s "$WORK/restore.err" ]; then
  cat "$WORK/restore.err"
  fail "pg_restore printed errors or warnings"
fi

echo "== tables of schema bjxm: source vs restored =="
for t in $TABLES; do
  check_eq "bjxm.$t" "$(summary "$SRC" "$t")" "$(summary "$DST" "$t")"
done
DST_TABLES=$(val "$DST" "SELECT c.relname FROM pg_class c
                          WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind IN ('r', 'p')
                          ORDER BY 1")
check_eq "the same tables" "$(echo $TABLES)" "$(echo $DST_TABLES)"

echo "== sequences =="
for s in $SEQUENCES; do
  check_eq "bjxm.$s" "$(seqstate "$SRC" "$s")" "$(seqstate "$DST" "$s")"
done

echo "== the restored database works =="
src_unit=$(val "$SRC" "SELECT max(unit_id) FROM bjxm.units")
src_event=$(val "$SRC" "SELECT max(event_id) FROM bjxm.events")
src_rulebook=$(val "$SRC" "SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1")
new_unit=$(val "$DST" "SET ROLE mx_dr_bigdata;
                       SELECT bjxm.register_unit('11520500MX00000059', '恢复后新单位 (unit after restore)', 'admin_dept')")
check_eq "register_unit gets the next unit id" "$((src_unit + 1))" "$new_unit"
check_eq "the next event id follows the last" "$((src_event + 1))" \
  "$(val "$DST" "SELECT max(event_id) FROM bjxm.events")"
check_eq "the event chain head" "$((src_event + 1))" \
  "$(val "$DST" "SELECT last_event_id FROM bjxm.event_chain")"
check_eq "the new event is register_unit of the unit" "register_unit|$new_unit|mx_dr_bigdata" \
  "$(val "$DST" "SELECT action || '|' || unit_id || '|' || actor FROM bjxm.events ORDER BY event_id DESC LIMIT 1")"
check_eq "the rulebook revision is kept" "$src_rulebook" \
  "$(val "$DST" "SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1")"
check_eq "changed settings kept with their revision" "rectification_days=60 r2,slow_execution_rate=0.6 r1" \
  "$(val "$DST" "SELECT string_agg(key || '=' || value || ' r' || revision, ',' ORDER BY key)
                  FROM bjxm.settings WHERE revision > 0")"
check_eq "settings: every installed key once" \
  "$(val "$SRC" "SELECT count(*) || ' keys, ' || count(DISTINCT key) || ' distinct' FROM bjxm.settings")" \
  "$(val "$DST" "SELECT count(*) || ' keys, ' || count(DISTINCT key) || ' distinct' FROM bjxm.settings")"
check_eq "seeded regions not duplicated" "9 regions, 9 seeded, 9 distinct" \
  "$(val "$DST" "SELECT count(*) || ' regions, ' || count(*) FILTER (WHERE seeded) || ' seeded, '
                        || count(DISTINCT code) || ' distinct' FROM bjxm.regions")"
psql_ "$DST" -c "SET ROLE mx_dr_bigdata" -c "SELECT bjxm.set_setting('rectification_days', '30')" >/dev/null
check_eq "a setting changes again, revision 3" "rectification_days=30 r3" \
  "$(val "$DST" "SELECT key || '=' || value || ' r' || revision FROM bjxm.settings WHERE key = 'rectification_days'")"
check_eq "a user unit still sees only its unit (RLS)" "11520500MX0000001W" \
  "$(val "$DST" "SET ROLE mx_dr_unit; SELECT string_agg(code::text, ',') FROM bjxm.units")"
check_eq "a county member still sees only its county" "11520521MX0000002D" \
  "$(val "$DST" "SET ROLE mx_dr_county; SELECT string_agg(code::text, ',' ORDER BY code) FROM bjxm.units")"
check_eq "the event log is still append-only" "refused" \
  "$(val "$DST" "DO \$\$ BEGIN DELETE FROM bjxm.events; RAISE NOTICE 'deleted'; EXCEPTION WHEN OTHERS THEN NULL; END \$\$;
                  SELECT CASE WHEN count(*) = $src_event + 2 THEN 'refused' ELSE 'deleted' END FROM bjxm.events")"

if [ "$FAILED" -ne 0 ]; then
  echo "dump_restore: FAILED"
  exit 1
fi
echo "dump_restore: every table and sequence identical after restore; the restored database works"
