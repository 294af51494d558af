/* ticketz-console */
-- Foreign keys whose referencing columns lead no valid, non-partial index (in any order): every
-- DELETE or key UPDATE on the referenced table then scans the referencing table, under lock.
-- Partition children inherit the parent's constraint (conparentid <> 0) and are not repeated.
-- Sizes from relpages (no file-system calls on big catalogs); the 500 largest tables are listed.
-- Source: PG docs 5.5.5 "Foreign Keys" (declaring an FK does not create an index on the referencing
-- columns) and the well-known catalog query pattern over pg_constraint.conkey / pg_index.indkey.
SELECT /* ticketz-console */ k.oid::int8 AS constraint_oid,
       k.conname AS constraint_name,
       n.nspname AS schema,
       t.relname AS table_name,
       rn.nspname AS referenced_schema,
       r.relname AS referenced_table,
       ARRAY(SELECT a.attname::text
               FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY AS u(attnum, pos)
               JOIN pg_catalog.pg_attribute AS a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
              ORDER BY u.pos) AS columns,
       (t.relpages::int8 * pg_catalog.current_setting('block_size')::int8)::text AS table_bytes,
       greatest(t.reltuples, 0)::int8 AS table_rows,
       t.relkind = 'p' AS partitioned
  FROM pg_catalog.pg_constraint AS k
  JOIN pg_catalog.pg_class AS t ON t.oid = k.conrelid
  JOIN pg_catalog.pg_namespace AS n ON n.oid = t.relnamespace
  JOIN pg_catalog.pg_class AS r ON r.oid = k.confrelid
  JOIN pg_catalog.pg_namespace AS rn ON rn.oid = r.relnamespace
 WHERE k.contype = 'f'
   AND k.conparentid = 0
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND NOT EXISTS (
         SELECT 1
           FROM pg_catalog.pg_index AS i
          WHERE i.indrelid = k.conrelid
            AND i.indisvalid
            AND i.indpred IS NULL
            AND (pg_catalog.string_to_array(i.indkey::text, ' ')::int2[])[1:pg_catalog.cardinality(k.conkey)] @> k.conkey
            AND (pg_catalog.string_to_array(i.indkey::text, ' ')::int2[])[1:pg_catalog.cardinality(k.conkey)] <@ k.conkey
       )
 ORDER BY t.relpages DESC, n.nspname, t.relname, k.conname
 LIMIT 500
