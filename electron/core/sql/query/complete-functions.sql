/* ticketz-console */
-- Functions and procedures whose name starts with $2, in schema $1 or on the search_path
-- (pg_catalog included) when $1 is NULL, with arguments and result for the suggestion's detail.
-- Aggregates' internal support functions are kept; only the first $3 by name.
-- Source: PG docs, pg_proc and pg_get_function_arguments.
WITH /* ticketz-console */ page AS (
  SELECT p.oid,
         p.proname,
         p.prokind
  FROM pg_catalog.pg_proc AS p
  JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
  WHERE CASE WHEN $1::text IS NULL THEN n.nspname = ANY (pg_catalog.current_schemas(true)) ELSE n.nspname = $1 END
    AND pg_catalog.starts_with(lower(p.proname), lower($2))
  ORDER BY p.proname, p.oid
  LIMIT $3
)
SELECT pg.proname AS name,
       pg.prokind::text AS prokind,
       pg_catalog.pg_get_function_arguments(pg.oid) AS args,
       CASE WHEN pg.prokind <> 'p' THEN pg_catalog.pg_get_function_result(pg.oid) END AS returns
FROM page AS pg
ORDER BY pg.proname
