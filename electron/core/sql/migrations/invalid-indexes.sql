/* ticketz-console */
-- INVALID indexes: what a failed or interrupted CREATE INDEX CONCURRENTLY leaves behind
-- (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
-- Indexes still being built by another session are not invalid yet, only unfinished: left out.
SELECT /* ticketz-console */ n.nspname AS schema,
       c.relname AS name,
       t.relname AS table,
       pg_catalog.format('DROP INDEX CONCURRENTLY IF EXISTS %I.%I;', n.nspname, c.relname) AS fix
FROM pg_catalog.pg_index AS i
JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid
JOIN pg_catalog.pg_class AS t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_toast'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_progress_create_index AS p WHERE p.index_relid = i.indexrelid)
ORDER BY n.nspname, c.relname
