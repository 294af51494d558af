/* ticketz-console */
-- Organizers: check-ins over time: ACCEPTED gate scans per bucket (idx_ticket_validations_event).
-- The bucket is the smallest "nice" width (1 min … 1 week) giving at most 48 buckets over the span;
-- date_bin (PG 14+) aligns buckets to the hour of the first scan. Empty buckets are not returned.
-- $1 event id.
WITH scans AS (
  SELECT v.validated_at
  FROM ticketing.ticket_validations AS v
  WHERE v.event_id = $1::uuid
    AND v.outcome = 'ACCEPTED'
),
span AS (
  SELECT min(validated_at) AS lo, extract(epoch FROM max(validated_at) - min(validated_at)) AS secs
  FROM scans
),
width AS (
  SELECT span.lo,
         coalesce((SELECT min(w)
                   FROM unnest(ARRAY[60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400, 604800]) AS w
                   WHERE w * 48 >= span.secs), 604800) AS bucket_seconds
  FROM span
)
SELECT w.bucket_seconds,
       date_bin(make_interval(secs => w.bucket_seconds), s.validated_at, date_trunc('hour', w.lo)) AS at,
       count(*) AS count
FROM scans AS s
CROSS JOIN width AS w
GROUP BY w.bucket_seconds, 2
ORDER BY 2;
