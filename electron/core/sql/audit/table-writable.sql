/* ticketz-console */
-- Whether this session may add entries to the console's audit table: a writable session, USAGE
-- on the schema (without it, looking the table up is itself refused) and INSERT on the table.
SELECT /* ticketz-console */ CASE
         WHEN pg_catalog.current_setting('default_transaction_read_only')::bool THEN false
         WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'ticketz_console') THEN false
         WHEN NOT pg_catalog.has_schema_privilege('ticketz_console', 'USAGE') THEN false
         WHEN pg_catalog.to_regclass('ticketz_console.audit_log') IS NULL THEN false
         ELSE pg_catalog.has_table_privilege('ticketz_console.audit_log', 'INSERT')
       END AS writable
