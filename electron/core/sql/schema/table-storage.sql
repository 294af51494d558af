/* ticketz-console */
-- Storage of relation $1 (oid): heap (main fork), TOAST (with its index), indexes and total in
-- bytes; the planner's row estimate; live and dead tuples and the last (auto)vacuum and
-- (auto)analyze; persistence, tablespace and storage options. A partitioned table stores nothing
-- itself: its sizes, estimate and tuples are the sums over its leaf partitions (the estimate only
-- when every leaf has been vacuumed or analyzed; reltuples is -1 before that).
-- Source: PG docs, "Database Object Size Functions", pg_partition_tree and pg_stat_all_tables;
-- pghero's space queries.
WITH /* ticketz-console */ parts AS (
  SELECT pc.oid, pc.reltoastrelid, pc.reltuples
  FROM pg_catalog.pg_class AS pc
  WHERE pc.oid IN (SELECT pt.relid
                   FROM pg_catalog.pg_partition_tree($1::oid) AS pt
                   WHERE pt.isleaf
                     AND (SELECT c0.relkind FROM pg_catalog.pg_class AS c0 WHERE c0.oid = $1::oid) = 'p'
                   UNION ALL
                   SELECT $1::oid
                   WHERE (SELECT c0.relkind FROM pg_catalog.pg_class AS c0 WHERE c0.oid = $1::oid) <> 'p')
),
sizes AS (
  SELECT coalesce(sum(pg_catalog.pg_relation_size(p.oid)), 0)::text AS heap_bytes,
         coalesce(sum(CASE WHEN p.reltoastrelid <> 0 THEN pg_catalog.pg_total_relation_size(p.reltoastrelid) ELSE 0 END), 0)::text AS toast_bytes,
         coalesce(sum(pg_catalog.pg_indexes_size(p.oid)), 0)::text AS index_bytes,
         coalesce(sum(pg_catalog.pg_total_relation_size(p.oid)), 0)::text AS total_bytes,
         CASE WHEN count(*) > 0 AND bool_and(p.reltuples >= 0) THEN sum(p.reltuples)::float8 END AS estimated_rows,
         sum(s.n_live_tup)::text AS live_tuples,
         sum(s.n_dead_tup)::text AS dead_tuples
  FROM parts AS p
  LEFT JOIN pg_catalog.pg_stat_all_tables AS s ON s.relid = p.oid
)
SELECT z.heap_bytes,
       z.toast_bytes,
       z.index_bytes,
       z.total_bytes,
       z.estimated_rows,
       z.live_tuples,
       z.dead_tuples,
       s.last_vacuum,
       s.last_autovacuum,
       s.last_analyze,
       s.last_autoanalyze,
       c.relpersistence::text AS persistence,
       ts.spcname AS tablespace,
       coalesce(c.reloptions, '{}')::text[] AS options
FROM pg_catalog.pg_class AS c
CROSS JOIN sizes AS z
LEFT JOIN pg_catalog.pg_stat_all_tables AS s ON s.relid = c.oid
LEFT JOIN pg_catalog.pg_tablespace AS ts ON ts.oid = c.reltablespace
WHERE c.oid = $1::oid
