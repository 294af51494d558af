/* ticketz-console */
-- The tables whose rows a dump holds: ordinary tables and leaf partitions (unlogged ones too),
-- outside system schemas and not owned by an extension; $1 one schema or null, $2 names
-- ('table' or 'schema.table') or null. bytes weighs the dump's progress per table.
-- Source: pg_dump's getTables/selectDumpableTable (src/bin/pg_dump/pg_dump.c).
SELECT /* ticketz-console */ n.nspname AS schema,
       c.relname AS name,
       pg_catalog.pg_relation_size(c.oid)::text AS bytes
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
 WHERE c.relkind = 'r'
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT EXISTS (
         SELECT FROM pg_catalog.pg_depend AS d
          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND d.objid = c.oid
            AND d.deptype = 'e'
       )
   AND ($1::text IS NULL OR n.nspname = $1::text)
   AND ($2::text[] IS NULL OR c.relname = ANY ($2::text[]) OR n.nspname || '.' || c.relname = ANY ($2::text[]))
 ORDER BY n.nspname, c.relname
