/* ticketz-console */
-- Indexes of relation $1 (oid): definition, access method, size, scans since the statistics
-- were reset, valid/unique/primary/partial, the constraint it backs, and whether it is a
-- partition of a parent's index (then the parent's CREATE INDEX makes it).
-- Source: PG docs, pg_index, pg_stat_all_indexes; pghero's index queries.
SELECT /* ticketz-console */ ic.relname AS name,
       pg_catalog.pg_get_indexdef(x.indexrelid) AS definition,
       am.amname AS method,
       pg_catalog.pg_relation_size(x.indexrelid)::text AS size_bytes,
       st.idx_scan::text AS scans,
       x.indisvalid AS valid,
       x.indisunique AS unique,
       x.indisprimary AS primary,
       x.indpred IS NOT NULL AS partial,
       co.conname AS constraint,
       EXISTS (SELECT 1 FROM pg_catalog.pg_inherits AS i WHERE i.inhrelid = x.indexrelid) AS is_inherited
FROM pg_catalog.pg_index AS x
JOIN pg_catalog.pg_class AS ic ON ic.oid = x.indexrelid
JOIN pg_catalog.pg_am AS am ON am.oid = ic.relam
LEFT JOIN pg_catalog.pg_stat_all_indexes AS st ON st.indexrelid = x.indexrelid
LEFT JOIN pg_catalog.pg_constraint AS co ON co.conindid = x.indexrelid AND co.conrelid = x.indrelid AND co.contype IN ('p', 'u', 'x')
WHERE x.indrelid = $1::oid
ORDER BY x.indisprimary DESC, ic.relname
