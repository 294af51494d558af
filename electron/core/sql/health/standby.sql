/* ticketz-console */
-- Whether this server is a standby, and how far behind its replay is (time since the last replayed
-- transaction; grows on an idle primary too, so read it with the primary's activity in mind).
-- Source: PG docs 9.28.4 Recovery Information Functions.
SELECT /* ticketz-console */ pg_catalog.pg_is_in_recovery() AS in_recovery,
       CASE WHEN pg_catalog.pg_is_in_recovery()
            THEN extract(epoch FROM pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp())::float8
       END AS replay_delay_seconds
