-- 0003_create_ticketing_indexes (up)
-- Purpose: query-serving indexes of `ticketing` that do not back a foreign key (those live with their
--          tables in 0001/0002): the remaining seed "High-Concurrency Indexes" and support-desk lookups.
-- Source:  seed 001 "Index Strategy" #1 and #5 (#2, #3, #4, #7 are in 0002; #6 is the unique constraint
--          uq_tickets_qr_code_hash), "Critical Queries" 1 and 3; console support lookups (customer by
--          email / name, order by id prefix, ticket by id or QR hash).
-- Notes:   Plain CREATE INDEX inside the migration's transaction is right here: the tables were created
--          empty by 0001/0002. On a populated production table use CREATE INDEX CONCURRENTLY in a
--          non-transactional migration instead.
--          pg_trgm (contrib) is created only when it is missing; the marker comment records that this
--          migration owns it, so the down drops it only in that case.

-- lint-ignore-file: create-index-non-concurrently the tables were created empty by 0001/0002, so no rows are locked while building

SET lock_timeout = '5s';

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE EXTENSION pg_trgm WITH SCHEMA public;
    COMMENT ON EXTENSION pg_trgm IS 'ticketz:0003 created by migration 0003_create_ticketing_indexes (trigram search on ticketing.users.full_name)';
  END IF;
END
$$;

-- Seed index #1: seat map rendering of a section (Critical Query 1).
CREATE INDEX idx_seats_position ON ticketing.seats (section_id, x_position, y_position)
  WHERE deleted = false;

-- Seed index #5: sections an event activates (Critical Query 3).
CREATE INDEX idx_event_sections_event ON ticketing.event_sections (event_id, is_active);

-- Support: customer by (part of) name, e.g. full_name ILIKE '%jansen%' or full_name % 'jansen'.
CREATE INDEX idx_users_full_name_trgm ON ticketing.users USING gin (full_name gin_trgm_ops);

-- Support: order by id prefix, e.g. id::text LIKE '3f2a9c%' (text_pattern_ops: LIKE prefix in any collation).
CREATE INDEX idx_orders_id_text ON ticketing.orders ((id::text) text_pattern_ops);

-- DELIBERATELY UNUSED (demo): no query of the console, the seed or the workload filters or sorts
-- tickets by created_at. It exists so that the Insights page has an unused index to show: it costs
-- disk and write amplification on every ticket INSERT and is never scanned.
CREATE INDEX idx_tickets_created_at ON ticketing.tickets (created_at);
