/* ticketz-console */
-- Exact statistics of one btree index: leaf density and fragmentation; reads every page.
-- $1 the index's oid. Source: https://www.postgresql.org/docs/current/pgstattuple.html
SELECT /* ticketz-console */ s.* FROM pgstatindex($1::oid::regclass) AS s
