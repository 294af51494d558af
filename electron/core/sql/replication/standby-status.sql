/* ticketz-console */
-- On a standby: what it received and replayed, the bytes between, whether replay is paused, and the
-- time lag: 0 when everything received is replayed (an idle primary sends nothing to replay),
-- otherwise the age of the last replayed transaction.
-- Source: https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-RECOVERY-INFO-TABLE
SELECT /* ticketz-console */ pg_catalog.pg_last_wal_receive_lsn()::text AS receive_lsn,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replay_lsn,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(), pg_catalog.pg_last_wal_replay_lsn())::int8::text AS replay_lag_bytes,
       pg_catalog.pg_last_xact_replay_timestamp() AS last_replayed_at,
       pg_catalog.pg_is_wal_replay_paused() AS replay_paused,
       CASE WHEN pg_catalog.pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_catalog.pg_last_wal_replay_lsn() THEN 0::float8
            ELSE extract(epoch FROM pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp())::float8
       END AS replay_lag_seconds
