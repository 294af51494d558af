/* ticketz-console */
-- Catalog snapshot: user schemas, with owner, privileges and comment. Rows are (id, attrs) so
-- snapshots can be compared generically. $1 = schemas to leave out (the console's own).
-- Objects that belong to an extension are left out here and below: the extension stands for them.
SELECT /* ticketz-console */ n.nspname AS id,
       pg_catalog.jsonb_build_object(
         'owner', pg_catalog.pg_get_userbyid(n.nspowner),
         'acl', n.nspacl::text,
         'comment', pg_catalog.obj_description(n.oid, 'pg_namespace')
       ) AS attrs
FROM pg_catalog.pg_namespace AS n
WHERE n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
