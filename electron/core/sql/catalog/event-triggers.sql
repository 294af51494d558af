/* ticketz-console */
-- Catalog snapshot: event triggers (database-wide; $1 is unused but keeps every file's shape).
SELECT /* ticketz-console */ e.evtname AS id,
       pg_catalog.jsonb_build_object(
         'event', e.evtevent,
         'function', e.evtfoid::regproc::text,
         'enabled', e.evtenabled,
         'tags', e.evttags::text
       ) AS attrs
FROM pg_catalog.pg_event_trigger AS e
WHERE $1::text[] IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_event_trigger'::regclass AND d.objid = e.oid AND d.deptype = 'e')
