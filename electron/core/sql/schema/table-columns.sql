/* ticketz-console */
-- Columns of relation $1 (oid) in order: type with modifiers, nullability, default, identity,
-- generation expression, collation when not the type's default, comment, whether it is in the
-- primary key, and the planner's statistics (pg_stats: null fraction, distinct estimate; for a
-- partitioned table the "inherited" row).
-- Source: PG docs, pg_attribute, pg_attrdef, pg_stats; psql's \d+ (describe.c).
SELECT /* ticketz-console */ a.attnum::int AS position,
       a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS default,
       CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END AS identity,
       CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated,
       a.attgenerated::text AS generated_kind,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       pg_catalog.col_description(a.attrelid, a.attnum) AS comment,
       s.null_frac::float8 AS null_fraction,
       s.n_distinct::float8 AS distinct_estimate,
       EXISTS (
         SELECT 1
         FROM pg_catalog.pg_index AS x
         WHERE x.indrelid = a.attrelid
           AND x.indisprimary
           AND a.attnum = ANY (x.indkey)
       ) AS in_primary_key,
       a.attislocal AS is_local
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation AS co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_stats AS s
  ON s.schemaname = n.nspname
 AND s.tablename = c.relname
 AND s.attname = a.attname
 AND s.inherited = (c.relkind = 'p')
WHERE a.attrelid = $1::oid
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum
