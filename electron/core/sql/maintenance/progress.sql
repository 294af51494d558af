/* ticketz-console */
-- What backend $1 is doing and how far it got, from whichever progress view reports it:
-- VACUUM, ANALYZE, CREATE INDEX / REINDEX, and CLUSTER / VACUUM FULL. Columns are normalized:
-- blocks_* and tuples_* are the phase's measurable counters (null where the view has none).
-- Source: PG docs 27.4 Progress Reporting (pg_stat_progress_vacuum, _analyze, _create_index, _cluster).
SELECT /* ticketz-console */ 'vacuum' AS command, v.phase, v.heap_blks_total::int8 AS blocks_total, v.heap_blks_scanned::int8 AS blocks_done,
       v.heap_blks_vacuumed::int8 AS blocks_done2, NULL::int8 AS tuples_total, NULL::int8 AS tuples_done
  FROM pg_catalog.pg_stat_progress_vacuum AS v
 WHERE v.pid = $1::int
UNION ALL
SELECT 'analyze', a.phase, a.sample_blks_total::int8, a.sample_blks_scanned::int8,
       NULL, a.child_tables_total::int8, a.child_tables_done::int8
  FROM pg_catalog.pg_stat_progress_analyze AS a
 WHERE a.pid = $1::int
UNION ALL
SELECT 'create index', i.phase, i.blocks_total::int8, i.blocks_done::int8,
       NULL, i.tuples_total::int8, i.tuples_done::int8
  FROM pg_catalog.pg_stat_progress_create_index AS i
 WHERE i.pid = $1::int
UNION ALL
SELECT 'cluster', c.phase, c.heap_blks_total::int8, c.heap_blks_scanned::int8,
       NULL, NULL, c.heap_tuples_written::int8
  FROM pg_catalog.pg_stat_progress_cluster AS c
 WHERE c.pid = $1::int
