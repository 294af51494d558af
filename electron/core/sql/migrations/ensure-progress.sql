/* ticketz-console */
-- Statement-level progress of a migration that does not run in one transaction (CREATE INDEX
-- CONCURRENTLY and the like): written before and after each statement, removed when the migration
-- is recorded as applied. A row left behind is a migration a crash or an error stopped half-way.
CREATE /* ticketz-console */ SCHEMA IF NOT EXISTS ticketz_console;
CREATE /* ticketz-console */ TABLE IF NOT EXISTS ticketz_console.migration_progress (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  statements integer NOT NULL,
  completed integer NOT NULL DEFAULT 0,
  running integer,
  started_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  last_error text
);
