-- Every object of the extension is documented in Chinese with an English
-- gloss: a COMMENT with at least one CJK character and one ASCII letter.
-- Catalog-driven: the members of extension bjxm (pg_depend deptype 'e'),
-- the columns of its tables and views, and its schema.
\set SHOW_CONTEXT never
SET search_path = public, bjxm;

CREATE TEMP VIEW mx_cm_objects AS
WITH ext AS (
    SELECT oid, extnamespace FROM pg_extension WHERE extname = 'bjxm'
), members AS (
    SELECT d.classid, d.objid, 0 AS objsubid
      FROM pg_depend d, ext
     WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
       -- a serial column's sequence is part of its column, not documented apart
       AND NOT (d.classid = 'pg_class'::regclass
                AND EXISTS (SELECT 1 FROM pg_depend o
                             WHERE o.classid = 'pg_class'::regclass AND o.objid = d.objid
                               AND o.refclassid = 'pg_class'::regclass AND o.refobjsubid > 0
                               AND o.deptype IN ('a', 'i')))
    UNION ALL
    -- the columns of the extension's tables and views
    SELECT 'pg_class'::regclass, a.attrelid, a.attnum
      FROM pg_depend d, ext, pg_class c, pg_attribute a
     WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
       AND d.classid = 'pg_class'::regclass AND c.oid = d.objid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    -- the schema
    SELECT 'pg_namespace'::regclass, ext.extnamespace, 0 FROM ext
)
SELECT pg_describe_object(m.classid, m.objid, m.objsubid) AS object,
       CASE WHEN m.objsubid = 0 THEN obj_description(m.objid, m.classid::regclass::name)
            ELSE col_description(m.objid, m.objsubid) END AS comment
  FROM members m;

-- Not a vacuous check: the extension's objects are all there.
SELECT count(*) > 100 AS many_objects,
       count(*) FILTER (WHERE object LIKE 'schema %') AS schemas,
       count(*) FILTER (WHERE object LIKE 'column %') > 50 AS many_columns,
       count(*) FILTER (WHERE object LIKE 'operator class %') > 0 AS operator_classes
  FROM mx_cm_objects;

CREATE TEMP VIEW mx_cm_missing AS
SELECT object,
       CASE WHEN comment IS NULL OR btrim(comment) = '' THEN 'no comment'
            WHEN comment !~ E'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]' THEN 'no Chinese'
            ELSE 'no English gloss' END AS problem
  FROM mx_cm_objects
 WHERE comment IS NULL
    OR comment !~ E'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]'
    OR comment !~ '[A-Za-z]';

SELECT count(*) AS missing FROM mx_cm_missing;
SELECT object, problem FROM mx_cm_missing ORDER BY object;
