/* ticketz-console */
-- Chain user look-up when no exact match: live users whose username starts with the text
-- (case-insensitive; a bounded scan in chain_position order, stopping at $2 matches).
-- $1 ILIKE prefix pattern (escaped by the caller), $2 limit.
SELECT /* ticketz-console */ u.id,
       u.username,
       u.display_name,
       u.chain_position,
       u.depth,
       u.country_code,
       u.created_at,
       u.deleted_at IS NOT NULL AS deleted
FROM chain.users AS u
WHERE u.username ILIKE $1::text
  AND u.deleted_at IS NULL
ORDER BY u.chain_position
LIMIT $2::int;
