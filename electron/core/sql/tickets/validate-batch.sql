/* ticketz-console */
-- Gate scans that arrived together, in ONE statement: one round trip and one commit for the
-- group (validate.sql is the same logic for one scan; the rules and their sources are there).
-- The caller only sends scans of tickets that no other statement of this process is scanning,
-- and answers each scan only after this statement has committed.
--
-- scans:    the batch, one row per scan, numbered in arrival order (ord).
-- firsts:   the earliest scan of each (ticket, event) in the batch; only it competes for the
--           ticket, so a ticket scanned twice in one batch is accepted once, for the earlier scan.
-- accepted: the seed's gate UPDATE over the batch; returns a row only for scans that win.
-- seen:     the batch's tickets as this statement's snapshot sees them.
-- decided:  per scan, the outcome (NULL when its event does not exist: the caller reports it
--           and nothing is logged). A later scan of a ticket this batch accepted is
--           ALREADY_USED, with the winner's time and gate.
-- logged:   one validation row per scan, committed together with the UPDATE.
-- audited:  one audit entry per scan, in the same commit (as in validate.sql; cut out the same way).
-- $1 qr_code_hash[] (64 lowercase hex), $2 event id[], $3 raw input[], $4 gate[], $5 staff[],
-- $6 OS user and $7 host of the console (audit only).
WITH /* ticketz-console */ scans AS (
  SELECT s.ord, s.hash, s.event_id, s.raw, s.gate, s.staff
  FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[])
       WITH ORDINALITY AS s (hash, event_id, raw, gate, staff, ord)
),
firsts AS (
  SELECT DISTINCT ON (sc.hash, sc.event_id) sc.ord, sc.hash, sc.event_id
  FROM scans AS sc
  ORDER BY sc.hash, sc.event_id, sc.ord
),
accepted AS (
  UPDATE ticketing.tickets AS t
  SET status = 'USED',
      scanned_at = now()
  FROM firsts AS f
  WHERE t.qr_code_hash = f.hash
    AND t.event_id = f.event_id
    AND t.status = 'VALID'
  RETURNING f.ord, t.id, t.scanned_at
),
seen AS (
  SELECT t.id, t.qr_code_hash, t.event_id, t.status, t.scanned_at
  FROM ticketing.tickets AS t
  WHERE t.qr_code_hash = ANY ($1::text[])
),
decided AS (
  SELECT sc.ord,
         sc.event_id,
         sc.raw,
         sc.gate,
         sc.staff,
         CASE
           WHEN ev.id IS NULL THEN NULL
           WHEN a.id IS NOT NULL THEN 'ACCEPTED'
           WHEN s.id IS NULL THEN 'NOT_FOUND'
           WHEN s.event_id <> sc.event_id THEN 'WRONG_EVENT'
           WHEN s.status IN ('USED', 'VALID') THEN 'ALREADY_USED'
           ELSE s.status
         END AS outcome,
         coalesce(a.id, s.id) AS ticket_id,
         a.id IS NULL AND w.id IS NULL AND s.status = 'VALID' AND s.event_id = sc.event_id AS raced,
         w.id IS NOT NULL AS lost_in_batch,
         coalesce(w.scanned_at, s.scanned_at) AS seen_scanned_at,
         winner.gate AS batch_winner_gate
  FROM scans AS sc
  LEFT JOIN ticketing.events AS ev ON ev.id = sc.event_id
  LEFT JOIN accepted AS a ON a.ord = sc.ord
  LEFT JOIN seen AS s ON s.qr_code_hash = sc.hash
  LEFT JOIN accepted AS w ON w.id = s.id AND w.ord <> sc.ord
  LEFT JOIN scans AS winner ON winner.ord = w.ord
),
-- audit:begin
audited AS (
  INSERT INTO ticketz_console.audit_log (os_user, host, action, target, detail, outcome, duration_ms)
  SELECT $6::text, $7::text, 'ticket.validate', coalesce(d.ticket_id::text, left(d.raw, 100)),
         format('%s · event %s · gate %s · staff %s · scanned %s', d.outcome, d.event_id, d.gate, d.staff, left(d.raw, 100)),
         'succeeded', 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())
  FROM decided AS d
  WHERE d.outcome IS NOT NULL
),
-- audit:end
logged AS (
  INSERT INTO ticketing.ticket_validations (ticket_id, event_id, qr_code_hash, gate, staff, outcome)
  SELECT d.ticket_id, d.event_id, d.raw, d.gate, d.staff, d.outcome
  FROM decided AS d
  WHERE d.outcome IS NOT NULL
  ORDER BY d.ord
  RETURNING validated_at
)
SELECT d.ord::int AS ord,
       d.outcome,
       d.raced,
       (SELECT max(l.validated_at) FROM logged AS l) AS validated_at,
       t.id AS ticket_id,
       u.full_name AS attendee,
       sec.name AS section,
       sec.type AS section_type,
       st.row_label,
       st.number_label,
       tt.name AS tier,
       CASE WHEN d.outcome = 'ACCEPTED' OR d.lost_in_batch THEN 'USED' ELSE t.status END AS ticket_status,
       d.seen_scanned_at AS first_scan_at,
       coalesce(d.batch_winner_gate, fs.gate) AS first_scan_gate
FROM decided AS d
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
) AS fs ON d.outcome = 'ALREADY_USED' AND NOT d.lost_in_batch
ORDER BY d.ord;
