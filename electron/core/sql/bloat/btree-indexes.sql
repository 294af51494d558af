/* ticketz-console */
-- Estimated bloat of every btree index in one pass, from the statistics of the indexed columns
-- (expression columns: the index's own pg_stats entry). Expected leaf pages = reltuples ÷ the index
-- tuples that fit a page at the index fillfactor (default 90), plus the metapage; the rest is waste.
-- Model: ioguix/pgsql-bloat-estimation, btree/btree_bloat.sql (https://github.com/ioguix/pgsql-bloat-estimation),
-- restated with unnest(indkey) and a flag for columns without statistics.
-- Index tuple layout: https://www.postgresql.org/docs/current/storage-page-layout.html, src/include/access/itup.h
-- Caveats: btree deduplication (PostgreSQL 13+) packs duplicates tighter than the model assumes, so
-- waste is then under-estimated; internal pages are not counted; figures are as of the last VACUUM/ANALYZE.
WITH /* ticketz-console */ consts AS (
  SELECT pg_catalog.current_setting('block_size')::numeric AS bs,
         CASE WHEN pg_catalog.version() ~ 'mingw32|64-bit|x86_64|ppc64|ia64|amd64|aarch64|arm64' THEN 8 ELSE 4 END AS ma,
         24 AS page_hdr,
         16 AS btree_special
),
idx AS (
  SELECT i.indexrelid AS idx_oid,
         i.indrelid AS tbl_oid,
         ci.relname AS idx_name,
         ct.relname AS tbl_name,
         n.nspname,
         i.indkey::int2[] AS indkey,
         i.indnatts
    FROM pg_catalog.pg_index AS i
    JOIN pg_catalog.pg_class AS ci ON ci.oid = i.indexrelid
    JOIN pg_catalog.pg_class AS ct ON ct.oid = i.indrelid
    JOIN pg_catalog.pg_namespace AS n ON n.oid = ci.relnamespace
    JOIN pg_catalog.pg_am AS am ON am.oid = ci.relam
   WHERE am.amname = 'btree'
     AND ci.relpages > 0
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
),
cols AS (
  SELECT x.idx_oid,
         x.nspname,
         CASE WHEN k.attnum = 0 THEN x.idx_name ELSE x.tbl_name END AS stats_rel,
         coalesce(ta.attname, ia.attname) AS attname,
         coalesce(ta.atttypid, ia.atttypid) AS atttypid
    FROM idx AS x
   CROSS JOIN LATERAL pg_catalog.unnest(x.indkey) WITH ORDINALITY AS k(attnum, pos)
    LEFT JOIN pg_catalog.pg_attribute AS ta ON k.attnum <> 0 AND ta.attrelid = x.tbl_oid AND ta.attnum = k.attnum
    LEFT JOIN pg_catalog.pg_attribute AS ia ON k.attnum = 0 AND ia.attrelid = x.idx_oid AND ia.attnum = k.pos
   WHERE k.pos <= x.indnatts
),
widths AS (
  SELECT c.idx_oid,
         count(*) AS ncols,
         count(s.attname) AS ncols_with_stats,
         max(coalesce(s.null_frac, 0)) > 0 AS has_nulls,
         sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 1024)) AS data_width,
         bool_or(c.atttypid = 'pg_catalog.name'::pg_catalog.regtype) AS has_name_col
    FROM cols AS c
    LEFT JOIN pg_catalog.pg_stats AS s ON s.schemaname = c.nspname AND s.tablename = c.stats_rel AND s.attname = c.attname
   GROUP BY c.idx_oid
  HAVING count(s.attname) > 0
),
estimated AS (
  SELECT w.*,
         ci.relpages,
         coalesce((pg_catalog.regexp_match(pg_catalog.array_to_string(ci.reloptions, ' '), 'fillfactor=([0-9]+)'))[1]::int, 90) AS fillfactor,
         k.bs,
         -- line pointer + MAXALIGN(8-byte IndexTupleData [+ 4-byte null bitmap] + data)
         4 + ceil((8 + CASE WHEN w.has_nulls THEN 4 ELSE 0 END + w.data_width) / k.ma) * k.ma AS tuple_bytes,
         greatest(ci.reltuples, 0) AS reltuples,
         k.page_hdr,
         k.btree_special
    FROM widths AS w
    JOIN pg_catalog.pg_class AS ci ON ci.oid = w.idx_oid
   CROSS JOIN consts AS k
),
paged AS (
  SELECT e.*,
         1 + ceil(e.reltuples / greatest(floor((e.bs - e.page_hdr - e.btree_special) * e.fillfactor / (100 * e.tuple_bytes)), 1)) AS expected_pages
    FROM estimated AS e
)
SELECT p.idx_oid::int8 AS oid,
       n.nspname AS schema,
       ct.relname AS table_name,
       ci.relname AS index_name,
       (p.relpages * p.bs)::int8::text AS real_bytes,
       (greatest(p.relpages - p.expected_pages, 0) * p.bs)::int8::text AS wasted_bytes,
       CASE WHEN p.relpages > 0 THEN greatest(p.relpages - p.expected_pages, 0)::float8 / p.relpages ELSE 0 END AS wasted_ratio,
       p.fillfactor,
       p.has_name_col OR p.ncols_with_stats < p.ncols AS unreliable
  FROM paged AS p
  JOIN pg_catalog.pg_index AS i ON i.indexrelid = p.idx_oid
  JOIN pg_catalog.pg_class AS ci ON ci.oid = p.idx_oid
  JOIN pg_catalog.pg_class AS ct ON ct.oid = i.indrelid
  JOIN pg_catalog.pg_namespace AS n ON n.oid = ci.relnamespace
