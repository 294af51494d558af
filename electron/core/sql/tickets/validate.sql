/* ticketz-console */
-- Gate scan of one ticket, in ONE statement (one round trip, one implicit transaction, one commit).
-- Source: seed 001 "Critical Queries" 4 (validate ticket at gate) and the gate statement of
-- migrations/0002; exactly-once acceptance as in the PostgreSQL docs, "Transaction Isolation"
-- (13.2.1): under READ COMMITTED a concurrent UPDATE waits for the row, then re-checks
-- `status = 'VALID'` against the committed version, so only one scan can turn it into USED.
--
-- accepted: the seed's gate UPDATE; returns a row only for the scan that wins.
-- seen:     the same ticket as this statement's snapshot sees it. All CTEs share one snapshot, so
--           a ticket that `accepted` did not update but `seen` still shows VALID was taken by a
--           concurrent scan that committed after our snapshot: ALREADY_USED (`raced` = true; the
--           caller reads the first scan in a new statement, which sees that commit).
-- decided:  the outcome. WRONG_EVENT is decided before any status, so another event's ticket
--           reveals nothing else (and no ticket details are returned for it).
-- logged:   the validation row of this attempt, committed together with the UPDATE.
-- audited:  the console's audit entry for the attempt (ticketz_console.audit_log), in the same
--           commit: no second transaction or fsync per scan. Cut out (see gate-statements.ts)
--           when the role cannot write that table; the scan is then recorded in the local log.
-- $1 qr_code_hash (64 lowercase hex), $2 event id, $3 the raw input as scanned, $4 gate, $5 staff,
-- $6 OS user and $7 host of the console (audit only).
WITH /* ticketz-console */ ev AS (
  SELECT e.id
  FROM ticketing.events AS e
  WHERE e.id = $2::uuid
),
accepted AS (
  UPDATE ticketing.tickets AS t
  SET status = 'USED',
      scanned_at = now()
  WHERE t.qr_code_hash = $1::text
    AND t.event_id = $2::uuid
    AND t.status = 'VALID'
  RETURNING t.id, t.scanned_at
),
seen AS (
  SELECT t.id, t.event_id, t.status, t.scanned_at
  FROM ticketing.tickets AS t
  WHERE t.qr_code_hash = $1::text
),
decided AS (
  SELECT CASE
           WHEN a.id IS NOT NULL THEN 'ACCEPTED'
           WHEN s.id IS NULL THEN 'NOT_FOUND'
           WHEN s.event_id <> ev.id THEN 'WRONG_EVENT'
           WHEN s.status IN ('USED', 'VALID') THEN 'ALREADY_USED'
           ELSE s.status
         END AS outcome,
         coalesce(a.id, s.id) AS ticket_id,
         a.id IS NULL AND s.status = 'VALID' AND s.event_id = ev.id AS raced,
         s.scanned_at AS seen_scanned_at
  FROM ev
  LEFT JOIN accepted AS a ON true
  LEFT JOIN seen AS s ON true
),
-- audit:begin
audited AS (
  INSERT INTO ticketz_console.audit_log (os_user, host, action, target, detail, outcome, duration_ms)
  SELECT $6::text, $7::text, 'ticket.validate', coalesce(d.ticket_id::text, left($3::text, 100)),
         format('%s · event %s · gate %s · staff %s · scanned %s', d.outcome, $2::uuid, $4::text, $5::text, left($3::text, 100)),
         'succeeded', 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())
  FROM decided AS d
),
-- audit:end
logged AS (
  INSERT INTO ticketing.ticket_validations (ticket_id, event_id, qr_code_hash, gate, staff, outcome)
  SELECT d.ticket_id, $2::uuid, $3::text, $4::text, $5::text, d.outcome
  FROM decided AS d
  RETURNING validated_at
)
SELECT d.outcome,
       d.raced,
       l.validated_at,
       t.id AS ticket_id,
       u.full_name AS attendee,
       sec.name AS section,
       sec.type AS section_type,
       st.row_label,
       st.number_label,
       tt.name AS tier,
       CASE WHEN d.outcome = 'ACCEPTED' THEN 'USED' ELSE t.status END AS ticket_status,
       d.seen_scanned_at AS first_scan_at,
       fs.gate AS first_scan_gate
FROM decided AS d
CROSS JOIN logged AS l
LEFT JOIN ticketing.tickets AS t
  ON t.id = d.ticket_id
 AND d.outcome IN ('ACCEPTED', 'ALREADY_USED', 'CANCELLED', 'REFUNDED')
LEFT JOIN ticketing.ticket_tiers AS tt ON tt.id = t.ticket_tier_id
LEFT JOIN ticketing.sections AS sec ON sec.id = tt.section_id
LEFT JOIN ticketing.seats AS st ON st.id = t.seat_id
LEFT JOIN ticketing.orders AS o ON o.id = t.order_id
LEFT JOIN ticketing.users AS u ON u.id = o.user_id
LEFT JOIN LATERAL (
  SELECT v.gate
  FROM ticketing.ticket_validations AS v
  WHERE v.ticket_id = d.ticket_id
    AND v.outcome = 'ACCEPTED'
  ORDER BY v.validated_at
  LIMIT 1
) AS fs ON d.outcome = 'ALREADY_USED';
