/* ticketz-console */
-- Organizers: check-ins over time: ACCEPTED gate scans per bucket (idx_ticket_validations_event).
-- Scans are first counted per minute (one pass), then the minutes are re-binned: the bucket is the
-- smallest "nice" width (1 min … 1 week) giving at most 48 buckets over the span, aligned to the
-- hour of the first scan (date_bin's arithmetic, written out: date_bin is PG 14+, this runs on 13). Both CTEs are MATERIALIZED so the width is
-- computed once, not per row. Empty buckets are not returned.
-- $1 event id.
WITH /* ticketz-console */ per_minute AS MATERIALIZED (
  SELECT date_trunc('minute', v.validated_at) AS minute,
         count(*) AS n
  FROM ticketing.ticket_validations AS v
  WHERE v.event_id = $1::uuid
    AND v.outcome = 'ACCEPTED'
  GROUP BY 1
),
span AS MATERIALIZED (
  SELECT min(minute) AS lo, extract(epoch FROM max(minute) - min(minute)) + 60 AS secs
  FROM per_minute
),
width AS MATERIALIZED (
  SELECT span.lo,
         coalesce((SELECT min(w)
                   FROM unnest(ARRAY[60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400, 604800]) AS w
                   WHERE w * 48 >= span.secs), 604800) AS bucket_seconds
  FROM span
)
SELECT w.bucket_seconds,
       date_trunc('hour', w.lo)
         + make_interval(secs => (floor(extract(epoch FROM m.minute - date_trunc('hour', w.lo)) / w.bucket_seconds)
                                  * w.bucket_seconds)::float8) AS at,
       sum(m.n)::int8 AS count
FROM per_minute AS m
CROSS JOIN width AS w
GROUP BY w.bucket_seconds, 2
ORDER BY 2;
