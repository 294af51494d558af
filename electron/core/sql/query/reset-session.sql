/* ticketz-console */
-- Returns an editor session to the pool as it was found: what DISCARD ALL does, minus
-- DEALLOCATE ALL (node-postgres keeps track of its own prepared statements on the connection).
-- Source: PG docs, DISCARD ("DISCARD ALL is equivalent to …").
CLOSE ALL;
SET SESSION AUTHORIZATION DEFAULT;
RESET ALL;
UNLISTEN *;
SELECT pg_catalog.pg_advisory_unlock_all();
DISCARD PLANS;
DISCARD TEMP;
DISCARD SEQUENCES;
