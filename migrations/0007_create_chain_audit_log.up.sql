-- 0007_create_chain_audit_log (up)
-- Purpose: chain.audit_log, range-partitioned by month on created_at, with monthly partitions from
--          12 months before the current month (UTC) to 6 months after it, plus a DEFAULT partition, and
--          chain.fn_ensure_audit_log_partitions() to keep creating the months ahead.
-- Source:  seed 000 "Audit Tables" (audit_log) and Phase 4 "Table Partitioning: Partition audit_log by
--          month" (scans touch only the relevant months, archiving = dropping/detaching old months).
-- Notes:   * The primary key must contain the partition key: (id, created_at).
--          * Partitioned indexes created here cascade to every partition (present and future).
--          * Keep the DEFAULT partition empty: a new month cannot be attached while the DEFAULT holds
--            rows of that month. Run fn_ensure_audit_log_partitions() (e.g. monthly) ahead of time.
--          * Append-only: no updated_at trigger (updated_at = created_at unless someone edits history).

SET lock_timeout = '5s';

CREATE TABLE chain.audit_log (
  id          uuid        NOT NULL DEFAULT gen_random_uuid(),
  actor_id    uuid,
  action      text        NOT NULL,
  entity_type text        NOT NULL,
  entity_id   uuid,
  old_values  jsonb,
  new_values  jsonb,
  ip_address  inet,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT audit_log_pkey PRIMARY KEY (id, created_at),
  CONSTRAINT fk_audit_log_actor FOREIGN KEY (actor_id) REFERENCES chain.users (id) ON DELETE SET NULL,
  CONSTRAINT chk_audit_log_action CHECK (length(action) <= 64 AND action ~ '^[A-Z][A-Z0-9_]+$'),
  CONSTRAINT chk_audit_log_entity_type CHECK (length(entity_type) BETWEEN 1 AND 64)
) PARTITION BY RANGE (created_at);
COMMENT ON TABLE chain.audit_log IS 'Audit trail, one partition per month (UTC). Partitions: chain.audit_log_yYYYYmMM + chain.audit_log_default.';

-- Backs fk_audit_log_actor; serves "what did this user do" (and daily active users). Time ranges over
-- the whole log use the BRIN index of 0008 and partition pruning.
CREATE INDEX idx_audit_log_actor_created ON chain.audit_log (actor_id, created_at);

CREATE FUNCTION chain.fn_ensure_audit_log_partitions(months_back integer DEFAULT 0, months_ahead integer DEFAULT 6)
RETURNS integer
LANGUAGE plpgsql AS $$
-- Creates the missing monthly partitions of chain.audit_log from `months_back` months before the
-- current month to `months_ahead` months after it; returns how many it created. Month arithmetic is
-- done on UTC timestamps without time zone, so the session's TimeZone/DateStyle cannot shift a bound.
DECLARE
  this_month  timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
  m           integer;
  lower_bound timestamp;
  part_name   text;
  created     integer := 0;
BEGIN
  IF months_back < 0 OR months_ahead < 0 THEN
    RAISE EXCEPTION 'months_back and months_ahead must be >= 0';
  END IF;
  FOR m IN -months_back .. months_ahead LOOP
    lower_bound := this_month + make_interval(months => m);
    part_name := 'audit_log_' || to_char(lower_bound, '"y"YYYY"m"MM');
    IF to_regclass(format('chain.%I', part_name)) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE chain.%I PARTITION OF chain.audit_log FOR VALUES FROM (%L) TO (%L)',
        part_name,
        to_char(lower_bound, 'YYYY-MM-DD"T00:00:00+00"'),
        to_char(lower_bound + interval '1 month', 'YYYY-MM-DD"T00:00:00+00"'));
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END
$$;
COMMENT ON FUNCTION chain.fn_ensure_audit_log_partitions(integer, integer) IS
  'Creates missing monthly partitions of chain.audit_log around the current month (UTC). Idempotent.';

SELECT chain.fn_ensure_audit_log_partitions(12, 6);

CREATE TABLE chain.audit_log_default PARTITION OF chain.audit_log DEFAULT;
