/* ticketz-console */
-- For each relation a migration statement would lock: whether it exists now, what it is, its row
-- estimate and total size. A name marked via_index is an index (DROP INDEX, REINDEX INDEX): the
-- facts are those of the table it belongs to, which is what the lock falls on. Partitioned tables
-- add up their partitions. $1: names as SQL text ("schema"."name" or "name", resolved by
-- search_path); $2: the via_index flag of each name.
-- Sources: PostgreSQL docs https://www.postgresql.org/docs/current/functions-info.html (to_regclass),
-- https://www.postgresql.org/docs/current/functions-admin.html (pg_total_relation_size,
-- pg_partition_tree), https://www.postgresql.org/docs/current/catalog-pg-class.html (reltuples is
-- -1 when the table was never vacuumed or analyzed) and catalog-pg-index.html.
WITH /* ticketz-console */ wanted AS (
  SELECT w.ord, w.name, v.via_index
  FROM unnest($1::text[]) WITH ORDINALITY AS w(name, ord)
  JOIN unnest($2::bool[]) WITH ORDINALITY AS v(via_index, ord) USING (ord)
),
target AS (
  SELECT w.ord,
         c.oid AS named_oid,
         CASE WHEN w.via_index AND c.relkind IN ('i', 'I') THEN i.indrelid ELSE c.oid END AS oid
  FROM wanted AS w
  LEFT JOIN pg_catalog.pg_class AS c ON c.oid = pg_catalog.to_regclass(w.name)
  LEFT JOIN pg_catalog.pg_index AS i ON i.indexrelid = c.oid
)
SELECT t.ord::int AS ord,
       t.named_oid IS NOT NULL AS found,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind::text AS relkind,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT sum(greatest(pc.reltuples, 0))::float8
                  FROM pg_catalog.pg_partition_tree(c.oid) AS pt
                  JOIN pg_catalog.pg_class AS pc ON pc.oid = pt.relid
                  WHERE pt.isleaf)
            ELSE nullif(c.reltuples, -1)::float8
       END AS row_estimate,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT sum(pg_catalog.pg_total_relation_size(pt.relid))::text
                  FROM pg_catalog.pg_partition_tree(c.oid) AS pt)
            ELSE pg_catalog.pg_total_relation_size(c.oid)::text
       END AS total_bytes
FROM target AS t
LEFT JOIN pg_catalog.pg_class AS c ON c.oid = t.oid
LEFT JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
ORDER BY t.ord
