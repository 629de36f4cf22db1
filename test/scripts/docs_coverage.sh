#!/usr/bin/env bash
# Reference documentation coverage (issue 9 item 2): every public object of
# bjxm has an entry in docs/reference.md, and every entry there names an
# object that exists.
#
# In a new database on the running cluster: CREATE EXTENSION bjxm, then list
#   - every public function: schema bjxm, name not starting with '_', not a
#     type input/output/send/recv/typmod/analyze/subscript function, not an
#     operator's procedure or estimator, not an opclass support function
#     (pg_amproc), not a cast function (the same exclusions as
#     sql/access_matrix.sql, mx_am_support / mx_am_public);
#   - every view (and materialized view) of schema bjxm;
#   - every base, enum, domain, range type and standalone composite type of
#     schema bjxm (not array types, not tables' row types);
#   - every key of bjxm.settings, and every GUC named bjxm.* (the library is
#     loaded first, so its GUCs are defined);
# each as the exact level-3 heading docs/reference.md uses for it:
#
#   ### bjxm.<proname>(<argument types>)   input argument types (proargtypes),
#        each format_type(type, NULL) with a leading "bjxm." removed, joined
#        by ", "; e.g. ### bjxm.create_project(uscc, text, project_category,
#        service_kind[], integer, numeric, fund_source, boolean)
#   ### view bjxm.<relname>
#   ### type bjxm.<typname>
#   ### setting <key>               (bjxm.settings keys; GUCs by full name, e.g. bjxm.today)
#
# Every "### " line of docs/reference.md is an entry.  The test fails
# listing each object without an entry ("undocumented"), each entry without
# an object ("stale"), each heading that appears twice, and each function
# entry that lacks one of the required fields (用途 Purpose, 参数 Arguments,
# 职责 Duty, 条款 Articles, SQLSTATE, 示例 Example).  Drops the database at
# the end.
#
# Env: PGHOST (socket dir), PGPORT, PGUSER (postgres); TMP (scratch dir,
# optional); CLUSTER is accepted and unused.
set -uo pipefail
cd "$(dirname "$0")/../.."

PGBIN=$(pg_config --bindir)
: "${PGHOST:?PGHOST (socket directory) must be set}"
: "${PGPORT:?PGPORT must be set}"
CONN=(-h "$PGHOST" -p "$PGPORT" -U "${PGUSER:-postgres}")
DB=bjxm_docs_$$
REF=docs/reference.md
WORK=$(mktemp -d "${TMP:-/tmp}/docs_coverage.XXXXXX")

psql_() { # db, then psql args
  local db=$1; shift
  "$PGBIN/psql" -X -q "${CONN[@]}" -d "$db" "$@"
}
cleanup() {
  psql_ postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -r "$REF" ] || { echo "FAILED: $REF is missing"; exit 1; }

echo "== database $DB =="
psql_ postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8'" \
  || { echo "FAILED: cannot create database $DB"; exit 1; }

# The expected headings, one a line, sorted (C collation, as comm wants).
if ! psql_ "$DB" -v ON_ERROR_STOP=1 -A -t >"$WORK/objects.txt" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
SELECT bjxm.today() IS NOT NULL AS loaded \gset
WITH support AS (
    SELECT f::oid AS oid FROM pg_type t,
           LATERAL (VALUES (t.typinput), (t.typoutput), (t.typreceive), (t.typsend), (t.typmodin),
                           (t.typmodout), (t.typanalyze), (t.typsubscript)) v(f)
     WHERE t.typnamespace = 'bjxm'::regnamespace
    UNION SELECT o.oprcode::oid FROM pg_operator o WHERE o.oprnamespace = 'bjxm'::regnamespace
    UNION SELECT o.oprrest::oid FROM pg_operator o WHERE o.oprnamespace = 'bjxm'::regnamespace
    UNION SELECT o.oprjoin::oid FROM pg_operator o WHERE o.oprnamespace = 'bjxm'::regnamespace
    UNION SELECT a.amproc::oid FROM pg_amproc a
    UNION SELECT c.castfunc FROM pg_cast c
), entries AS (
    SELECT format('### bjxm.%s(%s)', p.proname,
                  array_to_string(ARRAY(SELECT regexp_replace(format_type(a.t, NULL), '^bjxm\.', '')
                                          FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, n)
                                         ORDER BY a.n), ', ')) AS heading
      FROM pg_proc p
     WHERE p.pronamespace = 'bjxm'::regnamespace
       AND p.proname NOT LIKE '\_%'
       AND p.oid NOT IN (SELECT oid FROM support WHERE oid IS NOT NULL AND oid <> 0)
    UNION ALL
    SELECT format('### view bjxm.%s', c.relname)
      FROM pg_class c
     WHERE c.relnamespace = 'bjxm'::regnamespace AND c.relkind IN ('v', 'm')
    UNION ALL
    SELECT format('### type bjxm.%s', t.typname)
      FROM pg_type t LEFT JOIN pg_class c ON c.oid = t.typrelid
     WHERE t.typnamespace = 'bjxm'::regnamespace
       AND t.typelem = 0 AND t.typcategory <> 'A'
       AND (t.typtype IN ('b', 'e', 'd', 'r', 'm') OR (t.typtype = 'c' AND c.relkind = 'c'))
    UNION ALL
    SELECT format('### setting %s', s.key) FROM bjxm.settings s
    UNION ALL
    SELECT format('### setting %s', g.name) FROM pg_settings g WHERE g.name LIKE 'bjxm.%'
)
SELECT heading FROM entries;
SQL
then
  echo "FAILED: could not list the objects of bjxm"; exit 1
fi
LC_ALL=C sort -u "$WORK/objects.txt" >"$WORK/objects.sorted"

# The headings of reference.md (trailing blanks dropped).
grep -E '^### ' "$REF" | sed -E 's/[[:space:]]+$//' >"$WORK/headings.txt"
LC_ALL=C sort "$WORK/headings.txt" >"$WORK/headings.all"
LC_ALL=C sort -u "$WORK/headings.txt" >"$WORK/headings.sorted"

FAILED=0
missing=$(LC_ALL=C comm -23 "$WORK/objects.sorted" "$WORK/headings.sorted")
stale=$(LC_ALL=C comm -13 "$WORK/objects.sorted" "$WORK/headings.sorted")
dups=$(uniq -d "$WORK/headings.all")

n_fn=$(grep -c '^### bjxm\.' "$WORK/objects.sorted" || true)
n_view=$(grep -c '^### view ' "$WORK/objects.sorted" || true)
n_type=$(grep -c '^### type ' "$WORK/objects.sorted" || true)
n_set=$(grep -c '^### setting ' "$WORK/objects.sorted" || true)
echo "  objects: $(wc -l <"$WORK/objects.sorted") ($n_fn functions, $n_view views, $n_type types, $n_set settings)"
echo "  entries in $REF: $(wc -l <"$WORK/headings.txt")"

if [ -n "$missing" ]; then
  echo "== undocumented: no entry in $REF =="
  sed 's/^/  /' <<<"$missing"; FAILED=1
fi
if [ -n "$stale" ]; then
  echo "== stale: entry in $REF for an object that does not exist =="
  sed 's/^/  /' <<<"$stale"; FAILED=1
fi
if [ -n "$dups" ]; then
  echo "== duplicate entries in $REF =="
  sed 's/^/  /' <<<"$dups"; FAILED=1
fi

# Each function entry carries the required fields.
incomplete=$(awk '
  function flush() {
    if (cur != "") {
      miss = ""
      for (i = 1; i <= nf; i++) if (!(f[i] in seen)) miss = miss " " lab[i]
      if (miss != "") print "  " cur ": missing" miss
    }
    cur = ""; split("", seen)
  }
  BEGIN {
    nf = split("用途 Purpose|参数 Arguments|职责 Duty|条款 Articles|SQLSTATE|示例 Example", lab, "|")
    for (i = 1; i <= nf; i++) f[i] = lab[i]
  }
  /^##/ { flush() }
  /^### bjxm\./ { cur = $0; next }
  cur != "" { for (i = 1; i <= nf; i++) if (index($0, "**" f[i])) seen[f[i]] = 1 }
  END { flush() }
' "$REF")
if [ -n "$incomplete" ]; then
  echo "== function entries lacking a field (**用途 Purpose**, **参数 Arguments**, **职责 Duty**, **条款 Articles**, **SQLSTATE**, **示例 Example**) =="
  echo "$incomplete"; FAILED=1
fi

if [ "$FAILED" -ne 0 ]; then
  echo "docs_coverage: FAILED"
  exit 1
fi
echo "docs_coverage: ok ($(wc -l <"$WORK/objects.sorted") objects documented)"
