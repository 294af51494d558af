/* ticketz-console */
-- This primary's replication slots: active or not, and the WAL each one keeps from being recycled
-- (an inactive slot retains WAL without limit unless max_slot_wal_keep_size is set).
-- Source: https://www.postgresql.org/docs/current/view-pg-replication-slots.html (wal_status: 13+)
SELECT /* ticketz-console */ s.slot_name,
       s.slot_type,
       s.database,
       s.active,
       s.active_pid,
       s.wal_status,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), s.restart_lsn)::int8::text AS retained_bytes
  FROM pg_catalog.pg_replication_slots AS s
 ORDER BY s.slot_name
