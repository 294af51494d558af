/* ticketz-console */
-- Objects extension $1 (oid) owns (pg_depend deptype 'e'), grouped by kind as pg_identify_object
-- names it (function, type, operator, operator class, table, …), biggest groups first, with the
-- first 50 identities of each group. Source: PG docs (pg_depend, pg_identify_object); psql's \dx+.
WITH /* ticketz-console */ members AS (
  SELECT o.type,
         o.identity
  FROM pg_catalog.pg_depend AS d
  CROSS JOIN LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, 0) AS o
  WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
    AND d.refobjid = $1::oid
    AND d.deptype = 'e'
)
SELECT m.type AS kind,
       count(*)::int AS count,
       (pg_catalog.array_agg(m.identity ORDER BY m.identity))[1:50] AS names
FROM members AS m
GROUP BY m.type
ORDER BY count(*) DESC, m.type
