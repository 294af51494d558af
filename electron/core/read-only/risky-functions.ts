/**
 * Built-in functions a READ ONLY transaction does not stop, by what they do. PostgreSQL refuses
 * table, catalog and sequence writes in a read-only transaction, but not signals to other
 * sessions, server files, connections to other databases or server-wide actions
 * (PG docs, "System Administration Functions", "Large Objects", dblink, adminpack).
 * Matched by the function's own name, lower case, whatever schema it is called through.
 */

/** Refused whenever a run must stay read-only: each one acts outside the transaction, or runs SQL the guard cannot see. */
export const SIDE_EFFECT_FUNCTIONS: Record<string, string> = {
  pg_terminate_backend: 'closes another session',
  pg_cancel_backend: 'cancels another session’s query',
  pg_reload_conf: 'reloads the server configuration',
  pg_rotate_logfile: 'rotates the server log',
  pg_promote: 'promotes a standby',
  pg_switch_wal: 'forces a WAL switch',
  pg_create_restore_point: 'writes a WAL restore point',
  pg_backup_start: 'starts a base backup',
  pg_backup_stop: 'stops a base backup',
  pg_start_backup: 'starts a base backup',
  pg_stop_backup: 'stops a base backup',
  pg_wal_replay_pause: 'pauses WAL replay',
  pg_wal_replay_resume: 'resumes WAL replay',
  pg_create_physical_replication_slot: 'creates a replication slot',
  pg_create_logical_replication_slot: 'creates a replication slot',
  pg_drop_replication_slot: 'drops a replication slot',
  pg_replication_slot_advance: 'advances a replication slot',
  pg_copy_physical_replication_slot: 'creates a replication slot',
  pg_copy_logical_replication_slot: 'creates a replication slot',
  pg_logical_emit_message: 'writes a message into the WAL',
  pg_logical_slot_get_changes: 'consumes a replication slot’s changes',
  pg_logical_slot_get_binary_changes: 'consumes a replication slot’s changes',
  pg_replication_origin_create: 'creates a replication origin',
  pg_replication_origin_drop: 'drops a replication origin',
  pg_stat_reset: 'resets statistics',
  pg_stat_reset_shared: 'resets statistics',
  pg_stat_reset_single_table_counters: 'resets statistics',
  pg_stat_reset_single_function_counters: 'resets statistics',
  pg_stat_reset_slru: 'resets statistics',
  pg_stat_reset_replication_slot: 'resets statistics',
  pg_stat_reset_subscription_stats: 'resets statistics',
  pg_stat_reset_backend_stats: 'resets statistics',
  pg_stat_statements_reset: 'resets pg_stat_statements',
  pg_stat_clear_snapshot: 'clears the statistics snapshot',
  pg_import_system_collations: 'adds collations to the catalog',
  pg_advisory_lock: 'takes a session-level lock that outlives the transaction',
  pg_advisory_lock_shared: 'takes a session-level lock that outlives the transaction',
  pg_try_advisory_lock: 'takes a session-level lock that outlives the transaction',
  pg_try_advisory_lock_shared: 'takes a session-level lock that outlives the transaction',
  nextval: 'advances a sequence',
  setval: 'changes a sequence',
  lo_create: 'creates a large object',
  lo_creat: 'creates a large object',
  lo_from_bytea: 'creates a large object',
  lo_unlink: 'deletes a large object',
  lo_put: 'writes a large object',
  lowrite: 'writes a large object',
  lo_truncate: 'truncates a large object',
  lo_truncate64: 'truncates a large object',
  lo_import: 'reads a server file into a new large object',
  lo_export: 'writes a large object to a server file',
  pg_file_write: 'writes a server file',
  pg_file_rename: 'renames a server file',
  pg_file_unlink: 'deletes a server file',
  pg_file_sync: 'syncs a server file',
  pg_logdir_ls: 'lists server log files',
  // They connect to a database (maybe this one) in a session of their own, outside the read-only transaction.
  dblink: 'runs SQL in another session',
  dblink_exec: 'runs SQL in another session',
  dblink_connect: 'opens another session',
  dblink_connect_u: 'opens another session',
  dblink_send_query: 'runs SQL in another session',
  dblink_open: 'runs SQL in another session',
  // They run SQL text given as an argument: the guard cannot check what it does.
  query_to_xml: 'runs SQL given as text',
  query_to_xmlschema: 'runs SQL given as text',
  query_to_xml_and_xmlschema: 'runs SQL given as text',
  ts_stat: 'runs SQL given as text',
};

/**
 * Server files and programs: refused on every profile unless it allows them (PG docs,
 * pg_read_server_files / pg_write_server_files / pg_execute_server_program roles).
 */
export const SERVER_FILE_FUNCTIONS: Record<string, string> = {
  pg_read_file: 'reads a server file',
  pg_read_binary_file: 'reads a server file',
  pg_stat_file: 'reads a server file’s metadata',
  pg_ls_dir: 'lists a server directory',
  lo_import: 'reads a server file into a new large object',
  lo_export: 'writes a large object to a server file',
  pg_file_write: 'writes a server file',
  pg_file_rename: 'renames a server file',
  pg_file_unlink: 'deletes a server file',
};

/** GUCs whose change would let later statements write (PG docs, "Client Connection Defaults"). */
export const READ_ONLY_SETTINGS = new Set(['default_transaction_read_only', 'transaction_read_only']);
