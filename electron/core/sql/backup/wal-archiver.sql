/* ticketz-console */
-- WAL archiving: archive_mode and pg_stat_archiver's counters (last archived segment, failures).
-- archive_mode is 'off' when point-in-time recovery is not set up.
-- Source: PG docs 28.2.x pg_stat_archiver; 26.3 Continuous Archiving.
SELECT /* ticketz-console */ pg_catalog.current_setting('archive_mode') AS archive_mode,
       a.archived_count::text AS archived_count,
       a.last_archived_wal,
       a.last_archived_time,
       a.failed_count::text AS failed_count,
       a.last_failed_wal,
       a.last_failed_time,
       a.stats_reset
  FROM pg_catalog.pg_stat_archiver AS a
