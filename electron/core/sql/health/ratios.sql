/* ticketz-console */
-- Cache hit ratio (heap blocks found in shared buffers), index hit ratio (index blocks), and the
-- share of scans on user tables that used an index, for this database since its stats reset.
-- Read through the pg_stat_get_* functions behind pg_statio_user_tables / pg_statio_user_indexes /
-- pg_stat_user_tables, so thousands of tables cost one pass over pg_class.
-- Source: pghero's cache_hit_rate / index_hit_rate (https://github.com/ankane/pghero); PG docs 27.2.25 pg_statio_all_tables.
WITH /* ticketz-console */ rels AS (
  SELECT c.oid,
         c.relkind,
         pg_catalog.pg_stat_get_blocks_hit(c.oid) AS hit,
         pg_catalog.pg_stat_get_blocks_fetched(c.oid) AS fetched
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'm', 'i')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
),
index_scans AS (
  SELECT sum(pg_catalog.pg_stat_get_numscans(r.oid)) AS scans FROM rels AS r WHERE r.relkind = 'i'
)
SELECT sum(r.hit) FILTER (WHERE r.relkind IN ('r', 'm'))::float8
         / nullif(sum(r.fetched) FILTER (WHERE r.relkind IN ('r', 'm')), 0) AS cache_hit_ratio,
       sum(r.hit) FILTER (WHERE r.relkind = 'i')::float8
         / nullif(sum(r.fetched) FILTER (WHERE r.relkind = 'i'), 0) AS index_hit_ratio,
       (SELECT x.scans FROM index_scans AS x)::float8
         / nullif(sum(pg_catalog.pg_stat_get_numscans(r.oid)) FILTER (WHERE r.relkind IN ('r', 'm')) + (SELECT x.scans FROM index_scans AS x), 0)
         AS index_usage_ratio
  FROM rels AS r
