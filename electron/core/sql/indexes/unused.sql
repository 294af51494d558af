/* ticketz-console */
-- Indexes never scanned since statistics were last reset, that enforce nothing (not unique, not a
-- primary key, not behind an exclusion constraint): candidates to drop. Counts are per server, so
-- a standby's own reads do not show here. Sizes from relpages (as of the last VACUUM/ANALYZE) so a
-- catalog with thousands of indexes needs no file-system calls; the 500 largest are listed.
-- Source: pghero's unused_indexes (https://github.com/ankane/pghero); pg_stat_get_numscans is the
-- function behind pg_stat_all_indexes.idx_scan (PG docs 27.2.21).
SELECT /* ticketz-console */ i.indexrelid::int8 AS index_oid,
       n.nspname AS schema,
       t.relname AS table_name,
       c.relname AS index_name,
       (c.relpages::int8 * pg_catalog.current_setting('block_size')::int8)::text AS bytes,
       pg_catalog.pg_stat_get_numscans(i.indexrelid)::text AS idx_scan,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_catalog.pg_index AS i
  JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid
  JOIN pg_catalog.pg_class AS t ON t.oid = i.indrelid
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_toast'
   AND i.indisvalid
   AND NOT i.indisunique
   AND NOT i.indisprimary
   AND pg_catalog.pg_stat_get_numscans(i.indexrelid) = 0
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS k WHERE k.conindid = i.indexrelid)
 ORDER BY c.relpages DESC, n.nspname, c.relname
 LIMIT 500
