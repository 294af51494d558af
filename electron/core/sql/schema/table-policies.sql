/* ticketz-console */
-- Row-level security policies of relation $1 (oid): permissive or restrictive, command, roles,
-- USING and WITH CHECK expressions. Source: PG docs, pg_policy (the pg_policies view's logic).
SELECT /* ticketz-console */ p.polname AS name,
       p.polpermissive AS permissive,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
       CASE WHEN p.polroles = '{0}'::oid[] THEN ARRAY['public']
            ELSE ARRAY(SELECT r.rolname FROM pg_catalog.pg_roles AS r WHERE r.oid = ANY (p.polroles) ORDER BY r.rolname)
       END::text[] AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
FROM pg_catalog.pg_policy AS p
WHERE p.polrelid = $1::oid
ORDER BY p.polname
