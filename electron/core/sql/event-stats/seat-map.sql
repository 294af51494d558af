/* ticketz-console */
-- Seat map of a numbered section for an event: every seat with its position and whether it is
-- still available. Source: seed 001 "Critical Queries" 1 (get available seats in a section), as a
-- flag per seat instead of a filter. Instead of the seed's NOT EXISTS probe per seat (1,000 index
-- look-ups for a 1,000-seat section), the event's sold seats are read once from the partial unique
-- index uq_tickets_event_seat_live (an index-only range scan) and hash-joined to the section's seats
-- (idx_seats_position): about 40 buffer reads instead of 2,000. At most one live ticket per seat
-- (that index), so the join adds no rows.
-- Ordered by position (y, then x, as float8): the map's reading order, row by row. Text labels
-- would put seat 10 before seat 2, and comparing the numeric columns themselves made the sort of
-- 1,000 seats 3-4x slower than comparing their float8 casts.
-- $1 event id, $2 section id.
SELECT /* ticketz-console */ s.id,
       s.row_label,
       s.number_label,
       s.x_position::float8 AS x,
       s.y_position::float8 AS y,
       s.is_accessible,
       sold.seat_id IS NULL AS available
FROM ticketing.seats AS s
LEFT JOIN (
  SELECT t.seat_id
  FROM ticketing.tickets AS t
  WHERE t.event_id = $1::uuid
    AND t.seat_id IS NOT NULL
    AND t.status IN ('VALID', 'USED')
) AS sold ON sold.seat_id = s.id
WHERE s.section_id = $2::uuid
  AND s.deleted = false
ORDER BY y, x;
