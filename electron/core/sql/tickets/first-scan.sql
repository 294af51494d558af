/* ticketz-console */
-- When and at which gate a ticket was first accepted. Used after a scan lost a race to a
-- concurrent one: this new statement's snapshot sees the winner's commit.
-- $1 ticket id.
SELECT /* ticketz-console */ t.scanned_at,
       (SELECT v.gate
        FROM ticketing.ticket_validations AS v
        WHERE v.ticket_id = t.id
          AND v.outcome = 'ACCEPTED'
        ORDER BY v.validated_at
        LIMIT 1) AS gate
FROM ticketing.tickets AS t
WHERE t.id = $1::uuid;
