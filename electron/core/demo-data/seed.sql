/* ticketz-console demo data: seed.sql */
-- Deterministic demo data for the reference schema (migrations/0001-0012), for an EMPTY database.
--
-- Scale: `SET ticketz.scale = N` first (default 1, allowed 1..100). Scale 1 is about 20 events in 5
-- venues (~6,800 seats), ~50,000 tickets, ~20,000 orders, 15,000 customers, ~20,000 gate scans, and
-- 20,000 chain users (~29,000 invitation tickets, ~27,000 notifications, ~40,000 audit_log rows over
-- 12 months). Scale N multiplies every count by N.
--
-- Determinism: every "random" choice is pg_temp.rnd(k, salt), a hash of integer ordinals
-- (hashint8extended), so counts and distributions do not depend on plan or row order; setseed(0.42)
-- pins random() as well (used nowhere else). Only the uuids and the timestamps (relative to now())
-- differ between runs.
--
-- Bulk-load speed: a random insert into a large B-tree costs far more than an append at its right
-- edge, so keys are handed out in insertion order wherever possible:
--   * the bulk tables get uuidv7() ids (PG 18, time-ordered) generated in insertion order (the column
--     defaults stay gen_random_uuid()); before 18 pg_temp.new_id() falls back to gen_random_uuid(),
--     so the seed runs on PostgreSQL 13+ (slower there: random keys);
--   * orders and customers get gen_random_uuid() ids that are sorted before being handed out (support
--     looks orders up by id prefix, and time-ordered ids would all share their prefix);
--   * ticket QR hashes and invitation codes are sha256 values sorted before being handed out.
--
-- Runs as ONE multi-statement simple query (node-postgres), i.e. one implicit transaction: no psql
-- meta-commands, no COPY, set-based INSERT ... SELECT only. work_mem is raised for this transaction
-- only (set_config(..., true)), and temp_buffers when the session has not used temporary tables yet
-- (the session then keeps up to 64 MB of local buffers until it disconnects). Ends with ANALYZE and
-- a REFRESH of the four materialized views.

SELECT setseed(0.42);
SELECT set_config('work_mem', '256MB', true),
       set_config('maintenance_work_mem', '256MB', true),
       set_config('synchronous_commit', 'off', true);
DO $$
BEGIN
  PERFORM set_config('temp_buffers', '64MB', true);
EXCEPTION WHEN OTHERS THEN
  NULL; -- temporary tables were already used in this session: keep its temp_buffers
END
$$;

DO $$
DECLARE
  s text := current_setting('ticketz.scale', true);
BEGIN
  IF s IS NOT NULL AND s <> '' AND (s !~ '^[0-9]+$' OR s::int NOT BETWEEN 1 AND 100) THEN
    RAISE EXCEPTION 'ticketz.scale must be an integer between 1 and 100, got %', s;
  END IF;
  IF EXISTS (SELECT 1 FROM ticketing.organizations) OR EXISTS (SELECT 1 FROM chain.users) THEN
    RAISE EXCEPTION 'demo data is already present: seed.sql runs on an empty database only';
  END IF;
END
$$;

-- Row ids: uuidv7() where the server has it (PG 18+), gen_random_uuid() (PG 13+) elsewhere. The body
-- is chosen here because a SQL function naming a missing function cannot even be created.
DO $$
BEGIN
  IF pg_catalog.to_regproc('pg_catalog.uuidv7') IS NOT NULL THEN
    EXECUTE 'CREATE FUNCTION pg_temp.new_id() RETURNS uuid LANGUAGE sql VOLATILE AS $f$ SELECT pg_catalog.uuidv7() $f$';
  ELSE
    EXECUTE 'CREATE FUNCTION pg_temp.new_id() RETURNS uuid LANGUAGE sql VOLATILE AS $f$ SELECT pg_catalog.gen_random_uuid() $f$';
  END IF;
END
$$;

-- Uniform pseudo-random number in [0, 1) from an integer key and a salt.
CREATE FUNCTION pg_temp.rnd(k bigint, salt integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (hashint8extended(k, salt) & 4503599627370495)::double precision / 4503599627370496 $$;

CREATE TEMP TABLE seed_params AS
SELECT sc AS scale,
       3 * sc     AS n_orgs,
       5 * sc     AS n_venues,
       20 * sc    AS n_events,
       15000 * sc AS n_customers,
       20000 * sc AS n_chain_users,
       now()      AS t0
FROM (SELECT coalesce(nullif(current_setting('ticketz.scale', true), ''), '1')::int AS sc) AS x;

-- Word lists (1-based arrays).
CREATE TEMP TABLE seed_words AS
SELECT ARRAY['Ava','Liam','Mila','Noah','Emma','Lucas','Sofia','Elias','Nora','Felix','Lina','Jonas','Zoe','Mateo',
             'Hanna','Omar','Ines','Yuki','Aiden','Chloe','Ravi','Freya','Diego','Amara','Leon','Maya','Ivan','Sara',
             'Kai','Lea','Tomas','Aisha','Hugo','Greta','Malik','Elena','Oscar','Priya','Nils','Julia'] AS first_names,
       ARRAY['Jansen','Schmidt','Dubois','Rossi','Novak','Silva','Kowalski','Nielsen','Garcia','Muller','Smith',
             'Johansson','Costa','Moreau','Fischer','Tanaka','Okafor','Petrov','Murphy','Haddad','Visser','Lopez',
             'Bakker','Weber','Keller','Martin','Ferreira','Nakamura','Rahman','Svensson','Horvat','Brennan',
             'Lindqvist','Romano','Meyer','Chen','Kaur','Dimitrov','Oliveira','Wright'] AS last_names,
       ARRAY['example.com','example.net','example.org','mail.test','inbox.test'] AS domains,
       ARRAY['Aurora Skies','The Velvet Echo','Nordlicht','Paper Lanterns','Midnight Cartel','Solar Choir',
             'Glass Harbor','Kite Theory','Neon Orchard','The Low Tides','Crimson Atlas','Wildflower Union',
             'Static Bloom','Echo Valley','Hollow Pines','Silver Arcade','Copper Moon','Blue Meridian',
             'Golden Hour','The Night Shift'] AS artists,
       ARRAY['World Tour','Live','Unplugged','Arena Tour','Summer Nights','Farewell Tour','Anniversary Show',
             'Acoustic Evening'] AS tours,
       ARRAY['Riverside Arena','Old Town Theater','Harbor Stadium','Warehouse Club','Grand Dome'] AS venue_names,
       ARRAY['Amsterdam','Berlin','Lisbon','Copenhagen','Vienna','Prague','Dublin','Barcelona','Stockholm','Milan'] AS cities,
       ARRAY['Northwind Live','Blue Harbor Events','Summit Arenas'] AS org_names,
       -- ISO 3166-1 alpha-2, most frequent first (pick with a skewed index).
       ARRAY['US','DE','GB','FR','NL','BR','IN','ES','IT','CA','PL','SE','JP','MX','AU','BE','PT','NG','AR','CH',
             'AT','DK','NO','FI','IE','ZA','KR','TR','CZ','NZ'] AS countries;

-- =====================================================================================================
-- ticketing: organizations, venues, sections, seats
-- =====================================================================================================

CREATE TEMP TABLE seed_orgs AS
SELECT o AS org_no, gen_random_uuid() AS id,
       w.org_names[1 + (o - 1) % 3] || CASE WHEN o > 3 THEN ' ' || ((o - 1) / 3 + 1) ELSE '' END AS name
FROM seed_params AS p, seed_words AS w, generate_series(1, p.n_orgs) AS o;

INSERT INTO ticketing.organizations (id, name, slug, created_at, updated_at)
SELECT id, name, trim(BOTH '-' FROM regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')),
       p.t0 - interval '900 days', p.t0 - interval '900 days'
FROM seed_orgs, seed_params AS p
ORDER BY org_no;

CREATE TEMP TABLE seed_venues AS
SELECT v AS venue_no, gen_random_uuid() AS id, (v - 1) % 5 AS kind, 1 + (v - 1) % p.n_orgs AS org_no,
       w.venue_names[1 + (v - 1) % 5] || CASE WHEN v > 5 THEN ' ' || ((v - 1) / 5 + 1) ELSE '' END AS name,
       w.cities[1 + (v - 1) % 10] AS city
FROM seed_params AS p, seed_words AS w, generate_series(1, p.n_venues) AS v;

INSERT INTO ticketing.venues (id, organization_id, name, city, address, timezone, created_at, updated_at)
SELECT v.id, o.id, v.name, v.city, (10 + v.venue_no) || ' Main Street', 'Europe/Amsterdam',
       p.t0 - interval '800 days', p.t0 - interval '800 days'
FROM seed_venues AS v JOIN seed_orgs AS o USING (org_no), seed_params AS p
ORDER BY v.venue_no;

-- Section layout per venue kind. NUMBERED sections get n_rows x per_row seats (capacity = seats).
CREATE TEMP TABLE seed_section_templates (kind int, sec_idx int, name text, type text, n_rows int, per_row int,
                                          ga_capacity int, base_price numeric, accessible boolean);
INSERT INTO seed_section_templates VALUES
  (0, 1, 'Main Floor',          'GENERAL',  NULL, NULL, 3000,  65, false),
  (0, 2, 'Lower Tier',          'NUMBERED', 25,   40,   NULL,  85, false),  -- 1,000 seats
  (0, 3, 'Upper Tier',          'NUMBERED', 16,   30,   NULL,  49, false),
  (0, 4, 'VIP Lounge',          'GENERAL',  NULL, NULL, 150,  220, false),
  (0, 5, 'Accessible Platform', 'NUMBERED', 2,    12,   NULL,  49, true),
  (1, 1, 'Stalls',              'NUMBERED', 20,   30,   NULL,  75, false),
  (1, 2, 'Dress Circle',        'NUMBERED', 12,   28,   NULL,  95, false),
  (1, 3, 'Balcony',             'NUMBERED', 10,   26,   NULL,  45, false),
  (1, 4, 'Standing Pit',        'GENERAL',  NULL, NULL, 400,   55, false),
  (2, 1, 'Field',               'GENERAL',  NULL, NULL, 5000,  70, false),
  (2, 2, 'North Stand',         'NUMBERED', 25,   40,   NULL,  60, false),  -- 1,000 seats
  (2, 3, 'South Stand',         'NUMBERED', 25,   40,   NULL,  60, false),  -- 1,000 seats
  (2, 4, 'Hospitality Box',     'NUMBERED', 4,    10,   NULL, 250, false),
  (3, 1, 'Club Floor',          'GENERAL',  NULL, NULL, 1200,  40, false),
  (3, 2, 'Mezzanine',           'NUMBERED', 8,    25,   NULL,  55, false),
  (3, 3, 'Bar Terrace',         'GENERAL',  NULL, NULL, 250,   45, false),
  (4, 1, 'Arena Floor',         'GENERAL',  NULL, NULL, 2500,  80, false),
  (4, 2, 'Lower Bowl',          'NUMBERED', 25,   40,   NULL,  95, false),  -- 1,000 seats
  (4, 3, 'Upper Bowl',          'NUMBERED', 20,   40,   NULL,  55, false),
  (4, 4, 'Premium Suites',      'NUMBERED', 6,    8,    NULL, 300, false);

CREATE TEMP TABLE seed_sections AS
SELECT row_number() OVER (ORDER BY v.venue_no, t.sec_idx) AS section_no, gen_random_uuid() AS id,
       v.venue_no, t.sec_idx, t.name, t.type, t.n_rows, t.per_row, t.base_price, t.accessible,
       coalesce(t.ga_capacity, t.n_rows * t.per_row) AS capacity,
       max(t.sec_idx) OVER (PARTITION BY v.venue_no) AS last_sec_idx
FROM seed_venues AS v JOIN seed_section_templates AS t ON t.kind = v.kind;

INSERT INTO ticketing.sections (id, venue_id, name, type, capacity, created_at, updated_at)
SELECT s.id, v.id, s.name, s.type, s.capacity, p.t0 - interval '800 days', p.t0 - interval '800 days'
FROM seed_sections AS s JOIN seed_venues AS v USING (venue_no), seed_params AS p
ORDER BY s.section_no;

CREATE TEMP TABLE seed_seats AS
SELECT pg_temp.new_id() AS id, x.*
FROM (
  SELECT row_number() OVER (ORDER BY s.section_no, r, n) AS seat_no,
         s.section_no, r AS row_idx, n AS seat_idx, chr(64 + r) AS row_label, n::text AS number_label
  FROM seed_sections AS s
  CROSS JOIN LATERAL generate_series(1, s.n_rows) AS r
  CROSS JOIN LATERAL generate_series(1, s.per_row) AS n
  WHERE s.type = 'NUMBERED'
) AS x
ORDER BY x.seat_no;

INSERT INTO ticketing.seats (id, section_id, row_label, number_label, x_position, y_position, is_accessible,
                             created_at, updated_at)
SELECT st.id, s.id, st.row_label, st.number_label,
       round((st.seat_idx * 1.1 + CASE WHEN st.seat_idx > s.per_row / 2 THEN 2.0 ELSE 0 END)::numeric, 2),
       round((st.row_idx * 1.4 + s.sec_idx * 40)::numeric, 2),
       s.accessible OR (st.row_idx = s.n_rows AND st.seat_idx <= 4),
       p.t0 - interval '800 days', p.t0 - interval '800 days'
FROM seed_seats AS st JOIN seed_sections AS s USING (section_no), seed_params AS p
ORDER BY st.seat_no;

-- =====================================================================================================
-- ticketing: events, event_sections, ticket_tiers
-- =====================================================================================================
-- Slot (event_no - 1) % 20: 0-5 COMPLETED (past), 6 CANCELLED, 7 DRAFT, 8 PUBLISHED and starting
-- within two hours with doors open (check-in under way: the gate demo), 9 DRAFT soft-deleted,
-- 10-19 PUBLISHED (upcoming).

CREATE TEMP TABLE seed_events AS
SELECT e AS event_no, gen_random_uuid() AS id, 1 + (e - 1) % p.n_venues AS venue_no, slot,
       CASE WHEN slot <= 5 THEN 'COMPLETED' WHEN slot = 6 THEN 'CANCELLED' WHEN slot IN (7, 9) THEN 'DRAFT'
            ELSE 'PUBLISHED' END AS status,
       slot = 9 AS deleted,
       CASE WHEN slot <= 5 THEN date_trunc('hour', p.t0) - make_interval(days => 3 + (e * 7) % 120) + interval '20 hours'
            WHEN slot = 8  THEN date_trunc('hour', p.t0) + interval '1 hour'
            ELSE date_trunc('hour', p.t0) + make_interval(days => 2 + (e * 11) % 150) + interval '20 hours'
       END AS start_time,
       -- share of capacity sold
       CASE WHEN slot <= 5 OR slot = 8 THEN 0.80 + 0.18 * pg_temp.rnd(e, 1)
            WHEN slot = 6 THEN 0.45
            WHEN slot IN (7, 9) THEN 0
            ELSE 0.40 + 0.55 * pg_temp.rnd(e, 1) END AS fill,
       0.85 + 0.4 * pg_temp.rnd(e, 2) AS price_factor,
       w.artists[1 + (e - 1) % 20] || ' - ' || w.tours[1 + ((e - 1) / 20 + e) % 8] AS title
FROM seed_params AS p, seed_words AS w, generate_series(1, p.n_events) AS e,
     LATERAL (SELECT (e - 1) % 20 AS slot) AS sl;

INSERT INTO ticketing.events (id, organization_id, venue_id, title, description, status, start_time, end_time,
                              deleted, created_at, updated_at)
SELECT e.id, o.id, v.id, e.title, 'Demo event #' || e.event_no || ' at ' || v.name, e.status,
       e.start_time, e.start_time + interval '4 hours', e.deleted,
       least(e.start_time, p.t0) - interval '120 days', least(e.start_time, p.t0) - interval '120 days'
FROM seed_events AS e JOIN seed_venues AS v USING (venue_no) JOIN seed_orgs AS o ON o.org_no = v.org_no,
     seed_params AS p
ORDER BY e.event_no;

-- Every section of the venue is configured; the venue's last section is closed for every 4th event,
-- and GENERAL sections of every 3rd event have a reduced (80 %) capacity.
CREATE TEMP TABLE seed_event_sections AS
SELECT e.event_no, s.section_no,
       NOT (s.sec_idx = s.last_sec_idx AND e.event_no % 4 = 0) AS is_active,
       CASE WHEN s.type = 'GENERAL' AND e.event_no % 3 = 0 THEN (s.capacity * 0.8)::int END AS custom_capacity
FROM seed_events AS e JOIN seed_sections AS s USING (venue_no);

INSERT INTO ticketing.event_sections (event_id, section_id, is_active, custom_capacity, created_at, updated_at)
SELECT e.id, s.id, es.is_active, es.custom_capacity, p.t0 - interval '150 days', p.t0 - interval '150 days'
FROM seed_event_sections AS es JOIN seed_events AS e USING (event_no) JOIN seed_sections AS s USING (section_no),
     seed_params AS p
ORDER BY es.event_no, es.section_no;

-- Tiers of the active sections: GENERAL = Early Bird (-20 %) + Regular; NUMBERED = Reserved.
CREATE TEMP TABLE seed_tiers AS
SELECT gen_random_uuid() AS id, es.event_no, es.section_no, t.tier, t.tier_rank,
       (round(s.base_price * e.price_factor * t.factor * 2) / 2)::numeric(12,2) AS price
FROM seed_event_sections AS es
JOIN seed_events AS e USING (event_no)
JOIN seed_sections AS s USING (section_no)
CROSS JOIN LATERAL (VALUES ('Early Bird', 1, 0.8), ('Regular', 2, 1.0)) AS t(tier, tier_rank, factor)
WHERE es.is_active AND s.type = 'GENERAL'
UNION ALL
SELECT gen_random_uuid(), es.event_no, es.section_no, 'Reserved', 1,
       (round(s.base_price * e.price_factor * 2) / 2)::numeric(12,2)
FROM seed_event_sections AS es
JOIN seed_events AS e USING (event_no)
JOIN seed_sections AS s USING (section_no)
WHERE es.is_active AND s.type = 'NUMBERED';

INSERT INTO ticketing.ticket_tiers (id, event_id, section_id, name, price, created_at, updated_at)
SELECT t.id, e.id, s.id, t.tier, t.price, p.t0 - interval '150 days', p.t0 - interval '150 days'
FROM seed_tiers AS t JOIN seed_events AS e USING (event_no) JOIN seed_sections AS s USING (section_no),
     seed_params AS p
ORDER BY t.event_no, t.section_no, t.tier_rank;

-- =====================================================================================================
-- ticketing: tickets (in temp first), orders, customers
-- =====================================================================================================

-- How many tickets each active (event, section) sold.
CREATE TEMP TABLE seed_sold AS
SELECT es.event_no, es.section_no, s.type,
       least(coalesce(es.custom_capacity, s.capacity),
             floor(coalesce(es.custom_capacity, s.capacity) * e.fill * (0.85 + 0.3 * pg_temp.rnd(es.event_no * 1000 + es.section_no, 3))))::int AS sold
FROM seed_event_sections AS es JOIN seed_events AS e USING (event_no) JOIN seed_sections AS s USING (section_no)
WHERE es.is_active AND e.fill > 0;

-- One row per ticket: GENERAL tickets are numbered 1..sold (first 30 % Early Bird); NUMBERED tickets
-- take `sold` seats of the section in a per-event pseudo-random order. ord_key orders the tickets of a
-- section so that consecutive tickets (adjacent seats) end up in the same order.
CREATE TEMP TABLE seed_ticket_base AS
SELECT x.event_no, x.section_no, x.ord_key, x.seat_no, t.id AS tier_id, t.price
FROM (
  SELECT so.event_no, so.section_no, k AS ord_key, NULL::bigint AS seat_no,
         CASE WHEN k <= so.sold * 0.3 THEN 1 ELSE 2 END AS tier_rank
  FROM seed_sold AS so CROSS JOIN LATERAL generate_series(1, so.sold) AS k
  WHERE so.type = 'GENERAL'
  UNION ALL
  SELECT r.event_no, r.section_no, r.row_idx * 1000 + r.seat_idx, r.seat_no, 1
  FROM (
    SELECT so.event_no, so.section_no, so.sold, st.seat_no, st.row_idx, st.seat_idx,
           row_number() OVER (PARTITION BY so.event_no, so.section_no
                              ORDER BY pg_temp.rnd(st.seat_no * 100003 + so.event_no, 4), st.seat_no) AS pick
    FROM seed_sold AS so JOIN seed_seats AS st USING (section_no)
    WHERE so.type = 'NUMBERED'
  ) AS r
  WHERE r.pick <= r.sold
) AS x
JOIN seed_tiers AS t ON t.event_no = x.event_no AND t.section_no = x.section_no AND t.tier_rank = x.tier_rank;

ANALYZE seed_ticket_base;

CREATE TEMP TABLE seed_tickets AS
SELECT t_no, event_no, section_no, seat_no, tier_id, price,
       -- a new order starts at a section boundary or with probability 0.4 (mean 2.5 tickets per order)
       sum(CASE WHEN first_in_section OR pg_temp.rnd(t_no, 5) < 0.4 THEN 1 ELSE 0 END)
         OVER (ORDER BY t_no ROWS UNBOUNDED PRECEDING) AS order_no
FROM (
  SELECT row_number() OVER (ORDER BY event_no, section_no, ord_key) AS t_no, event_no, section_no, seat_no,
         tier_id, price,
         row_number() OVER (PARTITION BY event_no, section_no ORDER BY ord_key) = 1 AS first_in_section
  FROM seed_ticket_base
) AS b;

ANALYZE seed_tickets;

-- Orders: PAID 90 %, PENDING 3 % (upcoming events only), FAILED 4 %, REFUNDED 3 %; all orders of the
-- cancelled event are REFUNDED. Repeat buyers: customers are picked with a skew toward low numbers.
CREATE TEMP TABLE seed_order_ids AS
SELECT row_number() OVER (ORDER BY x.id) AS order_no, x.id
FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, (SELECT max(order_no) FROM seed_tickets))) AS x;

CREATE TEMP TABLE seed_orders AS
SELECT o.order_no, oi.id, o.event_no, o.total_amount,
       round(o.total_amount * (0.05 + 0.05 * pg_temp.rnd(o.order_no, 6))::numeric, 2) AS platform_fee,
       1 + floor(p.n_customers * power(pg_temp.rnd(o.order_no, 7), 1.6))::int AS customer_no,
       CASE WHEN e.status = 'CANCELLED' THEN 'REFUNDED'
            WHEN r < 0.90 THEN 'PAID'
            WHEN r < 0.93 THEN CASE WHEN e.start_time > p.t0 + interval '1 day' THEN 'PENDING' ELSE 'PAID' END
            WHEN r < 0.97 THEN 'FAILED'
            ELSE 'REFUNDED' END AS status,
       CASE WHEN r >= 0.90 AND r < 0.93 AND e.status <> 'CANCELLED' AND e.start_time > p.t0 + interval '1 day'
              THEN p.t0 - make_interval(mins => 5 + (o.order_no % 115)::int)       -- PENDING: just now
            WHEN e.start_time < p.t0
              THEN e.start_time - make_interval(secs => (1 + 89 * pg_temp.rnd(o.order_no, 8)) * 86400)
            ELSE p.t0 - make_interval(secs => (1 + 59 * pg_temp.rnd(o.order_no, 8)) * 86400)
       END AS created_at
FROM (SELECT order_no, min(event_no) AS event_no, sum(price) AS total_amount
      FROM seed_tickets GROUP BY order_no) AS o
JOIN seed_order_ids AS oi USING (order_no)
JOIN seed_events AS e USING (event_no)
CROSS JOIN seed_params AS p
CROSS JOIN LATERAL (SELECT pg_temp.rnd(o.order_no, 9) AS r) AS rr;

CREATE TEMP TABLE seed_customers AS
SELECT row_number() OVER (ORDER BY x.id) AS customer_no, x.id
FROM (SELECT gen_random_uuid() AS id FROM seed_params AS p, generate_series(1, p.n_customers)) AS x;

INSERT INTO ticketing.users (id, email, full_name, phone, deleted, created_at, updated_at)
SELECT c.id,
       lower(w.first_names[1 + u % 40]) || '.' || lower(w.last_names[1 + (u / 40) % 40]) || u || '@' || w.domains[1 + u % 5],
       w.first_names[1 + u % 40] || ' ' || w.last_names[1 + (u / 40) % 40],
       CASE WHEN pg_temp.rnd(u, 10) < 0.6 THEN '+31 6 ' || lpad((u::bigint * 7919 % 100000000)::text, 8, '0') END,
       pg_temp.rnd(u, 11) < 0.005,
       x.created_at, x.created_at
FROM seed_customers AS c, seed_words AS w, seed_params AS p,
     LATERAL (SELECT c.customer_no AS u,
                     p.t0 - make_interval(secs => (30 + 670 * pg_temp.rnd(c.customer_no, 12)) * 86400) AS created_at) AS x
ORDER BY c.customer_no;

INSERT INTO ticketing.orders (id, user_id, event_id, status, total_amount, platform_fee, net_amount, currency,
                              payment_intent_id, paid_at, created_at, updated_at)
SELECT o.id, c.id, e.id, o.status, o.total_amount, o.platform_fee, o.total_amount - o.platform_fee, 'EUR',
       'pi_' || left(replace(o.id::text, '-', ''), 24),
       CASE WHEN o.status IN ('PAID', 'REFUNDED') THEN o.created_at + make_interval(secs => 20 + o.order_no % 280) END,
       o.created_at,
       CASE WHEN o.status = 'REFUNDED' THEN o.created_at + interval '3 days' ELSE o.created_at + interval '5 minutes' END
FROM seed_orders AS o JOIN seed_customers AS c USING (customer_no) JOIN seed_events AS e USING (event_no)
ORDER BY o.order_no;

-- Ticket status follows its order: FAILED -> CANCELLED, REFUNDED -> REFUNDED, PENDING -> VALID (held);
-- PAID: past events 93 % USED (scanned around doors), live event 60 % USED so far, upcoming events
-- VALID except 1.5 % cancelled one by one.
-- QR hashes: sha256 of 'ticketz-demo-ticket:k', sorted, the i-th smallest for ticket i.
CREATE TEMP TABLE seed_qr AS
SELECT row_number() OVER (ORDER BY x.h) AS t_no, encode(x.h, 'hex') AS qr
FROM (SELECT sha256(convert_to('ticketz-demo-ticket:' || k, 'UTF8')) AS h
      FROM generate_series(1, (SELECT count(*) FROM seed_tickets)) AS k) AS x;

CREATE TEMP TABLE seed_ticket_final AS
SELECT pg_temp.new_id() AS id, f.*
FROM (
SELECT t.t_no, t.event_no, t.seat_no, t.tier_id, t.price, q.qr, o.id AS order_id, o.created_at AS order_created_at,
       st.status,
       CASE WHEN st.status = 'USED' AND e.start_time < p.t0 - interval '1 hour'
              THEN e.start_time - interval '90 minutes' + make_interval(secs => 6300 * pg_temp.rnd(t.t_no, 14))
            WHEN st.status = 'USED'
              THEN p.t0 - make_interval(secs => 60 + 3500 * pg_temp.rnd(t.t_no, 14))
       END AS scanned_at
FROM seed_tickets AS t
JOIN seed_qr AS q ON q.t_no = t.t_no
JOIN seed_orders AS o USING (order_no)
JOIN seed_events AS e ON e.event_no = t.event_no
CROSS JOIN seed_params AS p
CROSS JOIN LATERAL (
  SELECT CASE WHEN o.status = 'FAILED' THEN 'CANCELLED'
              WHEN o.status = 'REFUNDED' THEN 'REFUNDED'
              WHEN o.status = 'PENDING' THEN 'VALID'
              WHEN e.start_time < p.t0 - interval '1 hour' AND e.status = 'COMPLETED'
                THEN CASE WHEN pg_temp.rnd(t.t_no, 13) < 0.93 THEN 'USED' ELSE 'VALID' END
              WHEN e.start_time < p.t0 + interval '2 hours'
                THEN CASE WHEN pg_temp.rnd(t.t_no, 13) < 0.60 THEN 'USED' ELSE 'VALID' END
              WHEN pg_temp.rnd(t.t_no, 13) < 0.015 THEN 'CANCELLED'
              ELSE 'VALID' END AS status
) AS st
) AS f
ORDER BY f.t_no;

INSERT INTO ticketing.tickets (id, event_id, order_id, seat_id, ticket_tier_id, price, qr_code_hash, status,
                               scanned_at, created_at, updated_at)
SELECT t.id, e.id, t.order_id, s.id, t.tier_id, t.price, t.qr, t.status, t.scanned_at, t.order_created_at, coalesce(t.scanned_at, t.order_created_at)
FROM seed_ticket_final AS t
JOIN seed_events AS e USING (event_no)
LEFT JOIN seed_seats AS s USING (seat_no)
ORDER BY t.t_no;

-- =====================================================================================================
-- ticketing: ticket_validations (gate scans)
-- =====================================================================================================
-- ACCEPTED for every USED ticket; 4 % of them scanned again (ALREADY_USED); 0.5 % first tried at the
-- wrong event's gate (WRONG_EVENT); 10 % of the cancelled/refunded tickets of past or live events
-- tried at the gate; plus unknown QR codes (NOT_FOUND) and unreadable input (INVALID_INPUT).

CREATE TEMP TABLE seed_scans AS
SELECT t.id, t.t_no, t.event_no, t.status, t.scanned_at, e.start_time, t.qr
FROM seed_ticket_final AS t JOIN seed_events AS e USING (event_no)
WHERE t.status = 'USED'
   OR (t.status IN ('CANCELLED', 'REFUNDED') AND e.start_time < (SELECT t0 FROM seed_params) + interval '2 hours'
       AND e.status <> 'CANCELLED' AND pg_temp.rnd(t.t_no, 15) < 0.10);

INSERT INTO ticketing.ticket_validations (id, ticket_id, event_id, qr_code_hash, gate, staff, outcome, validated_at,
                                          created_at, updated_at)
SELECT pg_temp.new_id(), v.id, ev.id, v.qr, 'Gate ' || chr(65 + (v.t_no % 6)::int), 'staff' || lpad((v.t_no % 40 + 1)::text, 2, '0'),
       v.outcome, v.at, v.at, v.at
FROM (
  -- A repeat scan or a refused one at an event that starts soon would otherwise land after now().
  SELECT x.id, x.t_no, x.event_no, x.qr, x.outcome,
         least(x.at, (SELECT t0 FROM seed_params) - make_interval(secs => 5 + (x.t_no % 600)::int)) AS at
  FROM (
  SELECT id, t_no, event_no, qr, 'ACCEPTED' AS outcome, scanned_at AS at FROM seed_scans WHERE status = 'USED'
  UNION ALL
  SELECT id, t_no, event_no, qr, 'ALREADY_USED', scanned_at + make_interval(secs => 30 + (t_no % 1800)::int)
  FROM seed_scans WHERE status = 'USED' AND pg_temp.rnd(t_no, 16) < 0.04
  UNION ALL
  SELECT id, t_no, 1 + event_no % (SELECT n_events FROM seed_params), qr, 'WRONG_EVENT', scanned_at - interval '20 minutes'
  FROM seed_scans WHERE status = 'USED' AND pg_temp.rnd(t_no, 17) < 0.005 AND (SELECT n_events FROM seed_params) > 1
  UNION ALL
  SELECT id, t_no, event_no, qr, status, start_time - interval '1 hour' + make_interval(secs => (t_no % 5400)::int)
  FROM seed_scans WHERE status IN ('CANCELLED', 'REFUNDED')
  ) AS x
) AS v
JOIN seed_events AS ev ON ev.event_no = v.event_no
ORDER BY v.at, v.t_no;

INSERT INTO ticketing.ticket_validations (id, ticket_id, event_id, qr_code_hash, gate, staff, outcome, validated_at,
                                          created_at, updated_at)
SELECT pg_temp.new_id(), NULL, e.id,
       CASE WHEN k % 3 = 0 THEN 'garbage:' || md5('scan' || k) ELSE encode(sha256(convert_to('unknown-qr:' || k, 'UTF8')), 'hex') END,
       'Gate ' || chr(65 + k % 6), 'staff' || lpad((k % 40 + 1)::text, 2, '0'),
       CASE WHEN k % 3 = 0 THEN 'INVALID_INPUT' ELSE 'NOT_FOUND' END,
       at, at, at
FROM seed_events AS e
CROSS JOIN LATERAL generate_series(1, 40) AS g
CROSS JOIN LATERAL (SELECT e.event_no * 100 + g AS k) AS kk
CROSS JOIN LATERAL (SELECT least(e.start_time, (SELECT t0 FROM seed_params)) - interval '80 minutes'
                           + make_interval(secs => (kk.k * 37 % 4800)::int) AS at) AS a
WHERE e.status = 'COMPLETED' OR e.slot = 8
ORDER BY at;

-- =====================================================================================================
-- chain: the tree
-- =====================================================================================================
-- 20,000 x scale users. pos = chain_position (join order). Parent of pos: pos - 1 inside six long
-- runs (deep branches, depth 60+), otherwise an earlier user picked with a strong bias toward early
-- users (hubs with thousands of direct children: wide branches). Join times grow like sqrt: the chain
-- accelerates over the last 365 days.

CREATE TEMP TABLE seed_chain_runs AS
SELECT floor(p.n_chain_users * f)::int AS run_start, len
FROM seed_params AS p, (VALUES (0.12, 60), (0.27, 72), (0.41, 85), (0.56, 100), (0.70, 120), (0.85, 150)) AS r(f, len);

CREATE TEMP TABLE seed_tree AS
SELECT pos,
       CASE WHEN pos = 1 THEN NULL
            WHEN EXISTS (SELECT 1 FROM seed_chain_runs AS r WHERE pos > r.run_start AND pos <= r.run_start + r.len)
              THEN pos - 1
            ELSE 1 + floor((pos - 1) * power(pg_temp.rnd(pos, 101), 2.5))::int END AS parent_pos
FROM seed_params AS p, generate_series(1, p.n_chain_users) AS pos;

CREATE INDEX ON seed_tree (parent_pos);
ANALYZE seed_tree;

-- Depth by a recursive walk from the root (the trigger on chain.attachments then only verifies it).
-- OFFSET 0 makes each step one index probe per user, instead of a hash join rebuilt at each of the
-- ~160 levels.
CREATE TEMP TABLE seed_chain AS
WITH RECURSIVE walk (pos, depth) AS (
  SELECT pos, 0 FROM seed_tree WHERE parent_pos IS NULL
  UNION ALL
  SELECT c.pos, w.depth + 1
  FROM walk AS w
  CROSS JOIN LATERAL (SELECT t.pos FROM seed_tree AS t WHERE t.parent_pos = w.pos OFFSET 0) AS c
)
SELECT pg_temp.new_id() AS id, x.*
FROM (
  SELECT t.pos, t.parent_pos, w.depth,
         p.t0 - interval '10 minutes' - make_interval(secs => 365 * 86400 * (1 - sqrt(t.pos::double precision / p.n_chain_users))) AS created_at,
         t.pos > 1 AND pg_temp.rnd(t.pos, 102) < 0.003 AS deleted
  FROM seed_tree AS t JOIN walk AS w USING (pos), seed_params AS p
) AS x
ORDER BY x.pos;

ALTER TABLE seed_chain ADD PRIMARY KEY (pos);
ANALYZE seed_chain;

INSERT INTO chain.users (id, username, email, display_name, password_hash, chain_position, depth, country_code,
                         email_verified_at, last_active_at, deleted_at, created_at, updated_at)
SELECT c.id,
       lower(w.first_names[1 + c.pos % 40]) || '_' || c.pos,
       lower(w.first_names[1 + c.pos % 40]) || '.' || c.pos || '@' || w.domains[1 + (c.pos / 7) % 5],
       -- the surname from its own draw: (pos / 40) gave every one of the first 40 users (the
       -- leaderboard) the same initial
       w.first_names[1 + c.pos % 40] || ' ' || left(w.last_names[1 + floor(40 * pg_temp.rnd(c.pos, 108))::int], 1) || '.',
       CASE WHEN pg_temp.rnd(c.pos, 103) < 0.4 THEN '$argon2id$v=19$m=65536,t=3,p=4$' || md5('salt' || c.pos) || '$' || md5('hash' || c.pos) END,
       c.pos, c.depth,
       CASE WHEN pg_temp.rnd(c.pos, 104) < 0.05 THEN NULL
            ELSE w.countries[1 + floor(30 * power(pg_temp.rnd(c.pos, 105), 1.8))::int] END,
       CASE WHEN pg_temp.rnd(c.pos, 106) < 0.85 THEN c.created_at + make_interval(mins => 2 + c.pos % 50) END,
       c.created_at + (p.t0 - c.created_at) * pg_temp.rnd(c.pos, 107),
       CASE WHEN c.deleted THEN c.created_at + (p.t0 - c.created_at) * 0.5 END,
       c.created_at, c.created_at
FROM seed_chain AS c, seed_words AS w, seed_params AS p
ORDER BY c.pos;

SELECT setval(pg_get_serial_sequence('chain.users', 'chain_position'), (SELECT max(pos) FROM seed_chain));

-- Invitation tickets (in temp first): kind 1 = USED by a child (attempt 1-3; earlier attempts are
-- kind 2 = EXPIRED), 3 = ACTIVE (issued in the last 23.5 h: about half expire within 12 h), 4 = EXPIRED
-- unused, 5 = CANCELLED. Lifetime 24 h (chain_rules v2). t_no = chronological order of issue.
CREATE TEMP TABLE seed_chain_tickets AS
WITH used AS (
  SELECT c.pos AS child_pos, c.parent_pos AS owner_pos, c.created_at AS used_at,
         c.created_at - least(c.created_at - pa.created_at, interval '23 hours 59 minutes') * (0.02 + 0.975 * pg_temp.rnd(c.pos, 110)) AS issued_at,
         CASE WHEN c.created_at - pa.created_at < interval '4 days' THEN 1
              WHEN pg_temp.rnd(c.pos, 111) < 0.80 THEN 1
              WHEN pg_temp.rnd(c.pos, 111) < 0.95 THEN 2
              ELSE 3 END AS attempt
  FROM seed_chain AS c JOIN seed_chain AS pa ON pa.pos = c.parent_pos
)
SELECT pg_temp.new_id() AS id, y.*
FROM (
  SELECT row_number() OVER (ORDER BY x.issued_at, x.kind, x.owner_pos, x.child_pos) AS t_no, x.*
  FROM (
    SELECT 1 AS kind, owner_pos, child_pos, 'USED' AS status, issued_at, issued_at + interval '24 hours' AS expires_at,
           used_at, attempt
    FROM used
    UNION ALL
    SELECT 2, u.owner_pos, NULL, 'EXPIRED', u.issued_at - j * interval '24 hours' - interval '5 minutes',
           u.issued_at - (j - 1) * interval '24 hours' - interval '5 minutes', NULL, u.attempt - j
    FROM used AS u CROSS JOIN LATERAL generate_series(1, u.attempt - 1) AS j
    UNION ALL
    SELECT 3, c.pos, NULL, 'ACTIVE', a.issued_at, a.issued_at + interval '24 hours', NULL,
           CASE WHEN pg_temp.rnd(c.pos, 113) < 0.7 THEN 1 WHEN pg_temp.rnd(c.pos, 113) < 0.9 THEN 2 ELSE 3 END
    FROM seed_chain AS c CROSS JOIN seed_params AS p
    CROSS JOIN LATERAL (SELECT greatest(c.created_at + interval '1 minute',
                                        p.t0 - make_interval(secs => 84600 * pg_temp.rnd(c.pos, 114))) AS issued_at) AS a
    WHERE NOT c.deleted AND pg_temp.rnd(c.pos, 112) < 0.06
    UNION ALL
    SELECT 4, c.pos, NULL, 'EXPIRED', a.issued_at, a.issued_at + interval '24 hours', NULL, 1 + (c.pos % 3)
    FROM seed_chain AS c CROSS JOIN seed_params AS p
    CROSS JOIN LATERAL (SELECT c.created_at + (p.t0 - interval '1 day' - c.created_at) * pg_temp.rnd(c.pos, 116) AS issued_at) AS a
    WHERE pg_temp.rnd(c.pos, 112) >= 0.06 AND pg_temp.rnd(c.pos, 115) < 0.15 AND c.created_at < p.t0 - interval '2 days'
    UNION ALL
    SELECT 5, c.pos, NULL, 'CANCELLED', a.issued_at, a.issued_at + interval '24 hours', NULL, 1
    FROM seed_chain AS c CROSS JOIN seed_params AS p
    CROSS JOIN LATERAL (SELECT c.created_at + (p.t0 - interval '1 day' - c.created_at) * pg_temp.rnd(c.pos, 118) AS issued_at) AS a
    WHERE pg_temp.rnd(c.pos, 117) < 0.01 AND c.created_at < p.t0 - interval '2 days'
  ) AS x
) AS y
ORDER BY y.t_no;

ANALYZE seed_chain_tickets;

-- Invitation codes: 16 hex digits of sha256('chain-ticket:k'), sorted, the i-th smallest for ticket i.
CREATE TEMP TABLE seed_chain_codes AS
SELECT row_number() OVER (ORDER BY x.h) AS t_no, upper(left(encode(x.h, 'hex'), 16)) AS code
FROM (SELECT sha256(convert_to('chain-ticket:' || k, 'UTF8')) AS h
      FROM generate_series(1, (SELECT count(*) FROM seed_chain_tickets)) AS k) AS x;

INSERT INTO chain.tickets (id, owner_id, code, status, issued_at, expires_at, used_at, attempt_number,
                           created_at, updated_at)
SELECT t.id, o.id, k.code, t.status, t.issued_at, t.expires_at, t.used_at, t.attempt, t.issued_at,
       coalesce(t.used_at, least(t.expires_at, p.t0))
FROM seed_chain_tickets AS t
JOIN seed_chain AS o ON o.pos = t.owner_pos
JOIN seed_chain_codes AS k ON k.t_no = t.t_no, seed_params AS p
ORDER BY t.t_no;

-- One statement: trg_attachments_set_depth verifies all depths in one join (they are already right).
INSERT INTO chain.attachments (id, parent_id, child_id, ticket_id, attached_at, created_at, updated_at)
SELECT pg_temp.new_id(), pa.id, c.id, t.id, c.created_at, c.created_at, c.created_at
FROM seed_chain_tickets AS t
JOIN seed_chain AS c ON c.pos = t.child_pos
JOIN seed_chain AS pa ON pa.pos = t.owner_pos
WHERE t.kind = 1
ORDER BY c.pos;

-- Invitations by e-mail (the other tickets were shared as a link): 30 % of the redeemed tickets,
-- 60 % of the expired and of the active ones, every cancelled one.
INSERT INTO chain.invitations (id, ticket_id, inviter_id, invitee_email, invitee_id, status, sent_at, responded_at,
                               created_at, updated_at)
SELECT pg_temp.new_id(), t.id, o.id,
       CASE WHEN t.kind = 1 THEN lower(w.first_names[1 + c.pos % 40]) || '.' || c.pos || '@' || w.domains[1 + (c.pos / 7) % 5]
            ELSE 'friend' || t.t_no || '@' || w.domains[1 + t.t_no % 5] END,
       c.id,
       CASE t.kind WHEN 1 THEN 'ACCEPTED' WHEN 3 THEN 'SENT' WHEN 5 THEN 'REVOKED' ELSE 'EXPIRED' END,
       t.issued_at + interval '3 minutes',
       CASE WHEN t.kind = 1 THEN t.used_at WHEN t.kind = 5 THEN t.issued_at + interval '2 hours' END,
       t.issued_at + interval '3 minutes', coalesce(t.used_at, t.issued_at + interval '3 minutes')
FROM seed_chain_tickets AS t
JOIN seed_chain AS o ON o.pos = t.owner_pos
LEFT JOIN seed_chain AS c ON c.pos = t.child_pos
CROSS JOIN seed_words AS w
WHERE t.kind = 5
   OR (t.kind IN (2, 4) AND pg_temp.rnd(t.t_no, 119) < 0.6)
   OR (t.kind = 1 AND pg_temp.rnd(t.t_no, 119) < 0.3)
   OR (t.kind = 3 AND pg_temp.rnd(t.t_no, 120) < 0.6)
ORDER BY t.t_no;

-- =====================================================================================================
-- chain: accounts (sessions, tokens, devices)
-- =====================================================================================================

CREATE TEMP TABLE seed_chain_users AS
SELECT c.pos, c.id, c.created_at, c.deleted, u.email, u.email_verified_at, u.last_active_at, u.country_code
FROM seed_chain AS c JOIN chain.users AS u ON u.id = c.id;

-- The current session of 70 % of the users active in the last 30 days, and an old (expired) session
-- of 10 % of the users who joined more than 60 days ago.
INSERT INTO chain.auth_sessions (id, user_id, refresh_token_hash, user_agent, ip_address, expires_at, last_used_at,
                                 revoked_at, created_at, updated_at)
SELECT pg_temp.new_id(), s.user_id, encode(sha256(convert_to('session:' || s.k, 'UTF8')), 'hex'),
       (ARRAY['TheChain/3.2 (iPhone; iOS 18.1)', 'TheChain/3.2 (Android 15; Pixel 9)', 'Mozilla/5.0 (Macintosh) Safari/18',
              'Mozilla/5.0 (Windows NT 10.0) Chrome/131'])[1 + s.k % 4],
       ('10.' || (s.k % 250) || '.' || (s.k / 250 % 250) || '.' || (1 + s.k % 253))::inet,
       s.created_at + interval '30 days', s.last_used_at,
       CASE WHEN pg_temp.rnd(s.k, 122) < 0.05 THEN s.last_used_at + interval '1 hour' END,
       s.created_at, s.last_used_at
FROM (
  SELECT cu.pos * 2 AS k, cu.id AS user_id, greatest(cu.last_active_at - interval '5 days', cu.created_at) AS created_at,
         cu.last_active_at AS last_used_at
  FROM seed_chain_users AS cu, seed_params AS p
  WHERE NOT cu.deleted AND cu.last_active_at > p.t0 - interval '30 days' AND pg_temp.rnd(cu.pos, 123) < 0.7
  UNION ALL
  SELECT cu.pos * 2 + 1, cu.id, cu.created_at, cu.created_at + interval '2 days'
  FROM seed_chain_users AS cu, seed_params AS p
  WHERE pg_temp.rnd(cu.pos, 121) < 0.10 AND cu.created_at < p.t0 - interval '60 days'
) AS s
ORDER BY s.created_at, s.k;

INSERT INTO chain.magic_link_tokens (id, user_id, email, token_hash, expires_at, used_at, created_at, updated_at)
SELECT pg_temp.new_id(), cu.id, cu.email, encode(sha256(convert_to('magic:' || cu.pos, 'UTF8')), 'hex'),
       a.at + interval '15 minutes', CASE WHEN pg_temp.rnd(cu.pos, 131) < 0.7 THEN a.at + interval '2 minutes' END,
       a.at, a.at
FROM seed_chain_users AS cu, seed_params AS p,
     LATERAL (SELECT cu.created_at + (p.t0 - cu.created_at) * pg_temp.rnd(cu.pos, 132) AS at) AS a
WHERE pg_temp.rnd(cu.pos, 130) < 0.10
ORDER BY a.at, cu.pos;

-- Verification tokens of the users who have not verified yet or joined in the last 30 days (older
-- verified ones were purged).
INSERT INTO chain.email_verification_tokens (id, user_id, email, token_hash, expires_at, verified_at, created_at, updated_at)
SELECT pg_temp.new_id(), cu.id, cu.email, encode(sha256(convert_to('verify:' || cu.pos, 'UTF8')), 'hex'),
       cu.created_at + interval '24 hours', cu.email_verified_at, cu.created_at, coalesce(cu.email_verified_at, cu.created_at)
FROM seed_chain_users AS cu, seed_params AS p
WHERE cu.email_verified_at IS NULL OR cu.created_at > p.t0 - interval '30 days'
ORDER BY cu.pos;

INSERT INTO chain.password_reset_tokens (id, user_id, token_hash, expires_at, used_at, created_at, updated_at)
SELECT pg_temp.new_id(), cu.id, encode(sha256(convert_to('reset:' || cu.pos, 'UTF8')), 'hex'),
       a.at + interval '1 hour', CASE WHEN pg_temp.rnd(cu.pos, 141) < 0.6 THEN a.at + interval '10 minutes' END,
       a.at, a.at
FROM seed_chain_users AS cu, seed_params AS p,
     LATERAL (SELECT cu.created_at + (p.t0 - cu.created_at) * pg_temp.rnd(cu.pos, 142) AS at) AS a
WHERE pg_temp.rnd(cu.pos, 140) < 0.03
ORDER BY a.at, cu.pos;

INSERT INTO chain.device_tokens (id, user_id, token, platform, last_seen_at, created_at, updated_at)
SELECT pg_temp.new_id(), cu.id, lower(pl.platform) || ':' || encode(sha256(convert_to('device:' || cu.pos, 'UTF8')), 'hex'),
       pl.platform, cu.last_active_at, cu.created_at, cu.last_active_at
FROM seed_chain_users AS cu,
     LATERAL (SELECT CASE WHEN pg_temp.rnd(cu.pos, 151) < 0.45 THEN 'IOS'
                          WHEN pg_temp.rnd(cu.pos, 151) < 0.90 THEN 'ANDROID' ELSE 'WEB' END AS platform) AS pl
WHERE NOT cu.deleted AND pg_temp.rnd(cu.pos, 150) < 0.40
ORDER BY cu.pos;

-- =====================================================================================================
-- chain: badges, rules, country changes
-- =====================================================================================================

INSERT INTO chain.badges (code, name, description, criteria, created_at, updated_at)
SELECT code, name, description, criteria::jsonb, p.t0 - interval '400 days', p.t0 - interval '400 days'
FROM seed_params AS p, (VALUES
  ('GENESIS',        'Genesis',         'Started the chain.',                          '{"chain_position": 1}'),
  ('EARLY_ADOPTER',  'Early Adopter',   'Among the first 5 % to join.',                '{"max_position_share": 0.05}'),
  ('FIRST_INVITE',   'First Invite',    'Brought a first person into the chain.',      '{"min_children": 1}'),
  ('CONNECTOR_10',   'Connector',       'Brought 10 people into the chain.',           '{"min_children": 10}'),
  ('CONNECTOR_100',  'Super Connector', 'Brought 100 people into the chain.',          '{"min_children": 100}'),
  ('DEEP_ROOTS',     'Deep Roots',      'Joined 50 or more links below the genesis.',  '{"min_depth": 50}'),
  ('GLOBETROTTER',   'Globetrotter',    'Changed country at least once.',              '{"min_country_changes": 1}'),
  ('QUICK_DRAW',     'Quick Draw',      'Redeemed a ticket within its first hour.',    '{"max_minutes_used": 60}'),
  ('LAST_MINUTE',    'Last Minute',     'Joined with a ticket in its final hour.',     '{"max_minutes_left": 60}')
) AS b(code, name, description, criteria);

INSERT INTO chain.chain_rules (version, rules, description, effective_from, created_at, updated_at)
SELECT version, rules::jsonb, description, p.t0 + eff, p.t0 + eff - interval '7 days', p.t0 + eff - interval '7 days'
FROM seed_params AS p, (VALUES
  (1, '{"ticket_ttl_hours": 48, "max_attempts": 3, "tickets_per_user": 1}', 'Launch rules',                    interval '-400 days'),
  (2, '{"ticket_ttl_hours": 24, "max_attempts": 3, "tickets_per_user": 1}', 'Shorter tickets: 24 hours',       interval '-200 days'),
  (3, '{"ticket_ttl_hours": 24, "max_attempts": 3, "tickets_per_user": 2, "badge_bonus": true}', 'Two tickets per user (scheduled)', interval '30 days')
) AS r(version, rules, description, eff);

-- 4 % of users changed country once; their current country is users.country_code.
CREATE TEMP TABLE seed_country_changes AS
SELECT cu.pos, cu.id AS user_id, cu.country_code AS new_code,
       w.countries[1 + (array_position(w.countries, cu.country_code) + (cu.pos % 7)) % 30] AS old_code,
       cu.created_at + (p.t0 - cu.created_at) * pg_temp.rnd(cu.pos, 161) AS changed_at
FROM seed_chain_users AS cu, seed_words AS w, seed_params AS p
WHERE cu.country_code IS NOT NULL AND pg_temp.rnd(cu.pos, 160) < 0.04;

INSERT INTO chain.country_change_events (id, user_id, old_country_code, new_country_code, reason, changed_at,
                                         created_at, updated_at)
SELECT pg_temp.new_id(), user_id, old_code, new_code, (ARRAY['moved', 'profile update', 'support request'])[1 + pos % 3],
       changed_at, changed_at, changed_at
FROM seed_country_changes
ORDER BY changed_at, pos;

-- n-th child of each parent (FIRST_INVITE, CONNECTOR_10 and CONNECTOR_100 are awarded at the 1st,
-- 10th and 100th).
CREATE TEMP TABLE seed_nth_child AS
SELECT parent_pos, created_at, rn
FROM (SELECT parent_pos, created_at, row_number() OVER (PARTITION BY parent_pos ORDER BY pos) AS rn
      FROM seed_chain WHERE parent_pos IS NOT NULL) AS x
WHERE rn IN (1, 10, 100);

CREATE TEMP TABLE seed_user_badges AS
SELECT c.id AS user_id, x.pos, b.id AS badge_id, b.code, b.name, b.description, x.awarded_at
FROM (
  SELECT 1 AS pos, 'GENESIS' AS code, (SELECT created_at FROM seed_chain WHERE pos = 1) AS awarded_at
  UNION ALL
  SELECT c.pos, 'EARLY_ADOPTER', c.created_at FROM seed_chain AS c, seed_params AS p WHERE c.pos <= p.n_chain_users / 20
  UNION ALL
  SELECT n.parent_pos, CASE n.rn WHEN 1 THEN 'FIRST_INVITE' WHEN 10 THEN 'CONNECTOR_10' ELSE 'CONNECTOR_100' END, n.created_at
  FROM seed_nth_child AS n
  UNION ALL
  SELECT c.pos, 'DEEP_ROOTS', c.created_at FROM seed_chain AS c WHERE c.depth >= 50
  UNION ALL
  SELECT cc.pos, 'GLOBETROTTER', cc.changed_at FROM seed_country_changes AS cc
  UNION ALL
  SELECT t.child_pos, 'QUICK_DRAW', t.used_at FROM seed_chain_tickets AS t
  WHERE t.kind = 1 AND t.used_at - t.issued_at < interval '1 hour'
  UNION ALL
  SELECT t.child_pos, 'LAST_MINUTE', t.used_at FROM seed_chain_tickets AS t
  WHERE t.kind = 1 AND t.expires_at - t.used_at < interval '1 hour'
) AS x
JOIN seed_chain AS c ON c.pos = x.pos
JOIN chain.badges AS b USING (code);

INSERT INTO chain.user_badges (id, user_id, badge_id, awarded_at, created_at, updated_at)
SELECT pg_temp.new_id(), user_id, badge_id, awarded_at, awarded_at, awarded_at
FROM seed_user_badges
ORDER BY awarded_at, pos, code;

-- =====================================================================================================
-- chain: notifications (JSONB metadata), inserted in created_at order (BRIN-friendly)
-- =====================================================================================================
-- CHILD_JOINED for every attachment, BADGE_EARNED for the rarer badges, TICKET_EXPIRED for expired
-- tickets that were not re-issued, TICKET_EXPIRING for active tickets that expire within 12 hours.
-- Older ones are mostly read.

INSERT INTO chain.notifications (id, user_id, type, channel, priority, title, body, metadata, sent_at, read_at,
                                 created_at, updated_at)
SELECT pg_temp.new_id(), n.user_id, n.type, n.channel, n.priority, n.title, n.body, n.metadata, n.created_at,
       CASE WHEN pg_temp.rnd(n.k, 171) < CASE WHEN n.created_at < p.t0 - interval '7 days' THEN 0.9 ELSE 0.4 END
            THEN least(n.created_at + make_interval(mins => 1 + (n.k % 2000)::int), p.t0) END,
       n.created_at, n.created_at
FROM (
  SELECT ch.pos::bigint * 8 + 1 AS k, pa.id AS user_id, 'CHILD_JOINED' AS type,
         CASE WHEN ch.pos % 3 = 0 THEN 'PUSH' ELSE 'IN_APP' END AS channel, 'NORMAL' AS priority,
         'Someone joined through you' AS title, 'A new link was added below you.' AS body,
         jsonb_build_object('child_id', ch.id, 'child_position', ch.pos, 'depth', ch.depth) AS metadata,
         ch.created_at
  FROM seed_chain AS ch JOIN seed_chain AS pa ON pa.pos = ch.parent_pos
  UNION ALL
  SELECT t.t_no * 8 + 2, o.id, 'TICKET_EXPIRING', 'PUSH',
         CASE WHEN t.expires_at - p.t0 < interval '3 hours' THEN 'URGENT' ELSE 'HIGH' END,
         'Your ticket expires soon', 'Invite someone before your ticket runs out.',
         jsonb_build_object('ticket_id', t.id, 'expires_at', t.expires_at, 'attempt', t.attempt,
                            'hours_left', round(extract(epoch FROM t.expires_at - p.t0) / 3600)),
         greatest(t.issued_at, p.t0 - interval '30 minutes')
  FROM seed_chain_tickets AS t JOIN seed_chain AS o ON o.pos = t.owner_pos, seed_params AS p
  WHERE t.kind = 3 AND t.expires_at < p.t0 + interval '12 hours'
  UNION ALL
  SELECT t.t_no * 8 + 3, o.id, 'TICKET_EXPIRED', 'IN_APP', 'NORMAL', 'Your ticket expired',
         'Attempt ' || t.attempt || ' of 3 expired unused.',
         jsonb_build_object('ticket_id', t.id, 'attempt', t.attempt), t.expires_at
  FROM seed_chain_tickets AS t JOIN seed_chain AS o ON o.pos = t.owner_pos
  WHERE t.kind = 4
  UNION ALL
  SELECT ub.pos::bigint * 8 + 4, ub.user_id, 'BADGE_EARNED', 'IN_APP', 'LOW', 'New badge: ' || ub.name, ub.description,
         jsonb_build_object('badge_code', ub.code, 'badge_id', ub.badge_id), ub.awarded_at
  FROM seed_user_badges AS ub
  WHERE ub.code NOT IN ('FIRST_INVITE', 'QUICK_DRAW')
) AS n, seed_params AS p
ORDER BY n.created_at, n.k;

-- =====================================================================================================
-- chain: audit_log, spread over the last 12 months (monthly partitions), in created_at order
-- =====================================================================================================
-- USER_SIGNUP per user (with the redeemed ticket), TICKET_ISSUED per ticket not redeemed (the
-- redeemed ones are in the sign-up), LOGIN for 30 % of the live users, COUNTRY_CHANGED per change.

SELECT chain.fn_ensure_audit_log_partitions(12, 6);

INSERT INTO chain.audit_log (id, actor_id, action, entity_type, entity_id, old_values, new_values, ip_address,
                             created_at, updated_at)
SELECT pg_temp.new_id(), a.actor_id, a.action, a.entity_type, a.entity_id, a.old_values, a.new_values,
       ('10.' || (a.k % 250) || '.' || (a.k / 250 % 250) || '.' || (1 + a.k % 253))::inet, a.at, a.at
FROM (
  SELECT c.pos::bigint * 16 AS k, c.id AS actor_id, 'USER_SIGNUP' AS action, 'user' AS entity_type, c.id AS entity_id,
         NULL::jsonb AS old_values,
         jsonb_build_object('chain_position', c.pos, 'parent_position', c.parent_pos, 'ticket_id', t.id) AS new_values,
         c.created_at AS at
  FROM seed_chain AS c LEFT JOIN seed_chain_tickets AS t ON t.child_pos = c.pos
  UNION ALL
  SELECT t.t_no * 16 + 1, o.id, 'TICKET_ISSUED', 'ticket', t.id, NULL,
         jsonb_build_object('attempt', t.attempt, 'expires_at', t.expires_at), t.issued_at
  FROM seed_chain_tickets AS t JOIN seed_chain AS o ON o.pos = t.owner_pos
  WHERE t.kind <> 1
  UNION ALL
  SELECT c.pos::bigint * 16 + 3, c.id, 'LOGIN', 'session', NULL, NULL, NULL,
         c.created_at + (p.t0 - c.created_at) * pg_temp.rnd(c.pos, 181)
  FROM seed_chain AS c, seed_params AS p
  WHERE NOT c.deleted AND pg_temp.rnd(c.pos, 180) < 0.3
  UNION ALL
  SELECT cc.pos::bigint * 16 + 8, cc.user_id, 'COUNTRY_CHANGED', 'user', cc.user_id,
         jsonb_build_object('country_code', cc.old_code), jsonb_build_object('country_code', cc.new_code), cc.changed_at
  FROM seed_country_changes AS cc
) AS a
ORDER BY a.at, a.k;

-- =====================================================================================================
-- Statistics, then the materialized views
-- =====================================================================================================

DROP FUNCTION pg_temp.rnd(bigint, integer);
DROP TABLE seed_params, seed_words, seed_orgs, seed_venues, seed_section_templates, seed_sections, seed_seats,
           seed_events, seed_event_sections, seed_tiers, seed_sold, seed_ticket_base, seed_tickets, seed_orders,
           seed_customers, seed_order_ids, seed_qr, seed_ticket_final, seed_scans, seed_chain_runs, seed_tree, seed_chain,
           seed_chain_tickets, seed_chain_codes, seed_chain_users, seed_country_changes, seed_nth_child,
           seed_user_badges;

-- Statistics first, so that the refreshes below are planned on real numbers.
ANALYZE;

REFRESH MATERIALIZED VIEW ticketing.section_availability;
REFRESH MATERIALIZED VIEW ticketing.event_stats;
REFRESH MATERIALIZED VIEW chain.mv_chain_leaderboard;
REFRESH MATERIALIZED VIEW chain.mv_daily_active_users;

ANALYZE ticketing.section_availability, ticketing.event_stats, chain.mv_chain_leaderboard, chain.mv_daily_active_users;
