/* ticketz-console */
-- Seat map of a numbered section for an event: every seat with its position and whether it is
-- still available. Source: seed 001 "Critical Queries" 1 (get available seats in a section): the
-- same NOT EXISTS, returned as a flag per seat instead of a filter; served by idx_seats_position /
-- uq_seats_section_row_number and the partial unique index uq_tickets_event_seat_live.
-- $1 event id, $2 section id.
SELECT s.id,
       s.row_label,
       s.number_label,
       s.x_position::float8 AS x,
       s.y_position::float8 AS y,
       s.is_accessible,
       NOT EXISTS (
         SELECT 1
         FROM ticketing.tickets AS t
         WHERE t.seat_id = s.id
           AND t.event_id = $1::uuid
           AND t.status IN ('VALID', 'USED')
       ) AS available
FROM ticketing.seats AS s
WHERE s.section_id = $2::uuid
  AND s.deleted = false
ORDER BY s.row_label, s.number_label;
