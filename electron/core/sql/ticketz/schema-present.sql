/* ticketz-console */
-- Whether a schema exists (pg_catalog.to_regnamespace returns NULL instead of failing).
-- Asked only after a Ticketz query failed with "undefined table/function", to tell "this is not a
-- Ticketz database" apart from a schema that differs. $1 schema name.
SELECT /* ticketz-console */ pg_catalog.to_regnamespace($1::text) IS NOT NULL AS present;
