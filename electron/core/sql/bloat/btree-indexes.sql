/* ticketz-console */
-- Estimated bloat of every btree index in one pass, from the statistics of the indexed columns
-- (expression columns: the index's own statistics). Expected leaf pages = reltuples ÷ the index
-- tuples that fit a page at the index fillfactor (default 90), plus the metapage; the rest is waste.
-- Model: ioguix/pgsql-bloat-estimation, btree/btree_bloat.sql (https://github.com/ioguix/pgsql-bloat-estimation),
-- restated with unnest(indkey) and a flag for columns without statistics.
-- Index tuple layout: https://www.postgresql.org/docs/current/storage-page-layout.html, src/include/access/itup.h
-- Column statistics come from a `column_stats` CTE that bloat.ts puts in front (with-cte.ts):
-- column-stats.sql (pg_statistic, fast) when the role may read it, else column-stats-view.sql (the
-- pg_stats view, any role). One source fills relid/attnum, the other the names; the join takes
-- whichever is set, and the planner drops the other side of the OR (a NULL constant).
-- Caveats: btree deduplication (PostgreSQL 13+) packs duplicates tighter than the model assumes, so
-- waste is then under-estimated; internal pages are not counted; figures are as of the last VACUUM/ANALYZE.
-- $1 minimum wasted bytes, $2 limit (largest waste first).
WITH /* ticketz-console */ consts AS (
  SELECT pg_catalog.current_setting('block_size')::float8 AS bs,
         CASE WHEN pg_catalog.version() ~ 'mingw32|64-bit|x86_64|ppc64|ia64|amd64|aarch64|arm64' THEN 8 ELSE 4 END AS ma
),
idx AS (
  SELECT i.indexrelid AS idx_oid,
         i.indrelid AS tbl_oid,
         n.nspname,
         ci.relname AS idx_name,
         ct.relname AS tbl_name,
         i.indkey::int2[] AS indkey,
         i.indnatts
    FROM pg_catalog.pg_index AS i
    JOIN pg_catalog.pg_class AS ci ON ci.oid = i.indexrelid
    -- LEFT: only the names join reads the table's name; with pg_statistic the planner drops this join
    LEFT JOIN pg_catalog.pg_class AS ct ON ct.oid = i.indrelid
    JOIN pg_catalog.pg_namespace AS n ON n.oid = ci.relnamespace
   WHERE ci.relam = (SELECT am.oid FROM pg_catalog.pg_am AS am WHERE am.amname = 'btree')
     AND ci.relpages > 0
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
),
cols AS (
  -- expression columns (indkey 0) have their attribute and statistics under the index itself
  SELECT x.idx_oid,
         x.nspname,
         CASE WHEN k.attnum = 0 THEN x.idx_name ELSE x.tbl_name END AS stats_rel,
         CASE WHEN k.attnum = 0 THEN x.idx_oid ELSE x.tbl_oid END AS rel,
         CASE WHEN k.attnum = 0 THEN k.pos::int2 ELSE k.attnum END AS attnum
    FROM idx AS x
   CROSS JOIN LATERAL pg_catalog.unnest(x.indkey) WITH ORDINALITY AS k(attnum, pos)
   WHERE k.pos <= x.indnatts
),
widths AS (
  SELECT c.idx_oid,
         count(*) AS ncols,
         count(s.avg_width) AS ncols_with_stats,
         max(coalesce(s.null_frac, 0)) > 0 AS has_nulls,
         sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 1024)) AS data_width,
         bool_or(a.atttypid = 'pg_catalog.name'::pg_catalog.regtype) AS has_name_col
    FROM cols AS c
    LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.rel AND a.attnum = c.attnum
    LEFT JOIN column_stats AS s
           ON (s.relid = c.rel AND s.attnum = c.attnum)
           OR (s.schemaname = c.nspname AND s.tablename = c.stats_rel AND s.attname = a.attname)
   GROUP BY c.idx_oid
  HAVING count(s.avg_width) > 0
),
estimated AS (
  SELECT ci.oid,
         n.nspname,
         ct.relname AS table_name,
         ci.relname AS index_name,
         w.has_name_col OR w.ncols_with_stats < w.ncols AS unreliable,
         coalesce((pg_catalog.regexp_match(pg_catalog.array_to_string(ci.reloptions, ' '), 'fillfactor=([0-9]+)'))[1]::int, 90) AS fillfactor,
         ci.relpages::float8 AS pages,
         greatest(ci.reltuples, 0)::float8 AS reltuples,
         -- line pointer + MAXALIGN(8-byte IndexTupleData [+ 4-byte null bitmap] + data)
         4 + ceil((8 + CASE WHEN w.has_nulls THEN 4 ELSE 0 END + w.data_width) / k.ma) * k.ma AS tuple_bytes,
         k.bs
    FROM widths AS w
    JOIN pg_catalog.pg_index AS i ON i.indexrelid = w.idx_oid
    JOIN pg_catalog.pg_class AS ci ON ci.oid = w.idx_oid
    JOIN pg_catalog.pg_class AS ct ON ct.oid = i.indrelid
    JOIN pg_catalog.pg_namespace AS n ON n.oid = ci.relnamespace
   CROSS JOIN consts AS k
),
wasted AS (
  -- page header 24 bytes, btree special space 16 bytes, plus the metapage
  SELECT e.*,
         greatest(e.pages - 1 - ceil(e.reltuples / greatest(floor((e.bs - 24 - 16) * e.fillfactor / (100 * e.tuple_bytes)), 1)), 0) AS wasted_pages
    FROM estimated AS e
)
SELECT x.oid::int8 AS oid,
       x.nspname AS schema,
       x.table_name,
       x.index_name,
       (x.pages * x.bs)::int8::text AS real_bytes,
       (x.wasted_pages * x.bs)::int8::text AS wasted_bytes,
       CASE WHEN x.pages > 0 THEN x.wasted_pages / x.pages ELSE 0 END AS wasted_ratio,
       x.fillfactor,
       x.unreliable
  FROM wasted AS x
 WHERE x.wasted_pages * x.bs >= $1::float8
 ORDER BY x.wasted_pages * x.bs DESC, x.nspname, x.index_name
 LIMIT $2::int
