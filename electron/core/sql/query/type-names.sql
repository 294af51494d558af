/* ticketz-console */
-- Names of the result columns' types (for column headers), by oid. Source: PG docs, format_type.
SELECT /* ticketz-console */ t.oid::int AS oid,
       pg_catalog.format_type(t.oid, NULL) AS name
FROM pg_catalog.pg_type AS t
WHERE t.oid = ANY ($1::oid[])
