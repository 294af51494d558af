/* ticketz-console */
-- Cancel the query a session is running (the session stays). $1 pid.
-- Source: PG docs 9.28.2 Server Signaling Functions.
SELECT /* ticketz-console */ pg_catalog.pg_cancel_backend($1::int) AS signalled
