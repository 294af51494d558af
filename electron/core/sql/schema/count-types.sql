/* ticketz-console */
-- How many user-visible types a schema holds (same filter as list-types.sql). Source: PG docs, pg_type.
SELECT /* ticketz-console */ count(*)::int AS total
FROM pg_catalog.pg_type AS t
WHERE t.typnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
  AND (t.typtype IN ('e', 'd', 'r')
       OR (t.typtype = 'b' AND t.typcategory <> 'A')
       OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class AS c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
