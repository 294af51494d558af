/* ticketz-console */
-- Approximate tuple-level statistics of one table: skips all-visible pages using the visibility
-- map, so it is much cheaper than pgstattuple on a mostly-vacuumed table.
-- $1 the relation's oid. Source: https://www.postgresql.org/docs/current/pgstattuple.html
SELECT /* ticketz-console */ s.* FROM pgstattuple_approx($1::oid::regclass) AS s
