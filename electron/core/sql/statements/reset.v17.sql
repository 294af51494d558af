/* ticketz-console */
-- Reset the counters of this database's statements, or of one; with minmax_only (1.11+,
-- PostgreSQL 17) only min/max times restart and the other counters are kept.
-- $1 userid, $2 dbid (null: this database), $3 queryid, $4 minmax_only.
-- Source: https://www.postgresql.org/docs/17/pgstatstatements.html#PGSTATSTATEMENTS-FUNCS
SELECT /* ticketz-console */ pg_stat_statements_reset(
         $1::oid,
         coalesce($2::oid, (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = pg_catalog.current_database())),
         $3::int8,
         $4::bool) AS reset_at
