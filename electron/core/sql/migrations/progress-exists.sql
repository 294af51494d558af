/* ticketz-console */
-- Whether the statement-level progress table exists (created by the first partly transactional apply).
SELECT /* ticketz-console */ pg_catalog.to_regclass('ticketz_console.migration_progress') IS NOT NULL AS present
