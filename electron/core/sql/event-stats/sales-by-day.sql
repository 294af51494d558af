/* ticketz-console */
-- Organizers: sales over time: PAID orders, their tickets and revenue per UTC day of payment.
-- Orders (idx_orders_event_status) and the event's tickets counted per order (idx_tickets_event_status)
-- are aggregated separately and hash-joined, so an order's amount is counted once however many
-- tickets it holds. $1 event id.
WITH /* ticketz-console */ paid AS (
  SELECT o.id,
         to_char(coalesce(o.paid_at, o.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
         o.total_amount
  FROM ticketing.orders AS o
  WHERE o.event_id = $1::uuid
    AND o.status = 'PAID'
),
per_order AS (
  SELECT t.order_id, count(*) AS n
  FROM ticketing.tickets AS t
  WHERE t.event_id = $1::uuid
  GROUP BY t.order_id
)
SELECT p.day,
       count(*) AS orders,
       coalesce(sum(po.n), 0)::int8 AS tickets,
       sum(p.total_amount) AS revenue
FROM paid AS p
LEFT JOIN per_order AS po ON po.order_id = p.id
GROUP BY p.day
ORDER BY p.day;
