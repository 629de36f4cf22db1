-- Issue 16 red team: the unit that wants an office laptop, a car, a phone or
-- publicity paid with IT money tries other spellings and quantities.
-- Expected output = the behaviour argued for (each line states it).
\set SHOW_CONTEXT never
SET search_path = public, bjxm;
CREATE FUNCTION pg_temp.refused(name text, description text DEFAULT '') RETURNS text
    LANGUAGE sql AS $$ SELECT coalesce((SELECT string_agg(clause::text, ',') FROM bjxm.expense_check('software_development', name, description)), 'passes') $$;
-- Spellings that hold already (regression guard).
SELECT n, pg_temp.refused(n) FROM (VALUES ('笔记本' || U&'\0301' || '电脑'), ('笔记本' || U&'\FE0F' || '电脑'),
  ('𝐀𝟒纸'), ('ᴬ⁴纸'), (U&'\24B6\2463纸'), ('笔记本😀电脑'), ('宣' || U&'\2028' || '传推广'), ('筆電'), ('電腦採購20台')) v(n);
-- Homoglyphs: Cyrillic а, Greek Α, negative squared 🅰 read as a4纸: refused (were passing).
SELECT n, pg_temp.refused(n) FROM (VALUES ('а4纸'), ('Α4纸'), ('🅰4纸'), ('ірhone采购')) v(n);
-- Modifier letters and private use slipped between characters: refused (were passing).
SELECT n, pg_temp.refused(n) FROM (VALUES ('宣ー传推广'), ('宣' || U&'\0640' || '传推广'), ('宣' || U&'\02D0' || '传推广'),
  ('宣々传推广'), ('宣' || U&'\E000' || '传推广')) v(n);
-- Quantities: 廿, 卅, financial numerals, 20多, 十余, 若干, 一批: refused (were passing).
SELECT n, pg_temp.refused(n) FROM (VALUES ('执法手机廿部'), ('执法手机卅部'), ('执法手机贰拾部'), ('执法手机壹佰部'),
  ('执法手机20多部'), ('执法手机20余部'), ('执法手机十余部'), ('执法手机若干部'), ('执法手机一批'), ('电脑廿台'), ('执法车辆一批')) v(n);
-- Purchase verbs: 添置, 新购, 增购 next to a device; 一体机采购: refused (were passing).
SELECT n, pg_temp.refused(n) FROM (VALUES ('添置手机'), ('新购执法电脑'), ('增购平板'), ('一体机采购')) v(n);
-- Dictionary gaps: the Taiwan 笔记型电脑 and English laptop: refused (were passing).
SELECT n, pg_temp.refused(n) FROM (VALUES ('筆記型電腦'), ('Laptop 20台'), ('notebook computer')) v(n);
-- Legitimate lines still pass.
SELECT n, pg_temp.refused(n) FROM (VALUES ('手机APP开发'), ('车辆调度系统开发'), ('自助一体机20台接入'), ('精密空调采购'),
  ('视频会议系统运维'), ('高清网络摄像机200台'), ('超融合一体机扩容'), ('数据库一体机采购'), ('手机信令数据分析')) v(n);
-- The direct INSERT goes through the same normal form.
INSERT INTO bjxm.line_items (project_id, category, name, amount) SELECT min(project_id), 'software_development', '宣ー传推广', 1 FROM bjxm.projects;
\echo :SQLSTATE
-- Known, NOT fixed (see the report): the nearest-context rule lets an allow
-- context next to a device outrank the purchase after it; the line reads as
-- a purchase of 20 vehicles / phones, argued: refused.
SELECT n, pg_temp.refused(n) FROM (VALUES ('车辆平台购置20辆'), ('手机端采购20部')) v(n);
