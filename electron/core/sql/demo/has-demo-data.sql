/* ticketz-console */
-- Whether the demo data is there: the reference schema exists and ticketing.events has a row.
-- NULL when the schema is missing (migrations not applied).
SELECT /* ticketz-console */ CASE WHEN pg_catalog.to_regclass('ticketing.events') IS NULL THEN NULL
            ELSE EXISTS (SELECT 1 FROM ticketing.events) END AS present
