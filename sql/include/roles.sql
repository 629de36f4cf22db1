-- Test roles, made once per cluster: the names in bjxm_test.roles (comma-separated).
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY pg_catalog.string_to_array(pg_catalog.current_setting('bjxm_test.roles'), ',') LOOP
    BEGIN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END LOOP;
END $$;
RESET bjxm_test.roles;
