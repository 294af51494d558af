/* ticketz-console */
-- Objects whose name contains $1 (case-insensitive, LIKE wildcards in $1 taken literally) across
-- all schemas: relations (partitions too, with their parent), functions, procedures and types.
-- Best matches first: exact name, then prefix, then shorter names. Only the page is decorated
-- with parents and comments. Source: PG docs, pg_class, pg_proc, pg_type, pg_inherits.
WITH /* ticketz-console */ pattern AS (
  SELECT '%' || replace(replace(replace($1, '\', '\\'), '%', '\%'), '_', '\_') || '%' AS p,
         lower($1) AS q
), nsp AS (
  SELECT n.oid, n.nspname
  FROM pg_catalog.pg_namespace AS n
  WHERE n.nspname !~ '^pg_toast'
    AND n.nspname !~ '^pg_temp_'
    AND ($2::bool OR n.nspname NOT IN ('pg_catalog', 'information_schema'))
), hits AS (
  SELECT c.relnamespace AS nsp, c.relname::text AS name, c.relkind::text AS kind, c.oid, NULL::text AS args, c.relispartition AS is_partition
  FROM pg_catalog.pg_class AS c, pattern
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND c.relname ILIKE pattern.p
  UNION ALL
  SELECT p.pronamespace, p.proname::text, CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, p.oid, '', false
  FROM pg_catalog.pg_proc AS p, pattern
  WHERE p.proname ILIKE pattern.p
  UNION ALL
  SELECT t.typnamespace, t.typname::text, 'type', t.oid, NULL, false
  FROM pg_catalog.pg_type AS t, pattern
  WHERE t.typname ILIKE pattern.p
    AND (t.typtype IN ('e', 'd', 'r')
         OR (t.typtype = 'b' AND t.typcategory <> 'A')
         OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class AS c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
), ranked AS (
  SELECT nsp.nspname AS schema,
         h.name,
         h.kind,
         h.oid,
         h.args,
         h.is_partition,
         CASE WHEN lower(h.name) = pattern.q THEN 0 WHEN pg_catalog.starts_with(lower(h.name), pattern.q) THEN 1 ELSE 2 END AS rank
  FROM hits AS h
  JOIN nsp ON nsp.oid = h.nsp, pattern
  ORDER BY rank, length(h.name), h.name, nsp.nspname
  LIMIT $3
)
SELECT r.schema,
       r.name,
       r.kind,
       CASE WHEN r.args IS NOT NULL THEN pg_catalog.pg_get_function_identity_arguments(r.oid) END AS args,
       r.is_partition,
       CASE WHEN r.kind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits AS i WHERE i.inhparent = r.oid)::int
       END AS partition_count,
       CASE WHEN r.is_partition
            THEN (SELECT pc.relname FROM pg_catalog.pg_inherits AS i JOIN pg_catalog.pg_class AS pc ON pc.oid = i.inhparent WHERE i.inhrelid = r.oid)
       END AS parent,
       r.rank
FROM ranked AS r
ORDER BY r.rank, length(r.name), r.name, r.schema
