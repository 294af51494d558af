/* ticketz-console */
-- Large tables read mostly by sequential scans: at least $1 live rows and an index used for fewer
-- than 95 % of the scans — a missing index, or queries that cannot use the existing ones.
-- Read through the pg_stat_get_* functions behind pg_stat_user_tables (no aggregate over every
-- index); the 500 that read the most rows sequentially are listed.
-- Source: pghero's table stats "percent_of_times_index_used" (https://github.com/ankane/pghero).
WITH /* ticketz-console */ counted AS (
  SELECT c.oid,
         n.nspname,
         c.relname,
         c.relpages,
         pg_catalog.pg_stat_get_numscans(c.oid) AS seq_scan,
         pg_catalog.pg_stat_get_tuples_returned(c.oid) AS seq_tup_read,
         (SELECT coalesce(sum(pg_catalog.pg_stat_get_numscans(i.indexrelid)), 0)
            FROM pg_catalog.pg_index AS i
           WHERE i.indrelid = c.oid) AS idx_scan,
         pg_catalog.pg_stat_get_live_tuples(c.oid) AS live_rows
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'm')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
     AND pg_catalog.pg_stat_get_live_tuples(c.oid) >= $1::int8
     AND pg_catalog.pg_stat_get_numscans(c.oid) > 0
)
SELECT x.oid::int8 AS table_oid,
       x.nspname AS schema,
       x.relname AS table_name,
       x.seq_scan::text AS seq_scan,
       x.seq_tup_read::text AS seq_tup_read,
       x.idx_scan::text AS idx_scan,
       x.live_rows::text AS live_rows,
       (x.relpages::int8 * pg_catalog.current_setting('block_size')::int8)::text AS bytes,
       x.idx_scan::float8 / nullif(x.seq_scan + x.idx_scan, 0) AS index_share
  FROM counted AS x
 WHERE x.idx_scan::float8 / nullif(x.seq_scan + x.idx_scan, 0) < 0.95
 ORDER BY x.seq_tup_read DESC
 LIMIT 500
