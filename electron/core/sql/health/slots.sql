/* ticketz-console */
-- Replication slots and the WAL each keeps from being recycled (an inactive slot can fill the disk).
-- Source: PG docs 54.19 pg_replication_slots (wal_status: PostgreSQL 13+).
SELECT /* ticketz-console */ s.slot_name AS name,
       s.slot_type AS type,
       s.active,
       pg_catalog.pg_wal_lsn_diff(
         CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_receive_lsn() ELSE pg_catalog.pg_current_wal_lsn() END,
         s.restart_lsn)::int8::text AS retained_bytes,
       s.wal_status
  FROM pg_catalog.pg_replication_slots AS s
 ORDER BY s.slot_name
