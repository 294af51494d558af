/* ticketz-console */
-- Estimated bloat of every table and materialized view in one pass, from the planner's statistics
-- (no table is read). The expected size is reltuples × the estimated tuple size (header, null
-- bitmap, average column widths, MAXALIGN padding, line pointer) at the table's fillfactor, plus
-- TOAST pages at 4 tuples a page; what the relation holds beyond that is waste.
-- Model: ioguix/pgsql-bloat-estimation, table/table_bloat.sql (https://github.com/ioguix/pgsql-bloat-estimation),
-- restated for PostgreSQL 12+ (no relhasoids) and with a flag for columns that have no statistics.
-- Page layout: https://www.postgresql.org/docs/current/storage-page-layout.html
-- Column statistics come from a `column_stats` CTE that bloat.ts puts in front (with-cte.ts):
-- column-stats.sql (pg_statistic, fast) when the role may read it, else column-stats-view.sql (the
-- pg_stats view, any role). One source fills relid/attnum, the other the names; the join takes
-- whichever is set, and the planner drops the other side of the OR (a NULL constant).
-- Caveats: figures are as of the last VACUUM/ANALYZE (relpages, reltuples, statistics); `name`
-- columns and columns without statistics make it unreliable.
-- $1 minimum wasted bytes, $2 limit (largest waste first); activity counters only for those rows.
WITH /* ticketz-console */ consts AS (
  SELECT pg_catalog.current_setting('block_size')::float8 AS bs,
         CASE WHEN pg_catalog.version() ~ 'mingw32|64-bit|x86_64|ppc64|ia64|amd64|aarch64|arm64' THEN 8 ELSE 4 END AS ma
),
widths AS (
  SELECT c.oid,
         count(*) AS ncols,
         count(s.avg_width) AS ncols_with_stats,
         max(coalesce(s.null_frac, 0)) AS max_null_frac,
         sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 1024)) AS data_width,
         bool_or(a.atttypid = 'pg_catalog.name'::pg_catalog.regtype) AS has_name_col
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN column_stats AS s
           ON (s.relid = c.oid AND s.attnum = a.attnum)
           OR (s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname)
   WHERE c.relkind IN ('r', 'm')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
   GROUP BY c.oid
  HAVING count(s.avg_width) > 0
),
estimated AS (
  SELECT c.oid,
         n.nspname,
         c.relname,
         w.has_name_col OR w.ncols_with_stats < w.ncols AS unreliable,
         coalesce((pg_catalog.regexp_match(pg_catalog.array_to_string(c.reloptions, ' '), 'fillfactor=([0-9]+)'))[1]::int, 100) AS fillfactor,
         (c.relpages + coalesce(t.relpages, 0))::float8 AS pages,
         greatest(c.reltuples, 0)::float8 AS reltuples,
         greatest(coalesce(t.reltuples, 0), 0)::float8 AS toast_tuples,
         -- line pointer + MAXALIGN(23-byte header + null bitmap) + MAXALIGN(data)
         4 + ceil((23 + CASE WHEN w.max_null_frac > 0 THEN (7 + w.ncols) / 8 ELSE 0 END) / k.ma::float8) * k.ma
           + ceil(w.data_width / k.ma) * k.ma AS tuple_bytes,
         k.bs
    FROM widths AS w
    JOIN pg_catalog.pg_class AS c ON c.oid = w.oid
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_class AS t ON t.oid = c.reltoastrelid
   CROSS JOIN consts AS k
),
wasted AS (
  SELECT e.*,
         greatest(e.pages - ceil(e.reltuples / floor((e.bs - 24) * e.fillfactor / (e.tuple_bytes * 100)))
                          - ceil(e.toast_tuples / 4), 0) AS wasted_pages
    FROM estimated AS e
),
top AS (
  SELECT x.*
    FROM wasted AS x
   WHERE x.wasted_pages * x.bs >= $1::float8
   ORDER BY x.wasted_pages * x.bs DESC, x.nspname, x.relname
   LIMIT $2::int
)
SELECT x.oid::int8 AS oid,
       x.nspname AS schema,
       x.relname AS table_name,
       (x.pages * x.bs)::int8::text AS real_bytes,
       (x.wasted_pages * x.bs)::int8::text AS wasted_bytes,
       CASE WHEN x.pages > 0 THEN x.wasted_pages / x.pages ELSE 0 END AS wasted_ratio,
       x.fillfactor,
       x.unreliable,
       -- the functions behind pg_stat_all_tables, without its aggregate over every index
       pg_catalog.pg_stat_get_dead_tuples(x.oid)::text AS dead_tuples,
       pg_catalog.pg_stat_get_last_vacuum_time(x.oid) AS last_vacuum,
       pg_catalog.pg_stat_get_last_autovacuum_time(x.oid) AS last_autovacuum
  FROM top AS x
 ORDER BY x.wasted_pages * x.bs DESC, x.nspname, x.relname
