/* ticketz-console */
-- Size of every database this role may connect to (pg_database_size needs CONNECT or pg_read_all_stats).
-- Source: PG docs 9.28.7 Database Object Management Functions.
SELECT /* ticketz-console */ d.datname AS name,
       pg_catalog.pg_database_size(d.oid)::text AS bytes
  FROM pg_catalog.pg_database AS d
 WHERE d.datallowconn
   AND (pg_catalog.has_database_privilege(d.oid, 'CONNECT') OR pg_catalog.pg_has_role('pg_read_all_stats', 'MEMBER'))
 ORDER BY pg_catalog.pg_database_size(d.oid) DESC
