/* ticketz-console */
-- Materialized views created WITH NO DATA (or never refreshed), in creation order, so the demo
-- seeding can populate whatever seed.sql did not refresh itself.
SELECT /* ticketz-console */ pg_catalog.format('%I.%I', n.nspname, c.relname) AS name
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE c.relkind = 'm'
  AND NOT c.relispopulated
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY c.oid
