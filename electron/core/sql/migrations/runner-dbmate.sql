/* ticketz-console */
-- dbmate's history table, as its postgres driver creates it (pkg/driver/postgres, CreateMigrationsTable),
-- made in verify's scratch database for migrations that read or alter it.
CREATE /* ticketz-console */ TABLE IF NOT EXISTS public.schema_migrations (version varchar(128) PRIMARY KEY);
