/* ticketz-console */
-- Organizers: one event with venue, organization and its event_stats row (materialized view of
-- migrations/0004: PAID orders, tickets sold, checked in, gross / fees / net revenue, refunds).
-- Checked in is read live (idx_tickets_event_status) so it agrees with the live check-in chart; the
-- other totals are the view's, as of its last refresh. The currency is the one of the event's PAID
-- orders (NULL when there are none or several).
-- $1 event id.
SELECT /* ticketz-console */ e.id,
       e.title,
       e.status,
       e.start_time,
       e.end_time,
       v.name AS venue,
       v.city,
       org.name AS organization,
       es.event_id IS NOT NULL AS has_stats,
       es.total_orders,
       es.tickets_sold,
       (SELECT count(*)
        FROM ticketing.tickets AS t
        WHERE t.event_id = e.id
          AND t.status = 'USED') AS checked_in,
       es.gross_revenue,
       es.platform_fees,
       es.net_revenue,
       es.refunded_amount,
       (SELECT CASE WHEN min(o.currency) = max(o.currency) THEN min(o.currency) END
        FROM ticketing.orders AS o
        WHERE o.event_id = e.id
          AND o.status = 'PAID') AS currency
FROM ticketing.events AS e
JOIN ticketing.venues AS v ON v.id = e.venue_id
JOIN ticketing.organizations AS org ON org.id = e.organization_id
LEFT JOIN ticketing.event_stats AS es ON es.event_id = e.id
WHERE e.id = $1::uuid
  AND e.deleted = false;
