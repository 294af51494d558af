/* ticketz-console */
-- Catalog snapshot: columns of tables, views and composite types. `position` is the rank among
-- live columns, not attnum: dropping and re-adding a column leaves a dropped slot behind, which
-- is no difference a person would call one.
SELECT /* ticketz-console */ n.nspname || '.' || c.relname || '.' || a.attname AS id,
       pg_catalog.jsonb_build_object(
         'position', pg_catalog.row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum),
         'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
         'not_null', a.attnotnull,
         'default', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
         'identity', NULLIF(a.attidentity, ''),
         'generated', NULLIF(a.attgenerated, ''),
         'collation', CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
         'storage', CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END,
         'acl', a.attacl::text,
         'comment', pg_catalog.col_description(a.attrelid, a.attnum)
       ) AS attrs
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation AS co ON co.oid = a.attcollation
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
  AND n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = c.reltype AND d.deptype = 'e')
