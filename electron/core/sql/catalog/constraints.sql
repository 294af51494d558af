/* ticketz-console */
-- Catalog snapshot: table and domain constraints with their definition as PostgreSQL prints it
-- (pg_get_constraintdef), deferrability, validation and comment.
SELECT /* ticketz-console */ n.nspname || '.' || COALESCE(c.relname, t.typname) || '.' || con.conname AS id,
       pg_catalog.jsonb_build_object(
         'on', CASE WHEN con.conrelid <> 0 THEN 'table' ELSE 'domain' END,
         'type', con.contype,
         'definition', pg_catalog.pg_get_constraintdef(con.oid),
         'deferrable', con.condeferrable,
         'deferred', con.condeferred,
         'validated', con.convalidated,
         'comment', pg_catalog.obj_description(con.oid, 'pg_constraint')
       ) AS attrs
FROM pg_catalog.pg_constraint AS con
LEFT JOIN pg_catalog.pg_class AS c ON c.oid = con.conrelid
LEFT JOIN pg_catalog.pg_type AS t ON t.oid = con.contypid
JOIN pg_catalog.pg_namespace AS n ON n.oid = COALESCE(c.relnamespace, t.typnamespace)
WHERE (con.conrelid <> 0 OR con.contypid <> 0)
  AND n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = con.conrelid AND d.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = con.contypid AND d.deptype = 'e')
