/* ticketz-console */
-- Estimated bloat of every table and materialized view in one pass, from the planner's statistics
-- (no table is read). The expected size is reltuples × the estimated tuple size (header, null
-- bitmap, average column widths from pg_stats, MAXALIGN padding, line pointer) at the table's
-- fillfactor, plus TOAST pages at 4 tuples a page; what the relation holds beyond that is waste.
-- Model: ioguix/pgsql-bloat-estimation, table/table_bloat.sql (https://github.com/ioguix/pgsql-bloat-estimation),
-- restated for PostgreSQL 12+ (no relhasoids) and with a flag for columns that have no statistics.
-- Page layout: https://www.postgresql.org/docs/current/storage-page-layout.html
-- Caveats: figures are as of the last VACUUM/ANALYZE (relpages, reltuples, pg_stats); a role sees
-- only the columns it may read; `name` columns and columns without statistics make it unreliable.
WITH /* ticketz-console */ consts AS (
  SELECT pg_catalog.current_setting('block_size')::numeric AS bs,
         CASE WHEN pg_catalog.version() ~ 'mingw32|64-bit|x86_64|ppc64|ia64|amd64|aarch64|arm64' THEN 8 ELSE 4 END AS ma,
         24 AS page_hdr
),
widths AS (
  SELECT c.oid,
         count(*) AS ncols,
         count(s.attname) AS ncols_with_stats,
         max(coalesce(s.null_frac, 0)) AS max_null_frac,
         sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 1024)) AS data_width,
         bool_or(a.atttypid = 'pg_catalog.name'::pg_catalog.regtype) AS has_name_col
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_catalog.pg_stats AS s
           ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname AND NOT s.inherited
   WHERE c.relkind IN ('r', 'm')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
   GROUP BY c.oid
  HAVING count(s.attname) > 0
),
sized AS (
  SELECT w.oid,
         w.ncols,
         w.ncols_with_stats,
         w.has_name_col,
         greatest(c.reltuples, 0) AS reltuples,
         c.relpages + coalesce(t.relpages, 0) AS pages,
         greatest(coalesce(t.reltuples, 0), 0) AS toast_tuples,
         coalesce((pg_catalog.regexp_match(pg_catalog.array_to_string(c.reloptions, ' '), 'fillfactor=([0-9]+)'))[1]::int, 100) AS fillfactor,
         -- line pointer + MAXALIGN(23-byte header + null bitmap) + MAXALIGN(data)
         4 + ceil((23 + CASE WHEN w.max_null_frac > 0 THEN (7 + w.ncols) / 8 ELSE 0 END) / k.ma) * k.ma
           + ceil(w.data_width / k.ma) * k.ma AS tuple_bytes,
         k.bs,
         k.page_hdr
    FROM widths AS w
    JOIN pg_catalog.pg_class AS c ON c.oid = w.oid
    LEFT JOIN pg_catalog.pg_class AS t ON t.oid = c.reltoastrelid
   CROSS JOIN consts AS k
),
estimated AS (
  SELECT z.*,
         ceil(z.reltuples / floor((z.bs - z.page_hdr) * z.fillfactor / (z.tuple_bytes * 100)))
           + ceil(z.toast_tuples / 4) AS expected_pages
    FROM sized AS z
)
SELECT e.oid::int8 AS oid,
       n.nspname AS schema,
       c.relname AS table_name,
       (e.pages * e.bs)::int8::text AS real_bytes,
       (greatest(e.pages - e.expected_pages, 0) * e.bs)::int8::text AS wasted_bytes,
       CASE WHEN e.pages > 0 THEN greatest(e.pages - e.expected_pages, 0)::float8 / e.pages ELSE 0 END AS wasted_ratio,
       e.fillfactor,
       e.has_name_col OR e.ncols_with_stats < e.ncols AS unreliable,
       st.n_dead_tup::text AS dead_tuples,
       st.last_vacuum,
       st.last_autovacuum
  FROM estimated AS e
  JOIN pg_catalog.pg_class AS c ON c.oid = e.oid
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_stat_all_tables AS st ON st.relid = e.oid
