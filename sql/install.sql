-- Installing bjxm: the extension, its schema and its objects.
CREATE EXTENSION bjxm;
SELECT extname, extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'bjxm') AS current_version
  FROM pg_extension WHERE extname = 'bjxm';
SELECT nspname FROM pg_namespace WHERE nspname = 'bjxm';
-- Not relocatable.
ALTER EXTENSION bjxm SET SCHEMA public;
-- A non-UTF8 database is refused: the messages and the text are Chinese.
CREATE DATABASE bjxm_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c bjxm_latin1
CREATE EXTENSION bjxm;
\echo :SQLSTATE
\c bjxm_regress
DROP DATABASE bjxm_latin1;
