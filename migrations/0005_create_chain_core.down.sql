-- 0005_create_chain_core (down): drops exactly what the up created, in reverse order
-- (triggers, indexes and constraints go with their tables).

SET lock_timeout = '5s';

DROP TABLE chain.invitations;
DROP TABLE chain.attachments;
DROP TABLE chain.tickets;
DROP TABLE chain.users;
DROP FUNCTION chain.tg_attachments_immutable();
DROP FUNCTION chain.tg_attachments_set_depth();
DROP FUNCTION chain.tg_touch_updated_at();
DROP SCHEMA chain;
