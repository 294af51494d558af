/* ticketz-console */
-- Support: the tickets of an order (idx_tickets_order) with section, seat, tier, status and scan time.
-- $1 order id.
SELECT /* ticketz-console */ t.id,
       t.qr_code_hash,
       sec.name AS section,
       st.row_label,
       st.number_label,
       tt.name AS tier,
       t.price,
       t.status,
       t.scanned_at
FROM ticketing.tickets AS t
JOIN ticketing.ticket_tiers AS tt ON tt.id = t.ticket_tier_id
JOIN ticketing.sections AS sec ON sec.id = tt.section_id
LEFT JOIN ticketing.seats AS st ON st.id = t.seat_id
WHERE t.order_id = $1::uuid
ORDER BY sec.name, st.row_label NULLS LAST, st.number_label, t.id;
