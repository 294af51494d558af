/* ticketz-console */
-- Support: the gate scan history of each ticket of an order, newest first, at most 50 per ticket
-- (seed 001 index #7, idx_ticket_validations_ticket). eventTitle = the event whose gate scanned it.
-- $1 order id.
SELECT /* ticketz-console */ t.id AS ticket_id,
       v.validated_at,
       v.gate,
       v.staff,
       v.outcome,
       e.title AS event_title
FROM ticketing.tickets AS t
CROSS JOIN LATERAL (
  SELECT x.validated_at, x.gate, x.staff, x.outcome, x.event_id
  FROM ticketing.ticket_validations AS x
  WHERE x.ticket_id = t.id
  ORDER BY x.validated_at DESC
  LIMIT 50
) AS v
JOIN ticketing.events AS e ON e.id = v.event_id
WHERE t.order_id = $1::uuid
ORDER BY t.id, v.validated_at DESC;
