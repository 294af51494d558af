/* ticketz-console */
-- Organizers: events with venue, organization and the event_stats figures (materialized view of
-- migrations/0004, as of its last refresh). Checked in is read live (idx_tickets_event_status), so it
-- agrees with the live check-in chart; the currency is the one of the event's PAID orders (NULL when
-- there are none or several). Soft-deleted events are left out.
-- $1 ILIKE pattern on title, venue, city or organization (or NULL), $2 status (or NULL),
-- $3 'all' | 'upcoming' | 'past' | 'today' (within 12 hours of now), $4 limit (+1 to tell truncation).
SELECT /* ticketz-console */ e.id,
       e.title,
       e.status,
       e.start_time,
       v.name AS venue,
       v.city,
       org.name AS organization,
       es.tickets_sold,
       (SELECT count(*)
        FROM ticketing.tickets AS t
        WHERE t.event_id = e.id
          AND t.status = 'USED') AS checked_in,
       es.gross_revenue,
       (SELECT CASE WHEN min(o.currency) = max(o.currency) THEN min(o.currency) END
        FROM ticketing.orders AS o
        WHERE o.event_id = e.id
          AND o.status = 'PAID') AS currency
FROM ticketing.events AS e
JOIN ticketing.venues AS v ON v.id = e.venue_id
JOIN ticketing.organizations AS org ON org.id = e.organization_id
LEFT JOIN ticketing.event_stats AS es ON es.event_id = e.id
WHERE e.deleted = false
  AND ($1::text IS NULL OR e.title ILIKE $1::text OR v.name ILIKE $1::text OR v.city ILIKE $1::text OR org.name ILIKE $1::text)
  AND ($2::text IS NULL OR e.status = $2::text)
  AND CASE $3::text
        WHEN 'upcoming' THEN e.start_time >= now()
        WHEN 'past' THEN e.start_time < now()
        WHEN 'today' THEN e.start_time < now() + interval '12 hours'
                      AND coalesce(e.end_time, e.start_time + interval '6 hours') > now() - interval '12 hours'
        ELSE true
      END
ORDER BY CASE WHEN $3::text = 'upcoming' THEN e.start_time END,
         e.start_time DESC,
         e.id
LIMIT $4::int;
