/* ticketz-console */
-- sqlx's history table, as sqlx-postgres creates it (migrate.rs, ensure_migrations_table), made in
-- verify's scratch database for migrations that read or alter it.
CREATE /* ticketz-console */ TABLE IF NOT EXISTS public._sqlx_migrations (
  version bigint PRIMARY KEY,
  description text NOT NULL,
  installed_on timestamptz NOT NULL DEFAULT now(),
  success boolean NOT NULL,
  checksum bytea NOT NULL,
  execution_time bigint NOT NULL
);
