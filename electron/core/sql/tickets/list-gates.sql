/* ticketz-console */
-- Gate names already used at an event, most scans first (ticket_validations, idx_ticket_validations_event).
-- $1 event id.
SELECT /* ticketz-console */ v.gate, count(*) AS scans
FROM ticketing.ticket_validations AS v
WHERE v.event_id = $1::uuid
GROUP BY v.gate
ORDER BY count(*) DESC, v.gate
LIMIT 50;
