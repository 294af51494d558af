/* ticketz-console */
-- Foreign keys of relation $1 (oid) both ways: 'out' where it references another table, 'in'
-- where another table references it; columns in key order, and the ON UPDATE / ON DELETE actions.
-- Source: PG docs, pg_constraint (conkey, confkey, confupdtype, confdeltype).
SELECT /* ticketz-console */ CASE WHEN co.conrelid = $1::oid THEN 'out' ELSE 'in' END AS direction,
       co.conname AS name,
       fn.nspname AS from_schema,
       fc.relname AS from_table,
       ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute AS a ON a.attrelid = co.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord)::text[] AS from_columns,
       tn.nspname AS to_schema,
       tc.relname AS to_table,
       ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute AS a ON a.attrelid = co.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord)::text[] AS to_columns,
       co.confupdtype::text AS on_update,
       co.confdeltype::text AS on_delete,
       pg_catalog.pg_get_constraintdef(co.oid, true) AS definition,
       co.convalidated AS validated
FROM pg_catalog.pg_constraint AS co
JOIN pg_catalog.pg_class AS fc ON fc.oid = co.conrelid
JOIN pg_catalog.pg_namespace AS fn ON fn.oid = fc.relnamespace
JOIN pg_catalog.pg_class AS tc ON tc.oid = co.confrelid
JOIN pg_catalog.pg_namespace AS tn ON tn.oid = tc.relnamespace
WHERE co.contype = 'f'
  AND (co.conrelid = $1::oid OR co.confrelid = $1::oid)
  AND co.conparentid = 0
ORDER BY direction DESC, co.conname
