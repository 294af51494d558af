/* ticketz-console */
-- Seed 000 business metric "Tickets expiring in next 12 hours": live ACTIVE invitation tickets whose
-- expires_at falls in (now, now + 12 h], soonest first, with their owner; `total` counts all of them
-- (window over the matches, before LIMIT). Served by idx_tickets_active_expires (migrations/0008).
-- $1 limit.
SELECT /* ticketz-console */ t.id,
       t.code,
       t.expires_at,
       t.owner_id,
       u.username AS owner_username,
       count(*) OVER () AS total
FROM chain.tickets AS t
JOIN chain.users AS u ON u.id = t.owner_id
WHERE t.status = 'ACTIVE'
  AND t.deleted_at IS NULL
  AND t.expires_at > now()
  AND t.expires_at <= now() + interval '12 hours'
ORDER BY t.expires_at, t.id
LIMIT $1::int;
