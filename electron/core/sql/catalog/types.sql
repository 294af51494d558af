/* ticketz-console */
-- Catalog snapshot: enums (labels in order), domains, composite and range types. Types that come
-- with something else are left out: a table's row type, array types, a range's multirange.
SELECT /* ticketz-console */ n.nspname || '.' || t.typname AS id,
       pg_catalog.jsonb_build_object(
         'kind', t.typtype,
         'owner', pg_catalog.pg_get_userbyid(t.typowner),
         'acl', t.typacl::text,
         'labels', CASE WHEN t.typtype = 'e' THEN
                     (SELECT pg_catalog.string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
                      FROM pg_catalog.pg_enum AS e WHERE e.enumtypid = t.oid) END,
         'base_type', CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
         'default', t.typdefault,
         'not_null', t.typnotnull,
         'range_subtype', (SELECT pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range AS r WHERE r.rngtypid = t.oid),
         'comment', pg_catalog.obj_description(t.oid, 'pg_type')
       ) AS attrs
FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
WHERE t.typtype IN ('e', 'd', 'c', 'r')
  AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class AS c WHERE c.oid = t.typrelid) = 'c')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type AS el WHERE el.oid = t.typelem AND el.typarray = t.oid)
  AND n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
