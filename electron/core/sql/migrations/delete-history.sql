/* ticketz-console */
-- Forgets one migration after its down script ran (in the same transaction when it has one).
DELETE /* ticketz-console */ FROM ticketz_console.schema_migrations
WHERE version = $1
