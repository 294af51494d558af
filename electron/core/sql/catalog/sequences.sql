/* ticketz-console */
-- Catalog snapshot: sequence parameters and the column that owns the sequence (serial and
-- identity columns). Current values are data, not schema, and are left out.
SELECT /* ticketz-console */ n.nspname || '.' || c.relname AS id,
       pg_catalog.jsonb_build_object(
         'type', pg_catalog.format_type(s.seqtypid, NULL),
         'start', s.seqstart::text,
         'increment', s.seqincrement::text,
         'min', s.seqmin::text,
         'max', s.seqmax::text,
         'cache', s.seqcache::text,
         'cycle', s.seqcycle,
         'owned_by', (SELECT tn.nspname || '.' || t.relname || '.' || a.attname
                      FROM pg_catalog.pg_depend AS d
                      JOIN pg_catalog.pg_class AS t ON t.oid = d.refobjid
                      JOIN pg_catalog.pg_namespace AS tn ON tn.oid = t.relnamespace
                      JOIN pg_catalog.pg_attribute AS a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i'))
       ) AS attrs
FROM pg_catalog.pg_sequence AS s
JOIN pg_catalog.pg_class AS c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
