-- 0008_create_chain_performance_indexes (down): drops exactly what the up created, in reverse order.

SET lock_timeout = '5s';

DROP INDEX chain.idx_notifications_metadata_gin;
DROP INDEX chain.idx_notifications_created_brin;
DROP INDEX chain.idx_audit_log_created_brin;
DROP INDEX chain.idx_notifications_user_unread;
DROP INDEX chain.idx_tickets_active_expires;
DROP INDEX chain.idx_tickets_owner_status_expires;
