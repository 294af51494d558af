/* ticketz-console */
-- The rows of one flyway_schema_history table (columns as Flyway 5+ creates them);
-- The placeholder in FROM is replaced by the quoted schema name that flyway-tables.sql found.
SELECT /* ticketz-console */ f.installed_rank,
       f.version,
       f.description,
       f.type,
       f.script,
       f.checksum,
       f.installed_by,
       f.installed_on,
       f.execution_time,
       f.success
FROM $schema.flyway_schema_history AS f
ORDER BY f.installed_rank
