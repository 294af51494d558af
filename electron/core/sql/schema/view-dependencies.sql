/* ticketz-console */
-- Dependencies of view $1 (oid) both ways, through the view's rewrite rule in pg_depend:
-- 'uses' = relations its query reads; 'used_by' = views and materialized views whose query
-- reads it (or, for a table, reads the table). Source: PG docs, pg_depend and pg_rewrite; the
-- well-known view-dependency query (e.g. cybertec "Tracking view dependencies in PostgreSQL").
SELECT /* ticketz-console */ DISTINCT 'uses' AS direction,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind::text AS relkind
FROM pg_catalog.pg_rewrite AS r
JOIN pg_catalog.pg_depend AS d ON d.objid = r.oid AND d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
JOIN pg_catalog.pg_class AS c ON c.oid = d.refobjid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE r.ev_class = $1::oid
  AND d.refobjid <> $1::oid
UNION
SELECT DISTINCT 'used_by',
       n.nspname,
       c.relname,
       c.relkind::text
FROM pg_catalog.pg_depend AS d
JOIN pg_catalog.pg_rewrite AS r ON r.oid = d.objid AND d.classid = 'pg_catalog.pg_rewrite'::regclass
JOIN pg_catalog.pg_class AS c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE d.refclassid = 'pg_catalog.pg_class'::regclass
  AND d.refobjid = $1::oid
  AND r.ev_class <> $1::oid
ORDER BY 1, 2, 3
