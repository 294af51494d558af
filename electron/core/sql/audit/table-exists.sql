/* ticketz-console */
-- Whether this database already holds the console's audit table.
SELECT /* ticketz-console */ pg_catalog.to_regclass('ticketz_console.audit_log') IS NOT NULL AS present
