/* ticketz-console */
-- diesel's history table, as diesel_migrations creates it (setup_migration_table), made in verify's
-- scratch database for migrations that read or alter it.
CREATE /* ticketz-console */ TABLE IF NOT EXISTS public.__diesel_schema_migrations (
  version varchar(50) PRIMARY KEY NOT NULL,
  run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
);
