/* ticketz-console */
-- Exports the snapshot of this REPEATABLE READ transaction so pg_dump --snapshot sees exactly the
-- rows the manifest's counts and checksums are computed from.
-- Source: PG docs 9.28.5 Snapshot Synchronization Functions; pg_dump --snapshot.
SELECT /* ticketz-console */ pg_catalog.pg_export_snapshot() AS snapshot,
       pg_catalog.current_database() AS database,
       pg_catalog.current_setting('server_version') AS server_version,
       pg_catalog.current_setting('server_version_num')::int AS server_version_num
