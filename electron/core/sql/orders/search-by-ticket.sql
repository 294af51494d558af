/* ticketz-console */
-- Support: the order holding a ticket, found by ticket id ($1, tickets_pkey) or QR hash
-- ($5, uq_tickets_qr_code_hash); either may be NULL. Same shape as search-by-email.sql.
SELECT /* ticketz-console */ o.id,
       o.status,
       o.created_at,
       o.paid_at,
       o.total_amount,
       o.currency,
       u.full_name AS customer_name,
       u.email,
       e.title AS event_title,
       e.start_time AS event_start,
       (SELECT count(*) FROM ticketing.tickets AS t WHERE t.order_id = o.id) AS ticket_count,
       (extract(epoch FROM o.created_at) * 1000000)::int8 AS cursor_micros
FROM ticketing.orders AS o
JOIN ticketing.users AS u ON u.id = o.user_id
JOIN ticketing.events AS e ON e.id = o.event_id
WHERE o.id IN (SELECT t.order_id
               FROM ticketing.tickets AS t
               WHERE t.id = $1::uuid
                  OR t.qr_code_hash = $5::text)
  AND ($2::int8 IS NULL
       OR (o.created_at, o.id) < (timestamptz 'epoch' + $2::int8::float8 * interval '1 microsecond', $3::uuid))
ORDER BY o.created_at DESC, o.id DESC
LIMIT $4::int;
