/* ticketz-console */
-- Exact tuple-level statistics of one table: reads every page (costly on large tables).
-- $1 the relation's oid. Runs with the pgstattuple extension's schema on the search_path.
-- Source: https://www.postgresql.org/docs/current/pgstattuple.html
SELECT /* ticketz-console */ s.* FROM pgstattuple($1::oid::regclass) AS s
