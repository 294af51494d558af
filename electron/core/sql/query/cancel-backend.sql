/* ticketz-console */
-- Cancels the statement running in the editor's own session $1 (sends SIGINT to that backend;
-- the session stays open). Source: PG docs, "Server Signaling Functions".
SELECT /* ticketz-console */ pg_catalog.pg_cancel_backend($1) AS cancelled
