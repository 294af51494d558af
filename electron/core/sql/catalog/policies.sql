/* ticketz-console */
-- Catalog snapshot: row-level security policies: command, permissive or restrictive, roles,
-- USING and WITH CHECK expressions.
SELECT /* ticketz-console */ n.nspname || '.' || c.relname || '.' || p.polname AS id,
       pg_catalog.jsonb_build_object(
         'command', p.polcmd,
         'permissive', p.polpermissive,
         'roles', (SELECT pg_catalog.string_agg(CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid) END, ', ' ORDER BY 1)
                   FROM pg_catalog.unnest(p.polroles) AS r(oid)),
         'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
         'with_check', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
       ) AS attrs
FROM pg_catalog.pg_policy AS p
JOIN pg_catalog.pg_class AS c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
