-- Security (第六章 安全管理, src/security.c): components (第二十七条) and
-- yearly assessments (第二十八条); inspection 第三十一条(六); scorecards
-- (第三十三条), on the projects data.sql walked.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET bjxm.today = '2027-03-01';
SELECT p.project_id AS hp FROM bjxm.projects p WHERE p.name = '全民健康信息平台(数据)' \gset
SELECT p.project_id AS hq FROM bjxm.projects p WHERE p.name = '医疗服务监管平台(数据)' \gset
SELECT p.project_id AS pa FROM bjxm.projects p WHERE p.name = '医保结算系统(数据)' \gset
SELECT p.project_id AS tp FROM bjxm.projects p WHERE p.name = '智慧交通平台(数据)' \gset

------------------------------------------------------------------------
-- 第二十七条: components and the domestic ratio
------------------------------------------------------------------------
SET ROLE ds_unit;
SELECT bjxm.record_component(:hp, 'server', '华为 TaiShan 200', true),
       bjxm.record_component(:hp, 'os', '银河麒麟 V10', true),
       bjxm.record_component(:hp, 'database', 'Oracle Database 19c', false),
       bjxm.record_component(:pa, 'terminal', '联想开天 M90z', true),
       bjxm.record_component(:pa, 'middleware', 'WebLogic 14c', false);
SELECT bjxm.record_component(:hp, 'mainframe', 'IBM z16', false);
\echo :SQLSTATE
SELECT bjxm.record_component(:hp, 'os', '   ', true);
\echo :SQLSTATE
-- Not the actor's unit (the message names the project id, so only the SQLSTATE is shown).
\set VERBOSITY sqlstate
SELECT bjxm.record_component(:tp, 'server', '浪潮 NF5280', true);
\set VERBOSITY default
SET ROLE ds_bigdata;
SELECT bjxm.record_component(:hp, 'server', '华为 TaiShan 200', true);
\echo :SQLSTATE
SET ROLE ds_unit2;
SELECT bjxm.record_component(:tp, 'server', '浪潮 NF5280', true);
SELECT project_name, components, domestic, domestic_ratio, unit_domestic_ratio FROM bjxm.domestic_components
 WHERE project_id IN (:hp, :pa, :tp) ORDER BY project_id;
SET ROLE ds_unit;
SELECT project_name, components, domestic, domestic_ratio, unit_domestic_ratio FROM bjxm.domestic_components
 WHERE project_id IN (:hp, :pa, :tp) ORDER BY project_id;
SET ROLE ds_bigdata;
SELECT project_name, components, domestic, domestic_ratio, unit_domestic_ratio FROM bjxm.domestic_components
 WHERE project_id IN (:hp, :pa, :tp) ORDER BY project_id;

------------------------------------------------------------------------
-- 第二十八条: yearly assessments, due and overdue
------------------------------------------------------------------------
-- Contract signed 2026-11-27; assessment_period_months = 12.
SET ROLE ds_unit;
SELECT kind, since, last_on, due_on, overdue FROM bjxm.security_assessment_due WHERE project_id = :hp ORDER BY kind;
RESET ROLE;
SET bjxm.today = '2027-12-01';
SET ROLE ds_unit;
SELECT kind, due_on, overdue FROM bjxm.security_assessment_due WHERE project_id IN (:hp, :hq) ORDER BY project_id, kind;
-- 第三十一条(六): assessments overdue.
SELECT clause, severity, sqlstate, message, detail FROM bjxm.inspect(:hp);
-- Malformed: 22023; not the unit's project: 42501.
SELECT bjxm.record_security_assessment(:hp, 2027, 'penetration_test', true, '{bigdata,public_security,crypto_admin}');
\echo :SQLSTATE
SELECT bjxm.record_security_assessment(:hp, 2027, 'security_test', true, '{bigdata,police}');
\echo :SQLSTATE
\set VERBOSITY sqlstate
SELECT bjxm.record_security_assessment(:tp, 2027, 'security_test', true, '{bigdata,public_security,crypto_admin}');
\set VERBOSITY default
-- Reported to two of the three authorities: a warning, still recorded.
SELECT bjxm.record_security_assessment(:hp, 2027, 'security_test', true, '{bigdata,public_security}', '贵州某信息安全测评中心');
-- Bigdata may record too.
SET ROLE ds_bigdata;
SELECT bjxm.record_security_assessment(:hp, 2027, 'crypto_assessment', true, '{bigdata,public_security,crypto_admin}', '某商用密码检测机构');
-- A failed assessment does not reset the clock.
SELECT bjxm.record_security_assessment(:hp, 2027, 'risk_assessment', false, '{bigdata,public_security,crypto_admin}', '某风险评估机构');
SELECT kind, year, passed, reported_to, performed_by, assessed_on, recorded_by
  FROM bjxm.security_assessments WHERE project_id = :hp ORDER BY assessment_id;
SET ROLE ds_unit;
SELECT kind, last_on, due_on, overdue FROM bjxm.security_assessment_due WHERE project_id = :hp ORDER BY kind;
SELECT clause, detail FROM bjxm.inspect(:hp);
SELECT bjxm.record_security_assessment(:hp, 2027, 'risk_assessment', true, '{bigdata,public_security,crypto_admin}', '某风险评估机构');
SELECT count(*) AS findings FROM bjxm.inspect(:hp);
-- Another unit sees nothing of it.
SET ROLE ds_unit2;
SELECT count(*) AS visible FROM bjxm.security_assessment_due WHERE project_id = :hp;
SELECT count(*) AS visible FROM bjxm.security_assessments WHERE project_id = :hp;

------------------------------------------------------------------------
-- 第三十三条: scorecards per vendor and review institution
------------------------------------------------------------------------
-- hp and hq by DK-W, tp by DK-W2; DK-R reviewed all three.
RESET ROLE;
SELECT bjxm.start_implementation(:hp), bjxm.start_implementation(:hq), bjxm.start_implementation(:tp);
SET ROLE ds_unit;
SELECT bjxm.sign_acceptance(:hp, true), bjxm.sign_acceptance(:hq, true);
SET ROLE ds_unit2;
SELECT bjxm.sign_acceptance(:tp, true);
SET ROLE ds_bigdata;
SELECT bjxm.sign_acceptance(:hp, true), bjxm.sign_acceptance(:hq, true), bjxm.sign_acceptance(:tp, true);
SELECT bjxm.record_evaluation(:hp, 'DK-E', 85, 50, 80, 'ZHPG-DK-1');
SELECT bjxm.record_evaluation(:hq, 'DK-E', 80, 58, 70, 'ZHPG-DK-2');
SELECT bjxm.record_evaluation(:tp, 'DK-E', 90, 90, 75, 'ZHPG-DK-3');
SET ROLE ds_finance;
SELECT bjxm.record_key_evaluation(:hp, 2027, 85, 'ZD-DK-1'), bjxm.record_key_evaluation(:tp, 2027, 70, 'ZD-DK-3');
SET ROLE ds_bigdata;
SELECT party, party_name, role, evaluations, average_score, latest_score, trend, key_evaluation_average
  FROM bjxm.vendor_scorecard WHERE party LIKE 'DK-%' ORDER BY role, party;
-- A unit sees the scores of its own projects only.
SET ROLE ds_unit2;
SELECT party, role, evaluations, average_score FROM bjxm.vendor_scorecard WHERE party LIKE 'DK-%' ORDER BY role, party;

-- The procurement dry run warns (never refuses) when the vendor's average
-- is below vendor_score_warning, and says nothing when above.
SET ROLE ds_unit;
SELECT value FROM bjxm.settings WHERE key = 'vendor_score_warning';
SELECT clause, severity, message, detail
  FROM bjxm.check(:pa, 'record_procurement', '{"vendor": "DK-W", "amount": 900000, "method": "open_tender"}');
SELECT count(*) AS findings FROM bjxm.check(:pa, 'record_procurement', '{"vendor": "DK-W2", "amount": 900000, "method": "open_tender"}');
-- The procurement itself proceeds, with the warning as a NOTICE.
SELECT bjxm.record_procurement(:pa, 'DK-W', 900000, 'open_tender');
SELECT state FROM bjxm.projects WHERE project_id = :pa;
RESET ROLE;
RESET bjxm.today;
