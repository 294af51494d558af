/* ticketz-console */
-- Columns declared with type $1 (oid) or with its array type, through the dependency every
-- column records on its type (pg_depend, by the indexed referenced side), the first 100 by schema,
-- relation and position, with the total. Partitions are left out: their columns follow the
-- partitioned table's. Dropped columns keep no dependency, so none appear.
-- Source: PG docs (pg_depend, pg_type.typarray); what DROP TYPE … RESTRICT reports as dependents.
WITH /* ticketz-console */ used AS (
  SELECT d.objid AS relid,
         d.objsubid AS attnum
  FROM pg_catalog.pg_depend AS d
  WHERE d.refclassid = 'pg_catalog.pg_type'::regclass
    AND d.refobjid IN ($1::oid, (SELECT t.typarray FROM pg_catalog.pg_type AS t WHERE t.oid = $1::oid))
    AND d.refobjsubid = 0
    AND d.classid = 'pg_catalog.pg_class'::regclass
    AND d.objsubid > 0
)
SELECT n.nspname AS schema,
       c.relname AS relation,
       c.relkind::text AS relkind,
       a.attname AS column,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type,
       count(*) OVER ()::int AS total
FROM used AS u
JOIN pg_catalog.pg_class AS c ON c.oid = u.relid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute AS a ON a.attrelid = u.relid AND a.attnum = u.attnum
WHERE NOT c.relispartition
  AND NOT a.attisdropped
ORDER BY n.nspname, c.relname, a.attnum
LIMIT 100
