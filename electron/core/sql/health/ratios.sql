/* ticketz-console */
-- Cache hit ratio (heap blocks found in shared buffers), index hit ratio (index blocks), and the
-- share of scans on user tables that used an index, for this database since its stats reset.
-- Source: pghero's cache_hit_rate / index_hit_rate (https://github.com/ankane/pghero); PG docs 27.2.25 pg_statio_all_tables.
SELECT /* ticketz-console */ (SELECT sum(t.heap_blks_hit)::float8 / nullif(sum(t.heap_blks_hit) + sum(t.heap_blks_read), 0)
          FROM pg_catalog.pg_statio_user_tables AS t) AS cache_hit_ratio,
       (SELECT sum(i.idx_blks_hit)::float8 / nullif(sum(i.idx_blks_hit) + sum(i.idx_blks_read), 0)
          FROM pg_catalog.pg_statio_user_indexes AS i) AS index_hit_ratio,
       (SELECT sum(coalesce(s.idx_scan, 0))::float8 / nullif(sum(s.seq_scan + coalesce(s.idx_scan, 0)), 0)
          FROM pg_catalog.pg_stat_user_tables AS s) AS index_usage_ratio
