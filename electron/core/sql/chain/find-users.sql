/* ticketz-console */
-- Chain user look-up by exact id ($1), chain position ($2), email ($3) or username ($4); the
-- unused ones are NULL. Each arm is served by its own index (users_pkey, uq_users_chain_position,
-- the partial uq_users_email_live / uq_users_username_live on lower(...)). $5 limit.
SELECT /* ticketz-console */ u.id,
       u.username,
       u.display_name,
       u.chain_position,
       u.depth,
       u.country_code,
       u.created_at,
       u.deleted_at IS NOT NULL AS deleted
FROM chain.users AS u
WHERE u.id = $1::uuid
   OR u.chain_position = $2::int8
   OR (lower(u.email) = lower($3::text) AND u.deleted_at IS NULL)
   OR (lower(u.username) = lower($4::text) AND u.deleted_at IS NULL)
ORDER BY u.chain_position
LIMIT $5::int;
