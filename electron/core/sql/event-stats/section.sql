/* ticketz-console */
-- The section of a seat map, only if it belongs to the event's venue. $1 event id, $2 section id.
SELECT /* ticketz-console */ s.id, s.name, s.type
FROM ticketing.sections AS s
JOIN ticketing.events AS e ON e.venue_id = s.venue_id
WHERE e.id = $1::uuid
  AND s.id = $2::uuid
  AND s.deleted = false;
