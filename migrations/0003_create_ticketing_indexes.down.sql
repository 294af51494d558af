-- 0003_create_ticketing_indexes (down): drops exactly what the up created, in reverse order.
-- pg_trgm is dropped only when the up created it (marker comment), and RESTRICT: it fails rather than
-- drop objects of someone else that came to depend on it.

SET lock_timeout = '5s';

DROP INDEX ticketing.idx_tickets_created_at;
DROP INDEX ticketing.idx_orders_id_text;
DROP INDEX ticketing.idx_users_full_name_trgm;
DROP INDEX ticketing.idx_event_sections_event;
DROP INDEX ticketing.idx_seats_position;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension AS e
             WHERE e.extname = 'pg_trgm'
               AND pg_catalog.obj_description(e.oid, 'pg_extension') LIKE 'ticketz:0003 %') THEN
    DROP EXTENSION pg_trgm RESTRICT;
  END IF;
END
$$;
