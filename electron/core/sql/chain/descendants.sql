/* ticketz-console */
-- Descendants of a user, level by level: a recursive CTE over attachments (idx_attachments_parent,
-- in joining order) with a depth limit, taking at most N children per parent at every level (LATERAL
-- … LIMIT), so a hub with thousands of children costs one page, not the whole subtree. The first
-- level is keyset-paginated on (attached_at, child_id): $4/$5 = the last child of the previous page
-- (attached_at as epoch microseconds, id). The first level reads one extra row to tell whether a
-- next page exists; the caller drops it and its subtree.
-- $1 user id, $2 depth limit, $3 children per parent, $4/$5 cursor or NULL.
WITH /* ticketz-console */ RECURSIVE tree AS (
  SELECT f.child_id AS id, f.parent_id, 1 AS level, f.attached_at
  FROM (
    SELECT a.child_id, a.parent_id, a.attached_at
    FROM chain.attachments AS a
    WHERE a.parent_id = $1::uuid
      AND ($4::int8 IS NULL
           OR (a.attached_at, a.child_id) > (timestamptz 'epoch' + $4::int8::float8 * interval '1 microsecond', $5::uuid))
    ORDER BY a.attached_at, a.child_id
    LIMIT $3::int + 1
  ) AS f
  UNION ALL
  SELECT k.child_id, k.parent_id, t.level + 1, k.attached_at
  FROM tree AS t
  CROSS JOIN LATERAL (
    SELECT a.child_id, a.parent_id, a.attached_at
    FROM chain.attachments AS a
    WHERE a.parent_id = t.id
    ORDER BY a.attached_at, a.child_id
    LIMIT $3::int
  ) AS k
  WHERE t.level < $2::int
)
SELECT t.id,
       t.parent_id,
       t.level,
       t.attached_at,
       (extract(epoch FROM t.attached_at) * 1000000)::int8 AS cursor_micros,
       u.username,
       u.display_name,
       u.chain_position,
       u.deleted_at IS NOT NULL AS deleted,
       (SELECT count(*) FROM chain.attachments AS c WHERE c.parent_id = t.id) AS direct_children
FROM tree AS t
JOIN chain.users AS u ON u.id = t.id
ORDER BY t.level, t.parent_id, t.attached_at, t.id;
