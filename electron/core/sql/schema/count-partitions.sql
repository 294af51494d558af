/* ticketz-console */
-- How many direct partitions a partitioned table has. Source: PG docs, pg_inherits.
SELECT /* ticketz-console */ count(*)::int AS total
FROM pg_catalog.pg_inherits AS i
WHERE i.inhparent = (
  SELECT c.oid
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
  WHERE n.nspname = $1
    AND c.relname = $2
)
