/* ticketz-console */
-- Records one applied migration; runs inside the migration's own transaction when it has one,
-- so a migration and its history row commit (or vanish) together.
INSERT /* ticketz-console */ INTO ticketz_console.schema_migrations (version, name, checksum, down_checksum, applied_os_user, duration_ms)
VALUES ($1, $2, $3, $4, $5, $6)
