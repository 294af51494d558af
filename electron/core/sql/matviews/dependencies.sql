/* ticketz-console */
-- Which relations each view and materialized view reads, from the dependencies of its rewrite
-- rule: the edges for "depends on", "dependents" and the refresh order (through plain views too).
-- Source: PG docs 51.18 pg_depend and 51.44 pg_rewrite (a view's query is its ON SELECT rule).
SELECT /* ticketz-console */ DISTINCT v.oid::int8 AS view_oid,
       r.oid::int8 AS ref_oid,
       rn.nspname AS ref_schema,
       r.relname AS ref_name,
       r.relkind::text AS ref_relkind
  FROM pg_catalog.pg_class AS v
  JOIN pg_catalog.pg_rewrite AS rw ON rw.ev_class = v.oid
  JOIN pg_catalog.pg_depend AS d
    ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
   AND d.objid = rw.oid
   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
   AND d.refobjid <> v.oid
  JOIN pg_catalog.pg_class AS r ON r.oid = d.refobjid
  JOIN pg_catalog.pg_namespace AS rn ON rn.oid = r.relnamespace
 WHERE v.relkind IN ('v', 'm')
