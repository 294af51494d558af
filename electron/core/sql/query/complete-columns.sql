/* ticketz-console */
-- Columns of relation $2 in schema $1 (or the first match on the search_path when $1 is NULL)
-- whose name starts with $3, in table order. Source: PG docs, pg_attribute.
WITH /* ticketz-console */ rel AS (
  SELECT c.oid
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
  WHERE c.relname = $2
    AND CASE WHEN $1::text IS NULL THEN n.nspname = ANY (pg_catalog.current_schemas(true)) ELSE n.nspname = $1 END
  ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)
  LIMIT 1
)
SELECT a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
FROM pg_catalog.pg_attribute AS a
WHERE a.attrelid = (SELECT oid FROM rel)
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND pg_catalog.starts_with(lower(a.attname), lower($3))
ORDER BY a.attnum
LIMIT $4
