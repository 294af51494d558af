import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface FixtureTicket {
  id: string;
  /** What the QR code carries. */
  payload: string;
  /** qr_code_hash = hex SHA-256 of the payload. */
  hash: string;
}

export interface GateFixture {
  eventId: string;
  otherEventId: string;
  numberedSectionId: string;
  orderId: string;
  customerEmail: string;
  /** Tickets of `eventId` by name: seat-a1 (VALID, numbered), valid-<n> (VALID, general), used, cancelled, refunded. */
  tickets: Record<string, FixtureTicket>;
  /** A VALID ticket of `otherEventId`. */
  otherEventTicket: FixtureTicket;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A small, exactly known slice of Ticketz data on top of the reference schema (no seed needed):
 * one venue with a 6-seat numbered section and a general section, two events, one customer,
 * and tickets in every status. `generalTickets` VALID general-admission tickets are made for
 * concurrency tests. Payloads are unique per call, so a database can hold several fixtures.
 */
export async function insertGateFixture(pool: pg.Pool, generalTickets = 5): Promise<GateFixture> {
  const tag = randomUUID().slice(0, 8);
  const ids = {
    org: randomUUID(),
    venue: randomUUID(),
    numbered: randomUUID(),
    general: randomUUID(),
    event: randomUUID(),
    other: randomUUID(),
    tierReserved: randomUUID(),
    tierRegular: randomUUID(),
    tierOther: randomUUID(),
    user: randomUUID(),
    order: randomUUID(),
    otherOrder: randomUUID(),
  };
  const ticket = (name: string): FixtureTicket => {
    const payload = `ticketz-test-ticket:${tag}-${name}`;
    return { id: randomUUID(), payload, hash: sha256(payload) };
  };
  const tickets: Record<string, FixtureTicket> = {};
  for (const name of ['seat-a1', 'used', 'cancelled', 'refunded']) tickets[name] = ticket(name);
  for (let i = 1; i <= generalTickets; i++) tickets[`valid-${i}`] = ticket(`valid-${i}`);
  const otherEventTicket = ticket('other');
  const customerEmail = `ada.${tag}@example.com`;

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO ticketing.organizations (id, name, slug) VALUES ($1, $2, $3)`, [
      ids.org,
      `Fixture ${tag}`,
      `fixture-${tag}`,
    ]);
    await client.query(`INSERT INTO ticketing.venues (id, organization_id, name, city) VALUES ($1, $2, 'Fixture Hall', 'Utrecht')`, [
      ids.venue,
      ids.org,
    ]);
    await client.query(
      `INSERT INTO ticketing.sections (id, venue_id, name, type, capacity)
       VALUES ($1, $3, 'Balcony', 'NUMBERED', 6), ($2, $3, 'Floor', 'GENERAL', 100)`,
      [ids.numbered, ids.general, ids.venue],
    );
    await client.query(
      `INSERT INTO ticketing.seats (section_id, row_label, number_label, x_position, y_position)
       SELECT $1, r, n::text, n * 1.5, ascii(r) - 64
       FROM unnest(ARRAY['A', 'B']) AS r, generate_series(1, 3) AS n`,
      [ids.numbered],
    );
    await client.query(
      `INSERT INTO ticketing.events (id, organization_id, venue_id, title, status, start_time, end_time)
       VALUES ($1, $3, $4, 'Fixture Night', 'PUBLISHED', now() - interval '1 hour', now() + interval '3 hours'),
              ($2, $3, $4, 'Other Night', 'PUBLISHED', now() + interval '7 days', now() + interval '7 days 3 hours')`,
      [ids.event, ids.other, ids.org, ids.venue],
    );
    await client.query(
      `INSERT INTO ticketing.event_sections (event_id, section_id)
       VALUES ($1, $3), ($1, $4), ($2, $4)`,
      [ids.event, ids.other, ids.numbered, ids.general],
    );
    await client.query(
      `INSERT INTO ticketing.ticket_tiers (id, event_id, section_id, name, price)
       VALUES ($1, $4, $6, 'Reserved', 80), ($2, $4, $7, 'Regular', 50), ($3, $5, $7, 'Regular', 55)`,
      [ids.tierReserved, ids.tierRegular, ids.tierOther, ids.event, ids.other, ids.numbered, ids.general],
    );
    await client.query(`INSERT INTO ticketing.users (id, email, full_name) VALUES ($1, $2, 'Ada Lovelace')`, [ids.user, customerEmail]);
    await client.query(
      `INSERT INTO ticketing.orders (id, user_id, event_id, status, total_amount, platform_fee, net_amount, paid_at, created_at)
       VALUES ($1, $3, $4, 'PAID', 100, 5, 95, now() - interval '2 days', now() - interval '2 days'),
              ($2, $3, $5, 'PAID', 55, 3, 52, now() - interval '1 day', now() - interval '1 day')`,
      [ids.order, ids.otherOrder, ids.user, ids.event, ids.other],
    );
    const seatA1 = await client.query<{ id: string }>(
      `SELECT id FROM ticketing.seats WHERE section_id = $1 AND row_label = 'A' AND number_label = '1'`,
      [ids.numbered],
    );
    const insert = (t: FixtureTicket, event: string, order: string, tier: string, status: string, seat: string | null) =>
      client.query(
        `INSERT INTO ticketing.tickets (id, event_id, order_id, seat_id, ticket_tier_id, price, qr_code_hash, status, scanned_at)
         VALUES ($1, $2, $3, $4, $5, 50, $6, $7, CASE WHEN $7 = 'USED' THEN now() - interval '30 minutes' END)`,
        [t.id, event, order, seat, tier, t.hash, status],
      );
    await insert(tickets['seat-a1']!, ids.event, ids.order, ids.tierReserved, 'VALID', seatA1.rows[0]!.id);
    await insert(tickets.used!, ids.event, ids.order, ids.tierRegular, 'USED', null);
    await insert(tickets.cancelled!, ids.event, ids.order, ids.tierRegular, 'CANCELLED', null);
    await insert(tickets.refunded!, ids.event, ids.order, ids.tierRegular, 'REFUNDED', null);
    for (let i = 1; i <= generalTickets; i++) await insert(tickets[`valid-${i}`]!, ids.event, ids.order, ids.tierRegular, 'VALID', null);
    await insert(otherEventTicket, ids.other, ids.otherOrder, ids.tierOther, 'VALID', null);
    await client.query(
      `INSERT INTO ticketing.ticket_validations (ticket_id, event_id, qr_code_hash, gate, staff, outcome, validated_at)
       VALUES ($1, $2, $3, 'Gate Z', 'fixture', 'ACCEPTED', now() - interval '30 minutes')`,
      [tickets.used!.id, ids.event, tickets.used!.hash],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return {
    eventId: ids.event,
    otherEventId: ids.other,
    numberedSectionId: ids.numbered,
    orderId: ids.order,
    customerEmail,
    tickets,
    otherEventTicket,
  };
}
