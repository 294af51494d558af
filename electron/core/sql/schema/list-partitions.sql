/* ticketz-console */
-- One page of the direct partitions of a partitioned table (pg_inherits by its parent index),
-- by name (keyset: names after $3), with the bound and, for sub-partitioned ones, their own count.
-- Source: PG docs, pg_inherits and pg_get_expr(relpartbound).
WITH /* ticketz-console */ parent AS (
  SELECT c.oid
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
  WHERE n.nspname = $1
    AND c.relname = $2
), page AS (
  SELECT c.oid,
         c.relname,
         c.relkind,
         c.reltuples,
         c.relpartbound
  FROM pg_catalog.pg_inherits AS i
  JOIN pg_catalog.pg_class AS c ON c.oid = i.inhrelid
  WHERE i.inhparent = (SELECT oid FROM parent)
    AND ($3::name IS NULL OR c.relname > $3::name)
  ORDER BY c.relname
  LIMIT $4
)
SELECT p.oid::int8::text AS oid,
       p.relname AS name,
       p.relkind::text AS relkind,
       true AS is_partition,
       CASE WHEN p.relkind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits AS i WHERE i.inhparent = p.oid)::int
       END AS partition_count,
       CASE WHEN p.reltuples >= 0 THEN p.reltuples::float8 END AS estimated_rows,
       pg_catalog.pg_get_expr(p.relpartbound, p.oid) AS bound,
       pg_catalog.obj_description(p.oid, 'pg_class') AS comment
FROM page AS p
ORDER BY p.relname
