-- 0010_validate_chain_check_constraints (down)
-- A validated constraint cannot be marked NOT VALID again, so each one is dropped and re-added
-- NOT VALID with the identical definition: the catalog is back to the state after 0009 (in reverse order).

SET lock_timeout = '5s';

ALTER TABLE chain.password_reset_tokens
  DROP CONSTRAINT chk_password_reset_tokens_expiry,
  ADD CONSTRAINT chk_password_reset_tokens_expiry CHECK (expires_at > created_at) NOT VALID;
ALTER TABLE chain.email_verification_tokens
  DROP CONSTRAINT chk_email_verification_tokens_expiry,
  ADD CONSTRAINT chk_email_verification_tokens_expiry CHECK (expires_at > created_at) NOT VALID;
ALTER TABLE chain.magic_link_tokens
  DROP CONSTRAINT chk_magic_link_tokens_expiry,
  ADD CONSTRAINT chk_magic_link_tokens_expiry CHECK (expires_at > created_at) NOT VALID;
ALTER TABLE chain.auth_sessions
  DROP CONSTRAINT chk_auth_sessions_expiry,
  ADD CONSTRAINT chk_auth_sessions_expiry CHECK (expires_at > created_at) NOT VALID;
ALTER TABLE chain.device_tokens
  DROP CONSTRAINT chk_device_tokens_platform,
  ADD CONSTRAINT chk_device_tokens_platform CHECK (platform IN ('IOS', 'ANDROID', 'WEB')) NOT VALID;
ALTER TABLE chain.notifications
  DROP CONSTRAINT chk_notifications_channel,
  ADD CONSTRAINT chk_notifications_channel CHECK (channel IN ('IN_APP', 'EMAIL', 'PUSH', 'SMS')) NOT VALID;
ALTER TABLE chain.notifications
  DROP CONSTRAINT chk_notifications_priority,
  ADD CONSTRAINT chk_notifications_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')) NOT VALID;
ALTER TABLE chain.country_change_events
  DROP CONSTRAINT chk_country_change_events_codes,
  ADD CONSTRAINT chk_country_change_events_codes CHECK (
    new_country_code ~ '^[A-Z]{2}$'
    AND (old_country_code IS NULL OR old_country_code ~ '^[A-Z]{2}$')
    AND old_country_code IS DISTINCT FROM new_country_code) NOT VALID;
ALTER TABLE chain.users
  DROP CONSTRAINT chk_users_country_code,
  ADD CONSTRAINT chk_users_country_code CHECK (country_code ~ '^[A-Z]{2}$') NOT VALID;
ALTER TABLE chain.tickets
  DROP CONSTRAINT chk_tickets_attempt_number,
  ADD CONSTRAINT chk_tickets_attempt_number CHECK (attempt_number BETWEEN 1 AND 3) NOT VALID;
ALTER TABLE chain.tickets
  DROP CONSTRAINT chk_tickets_expires_after_issued,
  ADD CONSTRAINT chk_tickets_expires_after_issued CHECK (expires_at > issued_at) NOT VALID;
