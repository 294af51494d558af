-- 0011_create_chain_functions (down): drops exactly what the up created, in reverse order.

SET lock_timeout = '5s';

DROP FUNCTION chain.fn_archive_old_data(interval);
DROP TABLE chain.audit_log_archive;
DROP TABLE chain.notifications_archive;
DROP FUNCTION chain.fn_calculate_chain_stats();
