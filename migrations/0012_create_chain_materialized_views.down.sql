-- 0012_create_chain_materialized_views (down): drops exactly what the up created, in reverse order.

SET lock_timeout = '5s';

DROP MATERIALIZED VIEW chain.mv_daily_active_users;
DROP MATERIALIZED VIEW chain.mv_chain_leaderboard;
