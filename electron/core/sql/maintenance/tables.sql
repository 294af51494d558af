/* ticketz-console */
-- Tables and materialized views to maintain: size, live/dead tuples, last (auto)vacuum and
-- (auto)analyze, and their indexes; most dead tuples first. $1 search text (ILIKE pattern on
-- schema.name, or null), $2 limit. relpages orders the rest so sizes are computed for $2 rows only;
-- pg_stat_get_dead_tuples (behind pg_stat_all_tables.n_dead_tup) avoids that view's aggregate.
-- A partitioned table's size is the sum over its partition tree (it stores nothing itself).
-- Source: PG docs 27.2.20 pg_stat_all_tables, pg_partition_tree; the seeds' "Table Bloat" query (n_dead_tup).
WITH /* ticketz-console */ picked AS (
  SELECT c.oid, c.relkind, c.relname, n.nspname, c.relpages
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'm', 'p')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
     AND ($1::text IS NULL OR (n.nspname || '.' || c.relname) ILIKE $1::text)
   ORDER BY pg_catalog.pg_stat_get_dead_tuples(c.oid) DESC, c.relpages DESC, n.nspname, c.relname
   LIMIT $2::int
)
SELECT p.oid::int8 AS oid,
       p.nspname AS schema,
       p.relname AS name,
       p.relkind::text AS relkind,
       CASE WHEN p.relkind = 'p'
            THEN (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(pt.relid)), 0)
                  FROM pg_catalog.pg_partition_tree(p.oid) AS pt)
            ELSE pg_catalog.pg_total_relation_size(p.oid)
       END::text AS total_bytes,
       coalesce(s.n_live_tup, 0)::text AS live_tuples,
       coalesce(s.n_dead_tup, 0)::text AS dead_tuples,
       s.last_vacuum,
       s.last_autovacuum,
       s.last_analyze,
       s.last_autoanalyze,
       coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                          'name', ic.relname,
                          'bytes', pg_catalog.pg_relation_size(ic.oid)::text,
                          'valid', i.indisvalid) ORDER BY ic.relname)
                   FROM pg_catalog.pg_index AS i
                   JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
                  WHERE i.indrelid = p.oid), '[]'::json) AS indexes
  FROM picked AS p
  LEFT JOIN pg_catalog.pg_stat_all_tables AS s ON s.relid = p.oid
 ORDER BY coalesce(s.n_dead_tup, 0) DESC, p.relpages DESC, p.nspname, p.relname
