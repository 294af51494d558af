/* ticketz-console */
-- Events for the gate picker: not soft-deleted, nearest to now first (a live event first).
-- $1 optional title/venue search (ILIKE pattern, escaped by the caller), $2 limit.
SELECT /* ticketz-console */ e.id,
       e.title,
       e.status,
       e.start_time,
       v.name AS venue,
       v.city
FROM ticketing.events AS e
JOIN ticketing.venues AS v ON v.id = e.venue_id
WHERE e.deleted = false
  AND ($1::text IS NULL OR e.title ILIKE $1::text OR v.name ILIKE $1::text)
ORDER BY abs(extract(epoch FROM e.start_time - now())), e.id
LIMIT $2::int;
