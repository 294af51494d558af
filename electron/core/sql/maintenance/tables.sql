/* ticketz-console */
-- Tables and materialized views to maintain: size, live/dead tuples, last (auto)vacuum and
-- (auto)analyze, and their indexes; most dead tuples first. $1 search text (ILIKE pattern on
-- schema.name, or null), $2 limit. relpages orders the rest so sizes are computed for $2 rows only;
-- pg_stat_get_dead_tuples (behind pg_stat_all_tables.n_dead_tup) avoids that view's aggregate.
-- Sizes need an ACCESS SHARE lock: a relation someone holds (or queues for) an ACCESS EXCLUSIVE
-- lock on (VACUUM FULL, ALTER TABLE, a migration) would make the whole list wait and then fail on
-- lock_timeout, so such a row gets no sizes and says who locks it instead.
-- A partitioned table's size is the sum over its partition tree (it stores nothing itself).
-- Source: PG docs 27.2.20 pg_stat_all_tables, pg_partition_tree; the seeds' "Table Bloat" query
-- (n_dead_tup); PG docs 54.12 pg_locks.
WITH /* ticketz-console */ exclusive AS (
  SELECT l.relation, pg_catalog.min(l.pid) AS pid, pg_catalog.bool_or(l.granted) AS granted
    FROM pg_catalog.pg_locks AS l
   WHERE l.locktype = 'relation'
     AND l.mode = 'AccessExclusiveLock'
     AND l.database = (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = pg_catalog.current_database())
     AND l.pid <> pg_catalog.pg_backend_pid()
   GROUP BY l.relation
),
picked AS (
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
       CASE WHEN x.relation IS NULL
            THEN CASE WHEN p.relkind = 'p'
                      THEN (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(pt.relid)), 0)
                            FROM pg_catalog.pg_partition_tree(p.oid) AS pt)
                      ELSE pg_catalog.pg_total_relation_size(p.oid)
                 END::text
       END AS total_bytes,
       CASE WHEN x.relation IS NOT NULL
            THEN 'ACCESS EXCLUSIVE lock ' || CASE WHEN x.granted THEN 'held' ELSE 'requested' END || ' by pid ' || x.pid
       END AS locked_by,
       coalesce(s.n_live_tup, 0)::text AS live_tuples,
       coalesce(s.n_dead_tup, 0)::text AS dead_tuples,
       s.last_vacuum,
       s.last_autovacuum,
       s.last_analyze,
       s.last_autoanalyze,
       coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                          'name', ic.relname,
                          'bytes', CASE WHEN x.relation IS NULL
                                         AND NOT EXISTS (SELECT 1 FROM exclusive AS xi WHERE xi.relation = ic.oid)
                                        THEN pg_catalog.pg_relation_size(ic.oid)::text END,
                          'valid', i.indisvalid) ORDER BY ic.relname)
                   FROM pg_catalog.pg_index AS i
                   JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
                  WHERE i.indrelid = p.oid), '[]'::json) AS indexes
  FROM picked AS p
  LEFT JOIN exclusive AS x ON x.relation = p.oid
  LEFT JOIN pg_catalog.pg_stat_all_tables AS s ON s.relid = p.oid
 ORDER BY coalesce(s.n_dead_tup, 0) DESC, p.relpages DESC, p.nspname, p.relname
