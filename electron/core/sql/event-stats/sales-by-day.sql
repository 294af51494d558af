/* ticketz-console */
-- Organizers: sales over time: PAID orders, their tickets and revenue per UTC day of payment
-- (idx_orders_event_status, idx_tickets_order). $1 event id.
SELECT to_char(coalesce(o.paid_at, o.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
       count(*) AS orders,
       sum(tc.n) AS tickets,
       sum(o.total_amount) AS revenue
FROM ticketing.orders AS o
CROSS JOIN LATERAL (
  SELECT count(*) AS n
  FROM ticketing.tickets AS t
  WHERE t.order_id = o.id
) AS tc
WHERE o.event_id = $1::uuid
  AND o.status = 'PAID'
GROUP BY 1
ORDER BY 1;
