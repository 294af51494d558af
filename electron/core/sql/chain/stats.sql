/* ticketz-console */
-- Chain dashboard figures from chain.fn_calculate_chain_stats() (migrations/0011; seed 000 Phase 3
-- "Stored Procedures"): total users, active invitation tickets, max depth; plus the average number
-- of direct children per inviter (users with at least one live child; a soft-deleted inviter whose
-- child stays in the chain counts). The function's own avg_children divides by every user, so in
-- a tree it is always about 1.0 and says nothing; it is not shown.
SELECT /* ticketz-console */ s.total_users,
       s.active_tickets,
       s.max_depth,
       i.inviters,
       i.avg_children_per_inviter
FROM chain.fn_calculate_chain_stats() AS s
CROSS JOIN (
  SELECT count(DISTINCT a.parent_id) AS inviters,
         round(count(*)::numeric / nullif(count(DISTINCT a.parent_id), 0), 2) AS avg_children_per_inviter
  FROM chain.attachments AS a
  JOIN chain.users AS c ON c.id = a.child_id
  WHERE c.deleted_at IS NULL
) AS i;
