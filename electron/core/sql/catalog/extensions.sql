/* ticketz-console */
-- Catalog snapshot: installed extensions (plpgsql included: it is in every database), their
-- version, schema and comment. Their member objects are left out of the other files.
SELECT /* ticketz-console */ e.extname AS id,
       pg_catalog.jsonb_build_object(
         'version', e.extversion,
         'schema', n.nspname,
         'comment', pg_catalog.obj_description(e.oid, 'pg_extension')
       ) AS attrs
FROM pg_catalog.pg_extension AS e
JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace
WHERE n.nspname <> ALL ($1::text[])
