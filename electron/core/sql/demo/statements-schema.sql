/* ticketz-console */
-- The schema pg_stat_statements is installed in (no row when it is not installed), so the demo can
-- reset its counters after seeding: Slow queries should show the demo workload, not the seed's
-- one-off INSERTs. Source: PG docs pgstatstatements.html (pg_stat_statements_reset).
SELECT /* ticketz-console */ n.nspname AS schema
FROM pg_catalog.pg_extension AS e
JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace
WHERE e.extname = 'pg_stat_statements'
