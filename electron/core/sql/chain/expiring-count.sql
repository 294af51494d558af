/* ticketz-console */
-- How many live ACTIVE invitation tickets expire in the next 12 hours (when the list is empty the
-- window count of expiring.sql has no row to ride on). idx_tickets_active_expires, index-only.
SELECT /* ticketz-console */ count(*) AS total
FROM chain.tickets AS t
WHERE t.status = 'ACTIVE'
  AND t.deleted_at IS NULL
  AND t.expires_at > now()
  AND t.expires_at <= now() + interval '12 hours';
