/* ticketz-console */
-- Support: one page of order summaries (customer, event, ticket count), newest first, over the
-- orders of a `matched` CTE (id, created_at) that orders.ts puts in front (with-cte.ts): one of
-- search-by-email.sql, search-by-name.sql, search-by-order-id.sql, search-by-ticket.sql. Keyset
-- pagination on (created_at, id), as in https://use-the-index-luke.com/no-offset: $2/$3 = the last
-- row of the previous page (created_at as epoch microseconds, id), $4 = page size + 1; $1 (and $5)
-- are the matched source's. Only the page's rows are joined for their details.
WITH /* ticketz-console */ page AS (
  SELECT m.id
  FROM matched AS m
  WHERE $2::int8 IS NULL
     OR (m.created_at, m.id) < (timestamptz 'epoch' + $2::int8::float8 * interval '1 microsecond', $3::uuid)
  ORDER BY m.created_at DESC, m.id DESC
  LIMIT $4::int
)
SELECT o.id,
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
FROM page AS p
JOIN ticketing.orders AS o ON o.id = p.id
JOIN ticketing.users AS u ON u.id = o.user_id
JOIN ticketing.events AS e ON e.id = o.event_id
ORDER BY o.created_at DESC, o.id DESC;
