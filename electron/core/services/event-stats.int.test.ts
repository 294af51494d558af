import { beforeAll, describe, expect, it } from 'vitest';
import { type RpcError } from '../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../testing/core-fixture';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';

const env = useCoreFixture('evstats', { ticketz: true });
let conn: string;
let fx: GateFixture;

beforeAll(async () => {
  fx = await insertGateFixture(env.db.pool, 3);
  await env.db.pool.query('REFRESH MATERIALIZED VIEW ticketing.section_availability');
  await env.db.pool.query('REFRESH MATERIALIZED VIEW ticketing.event_stats');
  conn = await env.direct.addProfile(env.db, { readOnly: true, name: 'organizer' });
  for (const [name, gate] of [
    ['valid-1', 'North'],
    ['valid-2', 'North'],
    ['valid-3', 'South'],
    ['valid-1', 'South'],
  ] as const)
    await env.call('tickets.validate', {
      connectionId: env.id,
      eventId: fx.eventId,
      qrHash: fx.tickets[name]!.payload,
      gate,
      staff: 'st',
    });
});

describe('events.list', () => {
  it('lists events with venue, organization and materialized sales, filtered', async () => {
    const all = await env.call('events.list', { connectionId: conn });
    expect(all.truncated).toBe(false);
    expect(all.events.map((e) => e.title)).toEqual(['Other Night', 'Fixture Night']);
    expect(all.events[1]).toMatchObject({
      venue: 'Fixture Hall',
      city: 'Utrecht',
      ticketsSold: '5',
      // live, not the view's '1' from before the three scans above
      checkedIn: '4',
      grossRevenue: '100.00',
      currency: 'EUR',
    });
    const upcoming = await env.call('events.list', { connectionId: conn, when: 'upcoming' });
    expect(upcoming.events.map((e) => e.title)).toEqual(['Other Night']);
    const today = await env.call('events.list', { connectionId: conn, when: 'today' });
    expect(today.events.map((e) => e.title)).toEqual(['Fixture Night']);
    const bySearch = await env.call('events.list', { connectionId: conn, search: 'utrecht', status: 'PUBLISHED', limit: 1 });
    expect(bySearch).toMatchObject({ truncated: true, events: [{ title: 'Other Night' }] });
    const none = await env.call('events.list', { connectionId: conn, status: 'CANCELLED' });
    expect(none.events).toEqual([]);
  });
});

describe('events.stats', () => {
  it('gives sold vs capacity per section, revenue, sales and check-ins over time and gate throughput', async () => {
    const stats = await env.call('events.stats', { connectionId: conn, eventId: fx.eventId });
    expect(stats.event).toMatchObject({ title: 'Fixture Night', venue: 'Fixture Hall', organization: expect.stringMatching(/^Fixture /) });
    expect(stats.totals).toEqual({
      totalOrders: '1',
      ticketsSold: '5',
      checkedIn: '4',
      grossRevenue: '100.00',
      platformFees: '5.00',
      netRevenue: '95.00',
      refundedAmount: '0',
    });
    expect(stats.sections).toEqual([
      { sectionId: fx.numberedSectionId, name: 'Balcony', type: 'NUMBERED', isActive: true, capacity: 6, sold: '1', available: '5' },
      { sectionId: expect.any(String), name: 'Floor', type: 'GENERAL', isActive: true, capacity: 100, sold: '4', available: '96' },
    ]);
    expect(stats.salesByDay).toEqual([{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), orders: '1', tickets: '7', revenue: '100.00' }]);
    // live: the fixture's earlier scan plus the three accepted just now
    expect(stats.checkins.bucketSeconds).toBe(60);
    expect(stats.checkins.buckets.reduce((n, b) => n + Number(b.count), 0)).toBe(4);
    // the card and the chart beside it agree; the view's other figures say how old they are
    expect(Number(stats.totals!.checkedIn)).toBe(stats.checkins.buckets.reduce((n, b) => n + Number(b.count), 0));
    expect(stats.currency).toBe('EUR');
    expect(stats.statsRefreshedAt).toBeNull();
    expect(stats.gates.map((g) => [g.gate, g.accepted, g.refused])).toEqual([
      ['North', '2', '0'],
      ['Gate Z', '1', '0'],
      ['South', '1', '1'],
    ]);
    expect(stats.gates[0]!.perMinute).toBe(2);
    expect(Date.parse(stats.loadedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers NOT_FOUND for an unknown event', async () => {
    const err = await env.direct
      .call('events.stats', { connectionId: conn, eventId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('NOT_FOUND');
  });

  it('explains a materialized view that was never populated', async () => {
    await env.db.pool.query('REFRESH MATERIALIZED VIEW ticketing.section_availability WITH NO DATA');
    try {
      const err = await env.call('events.stats', { connectionId: conn, eventId: fx.eventId }).catch((e: unknown) => e);
      expect((err as RpcError).code).toBe('PG_ERROR');
      expect((err as RpcError).message).toMatch(/has not been populated.*Refresh it once/);
    } finally {
      await env.db.pool.query('REFRESH MATERIALIZED VIEW ticketing.section_availability');
    }
  });
});

describe('events.stats after a refresh from the console', () => {
  it('tells when event_stats was last refreshed, and the view then agrees with the live count', async () => {
    await env.call('matviews.refresh', { connectionId: env.id, schema: 'ticketing', name: 'event_stats' });
    const stats = await env.call('events.stats', { connectionId: env.id, eventId: fx.eventId });
    expect(Date.parse(stats.statsRefreshedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const { rows } = await env.db.pool.query<{ n: string }>('SELECT checked_in::text AS n FROM ticketing.event_stats WHERE event_id = $1', [
      fx.eventId,
    ]);
    expect(rows[0]!.n).toBe(stats.totals!.checkedIn);
  });
});

describe('events.seatMap', () => {
  it('shows every seat of a numbered section with its availability for the event', async () => {
    const map = await env.call('events.seatMap', { connectionId: conn, eventId: fx.eventId, sectionId: fx.numberedSectionId });
    expect(map.section).toEqual({ id: fx.numberedSectionId, name: 'Balcony', type: 'NUMBERED' });
    expect(map.seats.map((s) => `${s.row}${s.number}:${s.available ? 'free' : 'sold'}`)).toEqual([
      'A1:sold',
      'A2:free',
      'A3:free',
      'B1:free',
      'B2:free',
      'B3:free',
    ]);
    expect(map.availableCount).toBe(5);
    // the same seats are all free for the other event
    const other = await env.call('events.seatMap', { connectionId: conn, eventId: fx.otherEventId, sectionId: fx.numberedSectionId });
    expect(other.availableCount).toBe(6);
  });

  it('refuses a section of another venue', async () => {
    const err = await env.direct
      .call('events.seatMap', { connectionId: conn, eventId: fx.eventId, sectionId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('NOT_FOUND');
  });
});
