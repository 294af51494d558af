/* ticketz-console */
-- Extension $1: schema, owner, installed version, the version CREATE EXTENSION would install now
-- (pg_available_extensions reads the server's control files), relocatable, its description from
-- the control file and its comment (a COMMENT ON EXTENSION may replace it), what it requires,
-- and the chain of update scripts from the installed to the default version (NULL when there is
-- none). pg_extension_update_paths fails for an extension whose control file is gone, so it runs
-- only when the server still ships the extension.
-- Source: PG docs (pg_extension, pg_available_extensions, pg_available_extension_versions,
-- pg_extension_update_paths; "Extension Updates"); psql's \dx.
SELECT /* ticketz-console */ e.oid::int8::text AS oid,
       n.nspname AS schema,
       pg_catalog.pg_get_userbyid(e.extowner) AS owner,
       e.extversion AS installed_version,
       a.default_version,
       e.extrelocatable AS relocatable,
       a.comment AS description,
       pg_catalog.obj_description(e.oid, 'pg_extension') AS comment,
       coalesce(v.requires::text[], '{}') AS requires,
       CASE WHEN a.default_version IS NOT NULL AND a.default_version <> e.extversion
            THEN (SELECT p.path
                  FROM pg_catalog.pg_extension_update_paths(e.extname) AS p
                  WHERE p.source = e.extversion
                    AND p.target = a.default_version)
       END AS update_path
FROM pg_catalog.pg_extension AS e
JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace
LEFT JOIN pg_catalog.pg_available_extensions AS a ON a.name = e.extname
LEFT JOIN pg_catalog.pg_available_extension_versions AS v ON v.name = e.extname AND v.version = e.extversion
WHERE e.extname = $1
