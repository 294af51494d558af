/* ticketz-console */
-- Function or procedure $1 (oid): kind, identity arguments, result, language, volatility,
-- strictness, security, parallel safety, owner, comment, source and the full CREATE text
-- (pg_get_functiondef cannot render aggregates, so it is skipped for them).
-- Source: PG docs, pg_proc and "System Catalog Information Functions"; psql's \df+.
SELECT /* ticketz-console */ p.prokind::text AS prokind,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS args,
       pg_catalog.pg_get_function_arguments(p.oid) AS full_args,
       CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END AS returns,
       l.lanname AS language,
       p.provolatile::text AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       p.proparallel::text AS parallel,
       pg_catalog.pg_get_userbyid(p.proowner) AS owner,
       pg_catalog.obj_description(p.oid, 'pg_proc') AS comment,
       p.prosrc AS source,
       CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition
FROM pg_catalog.pg_proc AS p
JOIN pg_catalog.pg_language AS l ON l.oid = p.prolang
WHERE p.oid = $1::oid
