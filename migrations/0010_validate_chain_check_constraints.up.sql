-- 0010_validate_chain_check_constraints (up)
-- Purpose: second step of the NOT VALID pattern: validate the CHECK constraints added by 0009.
--          VALIDATE CONSTRAINT scans the table under SHARE UPDATE EXCLUSIVE (reads and writes go on).
--          If existing rows violate a constraint this fails and names it; fix the data, then re-run.
-- Source:  seed 000 Risk Assessment "Constraint violation on existing data: pre-validate data,
--          create constraints NOT VALID first".

SET lock_timeout = '5s';

ALTER TABLE chain.tickets VALIDATE CONSTRAINT chk_tickets_expires_after_issued;
ALTER TABLE chain.tickets VALIDATE CONSTRAINT chk_tickets_attempt_number;
ALTER TABLE chain.users VALIDATE CONSTRAINT chk_users_country_code;
ALTER TABLE chain.country_change_events VALIDATE CONSTRAINT chk_country_change_events_codes;
ALTER TABLE chain.notifications VALIDATE CONSTRAINT chk_notifications_priority;
ALTER TABLE chain.notifications VALIDATE CONSTRAINT chk_notifications_channel;
ALTER TABLE chain.device_tokens VALIDATE CONSTRAINT chk_device_tokens_platform;
ALTER TABLE chain.auth_sessions VALIDATE CONSTRAINT chk_auth_sessions_expiry;
ALTER TABLE chain.magic_link_tokens VALIDATE CONSTRAINT chk_magic_link_tokens_expiry;
ALTER TABLE chain.email_verification_tokens VALIDATE CONSTRAINT chk_email_verification_tokens_expiry;
ALTER TABLE chain.password_reset_tokens VALIDATE CONSTRAINT chk_password_reset_tokens_expiry;
