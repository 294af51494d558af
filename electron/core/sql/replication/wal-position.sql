/* ticketz-console */
-- This primary's WAL insert position as a byte count, with the server's clock: two samples give the
-- rate of WAL generation.
-- Source: https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADMIN-BACKUP
SELECT /* ticketz-console */ pg_catalog.pg_current_wal_lsn()::text AS lsn,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), '0/0')::numeric::text AS position_bytes,
       extract(epoch FROM pg_catalog.clock_timestamp())::float8 AS at_epoch
