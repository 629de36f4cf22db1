#!/usr/bin/env bash
# make bench: measured, not assumed.  Not part of make test.
#
# One throwaway cluster, one run, ratios against the same work without the
# rules:
#   1. line items through the 第十一条 trigger vs the same INSERTs into an
#      identical table (columns, checks, indexes, foreign keys) without it
#      (target >= 0.8x);
#   2. the whole bjxm.add_line_item (duty, RLS, state, 第十一条, event) vs a
#      bare INSERT of the same row (target >= 0.5x);
#   3. the dictionary matcher's MB/s on Chinese text (target >= 200 MB/s).
# BENCH_SECONDS (default 15) per pgbench run; BENCH_CLIENTS (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh
make -s all >/dev/null && make -s install >/dev/null && make -s bench/matcher_bench >/dev/null

SECS=${BENCH_SECONDS:-15}
CLIENTS=${BENCH_CLIENTS:-1}
DIR=$(mktemp -d /tmp/bjxm-bench.XXXXXX); chmod 0755 "$DIR"
trap 'bash tools/cluster.sh stop "$DIR/cluster" >/dev/null 2>&1 || true; rm -rf "$DIR"' EXIT
PORT=$(bash tools/cluster.sh start "$DIR/cluster")
export PGHOST=$DIR/cluster PGPORT=$PORT PGUSER=postgres
PGBENCH=$(pg_config --bindir)/pgbench
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE bench" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d bench <<'SQL'
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

tps() { # script
  "$PGBENCH" -n -c "$CLIENTS" -j "$CLIENTS" -T "$SECS" -f "$1" -d bench 2>/dev/null |
    sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
}
echo "pgbench: $CLIENTS client(s), $SECS s per run, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
t_plain=$(tps "$DIR/plain.sql");      t_trig=$(tps "$DIR/trigger.sql")
t_bare=$(tps "$DIR/bare.sql");        t_func=$(tps "$DIR/function.sql")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '\n%-58s %10s %10s %7s %7s\n' "measurement" "with" "without" "ratio" "target"
printf '%-58s %10.0f %10.0f %7s %7s\n' "INSERT through the 第十一条 trigger vs no trigger (tps)" "$t_trig" "$t_plain" "$(ratio "$t_trig" "$t_plain")" ">=0.8"
printf '%-58s %10.0f %10.0f %7s %7s\n' "bjxm.add_line_item vs bare INSERT (tps)" "$t_func" "$t_bare" "$(ratio "$t_func" "$t_bare")" ">=0.5"
echo
bench/matcher_bench 64 3 | tail -n 4
