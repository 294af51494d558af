/* ticketz-console */
-- The primary key columns of relation $1 (oid) in key order, for keyset paging.
-- Source: PG docs, pg_index (indkey) and pg_attribute.
SELECT /* ticketz-console */ a.attname AS name
FROM pg_catalog.pg_index AS x
CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_catalog.pg_attribute AS a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
WHERE x.indrelid = $1::oid
  AND x.indisprimary
ORDER BY k.ord
