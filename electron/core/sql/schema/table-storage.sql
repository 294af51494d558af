/* ticketz-console */
-- Storage of relation $1 (oid): heap (main fork), TOAST (with its index), indexes and total in
-- bytes; the planner's row estimate; live and dead tuples and the last (auto)vacuum and
-- (auto)analyze; persistence, tablespace and storage options.
-- Source: PG docs, "Database Object Size Functions" and pg_stat_all_tables; pghero's space queries.
SELECT /* ticketz-console */ pg_catalog.pg_relation_size(c.oid)::text AS heap_bytes,
       CASE WHEN c.reltoastrelid <> 0 THEN pg_catalog.pg_total_relation_size(c.reltoastrelid) ELSE 0 END::text AS toast_bytes,
       pg_catalog.pg_indexes_size(c.oid)::text AS index_bytes,
       pg_catalog.pg_total_relation_size(c.oid)::text AS total_bytes,
       CASE WHEN c.reltuples >= 0 THEN c.reltuples::float8 END AS estimated_rows,
       s.n_live_tup::text AS live_tuples,
       s.n_dead_tup::text AS dead_tuples,
       s.last_vacuum,
       s.last_autovacuum,
       s.last_analyze,
       s.last_autoanalyze,
       c.relpersistence::text AS persistence,
       ts.spcname AS tablespace,
       coalesce(c.reloptions, '{}')::text[] AS options
FROM pg_catalog.pg_class AS c
LEFT JOIN pg_catalog.pg_stat_all_tables AS s ON s.relid = c.oid
LEFT JOIN pg_catalog.pg_tablespace AS ts ON ts.oid = c.reltablespace
WHERE c.oid = $1::oid
