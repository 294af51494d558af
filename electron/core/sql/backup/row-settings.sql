/* ticketz-console */
-- Fixes how values print as text, so a row's checksum is the same in the source and in a
-- restored copy whatever the role's or database's own settings.
-- Source: PG docs 20.11.2 Locale and Formatting.
SELECT /* ticketz-console */ pg_catalog.set_config('DateStyle', 'ISO, YMD', false),
       pg_catalog.set_config('IntervalStyle', 'postgres', false),
       pg_catalog.set_config('TimeZone', 'UTC', false),
       pg_catalog.set_config('extra_float_digits', '1', false),
       pg_catalog.set_config('bytea_output', 'hex', false)
