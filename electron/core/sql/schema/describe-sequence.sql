/* ticketz-console */
-- Sequence $2 in schema $1: its parameters (pg_sequence), owner, comment, persistence, the last
-- value handed out, the column that owns it, the column defaults that call nextval on it, and the
-- extension it belongs to. The last value is read as the pg_sequences view reads it:
-- pg_sequence_last_value() only with SELECT or USAGE on the sequence (NULL when nextval was never
-- called), so `can_read` tells a hidden value from an unused sequence. The owner is the pg_depend
-- row from the sequence to a column: deptype 'a' for serial and OWNED BY, 'i' for an identity column.
-- Source: PG docs (pg_sequence, pg_sequences, pg_depend, pg_attrdef); the pg_sequences view
-- definition (system_views.sql); pg_dump's dumpSequence.
SELECT /* ticketz-console */ c.oid::int8::text AS oid,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart::text AS start,
       s.seqincrement::text AS increment,
       s.seqmin::text AS min,
       s.seqmax::text AS max,
       s.seqcache::text AS cache,
       s.seqcycle AS cycle,
       c.relpersistence = 'u' AS unlogged,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       pg_catalog.has_sequence_privilege(c.oid, 'SELECT,USAGE') AS can_read,
       CASE WHEN pg_catalog.has_sequence_privilege(c.oid, 'SELECT,USAGE')
            THEN pg_catalog.pg_sequence_last_value(c.oid)::text
       END AS last_value,
       o.schema AS owned_schema,
       o.table AS owned_table,
       o.column AS owned_column,
       CASE o.identity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END AS owned_identity,
       (
         SELECT coalesce(pg_catalog.json_agg(pg_catalog.json_build_object('schema', dn.nspname, 'table', dt.relname, 'column', da.attname)
                                             ORDER BY dn.nspname, dt.relname, da.attnum), '[]')
         FROM pg_catalog.pg_depend AS dd
         JOIN pg_catalog.pg_attrdef AS ad ON ad.oid = dd.objid
         JOIN pg_catalog.pg_class AS dt ON dt.oid = ad.adrelid
         JOIN pg_catalog.pg_namespace AS dn ON dn.oid = dt.relnamespace
         JOIN pg_catalog.pg_attribute AS da ON da.attrelid = ad.adrelid AND da.attnum = ad.adnum
         WHERE dd.classid = 'pg_catalog.pg_attrdef'::regclass
           AND dd.refclassid = 'pg_catalog.pg_class'::regclass
           AND dd.refobjid = c.oid
       ) AS used_by_defaults,
       (
         SELECT x.extname
         FROM pg_catalog.pg_depend AS xd
         JOIN pg_catalog.pg_extension AS x ON x.oid = xd.refobjid
         WHERE xd.classid = 'pg_catalog.pg_class'::regclass
           AND xd.objid = c.oid
           AND xd.refclassid = 'pg_catalog.pg_extension'::regclass
           AND xd.deptype = 'e'
       ) AS extension
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = c.oid
LEFT JOIN LATERAL (
  SELECT tn.nspname AS schema,
         t.relname AS table,
         a.attname AS column,
         a.attidentity AS identity
  FROM pg_catalog.pg_depend AS d
  JOIN pg_catalog.pg_class AS t ON t.oid = d.refobjid
  JOIN pg_catalog.pg_namespace AS tn ON tn.oid = t.relnamespace
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_catalog.pg_class'::regclass
    AND d.objid = c.oid
    AND d.refclassid = 'pg_catalog.pg_class'::regclass
    AND d.refobjsubid > 0
    AND d.deptype IN ('a', 'i')
  LIMIT 1
) AS o ON true
WHERE n.nspname = $1
  AND c.relname = $2
  AND c.relkind = 'S'
