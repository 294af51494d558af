/* ticketz-console */
-- Whether this database already holds the engine's history table (status never creates it).
SELECT /* ticketz-console */ pg_catalog.to_regclass('ticketz_console.schema_migrations') IS NOT NULL AS present
