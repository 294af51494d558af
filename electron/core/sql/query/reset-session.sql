/* ticketz-console */
-- Returns an editor session to the pool as it was found: what DISCARD ALL does, minus
-- DEALLOCATE ALL (node-postgres keeps track of its own prepared statements on the connection).
-- Source: PG docs, DISCARD ("DISCARD ALL is equivalent to …").
CLOSE /* ticketz-console */ ALL;
SET /* ticketz-console */ SESSION AUTHORIZATION DEFAULT;
RESET /* ticketz-console */ ALL;
UNLISTEN /* ticketz-console */ *;
SELECT /* ticketz-console */ pg_catalog.pg_advisory_unlock_all();
DISCARD /* ticketz-console */ PLANS;
DISCARD /* ticketz-console */ TEMP;
DISCARD /* ticketz-console */ SEQUENCES;
