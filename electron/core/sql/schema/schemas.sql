/* ticketz-console */
-- Schemas with the number of objects of each kind, one aggregate per catalog (no per-row
-- function calls, so it stays fast with tens of thousands of tables). Partitions are not counted
-- as tables: the tree lists them under their parent. Toast and other sessions' temp schemas are
-- never shown; pg_catalog and information_schema only when $1 is true.
-- Source: PG docs, "System Catalogs" (pg_namespace, pg_class, pg_proc, pg_type, pg_extension).
WITH /* ticketz-console */ rel AS (
  SELECT c.relnamespace AS nsp,
         count(*) FILTER (WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition) AS tables,
         count(*) FILTER (WHERE c.relkind = 'v') AS views,
         count(*) FILTER (WHERE c.relkind = 'm') AS matviews,
         count(*) FILTER (WHERE c.relkind = 'S') AS sequences,
         count(*) FILTER (WHERE c.relkind = 'f' AND NOT c.relispartition) AS foreign_tables,
         count(*) FILTER (WHERE c.relkind = 'c') AS composite_types
  FROM pg_catalog.pg_class AS c
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
  GROUP BY c.relnamespace
), fn AS (
  SELECT p.pronamespace AS nsp,
         count(*) FILTER (WHERE p.prokind <> 'p') AS functions,
         count(*) FILTER (WHERE p.prokind = 'p') AS procedures
  FROM pg_catalog.pg_proc AS p
  GROUP BY p.pronamespace
), ty AS (
  -- Standalone composite types are counted from pg_class (relkind 'c') above: joining every
  -- table's row type to pg_class would cost a hash of the whole pg_class on big catalogs.
  SELECT t.typnamespace AS nsp,
         count(*) AS types
  FROM pg_catalog.pg_type AS t
  WHERE t.typtype IN ('e', 'd', 'r')
     OR (t.typtype = 'b' AND t.typcategory <> 'A')
  GROUP BY t.typnamespace
), ext AS (
  SELECT e.extnamespace AS nsp,
         count(*) AS extensions
  FROM pg_catalog.pg_extension AS e
  GROUP BY e.extnamespace
)
SELECT n.nspname AS name,
       pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
       d.description AS comment,
       n.nspname IN ('pg_catalog', 'information_schema') AS system,
       coalesce(rel.tables, 0)::int AS tables,
       coalesce(rel.views, 0)::int AS views,
       coalesce(rel.matviews, 0)::int AS matviews,
       coalesce(rel.sequences, 0)::int AS sequences,
       coalesce(rel.foreign_tables, 0)::int AS foreign_tables,
       coalesce(fn.functions, 0)::int AS functions,
       coalesce(fn.procedures, 0)::int AS procedures,
       (coalesce(ty.types, 0) + coalesce(rel.composite_types, 0))::int AS types,
       coalesce(ext.extensions, 0)::int AS extensions
FROM pg_catalog.pg_namespace AS n
LEFT JOIN rel ON rel.nsp = n.oid
LEFT JOIN fn ON fn.nsp = n.oid
LEFT JOIN ty ON ty.nsp = n.oid
LEFT JOIN ext ON ext.nsp = n.oid
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::regclass AND d.objsubid = 0
WHERE n.nspname !~ '^pg_toast'
  AND n.nspname !~ '^pg_temp_'
  AND ($1::bool OR n.nspname NOT IN ('pg_catalog', 'information_schema'))
ORDER BY n.nspname IN ('pg_catalog', 'information_schema'), n.nspname
