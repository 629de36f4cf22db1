#!/usr/bin/env bash
# Upgrades: install each earlier release, add data through the public
# functions, ALTER EXTENSION bjxm UPDATE, then check the data, the
# behaviour, and that the upgraded schema equals a fresh install's
# (catalog-driven: every object, column, constraint, index, trigger,
# policy, privilege, comment and pg_dump setting of schema bjxm).
set -uo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(pg_config --bindir)
FAILED=0
fail() { echo "MISMATCH: $*"; FAILED=1; }
# The upgrade script carries the same dictionary seed as the install script (issue 16).
bash tools/terms_seed.sh --check updates/bjxm--0.2.0--0.3.0.sql || exit 1
CURRENT=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" bjxm.control)
# From every release (ALTER EXTENSION chains the upgrade scripts).
if [ -z "${FROM:-}" ]; then
  rc=0
  for v in $(ls releases/ | sed -n 's/^bjxm--\(.*\)\.sql$/\1/p' | sort -V); do
    FROM=$v bash "$0" || rc=1
  done
  exit $rc
fi
PREVIOUS=$FROM
OLD=bjxm_upg_old_$$; NEW=bjxm_upg_new_$$
psql_() { local db=$1; shift; "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U postgres -d "$db" "$@"; }
val() { psql_ "$1" -At -c "$2"; }
cleanup() { psql_ postgres -c "DROP DATABASE IF EXISTS $OLD" -c "DROP DATABASE IF EXISTS $NEW" >/dev/null 2>&1; }
trap cleanup EXIT
echo "== upgrade $PREVIOUS -> $CURRENT =="
psql_ postgres -c "CREATE DATABASE $OLD" -c "CREATE DATABASE $NEW" >/dev/null

psql_ "$OLD" >/dev/null <<SQL || { echo "MISMATCH: setup at $PREVIOUS failed"; exit 1; }
CREATE EXTENSION bjxm VERSION '$PREVIOUS';
SET bjxm.today = '2026-11-27';
DO \$\$ BEGIN CREATE ROLE up_unit NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;
GRANT bjxm_user_unit TO up_unit;
DO \$\$ BEGIN CREATE ROLE up_county NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;
GRANT bjxm_bigdata TO up_county;
SELECT bjxm.set_jurisdiction('up_county', '520521');
SELECT bjxm.register_unit('11520500MB1545443Y', '毕节市升级测试局', 'admin_dept');
SELECT bjxm.grant_unit_member('up_unit', '11520500MB1545443Y');
SET ROLE up_unit;
SELECT bjxm.create_project('11520500MB1545443Y', '升级前项目', 'business_system', '{development}', 2027, 500000);
SELECT bjxm.set_demand_plan(1, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
SELECT bjxm.declare(1);
SELECT bjxm.add_line_item(1, 'software_development', '升级测试软件开发', 100000);
RESET ROLE;
-- a DBA's change to a seeded term, and a waiver of a term 0.3.0 respells (issue 16)
SELECT bjxm.set_excluded_term('公务用车', '第十一条第(一)项', false);
SELECT bjxm.waive_term(1, 'A4纸', '升级测试: 打印服务接口的纸张规格字段');
SQL
# The window between installing this release's library and ALTER EXTENSION
# UPDATE: a second project walks every gate on the old schema (functions
# that write columns the old schema lacks fall back to what it has).
psql_ "$OLD" >/dev/null <<SQL || { echo "MISMATCH: a walk at $PREVIOUS on today's library failed"; exit 1; }
SET bjxm.today = '2026-11-27';
SELECT bjxm.register_party('UP-R', '升级测试评审机构', 'reviewer', '91520500MA6DNNNL0U');
SELECT bjxm.register_party('UP-V', '升级测试服务单位', 'vendor', '91520500MA6DNNNM9Q');
SELECT bjxm.create_project('11520500MB1545443Y', '升级窗口项目', 'business_system', '{development}', 2027, 500000) AS w \gset
SELECT bjxm.set_demand_plan(:w, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
SELECT bjxm.add_line_item(:w, 'software_development', '升级窗口软件开发', 500000);
SELECT bjxm.declare(:w);
SELECT bjxm.preliminary_review(:w, true, '初审');
SELECT bjxm.entrust_review(:w, 'UP-R');
SELECT bjxm.record_review(:w, true, 'PS-1');
SELECT bjxm.admit_to_library(:w);
SELECT bjxm.propose_for_plan(:w);
SELECT bjxm.approve_annual_plan(2027);
SELECT bjxm.set_performance_targets(:w, '{"output": "o", "effect": "e"}');
SELECT bjxm.arrange_budget(:w, 500000);
SELECT bjxm.submit_service_plan(:w, '{"service_content": "s", "budget": "b", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "technical_route": "t", "crypto_solution": "c", "schedule": "s",
  "service_guarantee": "g", "training_plan": "t"}');
SELECT bjxm.entrust_review(:w, 'UP-R');
SELECT bjxm.approve_service_plan(:w, true, 480000, 'FW-1');
SELECT bjxm.set_project_facts(:w, '{"deployment_site": "city_data_center"}');
SELECT bjxm.record_procurement(:w, 'UP-V', 470000, 'competitive_consultation');
SELECT bjxm.sign_contract(:w, 'UP-HT-1', '{"parties": {"bigdata": "毕节市大数据局", "user_unit": "11520500MB1545443Y",
  "vendor": "UP-V"}, "emergency_response": true, "annual_security_test": true, "crypto_assessment": true,
  "risk_assessment": true, "report_results": true}');
SELECT bjxm.start_implementation(:w);
SELECT bjxm.record_disbursement(:w, 100000, '2026-11-27');
SQL
w=$(val "$OLD" "SELECT project_id || ' ' || state FROM bjxm.projects WHERE name = '升级窗口项目'")
[ "$w" == "2 implementing" ] && echo "  ok    every gate walked at $PREVIOUS on today's library ($w)" || fail "walk at $PREVIOUS: $w"
# Before the update, today's library serves the old scripts' C entry
# points (src/compat.c): the dry run of 第十一条 still refuses.
r=$(val "$OLD" "SET ROLE up_unit; SELECT count(*) FROM bjxm.expense_check('software_development', '办公电脑采购')" | tail -n 1)
[ "$r" == "1" ] && echo "  ok    $PREVIOUS's functions run on today's library" || fail "expense_check at $PREVIOUS: $r"
# (excluded_terms is reseeded by 0.3.0, issue 16: compared with a fresh install's below;
# event_chain gives way to event_lanes, issue 17: lane 0 checked below)
before=$(val "$OLD" "SELECT string_agg(c.relname || '=' || (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM bjxm.' || quote_ident(c.relname), false, true, '')))[1]::text, ',' ORDER BY c.relname)
                      FROM pg_class c WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind = 'r' AND c.relname NOT IN ('excluded_terms', 'event_chain')")
events_before=$(val "$OLD" "SELECT count(*) FROM bjxm.events")
# The tables and settings there were: an update may add tables and install
# new settings (compared with a fresh install's below), never lose rows.
tables_before=$(val "$OLD" "SELECT string_agg(quote_literal(c.relname), ',') FROM pg_class c
                             WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind = 'r'")
keys_before=$(val "$OLD" "SELECT string_agg(quote_literal(s.key), ',') FROM bjxm.settings s")
echo "  at $PREVIOUS: $events_before events"

if ! psql_ "$OLD" -c "ALTER EXTENSION bjxm UPDATE" >/dev/null; then
  echo "MISMATCH: ALTER EXTENSION bjxm UPDATE failed"; exit 1
fi
got=$(val "$OLD" "SELECT extversion FROM pg_extension WHERE extname = 'bjxm'")
[ "$got" == "$CURRENT" ] && echo "  ok    version $got" || fail "version after update is $got, expected $CURRENT"
after=$(val "$OLD" "SELECT string_agg(c.relname || '=' || (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM bjxm.' || quote_ident(c.relname)
                                       || CASE WHEN c.relname = 'settings' THEN ' WHERE key IN (' || \$k\$$keys_before\$k\$ || ')' ELSE '' END,
                                       false, true, '')))[1]::text, ',' ORDER BY c.relname)
                     FROM pg_class c WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind = 'r'
                       AND c.relname IN ($tables_before) AND c.relname <> 'excluded_terms'")
[ "$before" == "$after" ] && echo "  ok    every table keeps its rows" || fail "row counts changed: $before vs $after"
v=$(val "$OLD" "SELECT checked || ' ' || coalesce(first_broken::text, 'none') FROM bjxm.verify_events()")
[ "$v" == "$events_before none" ] && echo "  ok    events hashed by the upgrade, chain intact ($v)" || fail "verify_events after update: $v"

# Behaviour continues: the next gates and a new event on the chain.
psql_ "$OLD" >/dev/null <<SQL || fail "actions after the update failed"
SET bjxm.today = '2026-11-27';
SELECT bjxm.preliminary_review(1, true, '升级后初审');
SET ROLE up_unit;
SELECT bjxm.add_line_item(1, 'software_development', '升级后软件开发', 50000);
RESET ROLE;
SQL
v=$(val "$OLD" "SELECT checked || ' ' || coalesce(first_broken::text, 'none') FROM bjxm.verify_events()")
[ "$v" == "$((events_before + 2)) none" ] && echo "  ok    new events extend the chain ($v)" || fail "verify_events after new actions: $v"
# Issue 17: the events of $PREVIOUS are lane 0, in their order; the unit's
# new events start its own lane.
v=$(val "$OLD" "SELECT string_agg(l.lane || ':' || l.last_seq, ' ' ORDER BY l.lane) FROM bjxm.event_lanes l")
[ "$v" == "0:$events_before 1:2" ] && echo "  ok    $PREVIOUS's events are lane 0, the unit's new ones lane 1 ($v)" \
  || fail "event lanes after the update: $v (want 0:$events_before 1:2)"
st=$(val "$OLD" "SELECT state FROM bjxm.projects WHERE project_id = 1")
[ "$st" == "shortlisted" ] && echo "  ok    the lifecycle continues ($st)" || fail "state after update: $st"
r=$(val "$OLD" "SET ROLE up_unit; SELECT count(*) FROM bjxm.expense_check('software_development', '办公电脑采购')" | tail -n 1)
[ "$r" == "1" ] && echo "  ok    第十一条 still refuses" || fail "expense_check after update: $r"

# 第十六条: the contract signed before the update gets its amount (the
# procurement amount) and date (its event's) from the update.
c=$(val "$OLD" "SELECT contract_amount || ' ' || contract_signed_on FROM bjxm.projects WHERE project_id = 2")
[ "$c" == "470000.00 2026-11-27" ] && echo "  ok    the earlier contract's amount and date filled ($c)" || fail "contract after update: $c"
r=$(val "$OLD" "SET bjxm.today = '2026-11-27'; SELECT string_agg(sqlstate, ',') FROM bjxm.check(2, 'record_disbursement',
                '{\"amount\": 370000.01, \"paid_on\": \"2026-11-27\"}')" | tail -n 1)
[ "$r" == "BJ012" ] && echo "  ok    payments now held to that contract ($r)" || fail "payment above the filled contract: $r"

# 第十条: a budget arranged before the update is its plan year's, of its fund.
b=$(val "$OLD" "SELECT string_agg(year || ' ' || fund || ' ' || amount, ',') FROM bjxm.budgets WHERE project_id = 2")
[ "$b" == "2027 municipal_fiscal 500000.00" ] && echo "  ok    the earlier budget became its plan year's row ($b)" || fail "budgets after update: $b"

# 第三十五条: the jurisdiction kept by name becomes one kept by OID, with
# the grant that validates it (not an initial privilege: pg_dump carries it).
j=$(val "$OLD" "SELECT member || ' ' || region || ' ' || (role_oid = 'up_county'::regrole) FROM bjxm.jurisdictions")
[ "$j" == "up_county 520521 true" ] && echo "  ok    the jurisdiction is keyed by OID ($j)" || fail "jurisdiction after update: $j"
j=$(val "$OLD" "SET ROLE up_county; SELECT bjxm._sees_all_units()::text || ' ' || count(*) FROM bjxm.units" | tail -n 1)
[ "$j" == "false 0" ] && echo "  ok    the county member still sees its county only ($j)" || fail "county scope after update: $j"
INITPRIVS="SELECT coalesce(array_to_string(ARRAY(SELECT x::text FROM unnest(i.initprivs) x ORDER BY 1), ','), 'none')
             FROM pg_init_privs i WHERE i.objoid = 'bjxm.jurisdictions'::regclass AND i.objsubid = 0"
# 第三十六条: the figures of the regulation are no longer bigdata's settings.
r=$(val "$OLD" "SELECT sqlstate FROM bjxm.check(NULL, 'set_setting', '{\"key\": \"county_review_threshold\", \"value\": \"5000000\"}')")
[ "$r" == "42501" ] && echo "  ok    set_setting refuses a regulation figure ($r)" || fail "set_setting on a figure after update: $r"
psql_ "$OLD" -c "SELECT bjxm.revoke_jurisdiction('up_county')" >/dev/null || fail "revoke_jurisdiction after update"
# The upgraded schema is the fresh install's.
psql_ "$NEW" -c "CREATE EXTENSION bjxm" >/dev/null
[ "$(val "$OLD" "$INITPRIVS")" == "$(val "$NEW" "$INITPRIVS")" ] && echo "  ok    the jurisdictions' initial privileges are a fresh install's" \
  || fail "pg_init_privs of bjxm.jurisdictions: $(val "$OLD" "$INITPRIVS") vs $(val "$NEW" "$INITPRIVS")"
SHAPE="
SELECT 'rel ' || c.relname || ' ' || c.relkind::text || ' rls=' || c.relrowsecurity || '/' || c.relforcerowsecurity
       || ' acl=' || coalesce(array_to_string(ARRAY(SELECT x::text FROM unnest(c.relacl) x ORDER BY 1), ','), '')
       || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')
  FROM pg_class c WHERE c.relnamespace = 'bjxm'::regnamespace
UNION ALL
SELECT 'col ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
       || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' gen=' || a.attgenerated::text
       || ' comment=' || coalesce(col_description(c.oid, a.attnum), '')
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
 WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind IN ('r', 'v')
UNION ALL
SELECT 'con ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'bjxm'::regnamespace
UNION ALL
SELECT 'idx ' || pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
 WHERE c.relnamespace = 'bjxm'::regnamespace
UNION ALL
SELECT 'trg ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relnamespace = 'bjxm'::regnamespace AND NOT t.tgisinternal
UNION ALL
SELECT 'pol ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') FROM pg_policies WHERE schemaname = 'bjxm'
UNION ALL
SELECT 'fun ' || p.oid::regprocedure::text || ' ' || md5(pg_get_functiondef(p.oid))
       || ' acl=' || coalesce(array_to_string(ARRAY(SELECT x::text FROM unnest(p.proacl) x ORDER BY 1), ','), '')
       || ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '')
  FROM pg_proc p WHERE p.pronamespace = 'bjxm'::regnamespace AND p.prokind <> 'a'
UNION ALL
SELECT 'view ' || c.relname || ' ' || md5(pg_get_viewdef(c.oid)) || ' ' || coalesce(array_to_string(c.reloptions, ','), '')
  FROM pg_class c WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind = 'v'
UNION ALL
SELECT 'type ' || t.typname || ' comment=' || coalesce(obj_description(t.oid, 'pg_type'), '')
  FROM pg_type t WHERE t.typnamespace = 'bjxm'::regnamespace AND t.typtype <> 'c' AND t.typname NOT LIKE '\_%'
UNION ALL
SELECT 'dump ' || cfg::regclass || ' ' || coalesce(cond, '')
  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS u(cfg, cond) WHERE e.extname = 'bjxm'
UNION ALL
SELECT 'member ' || count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
 WHERE e.extname = 'bjxm' AND d.deptype = 'e'
ORDER BY 1"
# The dictionary: the seeded rows (term, clause, kind, rule) are a fresh
# install's, 0.2.0's four spellings that were not in normal form renamed.
r=$(val "$OLD" "SELECT t.active || ' ' || t.kind || ' ' || (t.revision > 0) FROM bjxm.excluded_terms t WHERE t.term = '公务用车'")
[ "$r" == "false purchase_only true" ] && echo "  ok    a DBA's retired seeded term stays retired, with 0.3.0's rule ($r)" || fail "公务用车 after update: $r"
r=$(val "$OLD" "SELECT string_agg(w.term, ',') FROM bjxm.term_waivers w WHERE w.project_id = 1")
[ "$r" == "a4纸" ] && echo "  ok    the waiver follows the respelt term ($r)" || fail "waivers after update: $r"
TERMS="SELECT md5(string_agg(t.term || ' ' || t.clause::text || ' ' || t.active || ' ' || coalesce(t.class, '') || ' ' || t.kind
                             || ' ' || t.allow_contexts::text || ' ' || t.deny_contexts::text || ' ' || t.refuse_by_default
                             || ' ' || t.revision, E'\\n' ORDER BY t.term)) || ' ' || count(*) FROM bjxm.excluded_terms t WHERE t.seeded AND t.term <> '公务用车'"
[ "$(val "$OLD" "$TERMS")" == "$(val "$NEW" "$TERMS")" ] && echo "  ok    the dictionary is a fresh $CURRENT install's ($(val "$NEW" "$TERMS" | cut -d' ' -f2) seeded terms)" \
  || fail "the seeded dictionary differs from a fresh install's: $(val "$OLD" "$TERMS") vs $(val "$NEW" "$TERMS")"
SETTINGS="SELECT string_agg(s.key || ' ' || s.kind || ' ' || coalesce(s.clause::text, '') || ' ' || s.default_value || ' ' || s.description,
                            E'\\n' ORDER BY s.key) FROM bjxm.settings s"
[ "$(val "$OLD" "$SETTINGS")" == "$(val "$NEW" "$SETTINGS")" ] && echo "  ok    the settings are a fresh $CURRENT install's" \
  || fail "the settings differ from a fresh install's"
val "$OLD" "$SHAPE" > "$TMP/upgraded.shape" || fail "reading the upgraded schema failed"
val "$NEW" "$SHAPE" > "$TMP/fresh.shape" || fail "reading the fresh schema failed"
[ "$(wc -l < "$TMP/fresh.shape")" -gt 500 ] || fail "too few catalog facts read: $(wc -l < "$TMP/fresh.shape")"
if diff -u "$TMP/fresh.shape" "$TMP/upgraded.shape" > "$TMP/shape.diff"; then
  echo "  ok    the upgraded schema equals a fresh $CURRENT install ($(wc -l < "$TMP/fresh.shape") catalog facts)"
else
  head -n 40 "$TMP/shape.diff"; fail "the upgraded schema differs from a fresh install"
fi

if [ "$FAILED" -ne 0 ]; then echo "upgrade: FAILED"; exit 1; fi
echo "upgrade: ok"
