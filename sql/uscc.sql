-- bjxm.uscc: 统一社会信用代码 (GB 32100-2015), docs/reference.md §1.
\set SHOW_CONTEXT never
-- Operators live in schema bjxm: applications put it on the search_path (README).
SET search_path = public, bjxm;
-- Valid codes, trimmed and upper-cased on input.
SELECT '11520500MB1545443Y'::bjxm.uscc AS city_unit,
       '  91520500ma6dj1234e  '::bjxm.uscc AS padded_lower_case,
       E'\u300052520521MJ5678901X\u3000'::bjxm.uscc AS ideographic_spaces;
SELECT bjxm.region_of('91520502MA6H123453');

-- Bad input: 22P02 naming the problem.
SELECT ''::bjxm.uscc;
\echo :SQLSTATE
SELECT '   '::bjxm.uscc;
\echo :SQLSTATE
SELECT '11520500MB1545443'::bjxm.uscc;      -- 17 characters
\echo :SQLSTATE
SELECT '11520500MB1545443YY'::bjxm.uscc;    -- 19 characters
\echo :SQLSTATE
SELECT 'I1520500MB1545443Y'::bjxm.uscc;     -- I is not a code character
\echo :SQLSTATE
SELECT '1152O500MB1545443Y'::bjxm.uscc;     -- letter O where a digit 0 was meant
\echo :SQLSTATE
SELECT '11520500MB15454 3Y'::bjxm.uscc;     -- inner space
\echo :SQLSTATE
SELECT '115205中0MB1545443Y'::bjxm.uscc;    -- a Chinese character
\echo :SQLSTATE
SELECT '11A20500MB1545443Y'::bjxm.uscc;     -- region code must be digits
\echo :SQLSTATE
SELECT '11520500MB1545443X'::bjxm.uscc;     -- wrong check character
\echo :SQLSTATE
-- A very long input is quoted back clipped, not in full.
SELECT repeat('9', 100000)::bjxm.uscc;
\echo :SQLSTATE

-- Comparison, ordering, hashing.
CREATE TEMP TABLE units (code bjxm.uscc PRIMARY KEY, name text);
INSERT INTO units VALUES
  ('91520500MA6DJ1234E', '毕节某科技公司'),
  ('11520500MB1545443Y', '市大数据局'),
  ('12520500MB1A234565', '市第一人民医院'),
  ('52520521MJ5678901X', '大方县某协会');
INSERT INTO units VALUES ('11520500mb1545443y', '重复 (duplicate)');
\echo :SQLSTATE
SELECT code, name FROM units ORDER BY code;
SELECT code FROM units WHERE code > '12520500MB1A234565' ORDER BY code DESC;
SELECT '11520500MB1545443Y'::bjxm.uscc = ' 11520500mb1545443y'::bjxm.uscc AS eq,
       '11520500MB1545443Y'::bjxm.uscc <> '12520500MB1A234565'::bjxm.uscc AS ne,
       '11520500MB1545443Y'::bjxm.uscc <= '11520500MB1545443Y'::bjxm.uscc AS le,
       '11520500MB1545443Y'::bjxm.uscc >= '12520500MB1A234565'::bjxm.uscc AS ge;
-- The btree opclass serves the primary key; the hash opclass serves hash indexes and joins.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT name FROM units WHERE code = '11520500MB1545443Y';
SELECT name FROM units WHERE code = '11520500MB1545443Y';
CREATE INDEX units_code_hash ON units USING hash (code);
EXPLAIN (COSTS OFF) SELECT name FROM units WHERE code = '52520521MJ5678901X';
RESET enable_seqscan;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM units a JOIN units b USING (code);
SELECT count(*) FROM units a JOIN units b USING (code);
RESET enable_mergejoin; RESET enable_nestloop;
SELECT count(DISTINCT code) FROM (SELECT code FROM units UNION ALL SELECT code FROM units) s;

-- Binary input is checked as strictly as text: round trip through binary
-- COPY, then hand-made binary files with bad payloads.
DO $$
DECLARE f text := current_setting('data_directory') || '/bjxm_uscc_regress.bin';
BEGIN
  EXECUTE format('COPY (SELECT code FROM units ORDER BY code) TO %L (FORMAT binary)', f);
  CREATE TEMP TABLE units_copy (code bjxm.uscc);
  EXECUTE format('COPY units_copy FROM %L (FORMAT binary)', f);
END $$;
SELECT count(*) FROM units_copy JOIN units USING (code);
-- A binary COPY file holding one field of the given bytes.
CREATE FUNCTION pg_temp.to_oct(n int) RETURNS text LANGUAGE sql AS $$
  SELECT (n / 64)::text || ((n / 8) % 8)::text || (n % 8)::text $$;
CREATE FUNCTION pg_temp.binary_copy_of(payload text) RETURNS text LANGUAGE sql AS $$
  SELECT format($p$printf 'PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0\0\1\0\0\0\%s%s\377\377'$p$,
                pg_temp.to_oct(length(payload)), payload) $$;
CREATE TEMP TABLE binary_in (code bjxm.uscc);
DO $$ BEGIN EXECUTE format('COPY binary_in FROM PROGRAM %L (FORMAT binary)', pg_temp.binary_copy_of('91520500MA6DJ1234E')); END $$;
SELECT code FROM binary_in;
DO $$ BEGIN EXECUTE format('COPY binary_in FROM PROGRAM %L (FORMAT binary)', pg_temp.binary_copy_of('91520500ma6dj1234e')); END $$;
\echo :SQLSTATE
DO $$ BEGIN EXECUTE format('COPY binary_in FROM PROGRAM %L (FORMAT binary)', pg_temp.binary_copy_of('91520500MA6DJ1234')); END $$;
\echo :SQLSTATE
DO $$ BEGIN EXECUTE format('COPY binary_in FROM PROGRAM %L (FORMAT binary)', pg_temp.binary_copy_of('91520500MA6DJ1234F')); END $$;
\echo :SQLSTATE
SELECT count(*) AS still_one_row FROM binary_in;
