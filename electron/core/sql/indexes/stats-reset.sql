/* ticketz-console */
-- Since when this database's scan counters run (unused-index findings are relative to it).
-- Source: PG docs 27.2.17 pg_stat_database.stats_reset.
SELECT /* ticketz-console */ d.stats_reset
  FROM pg_catalog.pg_stat_database AS d
 WHERE d.datname = pg_catalog.current_database()
