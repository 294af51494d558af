/* ticketz-console */
-- Whether this session's role may add entries to the console's audit table (which exists).
SELECT /* ticketz-console */ pg_catalog.to_regclass('ticketz_console.audit_log') IS NOT NULL
       AND pg_catalog.has_table_privilege('ticketz_console.audit_log', 'INSERT') AS writable
