/* ticketz-console */
-- Schema names starting with $1 (case-insensitive) for editor completion; no toast or temp schemas.
-- Source: PG docs, pg_namespace.
SELECT /* ticketz-console */ n.nspname AS name
FROM pg_catalog.pg_namespace AS n
WHERE n.nspname !~ '^pg_toast'
  AND n.nspname !~ '^pg_temp_'
  AND pg_catalog.starts_with(lower(n.nspname), lower($1))
ORDER BY n.nspname
LIMIT $2
