-- 0004_create_ticketing_materialized_views (up)
-- Purpose: pre-computed availability and per-event dashboard figures, each with a unique index so that
--          it can be refreshed with REFRESH MATERIALIZED VIEW CONCURRENTLY (readers are never blocked).
-- Source:  seed 001 "Materialized Views" (section_availability, event_stats), improved:
--          * section_availability is per (event, section): the seed's version ignored the event, and
--            counted only VALID tickets. Here every non-deleted section of the event's venue appears,
--            capacity = coalesce(event_sections.custom_capacity, sections.capacity), sold = VALID + USED
--            tickets of the section's tiers, available = capacity - sold (negative = oversold).
--          * event_stats aggregates orders and tickets separately: the seed's join orders x tickets
--            multiplied every order amount by its number of tickets.
--          Soft-deleted events and sections are excluded.

SET lock_timeout = '5s';

CREATE MATERIALIZED VIEW ticketing.section_availability AS
SELECT e.id                                                            AS event_id,
       s.id                                                            AS section_id,
       s.venue_id,
       s.name                                                          AS section_name,
       s.type                                                          AS section_type,
       coalesce(es.is_active, false)                                   AS is_active,
       coalesce(es.custom_capacity, s.capacity)                        AS capacity,
       coalesce(sold.tickets_sold, 0)                                  AS tickets_sold,
       coalesce(es.custom_capacity, s.capacity) - coalesce(sold.tickets_sold, 0) AS available
FROM ticketing.events AS e
JOIN ticketing.sections AS s
  ON s.venue_id = e.venue_id AND s.deleted = false
LEFT JOIN ticketing.event_sections AS es
  ON es.event_id = e.id AND es.section_id = s.id
LEFT JOIN (
  SELECT t.event_id, tt.section_id, count(*) AS tickets_sold
  FROM ticketing.tickets AS t
  JOIN ticketing.ticket_tiers AS tt ON tt.id = t.ticket_tier_id
  WHERE t.status IN ('VALID', 'USED')
  GROUP BY t.event_id, tt.section_id
) AS sold
  ON sold.event_id = e.id AND sold.section_id = s.id
WHERE e.deleted = false;

COMMENT ON MATERIALIZED VIEW ticketing.section_availability IS
  'Capacity, sold (VALID+USED) and available per (event, section). REFRESH MATERIALIZED VIEW CONCURRENTLY after sales / cancellations.';
CREATE UNIQUE INDEX uq_section_availability_event_section ON ticketing.section_availability (event_id, section_id);

CREATE MATERIALIZED VIEW ticketing.event_stats AS
SELECT e.id                                  AS event_id,
       e.organization_id,
       e.venue_id,
       e.title,
       e.status,
       e.start_time,
       coalesce(o.total_orders, 0)           AS total_orders,
       coalesce(t.tickets_sold, 0)           AS tickets_sold,
       coalesce(t.checked_in, 0)             AS checked_in,
       coalesce(o.gross_revenue, 0)          AS gross_revenue,
       coalesce(o.platform_fees, 0)          AS platform_fees,
       coalesce(o.net_revenue, 0)            AS net_revenue,
       coalesce(o.refunded_amount, 0)        AS refunded_amount
FROM ticketing.events AS e
LEFT JOIN (
  SELECT event_id,
         count(*) FILTER (WHERE status = 'PAID')                 AS total_orders,
         sum(total_amount) FILTER (WHERE status = 'PAID')        AS gross_revenue,
         sum(platform_fee) FILTER (WHERE status = 'PAID')        AS platform_fees,
         sum(net_amount) FILTER (WHERE status = 'PAID')          AS net_revenue,
         sum(total_amount) FILTER (WHERE status = 'REFUNDED')    AS refunded_amount
  FROM ticketing.orders
  GROUP BY event_id
) AS o ON o.event_id = e.id
LEFT JOIN (
  SELECT event_id,
         count(*) FILTER (WHERE status IN ('VALID', 'USED'))     AS tickets_sold,
         count(*) FILTER (WHERE status = 'USED')                 AS checked_in
  FROM ticketing.tickets
  GROUP BY event_id
) AS t ON t.event_id = e.id
WHERE e.deleted = false;

COMMENT ON MATERIALIZED VIEW ticketing.event_stats IS
  'Per event: PAID orders, tickets sold (VALID+USED, as in section_availability), checked in (USED), gross/fees/net revenue of PAID orders, refunds.';
CREATE UNIQUE INDEX uq_event_stats_event ON ticketing.event_stats (event_id);
