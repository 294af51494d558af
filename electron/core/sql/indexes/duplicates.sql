/* ticketz-console */
-- Indexes made redundant by another index on the same table: same access method, same
-- expressions and predicate, and key columns (with the same operator classes) that are a leading
-- prefix of the other's. Unique indexes and those behind constraints are kept (they enforce rules).
-- Exact twins are reported once (the newer one). Indexes with INCLUDE columns are not judged, nor
-- the partitions of a partitioned index (they go with their parent).
-- Source: pghero's duplicate_indexes (https://github.com/ankane/pghero), PG docs 51.27 pg_index.
WITH /* ticketz-console */ idx AS (
  SELECT i.indexrelid,
         i.indrelid,
         c.relam,
         i.indisunique,
         i.indisprimary,
         i.indnatts,
         i.indnkeyatts,
         pg_catalog.string_to_array(i.indkey::text, ' ')::int2[] AS cols,
         pg_catalog.string_to_array(i.indclass::text, ' ')::oid[] AS opclasses,
         coalesce(pg_catalog.pg_get_expr(i.indexprs, i.indrelid), '') AS exprs,
         coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') AS pred,
         c.relkind = 'I' AS partitioned
    FROM pg_catalog.pg_index AS i
    JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
   WHERE i.indisvalid
     AND NOT c.relispartition
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
)
SELECT a.indexrelid::int8 AS index_oid,
       b.indexrelid::int8 AS covering_oid,
       n.nspname AS schema,
       t.relname AS table_name,
       ca.relname AS index_name,
       cb.relname AS covering_name,
       a.cols = b.cols[1:a.indnkeyatts] AND a.indnkeyatts = b.indnkeyatts AS exact,
       (ca.relpages::int8 * pg_catalog.current_setting('block_size')::int8)::text AS bytes,
       pg_catalog.pg_get_indexdef(a.indexrelid) AS definition,
       pg_catalog.pg_get_indexdef(b.indexrelid) AS covering_definition,
       a.partitioned
  FROM idx AS a
  JOIN idx AS b
    ON b.indrelid = a.indrelid
   AND b.indexrelid <> a.indexrelid
   AND b.relam = a.relam
   AND b.exprs = a.exprs
   AND b.pred = a.pred
   AND b.indnkeyatts >= a.indnkeyatts
   AND b.cols[1:a.indnkeyatts] = a.cols
   AND b.opclasses[1:a.indnkeyatts] = a.opclasses
  JOIN pg_catalog.pg_class AS ca ON ca.oid = a.indexrelid
  JOIN pg_catalog.pg_class AS cb ON cb.oid = b.indexrelid
  JOIN pg_catalog.pg_class AS t ON t.oid = a.indrelid
  JOIN pg_catalog.pg_namespace AS n ON n.oid = t.relnamespace
 WHERE NOT a.indisunique
   AND NOT a.indisprimary
   AND a.indnatts = a.indnkeyatts
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS k WHERE k.conindid = a.indexrelid)
   -- twins: report only the newer of the two
   AND NOT (b.indnkeyatts = a.indnkeyatts AND NOT b.indisunique AND NOT b.indisprimary AND b.indexrelid > a.indexrelid)
 ORDER BY ca.relpages DESC, n.nspname, ca.relname
 LIMIT 500
