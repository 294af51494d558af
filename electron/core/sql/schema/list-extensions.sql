/* ticketz-console */
-- Extensions whose objects live in a schema (pg_extension.extnamespace), with their version.
-- There are few, so no paging. Source: PG docs, pg_extension.
SELECT /* ticketz-console */ e.oid::int8::text AS oid,
       e.extname AS name,
       e.extversion AS detail,
       pg_catalog.obj_description(e.oid, 'pg_extension') AS comment
FROM pg_catalog.pg_extension AS e
WHERE e.extnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
ORDER BY e.extname
