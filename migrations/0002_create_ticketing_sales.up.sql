-- 0002_create_ticketing_sales (up)
-- Purpose: the event and commerce layers of `ticketing`: events, event_sections, ticket_tiers, users,
--          orders, tickets (entry passes with a QR code) and ticket_validations (gate scan log).
-- Source:  seed 001 "Event Layer (Temporal Instance)", "Commerce Flow", "Critical Queries" 1-5 and
--          "Unique Constraints at DB Level" (no double booking). Seed 001 indexes #2, #3, #4 and #7 of
--          "High-Concurrency Indexes" live here because they also back foreign keys.
-- Notes:   * Money is numeric(12,2); statuses are text + CHECK.
--          * Double booking: the seed's UNIQUE(event_id, seat_id) would forbid reselling a seat whose
--            ticket was CANCELLED/REFUNDED, so it is a partial unique index over live tickets instead.
--          * The gate statement `UPDATE ticketing.tickets SET status = 'USED', scanned_at = now()
--            WHERE qr_code_hash = $1 AND event_id = $2 AND status = 'VALID'` is served by the unique
--            index of uq_tickets_qr_code_hash (seed index #6 would duplicate it, so it is not created).
--          * Every foreign key is backed by a non-partial index whose leading columns are the FK columns.

SET lock_timeout = '5s';

CREATE TABLE ticketing.events (
  id              uuid        NOT NULL DEFAULT gen_random_uuid(),
  organization_id uuid        NOT NULL,
  venue_id        uuid        NOT NULL,
  title           text        NOT NULL,
  description     text,
  status          text        NOT NULL DEFAULT 'DRAFT',
  start_time      timestamptz NOT NULL,
  end_time        timestamptz,
  deleted         boolean     NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_pkey PRIMARY KEY (id),
  CONSTRAINT fk_events_organization FOREIGN KEY (organization_id) REFERENCES ticketing.organizations (id),
  CONSTRAINT fk_events_venue FOREIGN KEY (venue_id) REFERENCES ticketing.venues (id),
  CONSTRAINT chk_events_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')),
  CONSTRAINT chk_events_title CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  CONSTRAINT chk_events_end_after_start CHECK (end_time IS NULL OR end_time > start_time)
);
COMMENT ON TABLE ticketing.events IS 'A concert/match on a date at a venue; activates some of the venue''s sections.';

-- Seed index #4 (admin dashboard event filtering). Not partial (the seed has WHERE deleted = false)
-- so that it also backs fk_events_organization; soft-deleted events are few.
CREATE INDEX idx_events_org_status ON ticketing.events (organization_id, status, start_time);
CREATE INDEX idx_events_venue_start ON ticketing.events (venue_id, start_time);

CREATE TABLE ticketing.event_sections (
  id              uuid        NOT NULL DEFAULT gen_random_uuid(),
  event_id        uuid        NOT NULL,
  section_id      uuid        NOT NULL,
  is_active       boolean     NOT NULL DEFAULT true,
  custom_capacity integer,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_sections_pkey PRIMARY KEY (id),
  CONSTRAINT fk_event_sections_event FOREIGN KEY (event_id) REFERENCES ticketing.events (id),
  CONSTRAINT fk_event_sections_section FOREIGN KEY (section_id) REFERENCES ticketing.sections (id),
  CONSTRAINT uq_event_sections_event_section UNIQUE (event_id, section_id),
  CONSTRAINT chk_event_sections_custom_capacity CHECK (custom_capacity IS NULL OR custom_capacity > 0)
);
COMMENT ON TABLE ticketing.event_sections IS 'Which sections an event opens, with an optional per-event capacity override.';
CREATE INDEX idx_event_sections_section ON ticketing.event_sections (section_id);

CREATE TABLE ticketing.ticket_tiers (
  id         uuid          NOT NULL DEFAULT gen_random_uuid(),
  event_id   uuid          NOT NULL,
  section_id uuid          NOT NULL,
  name       text          NOT NULL,
  price      numeric(12,2) NOT NULL,
  deleted    boolean       NOT NULL DEFAULT false,
  created_at timestamptz   NOT NULL DEFAULT now(),
  updated_at timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT ticket_tiers_pkey PRIMARY KEY (id),
  -- A tier prices a section the event has configured (stronger than two separate FKs).
  CONSTRAINT fk_ticket_tiers_event_section FOREIGN KEY (event_id, section_id)
    REFERENCES ticketing.event_sections (event_id, section_id),
  CONSTRAINT uq_ticket_tiers_event_section_name UNIQUE (event_id, section_id, name),
  CONSTRAINT chk_ticket_tiers_price CHECK (price >= 0),
  CONSTRAINT chk_ticket_tiers_name CHECK (length(btrim(name)) BETWEEN 1 AND 100)
);
COMMENT ON TABLE ticketing.ticket_tiers IS 'Price of a section for an event (Early Bird, Regular, VIP...).';

CREATE TABLE ticketing.users (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  email      text        NOT NULL,
  full_name  text        NOT NULL,
  phone      text,
  deleted    boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT chk_users_email CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(email) <= 320),
  CONSTRAINT chk_users_full_name CHECK (length(btrim(full_name)) BETWEEN 1 AND 200)
);
COMMENT ON TABLE ticketing.users IS 'Ticket buyers (customers).';
-- Emails are unique case-insensitively; also serves support lookups by `lower(email) = lower($1)`.
CREATE UNIQUE INDEX uq_users_email_lower ON ticketing.users (lower(email));

CREATE TABLE ticketing.orders (
  id                uuid          NOT NULL DEFAULT gen_random_uuid(),
  user_id           uuid          NOT NULL,
  event_id          uuid          NOT NULL,
  status            text          NOT NULL DEFAULT 'PENDING',
  total_amount      numeric(12,2) NOT NULL,
  platform_fee      numeric(12,2) NOT NULL,
  net_amount        numeric(12,2) NOT NULL,
  currency          text          NOT NULL DEFAULT 'EUR',
  payment_intent_id text,
  paid_at           timestamptz,
  created_at        timestamptz   NOT NULL DEFAULT now(),
  updated_at        timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT orders_pkey PRIMARY KEY (id),
  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES ticketing.users (id),
  CONSTRAINT fk_orders_event FOREIGN KEY (event_id) REFERENCES ticketing.events (id),
  CONSTRAINT uq_orders_payment_intent UNIQUE (payment_intent_id),
  CONSTRAINT chk_orders_status CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'REFUNDED')),
  CONSTRAINT chk_orders_amounts CHECK (total_amount >= 0 AND platform_fee >= 0 AND platform_fee <= total_amount),
  CONSTRAINT chk_orders_net_amount CHECK (net_amount = total_amount - platform_fee),
  CONSTRAINT chk_orders_currency CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT chk_orders_paid_at CHECK (status NOT IN ('PAID', 'REFUNDED') OR paid_at IS NOT NULL)
);
COMMENT ON TABLE ticketing.orders IS 'A purchase: PENDING -> PAID | FAILED, PAID -> REFUNDED. total = sum of its ticket prices.';
-- Seed index #3 ("My Tickets" order history); backs fk_orders_user.
CREATE INDEX idx_orders_user_status ON ticketing.orders (user_id, status, created_at DESC);
-- Backs fk_orders_event; serves per-event revenue (event_stats).
CREATE INDEX idx_orders_event_status ON ticketing.orders (event_id, status);

CREATE TABLE ticketing.tickets (
  id             uuid          NOT NULL DEFAULT gen_random_uuid(),
  event_id       uuid          NOT NULL,
  order_id       uuid          NOT NULL,
  seat_id        uuid,
  ticket_tier_id uuid          NOT NULL,
  price          numeric(12,2) NOT NULL,
  qr_code_hash   text          NOT NULL,
  status         text          NOT NULL DEFAULT 'VALID',
  scanned_at     timestamptz,
  created_at     timestamptz   NOT NULL DEFAULT now(),
  updated_at     timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT tickets_pkey PRIMARY KEY (id),
  CONSTRAINT fk_tickets_event FOREIGN KEY (event_id) REFERENCES ticketing.events (id),
  CONSTRAINT fk_tickets_order FOREIGN KEY (order_id) REFERENCES ticketing.orders (id),
  CONSTRAINT fk_tickets_seat FOREIGN KEY (seat_id) REFERENCES ticketing.seats (id),
  CONSTRAINT fk_tickets_ticket_tier FOREIGN KEY (ticket_tier_id) REFERENCES ticketing.ticket_tiers (id),
  -- The gate's critical path: one index probe per scan.
  CONSTRAINT uq_tickets_qr_code_hash UNIQUE (qr_code_hash),
  CONSTRAINT chk_tickets_status CHECK (status IN ('VALID', 'USED', 'CANCELLED', 'REFUNDED')),
  CONSTRAINT chk_tickets_qr_code_hash CHECK (length(qr_code_hash) = 64 AND qr_code_hash !~ '[^0-9a-f]'),
  CONSTRAINT chk_tickets_price CHECK (price >= 0),
  CONSTRAINT chk_tickets_used_scanned CHECK (status <> 'USED' OR scanned_at IS NOT NULL)
);
COMMENT ON TABLE ticketing.tickets IS 'Entry pass: a seat (NUMBERED) or just a tier (GENERAL); qr_code_hash = hex SHA-256 of the QR payload.';
COMMENT ON COLUMN ticketing.tickets.price IS 'Price paid for this ticket (snapshot of the tier price at purchase).';
-- Seed: "Prevent double-booking". Partial so that a CANCELLED/REFUNDED seat can be sold again.
CREATE UNIQUE INDEX uq_tickets_event_seat_live ON ticketing.tickets (event_id, seat_id)
  WHERE seat_id IS NOT NULL AND status IN ('VALID', 'USED');
-- Seed index #2 (availability checks). Not partial (the seed has WHERE status IN ('VALID','USED'))
-- so that it also backs fk_tickets_event.
CREATE INDEX idx_tickets_event_status ON ticketing.tickets (event_id, status);
CREATE INDEX idx_tickets_order ON ticketing.tickets (order_id);
CREATE INDEX idx_tickets_seat ON ticketing.tickets (seat_id);
CREATE INDEX idx_tickets_tier_status ON ticketing.tickets (ticket_tier_id, status);

CREATE TABLE ticketing.ticket_validations (
  id           uuid        NOT NULL DEFAULT gen_random_uuid(),
  ticket_id    uuid,
  event_id     uuid        NOT NULL,
  qr_code_hash text        NOT NULL,
  gate         text        NOT NULL,
  staff        text        NOT NULL,
  outcome      text        NOT NULL,
  validated_at timestamptz NOT NULL DEFAULT now(),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ticket_validations_pkey PRIMARY KEY (id),
  -- The log outlives a (rare) hard delete of its ticket.
  CONSTRAINT fk_ticket_validations_ticket FOREIGN KEY (ticket_id) REFERENCES ticketing.tickets (id) ON DELETE SET NULL,
  CONSTRAINT fk_ticket_validations_event FOREIGN KEY (event_id) REFERENCES ticketing.events (id),
  CONSTRAINT chk_ticket_validations_outcome CHECK (outcome IN
    ('ACCEPTED', 'ALREADY_USED', 'WRONG_EVENT', 'CANCELLED', 'REFUNDED', 'NOT_FOUND', 'INVALID_INPUT')),
  CONSTRAINT chk_ticket_validations_no_ticket CHECK (outcome NOT IN ('NOT_FOUND', 'INVALID_INPUT') OR ticket_id IS NULL),
  CONSTRAINT chk_ticket_validations_qr_code_hash CHECK (length(qr_code_hash) <= 512),
  CONSTRAINT chk_ticket_validations_gate CHECK (length(btrim(gate)) BETWEEN 1 AND 100),
  CONSTRAINT chk_ticket_validations_staff CHECK (length(btrim(staff)) BETWEEN 1 AND 100)
);
COMMENT ON TABLE ticketing.ticket_validations IS 'Every gate scan and its outcome (append-only log; qr_code_hash is the raw scanned input).';
-- Seed index #7 (audit trail of a ticket); backs fk_ticket_validations_ticket.
CREATE INDEX idx_ticket_validations_ticket ON ticketing.ticket_validations (ticket_id, validated_at DESC);
-- Backs fk_ticket_validations_event; serves the live check-in view of an event.
CREATE INDEX idx_ticket_validations_event ON ticketing.ticket_validations (event_id, validated_at);

CREATE TRIGGER trg_events_touch BEFORE UPDATE ON ticketing.events
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_event_sections_touch BEFORE UPDATE ON ticketing.event_sections
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_ticket_tiers_touch BEFORE UPDATE ON ticketing.ticket_tiers
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_users_touch BEFORE UPDATE ON ticketing.users
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_orders_touch BEFORE UPDATE ON ticketing.orders
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_tickets_touch BEFORE UPDATE ON ticketing.tickets
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_ticket_validations_touch BEFORE UPDATE ON ticketing.ticket_validations
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
