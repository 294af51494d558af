/* ticketz-console */
-- The table behind a result whose columns all come from one table (RowDescription's table oid $1
-- and column numbers $2), with each column's name there, so the grid can offer row edits.
-- Source: PG docs, protocol message RowDescription (table OID, attribute number), pg_attribute.
SELECT /* ticketz-console */ n.nspname AS schema,
       c.relname AS table,
       ARRAY(
         SELECT a.attname::text
         FROM unnest($2::int2[]) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum = k.attnum AND NOT a.attisdropped
         ORDER BY k.ord
       ) AS columns
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE c.oid = $1::oid
  AND c.relkind IN ('r', 'p')
