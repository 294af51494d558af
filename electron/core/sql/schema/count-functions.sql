/* ticketz-console */
-- How many functions ($2 = false) or procedures ($2 = true) a schema holds. Source: PG docs, pg_proc.
SELECT /* ticketz-console */ count(*)::int AS total
FROM pg_catalog.pg_proc AS p
WHERE p.pronamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
  AND (p.prokind = 'p') = $2::bool
