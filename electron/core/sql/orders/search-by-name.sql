/* ticketz-console */
-- Support: the orders of customers whose name contains the text (ILIKE, served by the trigram index
-- idx_users_full_name_trgm of migrations/0003); search.sql pages through them.
-- $1 ILIKE pattern (escaped by the caller).
SELECT /* ticketz-console */ o.id,
       o.created_at
FROM ticketing.orders AS o
JOIN ticketing.users AS u ON u.id = o.user_id
WHERE u.full_name ILIKE $1::text
