/* ticketz-console */
-- Support: the order holding a ticket, found by ticket id ($1, tickets_pkey) or QR hash
-- ($5, uq_tickets_qr_code_hash); either may be NULL. search.sql pages through it.
SELECT /* ticketz-console */ o.id,
       o.created_at
FROM ticketing.orders AS o
WHERE o.id IN (SELECT t.order_id
               FROM ticketing.tickets AS t
               WHERE t.id = $1::uuid
                  OR t.qr_code_hash = $5::text)
