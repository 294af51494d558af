/* ticketz-console */
-- Support: the orders of the customer with this email (case-insensitive exact match, served by
-- uq_users_email_lower); search.sql pages through them. $1 email.
SELECT /* ticketz-console */ o.id,
       o.created_at
FROM ticketing.orders AS o
JOIN ticketing.users AS u ON u.id = o.user_id
WHERE lower(u.email) = lower($1::text)
