/* ticketz-console */
-- Chain dashboard figures from chain.fn_calculate_chain_stats() (migrations/0011; seed 000 Phase 3
-- "Stored Procedures"): total users, active invitation tickets, max depth, average children per user.
SELECT /* ticketz-console */ s.total_users,
       s.active_tickets,
       s.max_depth,
       s.avg_children
FROM chain.fn_calculate_chain_stats() AS s;
