-- bench/rls-variant.sql — the visibility policies of projects and units in
-- an indexable form (a proposal measured in docs/performance.md, not part of
-- the extension).  Apply as the superuser to a bench database (bench/gen.sh)
-- and rerun the view timings:
--
--   psql -d scale_100k -f bench/rls-variant.sql
--
-- Same meaning as the installed policies: the unit arrays are computed once
-- per query (InitPlan), so "unit_id = ANY ($n)" becomes an index condition
-- and the two arms of the OR a BitmapOr; the installed form
-- "(SELECT _sees_all_units()) OR unit_id IN (SELECT _visible_units()) …" is
-- a filter over every row.  For a role that sees every unit the array holds
-- every unit id.
CREATE FUNCTION bjxm._visible_unit_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN bjxm._sees_all_units() THEN (SELECT pg_catalog.array_agg(u.unit_id) FROM bjxm.units u)
                ELSE ARRAY(SELECT bjxm._visible_units()) END $$;
CREATE FUNCTION bjxm._reviewer_unit_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT ARRAY(SELECT bjxm._reviewer_units()) $$;
CREATE FUNCTION bjxm._reviewer_project_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT ARRAY(SELECT bjxm._reviewer_projects()) $$;
GRANT EXECUTE ON FUNCTION bjxm._visible_unit_ids(), bjxm._reviewer_unit_ids(), bjxm._reviewer_project_ids() TO PUBLIC;

DROP POLICY projects_visible ON bjxm.projects;
CREATE POLICY projects_visible ON bjxm.projects FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR project_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._reviewer_project_ids()) AS bigint[])));
DROP POLICY units_visible ON bjxm.units;
CREATE POLICY units_visible ON bjxm.units FOR SELECT
    USING (unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._visible_unit_ids()) AS bigint[]))
           OR unit_id OPERATOR(pg_catalog.=) ANY (CAST((SELECT bjxm._reviewer_unit_ids()) AS bigint[])));
