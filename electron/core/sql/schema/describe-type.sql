/* ticketz-console */
-- Type $2 in schema $1, one row with what every kind of type page shows: kind (typtype), owner,
-- comment, the extension it belongs to; enum labels in sort order (pg_enum.enumsortorder); for a
-- domain its base type, NOT NULL, default and collation when not the base type's; for a range
-- its subtype, operator class when not the default one, collation, canonical and subtype_diff
-- functions and its multirange; for a base type its I/O functions and storage. `relkind` tells a
-- standalone composite type ('c') from a table's row type; `array_of` names an array type's element.
-- Source: PG docs (pg_type, pg_enum, pg_range, pg_opclass); pg_dump's dumpEnumType, dumpDomain,
-- dumpRangeType and dumpBaseType; psql's \dT+ and \dD (describe.c).
SELECT /* ticketz-console */ t.oid::int8::text AS oid,
       t.typtype::text AS typtype,
       t.typrelid::int8::text AS relid,
       rc.relkind::text AS relkind,
       CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS array_of,
       pg_catalog.pg_get_userbyid(t.typowner) AS owner,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
       (
         SELECT x.extname
         FROM pg_catalog.pg_depend AS xd
         JOIN pg_catalog.pg_extension AS x ON x.oid = xd.refobjid
         WHERE xd.classid = 'pg_catalog.pg_type'::regclass
           AND xd.objid = t.oid
           AND xd.refclassid = 'pg_catalog.pg_extension'::regclass
           AND xd.deptype = 'e'
       ) AS extension,
       ARRAY(
         SELECT e.enumlabel::text
         FROM pg_catalog.pg_enum AS e
         WHERE e.enumtypid = t.oid
         ORDER BY e.enumsortorder
       ) AS labels,
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base_type,
       t.typnotnull AS not_null,
       CASE WHEN t.typtype = 'd' THEN coalesce(pg_catalog.pg_get_expr(t.typdefaultbin, 0), t.typdefault) END AS default,
       CASE WHEN t.typtype = 'd' AND t.typcollation <> bt.typcollation
            THEN pg_catalog.quote_ident(dcn.nspname) || '.' || pg_catalog.quote_ident(dco.collname)
       END AS domain_collation,
       pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN r.rngtypid IS NOT NULL AND NOT opc.opcdefault
            THEN pg_catalog.quote_ident(opn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname)
       END AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
            THEN pg_catalog.quote_ident(rcn.nspname) || '.' || pg_catalog.quote_ident(rco.collname)
       END AS range_collation,
       CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END AS canonical,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
       CASE WHEN r.rngmultitypid <> 0 THEN pg_catalog.format_type(r.rngmultitypid, NULL) END AS multirange,
       t.typinput::text AS input,
       t.typoutput::text AS output,
       t.typlen::int AS internal_length,
       t.typstorage::text AS storage,
       t.typalign::text AS alignment,
       t.typcategory::text AS category
FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_class AS rc ON rc.oid = t.typrelid
LEFT JOIN pg_catalog.pg_type AS bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation AS dco ON dco.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace AS dcn ON dcn.oid = dco.collnamespace
LEFT JOIN pg_catalog.pg_range AS r ON r.rngtypid = t.oid
LEFT JOIN pg_catalog.pg_type AS st ON st.oid = r.rngsubtype
LEFT JOIN pg_catalog.pg_opclass AS opc ON opc.oid = r.rngsubopc
LEFT JOIN pg_catalog.pg_namespace AS opn ON opn.oid = opc.opcnamespace
LEFT JOIN pg_catalog.pg_collation AS rco ON rco.oid = r.rngcollation
LEFT JOIN pg_catalog.pg_namespace AS rcn ON rcn.oid = rco.collnamespace
WHERE n.nspname = $1
  AND t.typname = $2
