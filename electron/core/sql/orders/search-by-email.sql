/* ticketz-console */
-- Support: orders of the customer with this email (case-insensitive exact match, served by
-- uq_users_email_lower), newest first. Keyset pagination on (created_at, id), as in
-- https://use-the-index-luke.com/no-offset: $2/$3 = the last row of the previous page
-- (created_at as epoch microseconds, id), $4 = page size + 1. $1 email.
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
WHERE lower(u.email) = lower($1::text)
  AND ($2::int8 IS NULL
       OR (o.created_at, o.id) < (timestamptz 'epoch' + $2::int8::float8 * interval '1 microsecond', $3::uuid))
ORDER BY o.created_at DESC, o.id DESC
LIMIT $4::int;
