/* ticketz-console */
-- Catalog snapshot: rewrite rules other than the ones that make a view a view.
SELECT /* ticketz-console */ n.nspname || '.' || c.relname || '.' || r.rulename AS id,
       pg_catalog.jsonb_build_object('definition', pg_catalog.pg_get_ruledef(r.oid), 'enabled', r.ev_enabled) AS attrs
FROM pg_catalog.pg_rewrite AS r
JOIN pg_catalog.pg_class AS c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
