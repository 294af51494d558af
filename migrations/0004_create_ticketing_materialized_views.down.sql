-- 0004_create_ticketing_materialized_views (down): drops exactly what the up created, in reverse order.

SET lock_timeout = '5s';

DROP MATERIALIZED VIEW ticketing.event_stats;
DROP MATERIALIZED VIEW ticketing.section_availability;
