/* ticketz-console */
-- Attributes of the standalone composite type whose relation is $1 (pg_type.typrelid), in order,
-- with the collation when it is not the attribute type's default.
-- Source: PG docs (pg_attribute); pg_dump's dumpCompositeType.
SELECT /* ticketz-console */ a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       CASE WHEN a.attcollation <> t.typcollation
            THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
       END AS collation
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation AS co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace AS cn ON cn.oid = co.collnamespace
WHERE a.attrelid = $1::oid
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum
