/* ticketz-console */
-- One audit entry; the role is the session's own (current_user).
INSERT /* ticketz-console */ INTO ticketz_console.audit_log (os_user, host, action, target, detail, outcome, duration_ms, error)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id::text, at, role, pg_catalog.current_database() AS database
