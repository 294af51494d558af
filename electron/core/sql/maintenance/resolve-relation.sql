/* ticketz-console */
-- The relation a maintenance request names, with its kind, so the statement is built from the
-- catalog's spelling and refused early for the wrong kind; for an index also its table (one
-- maintenance task per table at a time). $1 schema, $2 name.
SELECT /* ticketz-console */ c.oid::int8 AS oid,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind::text AS relkind,
       coalesce(i.indrelid, c.oid)::int8 AS table_oid
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_index AS i ON i.indexrelid = c.oid
 WHERE n.nspname = $1
   AND c.relname = $2
