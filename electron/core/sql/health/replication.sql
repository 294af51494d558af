/* ticketz-console */
-- Standbys streaming from this server: state, sync mode, replay lag as time (replay_lag) and as
-- bytes of WAL not yet replayed. Empty on a server without standbys.
-- Source: PG docs 27.2.4 pg_stat_replication.
SELECT /* ticketz-console */ coalesce(r.application_name, '') AS application,
       pg_catalog.host(r.client_addr) AS client,
       coalesce(r.state, '') AS state,
       coalesce(r.sync_state, '') AS sync_state,
       extract(epoch FROM r.replay_lag)::float8 AS replay_lag_seconds,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.replay_lsn)::int8::text
       END AS lag_bytes
  FROM pg_catalog.pg_stat_replication AS r
 ORDER BY r.application_name
