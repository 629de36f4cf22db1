-- bjxm demo: what exists so far, with a few Bijie units.
\pset footer off
\set QUIET on
CREATE EXTENSION bjxm;
\set QUIET off
\echo
\echo '== 毕节市市级信息化项目统筹管理办法(试行): 第十一条 in the database =='
SELECT clause AS "条款", left(body, 60) || CASE WHEN length(body) > 60 THEN '…' ELSE '' END AS "原文"
  FROM bjxm.regulation WHERE article = 11 ORDER BY clause;

\echo
\echo '== A few Bijie units, their 统一社会信用代码 checked by bjxm.uscc =='
CREATE TEMP TABLE demo_units (code bjxm.uscc PRIMARY KEY, name text);
INSERT INTO demo_units VALUES
  ('11520500MB1545443Y', '毕节市大数据局 (demo code)'),
  ('12520500mb1a234565', '毕节市第一人民医院 (demo code, typed in lower case)'),
  (' 52520521MJ5678901X ', '大方县某行业协会 (demo code, padded)'),
  ('91520500MA6DJ1234E', '毕节某信息技术有限公司 (demo code)');
SELECT code AS "统一社会信用代码", bjxm.region_of(code) AS "行政区划", name AS "单位" FROM demo_units ORDER BY code;

\echo
\echo '== A mistyped code is refused with the position that is wrong =='
\set ON_ERROR_STOP off
INSERT INTO demo_units VALUES ('11520500MB1545443X', '校验码抄错 (wrong check character)');
INSERT INTO demo_units VALUES ('1152O500MB1545443Y', '字母O当作数字0 (letter O for digit 0)');
SELECT '第三十一条第(十)项'::bjxm.clause;
\set ON_ERROR_STOP on

\echo
\echo '== Citations in any common form, printed canonically =='
SELECT v AS "输入", v::bjxm.clause AS "规范形式", bjxm.clause_text(v::bjxm.clause) AS "原文"
  FROM unnest(ARRAY['11.1', '31(5)', '第三十四条第(三)项']) v;

\echo
\echo '== SQLSTATEs applications branch on =='
SELECT sqlstate, clause AS "条款", meaning AS "含义" FROM bjxm.sqlstates() ORDER BY sqlstate;
