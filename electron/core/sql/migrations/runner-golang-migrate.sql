/* ticketz-console */
-- golang-migrate's history table, as its postgres driver creates it before the first migration
-- (database/postgres/postgres.go, ensureVersionTable). Made in verify's scratch database so that
-- migrations which alter it (Harbor's 0030 adds a column) run there as they do under the runner.
CREATE /* ticketz-console */ TABLE IF NOT EXISTS public.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
