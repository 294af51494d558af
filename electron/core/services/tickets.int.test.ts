import { beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../testing/core-fixture';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

const env = useCoreFixture('tickets', { ticketz: true, poolSize: 24 });
let fx: GateFixture;

beforeAll(async () => {
  fx = await insertGateFixture(env.db.pool, 7);
});

const scan = (qrHash: string, extra: { eventId?: string; gate?: string; staff?: string } = {}) =>
  env.call('tickets.validate', {
    connectionId: env.id,
    eventId: extra.eventId ?? fx.eventId,
    qrHash,
    gate: extra.gate ?? 'Gate 1',
    staff: extra.staff ?? 'tester',
  });

async function validationsOf(hashOrInput: string) {
  const { rows } = await env.db.pool.query<{ outcome: string; ticket_id: string | null; gate: string; staff: string; event_id: string }>(
    'SELECT outcome, ticket_id, gate, staff, event_id FROM ticketing.ticket_validations WHERE qr_code_hash = $1 ORDER BY validated_at, outcome',
    [hashOrInput],
  );
  return rows;
}

describe('tickets.validate', () => {
  it('accepts a valid ticket once, with attendee, section, seat and tier, and marks it USED', async () => {
    const t = fx.tickets['seat-a1']!;
    const first = await scan(t.payload, { gate: 'North', staff: 'anna' });
    expect(first.outcome).toBe('ACCEPTED');
    expect(first.ticket).toEqual({
      id: t.id,
      attendee: 'Ada Lovelace',
      section: 'Balcony',
      sectionType: 'NUMBERED',
      seat: { row: 'A', number: '1' },
      tier: 'Reserved',
      status: 'USED',
    });
    const { rows } = await env.db.pool.query('SELECT status, scanned_at FROM ticketing.tickets WHERE id = $1', [t.id]);
    expect(rows[0].status).toBe('USED');
    expect(rows[0].scanned_at).toBeInstanceOf(Date);

    const again = await scan(t.hash, { gate: 'South' });
    expect(again.outcome).toBe('ALREADY_USED');
    expect(again.firstScan).toEqual({ at: (rows[0].scanned_at as Date).toISOString(), gate: 'North' });
    expect(again.ticket?.attendee).toBe('Ada Lovelace');

    // the payload was hashed: both scans are logged against the scanned text
    expect(await validationsOf(t.payload)).toMatchObject([{ outcome: 'ACCEPTED', ticket_id: t.id, gate: 'North', staff: 'anna' }]);
    expect(await validationsOf(t.hash)).toMatchObject([{ outcome: 'ALREADY_USED', ticket_id: t.id, gate: 'South' }]);
  });

  it('accepts a ticket link …/t/<hash> and the upper-case hash', async () => {
    const t = fx.tickets['valid-5']!;
    expect((await scan(`https://tickets.example.com/t/${t.hash}`)).outcome).toBe('ACCEPTED');
    expect((await scan(t.hash.toUpperCase())).outcome).toBe('ALREADY_USED');
  });

  it('reports a ticket already used before, with its first gate', async () => {
    const result = await scan(fx.tickets.used!.payload);
    expect(result.outcome).toBe('ALREADY_USED');
    expect(result.firstScan?.gate).toBe('Gate Z');
  });

  it('refuses cancelled and refunded tickets', async () => {
    expect((await scan(fx.tickets.cancelled!.payload)).outcome).toBe('CANCELLED');
    expect((await scan(fx.tickets.refunded!.payload)).outcome).toBe('REFUNDED');
    const { rows } = await env.db.pool.query('SELECT status FROM ticketing.tickets WHERE id = ANY($1::uuid[]) ORDER BY status', [
      [fx.tickets.cancelled!.id, fx.tickets.refunded!.id],
    ]);
    expect(rows.map((r) => r.status)).toEqual(['CANCELLED', 'REFUNDED']);
  });

  it('says WRONG_EVENT for another event’s ticket without revealing anything about it, and leaves it valid', async () => {
    const result = await scan(fx.otherEventTicket.payload);
    expect(result).toEqual({ outcome: 'WRONG_EVENT', validatedAt: expect.any(String) });
    const { rows } = await env.db.pool.query('SELECT status FROM ticketing.tickets WHERE id = $1', [fx.otherEventTicket.id]);
    expect(rows[0].status).toBe('VALID');
    expect(await validationsOf(fx.otherEventTicket.payload)).toMatchObject([
      { outcome: 'WRONG_EVENT', ticket_id: fx.otherEventTicket.id, event_id: fx.eventId },
    ]);
    // at its own event it is still accepted
    expect((await scan(fx.otherEventTicket.payload, { eventId: fx.otherEventId })).outcome).toBe('ACCEPTED');
  });

  it('says NOT_FOUND for a well-formed code no ticket has, and INVALID_INPUT for garbage — both recorded', async () => {
    const unknown = 'ticketz-demo-ticket:does-not-exist';
    expect(await scan(unknown)).toEqual({ outcome: 'NOT_FOUND', validatedAt: expect.any(String) });
    const garbage = await scan("garbage:'; DROP TABLE ticketing.tickets; --");
    expect(garbage.outcome).toBe('INVALID_INPUT');
    expect(garbage.reason).toMatch(/not a ticket QR code/);
    expect(await validationsOf(unknown)).toMatchObject([{ outcome: 'NOT_FOUND', ticket_id: null }]);
    expect(await validationsOf("garbage:'; DROP TABLE ticketing.tickets; --")).toMatchObject([
      { outcome: 'INVALID_INPUT', ticket_id: null },
    ]);
    const empty = await scan('   ');
    expect(empty.outcome).toBe('INVALID_INPUT');
    expect(await validationsOf('(empty)')).toHaveLength(1);
  });

  it('refuses an unknown event with NOT_FOUND and records nothing', async () => {
    const before = await env.db.pool.query('SELECT count(*)::int AS n FROM ticketing.ticket_validations');
    for (const input of [fx.tickets['valid-1']!.payload, 'garbage']) {
      const err = await scan(input, { eventId: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RpcError);
      expect((err as RpcError).code).toBe('NOT_FOUND');
    }
    const after = await env.db.pool.query('SELECT count(*)::int AS n FROM ticketing.ticket_validations');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const { rows } = await env.db.pool.query('SELECT status FROM ticketing.tickets WHERE id = $1', [fx.tickets['valid-1']!.id]);
    expect(rows[0].status).toBe('VALID');
  });

  it('rejects a blank gate or staff name as bad input', async () => {
    const err = await scan(fx.tickets['valid-1']!.payload, { gate: '  ' }).catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('BAD_REQUEST');
  });
});

describe('tickets.validate under concurrency', () => {
  it('accepts a ticket exactly once when 50 scanners scan it at the same time', async () => {
    const t = fx.tickets['valid-2']!;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => scan(i % 2 ? t.payload : t.hash, { gate: `Gate ${(i % 8) + 1}`, staff: `s${i}` })),
    );
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'ACCEPTED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'ALREADY_USED')).toHaveLength(49);
    const winner = results.find((r) => r.outcome === 'ACCEPTED')!;
    // every loser knows when and where the winner scanned it, even those that lost the race mid-statement
    const { rows } = await env.db.pool.query<{ scanned_at: Date }>('SELECT scanned_at FROM ticketing.tickets WHERE id = $1', [t.id]);
    for (const r of results.filter((x) => x.outcome === 'ALREADY_USED')) expect(r.firstScan?.at).toBe(rows[0]!.scanned_at.toISOString());

    const { rows: logged } = await env.db.pool.query<{ outcome: string; n: number }>(
      'SELECT outcome, count(*)::int AS n FROM ticketing.ticket_validations WHERE ticket_id = $1 GROUP BY outcome ORDER BY outcome',
      [t.id],
    );
    expect(logged).toEqual([
      { outcome: 'ACCEPTED', n: 1 },
      { outcome: 'ALREADY_USED', n: 49 },
    ]);
    expect(winner.ticket?.status).toBe('USED');
  });

  it('accepts each of several tickets exactly once when scanned concurrently and repeatedly', async () => {
    const names = ['valid-3', 'valid-4', 'valid-6'];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const name = names[i % names.length]!;
        return scan(fx.tickets[name]!.payload).then((r) => ({ name, outcome: r.outcome }));
      }),
    );
    for (const name of names) {
      const mine = results.filter((r) => r.name === name);
      expect(
        mine.filter((r) => r.outcome === 'ACCEPTED'),
        name,
      ).toHaveLength(1);
      expect(
        mine.filter((r) => r.outcome === 'ALREADY_USED'),
        name,
      ).toHaveLength(mine.length - 1);
    }
  });
});

describe('tickets.validate losing a race mid-statement', () => {
  it('reports ALREADY_USED with the winner’s time and gate, read after the winner commits', async () => {
    const t = fx.tickets['valid-7']!;
    // the winner: holds the row between its UPDATE and its commit
    const winner = await env.db.pool.connect();
    try {
      await winner.query('BEGIN');
      const { rows } = await winner.query<{ scanned_at: Date }>(
        `UPDATE ticketing.tickets SET status = 'USED', scanned_at = now() WHERE id = $1 AND status = 'VALID' RETURNING scanned_at`,
        [t.id],
      );
      await winner.query(
        `INSERT INTO ticketing.ticket_validations (ticket_id, event_id, qr_code_hash, gate, staff, outcome) VALUES ($1, $2, $3, 'Race Gate', 'winner', 'ACCEPTED')`,
        [t.id, fx.eventId, t.hash],
      );
      // the console's scan starts now: its snapshot sees the ticket VALID, its UPDATE waits for the row
      const loser = scan(t.payload, { gate: 'Late Gate' });
      await waitForLockWait(env.db, 'ticketz-console');
      await winner.query('COMMIT');
      const result = await loser;
      expect(result.outcome).toBe('ALREADY_USED');
      expect(result.firstScan).toEqual({ at: rows[0]!.scanned_at.toISOString(), gate: 'Race Gate' });
      expect(result.ticket?.status).toBe('USED');
    } finally {
      await winner.query('ROLLBACK').catch(() => undefined);
      winner.release();
    }
    expect(await validationsOf(t.payload)).toMatchObject([{ outcome: 'ALREADY_USED', gate: 'Late Gate', ticket_id: t.id }]);
  });
});

/** Until a session of `applicationName` waits for a lock (pg_stat_activity), at most 10 s. */
async function waitForLockWait(database: TestDatabase, applicationName: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await database.pool.query(
      `SELECT 1 FROM pg_catalog.pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'`,
      [applicationName],
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the scan never waited for the row lock');
}

describe('gate picker', () => {
  it('lists events nearest in time first and the gates used at one', async () => {
    const { events } = await env.call('tickets.listEvents', { connectionId: env.id });
    expect(events.map((e) => e.id)).toEqual([fx.eventId, fx.otherEventId]);
    expect(events[0]).toMatchObject({ title: 'Fixture Night', venue: 'Fixture Hall', city: 'Utrecht', status: 'PUBLISHED' });
    const found = await env.call('tickets.listEvents', { connectionId: env.id, search: 'other' });
    expect(found.events.map((e) => e.title)).toEqual(['Other Night']);
    const { gates } = await env.call('tickets.listGates', { connectionId: env.id, eventId: fx.eventId });
    expect(gates.map((g) => g.gate)).toContain('Gate Z');
    expect(Number(gates[0]!.scans)).toBeGreaterThan(1);
  });
});

describe('on a database without the Ticketz schema', () => {
  it('answers NOT_FOUND with a clear message', async () => {
    const plain = await createTestDatabase('plain');
    try {
      const id = await env.direct.addProfile(plain);
      for (const call of [
        () => env.call('tickets.listEvents', { connectionId: id }),
        () => env.call('tickets.validate', { connectionId: id, eventId: fx.eventId, qrHash: 'garbage', gate: 'A', staff: 'b' }),
        () =>
          env.call('tickets.validate', {
            connectionId: id,
            eventId: fx.eventId,
            qrHash: fx.tickets['valid-1']!.hash,
            gate: 'A',
            staff: 'b',
          }),
      ]) {
        const err = await call().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(RpcError);
        expect((err as RpcError).code).toBe('NOT_FOUND');
        expect((err as RpcError).message).toMatch(/no ticketing schema/);
      }
    } finally {
      await env.direct.core.deps.pools.closeAll();
      await plain.drop();
    }
  });
});
