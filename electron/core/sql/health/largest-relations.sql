/* ticketz-console */
-- The ten largest tables and materialized views with their indexes and TOAST. relpages pre-selects
-- fifty candidates so a catalog of thousands of tables does not stat every file.
-- Source: pghero's relation_sizes; PG docs 9.28.7 pg_total_relation_size.
WITH /* ticketz-console */ candidates AS (
  SELECT c.oid, c.relkind, c.relname, c.relnamespace
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'm')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_toast'
   ORDER BY c.relpages DESC
   LIMIT 50
)
SELECT n.nspname AS schema,
       c.relname AS name,
       CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind,
       pg_catalog.pg_total_relation_size(c.oid)::text AS bytes
  FROM candidates AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
 ORDER BY pg_catalog.pg_total_relation_size(c.oid) DESC
 LIMIT 10
