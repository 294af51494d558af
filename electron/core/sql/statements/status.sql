/* ticketz-console */
-- Can pg_stat_statements be read in this database? The installed and available versions, its
-- schema, whether the library is loaded (its GUCs exist only then: readable by any role, unlike
-- shared_preload_libraries), track_io_timing, and whether this role could CREATE EXTENSION
-- (it is not a trusted extension, so only a superuser may).
-- Source: https://www.postgresql.org/docs/current/pgstatstatements.html
SELECT /* ticketz-console */ (SELECT e.extversion FROM pg_catalog.pg_extension AS e WHERE e.extname = 'pg_stat_statements') AS installed_version,
       (SELECT n.nspname
          FROM pg_catalog.pg_extension AS e
          JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace
         WHERE e.extname = 'pg_stat_statements') AS extension_schema,
       (SELECT a.default_version FROM pg_catalog.pg_available_extensions AS a WHERE a.name = 'pg_stat_statements') AS available_version,
       pg_catalog.current_setting('pg_stat_statements.max', true) IS NOT NULL AS library_loaded,
       (SELECT s.setting FROM pg_catalog.pg_settings AS s WHERE s.name = 'shared_preload_libraries') AS preload_setting,
       pg_catalog.current_setting('track_io_timing') = 'on' AS track_io_timing,
       coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles AS r WHERE r.rolname = current_user), false) AS is_superuser
