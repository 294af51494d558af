/* ticketz-console */
-- Catalog snapshot: functions, procedures and aggregates, identified by name and argument types,
-- with their full definition (pg_get_functiondef; aggregates have none, so their parts are listed).
SELECT /* ticketz-console */ n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS id,
       pg_catalog.jsonb_build_object(
         'kind', p.prokind,
         'result', pg_catalog.pg_get_function_result(p.oid),
         'definition', CASE WHEN p.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(p.oid) END,
         'aggregate', CASE WHEN p.prokind = 'a' THEN
                        (SELECT a.aggtransfn::text || ' ' || a.aggtranstype::regtype::text || ' ' || a.aggfinalfn::text
                                || ' ' || COALESCE(a.agginitval, '')
                         FROM pg_catalog.pg_aggregate AS a WHERE a.aggfnoid = p.oid) END,
         'owner', pg_catalog.pg_get_userbyid(p.proowner),
         'acl', p.proacl::text,
         'comment', pg_catalog.obj_description(p.oid, 'pg_proc')
       ) AS attrs
FROM pg_catalog.pg_proc AS p
JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
WHERE n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
