/* ticketz-console */
-- Reset the counters of this database's statements, or of one (0 means "any" for each argument).
-- pg_stat_statements 1.7–1.10 return void, so no reset time comes back.
-- $1 userid, $2 dbid (null: this database), $3 queryid.
-- Source: https://www.postgresql.org/docs/13/pgstatstatements.html#id-1.11.7.38.7
SELECT /* ticketz-console */ NULL::timestamptz AS reset_at
  FROM (SELECT pg_stat_statements_reset(
                 $1::oid,
                 coalesce($2::oid, (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = pg_catalog.current_database())),
                 $3::int8)) AS r
