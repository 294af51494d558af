/* ticketz-console */
-- On a standby: its upstream, from the WAL receiver (no row when it is not streaming; sender
-- columns need pg_read_all_stats or superuser, and read NULL otherwise).
-- Source: https://www.postgresql.org/docs/current/monitoring-stats.html#MONITORING-PG-STAT-WAL-RECEIVER-VIEW
SELECT /* ticketz-console */ w.status,
       w.sender_host,
       w.sender_port,
       w.slot_name,
       w.last_msg_receipt_time,
       w.latest_end_time
  FROM pg_catalog.pg_stat_wal_receiver AS w
