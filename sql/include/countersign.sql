\set ECHO none
-- Fixture helper (第十六条, issue 15): a contract is made by two signatures,
-- the user unit's and 大数据部门's.  A walk signs one side as the superuser
-- (it takes the side missing, 大数据部门 first); countersign(p) then signs
-- the other side as a member of the project's unit (who, or the first by
-- name), on the same terms.
CREATE FUNCTION pg_temp.countersign(p bigint, who name DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $cs$
DECLARE
  s bjxm.contract_signatures;
  r name;
BEGIN
  SELECT * INTO STRICT s FROM bjxm.contract_signatures x WHERE x.project_id = p;
  SELECT m.member INTO STRICT r FROM bjxm.unit_members m JOIN bjxm.projects j USING (unit_id)
   WHERE j.project_id = p AND (who IS NULL OR m.member = who) ORDER BY m.member LIMIT 1;
  EXECUTE pg_catalog.format('SET LOCAL ROLE %I', r);
  PERFORM bjxm.sign_contract(p, s.contract_no, s.terms, s.amount, s.signed_on);
  RESET ROLE;
END $cs$;
\set ECHO all
