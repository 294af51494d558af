/* ticketz-console */
-- The standbys streaming from this primary: client, state, sync state, and how far each is behind
-- in bytes (this server's WAL position minus what the standby wrote, flushed, replayed) and in time
-- (write_lag, flush_lag, replay_lag: NULL once a standby has caught up and the primary is idle).
-- Source: https://www.postgresql.org/docs/current/monitoring-stats.html#MONITORING-PG-STAT-REPLICATION-VIEW
SELECT /* ticketz-console */ r.pid,
       coalesce(r.application_name, '') AS application_name,
       pg_catalog.host(r.client_addr) AS client_addr,
       r.client_hostname,
       coalesce(r.state, '') AS state,
       coalesce(r.sync_state, '') AS sync_state,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.write_lsn)::int8::text AS write_lag_bytes,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.flush_lsn)::int8::text AS flush_lag_bytes,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.replay_lsn)::int8::text AS replay_lag_bytes,
       extract(epoch FROM r.write_lag)::float8 AS write_lag_seconds,
       extract(epoch FROM r.flush_lag)::float8 AS flush_lag_seconds,
       extract(epoch FROM r.replay_lag)::float8 AS replay_lag_seconds,
       r.reply_time
  FROM pg_catalog.pg_stat_replication AS r
 ORDER BY r.application_name, r.pid
