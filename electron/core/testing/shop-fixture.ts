/**
 * A small shop schema that exercises every part of the schema browser: partitions, views both
 * ways, a materialized view, functions and a procedure, enum/domain/composite types, a sequence,
 * RLS, triggers, comments, partial and unique indexes, foreign keys both ways, odd identifiers.
 */
export const SHOP_FIXTURE = `
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'The demo shop';
CREATE TYPE shop.order_state AS ENUM ('new', 'paid', 'shipped');
CREATE DOMAIN shop.email AS text CHECK (VALUE ~ '@');
CREATE TYPE shop.money_pair AS (amount numeric, currency text);
CREATE SEQUENCE shop.invoice_no;
CREATE TABLE shop.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email shop.email NOT NULL,
  name text COLLATE "C",
  "Display Name" text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT customers_email_key UNIQUE (email)
);
COMMENT ON TABLE shop.customers IS 'People who buy';
COMMENT ON COLUMN shop.customers.email IS 'Login, it''s unique';
CREATE TABLE shop.orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
  state shop.order_state NOT NULL DEFAULT 'new',
  total numeric(12,2) CHECK (total >= 0),
  note text,
  total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED
);
CREATE INDEX orders_unpaid_idx ON shop.orders (customer_id) WHERE state = 'new';
CREATE TABLE shop.order_lines (
  order_id bigint REFERENCES shop.orders (id),
  line int,
  sku text NOT NULL,
  PRIMARY KEY (order_id, line)
);
CREATE TABLE shop.events (id bigint NOT NULL, at date NOT NULL, payload jsonb, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2025 PARTITION OF shop.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE shop.events_2026 PARTITION OF shop.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE shop.events_default PARTITION OF shop.events DEFAULT;
CREATE TABLE shop.heap_log (msg text, n int);
CREATE TABLE shop.vip_customers (level int NOT NULL DEFAULT 1, CONSTRAINT vip_level_check CHECK (level > 0)) INHERITS (shop.customers);
CREATE VIEW shop.paid_orders AS SELECT o.id, o.total, c.email FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id WHERE o.state = 'paid';
CREATE VIEW shop.big_paid AS SELECT * FROM shop.paid_orders WHERE total > 100;
CREATE MATERIALIZED VIEW shop.revenue AS SELECT state, sum(total) AS total FROM shop.orders GROUP BY state;
CREATE FUNCTION shop.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT total FROM shop.orders WHERE id = p_order $$;
CREATE FUNCTION shop.order_total(p_order bigint, p_tax numeric) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT total * (1 + p_tax) FROM shop.orders WHERE id = p_order $$;
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE shop.archive(p_before date) LANGUAGE plpgsql AS $$ BEGIN DELETE FROM shop.events WHERE at < p_before; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_own ON shop.orders FOR SELECT TO PUBLIC USING (customer_id > 0);
CREATE SCHEMA "Odd Schema";
CREATE TABLE "Odd Schema"."Order" ("select" int PRIMARY KEY, "a""b" text);
INSERT INTO shop.customers (email, name) SELECT 'c' || g || '@x', CASE WHEN g % 3 = 0 THEN NULL ELSE 'name ' || g END FROM generate_series(1, 50) AS g;
INSERT INTO shop.orders (id, customer_id, state, total, note)
  SELECT g, 1 + g % 50, (ARRAY['new','paid','shipped'])[1 + g % 3]::shop.order_state, g * 1.5, CASE WHEN g % 4 = 0 THEN NULL ELSE 'note ' || (g % 7) END
  FROM generate_series(1, 237) AS g;
INSERT INTO shop.heap_log SELECT 'line ' || g, g FROM generate_series(1, 123) AS g;
INSERT INTO shop.events SELECT g, DATE '2025-06-01' + g, jsonb_build_object('n', g) FROM generate_series(1, 400) AS g;
REFRESH MATERIALIZED VIEW shop.revenue;
ANALYZE;
`;
