/* ticketz-console */
-- One page of user-visible types of a schema: enums, domains, ranges, standalone composite
-- types and base types (not the row type every table has, not array types, not multiranges,
-- which ranges create). Keyset: names after $2. For enums, the labels in order.
-- Source: PG docs, pg_type (typtype, typcategory) and pg_enum.
WITH /* ticketz-console */ page AS (
  SELECT t.oid,
         t.typname,
         t.typtype
  FROM pg_catalog.pg_type AS t
  WHERE t.typnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
    AND (t.typtype IN ('e', 'd', 'r')
         OR (t.typtype = 'b' AND t.typcategory <> 'A')
         -- a row type of a standalone composite type, not of a table: probed per row, by oid
         OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class AS c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
    AND ($2::name IS NULL OR t.typname > $2::name)
  ORDER BY t.typname
  LIMIT $3
)
SELECT p.oid::int8::text AS oid,
       p.typname AS name,
       CASE p.typtype
         WHEN 'e' THEN 'enum (' || (SELECT string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                                      FROM pg_catalog.pg_enum AS e
                                      WHERE e.enumtypid = p.oid) || ')'
         WHEN 'd' THEN 'domain over ' || (SELECT pg_catalog.format_type(t.typbasetype, t.typtypmod) FROM pg_catalog.pg_type AS t WHERE t.oid = p.oid)
         WHEN 'r' THEN 'range'
         WHEN 'c' THEN 'composite'
         ELSE 'base'
       END AS detail,
       pg_catalog.obj_description(p.oid, 'pg_type') AS comment
FROM page AS p
ORDER BY p.typname
