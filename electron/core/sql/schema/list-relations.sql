/* ticketz-console */
-- One page of relations of the given kinds in one schema, by name (keyset: names after $3).
-- Partitions are left out ($5 = false): the tree shows them under their parent. Comments and
-- partition counts are read only for the page, not for every relation of the schema.
-- Source: PG docs, pg_class (relkind, relispartition) and pg_inherits.
WITH /* ticketz-console */ page AS (
  SELECT c.oid,
         c.relname,
         c.relkind,
         c.relispartition,
         c.reltuples
  FROM pg_catalog.pg_class AS c
  WHERE c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
    AND c.relkind = ANY ($2::"char"[])
    AND ($5::bool OR NOT c.relispartition)
    AND ($3::name IS NULL OR c.relname > $3::name)
  ORDER BY c.relname
  LIMIT $4
)
SELECT p.oid::int8::text AS oid,
       p.relname AS name,
       p.relkind::text AS relkind,
       p.relispartition AS is_partition,
       CASE WHEN p.relkind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits AS i WHERE i.inhparent = p.oid)::int
       END AS partition_count,
       CASE WHEN p.reltuples >= 0 THEN p.reltuples::float8 END AS estimated_rows,
       NULL::text AS bound,
       pg_catalog.obj_description(p.oid, 'pg_class') AS comment
FROM page AS p
ORDER BY p.relname
