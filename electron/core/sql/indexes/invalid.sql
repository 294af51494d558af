/* ticketz-console */
-- Indexes left INVALID (a failed or cancelled CREATE INDEX CONCURRENTLY / REINDEX CONCURRENTLY):
-- queries never use them, yet every write still maintains them.
-- Source: https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
SELECT /* ticketz-console */ i.indexrelid::int8 AS index_oid,
       n.nspname AS schema,
       t.relname AS table_name,
       c.relname AS index_name,
       pg_catalog.pg_relation_size(i.indexrelid)::text AS bytes,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       i.indisunique AS is_unique
  FROM pg_catalog.pg_index AS i
  JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid
  JOIN pg_catalog.pg_class AS t ON t.oid = i.indrelid
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
 WHERE NOT i.indisvalid
 ORDER BY pg_catalog.pg_relation_size(i.indexrelid) DESC
