#!/usr/bin/env bash
# pg_dump / pg_restore keep every row of bjxm (docs/reference.md §9: the data tables are
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
mkdir -p "${TMP:-/tmp}"
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
-- 第三十五条: the city-wide scope is explicit; a county member renamed
-- keeps its county (by OID), and the dump carries its new name.
SELECT bjxm.set_jurisdiction('mx_dr_bigdata', '520500');
DO $$ BEGIN DROP ROLE mx_dr_rn; EXCEPTION WHEN OTHERS THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE mx_dr_rn_old NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT bjxm_bigdata TO mx_dr_rn_old;
SELECT bjxm.set_jurisdiction('mx_dr_rn_old', '520502');
ALTER ROLE mx_dr_rn_old RENAME TO mx_dr_rn;

SET ROLE mx_dr_bigdata;
SELECT bjxm.register_unit('11520500MX0000001W', '备份测试单位甲 (dump unit A)', 'admin_dept');
SELECT bjxm.register_unit('11520521MX0000002D', '备份测试单位乙 (dump unit B)', 'institution', '520521');
SELECT bjxm.register_unit('11520502MX00000030', '备份测试单位丙 (dump unit C)', 'soe', '520502');
SELECT bjxm.register_party('DR-R1', '备份测试评审机构 (dump reviewer)', 'reviewer', '12520500DR0000001N');
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
SELECT bjxm.register_party('DR-E1', '备份测试评估机构 (dump evaluator)', 'evaluator', '91520500DRE0000018');
RESET ROLE;
-- 第三十六条: a figure of the regulation changed by the city government: rulebook version 1.
SELECT bjxm.set_regulation_figure('major_project_threshold', '20000000', '转储测试: 重大项目标准2000万元');
SQL

# Projects and every table behind them (docs/reference.md §4, §5), each step by the duty
# role the script already has where there is one (unit A = mx_dr_unit,
# bigdata, the entrusted reviewer), otherwise as the superuser (city
# government, finance of the city).  "Today" is fixed so 2027 can be
# declared.  P1 goes through every gate to evaluated with a line item, an
# adjustment used, one rejected, a disbursement, a self and a key
# evaluation; P2 is postponed at approved (postponed_from set); P3 is
# excluded from the plan; rectification orders: one closed as passed, one
# failed (a hold on unit B).
psql_ "$SRC" >/dev/null <<'SQL'
SET client_min_messages = warning;
SET bjxm.today = '2026-11-27';
-- Tables added by work in progress are filled only once their function exists.
CREATE FUNCTION pg_temp.has_function(name text) RETURNS boolean LANGUAGE sql AS $$
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_proc
                  WHERE pronamespace = 'bjxm'::regnamespace AND proname = name)
$$;
CREATE FUNCTION pg_temp.waive_term(p bigint, term text, reason text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF pg_temp.has_function('waive_term') THEN
    EXECUTE 'SELECT bjxm.waive_term($1, $2, $3)' USING p, term, reason;
  END IF;
END $$;
CREATE FUNCTION pg_temp.to_planned(p bigint, estimate numeric, line_item boolean) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
  SET LOCAL ROLE mx_dr_unit;
  PERFORM bjxm.set_demand_plan(p, jsonb_build_object('goals', '备份测试建设目标', 'service_content', '开发与运维',
    'functions', '业务办理', 'data_resources', '业务库', 'network', '电子政务外网', 'security', '等保三级',
    'cost_estimate', estimate || '元', 'crypto_plan', jsonb_build_object('assessed_by', 'expert', 'passed', true, 'ref', 'MP-' || p)));
  PERFORM bjxm.set_project_facts(p, '{"deployment_site": "city_data_center", "domestic_crypto": true}');
  PERFORM bjxm.set_performance_targets(p, '{"上线率": "100%"}');
  IF line_item AND pg_temp.has_function('add_line_item') THEN
    EXECUTE 'SELECT bjxm.add_line_item($1, $2, $3, $4, $5)'
      USING p, 'software_development', '业务系统软件开发', round(estimate * 0.8, 2), '备份测试开发费用';
  END IF;
  PERFORM bjxm.declare(p);
  SET LOCAL ROLE mx_dr_bigdata;
  PERFORM bjxm.preliminary_review(p, true, '符合规划');
  PERFORM bjxm.entrust_review(p, 'DR-R1');
  SET LOCAL ROLE mx_dr_reviewer;
  PERFORM bjxm.record_review(p, true, 'XQ-' || p);
  SET LOCAL ROLE mx_dr_bigdata;
  PERFORM bjxm.admit_to_library(p);
  PERFORM bjxm.propose_for_plan(p);
  RETURN p;
END $$;

SET ROLE mx_dr_unit;
SELECT bjxm.create_project('11520500MX0000001W', '备份测试平台 (dump project 1)', 'service_platform',
                           '{development,operation}', 2027, 800000) AS p1 \gset
SELECT bjxm.create_project('11520500MX0000001W', '备份测试推迟 (dump project 2)', 'business_system',
                           '{development}', 2027, 300000) AS p2 \gset
SELECT bjxm.create_project('11520500MX0000001W', '备份测试暂缓 (dump project 3)', 'other',
                           '{operation}', 2027, 100000) AS p3 \gset
RESET ROLE;
SELECT pg_temp.to_planned(:p1, 800000, true), pg_temp.to_planned(:p2, 300000, false),
       pg_temp.to_planned(:p3, 100000, false);
-- 第九条: the city government approves the plan, P3 excluded (back to in_library).
SELECT bjxm.approve_annual_plan(2027, '520500', ARRAY[:p3]::bigint[]);
-- 第十二条: P2 postponed at approved.
SELECT bjxm.postpone(:p2, '备份测试: 用户单位原因');

-- P1 on to evaluated.
SET ROLE mx_dr_unit;
SELECT bjxm.record_ex_ante_assessment(:p1, true, 'SQPG-' || :p1);
SET ROLE mx_dr_bigdata;
SELECT pg_temp.waive_term(:p1, '短信费', '备份测试: 经评审的短信验证码服务');
-- 第十一条: an item admitted under a waiver, and one that a later dictionary refuses.
SET ROLE mx_dr_unit;
SELECT bjxm.add_line_item(:p1, 'software_development', '短信验证码服务短信费', 20000) > 0 AS waived_item;
SELECT bjxm.add_line_item(:p1, 'software_development', '移动端接入开发', 30000) > 0 AS later_refused_item;
SET ROLE mx_dr_bigdata;
SELECT bjxm.set_excluded_term('移动端接入', '第十一条第(二)项');
-- 第十条: the budget within the items (640,000 + 20,000 + 30,000).
RESET ROLE;
SELECT bjxm.arrange_budget(:p1, 690000);
SET ROLE mx_dr_unit;
SELECT bjxm.submit_service_plan(:p1, '{"service_content": "平台开发", "budget": "78万元", "functions": "业务办理",
  "data_resources": "业务库", "network": "政务外网", "security": "等保三级", "technical_route": "微服务",
  "crypto_solution": "SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24", "training_plan": "两期"}');
SET ROLE mx_dr_bigdata;
SELECT bjxm.entrust_review(:p1, 'DR-R1');
SET ROLE mx_dr_reviewer;
SELECT bjxm.approve_service_plan(:p1, true, 680000, 'FW-' || :p1);
-- 第十五条 (政府采购法第二十七条): finance's exception for another method,
-- approved before the procurement (kept in bjxm.procurement_exceptions).
RESET ROLE;
SELECT bjxm.approve_procurement_exception(:p1, 'competitive_consultation', '备份测试: 技术复杂') > 0 AS exception;
SET ROLE mx_dr_unit;
SELECT bjxm.record_procurement(:p1, 'DR-V1', 670000, 'open_tender');
SELECT bjxm.sign_contract(:p1, 'DR-HT-' || :p1, jsonb_build_object('parties', jsonb_build_object(
  'bigdata', '毕节市大数据局', 'user_unit', '11520500MX0000001W', 'vendor', 'DR-V1'), 'emergency_response', true,
  'annual_security_test', true, 'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
-- 第十六条: 大数据部门 signs the same contract (two actors; the dump keeps both signatures).
SET ROLE mx_dr_bigdata;
SELECT bjxm.sign_contract(:p1, 'DR-HT-' || :p1, jsonb_build_object('parties', jsonb_build_object(
  'bigdata', '毕节市大数据局', 'user_unit', '11520500MX0000001W', 'vendor', 'DR-V1'), 'emergency_response', true,
  'annual_security_test', true, 'crypto_assessment', true, 'risk_assessment', true, 'report_results', true));
RESET ROLE;
SELECT bjxm.record_disbursement(:p1, 300000, '2026-11-27');
SET ROLE mx_dr_unit;
SELECT bjxm.start_implementation(:p1);
-- 第十九条: one adjustment rejected, one approved and used.
SELECT bjxm.request_adjustment(:p1, 'optimization', '备份测试: 增加大屏') AS adj_no \gset
SELECT bjxm.request_adjustment(:p1, 'optimization', '备份测试: 增加移动端', '{"service_content": "平台开发(含移动端)", "functions": "业务办理、移动端"}', 30000) AS adj \gset
SET ROLE mx_dr_reviewer;
SELECT bjxm.record_adjustment_opinion(:adj, true, '专家组同意增加移动端');
SET ROLE mx_dr_bigdata;
SELECT bjxm.decide_adjustment(:adj_no, false, '专家组不同意');
SELECT bjxm.decide_adjustment(:adj, true);
SET ROLE mx_dr_unit;
-- 第十九条: a line item added after the budget rests on the approved increase.
SELECT bjxm.add_line_item(:p1, 'software_development', '移动端开发', 30000) > 0 AS item_under_adjustment;
SELECT bjxm.amend_service_plan(:p1, :adj, '{"service_content": "平台开发(含移动端)", "budget": "78万元",
  "functions": "业务办理、移动端", "data_resources": "业务库", "network": "政务外网", "security": "等保三级",
  "technical_route": "微服务", "crypto_solution": "SM2/SM3/SM4", "schedule": "6个月", "service_guarantee": "7x24",
  "training_plan": "两期"}');
-- 第三十二条: self-evaluation by the unit, 重点绩效评价 by finance.
SELECT bjxm.record_self_evaluation(:p1, 2027, 92, '{"summary": "按期完成"}');
RESET ROLE;
SELECT bjxm.record_key_evaluation(:p1, 2027, 85, 'ZD-' || :p1);
-- 第二十条, 第三十三条: acceptance by both sides, then the evaluation.
SET ROLE mx_dr_unit;
SELECT bjxm.sign_acceptance(:p1, true, '用户单位验收通过');
SET ROLE mx_dr_bigdata;
SELECT bjxm.sign_acceptance(:p1, true, '大数据局验收通过');
SELECT bjxm.record_evaluation(:p1, 'DR-E1', 90, 88, 85, 'PG-' || :p1);

-- 第三十一条: an order on unit A reported and closed as passed; one on
-- unit B reported and failed, so unit B has a hold.
SELECT bjxm.open_rectification('11520500MX0000001W', 3, '备份测试: 未部署在城市数据中心', :p1, '2026-12-31') AS ord1 \gset
SELECT bjxm.open_rectification('11520521MX0000002D', 6, '备份测试: 安全保障不到位', NULL, '2027-06-30') AS ord2 \gset
SET ROLE mx_dr_unit;
SELECT bjxm.report_rectification(:ord1, '已迁移至城市数据中心');
SET ROLE mx_dr_unit2;
SELECT bjxm.report_rectification(:ord2, '已加固');
SET ROLE mx_dr_bigdata;
SELECT bjxm.close_rectification(:ord1, true);
SELECT bjxm.close_rectification(:ord2, false);
RESET ROLE;

-- 第二十二条至第二十五条: P1's data resource catalogued and classified by
-- the unit, reviewed by bigdata, the unit's catalogue approved by the city
-- government (superuser), then listed (desensitized, as it is opened);
-- a second, sensitive entry stays unreviewed and unlisted.  No
-- classification (类-项-目-细目) is the first part of the resource code.
SET ROLE mx_dr_unit;
SELECT bjxm.add_data_resource(:p1, '备份测试办件信息 (dump resource 1)', '办件基本信息', '数据库',
  'conditional', 'unconditional', '每日', '[{"name": "办件编号", "type": "字符型"}, {"name": "办结日期", "type": "日期型"}]',
  share_condition => '政务部门履职需要', share_method => '接口', provide_method => '共享交换平台',
  classification => '3-01-002-001') AS dr1 \gset
SELECT bjxm.add_data_resource(:p1, '备份测试申请人信息 (dump resource 2)', '申请人身份信息', '数据库',
  'conditional', 'none', '实时', '[{"name": "身份证号", "type": "字符型"}]',
  sensitive => true, share_condition => '经授权核验', share_method => '接口', provide_method => '共享交换平台',
  classification => '3-01-002-001') AS dr2 \gset
SELECT bjxm.classify_data_resource(:dr1, '一般数据', true);
SELECT bjxm.classify_data_resource(:dr2, '重要数据', true);
SET ROLE mx_dr_bigdata;
SELECT bjxm.review_data_resource(:dr1, true);
RESET ROLE;
SELECT bjxm.approve_catalogue('11520500MX0000001W');
SET ROLE mx_dr_unit;
SELECT bjxm.list_data_resource(:dr1, true);
-- 第二十七条: components, one domestic and one not.
SELECT bjxm.record_component(:p1, 'database', '备份测试国产数据库', true);
SELECT bjxm.record_component(:p1, 'os', '备份测试进口操作系统', false);
-- 第二十八条: a security test by the unit, a crypto assessment by bigdata.
SELECT bjxm.record_security_assessment(:p1, 2026, 'security_test', true,
  '{bigdata,public_security,crypto_admin}', '备份测试检测机构');
SET ROLE mx_dr_bigdata;
SELECT bjxm.record_security_assessment(:p1, 2026, 'crypto_assessment', true,
  '{bigdata,public_security,crypto_admin}', '备份测试密评机构');
RESET ROLE;
-- Reminders (第二十八条): a year on, the assessments are overdue; the
-- scheduler's run logs them (reminder_log, reminder_runs).
SET bjxm.today = '2028-01-10';
SELECT bjxm.send_reminders() > 0 AS reminded;
SET bjxm.today = '2026-11-27';
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

# The fixture reached what it is meant to cover.
echo "== the fixture =="
check_eq "projects: evaluated, postponed from approved, in_library" \
  "dump project 1 evaluated -,dump project 2 postponed approved,dump project 3 in_library -" \
  "$(val "$SRC" "SELECT string_agg(substring(name FROM 'dump project [0-9]+') || ' ' || state || ' '
                                  || coalesce(postponed_from::text, '-'), ',' ORDER BY project_id)
                  FROM bjxm.projects")"
check_eq "adjustments: one rejected, one used" "rejected,used" \
  "$(val "$SRC" "SELECT string_agg(status, ',' ORDER BY status) FROM bjxm.adjustments")"
check_eq "adjustments: the used one has its opinion, digest and an item" "t|t|1" \
  "$(val "$SRC" "SELECT a.opinion_passed, a.opinion_digest IS NOT NULL,
                        (SELECT count(*) FROM bjxm.line_items l WHERE l.adjustment_id = a.adjustment_id)
                   FROM bjxm.adjustments a WHERE a.status = 'used'")"
check_eq "performance evaluations: key and self" "key,self" \
  "$(val "$SRC" "SELECT string_agg(kind, ',' ORDER BY kind) FROM bjxm.performance_evaluations")"
check_eq "rectifications: closed, failed with a hold" "closed false,failed true" \
  "$(val "$SRC" "SET bjxm.today = '2026-11-27';
                  SELECT string_agg(status || ' ' || hold, ',' ORDER BY status) FROM bjxm.rectification_board")"
check_eq "data resources: one listed, one unreviewed and unlisted" \
  "dump resource 1 一般数据 passed approved listed,dump resource 2 重要数据 - - -" \
  "$(val "$SRC" "SELECT string_agg(substring(name FROM 'dump resource [0-9]+') || ' ' || level || ' '
                                  || CASE WHEN review_passed THEN 'passed' ELSE '-' END || ' '
                                  || CASE WHEN approved_at IS NOT NULL THEN 'approved' ELSE '-' END || ' '
                                  || CASE WHEN listed_at IS NOT NULL THEN 'listed' ELSE '-' END, ',' ORDER BY resource_id)
                  FROM bjxm.data_resources")"
check_eq "components: domestic ratio of P1" "2 components, 1 domestic, ratio 0.5000" \
  "$(val "$SRC" "SELECT components || ' components, ' || domestic || ' domestic, ratio ' || domestic_ratio
                  FROM bjxm.domestic_components")"
check_eq "security assessments: by the unit and by bigdata" "crypto_assessment mx_dr_bigdata,security_test mx_dr_unit" \
  "$(val "$SRC" "SELECT string_agg(kind || ' ' || recorded_by, ',' ORDER BY kind) FROM bjxm.security_assessments")"

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
# 第十一条: items admitted under a waiver or before a later term round-trip,
# although today's dictionary, in the restored database too, refuses them.
check_eq "restored items today's dictionary refuses" "2" \
  "$(val "$DST" "SELECT count(*) FROM bjxm.line_items i
                  WHERE EXISTS (SELECT 1 FROM bjxm.expense_check(i.category, i.name, i.description))")"
src_unit=$(val "$SRC" "SELECT max(unit_id) FROM bjxm.units")
src_event=$(val "$SRC" "SELECT max(event_id) FROM bjxm.events")
src_rulebook=$(val "$SRC" "SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1")
new_unit=$(val "$DST" "SET ROLE mx_dr_bigdata;
                       SELECT bjxm.register_unit('11520500MX00000059', '恢复后新单位 (unit after restore)', 'admin_dept')")
check_eq "register_unit gets the next unit id" "$((src_unit + 1))" "$new_unit"
check_eq "the next event id follows the last" "$((src_event + 1))" \
  "$(val "$DST" "SELECT max(event_id) FROM bjxm.events")"
check_eq "the city lane's head names the new event" "$((src_event + 1))" \
  "$(val "$DST" "SELECT last_event_id FROM bjxm.event_lanes WHERE lane = 0")"
check_eq "the new unit has its own empty lane" "0" \
  "$(val "$DST" "SELECT last_seq FROM bjxm.event_lanes WHERE lane = $new_unit")"
check_eq "the chain verifies after the restore" "t" \
  "$(val "$DST" "SELECT first_broken IS NULL FROM bjxm.verify_events()")"
check_eq "the new event is register_unit of the unit" "register_unit|$new_unit|mx_dr_bigdata" \
  "$(val "$DST" "SELECT action || '|' || unit_id || '|' || actor FROM bjxm.events ORDER BY event_id DESC LIMIT 1")"
check_eq "the rulebook revision is kept" "$src_rulebook" \
  "$(val "$DST" "SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1")"
check_eq "changed settings kept with their revision" "major_project_threshold=20000000 r1,rectification_days=60 r2,slow_execution_rate=0.6 r1" \
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
check_eq "jurisdictions restored, keyed by the OID of the role's name" \
  "mx_dr_bigdata 520500 true,mx_dr_county 520521 true,mx_dr_rn 520502 true" \
  "$(val "$DST" "SELECT string_agg(member || ' ' || region || ' ' || (role_oid = to_regrole(member)::oid), ',' ORDER BY member) FROM bjxm.jurisdictions")"
check_eq "with the grants that validate them" "mx_dr_bigdata,mx_dr_county,mx_dr_rn" \
  "$(val "$DST" "SELECT string_agg(a.grantee::regrole::text, ',' ORDER BY a.grantee::regrole::text) FROM pg_class c, aclexplode(c.relacl) a
                 WHERE c.oid = 'bjxm.jurisdictions'::regclass AND a.grantee::regrole::text LIKE 'mx\_dr\_%'")"
check_eq "the rulebook version is kept" "1 major_project_threshold=20000000" \
  "$(val "$DST" "SELECT (SELECT max(version) FROM bjxm.rulebook_versions) || ' ' || key || '=' || value FROM bjxm.rulebook WHERE set_in_version = 1")"
check_eq "the renamed county member still sees only its county" "11520502MX00000030" \
  "$(val "$DST" "SET ROLE mx_dr_rn; SELECT string_agg(code::text, ',' ORDER BY code) FROM bjxm.units")"
check_eq "the event log is still append-only" "refused" \
  "$(val "$DST" "DO \$\$ BEGIN DELETE FROM bjxm.events; RAISE NOTICE 'deleted'; EXCEPTION WHEN OTHERS THEN NULL; END \$\$;
                  SELECT CASE WHEN count(*) = $src_event + 2 THEN 'refused' ELSE 'deleted' END FROM bjxm.events")"

# The lifecycle goes on in the restored database: the next project id, a
# declaration and the reviews after it, the postponed project resumed to the
# state it left, the failed order still holding unit B's funding.  act: run
# statements as a role with today fixed, output discarded.
act() { # db role sql
  psql_ "$1" -c "SET bjxm.today = '2026-11-27'" -c "SET ROLE $2" -c "$3" >/dev/null
}
src_project=$(val "$SRC" "SELECT max(project_id) FROM bjxm.projects")
src_review=$(val "$SRC" "SELECT max(review_id) FROM bjxm.reviews")
src_entrustment=$(val "$SRC" "SELECT max(entrustment_id) FROM bjxm.entrustments")
postponed=$(val "$SRC" "SELECT project_id FROM bjxm.projects WHERE state = 'postponed'")
new_project=$(val "$DST" "SET bjxm.today = '2026-11-27'; SET ROLE mx_dr_unit;
                          SELECT bjxm.create_project('11520500MX0000001W', '恢复后新项目 (project after restore)',
                                                     'business_system', '{development}', 2027, 500000)")
check_eq "create_project gets the next project id" "$((src_project + 1))" "$new_project"
act "$DST" mx_dr_unit "SELECT bjxm.set_demand_plan($new_project, '{\"goals\": \"g\", \"service_content\": \"s\",
  \"functions\": \"f\", \"data_resources\": \"d\", \"network\": \"n\", \"security\": \"s\", \"cost_estimate\": \"50万元\",
  \"crypto_plan\": {\"assessed_by\": \"expert\", \"passed\": true, \"ref\": \"r\"}}')"
act "$DST" mx_dr_unit "SELECT bjxm.declare($new_project)"
check_eq "the new project is declared" "declared" \
  "$(val "$DST" "SELECT state FROM bjxm.projects WHERE project_id = $new_project")"
check_eq "the declare event, by the unit" "declare|$new_project|draft|declared|mx_dr_unit" \
  "$(val "$DST" "SELECT action || '|' || project_id || '|' || from_state || '|' || to_state || '|' || actor
                  FROM bjxm.events ORDER BY event_id DESC LIMIT 1")"
act "$DST" mx_dr_bigdata "SELECT bjxm.preliminary_review($new_project, true, '恢复后初审')"
act "$DST" mx_dr_bigdata "SELECT bjxm.entrust_review($new_project, 'DR-R1')"
check_eq "shortlisted: the next review and entrustment ids" \
  "shortlisted $((src_review + 1)) $((src_entrustment + 1))" \
  "$(val "$DST" "SELECT p.state || ' ' || (SELECT max(review_id) FROM bjxm.reviews) || ' '
                         || (SELECT max(entrustment_id) FROM bjxm.entrustments)
                    FROM bjxm.projects p WHERE p.project_id = $new_project")"
act "$DST" mx_dr_reviewer "SELECT bjxm.record_review($new_project, true, 'XQ-after-restore')"
check_eq "the entrusted reviewer records its review" "reviewed" \
  "$(val "$DST" "SELECT state FROM bjxm.projects WHERE project_id = $new_project")"
act "$DST" mx_dr_bigdata "SELECT bjxm.resume($postponed)"
check_eq "the postponed project resumes where it left" "approved -" \
  "$(val "$DST" "SELECT state || ' ' || coalesce(postponed_from::text, '-') FROM bjxm.projects WHERE project_id = $postponed")"
check_eq "the failed order still holds unit B's funding" "t" \
  "$(val "$DST" "SET bjxm.today = '2026-11-27';
                  SELECT funding_blocked FROM bjxm.unit_compliance WHERE unit::text = '11520521MX0000002D'")"

# 第五章, 第六章 after the restore: the listed catalogue is still listed and
# scoped by unit; a new entry takes the next id; the assessments still
# count for what is due.
check_eq "the listed catalogue, seen by unit A" "dump resource 1 一般数据 true" \
  "$(val "$DST" "SET ROLE mx_dr_unit;
                  SELECT string_agg(substring(name FROM 'dump resource [0-9]+') || ' ' || level || ' '
                                    || (published_on = '2026-11-27'), ',')
                    FROM bjxm.data_catalogue")"
check_eq "unit B sees no catalogue entry of unit A (RLS)" "0" \
  "$(val "$DST" "SET ROLE mx_dr_unit2; SELECT count(*) FROM bjxm.data_resources")"
new_resource=$(val "$DST" "SET bjxm.today = '2026-11-27'; SET ROLE mx_dr_unit;
                           SELECT bjxm.add_data_resource($(val "$SRC" "SELECT project_id FROM bjxm.projects WHERE state = 'evaluated'"),
                             '恢复后新目录 (resource after restore)', '摘要', '电子表格', 'none', 'none', '每年',
                             '[{\"name\": \"项\", \"type\": \"字符型\"}]', classification => '3-01-002-001')")
check_eq "add_data_resource gets the next resource id" \
  "$(( $(val "$SRC" "SELECT max(resource_id) FROM bjxm.data_resources") + 1 ))" "$new_resource"
check_eq "assessments due: security_test and crypto_assessment kept" \
  "$(val "$SRC" "SET bjxm.today = '2026-11-27';
                  SELECT string_agg(kind || ' ' || coalesce(last_on::text, '-') || ' ' || due_on || ' ' || overdue, ',' ORDER BY kind)
                    FROM bjxm.security_assessment_due")" \
  "$(val "$DST" "SET bjxm.today = '2026-11-27';
                  SELECT string_agg(kind || ' ' || coalesce(last_on::text, '-') || ' ' || due_on || ' ' || overdue, ',' ORDER BY kind)
                    FROM bjxm.security_assessment_due")"

if [ "$FAILED" -ne 0 ]; then
  echo "dump_restore: FAILED"
  exit 1
fi
echo "dump_restore: every table and sequence identical after restore; the restored database works"
