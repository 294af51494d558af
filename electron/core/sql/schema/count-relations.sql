/* ticketz-console */
-- How many relations of the given kinds a schema holds (partitions left out unless $3), for the
-- size of the tree's virtual list. Source: PG docs, pg_class.
SELECT /* ticketz-console */ count(*)::int AS total
FROM pg_catalog.pg_class AS c
WHERE c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
  AND c.relkind = ANY ($2::"char"[])
  AND ($3::bool OR NOT c.relispartition)
