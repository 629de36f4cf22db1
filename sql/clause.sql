-- bjxm.clause: citations of the measures, docs/reference.md §1.
\set SHOW_CONTEXT never
-- Operators live in schema bjxm: applications put it on the search_path (README).
SET search_path = public, bjxm;
-- Every accepted form, printed canonically.
SELECT v AS input, v::bjxm.clause AS canonical
  FROM unnest(ARRAY['第十一条', '第十一条第(二)项', '第三十一条(五)', '11', '11.2', '31(5)',
                    '第十一条第（二）项', '第十一条第二项', '３１（９）', '  第一条  ', '36']) AS v;
-- Every article 1–36, in digits and in Chinese numerals, round trips.
SELECT count(*) AS articles,
       count(*) FILTER (WHERE a::text::bjxm.clause = ('第' || substr(c::text, 2))::bjxm.clause) AS chinese_matches,
       count(*) FILTER (WHERE c::text::bjxm.clause = c) AS round_trips
  FROM generate_series(1, 36) a, LATERAL (SELECT a::text::bjxm.clause) s(c);
-- The items the text has; the first one it does not have is refused.
SELECT a AS article, bjxm.item_count(a) AS items FROM generate_series(1, 36) a WHERE bjxm.item_count(a) > 0;
SELECT '第三十一条第(九)项'::bjxm.clause, '31.9'::bjxm.clause = '第三十一条(九)'::bjxm.clause AS same;
SELECT '第三十一条第(十)项'::bjxm.clause;
\echo :SQLSTATE
SELECT '11.4'::bjxm.clause;
\echo :SQLSTATE
SELECT '第一条(一)'::bjxm.clause;
\echo :SQLSTATE
SELECT '第三十七条'::bjxm.clause;
\echo :SQLSTATE
SELECT '0'::bjxm.clause;
\echo :SQLSTATE
SELECT '11.0'::bjxm.clause;
\echo :SQLSTATE
SELECT '第十一款'::bjxm.clause;
\echo :SQLSTATE
SELECT ''::bjxm.clause;
\echo :SQLSTATE
SELECT 'article 11'::bjxm.clause;
\echo :SQLSTATE

-- Parts and construction.
SELECT bjxm.article('第三十一条第(五)项'), bjxm.item('第三十一条第(五)项'), bjxm.item('第十条');
SELECT bjxm.clause(11, 1), bjxm.clause(34), bjxm.clause(5, 4);
SELECT bjxm.clause(11, 4);
\echo :SQLSTATE
SELECT bjxm.clause(40);
\echo :SQLSTATE
SELECT bjxm.clause(-1, -1);
\echo :SQLSTATE

-- Ordered by article, then item; item 0 (the whole article) first.
SELECT c FROM unnest(ARRAY['31(2)', '11', '11.3', '5.4', '31', '11.1', '2']::bjxm.clause[]) c ORDER BY c;
SELECT '第十一条'::bjxm.clause < '11.1' AS whole_before_items, '11.3'::bjxm.clause < '12' AS items_before_next;
-- btree and hash opclasses.
CREATE TEMP TABLE cites (c bjxm.clause);
INSERT INTO cites SELECT bjxm.clause(a, i) FROM generate_series(1, 36) a, generate_series(0, bjxm.item_count(a)) i;
SELECT count(*) AS clauses_in_the_text FROM cites;
CREATE INDEX ON cites (c);
CREATE INDEX cites_hash ON cites USING hash (c);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM cites WHERE c BETWEEN '31.1' AND '31.9';
SELECT * FROM cites WHERE c BETWEEN '31.1' AND '31.9';
RESET enable_seqscan;
SELECT count(*) FROM cites a JOIN cites b USING (c);
-- Binary round trip.
DO $$
DECLARE f text := current_setting('data_directory') || '/bjxm_clause_regress.bin';
BEGIN
  EXECUTE format('COPY cites TO %L (FORMAT binary)', f);
  CREATE TEMP TABLE cites_copy (c bjxm.clause);
  EXECUTE format('COPY cites_copy FROM %L (FORMAT binary)', f);
END $$;
SELECT count(*) FROM cites_copy JOIN cites USING (c);
-- Binary input naming a clause the text does not have is refused like text.
CREATE TEMP TABLE clause_in (c bjxm.clause);
DO $$ BEGIN EXECUTE $c$COPY clause_in FROM PROGRAM $p$printf 'PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0\0\1\0\0\0\4\0\13\0\2\377\377'$p$ (FORMAT binary)$c$; END $$;
SELECT c FROM clause_in;
DO $$ BEGIN EXECUTE $c$COPY clause_in FROM PROGRAM $p$printf 'PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0\0\1\0\0\0\4\0\13\0\4\377\377'$p$ (FORMAT binary)$c$; END $$;
\echo :SQLSTATE
DO $$ BEGIN EXECUTE $c$COPY clause_in FROM PROGRAM $p$printf 'PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0\0\1\0\0\0\4\0\45\0\0\377\377'$p$ (FORMAT binary)$c$; END $$;
\echo :SQLSTATE
SELECT count(*) AS still_one_row FROM clause_in;
