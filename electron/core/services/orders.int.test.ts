import { beforeAll, describe, expect, it } from 'vitest';
import { type RpcError } from '../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../testing/core-fixture';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';

const env = useCoreFixture('orders', { ticketz: true });
/** A read-only profile of a role that may only SELECT: support's everyday connection. */
let support: string;
let fx: GateFixture;
const role = `support_${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  fx = await insertGateFixture(env.db.pool, 2);
  // five more orders of the same customer: two share a created_at (keyset ties), none has tickets
  await env.db.pool.query(
    `INSERT INTO ticketing.orders (user_id, event_id, status, total_amount, platform_fee, net_amount, created_at)
     SELECT o.user_id, o.event_id, 'PENDING', 10, 1, 9, ts
     FROM ticketing.orders AS o,
          unnest(ARRAY[now() - interval '10 days', now() - interval '5 days', now() - interval '5 days',
                       now() - interval '3 hours', now() - interval '40 days']) AS ts
     WHERE o.id = $1`,
    [fx.orderId],
  );
  await env.db.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD 'support-pw'`);
  await env.db.pool.query(`GRANT USAGE ON SCHEMA ticketing TO ${role}`);
  await env.db.pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ticketing TO ${role}`);
  support = await env.direct.addProfile({ ...env.db, user: role, password: 'support-pw' }, { readOnly: true, name: 'support' });
});

describe('orders.search (read-only role, read-only session)', () => {
  it('finds a customer’s orders by email, any case, newest first, page by page without gaps or repeats', async () => {
    const all: string[] = [];
    const times: string[] = [];
    let after: string | undefined;
    do {
      const page = await env.call('orders.search', { connectionId: support, q: fx.customerEmail.toUpperCase(), limit: 3, after });
      expect(page.kind).toBe('email');
      expect(page.orders.length).toBeLessThanOrEqual(3);
      all.push(...page.orders.map((o) => o.id));
      times.push(...page.orders.map((o) => o.createdAt));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(all).toHaveLength(7);
    expect(new Set(all).size).toBe(7);
    expect(all).toContain(fx.orderId);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('finds orders by part of the customer name, treating % and _ literally', async () => {
    const byName = await env.call('orders.search', { connectionId: support, q: 'lovelace', limit: 50 });
    expect(byName.kind).toBe('name');
    expect(byName.orders).toHaveLength(7);
    expect(byName.orders[0]).toMatchObject({ customerName: 'Ada Lovelace', email: fx.customerEmail });
    const wild = await env.call('orders.search', { connectionId: support, q: '%_%', kind: 'name' });
    expect(wild.orders).toEqual([]);
  });

  it('finds an order by id prefix and by full id', async () => {
    const prefix = await env.call('orders.search', { connectionId: support, q: fx.orderId.slice(0, 8), kind: 'orderId' });
    expect(prefix.orders.map((o) => o.id)).toContain(fx.orderId);
    const full = await env.call('orders.search', { connectionId: support, q: fx.orderId });
    expect(full).toMatchObject({ kind: 'orderId', orders: [{ id: fx.orderId, ticketCount: '6', status: 'PAID', totalAmount: '100.00' }] });
  });

  it('finds the order of a ticket by ticket id, QR hash, QR payload or ticket link', async () => {
    const t = fx.tickets['seat-a1']!;
    for (const q of [t.id, t.hash, t.payload, `https://tickets.example.com/t/${t.hash}`]) {
      const found = await env.call('orders.search', { connectionId: support, q });
      expect(
        found.orders.map((o) => o.id),
        q,
      ).toEqual([fx.orderId]);
      expect(found.kind).toBe(q === t.id ? 'ticketId' : 'qrHash');
    }
  });

  it('explains input that cannot be searched that way', async () => {
    for (const [q, kind] of [
      ['x', 'name'],
      ['nothex!', 'orderId'],
      ['123', 'ticketId'],
      ['garbage', 'qrHash'],
    ] as const) {
      const err = await env.call('orders.search', { connectionId: support, q, kind }).catch((e: unknown) => e);
      expect((err as RpcError).code, `${kind}: ${q}`).toBe('BAD_REQUEST');
    }
  });
});

describe('orders.get', () => {
  it('shows the order, its tickets and each ticket’s scan history, on the read-only role', async () => {
    await env.call('tickets.validate', {
      connectionId: env.id,
      eventId: fx.eventId,
      qrHash: fx.tickets['seat-a1']!.payload,
      gate: 'East',
      staff: 'kim',
    });
    await env.call('tickets.validate', {
      connectionId: env.id,
      eventId: fx.eventId,
      qrHash: fx.tickets['seat-a1']!.hash,
      gate: 'West',
      staff: 'lee',
    });
    await env.call('tickets.validate', {
      connectionId: env.id,
      eventId: fx.otherEventId,
      qrHash: fx.tickets['valid-1']!.payload,
      gate: 'Far',
      staff: 'x',
    });
    const detail = await env.call('orders.get', { connectionId: support, orderId: fx.orderId });
    expect(detail.order).toMatchObject({
      id: fx.orderId,
      customerName: 'Ada Lovelace',
      email: fx.customerEmail,
      eventTitle: 'Fixture Night',
      venue: 'Fixture Hall',
      totalAmount: '100.00',
      platformFee: '5.00',
      netAmount: '95.00',
      ticketCount: '6',
    });
    expect(detail.tickets).toHaveLength(6);
    const seat = detail.tickets.find((t) => t.id === fx.tickets['seat-a1']!.id)!;
    expect(seat).toMatchObject({ section: 'Balcony', seat: { row: 'A', number: '1' }, tier: 'Reserved', status: 'USED' });
    expect(seat.scannedAt).not.toBeNull();
    expect(seat.validations.map((v) => [v.outcome, v.gate, v.staff])).toEqual([
      ['ALREADY_USED', 'West', 'lee'],
      ['ACCEPTED', 'East', 'kim'],
    ]);
    const used = detail.tickets.find((t) => t.id === fx.tickets.used!.id)!;
    expect(used.validations).toMatchObject([{ outcome: 'ACCEPTED', gate: 'Gate Z' }]);
    const wrong = detail.tickets.find((t) => t.id === fx.tickets['valid-1']!.id)!;
    expect(wrong).toMatchObject({
      status: 'VALID',
      scannedAt: null,
      seat: null,
      validations: [{ outcome: 'WRONG_EVENT', eventTitle: 'Other Night' }],
    });
  });

  it('says NOT_FOUND for an unknown order', async () => {
    const err = await env.direct
      .call('orders.get', { connectionId: support, orderId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('NOT_FOUND');
  });

  it('the read-only support connection cannot scan tickets', async () => {
    const err = await env.direct
      .call('tickets.validate', {
        connectionId: support,
        eventId: fx.eventId,
        qrHash: fx.tickets['valid-2']!.payload,
        gate: 'A',
        staff: 'b',
      })
      .catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('READ_ONLY');
  });
});
