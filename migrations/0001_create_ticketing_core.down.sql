-- 0001_create_ticketing_core (down): drops exactly what the up created, in reverse order.

SET lock_timeout = '5s';

DROP TABLE ticketing.seats;
DROP TABLE ticketing.sections;
DROP TABLE ticketing.venues;
DROP TABLE ticketing.organizations;
DROP FUNCTION ticketing.tg_touch_updated_at();
DROP SCHEMA ticketing;
