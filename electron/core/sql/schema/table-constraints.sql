/* ticketz-console */
-- Constraints of relation $1 (oid) with their definition, whether they were validated, are
-- deferrable, and were declared here (not inherited from a parent).
-- Source: PG docs, pg_constraint and pg_get_constraintdef.
SELECT /* ticketz-console */ co.conname AS name,
       co.contype::text AS type,
       pg_catalog.pg_get_constraintdef(co.oid, true) AS definition,
       co.convalidated AS validated,
       co.condeferrable AS deferrable,
       co.condeferred AS deferred,
       co.conislocal AS is_local
FROM pg_catalog.pg_constraint AS co
WHERE co.conrelid = $1::oid
ORDER BY CASE co.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'f' THEN 2 WHEN 'c' THEN 3 ELSE 4 END, co.conname
