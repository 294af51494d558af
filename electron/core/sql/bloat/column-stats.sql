/* ticketz-console */
-- Per-column planner statistics (null fraction, average width) for the bloat estimates, read from
-- pg_statistic itself: joined on oids, without pg_stats' per-column privilege checks, several times
-- faster on large catalogs. Needs SELECT on pg_statistic (superusers by default), the split ioguix
-- draws with btree_bloat-superuser.sql; column-stats-view.sql gives the same for any role.
-- bloat.ts puts this in front of tables.sql / btree-indexes.sql as their `column_stats` CTE. Its
-- own statement, not a branch of theirs: a query that names pg_statistic fails for a role without
-- SELECT on it even where the planner prunes that branch (privileges are checked for every table).
-- The name columns stay NULL: the templates join on (relid, attnum) or on names, whichever is set,
-- and the planner folds the NULL side away, leaving a plain hash join on oids.
-- Source: https://www.postgresql.org/docs/current/catalog-pg-statistic.html
SELECT /* ticketz-console */ s.starelid AS relid,
       s.staattnum AS attnum,
       NULL::name AS schemaname,
       NULL::name AS tablename,
       NULL::name AS attname,
       s.stanullfrac AS null_frac,
       s.stawidth AS avg_width
  FROM pg_catalog.pg_statistic AS s
 WHERE NOT s.stainherit
