/* ticketz-console */
-- Indexes never scanned since statistics were last reset, that enforce nothing (not unique, not a
-- primary key, not behind an exclusion constraint): candidates to drop. Counts are per server, so
-- a standby's own reads do not show here. Sizes from relpages (as of the last VACUUM/ANALYZE) so a
-- catalog with thousands of indexes needs no file-system calls; the 500 largest are listed.
-- Indexes that lead with a foreign key's columns are kept out: they serve the key's checks on
-- DELETE/UPDATE of the referenced rows, which a quiet period may not have exercised.
-- A partitioned index is judged as a whole (scans and size summed over its partitions, whose own
-- indexes cannot be dropped one by one and are not listed).
-- Source: pghero's unused_indexes (https://github.com/ankane/pghero); pg_stat_get_numscans is the
-- function behind pg_stat_all_indexes.idx_scan (PG docs 27.2.21).
SELECT /* ticketz-console */ i.indexrelid::int8 AS index_oid,
       n.nspname AS schema,
       t.relname AS table_name,
       c.relname AS index_name,
       (u.pages * pg_catalog.current_setting('block_size')::int8)::text AS bytes,
       u.scans::text AS idx_scan,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       c.relkind = 'I' AS partitioned
  FROM pg_catalog.pg_index AS i
  JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid
  JOIN pg_catalog.pg_class AS t ON t.oid = i.indrelid
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
 CROSS JOIN LATERAL (
       SELECT CASE WHEN c.relkind = 'I'
                   THEN (SELECT sum(pg_catalog.pg_stat_get_numscans(p.relid)) FROM pg_catalog.pg_partition_tree(c.oid) AS p)
                   ELSE pg_catalog.pg_stat_get_numscans(c.oid) END AS scans,
              CASE WHEN c.relkind = 'I'
                   THEN (SELECT sum(pc.relpages) FROM pg_catalog.pg_partition_tree(c.oid) AS p JOIN pg_catalog.pg_class AS pc ON pc.oid = p.relid)
                   ELSE c.relpages END::int8 AS pages
       ) AS u
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_toast'
   AND NOT c.relispartition
   AND i.indisvalid
   AND NOT i.indisunique
   AND NOT i.indisprimary
   AND u.scans = 0
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS k WHERE k.conindid = i.indexrelid)
   AND NOT EXISTS (
         SELECT 1
           FROM pg_catalog.pg_constraint AS f
          WHERE f.contype = 'f'
            AND f.conrelid = i.indrelid
            AND (pg_catalog.string_to_array(i.indkey::text, ' ')::int2[])[1:pg_catalog.cardinality(f.conkey)] @> f.conkey
            AND (pg_catalog.string_to_array(i.indkey::text, ' ')::int2[])[1:pg_catalog.cardinality(f.conkey)] <@ f.conkey
       )
 ORDER BY u.pages DESC, n.nspname, c.relname
 LIMIT 500
