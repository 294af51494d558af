/* ticketz-console */
-- The migration engine's history, kept in the migrated database itself; created by the first apply.
-- One row per applied migration: who applied it (database role and OS user), when, how long it
-- took, and the sha256 of its up and down scripts so a later edit of the file shows as drift.
CREATE /* ticketz-console */ SCHEMA IF NOT EXISTS ticketz_console;
CREATE /* ticketz-console */ TABLE IF NOT EXISTS ticketz_console.schema_migrations (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  down_checksum text,
  applied_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  applied_role text NOT NULL DEFAULT current_user,
  applied_os_user text NOT NULL,
  duration_ms double precision NOT NULL
);
