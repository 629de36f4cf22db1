#!/usr/bin/env bash
# The catalogue exports for the provincial 共享交换平台 and 开放平台
# (docs/data-exports.md):
#   - bjxm.catalogue_json(unit) validates against docs/catalogue.schema.json
#     (python3 + jsonschema, the Debian package python3-jsonschema), and
#     deliberately broken copies of it do not, so the validation can fail;
#   - COPY of bjxm.data_catalogue to CSV has the documented header and one
#     row per listed entry (unlisted entries are in neither export).
#
# In a new database on the running cluster: install bjxm, register a unit,
# walk one project into the approved plan, then through the public
# functions, as the duty roles apps use (SET ROLE): catalogue three
# resources, classify two of them (user unit), review them (bigdata),
# approve the catalogue (city_gov), list the two (user unit).  Drop the
# database at the end.
# Exit 1 on any mismatch.
#
# Env: PGHOST (socket dir), PGPORT, PGUSER (postgres), TMP (scratch dir).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

PGBIN=$(pg_config --bindir)
: "${PGHOST:?PGHOST (socket directory) must be set}"
: "${PGPORT:?PGPORT must be set}"
CONN=(-h "$PGHOST" -p "$PGPORT" -U "${PGUSER:-postgres}")
DB=bjxm_catalogue_$$
UNIT=11520500CT0000001G
SCHEMA=$ROOT/docs/catalogue.schema.json
OUT=$(mktemp -d "${TMP:-/tmp}/catalogue.XXXXXX")
FAILED=0

psql_() { # db, then psql args
  local db=$1; shift
  "$PGBIN/psql" -X -q "${CONN[@]}" -d "$db" "$@"
}
cleanup() {
  psql_ postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
fail() { echo "MISMATCH: $*"; FAILED=1; }

# A python3 that has jsonschema (the Debian package installs it for /usr/bin/python3).
PY=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jsonschema' >/dev/null 2>&1; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "MISMATCH: no python3 with jsonschema (apt-get install python3-jsonschema)"; exit 1; }
[ -r "$SCHEMA" ] || { echo "MISMATCH: $SCHEMA missing"; exit 1; }

echo "== database $DB =="
psql_ postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8'" \
  || { echo "MISMATCH: cannot create database $DB"; exit 1; }

echo "== catalogue: three entries, two listed =="
psql_ "$DB" -v ON_ERROR_STOP=1 >"$OUT/setup.log" 2>&1 <<SQL || { cat "$OUT/setup.log"; echo "MISMATCH: setup failed"; exit 1; }
SET client_min_messages = warning;
CREATE EXTENSION bjxm;
DO \$\$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['ds_cat_unit', 'ds_cat_bigdata', 'ds_cat_gov'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
  END LOOP;
END \$\$;
GRANT bjxm_user_unit TO ds_cat_unit;
GRANT bjxm_bigdata TO ds_cat_bigdata;
GRANT bjxm_city_gov TO ds_cat_gov;
SELECT bjxm.set_jurisdiction('ds_cat_bigdata', '520500'), bjxm.set_jurisdiction('ds_cat_gov', '520500');
SET bjxm.today = '2026-11-27';
SELECT bjxm.register_unit('$UNIT', '毕节市市场监督管理局', 'admin_dept');
SELECT bjxm.register_party('CT-R', '某评审机构', 'reviewer', '12520500697515392P');
SELECT bjxm.grant_unit_member('ds_cat_unit', '$UNIT');

-- A project in the approved plan (the steps are tested in sql/lifecycle.sql).
SET ROLE ds_cat_unit;
SELECT bjxm.create_project('$UNIT', '市场主体信用信息平台', 'business_system', '{development}', 2027, 800000) AS p \gset
SELECT bjxm.set_demand_plan(:p, '{"goals": "g", "service_content": "s", "functions": "f", "data_resources": "d",
  "network": "n", "security": "s", "cost_estimate": "c", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "r"}}');
SELECT bjxm.declare(:p);
SET ROLE ds_cat_bigdata;
SELECT bjxm.preliminary_review(:p, true);
SELECT bjxm.entrust_review(:p, 'CT-R');
RESET ROLE;
SELECT bjxm.record_review(:p, true, 'r');
SET ROLE ds_cat_bigdata;
SELECT bjxm.admit_to_library(:p);
SELECT bjxm.propose_for_plan(:p);
SET ROLE ds_cat_gov;
SELECT bjxm.approve_annual_plan(2027);

-- 编目 (user unit).
SET ROLE ds_cat_unit;
SELECT bjxm.add_data_resource(:p, '市场主体登记信息', '全市市场主体登记基本信息, 含名称、类型、住所',
  '数据库', 'unconditional', 'unconditional', '每日',
  '[{"name": "统一社会信用代码", "type": "字符型"}, {"name": "市场主体名称", "type": "字符型"}, {"name": "成立日期", "type": "日期型"}]',
  classification => '1-05-002-001', share_method => '接口', provide_method => '服务接口') AS r1 \gset
SELECT bjxm.add_data_resource(:p, '行政处罚信息', '市场监管领域行政处罚决定',
  '电子表格', 'conditional', 'none', '每周',
  '[{"name": "当事人", "type": "字符型"}, {"name": "处罚决定书文号", "type": "字符型"}, {"name": "罚款金额", "type": "数值型"}]',
  sensitive => true, classification => '1-05-002-002', share_condition => '用于信用监管和联合惩戒',
  share_method => '库表交换', provide_method => '数据库', related_codes => '{1-05-002-001/000001}') AS r2 \gset
-- Catalogued but never listed: in neither export.
SELECT bjxm.add_data_resource(:p, '内部执法人员名单', '执法人员名单 (不共享不开放)', '电子表格', 'none', 'none', '每年',
  '[{"name": "姓名", "type": "字符型"}]', classification => '1-05-002-003') AS r3 \gset
-- 分类分级与保密审查 (user unit), 审核 (bigdata), 审定 (city_gov), 上架
-- (user unit): the review covers the classification, so it comes after.
SELECT bjxm.classify_data_resource(:r1, '一般数据', true), bjxm.classify_data_resource(:r2, '重要数据', true);
SET ROLE ds_cat_bigdata;
SELECT bjxm.review_data_resource(:r1, true), bjxm.review_data_resource(:r2, true), bjxm.review_data_resource(:r3, true);
SET ROLE ds_cat_gov;
SELECT bjxm.approve_catalogue('$UNIT');
SET ROLE ds_cat_unit;
SELECT bjxm.list_data_resource(:r1, desensitized => true);
SELECT bjxm.list_data_resource(:r2);
SQL

echo "== JSON export =="
psql_ "$DB" -v ON_ERROR_STOP=1 -At -c "SELECT bjxm.catalogue_json('$UNIT')" >"$OUT/catalogue.json" \
  || fail "catalogue_json failed"
head -c 400 "$OUT/catalogue.json"; echo " …"

"$PY" - "$SCHEMA" "$OUT/catalogue.json" "$UNIT" <<'PY' || FAILED=1
import copy, json, sys
import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
unit = sys.argv[3]
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema)
bad = 0

def errors(d):
    return sorted(validator.iter_errors(d), key=lambda e: list(e.absolute_path))

found = errors(doc)
for e in found:
    print("MISMATCH: export invalid at /%s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
    bad = 1
if not found:
    print("ok: export validates against %s (%s)" % (schema.get("$schema"), cls.__name__))
names = [r["name"] for r in doc.get("resources", [])]
if doc.get("provider", {}).get("code") != unit or names != ["市场主体登记信息", "行政处罚信息"]:
    print("MISMATCH: provider %r, resources %r" % (doc.get("provider"), names))
    bad = 1
else:
    print("ok: two listed resources of %s, the unlisted one left out" % unit)

# Broken copies must be rejected, or the validation proves nothing.
def broken(label, change):
    global bad
    d = copy.deepcopy(doc)
    change(d)
    if errors(d):
        print("ok: rejected: %s" % label)
    else:
        print("MISMATCH: accepted a broken document: %s" % label)
        bad = 1

broken("provider without code", lambda d: d["provider"].pop("code"))
broken("USCC with a forbidden letter", lambda d: d["provider"].__setitem__("code", "11520500CT000000IO"))
broken("format outside the guideline", lambda d: d["resources"][0].__setitem__("format", "PDF"))
broken("conditional sharing without condition", lambda d: d["resources"][1]["share"].pop("condition"))
broken("unknown open type", lambda d: d["resources"][0]["open"].__setitem__("type", "public"))
broken("level outside GB/T 43697", lambda d: d["resources"][0].__setitem__("level", "机密"))
broken("empty items", lambda d: d["resources"][0].__setitem__("items", []))
broken("null summary", lambda d: d["resources"][0].__setitem__("summary", None))
broken("unknown field", lambda d: d["resources"][0].__setitem__("owner", "x"))
broken("not an object", lambda d: d.clear() or d.update({"resources": "none"}))
sys.exit(bad)
PY

echo "== CSV export (\\copy of bjxm.data_catalogue) =="
HEADER='resource_code,name,unit,unit_name,summary,format,share_type,share_condition,share_method,provide_method,open_type,update_cycle,level,items,related_codes,published_on'
psql_ "$DB" -v ON_ERROR_STOP=1 -c "\\copy (SELECT resource_code, name, unit, unit_name, summary, format, share_type, share_condition, share_method, provide_method, open_type, update_cycle, level, items, array_to_string(related_codes, ';') AS related_codes, to_char(published_on, 'YYYY-MM-DD') AS published_on FROM bjxm.data_catalogue WHERE unit::text = '$UNIT' ORDER BY resource_id) TO '$OUT/catalogue.csv' CSV HEADER" \
  || fail "\\copy failed"
cat "$OUT/catalogue.csv"
"$PY" - "$OUT/catalogue.csv" "$HEADER" <<'PY' || FAILED=1
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
bad = 0
if not rows or ",".join(rows[0]) != sys.argv[2]:
    print("MISMATCH: header %r" % (rows[0] if rows else None)); bad = 1
else:
    print("ok: header")
body = rows[1:]
if [r[1] for r in body] != ["市场主体登记信息", "行政处罚信息"]:
    print("MISMATCH: %d rows: %r" % (len(body), [r[1] for r in body])); bad = 1
else:
    print("ok: 2 rows, the listed entries")
if body and (body[0][0] != "1-05-002-001/000001" or body[1][14] != "1-05-002-001/000001"):
    print("MISMATCH: resource codes %r" % ([(r[0], r[14]) for r in body],)); bad = 1
sys.exit(bad)
PY

if [ "$FAILED" -eq 0 ]; then echo "catalogue exports: ok"; else echo "catalogue exports: FAILED"; fi
exit "$FAILED"
