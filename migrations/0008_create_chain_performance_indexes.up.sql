-- 0008_create_chain_performance_indexes (up)
-- Purpose: the seed's V2__Add_Performance_Indexes: a composite partial index, a covering (INCLUDE)
--          partial index, BRIN indexes for append-only time series, a GIN index on JSONB, plus the
--          partial index behind "active tickets / tickets expiring in the next 12 hours".
-- Source:  seed 000 "Index Strategy: Missing Critical Indexes" 1-3 and Phase 1 "V2__Add_Performance_Indexes".
-- Notes:   * The seed uses CREATE INDEX CONCURRENTLY (right for a live table). Here the tables were
--            created empty by 0005-0007, so plain CREATE INDEX inside the migration transaction is right;
--            CONCURRENTLY is also impossible on a partitioned table (audit_log).
--          * The seed's covering index puts WHERE before INCLUDE (a syntax error) and keys read_at,
--            which is constant (NULL) under its own predicate; fixed below.
--          * FK columns are already backed by full indexes from 0005-0007; these partial indexes are
--            for queries only.

-- lint-ignore-file: create-index-non-concurrently the tables were created empty by 0005-0007, so no rows are locked while building

SET lock_timeout = '5s';

-- 1. "Active tickets expiring soon for a user".
CREATE INDEX idx_tickets_owner_status_expires ON chain.tickets (owner_id, status, expires_at)
  WHERE deleted_at IS NULL;

-- Business metrics "Active tickets count" / "Tickets expiring in next 12 hours" and the expiry job;
-- used by fn_calculate_chain_stats() (index-only scan).
CREATE INDEX idx_tickets_active_expires ON chain.tickets (expires_at)
  WHERE status = 'ACTIVE' AND deleted_at IS NULL;

-- 2. Unread notifications of a user, newest first, as an index-only scan.
CREATE INDEX idx_notifications_user_unread ON chain.notifications (user_id, created_at DESC)
  INCLUDE (type, priority, title)
  WHERE read_at IS NULL;

-- 3. BRIN for time ranges over append-only data (tiny; relies on insertion order ~ created_at).
CREATE INDEX idx_audit_log_created_brin ON chain.audit_log USING brin (created_at);
CREATE INDEX idx_notifications_created_brin ON chain.notifications USING brin (created_at);

-- 4. JSONB containment search on notification metadata: metadata @> '{"ticket_id": "..."}'.
CREATE INDEX idx_notifications_metadata_gin ON chain.notifications USING gin (metadata jsonb_path_ops);
