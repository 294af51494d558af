/* ticketz-console */
-- Catalog snapshot: indexes with their full definition (pg_get_indexdef), validity (a failed
-- CREATE INDEX CONCURRENTLY leaves an INVALID one), clustering, tablespace and comment.
SELECT /* ticketz-console */ n.nspname || '.' || ic.relname AS id,
       pg_catalog.jsonb_build_object(
         'table', tn.nspname || '.' || tc.relname,
         'definition', pg_catalog.pg_get_indexdef(i.indexrelid),
         'valid', i.indisvalid,
         'clustered', i.indisclustered,
         'replica_identity', i.indisreplident,
         'tablespace', ts.spcname,
         'comment', pg_catalog.obj_description(i.indexrelid, 'pg_class')
       ) AS attrs
FROM pg_catalog.pg_index AS i
JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = ic.relnamespace
JOIN pg_catalog.pg_class AS tc ON tc.oid = i.indrelid
JOIN pg_catalog.pg_namespace AS tn ON tn.oid = tc.relnamespace
LEFT JOIN pg_catalog.pg_tablespace AS ts ON ts.oid = ic.reltablespace
WHERE n.nspname <> ALL ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indrelid AND d.deptype = 'e')
