/* ticketz-console */
-- What the status bar and "test connection" show about the server and the session's role.
-- Source: https://www.postgresql.org/docs/current/functions-info.html
SELECT /* ticketz-console */ current_setting('server_version') AS server_version,
       current_setting('server_version_num')::int AS server_version_num,
       pg_catalog.current_database() AS database,
       current_user AS role,
       coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles AS r WHERE r.rolname = current_user), false) AS is_superuser,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       current_setting('default_transaction_read_only') = 'on' AS read_only
