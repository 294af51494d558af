/* ticketz-console */
-- Tables, views, materialized views and foreign tables whose name starts with $2, in schema $1,
-- or in the schemas on the search_path when $1 is NULL; partitions are left out.
-- Source: PG docs, pg_class and current_schemas().
SELECT /* ticketz-console */ c.relname AS name,
       c.relkind::text AS relkind,
       n.nspname AS schema
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND NOT c.relispartition
  AND CASE WHEN $1::text IS NULL THEN n.nspname = ANY (pg_catalog.current_schemas(true)) ELSE n.nspname = $1 END
  AND pg_catalog.starts_with(lower(c.relname), lower($2))
ORDER BY c.relname, n.nspname
LIMIT $3
