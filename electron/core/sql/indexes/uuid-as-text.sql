/* ticketz-console */
-- Text-typed columns whose sampled values (pg_stats most-common values and histogram bounds) are
-- all UUIDs: stored as uuid they take 16 bytes instead of 37, compare without collation rules and
-- reject malformed values. Uses statistics only (ANALYZE first); no table is read.
-- Source: PG docs 8.12 "UUID Type" and 53.27 pg_stats.
SELECT /* ticketz-console */ c.oid::int8 AS table_oid,
       a.attnum AS attnum,
       s.schemaname AS schema,
       s.tablename AS table_name,
       s.attname AS column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type,
       a.attnotnull AS not_null,
       s.avg_width,
       (c.relpages::int8 * pg_catalog.current_setting('block_size')::int8)::text AS table_bytes
  FROM pg_catalog.pg_stats AS s
  JOIN pg_catalog.pg_namespace AS n ON n.nspname = s.schemaname
  JOIN pg_catalog.pg_class AS c ON c.relnamespace = n.oid AND c.relname = s.tablename
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attname = s.attname
 WHERE NOT s.inherited
   AND c.relkind IN ('r', 'p')
   AND a.atttypid IN ('pg_catalog.text'::pg_catalog.regtype, 'pg_catalog.varchar'::pg_catalog.regtype, 'pg_catalog.bpchar'::pg_catalog.regtype)
   AND s.avg_width BETWEEN 36 AND 38
   AND s.schemaname NOT IN ('pg_catalog', 'information_schema')
   AND (s.histogram_bounds IS NOT NULL OR s.most_common_vals IS NOT NULL)
   AND NOT EXISTS (
         SELECT 1
           FROM pg_catalog.unnest(coalesce(s.histogram_bounds::text::text[], '{}') || coalesce(s.most_common_vals::text::text[], '{}')) AS v(value)
          WHERE v.value !~* '^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$'
       )
 ORDER BY c.relpages DESC
 LIMIT 500
