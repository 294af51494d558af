/* ticketz-console */
-- Records a scan whose input is not a ticket code (INVALID_INPUT): the validation log keeps every
-- attempt (seed 001, ticket_validations), and the console's audit log too, in the same commit
-- (the audited CTE is cut out as in validate.sql when the role cannot write the audit table).
-- Returns no row when the event does not exist.
-- $1 event id, $2 the raw input as scanned (bounded), $3 gate, $4 staff, $5 OS user, $6 host.
WITH /* ticketz-console */ ev AS (
  SELECT e.id
  FROM ticketing.events AS e
  WHERE e.id = $1::uuid
),
-- audit:begin
audited AS (
  INSERT INTO ticketz_console.audit_log (os_user, host, action, target, detail, outcome, duration_ms)
  SELECT $5::text, $6::text, 'ticket.validate', left($2::text, 100),
         format('INVALID_INPUT · event %s · gate %s · staff %s · scanned %s', ev.id, $3::text, $4::text, left($2::text, 100)),
         'succeeded', 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())
  FROM ev
),
-- audit:end
logged AS (
  INSERT INTO ticketing.ticket_validations (ticket_id, event_id, qr_code_hash, gate, staff, outcome)
  SELECT NULL, ev.id, $2::text, $3::text, $4::text, 'INVALID_INPUT'
  FROM ev
  RETURNING validated_at
)
SELECT validated_at FROM logged;
