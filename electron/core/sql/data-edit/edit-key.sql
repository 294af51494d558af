/* ticketz-console */
-- The columns that identify a row of relation $1 (oid): the primary key, or else the unique,
-- non-partial index without expressions over NOT NULL columns with the fewest columns. Row edits
-- match on it, so it must name exactly one row.
-- Source: PG docs, pg_index (indisprimary, indisunique, indpred, indexprs, indnkeyatts).
SELECT /* ticketz-console */ CASE WHEN x.indisprimary THEN 'primary key' ELSE 'unique index' END AS source,
       ARRAY(
         SELECT a.attname::text
         FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_catalog.pg_attribute AS a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
         ORDER BY k.ord
       ) AS columns
FROM pg_catalog.pg_index AS x
WHERE x.indrelid = $1::oid
  AND x.indisvalid
  AND (
    x.indisprimary
    OR (
      x.indisunique
      AND x.indpred IS NULL
      AND x.indexprs IS NULL
      AND NOT EXISTS (
        SELECT 1
        FROM unnest(x.indkey[0:x.indnkeyatts - 1]) AS k(attnum)
        JOIN pg_catalog.pg_attribute AS a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
        WHERE NOT a.attnotnull
      )
    )
  )
ORDER BY x.indisprimary DESC, x.indnkeyatts, x.indexrelid
LIMIT 1
