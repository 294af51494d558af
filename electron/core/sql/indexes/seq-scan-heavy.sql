/* ticketz-console */
-- Large tables read mostly by sequential scans: at least $1 live rows and an index used for fewer
-- than 95 % of the scans — a missing index, or queries that cannot use the existing ones.
-- Source: pghero's table stats "percent_of_times_index_used" (https://github.com/ankane/pghero).
SELECT /* ticketz-console */ s.relid::int8 AS table_oid,
       s.schemaname AS schema,
       s.relname AS table_name,
       s.seq_scan::text AS seq_scan,
       s.seq_tup_read::text AS seq_tup_read,
       coalesce(s.idx_scan, 0)::text AS idx_scan,
       s.n_live_tup::text AS live_rows,
       pg_catalog.pg_relation_size(s.relid)::text AS bytes,
       coalesce(s.idx_scan, 0)::float8 / nullif(s.seq_scan + coalesce(s.idx_scan, 0), 0) AS index_share
  FROM pg_catalog.pg_stat_user_tables AS s
 WHERE s.n_live_tup >= $1::int8
   AND s.seq_scan > 0
   AND coalesce(s.idx_scan, 0)::float8 / nullif(s.seq_scan + coalesce(s.idx_scan, 0), 0) < 0.95
 ORDER BY s.seq_tup_read DESC
