/* ticketz-console */
-- Which helpers for exact bloat figures and online rebuilds exist here: pgstattuple (installed /
-- available to CREATE EXTENSION) and pg_repack (installed; its client does the work); and whether
-- this role may read pg_statistic directly (the fast estimate) or must use the pg_stats view.
-- Source: https://www.postgresql.org/docs/current/pgstattuple.html, https://reorg.github.io/pg_repack/
SELECT /* ticketz-console */ EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pgstattuple') AS pgstattuple_installed,
       EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'pgstattuple') AS pgstattuple_available,
       EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_repack') AS pg_repack_installed,
       (SELECT n.nspname
          FROM pg_catalog.pg_extension AS e
          JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace
         WHERE e.extname = 'pgstattuple') AS pgstattuple_schema,
       pg_catalog.has_table_privilege('pg_catalog.pg_statistic', 'SELECT') AS can_read_pg_statistic
