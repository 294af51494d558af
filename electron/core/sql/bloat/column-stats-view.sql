/* ticketz-console */
-- Per-column planner statistics (null fraction, average width) for the bloat estimates, read from
-- the pg_stats view, so any role can run it (seeing only the columns it may read); column-stats.sql
-- is the faster form for roles that may read pg_statistic. bloat.ts puts this in front of
-- tables.sql / btree-indexes.sql as their `column_stats` CTE.
-- The view names the schema, relation and column but not their oids, so relid and attnum stay NULL:
-- the templates join on names here, and the planner folds the oid side away. (Looking the oids up
-- again instead makes the planner expect a single row and nest its loops: over a minute on 4,000 tables.)
-- Source: https://www.postgresql.org/docs/current/view-pg-stats.html
SELECT /* ticketz-console */ NULL::oid AS relid,
       NULL::int2 AS attnum,
       v.schemaname,
       v.tablename,
       v.attname,
       v.null_frac,
       v.avg_width
  FROM pg_catalog.pg_stats AS v
 WHERE NOT v.inherited
