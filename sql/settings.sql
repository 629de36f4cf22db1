-- bjxm.today() and rule settings (docs/reference.md §2 bjxm.today, §9).
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
-- Today in Asia/Shanghai whatever the session's TimeZone.
SET TimeZone = 'America/Los_Angeles';
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS shanghai_date;
RESET TimeZone;
-- The superuser-only override.
SET bjxm.today = '2027-03-15';
SELECT bjxm.today();
SET bjxm.today = '2027-02-29';
\echo :SQLSTATE
SET bjxm.today = 'tomorrow';
\echo :SQLSTATE
SELECT bjxm.today();
RESET bjxm.today;
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS back_to_real_date;
-- An ordinary role cannot set it once the library is loaded ...
SET ROLE dx_unit_a;
SET bjxm.today = '2030-01-01';
\echo :SQLSTATE
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS unchanged;
RESET ROLE;
-- ... nor before: a placeholder set in a fresh session is refused when the library loads.
\c bjxm_regress
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET ROLE dx_unit_a;
SET bjxm.today = '2030-01-01';
SELECT bjxm.today() = (now() AT TIME ZONE 'Asia/Shanghai')::date AS placeholder_ignored;
SHOW bjxm.today;
RESET ROLE;

-- Settings: rule parameters are data; changes are the city bigdata's and are audited.
SELECT key, value, kind, clause FROM bjxm.settings ORDER BY key;
SET ROLE dx_unit_a;
SELECT bjxm.set_setting('rectification_days', '10');
\echo :SQLSTATE
SET ROLE dx_bigdata_dafang;
SELECT bjxm.set_setting('rectification_days', '10');
\echo :SQLSTATE
SET ROLE dx_bigdata;
SELECT bjxm.set_setting('rectification_days', '-3');
\echo :SQLSTATE
SELECT bjxm.set_setting('rectification_days', '2.5');
\echo :SQLSTATE
SELECT bjxm.set_setting('slow_execution_rate', '1.5');
\echo :SQLSTATE
SELECT bjxm.set_setting('county_review_threshold', '1000000.001');
\echo :SQLSTATE
SELECT bjxm.set_setting('notify', 'maybe');
\echo :SQLSTATE
SELECT bjxm.set_setting('no_such_key', '1');
\echo :SQLSTATE
SELECT bjxm.set_setting('rectification_days', '45');
SELECT key, value, revision FROM bjxm.settings WHERE key = 'rectification_days';
SELECT action, actor, clause, note, details FROM bjxm.events ORDER BY event_id DESC LIMIT 1;
SELECT rulebook FROM bjxm.events ORDER BY event_id DESC LIMIT 1;
SELECT bjxm.set_setting('rectification_days', '30');
RESET ROLE;

-- 第三十六条: the regulation's own figures (第三十二条 新增重大项目标准,
-- 第三十四条第(三)项 100万元, and the superior law's 公开招标数额标准 it
-- defers to) change only by the city government, with a reason, each a new
-- rulebook version recorded in the event log; other settings stay with
-- the city's bigdata department.
SET bjxm_test.roles = 'st_county_gov,st_nojur_gov';
\i sql/include/roles.sql
GRANT bjxm_city_gov TO st_county_gov, st_nojur_gov;
SELECT bjxm.set_jurisdiction('st_county_gov', '520521');
SELECT key, value, clause, default_value, set_in_version FROM bjxm.rulebook ORDER BY key;
SELECT DISTINCT version FROM bjxm.rulebook;
-- Replay (issue 15): a city bigdata member raises county_review_threshold
-- (第三十四条's 100万) to 5,000,000 — refused, naming the article, hinting
-- the function; likewise the other figures, and the figure function.
SET ROLE dx_bigdata;
SELECT bjxm.set_setting('county_review_threshold', '5000000');
\echo :SQLSTATE
SELECT bjxm.set_setting('major_project_threshold', '50000000');
\echo :SQLSTATE
SELECT bjxm.set_setting('open_tender_threshold', '5000000');
\echo :SQLSTATE
SELECT clause, sqlstate, message FROM bjxm.check(NULL, 'set_setting', '{"key": "county_review_threshold", "value": "5000000"}');
SELECT bjxm.set_regulation_figure('county_review_threshold', '5000000', '提高门槛');
\echo :SQLSTATE
RESET ROLE;
-- set_setting refuses a figure whoever calls it (a rule, not a duty: the superuser too).
SELECT bjxm.set_setting('county_review_threshold', '5000000');
\echo :SQLSTATE
-- The city government: a reason is required, the value of its kind, and only figures.
SET ROLE dx_city_gov;
SELECT bjxm.set_regulation_figure('county_review_threshold', '5000000', NULL);
\echo :SQLSTATE
SELECT bjxm.set_regulation_figure('county_review_threshold', '5000000', ' 　');
\echo :SQLSTATE
SELECT bjxm.set_regulation_figure('county_review_threshold', '1000000.001', '理由');
\echo :SQLSTATE
SELECT bjxm.set_regulation_figure('rectification_days', '10', '理由');
\echo :SQLSTATE
SELECT bjxm.set_regulation_figure('no_such_key', '10', '理由');
\echo :SQLSTATE
-- (second red team) a reason of punctuation, a figure of 0 (the article
-- switched off): refused.
SELECT bjxm.set_regulation_figure('county_review_threshold', '5000000', '.');
\echo :SQLSTATE
SELECT bjxm.set_regulation_figure('county_review_threshold', '0', '取消县级项目市级评审');
\echo :SQLSTATE
-- A county's government, or a member without a jurisdiction, does not change the city's figures (第三十五条).
SET ROLE st_county_gov;
SELECT bjxm.set_regulation_figure('county_review_threshold', '5000000', '县政府文件');
\echo :SQLSTATE
SET ROLE st_nojur_gov;
SELECT bjxm.set_regulation_figure('county_review_threshold', '5000000', '无管辖范围');
\echo :SQLSTATE
-- Allowed: the city government, with a reason; a new version, in the event log.
SET ROLE dx_city_gov;
SELECT count(*) AS findings FROM bjxm.check(NULL, 'set_regulation_figure', '{"key": "county_review_threshold", "value": "1500000", "reason": "r"}');
SELECT bjxm.set_regulation_figure('county_review_threshold', '1500000', '市人民政府文件(测试): 县级项目评审标准调为150万元');
SELECT key, value, set_in_version FROM bjxm.rulebook WHERE key = 'county_review_threshold';
SELECT action, actor, clause, note, details FROM bjxm.events ORDER BY event_id DESC LIMIT 1;
SELECT bjxm.set_regulation_figure('county_review_threshold', '1000000', '恢复为第三十四条第(三)项的100万元');
SELECT DISTINCT version FROM bjxm.rulebook;
SELECT version, key, old_value, new_value, reason, changed_by FROM bjxm.rulebook_versions ORDER BY version;
SELECT e.details->>'version' AS version, e.details->>'old' AS old, e.details->>'new' AS new, e.details->>'reason' AS reason
  FROM bjxm.events e WHERE e.action = 'set_regulation_figure' ORDER BY e.event_id;
-- Other settings stay with bigdata: the city government does not change them.
SELECT bjxm.set_setting('rectification_days', '20');
\echo :SQLSTATE
SET ROLE dx_bigdata;
SELECT bjxm.set_setting('slow_execution_rate', '0.5');
-- The history is read-only like every table.
INSERT INTO bjxm.rulebook_versions VALUES (99, 'county_review_threshold', '1', '2', 'x', 'dx_bigdata');
\echo :SQLSTATE
RESET ROLE;
-- Labels.
SELECT bjxm.label('in_library'::bjxm.project_state), bjxm.label('soe'::bjxm.unit_kind),
       bjxm.label('single_source'::bjxm.procurement_method);
SELECT t.typname, count(*) AS values_without_label
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
 WHERE t.typnamespace = 'bjxm'::regnamespace
   AND NOT EXISTS (SELECT 1 FROM bjxm.enum_labels l WHERE l.enum_type = 'bjxm.' || t.typname AND l.value = e.enumlabel)
 GROUP BY 1;
