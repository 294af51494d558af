/* ticketz-console */
-- Flyway's history tables in this database (Flyway names it flyway_schema_history, in the first
-- schema it manages: https://documentation.red-gate.com/fd/flyway-table-setting-277579133.html).
SELECT /* ticketz-console */ n.nspname AS schema
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE c.relname = 'flyway_schema_history'
  AND c.relkind IN ('r', 'p')
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
ORDER BY n.nspname
