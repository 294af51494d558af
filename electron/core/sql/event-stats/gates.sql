/* ticketz-console */
-- Organizers: gate throughput: per gate, accepted and refused scans, first and last scan, and
-- accepted scans per minute over the gate's active span (at least one minute).
-- $1 event id.
SELECT /* ticketz-console */ v.gate,
       count(*) FILTER (WHERE v.outcome = 'ACCEPTED') AS accepted,
       count(*) FILTER (WHERE v.outcome <> 'ACCEPTED') AS refused,
       min(v.validated_at) AS first_at,
       max(v.validated_at) AS last_at,
       round((count(*) FILTER (WHERE v.outcome = 'ACCEPTED')
              / greatest(extract(epoch FROM max(v.validated_at) - min(v.validated_at)) / 60, 1))::numeric, 2)::float8 AS per_minute
FROM ticketing.ticket_validations AS v
WHERE v.event_id = $1::uuid
GROUP BY v.gate
ORDER BY accepted DESC, v.gate;
