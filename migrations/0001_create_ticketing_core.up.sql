-- 0001_create_ticketing_core (up)
-- Purpose: the `ticketing` schema and its physical layer: organizations -> venues -> sections -> seats,
--          plus the shared `updated_at` trigger function of the schema.
-- Source:  seed 001 "Database Design Rules & Patterns": Core Principles 1-4 (UUID keys, soft deletes via
--          `deleted`, created_at/updated_at, unique constraints at DB level) and "Hierarchical Structure
--          (Physical Layer)". UUIDs come from gen_random_uuid() (core since PG 13), not uuid-ossp.
-- Notes:   Every foreign key is backed by an index created in this file (here: the leading columns of the
--          UNIQUE constraints (organization_id, name), (venue_id, name) and (section_id, row_label, number_label)).
--          Format CHECKs avoid large bounded repetitions ({n,m}) in regexes: PostgreSQL's regex engine
--          expands them into big automata (x ~ '^[0-9a-f]{64}$' costs ~25 us per row, about ten times
--          length(x) = 64 AND x !~ '[^0-9a-f]'), and a CHECK runs on every insert and update.

SET lock_timeout = '5s';

CREATE SCHEMA ticketing;
COMMENT ON SCHEMA ticketing IS 'Event ticketing (seed 001): venues, seats, events, orders and entry tickets with QR codes.';

-- Keeps updated_at honest on every UPDATE; attached to each table of the schema.
CREATE FUNCTION ticketing.tg_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE TABLE ticketing.organizations (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  name       text        NOT NULL,
  slug       text        NOT NULL,
  deleted    boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT organizations_pkey PRIMARY KEY (id),
  CONSTRAINT uq_organizations_slug UNIQUE (slug),
  CONSTRAINT chk_organizations_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  CONSTRAINT chk_organizations_slug CHECK (length(slug) <= 63 AND slug ~ '^[a-z0-9][a-z0-9-]*$')
);
COMMENT ON TABLE ticketing.organizations IS 'Tenant / client that owns venues and events.';

CREATE TABLE ticketing.venues (
  id              uuid        NOT NULL DEFAULT gen_random_uuid(),
  organization_id uuid        NOT NULL,
  name            text        NOT NULL,
  city            text        NOT NULL,
  address         text,
  timezone        text        NOT NULL DEFAULT 'UTC',
  deleted         boolean     NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT venues_pkey PRIMARY KEY (id),
  CONSTRAINT fk_venues_organization FOREIGN KEY (organization_id) REFERENCES ticketing.organizations (id),
  CONSTRAINT uq_venues_organization_name UNIQUE (organization_id, name),
  CONSTRAINT chk_venues_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  CONSTRAINT chk_venues_city CHECK (length(btrim(city)) BETWEEN 1 AND 200)
);
COMMENT ON TABLE ticketing.venues IS 'Stadium / theater; belongs to one organization (multi-tenant isolation).';

CREATE TABLE ticketing.sections (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  venue_id   uuid        NOT NULL,
  name       text        NOT NULL,
  type       text        NOT NULL,
  capacity   integer     NOT NULL,
  deleted    boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sections_pkey PRIMARY KEY (id),
  CONSTRAINT fk_sections_venue FOREIGN KEY (venue_id) REFERENCES ticketing.venues (id),
  -- seed 001: "Prevent duplicate section names in same venue"
  CONSTRAINT uq_sections_venue_name UNIQUE (venue_id, name),
  CONSTRAINT chk_sections_type CHECK (type IN ('NUMBERED', 'GENERAL')),
  CONSTRAINT chk_sections_capacity CHECK (capacity > 0),
  CONSTRAINT chk_sections_name CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);
COMMENT ON TABLE ticketing.sections IS 'Zone of a venue: NUMBERED (has seats) or GENERAL admission (capacity only).';

CREATE TABLE ticketing.seats (
  id            uuid         NOT NULL DEFAULT gen_random_uuid(),
  section_id    uuid         NOT NULL,
  row_label     text         NOT NULL,
  number_label  text         NOT NULL,
  x_position    numeric(8,2) NOT NULL,
  y_position    numeric(8,2) NOT NULL,
  is_accessible boolean      NOT NULL DEFAULT false,
  deleted       boolean      NOT NULL DEFAULT false,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT seats_pkey PRIMARY KEY (id),
  CONSTRAINT fk_seats_section FOREIGN KEY (section_id) REFERENCES ticketing.sections (id),
  -- seed 001: "Physical constraint"; also backs fk_seats_section and the seat-map ORDER BY row, number.
  CONSTRAINT uq_seats_section_row_number UNIQUE (section_id, row_label, number_label),
  CONSTRAINT chk_seats_row_label CHECK (length(row_label) BETWEEN 1 AND 16),
  CONSTRAINT chk_seats_number_label CHECK (length(number_label) BETWEEN 1 AND 16)
);
COMMENT ON TABLE ticketing.seats IS 'Individual numbered seat of a NUMBERED section, with its position on the seat map.';

CREATE TRIGGER trg_organizations_touch BEFORE UPDATE ON ticketing.organizations
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_venues_touch BEFORE UPDATE ON ticketing.venues
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_sections_touch BEFORE UPDATE ON ticketing.sections
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
CREATE TRIGGER trg_seats_touch BEFORE UPDATE ON ticketing.seats
  FOR EACH ROW EXECUTE FUNCTION ticketing.tg_touch_updated_at();
