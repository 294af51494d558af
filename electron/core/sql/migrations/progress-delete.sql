/* ticketz-console */
-- The migration is recorded as applied (or marked repaired): its progress row goes. $1 version.
DELETE /* ticketz-console */ FROM ticketz_console.migration_progress WHERE version = $1
