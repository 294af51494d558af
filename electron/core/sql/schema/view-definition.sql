/* ticketz-console */
-- The query of view or materialized view $1 (oid), pretty-printed, its reloptions (e.g.
-- security_barrier, check_option) and, for a materialized view, its size.
-- Source: PG docs, pg_get_viewdef(oid, true).
SELECT /* ticketz-console */ pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
       coalesce(c.reloptions, '{}')::text[] AS options,
       CASE WHEN c.relkind = 'm' THEN pg_catalog.pg_total_relation_size(c.oid)::text END AS size_bytes,
       c.relispopulated AS populated
FROM pg_catalog.pg_class AS c
WHERE c.oid = $1::oid
