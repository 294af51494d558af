/* ticketz-console demo data: workload.sql */
-- A short workload (a few seconds at scale 1) that gives the Insights page real material, run after
-- seed.sql as ONE multi-statement simple query. Safe to run again: it reads, scans gates of the
-- nearest upcoming event, and rewrites/deletes a bounded set of rows.
--
-- What it leaves behind:
--   * slow-ish statements in pg_stat_statements, each executed several times (same query id,
--     different constants): sequential-scan aggregates over ticketing.tickets on non-indexed columns
--     (scanned_at, price), leading-wildcard LIKE searches on customers and chain users, a join on
--     columns without a usable index (invitations.invitee_email = users.email), a daily orders report;
--   * frequent fast statements: the gate UPDATE (index scan on uq_tickets_qr_code_hash), the chain
--     stats function, unread notifications (index-only scan);
--   * dead tuples: about 30 % of ticketing.ticket_validations rewritten, expired sessions deleted,
--     old unread notifications marked read;
--   * the deliberately unused index ticketing.idx_tickets_created_at (created by migration 0003): no
--     statement here (nor in the seed or the console) filters or sorts tickets by created_at.

-- 0. Ordinary application traffic (fast, index-backed), so that the indexes the app relies on show
--    scans and idx_tickets_created_at stands out as the one index nobody uses.
-- seed 001 Critical Query 1: available seats of a section (seat map), and a viewport of the map.
SELECT s.id, s.row_label, s.number_label, s.x_position, s.y_position, s.is_accessible
FROM ticketing.seats AS s
WHERE s.section_id = (SELECT id FROM ticketing.sections WHERE type = 'NUMBERED' ORDER BY name, id LIMIT 1)
  AND s.deleted = false
  AND NOT EXISTS (SELECT 1 FROM ticketing.tickets AS t
                  WHERE t.seat_id = s.id
                    AND t.event_id = (SELECT id FROM ticketing.events WHERE status = 'PUBLISHED' ORDER BY start_time LIMIT 1)
                    AND t.status IN ('VALID', 'USED'))
ORDER BY s.row_label, s.number_label;
SELECT id, row_label, number_label FROM ticketing.seats
WHERE section_id = (SELECT id FROM ticketing.sections WHERE type = 'NUMBERED' ORDER BY name, id LIMIT 1)
  AND deleted = false AND x_position BETWEEN 5 AND 20 AND y_position BETWEEN 0 AND 100;
-- Critical Query 2: general admission availability of a section for an event.
SELECT s.id AS section_id, s.name, s.capacity, count(t.id) AS sold, s.capacity - count(t.id) AS available
FROM ticketing.sections AS s
LEFT JOIN ticketing.ticket_tiers AS tt
  ON tt.section_id = s.id AND tt.event_id = (SELECT id FROM ticketing.events WHERE status = 'PUBLISHED' ORDER BY start_time LIMIT 1)
LEFT JOIN ticketing.tickets AS t ON t.ticket_tier_id = tt.id AND t.status = 'VALID'
WHERE s.type = 'GENERAL' AND s.deleted = false
  AND s.venue_id = (SELECT venue_id FROM ticketing.events WHERE status = 'PUBLISHED' ORDER BY start_time LIMIT 1)
GROUP BY s.id, s.name, s.capacity;
-- Critical Query 3: an event page with its active sections.
SELECT e.id, e.title, e.start_time, s.name, s.type, es.is_active, coalesce(es.custom_capacity, s.capacity) AS capacity
FROM ticketing.events AS e
JOIN ticketing.event_sections AS es ON es.event_id = e.id
JOIN ticketing.sections AS s ON s.id = es.section_id
WHERE e.id = (SELECT id FROM ticketing.events WHERE status = 'PUBLISHED' ORDER BY start_time LIMIT 1)
  AND es.is_active AND e.status = 'PUBLISHED' AND s.deleted = false;
-- Critical Query 5: "My tickets" of a customer, and the tickets of one order.
SELECT o.id, o.created_at, o.total_amount, o.status, e.title, count(t.id) AS tickets
FROM ticketing.orders AS o
JOIN ticketing.events AS e ON e.id = o.event_id
JOIN ticketing.tickets AS t ON t.order_id = o.id
WHERE o.user_id = (SELECT user_id FROM ticketing.orders ORDER BY id LIMIT 1) AND o.status IN ('PAID', 'PENDING')
GROUP BY o.id, e.title ORDER BY o.created_at DESC LIMIT 20;
-- Admin dashboard: events of an organization, events of a venue, orders and check-ins of an event.
SELECT id, title, status, start_time FROM ticketing.events
WHERE organization_id = (SELECT id FROM ticketing.organizations ORDER BY slug LIMIT 1) AND status = 'PUBLISHED'
ORDER BY start_time;
SELECT id, title, start_time FROM ticketing.events
WHERE venue_id = (SELECT id FROM ticketing.venues ORDER BY name LIMIT 1) AND start_time > now() ORDER BY start_time;
SELECT status, count(*), sum(total_amount) FROM ticketing.orders
WHERE event_id = (SELECT id FROM ticketing.events WHERE status = 'COMPLETED' ORDER BY start_time DESC LIMIT 1)
GROUP BY status;
SELECT gate, outcome, count(*) FROM ticketing.ticket_validations
WHERE event_id = (SELECT id FROM ticketing.events WHERE status = 'COMPLETED' ORDER BY start_time DESC LIMIT 1)
  AND validated_at > now() - interval '365 days'
GROUP BY gate, outcome;
-- Support desk: customer by e-mail, by name (trigram), order by id prefix, a ticket and its scans.
SELECT id, email, full_name FROM ticketing.users
WHERE lower(email) = (SELECT lower(email) FROM ticketing.users ORDER BY id LIMIT 1);
SELECT id, email, full_name FROM ticketing.users WHERE full_name ILIKE '%ava jans%' LIMIT 20;
SELECT id, status, total_amount, created_at FROM ticketing.orders WHERE id::text LIKE 'a1b%';
SELECT v.validated_at, v.gate, v.staff, v.outcome FROM ticketing.ticket_validations AS v
WHERE v.ticket_id = (SELECT ticket_id FROM ticketing.ticket_validations WHERE outcome = 'ALREADY_USED' ORDER BY id LIMIT 1)
ORDER BY v.validated_at DESC;
SELECT t.id, t.status, t.scanned_at FROM ticketing.tickets AS t
WHERE t.seat_id = (SELECT id FROM ticketing.seats ORDER BY id LIMIT 1);
-- The Chain app: a user's tickets, children, invitations, sessions, devices, notifications, badges,
-- country history and audit trail; badge holders; notifications about a ticket (JSONB containment);
-- recent audit activity (BRIN).
SELECT id, status, expires_at FROM chain.tickets
WHERE owner_id = (SELECT owner_id FROM chain.tickets WHERE status = 'ACTIVE' ORDER BY id LIMIT 1)
  AND status = 'ACTIVE' AND deleted_at IS NULL ORDER BY expires_at;
SELECT a.child_id, a.attached_at FROM chain.attachments AS a
WHERE a.parent_id = (SELECT id FROM chain.users WHERE chain_position = 2) ORDER BY a.attached_at DESC LIMIT 20;
SELECT id, status, sent_at FROM chain.invitations
WHERE inviter_id = (SELECT id FROM chain.users WHERE chain_position = 1) ORDER BY sent_at DESC LIMIT 20;
SELECT id, status FROM chain.invitations WHERE invitee_id = (SELECT id FROM chain.users WHERE chain_position = 100);
SELECT id, status, invitee_email FROM chain.invitations
WHERE ticket_id = (SELECT ticket_id FROM chain.invitations WHERE status = 'EXPIRED' ORDER BY id LIMIT 1);
SELECT id, expires_at, used_at FROM chain.magic_link_tokens
WHERE user_id = (SELECT user_id FROM chain.magic_link_tokens ORDER BY id LIMIT 1) ORDER BY created_at DESC;
SELECT id, expires_at, verified_at FROM chain.email_verification_tokens
WHERE user_id = (SELECT user_id FROM chain.email_verification_tokens ORDER BY id LIMIT 1);
SELECT id, expires_at, used_at FROM chain.password_reset_tokens
WHERE user_id = (SELECT user_id FROM chain.password_reset_tokens ORDER BY id LIMIT 1);
SELECT id, expires_at, last_used_at FROM chain.auth_sessions
WHERE user_id = (SELECT user_id FROM chain.auth_sessions ORDER BY id LIMIT 1) AND expires_at > now();
SELECT platform, last_seen_at FROM chain.device_tokens WHERE user_id = (SELECT user_id FROM chain.device_tokens ORDER BY id LIMIT 1);
SELECT type, title, created_at FROM chain.notifications
WHERE user_id = (SELECT id FROM chain.users WHERE chain_position = 3) ORDER BY created_at DESC LIMIT 20;
SELECT b.code, ub.awarded_at FROM chain.user_badges AS ub JOIN chain.badges AS b ON b.id = ub.badge_id
WHERE ub.user_id = (SELECT id FROM chain.users WHERE chain_position = 1);
SELECT count(*) FROM chain.user_badges WHERE badge_id = (SELECT id FROM chain.badges WHERE code = 'DEEP_ROOTS');
SELECT old_country_code, new_country_code, changed_at FROM chain.country_change_events
WHERE user_id = (SELECT user_id FROM chain.country_change_events ORDER BY id LIMIT 1) ORDER BY changed_at DESC;
SELECT action, created_at FROM chain.audit_log
WHERE actor_id = (SELECT id FROM chain.users WHERE chain_position = 1) AND created_at > now() - interval '90 days'
ORDER BY created_at DESC LIMIT 50;
SELECT id, user_id, created_at FROM chain.notifications
WHERE metadata @> jsonb_build_object('child_position', 1000);
SELECT action, count(*) FROM chain.audit_log
WHERE created_at BETWEEN now() - interval '2 hours' AND now() GROUP BY action;
SELECT type, count(*) FROM chain.notifications
WHERE created_at BETWEEN now() - interval '3 hours' AND now() GROUP BY type;

-- 1. Check-ins per hour over a period: scanned_at is not indexed -> Seq Scan + HashAggregate.
SELECT date_trunc('hour', scanned_at) AS hour, count(*) AS scans, sum(price) AS value
FROM ticketing.tickets WHERE scanned_at >= now() - interval '30 days' GROUP BY 1 ORDER BY 1;
SELECT date_trunc('hour', scanned_at) AS hour, count(*) AS scans, sum(price) AS value
FROM ticketing.tickets WHERE scanned_at >= now() - interval '60 days' GROUP BY 1 ORDER BY 1;
SELECT date_trunc('hour', scanned_at) AS hour, count(*) AS scans, sum(price) AS value
FROM ticketing.tickets WHERE scanned_at >= now() - interval '120 days' GROUP BY 1 ORDER BY 1;
SELECT date_trunc('hour', scanned_at) AS hour, count(*) AS scans, sum(price) AS value
FROM ticketing.tickets WHERE scanned_at >= now() - interval '365 days' GROUP BY 1 ORDER BY 1;

-- 2. Price band report: price is not indexed -> Seq Scan over all tickets.
SELECT status, count(*) AS tickets, round(avg(price), 2) AS avg_price
FROM ticketing.tickets WHERE price BETWEEN 40 AND 80 GROUP BY status ORDER BY status;
SELECT status, count(*) AS tickets, round(avg(price), 2) AS avg_price
FROM ticketing.tickets WHERE price BETWEEN 80 AND 150 GROUP BY status ORDER BY status;
SELECT status, count(*) AS tickets, round(avg(price), 2) AS avg_price
FROM ticketing.tickets WHERE price BETWEEN 150 AND 400 GROUP BY status ORDER BY status;

-- 3. Support search with a leading wildcard: uq_users_email_lower cannot serve '%...%' -> Seq Scan.
--    (Searching full_name would use the trigram index idx_users_full_name_trgm instead.)
SELECT id, email, full_name FROM ticketing.users WHERE lower(email) LIKE '%jansen1%' ORDER BY email LIMIT 50;
SELECT id, email, full_name FROM ticketing.users WHERE lower(email) LIKE '%kowalski2%' ORDER BY email LIMIT 50;
SELECT id, email, full_name FROM ticketing.users WHERE lower(email) LIKE '%tanaka3%' ORDER BY email LIMIT 50;
SELECT id, email, full_name FROM ticketing.users WHERE lower(email) LIKE '%example.org%' ORDER BY email LIMIT 50;
SELECT id, username, email, chain_position FROM chain.users WHERE email LIKE '%.77%' ORDER BY chain_position LIMIT 50;
SELECT id, username, email, chain_position FROM chain.users WHERE email LIKE '%.123%' ORDER BY chain_position LIMIT 50;
SELECT id, username, email, chain_position FROM chain.users WHERE email LIKE '%9@inbox%' ORDER BY chain_position LIMIT 50;

-- 4. Join without a usable index: invitations.invitee_email is not indexed and users has an index on
--    lower(email) only -> Hash Join over two Seq Scans.
SELECT i.status, count(*) AS invitations
FROM chain.invitations AS i JOIN chain.users AS u ON u.email = i.invitee_email
WHERE i.sent_at > now() - interval '30 days' GROUP BY i.status ORDER BY i.status;
SELECT i.status, count(*) AS invitations
FROM chain.invitations AS i JOIN chain.users AS u ON u.email = i.invitee_email
WHERE i.sent_at > now() - interval '180 days' GROUP BY i.status ORDER BY i.status;
SELECT i.status, count(*) AS invitations
FROM chain.invitations AS i JOIN chain.users AS u ON u.email = i.invitee_email
WHERE i.sent_at > now() - interval '365 days' GROUP BY i.status ORDER BY i.status;

-- 5. Daily sales report: orders.created_at is not a leading index column -> Seq Scan.
SELECT created_at::date AS day, count(*) AS orders, sum(total_amount) AS gross
FROM ticketing.orders WHERE status = 'PAID' AND created_at > now() - interval '14 days' GROUP BY 1 ORDER BY 1;
SELECT created_at::date AS day, count(*) AS orders, sum(total_amount) AS gross
FROM ticketing.orders WHERE status = 'PAID' AND created_at > now() - interval '60 days' GROUP BY 1 ORDER BY 1;
SELECT created_at::date AS day, count(*) AS orders, sum(total_amount) AS gross
FROM ticketing.orders WHERE status = 'PAID' AND created_at > now() - interval '120 days' GROUP BY 1 ORDER BY 1;

-- 6. Gate scans at the nearest upcoming/ongoing published event: 150 tickets scanned once (the gate
--    UPDATE, index scan on uq_tickets_qr_code_hash), 20 of them scanned again (ALREADY_USED), each
--    scan logged in ticket_validations.
DO $$
DECLARE
  ev     uuid;
  r      record;
  hit    uuid;
  n      integer := 0;
BEGIN
  SELECT e.id INTO ev
  FROM ticketing.events AS e
  WHERE e.status = 'PUBLISHED' AND NOT e.deleted AND e.start_time > now() - interval '6 hours'
    AND EXISTS (SELECT 1 FROM ticketing.tickets AS t WHERE t.event_id = e.id AND t.status = 'VALID')
  ORDER BY e.start_time
  LIMIT 1;
  IF ev IS NULL THEN
    RETURN;
  END IF;
  FOR r IN
    SELECT t.qr_code_hash FROM ticketing.tickets AS t
    WHERE t.event_id = ev AND t.status = 'VALID'
    ORDER BY t.qr_code_hash
    LIMIT 150
  LOOP
    FOR pass IN 1 .. CASE WHEN n < 20 THEN 2 ELSE 1 END LOOP
      hit := NULL;
      UPDATE ticketing.tickets SET status = 'USED', scanned_at = now()
      WHERE qr_code_hash = r.qr_code_hash AND event_id = ev AND status = 'VALID'
      RETURNING id INTO hit;
      INSERT INTO ticketing.ticket_validations (ticket_id, event_id, qr_code_hash, gate, staff, outcome)
      SELECT coalesce(hit, t.id), ev, r.qr_code_hash, 'Gate ' || chr(65 + n % 4), 'staff' || lpad((n % 12 + 1)::text, 2, '0'),
             CASE WHEN hit IS NOT NULL THEN 'ACCEPTED' ELSE 'ALREADY_USED' END
      FROM ticketing.tickets AS t WHERE t.qr_code_hash = r.qr_code_hash;
    END LOOP;
    n := n + 1;
  END LOOP;
END
$$;

-- 7. Dashboard reads that run often and are fast.
SELECT * FROM chain.fn_calculate_chain_stats();
SELECT * FROM chain.fn_calculate_chain_stats();
SELECT * FROM chain.fn_calculate_chain_stats();
SELECT n.user_id, n.created_at, n.type, n.priority, n.title
FROM chain.notifications AS n
WHERE n.user_id = (SELECT id FROM chain.users WHERE chain_position = 1) AND n.read_at IS NULL
ORDER BY n.created_at DESC LIMIT 20;
SELECT count(*) AS expiring_within_12h FROM chain.tickets
WHERE status = 'ACTIVE' AND deleted_at IS NULL AND expires_at BETWEEN now() AND now() + interval '12 hours';
SELECT * FROM ticketing.event_stats ORDER BY start_time DESC LIMIT 20;
SELECT * FROM chain.mv_chain_leaderboard ORDER BY rank LIMIT 20;

-- 8. Churn (dead tuples for the bloat / vacuum views):
--    a reconciliation job rewrites ~30 % of the gate log (staff names normalised),
UPDATE ticketing.ticket_validations SET staff = lower(staff)
WHERE (extract(epoch FROM validated_at)::bigint % 10) < 3;
--    expired sessions are purged,
DELETE FROM chain.auth_sessions WHERE expires_at < now() - interval '30 days';
--    and unread notifications older than two weeks are marked read.
UPDATE chain.notifications SET read_at = now()
WHERE read_at IS NULL AND created_at < now() - interval '14 days';
