/* ticketz-console */
-- Close a session; its open transaction is rolled back. $1 pid.
-- Source: PG docs 9.28.2 Server Signaling Functions.
SELECT /* ticketz-console */ pg_catalog.pg_terminate_backend($1::int) AS signalled
