/* ticketz-console */
-- Growth over time: active users, actions and sign-ups per UTC day (chain.mv_daily_active_users,
-- migrations/0012), the last $1 days, oldest first.
SELECT /* ticketz-console */ to_char(d.activity_date, 'YYYY-MM-DD') AS day,
       d.active_users,
       d.actions,
       d.new_users
FROM chain.mv_daily_active_users AS d
WHERE d.activity_date > (now() AT TIME ZONE 'UTC')::date - $1::int
ORDER BY d.activity_date;
