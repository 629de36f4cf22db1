-- The regulation in the database: all 36 articles and their items.
SELECT count(*) FILTER (WHERE item = 0) AS articles, count(*) FILTER (WHERE item > 0) AS items
  FROM bjxm.regulation;
-- The item counts the clause type checks against come from the same text.
SELECT article, count(*) FILTER (WHERE item > 0) AS items_in_table, bjxm.item_count(article) AS items_in_type
  FROM bjxm.regulation GROUP BY article
 HAVING count(*) FILTER (WHERE item > 0) <> bjxm.item_count(article);
SELECT article, bjxm.item_count(article) FROM bjxm.regulation WHERE item = 0 AND bjxm.item_count(article) > 0 ORDER BY article;
SELECT chapter, chapter_title, min(article), max(article) FROM bjxm.regulation GROUP BY 1, 2 ORDER BY 1;
SELECT bjxm.clause_text('第十一条第(一)项');
SELECT bjxm.clause_text('31.5');
SELECT bjxm.clause_text('第三十四条');
SELECT clause, heading FROM bjxm.regulation WHERE article IN (1, 11, 34) AND item = 0 ORDER BY clause;
-- Every article's text begins where the document has it.
SELECT clause, left(body, 12) FROM bjxm.regulation WHERE item = 0 ORDER BY clause LIMIT 3;
-- Each whole article contains the text of its items.
SELECT count(*) AS items_outside_their_article
  FROM bjxm.regulation i JOIN bjxm.regulation a ON a.article = i.article AND a.item = 0
 WHERE i.item > 0 AND position(i.body IN a.body) = 0;
-- SQLSTATEs: every one of docs/reference.md §2, each with its article.
SELECT sqlstate, clause FROM bjxm.sqlstates() ORDER BY sqlstate;
SELECT count(*) FILTER (WHERE clause IS NOT NULL AND bjxm.article(clause) = substr(sqlstate, 3)::int) AS named_after_their_article,
       count(*) AS total
  FROM bjxm.sqlstates();
