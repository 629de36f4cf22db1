-- Reminders (issue 15 item 10; 第十二条, 第二十八条, 第三十一条): bjxm.reminders
-- lists what is due (within reminder_days) or overdue per unit, under RLS;
-- bjxm.send_reminders() announces each item once per business day
-- (NOTIFY bjxm_reminders, payload the reminder_log id) and records its run.
-- The NOTIFY itself, run by pg_cron, is tested by test/scripts/reminders_cron.sh.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
SET client_min_messages = warning;
SET bjxm_test.roles = 'rm_unit,rm_other_unit,rm_county,rm_city';
\i sql/include/roles.sql
GRANT bjxm_user_unit TO rm_unit, rm_other_unit;
GRANT bjxm_bigdata TO rm_county, rm_city;
RESET client_min_messages;
SET bjxm.today = '2027-03-01';

-- Fixture: unit R (city) and unit S (威宁县 520526), three orders of R.
SELECT bjxm.register_unit('11520500RM0000001R', '提醒测试单位 (reminder unit R)', 'admin_dept') > 0 AS r,
       bjxm.register_unit('12520526RM0000002F', '提醒测试单位乙 (reminder unit S)', 'institution', '520526') > 0 AS s;
SELECT bjxm.grant_unit_member('rm_unit', '11520500RM0000001R');
SELECT bjxm.grant_unit_member('rm_other_unit', '12520526RM0000002F');
SELECT bjxm.set_jurisdiction('rm_county', '520526');
SELECT bjxm.set_jurisdiction('rm_city', '520500');
SET ROLE rm_city;
SELECT bjxm.open_rectification('11520500RM0000001R', 3, '提醒测试: 期限将至 (due soon)', NULL, '2027-03-05') AS soon \gset
SELECT bjxm.open_rectification('11520500RM0000001R', 5, '提醒测试: 期限尚远 (not yet due)', NULL, '2027-05-01') AS later \gset
SELECT bjxm.open_rectification('11520500RM0000001R', 7, '提醒测试: 已报送 (reported)', NULL, '2027-03-20') AS reported \gset
SET ROLE rm_unit;
SELECT bjxm.report_rectification(:reported, '已按要求整改 (rectified)');
RESET ROLE;

-- 第三十一条: the open order due within reminder_days is listed, the later
-- one is not; the reported one waits for verification by the regulator
-- (reported_on + verification_days).
SELECT reminder, clause, object_id = :soon AS soon, object_id = :reported AS reported, due_on, overdue, days_left, act_by
  FROM bjxm.reminders WHERE unit = '11520500RM0000001R' ORDER BY reminder, object_id;

-- The deadline passes: overdue, with the days past.
SET bjxm.today = '2027-04-15';
SELECT reminder, due_on, overdue, days_left, act_by
  FROM bjxm.reminders WHERE unit = '11520500RM0000001R' ORDER BY reminder, object_id;

-- 第二十八条 and 第十二条 items come from security_assessment_due and
-- budget_execution (the data of the tests before this one).
SELECT reminder, clause, count(*) > 0 AS listed
  FROM bjxm.reminders WHERE reminder IN ('security_assessment', 'slow_execution') GROUP BY 1, 2 ORDER BY 1;
SET bjxm.today = '2029-01-10';   -- a year after the contracts: the yearly assessments are due
SELECT reminder, clause, count(*) > 0 AS listed, bool_and(overdue) AS overdue, bool_and(act_by = 'user_unit') AS by_unit
  FROM bjxm.reminders WHERE reminder = 'security_assessment' GROUP BY 1, 2;
SELECT count(*) = (SELECT count(*) FROM bjxm.security_assessment_due
                    WHERE due_on <= bjxm.today() + 7) AS every_assessment_due
  FROM bjxm.reminders WHERE reminder = 'security_assessment';
SET bjxm.today = '2027-04-15';
SELECT count(*) = (SELECT count(*) FROM bjxm.budget_execution WHERE slow) AS every_slow_project
  FROM bjxm.reminders WHERE reminder = 'slow_execution';
SELECT count(*) = (SELECT count(*) FROM bjxm.security_assessment_due
                    WHERE due_on <= bjxm.today() + 7) AS every_assessment_due
  FROM bjxm.reminders WHERE reminder = 'security_assessment';

-- RLS (security_invoker): a unit sees its own items only, a county its
-- county's, the city all of them.
SET ROLE rm_unit;
SELECT count(*) AS own, count(*) FILTER (WHERE unit <> '11520500RM0000001R') AS others FROM bjxm.reminders;
SET ROLE rm_other_unit;
SELECT count(*) AS of_unit_r FROM bjxm.reminders WHERE unit = '11520500RM0000001R';
SELECT count(*) FILTER (WHERE unit <> '12520526RM0000002F') AS others FROM bjxm.reminders;
SET ROLE rm_county;
SELECT count(*) FILTER (WHERE region <> '520526') AS outside_county FROM bjxm.reminders;
SET ROLE rm_city;
SELECT count(*) = (SELECT count(*) FROM bjxm.reminders) AS city_sees_all
  FROM bjxm.reminders WHERE unit = '11520500RM0000001R' OR unit <> '11520500RM0000001R';
RESET ROLE;
SELECT count(*) AS unit_r_items FROM bjxm.reminders WHERE unit = '11520500RM0000001R';

-- send_reminders: the scheduler's (superuser) or city bigdata's (第三十条);
-- a unit, or a county's bigdata, does not run it (its counts span every unit).
SET ROLE rm_unit;
SELECT bjxm.send_reminders();
\echo :SQLSTATE
SET ROLE rm_county;
SELECT bjxm.send_reminders();
\echo :SQLSTATE
SELECT count(*) FROM bjxm.reminder_runs;
\echo :SQLSTATE
RESET ROLE;

-- Each item once per business day: the second run the same day sends
-- nothing; the next day everything still due is sent again.
SELECT bjxm.send_reminders() = (SELECT count(*) FROM bjxm.reminders) AS first_run_sends_all;
SELECT bjxm.send_reminders() AS second_run_same_day;
SELECT ran_on, sent = 0 AS nothing_new, pending > 0 AS pending FROM bjxm.reminder_runs ORDER BY run_id DESC LIMIT 1;
-- The runs count every unit's items: a county's bigdata sees none of them
-- (second red team, issue 15), the city's sees them.
SET ROLE rm_county;
SELECT count(*) AS county_sees_runs FROM bjxm.reminder_runs;
SET ROLE rm_city;
SELECT count(*) > 0 AS city_sees_runs FROM bjxm.reminder_runs;
RESET ROLE;
SET bjxm.today = '2027-04-16';
SELECT bjxm.send_reminders() = (SELECT count(*) FROM bjxm.reminders) AS next_day_sends_again;
SELECT sent_on, reminder, overdue, act_by FROM bjxm.reminder_log l JOIN bjxm.units u USING (unit_id)
 WHERE u.code = '11520500RM0000001R' ORDER BY sent_on, reminder, object_id;

-- The log is unit-scoped like the board: another unit sees none of R's.
SET ROLE rm_other_unit;
SELECT count(*) AS of_unit_r FROM bjxm.reminder_log l
 WHERE l.unit_id = (SELECT u.unit_id FROM bjxm.units u WHERE u.code = '11520500RM0000001R');
SELECT count(*) FILTER (WHERE unit_id NOT IN (SELECT m.unit_id FROM bjxm.unit_members m)) AS others FROM bjxm.reminder_log;
SET ROLE rm_unit;
SELECT count(*) > 0 AS own_log FROM bjxm.reminder_log;
RESET ROLE;

-- Closing the order ends its reminders; a verified order is not listed.
SET ROLE rm_city;
SELECT bjxm.close_rectification(:reported, true);
RESET ROLE;
SELECT reminder, count(*) FROM bjxm.reminders WHERE unit = '11520500RM0000001R' GROUP BY 1 ORDER BY 1;
RESET bjxm.today;
