/* ticketz-console */
-- Constraints of domain $1 (oid): CHECK constraints and, since PostgreSQL 17, the named NOT NULL
-- constraint, with whether each is validated (a NOT VALID check does not hold for old rows).
-- Source: PG docs (pg_constraint.contypid, pg_get_constraintdef); pg_dump's dumpDomain.
SELECT /* ticketz-console */ co.conname AS name,
       co.contype::text AS type,
       pg_catalog.pg_get_constraintdef(co.oid) AS definition,
       co.convalidated AS validated
FROM pg_catalog.pg_constraint AS co
WHERE co.contypid = $1::oid
ORDER BY co.contype = 'n' DESC, co.conname
