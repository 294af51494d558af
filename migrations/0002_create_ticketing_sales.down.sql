-- 0002_create_ticketing_sales (down): drops exactly what the up created, in reverse order
-- (each table's indexes, constraints and triggers go with it).

SET lock_timeout = '5s';

DROP TABLE ticketing.ticket_validations;
DROP TABLE ticketing.tickets;
DROP TABLE ticketing.orders;
DROP TABLE ticketing.users;
DROP TABLE ticketing.ticket_tiers;
DROP TABLE ticketing.event_sections;
DROP TABLE ticketing.events;
