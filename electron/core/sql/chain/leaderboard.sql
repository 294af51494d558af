/* ticketz-console */
-- Users ranked by chain growth (chain.mv_chain_leaderboard, migrations/0012; seed 000 "Materialized
-- Views"), as of its last refresh; idx_mv_chain_leaderboard_rank. $1 limit.
SELECT /* ticketz-console */ l.rank,
       l.user_id,
       l.username,
       l.display_name,
       l.country_code,
       l.depth,
       l.direct_children,
       l.total_descendants,
       l.badge_count
FROM chain.mv_chain_leaderboard AS l
ORDER BY l.rank, l.user_id
LIMIT $1::int;
