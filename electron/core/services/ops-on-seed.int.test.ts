import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { packageRootForTests } from '../testing/package-root';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { applyTicketzSchema, seedTicketz } from '../testing/ticketz-schema';

/** The ops pages on the real demo data (scale 1), where the exact fixtures cannot reach: sizes, skew, matviews. */
const seedPresent = existsSync(path.join(packageRootForTests, 'electron', 'core', 'demo-data', 'seed.sql'));

describe.skipIf(!seedPresent)('ops pages on the demo seed', () => {
  let db: TestDatabase;
  let direct: DirectCore;
  let conn: string;

  beforeAll(async () => {
    db = await createTestDatabase('opsseed');
    await applyTicketzSchema(db.pool);
    await seedTicketz(db.pool, 1);
    direct = createDirectCore();
    conn = await direct.addProfile(db);
  }, 240_000);
  afterAll(async () => {
    await direct?.dispose();
    await db?.drop();
  });

  it('scans the live event’s tickets at its gate', async () => {
    const { events } = await direct.call('tickets.listEvents', { connectionId: conn });
    const live = events[0]!;
    expect(live.status).toBe('PUBLISHED');
    expect(Math.abs(Date.parse(live.startTime) - Date.now())).toBeLessThan(3 * 3600_000);
    const { rows } = await db.pool.query<{ qr_code_hash: string; email: string }>(
      `SELECT t.qr_code_hash, u.email FROM ticketing.tickets t JOIN ticketing.orders o ON o.id = t.order_id JOIN ticketing.users u ON u.id = o.user_id
       WHERE t.event_id = $1 AND t.status = 'VALID' AND o.status = 'PAID' ORDER BY t.id LIMIT 1`,
      [live.id],
    );
    const valid = rows[0]!;
    const first = await direct.call('tickets.validate', {
      connectionId: conn,
      eventId: live.id,
      qrHash: valid.qr_code_hash,
      gate: 'Gate A',
      staff: 'seed-test',
    });
    expect(first.outcome).toBe('ACCEPTED');
    expect(first.ticket?.attendee).toMatch(/^\S+ \S+$/);
    const again = await direct.call('tickets.validate', {
      connectionId: conn,
      eventId: live.id,
      qrHash: valid.qr_code_hash,
      gate: 'Gate B',
      staff: 'seed-test',
    });
    expect(again).toMatchObject({ outcome: 'ALREADY_USED', firstScan: { gate: 'Gate A' } });
    const used = await db.pool.query<{ qr_code_hash: string }>(
      `SELECT qr_code_hash FROM ticketing.tickets WHERE event_id = $1 AND status = 'USED' ORDER BY id LIMIT 1`,
      [live.id],
    );
    const seededScan = await direct.call('tickets.validate', {
      connectionId: conn,
      eventId: live.id,
      qrHash: used.rows[0]!.qr_code_hash,
      gate: 'Gate C',
      staff: 'seed-test',
    });
    expect(seededScan.firstScan?.gate).toMatch(/^Gate [A-F]$/);
    const { gates } = await direct.call('tickets.listGates', { connectionId: conn, eventId: live.id });
    expect(gates.length).toBeGreaterThanOrEqual(6);

    const found = await direct.call('orders.search', { connectionId: conn, q: valid.email });
    expect(found.kind).toBe('email');
    const order = found.orders.find((o) => o.eventTitle === live.title)!;
    const detail = await direct.call('orders.get', { connectionId: conn, orderId: order.id });
    expect(detail.tickets.flatMap((t) => t.validations).some((v) => v.gate === 'Gate A' && v.outcome === 'ACCEPTED')).toBe(true);
    const byName = await direct.call('orders.search', { connectionId: conn, q: 'Jansen', limit: 20 });
    expect(byName.orders).toHaveLength(20);
    expect(byName.nextCursor).not.toBeNull();
    const page2 = await direct.call('orders.search', { connectionId: conn, q: 'Jansen', limit: 20, after: byName.nextCursor! });
    expect(page2.orders.some((o) => byName.orders.some((p) => p.id === o.id))).toBe(false);
  });

  it('gives the live event’s statistics and a 1,000-seat seat map', async () => {
    const list = await direct.call('events.list', { connectionId: conn, when: 'today' });
    const live = list.events.find((e) => e.status === 'PUBLISHED')!;
    const stats = await direct.call('events.stats', { connectionId: conn, eventId: live.id });
    expect(Number(stats.totals!.ticketsSold)).toBeGreaterThan(1000);
    expect(Number(stats.totals!.grossRevenue)).toBeGreaterThan(0);
    expect(stats.salesByDay.length).toBeGreaterThan(10);
    expect(stats.checkins.buckets.length).toBeGreaterThan(5);
    expect(stats.gates.map((g) => g.gate)).toEqual(expect.arrayContaining(['Gate A', 'Gate F']));
    const numbered = stats.sections.filter((s) => s.type === 'NUMBERED' && s.isActive).sort((a, b) => b.capacity - a.capacity)[0]!;
    const map = await direct.call('events.seatMap', { connectionId: conn, eventId: live.id, sectionId: numbered.sectionId });
    expect(map.seats).toHaveLength(numbered.capacity);
    expect(map.availableCount).toBe(numbered.capacity - Number(numbered.sold));
  });

  it('gives the chain figures, leaderboard, growth and a hub’s first page of children', async () => {
    const stats = await direct.call('chain.stats', { connectionId: conn });
    expect(Number(stats.totalUsers)).toBeGreaterThan(19_000);
    expect(stats.maxDepth).toBeGreaterThan(50);
    const { rows } = await direct.call('chain.leaderboard', { connectionId: conn, limit: 10 });
    expect(rows[0]!.rank).toBe('1');
    expect(Number(rows[0]!.totalDescendants)).toBe(Number(stats.totalUsers) - 1);
    const growth = await direct.call('chain.growth', { connectionId: conn });
    expect(growth.days.length).toBeGreaterThan(300);
    const hub = [...rows].sort((a, b) => Number(b.directChildren) - Number(a.directChildren))[0]!;
    const page = await direct.call('chain.descendants', { connectionId: conn, userId: hub.userId, perParent: 50 });
    expect(page.rows).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
    const deepest = await db.pool.query<{ id: string; depth: number }>(
      'SELECT id, depth FROM chain.users WHERE deleted_at IS NULL ORDER BY depth DESC, id LIMIT 1',
    );
    const { path: up } = await direct.call('chain.userPath', { connectionId: conn, userId: deepest.rows[0]!.id });
    expect(up).toHaveLength(deepest.rows[0]!.depth + 1);
    expect(up.at(-1)!.chainPosition).toBe('1');
    const expiring = await direct.call('chain.expiring', { connectionId: conn });
    expect(Number(expiring.count)).toBeGreaterThanOrEqual(expiring.tickets.length);
  });
});
