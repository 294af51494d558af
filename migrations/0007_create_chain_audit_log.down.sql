-- 0007_create_chain_audit_log (down): drops exactly what the up created, in reverse order.
-- Dropping the partitioned table drops all its partitions (including months created later by
-- chain.fn_ensure_audit_log_partitions).

SET lock_timeout = '5s';

DROP TABLE chain.audit_log;
DROP FUNCTION chain.fn_ensure_audit_log_partitions(integer, integer);
