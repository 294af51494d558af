/* ticketz-console */
-- Every migration this engine applied to this database.
SELECT /* ticketz-console */ h.version,
       h.name,
       h.checksum,
       h.down_checksum,
       h.applied_at,
       h.applied_role,
       h.applied_os_user,
       h.duration_ms
FROM ticketz_console.schema_migrations AS h
ORDER BY h.applied_at, h.version
