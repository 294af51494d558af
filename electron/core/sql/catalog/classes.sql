/* ticketz-console */
-- Catalog snapshot: tables, partitioned tables, views, materialized views, sequences and foreign
-- tables (indexes and composite types have their own files), with the properties a migration
-- sets: persistence, owner, privileges, storage options, row security, partitioning, inheritance,
-- replica identity, access method, comment and — for views — the definition.
SELECT /* ticketz-console */ n.nspname || '.' || c.relname AS id,
       pg_catalog.jsonb_build_object(
         'kind', c.relkind,
         'persistence', c.relpersistence,
         'owner', pg_catalog.pg_get_userbyid(c.relowner),
         'acl', c.relacl::text,
         'options', c.reloptions::text,
         'row_security', c.relrowsecurity,
         'force_row_security', c.relforcerowsecurity,
         'replica_identity', c.relreplident,
         'access_method', am.amname,
         'tablespace', ts.spcname,
         'partition_key', CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
         'partition_bound', pg_catalog.pg_get_expr(c.relpartbound, c.oid),
         'parents', (SELECT pg_catalog.string_agg(pn.nspname || '.' || p.relname, ', ' ORDER BY i.inhseqno)
                     FROM pg_catalog.pg_inherits AS i
                     JOIN pg_catalog.pg_class AS p ON p.oid = i.inhparent
                     JOIN pg_catalog.pg_namespace AS pn ON pn.oid = p.relnamespace
                     WHERE i.inhrelid = c.oid),
         'definition', CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END,
         'comment', pg_catalog.obj_description(c.oid, 'pg_class')
       ) AS attrs
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_am AS am ON am.oid = c.relam
LEFT JOIN pg_catalog.pg_tablespace AS ts ON ts.oid = c.reltablespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
