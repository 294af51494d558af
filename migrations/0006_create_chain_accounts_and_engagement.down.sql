-- 0006_create_chain_accounts_and_engagement (down): drops exactly what the up created, in reverse order.

SET lock_timeout = '5s';

DROP TABLE chain.country_change_events;
DROP TABLE chain.chain_rules;
DROP TABLE chain.user_badges;
DROP TABLE chain.badges;
DROP TABLE chain.notifications;
DROP TABLE chain.device_tokens;
DROP TABLE chain.password_reset_tokens;
DROP TABLE chain.email_verification_tokens;
DROP TABLE chain.magic_link_tokens;
DROP TABLE chain.auth_sessions;
