/* ticketz-console */
-- Materialized views with owner, size, populated state, definition, and their unique indexes:
-- all of them, and those REFRESH … CONCURRENTLY accepts (valid, on plain columns, without WHERE).
-- Source: PG docs "REFRESH MATERIALIZED VIEW" (CONCURRENTLY needs a unique index that uses only
-- column names and includes all rows) and 51.27 pg_index.
SELECT /* ticketz-console */ c.oid::int8 AS oid,
       n.nspname AS schema,
       c.relname AS name,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner,
       pg_catalog.pg_total_relation_size(c.oid)::text AS bytes,
       c.relispopulated AS populated,
       coalesce(pg_catalog.pg_get_viewdef(c.oid), '') AS definition,
       ARRAY(SELECT ic.relname::text
               FROM pg_catalog.pg_index AS i
               JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
              WHERE i.indrelid = c.oid AND i.indisunique
              ORDER BY ic.relname) AS unique_indexes,
       ARRAY(SELECT ic.relname::text
               FROM pg_catalog.pg_index AS i
               JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
              WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid AND i.indexprs IS NULL AND i.indpred IS NULL
              ORDER BY ic.relname) AS concurrent_indexes
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
 WHERE c.relkind = 'm'
 ORDER BY n.nspname, c.relname
