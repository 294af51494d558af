/* ticketz-console */
-- One page of functions ($2 = false) or procedures ($2 = true) of a schema, by name then oid
-- (keyset: after ($3, $4)), with the identity arguments that tell overloads apart.
-- Source: PG docs, pg_proc (prokind) and pg_get_function_identity_arguments.
WITH /* ticketz-console */ page AS (
  SELECT p.oid,
         p.proname,
         p.prokind
  FROM pg_catalog.pg_proc AS p
  WHERE p.pronamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1)
    AND (p.prokind = 'p') = $2::bool
    AND ($3::name IS NULL OR (p.proname, p.oid) > ($3::name, $4::oid))
  ORDER BY p.proname, p.oid
  LIMIT $5
)
SELECT pg.oid::int8::text AS oid,
       pg.proname AS name,
       pg.prokind::text AS prokind,
       pg_catalog.pg_get_function_identity_arguments(pg.oid) AS args,
       pg_catalog.obj_description(pg.oid, 'pg_proc') AS comment
FROM page AS pg
ORDER BY pg.proname, pg.oid
