#!/usr/bin/env bash
# make bench: measured, not assumed.  Not part of make test.
#
# One throwaway cluster, one run, ratios against the same work without the
# rules:
#   1. line items through the 第十一条 trigger vs the same INSERTs into an
#      identical table (columns, checks, indexes, foreign keys) without it
#      (target >= 0.8x);
#   2. the whole bjxm.add_line_item (duty, RLS, state, 第十一条, event) vs
#      the item and its event INSERTed into plain copies in one statement
#      (target >= 0.75x, issue 17) and vs a bare INSERT of the item alone
#      (target >= 0.3x);
#   3. lifecycle transitions (postpone + resume) with 8 concurrent clients
#      on 8 projects of 8 units (BENCH_SAME_UNIT=1: one unit) vs a bare
#      UPDATE of a plain copy of the project row plus an INSERT into a plain
#      copy of the event table, NOTIFY on and off (target >= 0.8x, issue
#      17; zero deadlocks and serialization failures);
#   4. the dictionary matcher's MB/s on Chinese text (target >= 200 MB/s).
# With BENCH_SCALE=1, bench/scale.sh then runs on the same cluster: per-action
# cost at 1,000 / 100,000 / 1,000,000 projects, and the unit views and
# bjxm.check at 100,000 projects and 2,000,000 line items (EXPLAIN printed).
# Parts 1-3 run in BENCH_RATIO_ROUNDS (default 6: even for parts 1-2, a
# multiple of 3 for part 3's rotation, so every side goes first equally
# often) interleaved rounds of BENCH_SECONDS (default 3) per side: each
# round measures both sides back
# to back, alternating which goes first, and the table shows the medians
# and the range of the per-round ratios (a slow stretch of a shared VM
# then lands on both sides instead of on one).  BENCH_CLIENTS (default 1)
# for 1-2; BENCH_TRANSITION_CLIENTS (default 8) for 3.
# Time on 2 cores: about 2 minutes; with BENCH_SCALE=1 about 10 more.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh
make -s all >/dev/null && make -s install >/dev/null && make -s bench/matcher_bench >/dev/null

SECS=${BENCH_SECONDS:-3}
RROUNDS=${BENCH_RATIO_ROUNDS:-6}
CLIENTS=${BENCH_CLIENTS:-1}
TCLIENTS=${BENCH_TRANSITION_CLIENTS:-8}
DIR=$(mktemp -d /tmp/bjxm-bench.XXXXXX); chmod 0755 "$DIR"
trap '[ -s "$DIR/pgbench.err" ] && sort -u "$DIR/pgbench.err" | head -5 >&2; bash tools/cluster.sh stop "$DIR/cluster" >/dev/null 2>&1 || true; rm -rf "$DIR"' EXIT
PORT=$(bash tools/cluster.sh start "$DIR/cluster")
export PGHOST=$DIR/cluster PGPORT=$PORT PGUSER=postgres
PGBENCH=$(pg_config --bindir)/pgbench
export PGBENCH DIR
T0=$SECONDS
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE bench" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -v same_unit="${BENCH_SAME_UNIT:-0}" -d bench >/dev/null <<'SQL'
CREATE EXTENSION bjxm;
SET bjxm.today = '2026-11-27';
DO $$ BEGIN CREATE ROLE bench_unit NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT bjxm_user_unit TO bench_unit;
SELECT bjxm.register_unit('11520500MB1545443Y', '毕节市基准测试局', 'admin_dept');
SELECT bjxm.grant_unit_member('bench_unit', '11520500MB1545443Y');
SET ROLE bench_unit;
SELECT bjxm.create_project('11520500MB1545443Y', '基准测试平台', 'service_platform', '{development}', 2027, 1000000);
RESET ROLE;
-- The same table without the trigger: same columns, defaults, checks,
-- indexes and foreign keys (LIKE does not copy foreign keys).
CREATE TABLE public.plain_items (LIKE bjxm.line_items INCLUDING ALL);
ALTER TABLE public.plain_items ALTER COLUMN line_item_id SET DEFAULT nextval('bjxm.line_items_line_item_id_seq'),
    ADD FOREIGN KEY (project_id) REFERENCES bjxm.projects (project_id),
    ADD FOREIGN KEY (category) REFERENCES bjxm.expense_categories (code),
    ADD FOREIGN KEY (admission_event) REFERENCES bjxm.events (event_id);
GRANT INSERT ON public.plain_items TO bench_unit;
GRANT USAGE ON SEQUENCE bjxm.line_items_line_item_id_seq TO bench_unit;

-- 3. Transitions: a city-level bigdata member postpones and resumes one
-- project per client, each project of its own unit (issue 17: writers of
-- different units do not share an event lane; BENCH_SAME_UNIT=1 puts all
-- eight in unit 1 instead).  Projects 2..9 are created by the functions,
-- then put in 'contracted' by the superuser (the gates before it are not
-- what is measured).
DO $$ BEGIN CREATE ROLE bench_bigdata NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT bjxm_bigdata TO bench_bigdata;
SELECT bjxm.set_jurisdiction('bench_bigdata', '520500');
-- GB 32100 check character (as bench/gen.sh)
CREATE FUNCTION public.uscc_of(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  WITH b AS (SELECT '11520500' || lpad(n::text, 9, '0') AS s),
       w AS (SELECT ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28] AS w)
  SELECT b.s || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                       (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(b.s, i, 1)) - 1) * w.w[i])
                                FROM generate_series(1, 17) i)::int % 31) % 31 + 1, 1)
    FROM b, w $f$;
SELECT bjxm.register_unit(public.uscc_of(900 + i)::bjxm.uscc, '基准测试单位' || i, 'admin_dept') FROM generate_series(2, 9) i;
SELECT bjxm.grant_unit_member('bench_unit', public.uscc_of(900 + i)::bjxm.uscc) FROM generate_series(2, 9) i;
SET ROLE bench_unit;
SELECT bjxm.create_project((CASE WHEN :'same_unit' = '1' THEN '11520500MB1545443Y' ELSE public.uscc_of(900 + i) END)::bjxm.uscc,
                           '基准测试项目' || i, 'business_system', '{development}', 2027, 1000000)
  FROM generate_series(2, 9) i;
RESET ROLE;
UPDATE bjxm.projects SET state = 'contracted', budget = 1000000, performance_targets = '{"availability": 0.99}'
 WHERE project_id BETWEEN 2 AND 9;
-- The baseline: plain copies (same columns, defaults, checks, indexes; no
-- RLS, no trigger, no chain head) of the project row and the event log.
CREATE TABLE public.plain_projects (LIKE bjxm.projects INCLUDING ALL);
INSERT INTO public.plain_projects SELECT * FROM bjxm.projects;
CREATE TABLE public.plain_events (LIKE bjxm.events INCLUDING ALL);
CREATE SEQUENCE public.plain_events_seq;
CREATE SEQUENCE public.plain_lane_seq;  -- (a lane_seq: unique with lane, as in bjxm.events)
ALTER TABLE public.plain_events ALTER COLUMN event_id SET DEFAULT nextval('public.plain_events_seq');
GRANT SELECT, UPDATE ON public.plain_projects TO bench_bigdata;
GRANT INSERT ON public.plain_events TO bench_bigdata, bench_unit;
GRANT SELECT (event_id) ON public.plain_events TO bench_unit;  -- (RETURNING event_id)
GRANT USAGE ON SEQUENCE public.plain_events_seq, public.plain_lane_seq TO bench_bigdata, bench_unit;
SQL
echo "dictionary: $(psql -X -At -d bench -c "SELECT count(*) FROM bjxm.excluded_terms WHERE active") terms"

# Realistic eligible budget lines (the trigger scans them in full).
NAME="'全市政务服务事项统一受理平台第' || :i || '期功能开发与数据对接服务'"
DESC="'含需求调研、系统设计、编码测试、部署上线及与省级平台接口联调, 不含硬件采购'"
cat > "$DIR/trigger.sql" <<SQL
\set i random(1, 1000000)
INSERT INTO bjxm.line_items (project_id, category, name, amount, description)
VALUES (1, 'software_development', $NAME, 12345.67, $DESC);
SQL
cat > "$DIR/plain.sql" <<SQL
\set i random(1, 1000000)
INSERT INTO public.plain_items (project_id, category, name, amount, description)
VALUES (1, 'software_development', $NAME, 12345.67, $DESC);
SQL
cat > "$DIR/function.sql" <<SQL
\set i random(1, 1000000)
SET ROLE bench_unit;
SELECT bjxm.add_line_item(1, 'software_development', $NAME, 12345.67, $DESC);
RESET ROLE;
SQL
cat > "$DIR/bare.sql" <<SQL
\set i random(1, 1000000)
SET ROLE bench_unit;
INSERT INTO public.plain_items (project_id, category, name, amount, description)
VALUES (1, 'software_development', $NAME, 12345.67, $DESC);
RESET ROLE;
SQL
# The item and its event, plain (issue 17's baseline for add_line_item):
# one statement, as add_line_item is one call.
cat > "$DIR/item_event.sql" <<SQL
\set i random(1, 1000000)
SET ROLE bench_unit;
WITH e AS (INSERT INTO public.plain_events (project_id, unit_id, action, actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook, prev_hash, hash, lane, lane_seq) VALUES (1, 1, 'add_line_item', current_user, false, clock_timestamp(), current_date, '第十一条', $NAME, '{"category": "software_development", "amount": "12345.67"}', 'bjxm 0.3.0 r0', '\\x00', '\\x00', 1, nextval('public.plain_lane_seq')) RETURNING event_id) INSERT INTO public.plain_items (project_id, category, name, amount, description) SELECT 1, 'software_development', $NAME, 12345.67, $DESC FROM e;
RESET ROLE;
SQL

cat > "$DIR/transition.sql" <<'SQL'
\set p :client_id % 8 + 2
SET ROLE bench_bigdata;
SELECT bjxm.postpone(:p, '基准测试: 推迟实施');
SELECT bjxm.resume(:p);
RESET ROLE;
SQL
# One statement per transition (one round trip, as each bjxm action is one
# SELECT): the UPDATE of the row and the INSERT of its event.
cat > "$DIR/transition_bare.sql" <<'SQL'
\set p :client_id % 8 + 2
SET ROLE bench_bigdata;
WITH u AS (UPDATE public.plain_projects p SET postponed_from = p.state, state = 'postponed', updated_at = clock_timestamp() WHERE p.project_id = :p RETURNING p.project_id, p.unit_id) INSERT INTO public.plain_events (project_id, unit_id, action, from_state, to_state, actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook, prev_hash, hash, lane, lane_seq) SELECT u.project_id, u.unit_id, 'postpone', 'contracted', 'postponed', current_user, false, clock_timestamp(), current_date, '第十二条', '基准测试: 推迟实施', '{"reason": "基准测试: 推迟实施"}', 'bjxm 0.3.0 r0', '\x00', '\x00', u.unit_id, nextval('public.plain_lane_seq') FROM u;
WITH u AS (UPDATE public.plain_projects p SET state = p.postponed_from, postponed_from = NULL, updated_at = clock_timestamp() WHERE p.project_id = :p RETURNING p.project_id, p.unit_id) INSERT INTO public.plain_events (project_id, unit_id, action, from_state, to_state, actor, actor_is_superuser, at, effective_date, clause, note, details, rulebook, prev_hash, hash, lane, lane_seq) SELECT u.project_id, u.unit_id, 'resume', 'postponed', 'contracted', current_user, false, clock_timestamp(), current_date, '第十二条', NULL, '{}', 'bjxm 0.3.0 r0', '\x00', '\x00', u.unit_id, nextval('public.plain_lane_seq') FROM u;
RESET ROLE;
SQL

tps() { # script
  "$PGBENCH" -n -c "$CLIENTS" -j "$CLIENTS" -T "$SECS" -f "$1" bench 2>>"$DIR/pgbench.err" |
    sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
}
# 8 clients on 2 threads; prints "tps failed serialization deadlock".
ttps() { # script
  "$PGBENCH" -n -c "$TCLIENTS" -j 2 -T "$SECS" --failures-detailed -f "$1" bench > "$DIR/pgbench.out" 2>&1 || true
  awk '/^tps = /{t=$3} /^number of failed transactions/{f=$5} /serialization failures/{s=$5} /deadlock failures/{d=$5}
       END { printf "%s %s %s %s\n", t, (f==""?0:f), (s==""?0:s), (d==""?0:d) }' "$DIR/pgbench.out"
}
deadlocks() { psql -X -At -d bench -c "SELECT deadlocks FROM pg_stat_database WHERE datname = 'bench'"; }
notify() { psql -X -q -d bench -c "SET ROLE bench_bigdata" -c "SELECT bjxm.set_setting('notify', '$1')" >/dev/null; }
source bench/lib.sh
# "lowest-highest" of the per-round ratios of two lists.
spread() { # with-list without-list
  paste -d' ' <(echo $1 | tr ' ' '\n') <(echo $2 | tr ' ' '\n') |
    awk '{ r = $1 / $2; if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r } END { printf "%.2f-%.2f", lo, hi }'
}
row() { # label with-list without-list target
  local w n; w=$(echo "$2" | median); n=$(echo "$3" | median)
  printf '%-58s %10.0f %10.0f %7s %11s %7s\n' "$1" "$w" "$n" "$(ratio "$w" "$n")" "$(spread "$2" "$3")" "$4"
}
echo "pgbench: $CLIENTS client(s), $RROUNDS interleaved rounds of $SECS s per side, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Each round runs both sides back to back, the order alternating between
# rounds, so drift of the VM lands on both; the table shows medians.
P=""; T=""; B=""; F=""; IE=""
for round in $(seq 1 "$RROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    P="$P $(tps "$DIR/plain.sql")"; T="$T $(tps "$DIR/trigger.sql")"
    B="$B $(tps "$DIR/bare.sql")"; F="$F $(tps "$DIR/function.sql")"; IE="$IE $(tps "$DIR/item_event.sql")"
  else
    T="$T $(tps "$DIR/trigger.sql")"; P="$P $(tps "$DIR/plain.sql")"
    IE="$IE $(tps "$DIR/item_event.sql")"; F="$F $(tps "$DIR/function.sql")"; B="$B $(tps "$DIR/bare.sql")"
  fi
done
printf '\n%-58s %10s %10s %7s %11s %7s\n' "measurement (medians of the rounds)" "with" "without" "ratio" "rounds" "target"
row "INSERT through the 第十一条 trigger vs no trigger (tps)" "$T" "$P" ">=0.8"
row "bjxm.add_line_item vs item + event INSERT (tps)" "$F" "$IE" ">=0.75"
row "bjxm.add_line_item vs bare INSERT of the item (tps)" "$F" "$B" ">=0.3"

dl0=$(deadlocks)
TB=""; TON=""; TOFF=""; FAILS=""
for round in $(seq 1 "$RROUNDS"); do
  # bare, on, off; then on, off, bare; then off, bare, on; …
  for k in $(echo "bare on off bare on" | cut -d' ' -f$(( (round - 1) % 3 + 1 ))-$(( (round - 1) % 3 + 3 ))); do
    case $k in
      bare) read -r t f s d < <(ttps "$DIR/transition_bare.sql"); TB="$TB $t";;
      on) notify true; read -r t f s d < <(ttps "$DIR/transition.sql"); TON="$TON $t";;
      off) notify false; read -r t f s d < <(ttps "$DIR/transition.sql"); TOFF="$TOFF $t";;
    esac
    FAILS="$FAILS $k:$f:$s:$d"
  done
done
notify true
dl1=$(deadlocks)
row "postpone+resume, $TCLIENTS clients, NOTIFY on (pairs/s)" "$TON" "$TB" ">=0.8"
row "postpone+resume, $TCLIENTS clients, NOTIFY off (pairs/s)" "$TOFF" "$TB" ">=0.8"
fails() { echo $FAILS | tr ' ' '\n' | awk -F: -v k="$1" '$1 == k { f += $2; s += $3; d += $4 } END { printf "%d (%d / %d)", f, s, d }'; }
echo "  failed transactions over all rounds (serialization / deadlock): NOTIFY on $(fails on), off $(fails off), baseline $(fails bare)"
echo "  pg_stat_database.deadlocks during the transition runs: $((dl1 - dl0)); 'deadlock detected' in the server log: $(grep -c 'deadlock detected' "$DIR/cluster/server.log" || true)"
echo "  events recorded: $(psql -X -At -d bench -c "SELECT count(*) FROM bjxm.events WHERE action IN ('postpone', 'resume')"); verify_events: $(psql -X -At -d bench -c "SELECT checked || ' checked, first_broken ' || coalesce(first_broken::text, 'none') FROM bjxm.verify_events()")"
echo "  (part 1-3: $((SECONDS - T0)) s)"
echo
bench/matcher_bench 64 3 | tail -n 4

if [ "${BENCH_SCALE:-0}" = 1 ]; then
  echo
  bash bench/scale.sh
fi
