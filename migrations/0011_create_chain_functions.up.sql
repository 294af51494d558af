-- 0011_create_chain_functions (up)
-- Purpose: chain.fn_calculate_chain_stats() (dashboard figures) and chain.fn_archive_old_data(retention)
--          (moves old rows to archive tables, purges expired tokens), with the two archive tables.
-- Source:  seed 000 Phase 3 "Stored Procedures": fn_calculate_chain_stats.sql ("total users, active
--          tickets, chain depth, avg children per user") and fn_archive_old_data.sql ("archives old data
--          from active tables to archive tables; configurable retention period (default: 90 days);
--          vacuums tables after archiving").
-- Notes:   * Chain depth: read from the stored users.depth (maintained by trg_attachments_set_depth,
--            see 0005) instead of a recursive CTE from the root: one sequential scan of chain.users
--            gives total_users, max_depth and the number of users that have a parent, in well under a
--            second at 1M users; a recursive walk of the tree is O(users) index probes plus one pass
--            per level (hundreds for deep branches) at every call.
--          * VACUUM cannot run inside a function (or any transaction): fn_archive_old_data returns the
--            tables it touched; run VACUUM (ANALYZE) on them afterwards.

SET lock_timeout = '5s';

CREATE FUNCTION chain.fn_calculate_chain_stats()
RETURNS TABLE (total_users bigint, active_tickets bigint, max_depth integer, avg_children numeric)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  -- total_users:    live users (deleted_at IS NULL).
  -- active_tickets: live ACTIVE invitation tickets not yet expired (index-only scan on
  --                 idx_tickets_active_expires).
  -- max_depth:      deepest live user (root = 0).
  -- avg_children:   live users that have a parent / live users = average number of direct children
  --                 per user (a child stays in the chain when its parent is soft-deleted).
  SELECT u.total_users,
         t.active_tickets,
         u.max_depth,
         CASE WHEN u.total_users > 0 THEN round(u.with_parent::numeric / u.total_users, 4) ELSE 0 END
  FROM (SELECT count(*)                           AS total_users,
               coalesce(max(depth), 0)            AS max_depth,
               count(*) FILTER (WHERE depth > 0)  AS with_parent
        FROM chain.users
        WHERE deleted_at IS NULL) AS u
  CROSS JOIN (SELECT count(*) AS active_tickets
              FROM chain.tickets
              WHERE status = 'ACTIVE' AND deleted_at IS NULL AND expires_at > now()) AS t
$$;
COMMENT ON FUNCTION chain.fn_calculate_chain_stats() IS
  'Chain dashboard figures: total users, active tickets, max depth, average children per user (soft-deleted rows excluded).';

CREATE TABLE chain.notifications_archive (
  id          uuid        NOT NULL,
  user_id     uuid        NOT NULL,
  type        text        NOT NULL,
  channel     text        NOT NULL,
  priority    text        NOT NULL,
  title       text        NOT NULL,
  body        text,
  metadata    jsonb       NOT NULL,
  sent_at     timestamptz,
  read_at     timestamptz,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notifications_archive_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE chain.notifications_archive IS 'Read notifications older than the retention, moved by fn_archive_old_data(). No FKs: archives outlive users.';

CREATE TABLE chain.audit_log_archive (
  id          uuid        NOT NULL,
  actor_id    uuid,
  action      text        NOT NULL,
  entity_type text        NOT NULL,
  entity_id   uuid,
  old_values  jsonb,
  new_values  jsonb,
  ip_address  inet,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT audit_log_archive_pkey PRIMARY KEY (id, created_at)
);
COMMENT ON TABLE chain.audit_log_archive IS 'audit_log rows older than the retention, moved by fn_archive_old_data(). No FKs: archives outlive users.';

CREATE FUNCTION chain.fn_archive_old_data(retention interval DEFAULT interval '90 days')
RETURNS TABLE (relation_name text, operation text, affected_rows bigint)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  cutoff timestamptz;
  n      bigint;
BEGIN
  IF retention IS NULL OR retention < interval '1 day' THEN
    RAISE EXCEPTION 'retention must be at least 1 day, got %', retention
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  cutoff := now() - retention;

  -- Read notifications: moved to the archive.
  WITH moved AS (
    DELETE FROM chain.notifications AS x
    WHERE x.read_at IS NOT NULL AND x.created_at < cutoff
    RETURNING x.*
  )
  INSERT INTO chain.notifications_archive
    (id, user_id, type, channel, priority, title, body, metadata, sent_at, read_at, created_at, updated_at)
  SELECT id, user_id, type, channel, priority, title, body, metadata, sent_at, read_at, created_at, updated_at
  FROM moved;
  GET DIAGNOSTICS n = ROW_COUNT;
  relation_name := 'chain.notifications'; operation := 'ARCHIVED'; affected_rows := n;
  RETURN NEXT;

  -- Audit trail: moved to the archive (partition pruning limits the scan to the old months).
  WITH moved AS (
    DELETE FROM chain.audit_log AS x
    WHERE x.created_at < cutoff
    RETURNING x.*
  )
  INSERT INTO chain.audit_log_archive
    (id, actor_id, action, entity_type, entity_id, old_values, new_values, ip_address, created_at, updated_at)
  SELECT id, actor_id, action, entity_type, entity_id, old_values, new_values, ip_address, created_at, updated_at
  FROM moved;
  GET DIAGNOSTICS n = ROW_COUNT;
  relation_name := 'chain.audit_log'; operation := 'ARCHIVED'; affected_rows := n;
  RETURN NEXT;

  -- Ephemeral rows (seed 001 "Exceptions: ... truly ephemeral data can use hard deletes"): purged.
  DELETE FROM chain.auth_sessions AS x WHERE coalesce(x.revoked_at, x.expires_at) < cutoff;
  GET DIAGNOSTICS n = ROW_COUNT;
  relation_name := 'chain.auth_sessions'; operation := 'DELETED'; affected_rows := n;
  RETURN NEXT;

  DELETE FROM chain.magic_link_tokens AS x WHERE x.expires_at < cutoff;
  GET DIAGNOSTICS n = ROW_COUNT;
  relation_name := 'chain.magic_link_tokens'; operation := 'DELETED'; affected_rows := n;
  RETURN NEXT;

  DELETE FROM chain.email_verification_tokens AS x WHERE x.expires_at < cutoff;
  GET DIAGNOSTICS n = ROW_COUNT;
  relation_name := 'chain.email_verification_tokens'; operation := 'DELETED'; affected_rows := n;
  RETURN NEXT;

  DELETE FROM chain.password_reset_tokens AS x WHERE x.expires_at < cutoff;
  GET DIAGNOSTICS n = ROW_COUNT;
  relation_name := 'chain.password_reset_tokens'; operation := 'DELETED'; affected_rows := n;
  RETURN NEXT;
END
$$;
COMMENT ON FUNCTION chain.fn_archive_old_data(interval) IS
  'Moves read notifications and audit_log rows older than `retention` (default 90 days, minimum 1 day) to the archive tables and purges expired sessions/tokens. Returns one row per table; VACUUM (ANALYZE) those tables afterwards.';
