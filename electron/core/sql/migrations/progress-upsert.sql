/* ticketz-console */
-- Where a partly transactional migration stands: $1 version, $2 name, $3 checksum, $4 statements,
-- $5 completed (statements 1..$5 committed), $6 running (the statement sent, not yet known done), $7 error.
INSERT /* ticketz-console */ INTO ticketz_console.migration_progress AS p
       (version, name, checksum, statements, completed, running, last_error)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (version) DO UPDATE
   SET name = EXCLUDED.name, checksum = EXCLUDED.checksum, statements = EXCLUDED.statements,
       completed = EXCLUDED.completed, running = EXCLUDED.running, last_error = EXCLUDED.last_error,
       updated_at = pg_catalog.clock_timestamp()
