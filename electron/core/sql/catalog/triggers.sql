/* ticketz-console */
-- Catalog snapshot: user triggers (not the internal ones behind foreign keys) with their
-- definition (pg_get_triggerdef), enabled state and comment.
SELECT /* ticketz-console */ n.nspname || '.' || c.relname || '.' || tg.tgname AS id,
       pg_catalog.jsonb_build_object(
         'definition', pg_catalog.pg_get_triggerdef(tg.oid),
         'enabled', tg.tgenabled,
         'comment', pg_catalog.obj_description(tg.oid, 'pg_trigger')
       ) AS attrs
FROM pg_catalog.pg_trigger AS tg
JOIN pg_catalog.pg_class AS c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal
  AND n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
