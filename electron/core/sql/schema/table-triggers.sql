/* ticketz-console */
-- User triggers of relation $1 (oid) with their CREATE TRIGGER text and firing mode; internal
-- triggers (foreign-key enforcement) and clones on partitions are left out.
-- Source: PG docs, pg_trigger (tgisinternal, tgenabled, tgparentid) and pg_get_triggerdef.
SELECT /* ticketz-console */ t.tgname AS name,
       pg_catalog.pg_get_triggerdef(t.oid, true) AS definition,
       t.tgenabled::text AS enabled
FROM pg_catalog.pg_trigger AS t
WHERE t.tgrelid = $1::oid
  AND NOT t.tgisinternal
  AND t.tgparentid = 0
ORDER BY t.tgname
