/* ticketz-console */
-- How many user-visible types a schema holds (same filter as list-types.sql). Source: PG docs, pg_type.
SELECT count(*)::int AS total
FROM pg_catalog.pg_type AS t
LEFT JOIN pg_catalog.pg_class AS c ON c.oid = t.typrelid
WHERE t.typnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
  AND (t.typtype IN ('e', 'd', 'r')
       OR (t.typtype = 'c' AND c.relkind = 'c')
       OR (t.typtype = 'b' AND t.typcategory <> 'A'))
