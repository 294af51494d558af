/* ticketz-console */
-- Transaction ID and multixact age per database: at 2^31 the server stops accepting writes;
-- autovacuum forces freezing from autovacuum_freeze_max_age on.
-- Source: PG docs 24.1.5 "Preventing Transaction ID Wraparound Failures".
SELECT /* ticketz-console */ d.datname AS database,
       pg_catalog.age(d.datfrozenxid)::float8 AS xid_age,
       pg_catalog.mxid_age(d.datminmxid)::float8 AS mxid_age,
       pg_catalog.current_setting('autovacuum_freeze_max_age')::float8 AS freeze_max_age
  FROM pg_catalog.pg_database AS d
 WHERE d.datallowconn
 ORDER BY pg_catalog.age(d.datfrozenxid) DESC
