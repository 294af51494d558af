-- 0009_add_chain_check_constraints (up)
-- Purpose: the seed's V3__Add_Check_Constraints, added NOT VALID: new and updated rows are checked at
--          once, existing rows are not scanned, so the ACCESS EXCLUSIVE lock of ADD CONSTRAINT is brief.
--          0010 then validates them (SHARE UPDATE EXCLUSIVE lock: reads and writes continue).
--          Keeping the two steps in separate migrations (transactions) is the point of the pattern:
--          validating in the same transaction would hold the ACCESS EXCLUSIVE lock for the whole scan.
-- Source:  seed 000 Phase 1 "V3__Add_Check_Constraints": ticket dates (expires_at > issued_at), country
--          codes (ISO 3166-1 alpha-2 format: two upper-case letters), enum values (priority, channel,
--          platform), attempt number bounds; Risk Assessment "create constraints NOT VALID first".

SET lock_timeout = '5s';

ALTER TABLE chain.tickets
  ADD CONSTRAINT chk_tickets_expires_after_issued CHECK (expires_at > issued_at) NOT VALID,
  ADD CONSTRAINT chk_tickets_attempt_number CHECK (attempt_number BETWEEN 1 AND 3) NOT VALID;

ALTER TABLE chain.users
  ADD CONSTRAINT chk_users_country_code CHECK (country_code ~ '^[A-Z]{2}$') NOT VALID;

ALTER TABLE chain.country_change_events
  ADD CONSTRAINT chk_country_change_events_codes CHECK (
    new_country_code ~ '^[A-Z]{2}$'
    AND (old_country_code IS NULL OR old_country_code ~ '^[A-Z]{2}$')
    AND old_country_code IS DISTINCT FROM new_country_code) NOT VALID;

ALTER TABLE chain.notifications
  ADD CONSTRAINT chk_notifications_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')) NOT VALID,
  ADD CONSTRAINT chk_notifications_channel CHECK (channel IN ('IN_APP', 'EMAIL', 'PUSH', 'SMS')) NOT VALID;

ALTER TABLE chain.device_tokens
  ADD CONSTRAINT chk_device_tokens_platform CHECK (platform IN ('IOS', 'ANDROID', 'WEB')) NOT VALID;

ALTER TABLE chain.auth_sessions
  ADD CONSTRAINT chk_auth_sessions_expiry CHECK (expires_at > created_at) NOT VALID;
ALTER TABLE chain.magic_link_tokens
  ADD CONSTRAINT chk_magic_link_tokens_expiry CHECK (expires_at > created_at) NOT VALID;
ALTER TABLE chain.email_verification_tokens
  ADD CONSTRAINT chk_email_verification_tokens_expiry CHECK (expires_at > created_at) NOT VALID;
ALTER TABLE chain.password_reset_tokens
  ADD CONSTRAINT chk_password_reset_tokens_expiry CHECK (expires_at > created_at) NOT VALID;
