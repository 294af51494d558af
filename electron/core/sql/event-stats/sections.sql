/* ticketz-console */
-- Organizers: tickets sold vs capacity per section of the event's venue (section_availability,
-- materialized view of migrations/0004; uq_section_availability_event_section). $1 event id.
SELECT /* ticketz-console */ sa.section_id,
       sa.section_name,
       sa.section_type,
       sa.is_active,
       sa.capacity,
       sa.tickets_sold,
       sa.available
FROM ticketing.section_availability AS sa
WHERE sa.event_id = $1::uuid
ORDER BY sa.is_active DESC, sa.section_name;
