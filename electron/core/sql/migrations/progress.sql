/* ticketz-console */
-- Migrations stopped half-way (see ensure-progress.sql); empty when the table does not exist yet.
SELECT /* ticketz-console */ p.version, p.name, p.checksum, p.statements, p.completed, p.running,
       p.started_at, p.updated_at, p.last_error
  FROM ticketz_console.migration_progress AS p
 ORDER BY p.version
