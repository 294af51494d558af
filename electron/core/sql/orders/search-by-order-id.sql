/* ticketz-console */
-- Support: the orders whose id starts with the given hex (LIKE prefix on id::text, served by
-- idx_orders_id_text with text_pattern_ops, migrations/0003); search.sql pages through them.
-- $1 LIKE prefix pattern such as '3f2a9c%' (validated hex and dashes only).
SELECT /* ticketz-console */ o.id,
       o.created_at
FROM ticketing.orders AS o
WHERE o.id::text LIKE $1::text
