/* ticketz-console */
-- Audit entries newest first, with optional filters (NULL = no filter).
SELECT /* ticketz-console */ a.id::text,
       a.at,
       pg_catalog.current_database() AS database,
       a.role,
       a.os_user,
       a.host,
       a.action,
       a.target,
       a.detail,
       a.outcome,
       a.duration_ms,
       a.error
FROM ticketz_console.audit_log AS a
WHERE ($1::text IS NULL OR a.action = $1)
  AND ($2::text IS NULL OR a.outcome = $2)
  AND ($3::text IS NULL OR a.target ILIKE '%' || $3 || '%' OR a.detail ILIKE '%' || $3 || '%')
  AND ($4::timestamptz IS NULL OR a.at >= $4)
ORDER BY a.at DESC
LIMIT $5
