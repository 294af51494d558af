-- 0006_create_chain_accounts_and_engagement (up)
-- Purpose: the remaining per-user tables of `chain`: authentication (auth_sessions, magic_link_tokens,
--          email_verification_tokens, password_reset_tokens, device_tokens), notifications (JSONB
--          metadata), badges/user_badges, chain_rules (versioned rules) and country_change_events.
-- Source:  seed 000 "Database Schema Objects": Authentication Tables 5-9, Feature Tables 10-13 and
--          country_change_events (15); V4__Add_Magic_Link_Auth. The seed's V3 enum checks (notification
--          priority/channel, device platform) and token expiry checks are added by 0009/0010.
-- Notes:   Tokens are stored hashed (token_hash), never in clear. Rows that only make sense with their
--          user (sessions, tokens, devices, notifications, badges earned, country history) are deleted
--          with it (ON DELETE CASCADE); users are normally soft-deleted (deleted_at) anyway.

SET lock_timeout = '5s';

CREATE TABLE chain.auth_sessions (
  id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id            uuid        NOT NULL,
  refresh_token_hash text        NOT NULL,
  user_agent         text,
  ip_address         inet,
  expires_at         timestamptz NOT NULL,
  last_used_at       timestamptz,
  revoked_at         timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT auth_sessions_pkey PRIMARY KEY (id),
  CONSTRAINT fk_auth_sessions_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE,
  CONSTRAINT uq_auth_sessions_refresh_token_hash UNIQUE (refresh_token_hash)
);
COMMENT ON TABLE chain.auth_sessions IS 'JWT refresh-token sessions.';
CREATE INDEX idx_auth_sessions_user ON chain.auth_sessions (user_id, expires_at);

CREATE TABLE chain.magic_link_tokens (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id    uuid,
  email      text        NOT NULL,
  token_hash text        NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT magic_link_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT fk_magic_link_tokens_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE,
  CONSTRAINT uq_magic_link_tokens_token_hash UNIQUE (token_hash)
);
COMMENT ON TABLE chain.magic_link_tokens IS 'Passwordless sign-in links (user_id is null for a sign-up by email).';
CREATE INDEX idx_magic_link_tokens_user ON chain.magic_link_tokens (user_id);

CREATE TABLE chain.email_verification_tokens (
  id          uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid        NOT NULL,
  email       text        NOT NULL,
  token_hash  text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  verified_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT email_verification_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT fk_email_verification_tokens_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE,
  CONSTRAINT uq_email_verification_tokens_token_hash UNIQUE (token_hash)
);
CREATE INDEX idx_email_verification_tokens_user ON chain.email_verification_tokens (user_id);

CREATE TABLE chain.password_reset_tokens (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id    uuid        NOT NULL,
  token_hash text        NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT password_reset_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT fk_password_reset_tokens_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE,
  CONSTRAINT uq_password_reset_tokens_token_hash UNIQUE (token_hash)
);
CREATE INDEX idx_password_reset_tokens_user ON chain.password_reset_tokens (user_id);

CREATE TABLE chain.device_tokens (
  id           uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id      uuid        NOT NULL,
  token        text        NOT NULL,
  platform     text        NOT NULL,
  last_seen_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT device_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT fk_device_tokens_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE,
  CONSTRAINT uq_device_tokens_token UNIQUE (token)
);
COMMENT ON TABLE chain.device_tokens IS 'Push notification tokens (APNs / FCM / Web Push).';
CREATE INDEX idx_device_tokens_user ON chain.device_tokens (user_id);

CREATE TABLE chain.notifications (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id    uuid        NOT NULL,
  type       text        NOT NULL,
  channel    text        NOT NULL DEFAULT 'IN_APP',
  priority   text        NOT NULL DEFAULT 'NORMAL',
  title      text        NOT NULL,
  body       text,
  metadata   jsonb       NOT NULL DEFAULT '{}'::jsonb,
  sent_at    timestamptz,
  read_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notifications_pkey PRIMARY KEY (id),
  CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE,
  CONSTRAINT chk_notifications_type CHECK (length(type) <= 64 AND type ~ '^[A-Z][A-Z0-9_]+$'),
  CONSTRAINT chk_notifications_metadata CHECK (jsonb_typeof(metadata) = 'object')
);
COMMENT ON TABLE chain.notifications IS 'Multi-channel notifications; metadata is free-form JSONB (GIN-indexed by 0008).';
CREATE INDEX idx_notifications_user_created ON chain.notifications (user_id, created_at DESC);

CREATE TABLE chain.badges (
  id          uuid        NOT NULL DEFAULT gen_random_uuid(),
  code        text        NOT NULL,
  name        text        NOT NULL,
  description text,
  criteria    jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT badges_pkey PRIMARY KEY (id),
  CONSTRAINT uq_badges_code UNIQUE (code),
  CONSTRAINT chk_badges_code CHECK (length(code) <= 64 AND code ~ '^[A-Z][A-Z0-9_]+$'),
  CONSTRAINT chk_badges_criteria CHECK (jsonb_typeof(criteria) = 'object')
);
COMMENT ON TABLE chain.badges IS 'Achievement definitions.';

CREATE TABLE chain.user_badges (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id    uuid        NOT NULL,
  badge_id   uuid        NOT NULL,
  awarded_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_badges_pkey PRIMARY KEY (id),
  CONSTRAINT fk_user_badges_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_badges_badge FOREIGN KEY (badge_id) REFERENCES chain.badges (id),
  CONSTRAINT uq_user_badges_user_badge UNIQUE (user_id, badge_id)
);
COMMENT ON TABLE chain.user_badges IS 'Badges earned by users (once each).';
CREATE INDEX idx_user_badges_badge ON chain.user_badges (badge_id);

CREATE TABLE chain.chain_rules (
  id             uuid        NOT NULL DEFAULT gen_random_uuid(),
  version        integer     NOT NULL,
  rules          jsonb       NOT NULL,
  description    text,
  effective_from timestamptz NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT chain_rules_pkey PRIMARY KEY (id),
  CONSTRAINT uq_chain_rules_version UNIQUE (version),
  CONSTRAINT chk_chain_rules_version CHECK (version > 0),
  CONSTRAINT chk_chain_rules_rules CHECK (jsonb_typeof(rules) = 'object')
);
COMMENT ON TABLE chain.chain_rules IS 'Versioned game rules (ticket lifetime, attempts...); the version with the latest effective_from <= now() applies.';

CREATE TABLE chain.country_change_events (
  id               uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id          uuid        NOT NULL,
  old_country_code text,
  new_country_code text        NOT NULL,
  reason           text,
  changed_at       timestamptz NOT NULL DEFAULT now(),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT country_change_events_pkey PRIMARY KEY (id),
  CONSTRAINT fk_country_change_events_user FOREIGN KEY (user_id) REFERENCES chain.users (id) ON DELETE CASCADE
);
COMMENT ON TABLE chain.country_change_events IS 'History of users.country_code changes.';
CREATE INDEX idx_country_change_events_user ON chain.country_change_events (user_id, changed_at DESC);

CREATE TRIGGER trg_auth_sessions_touch BEFORE UPDATE ON chain.auth_sessions
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_magic_link_tokens_touch BEFORE UPDATE ON chain.magic_link_tokens
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_email_verification_tokens_touch BEFORE UPDATE ON chain.email_verification_tokens
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_password_reset_tokens_touch BEFORE UPDATE ON chain.password_reset_tokens
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_device_tokens_touch BEFORE UPDATE ON chain.device_tokens
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_notifications_touch BEFORE UPDATE ON chain.notifications
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_badges_touch BEFORE UPDATE ON chain.badges
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_user_badges_touch BEFORE UPDATE ON chain.user_badges
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_chain_rules_touch BEFORE UPDATE ON chain.chain_rules
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
CREATE TRIGGER trg_country_change_events_touch BEFORE UPDATE ON chain.country_change_events
  FOR EACH ROW EXECUTE FUNCTION chain.tg_touch_updated_at();
