/* ticketz-console */
-- Path from a user up to the root of the chain: recursive CTE over attachments (uq_attachments_child:
-- one parent per child), at most $2 steps. step 0 = the user, the last row = the root (or the
-- last step read when the limit was hit). $1 user id, $2 step limit.
WITH /* ticketz-console */ RECURSIVE up AS (
  SELECT $1::uuid AS id, 0 AS step
  UNION ALL
  SELECT a.parent_id, up.step + 1
  FROM up
  JOIN chain.attachments AS a ON a.child_id = up.id
  WHERE up.step < $2::int
)
SELECT u.id,
       u.username,
       u.display_name,
       u.chain_position,
       u.depth,
       u.country_code,
       u.created_at,
       u.deleted_at IS NOT NULL AS deleted,
       up.step
FROM up
JOIN chain.users AS u ON u.id = up.id
ORDER BY up.step;
