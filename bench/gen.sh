#!/usr/bin/env bash
# bench/gen.sh — bulk data for the scale measurements (bench/scale.sh).
#
#   bench/gen.sh DB PROJECTS UNITS EVENTS_PER_PROJECT LINE_ITEMS_PER_PROJECT LONG_HISTORY
#
# Creates database DB with the extension and loads, as the superuser, with
# COPY (SELECT … generate_series) TO STDOUT | COPY … FROM STDIN (the bulk
# COPY path, one pipe per table; nothing goes through the bjxm functions):
#   units          UNITS units, one (fake) member name each;
#   projects       PROJECTS, round-robin over the units (project i belongs to
#                  unit 1 + (i-1) % UNITS, so a unit's projects are spread
#                  over the whole heap, as after years of use), states spread
#                  over the 15 lifecycle states;
#   events         EVENTS_PER_PROJECT per project, and LONG_HISTORY more for
#                  each project of unit 1 (the projects the per-action
#                  benchmark acts on: "long histories");
#   line_items     LINE_ITEMS_PER_PROJECT per project, admission_event NULL,
#                  with the 第十一条 trigger ENABLED (eligible names take its
#                  no-SPI fast path, so it is not disabled);
#   disbursements  one per budgeted project; rectifications one open order
#                  in every 10th unit (every 40th overdue); data_resources
#                  two per unit, one listed.
# Unit 1's projects: every 5th is 'approved' (for check arrange_budget),
# the rest 'contracted' (set_project_facts, add_line_item, postpone/resume).
#
# The events are NOT a valid hash chain: prev_hash and hash are 32 zero
# bytes and lane 0's last_hash is zeros too, so new events chain on
# from there but bjxm.verify_events() reports the first loaded event as
# broken.  These databases are for timing only.
set -euo pipefail
DB=${1:?DB}; N=${2:?PROJECTS}; U=${3:?UNITS}; K=${4:?EVENTS_PER_PROJECT}; M=${5:?LINE_ITEMS}; L=${6:?LONG_HISTORY}
Q="psql -X -q -v ON_ERROR_STOP=1"

$Q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
$Q -d "$DB" <<'SQL'
CREATE EXTENSION bjxm;
-- GB 32100 check character (the same computation as src/core/uscc.c).
CREATE FUNCTION public.uscc_of(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  WITH b AS (SELECT '11520500' || lpad(n::text, 9, '0') AS s),
       w AS (SELECT ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28] AS w)
  SELECT b.s || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                       (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(b.s, i, 1)) - 1) * w.w[i])
                                FROM generate_series(1, 17) i)::int % 31) % 31 + 1, 1)
    FROM b, w $$;
SQL

pipe() { # table(cols) select
  $Q -d "$DB" -c "COPY ($2) TO STDOUT" | $Q -d "$DB" -c "COPY $1 FROM STDIN"
}

pipe "bjxm.units (unit_id, code, name, kind, region)" \
  "SELECT u, public.uscc_of(u), '基准单位' || u, (ARRAY['admin_dept','institution','soe'])[1 + u % 3]::bjxm.unit_kind, '520500'
     FROM generate_series(1, $U) u"
pipe "bjxm.unit_members (member, unit_id)" \
  "SELECT 'member_' || u, u FROM generate_series(1, $U) u"

STATES="ARRAY['draft','declared','shortlisted','reviewed','in_library','planned','approved','budgeted',
              'service_plan_submitted','service_plan_approved','procured','contracted','implementing','accepted','evaluated']"
PSTATE="CASE WHEN (i - 1) % $U = 0 THEN CASE WHEN ((i - 1) / $U) % 5 = 0 THEN 'approved' ELSE 'contracted' END
             ELSE ($STATES)[1 + i % 15] END"
pipe "bjxm.projects (project_id, unit_id, name, category, services, plan_year, estimate, fund, state, facts,
                     performance_targets, budget, created_at, updated_at)" \
  "SELECT i, 1 + (i - 1) % $U, '毕节市政务信息化项目第' || i || '号', (ARRAY['service_platform','data_platform','business_system','gov_cloud','data_resource_db','other'])[1 + i % 6]::bjxm.project_category,
          '{development}'::bjxm.service_kind[], 2027, 1000000 + (i % 1000) * 1000, 'municipal_fiscal',
          s::bjxm.project_state, '{\"deployment_site\": \"city_data_center\", \"domestic_crypto\": true}',
          '{\"availability\": 0.99}',
          CASE WHEN s::bjxm.project_state >= 'budgeted' THEN 1000000 + (i % 1000) * 1000 END,
          '2026-01-01'::timestamptz + i * interval '1 second', '2026-01-01'::timestamptz + i * interval '1 second'
     FROM generate_series(1, $N) i, LATERAL (SELECT $PSTATE AS s) x"

EVCOLS="bjxm.events (event_id, lane_seq, lane, project_id, unit_id, action, from_state, to_state, actor, actor_is_superuser, at,
                     effective_date, clause, note, details, rulebook, prev_hash, hash)"
EVSEL="'set_project_facts', 'draft', 'draft', 'member_1', false, '2026-01-01'::timestamptz + e * interval '10 ms',
       '2026-11-27', bjxm.clause(31, 0), NULL, '{\"facts\": {\"domestic_crypto\": true}}', 'bjxm 0.2.0 r0',
       decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex')"
if [ "$K" -gt 0 ]; then
  pipe "$EVCOLS" "SELECT e, e, 0, 1 + (e - 1) / $K, 1 + ((e - 1) / $K) % $U, $EVSEL FROM generate_series(1, $N::bigint * $K) e"
fi
N1=$(( (N + U - 1) / U ))   # unit 1's projects: 1, 1+U, 1+2U, …
if [ "$L" -gt 0 ]; then
  pipe "$EVCOLS" "SELECT $N::bigint * $K + e, $N::bigint * $K + e, 0, 1 + ((e - 1) / $L) * $U, 1, $EVSEL FROM generate_series(1, $N1::bigint * $L) e"
fi

pipe "bjxm.line_items (line_item_id, project_id, category, name, amount, description)" \
  "SELECT l, 1 + (l - 1) / $M, 'software_development', '全市政务服务事项统一受理平台第' || l || '期功能开发与数据对接服务', 12345.67,
          '含需求调研、系统设计、编码测试、部署上线及与省级平台接口联调, 不含硬件采购'
     FROM generate_series(1, $N::bigint * $M) l"
pipe "bjxm.disbursements (project_id, amount, paid_on, recorded_by)" \
  "SELECT project_id, budget / 4, '2026-06-30', 'member_1' FROM bjxm.projects WHERE budget IS NOT NULL"
pipe "bjxm.rectifications (unit_id, category, finding, deadline, opened_by)" \
  "SELECT u, 3, '未基于城市数据中心建设', CASE WHEN u % 40 = 1 THEN date '2026-10-01' ELSE date '2027-06-30' END, 'member_0'
     FROM generate_series(1, $U) u WHERE u % 10 = 1"
pipe "bjxm.data_resources (project_id, unit_id, name, classification, sequence_no, summary, format, items, share_type, open_type,
                           update_cycle, level, secrecy_reviewed, review_passed, listed_at, published_on)" \
  "SELECT u, u, '基准数据资源' || u || '-' || k, '1-2-3-4', u * 2 + k, '摘要', '数据库', '[{\"name\": \"编号\"}]',
          'conditional', 'none', '每日', '一般数据', true, true, CASE WHEN k = 0 THEN now() END,
          CASE WHEN k = 0 THEN date '2026-11-01' END
     FROM generate_series(1, LEAST($U, $N)) u, generate_series(0, 1) k"

$Q -d "$DB" >/dev/null <<SQL
SELECT setval('bjxm.units_unit_id_seq', $U);
SELECT setval('bjxm.projects_project_id_seq', $N);
SELECT setval('bjxm.line_items_line_item_id_seq', $N::bigint * $M);
-- every loaded event is in lane 0 (issue 17); each unit gets its own empty
-- lane, as register_unit would have made it, so writers of different units
-- do not serialize on lane 0
SELECT setval('bjxm.event_ids', GREATEST(max(event_id), 1), max(event_id) IS NOT NULL) FROM bjxm.events;
UPDATE bjxm.event_lanes SET last_seq = e.n, last_event_id = e.m, last_hash = decode(repeat('00', 32), 'hex')
  FROM (SELECT count(*) AS n, COALESCE(max(event_id), 0) AS m FROM bjxm.events) e WHERE lane = 0;
INSERT INTO bjxm.event_lanes (lane, last_event_id)
  SELECT u, (SELECT COALESCE(max(event_id), 0) FROM bjxm.events) FROM generate_series(1, $U) u;
SQL
$Q -d "$DB" -c "VACUUM ANALYZE"
