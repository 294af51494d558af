-- 0012_create_chain_materialized_views (up)
-- Purpose: chain.mv_chain_leaderboard (users ranked by chain growth) and chain.mv_daily_active_users,
--          each with a unique index so that it can be refreshed CONCURRENTLY.
-- Source:  seed 000 Phase 3 "Materialized Views": mv_chain_leaderboard ("top users by chain growth;
--          includes direct children, total descendants, badge count; refreshed hourly",
--          REFRESH MATERIALIZED VIEW CONCURRENTLY) and mv_daily_active_users; business metrics
--          "User sign-up rate (daily)".
-- Notes:   * Soft-deleted users are excluded: they are not ranked and not counted as children,
--            descendants or active users. A live user below a soft-deleted one still counts as a
--            descendant of the ancestors above (the chain does not break).
--          * total_descendants: one walk down the tree (one index probe per user) where each user
--            carries its ancestors; unnesting them counts every (ancestor, descendant) pair, i.e. work
--            proportional to the sum of depths (~6 per user here): seconds at 400k users, fine for an
--            hourly refresh. Soft-deleted descendants are subtracted by a short walk up from them.
--          * Days are UTC days. Activity = rows of chain.audit_log with an actor.

SET lock_timeout = '5s';

CREATE MATERIALIZED VIEW chain.mv_chain_leaderboard AS
WITH RECURSIVE tree (id, ancestors) AS (
  -- Walk down from the root(s) (users without a parent), each user carrying its ancestors.
  SELECT u.id, ARRAY[]::uuid[]
  FROM chain.users AS u
  WHERE NOT EXISTS (SELECT 1 FROM chain.attachments AS a WHERE a.child_id = u.id)
  UNION ALL
  -- OFFSET 0 keeps this step a per-row probe of idx_attachments_parent (one probe per user in
  -- total) whatever work_mem is: a hash join would rebuild a hash of all attachments at each of the
  -- hundreds of levels as soon as that hash no longer fits in work_mem.
  SELECT k.child_id, t.ancestors || t.id
  FROM tree AS t
  CROSS JOIN LATERAL (SELECT a.child_id FROM chain.attachments AS a WHERE a.parent_id = t.id OFFSET 0) AS k
),
up (ancestor_id) AS (
  -- Ancestors of the (few) soft-deleted users, walking up from them.
  SELECT a.parent_id
  FROM chain.users AS u
  JOIN chain.attachments AS a ON a.child_id = u.id
  WHERE u.deleted_at IS NOT NULL
  UNION ALL
  SELECT p.parent_id
  FROM up
  CROSS JOIN LATERAL (SELECT a.parent_id FROM chain.attachments AS a WHERE a.child_id = up.ancestor_id OFFSET 0) AS p
),
all_descendants AS (
  SELECT d.ancestor_id AS user_id, count(*) AS n
  FROM tree AS t
  CROSS JOIN LATERAL unnest(t.ancestors) AS d(ancestor_id)
  GROUP BY d.ancestor_id
),
deleted_descendants AS (
  SELECT ancestor_id AS user_id, count(*) AS n
  FROM up
  GROUP BY ancestor_id
),
descendants AS (
  SELECT a.user_id, a.n - coalesce(d.n, 0) AS total_descendants
  FROM all_descendants AS a
  LEFT JOIN deleted_descendants AS d ON d.user_id = a.user_id
),
children AS (
  SELECT a.parent_id AS user_id, count(*) AS direct_children
  FROM chain.attachments AS a
  JOIN chain.users AS c ON c.id = a.child_id AND c.deleted_at IS NULL
  GROUP BY a.parent_id
),
badges AS (
  SELECT user_id, count(*) AS badge_count
  FROM chain.user_badges
  GROUP BY user_id
)
SELECT rank() OVER (ORDER BY d.total_descendants DESC, coalesce(ch.direct_children, 0) DESC) AS rank,
       u.id                            AS user_id,
       u.username,
       u.display_name,
       u.country_code,
       u.chain_position,
       u.depth,
       coalesce(ch.direct_children, 0) AS direct_children,
       d.total_descendants,
       coalesce(b.badge_count, 0)      AS badge_count
FROM descendants AS d
JOIN chain.users AS u ON u.id = d.user_id AND u.deleted_at IS NULL
LEFT JOIN children AS ch ON ch.user_id = d.user_id
LEFT JOIN badges AS b ON b.user_id = d.user_id
WHERE d.total_descendants > 0;

COMMENT ON MATERIALIZED VIEW chain.mv_chain_leaderboard IS
  'Live users with at least one live descendant, ranked by total descendants then direct children. Refresh hourly, CONCURRENTLY.';
CREATE UNIQUE INDEX uq_mv_chain_leaderboard_user ON chain.mv_chain_leaderboard (user_id);
CREATE INDEX idx_mv_chain_leaderboard_rank ON chain.mv_chain_leaderboard (rank);

CREATE MATERIALIZED VIEW chain.mv_daily_active_users AS
WITH activity AS (
  SELECT (l.created_at AT TIME ZONE 'UTC')::date AS day,
         count(DISTINCT l.actor_id)              AS active_users,
         count(*)                                AS actions
  FROM chain.audit_log AS l
  JOIN chain.users AS u ON u.id = l.actor_id AND u.deleted_at IS NULL
  GROUP BY 1
),
signups AS (
  SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
         count(*)                              AS new_users
  FROM chain.users
  WHERE deleted_at IS NULL
  GROUP BY 1
)
SELECT coalesce(a.day, s.day)          AS activity_date,
       coalesce(a.active_users, 0)     AS active_users,
       coalesce(a.actions, 0)          AS actions,
       coalesce(s.new_users, 0)        AS new_users
FROM activity AS a
FULL JOIN signups AS s ON s.day = a.day;

COMMENT ON MATERIALIZED VIEW chain.mv_daily_active_users IS
  'Per UTC day: distinct live users with audit_log activity, their actions, and sign-ups. Refresh daily, CONCURRENTLY.';
CREATE UNIQUE INDEX uq_mv_daily_active_users_date ON chain.mv_daily_active_users (activity_date);
