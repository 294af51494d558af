/* ticketz-console */
-- Whether the planner has row statistics for relation $1.$2 (schema, name): reltuples is -1 until
-- a table is first vacuumed or analyzed, and the planner then guesses from its size, so its
-- estimate is not shown as a row count. A partitioned table needs every leaf partition analyzed;
-- views and foreign tables have no reltuples of their own (their estimate stands).
-- Source: PG docs catalog-pg-class.html (reltuples), functions-admin.html (pg_partition_tree).
SELECT /* ticketz-console */ CASE
         WHEN c.relkind = 'p' THEN coalesce((SELECT bool_and(pc.reltuples >= 0)
                                             FROM pg_catalog.pg_partition_tree(c.oid) AS pt
                                             JOIN pg_catalog.pg_class AS pc ON pc.oid = pt.relid
                                             WHERE pt.isleaf), true)
         WHEN c.relkind IN ('r', 'm') THEN c.reltuples >= 0
         ELSE true
       END AS known
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = $1::text
  AND c.relname = $2::text
