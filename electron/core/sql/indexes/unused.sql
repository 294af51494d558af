/* ticketz-console */
-- Indexes never scanned since statistics were last reset, that enforce nothing (not unique, not a
-- primary key, not behind an exclusion constraint): candidates to drop. Counts are per server, so
-- a standby's own reads do not show here.
-- Source: pghero's unused_indexes (https://github.com/ankane/pghero), PG docs 27.2.21 pg_stat_all_indexes.
SELECT /* ticketz-console */ s.indexrelid::int8 AS index_oid,
       s.schemaname AS schema,
       s.relname AS table_name,
       s.indexrelname AS index_name,
       pg_catalog.pg_relation_size(s.indexrelid)::text AS bytes,
       s.idx_scan::text AS idx_scan,
       pg_catalog.pg_get_indexdef(s.indexrelid) AS definition
  FROM pg_catalog.pg_stat_user_indexes AS s
  JOIN pg_catalog.pg_index AS i ON i.indexrelid = s.indexrelid
 WHERE s.idx_scan = 0
   AND i.indisvalid
   AND NOT i.indisunique
   AND NOT i.indisprimary
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS c WHERE c.conindid = i.indexrelid)
 ORDER BY pg_catalog.pg_relation_size(s.indexrelid) DESC
