/* ticketz-console */
-- How each column of relation $1 (oid) can be edited in the grid: its type, the base type of a
-- domain (typbasetype) that chooses the editor, enum labels in sort order, nullability, default,
-- generated and identity columns (written only by Postgres), and the column a single-column
-- foreign key references.
-- Source: PG docs, pg_attribute (attgenerated, attidentity), pg_type (typtype, typbasetype),
-- pg_enum (enumsortorder), pg_constraint (contype 'f', conkey, confkey).
SELECT /* ticketz-console */ a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       coalesce(bt.typname, t.typname) AS base_type,
       coalesce(bt.typtype, t.typtype)::text AS base_typtype,
       coalesce(bt.typcategory, t.typcategory)::text AS base_category,
       ARRAY(
         SELECT e.enumlabel::text
         FROM pg_catalog.pg_enum AS e
         WHERE e.enumtypid = coalesce(bt.oid, t.oid)
         ORDER BY e.enumsortorder
       ) AS enum_labels,
       NOT a.attnotnull AS nullable,
       a.atthasdef AS has_default,
       a.attgenerated::text AS generated,
       a.attidentity::text AS identity,
       fk.schema AS ref_schema,
       fk.table AS ref_table,
       fk.column AS ref_column
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type AS bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
LEFT JOIN LATERAL (
  SELECT rn.nspname AS schema,
         rc.relname AS table,
         ra.attname AS column
  FROM pg_catalog.pg_constraint AS k
  JOIN pg_catalog.pg_class AS rc ON rc.oid = k.confrelid
  JOIN pg_catalog.pg_namespace AS rn ON rn.oid = rc.relnamespace
  JOIN pg_catalog.pg_attribute AS ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
  WHERE k.conrelid = a.attrelid
    AND k.contype = 'f'
    AND pg_catalog.array_length(k.conkey, 1) = 1
    AND k.conkey[1] = a.attnum
  ORDER BY k.conname
  LIMIT 1
) AS fk ON true
WHERE a.attrelid = $1::oid
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum
