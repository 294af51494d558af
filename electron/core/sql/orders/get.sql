/* ticketz-console */
-- Support: one order with its customer, event and venue. $1 order id.
SELECT /* ticketz-console */ o.id,
       o.status,
       o.created_at,
       o.paid_at,
       o.total_amount,
       o.platform_fee,
       o.net_amount,
       o.currency,
       o.payment_intent_id,
       u.id AS customer_id,
       u.full_name AS customer_name,
       u.email,
       u.phone,
       e.id AS event_id,
       e.title AS event_title,
       e.start_time AS event_start,
       v.name AS venue,
       (SELECT count(*) FROM ticketing.tickets AS t WHERE t.order_id = o.id) AS ticket_count
FROM ticketing.orders AS o
JOIN ticketing.users AS u ON u.id = o.user_id
JOIN ticketing.events AS e ON e.id = o.event_id
JOIN ticketing.venues AS v ON v.id = e.venue_id
WHERE o.id = $1::uuid;
