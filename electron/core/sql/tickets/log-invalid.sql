/* ticketz-console */
-- Records a scan whose input is not a ticket code (INVALID_INPUT): the validation log keeps every
-- attempt (seed 001, ticket_validations). Returns no row when the event does not exist.
-- $1 event id, $2 the raw input as scanned (bounded), $3 gate, $4 staff.
INSERT /* ticketz-console */ INTO ticketing.ticket_validations (ticket_id, event_id, qr_code_hash, gate, staff, outcome)
SELECT NULL, e.id, $2::text, $3::text, $4::text, 'INVALID_INPUT'
FROM ticketing.events AS e
WHERE e.id = $1::uuid
RETURNING validated_at;
