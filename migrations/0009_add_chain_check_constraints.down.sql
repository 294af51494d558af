-- 0009_add_chain_check_constraints (down): drops exactly what the up added, in reverse order.

SET lock_timeout = '5s';

ALTER TABLE chain.password_reset_tokens DROP CONSTRAINT chk_password_reset_tokens_expiry;
ALTER TABLE chain.email_verification_tokens DROP CONSTRAINT chk_email_verification_tokens_expiry;
ALTER TABLE chain.magic_link_tokens DROP CONSTRAINT chk_magic_link_tokens_expiry;
ALTER TABLE chain.auth_sessions DROP CONSTRAINT chk_auth_sessions_expiry;
ALTER TABLE chain.device_tokens DROP CONSTRAINT chk_device_tokens_platform;
ALTER TABLE chain.notifications
  DROP CONSTRAINT chk_notifications_channel,
  DROP CONSTRAINT chk_notifications_priority;
ALTER TABLE chain.country_change_events DROP CONSTRAINT chk_country_change_events_codes;
ALTER TABLE chain.users DROP CONSTRAINT chk_users_country_code;
ALTER TABLE chain.tickets
  DROP CONSTRAINT chk_tickets_attempt_number,
  DROP CONSTRAINT chk_tickets_expires_after_issued;
