/* ticketz-console */
-- Output columns of view $1 (oid) with their types. Source: PG docs, pg_attribute.
SELECT /* ticketz-console */ a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
FROM pg_catalog.pg_attribute AS a
WHERE a.attrelid = $1::oid
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum
