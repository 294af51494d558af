/* ticketz-console */
-- The function $1.$2 with identity arguments $3 (as the tree lists them), matched on the
-- catalog's own rendering of the arguments so no text is ever parsed as SQL.
-- Source: PG docs, pg_get_function_identity_arguments.
SELECT /* ticketz-console */ p.oid::int8::text AS oid
FROM pg_catalog.pg_proc AS p
JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
WHERE n.nspname = $1
  AND p.proname = $2
  AND pg_catalog.pg_get_function_identity_arguments(p.oid) = $3
