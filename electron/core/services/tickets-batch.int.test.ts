import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import validateBatchSql from '../sql/tickets/validate-batch.sql?raw';
import { withoutAudit } from '../ticketz/gate-statements';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { applyTicketzSchema } from '../testing/ticketz-schema';

let db: TestDatabase;
let fx: GateFixture;

beforeAll(async () => {
  db = await createTestDatabase('tickets_batch');
  await applyTicketzSchema(db.pool);
  fx = await insertGateFixture(db.pool, 12);
});
afterAll(async () => {
  await db?.drop();
});

interface BatchRow {
  ord: number;
  outcome: string | null;
  raced: boolean | null;
  ticket_id: string | null;
  ticket_status: string | null;
  first_scan_at: Date | null;
  first_scan_gate: string | null;
}

/** validate-batch.sql on its own: scans as the batcher sends them, one statement. */
async function batch(scans: { hash: string; eventId?: string; gate: string }[]) {
  const { rows } = await db.pool.query<BatchRow>(withoutAudit(validateBatchSql), [
    scans.map((s) => s.hash),
    scans.map((s) => s.eventId ?? fx.eventId),
    scans.map((s) => s.hash),
    scans.map((s) => s.gate),
    scans.map(() => 'batch-tester'),
  ]);
  return rows;
}

describe('validate-batch.sql', () => {
  it('decides every scan of a mixed batch like validate.sql would, in order, and logs each', async () => {
    const valid = fx.tickets['valid-1']!;
    const rows = await batch([
      { hash: valid.hash, gate: 'G1' },
      { hash: fx.tickets.used!.hash, gate: 'G2' },
      { hash: fx.otherEventTicket.hash, gate: 'G3' },
      { hash: fx.tickets.cancelled!.hash, gate: 'G4' },
      { hash: fx.tickets.refunded!.hash, gate: 'G5' },
      { hash: 'f'.repeat(64), gate: 'G6' },
      { hash: valid.hash, gate: 'G7' },
    ]);
    expect(rows.map((r) => [r.ord, r.outcome])).toEqual([
      [1, 'ACCEPTED'],
      [2, 'ALREADY_USED'],
      [3, 'WRONG_EVENT'],
      [4, 'CANCELLED'],
      [5, 'REFUNDED'],
      [6, 'NOT_FOUND'],
      [7, 'ALREADY_USED'],
    ]);
    // the later scan of the ticket this batch accepted: the winner's time and gate, ticket USED
    const { rows: ticket } = await db.pool.query<{ scanned_at: Date; status: string }>(
      'SELECT scanned_at, status FROM ticketing.tickets WHERE id = $1',
      [valid.id],
    );
    expect(ticket[0]).toMatchObject({ status: 'USED' });
    expect(rows[6]).toMatchObject({ raced: false, ticket_status: 'USED', first_scan_gate: 'G1', first_scan_at: ticket[0]!.scanned_at });
    // a ticket used before this batch: its first gate from the log
    expect(rows[1]).toMatchObject({ first_scan_gate: 'Gate Z' });
    // another event's ticket reveals nothing
    expect(rows[2]).toMatchObject({ ticket_id: null, ticket_status: null });

    const { rows: logged } = await db.pool.query<{ gate: string; outcome: string }>(
      `SELECT gate, outcome FROM ticketing.ticket_validations WHERE staff = 'batch-tester' ORDER BY gate`,
    );
    expect(logged.map((l) => `${l.gate}:${l.outcome}`)).toEqual([
      'G1:ACCEPTED',
      'G2:ALREADY_USED',
      'G3:WRONG_EVENT',
      'G4:CANCELLED',
      'G5:REFUNDED',
      'G6:NOT_FOUND',
      'G7:ALREADY_USED',
    ]);
  });

  it('gives a scan of an event that does not exist no outcome and logs nothing for it, without failing the others', async () => {
    const rows = await batch([
      { hash: fx.tickets['valid-2']!.hash, eventId: randomUUID(), gate: 'Nowhere' },
      { hash: fx.tickets['valid-3']!.hash, gate: 'Somewhere' },
    ]);
    expect(rows.map((r) => r.outcome)).toEqual([null, 'ACCEPTED']);
    const { rows: logged } = await db.pool.query(`SELECT 1 FROM ticketing.ticket_validations WHERE gate = 'Nowhere'`);
    expect(logged).toHaveLength(0);
  });
});

describe('tickets.validate from two console processes at once', () => {
  it('accepts each ticket exactly once when two gates batch overlapping scans concurrently', async () => {
    // two cores = two pools = two batchers, as two gate laptops would run; their batches race in Postgres
    const cores: DirectCore[] = [createDirectCore({ poolSize: 6 }), createDirectCore({ poolSize: 6 })];
    try {
      const connections = await Promise.all(cores.map((c) => c.addProfile(db)));
      const names = ['valid-4', 'valid-5', 'valid-6', 'valid-7', 'valid-8'];
      const results = await Promise.all(
        Array.from({ length: 80 }, (_, i) => {
          const name = names[i % names.length]!;
          const core = i % 2;
          return cores[core]!.call('tickets.validate', {
            connectionId: connections[core]!,
            eventId: fx.eventId,
            qrHash: fx.tickets[name]!.payload,
            gate: `Laptop ${core}`,
            staff: 'race',
          }).then((r) => ({ name, outcome: r.outcome }));
        }),
      );
      for (const name of names) {
        const mine = results.filter((r) => r.name === name).map((r) => r.outcome);
        expect(
          mine.filter((o) => o === 'ACCEPTED'),
          name,
        ).toHaveLength(1);
        expect(
          mine.filter((o) => o === 'ALREADY_USED'),
          name,
        ).toHaveLength(mine.length - 1);
        const { rows } = await db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ticketing.ticket_validations WHERE ticket_id = $1 AND outcome = 'ACCEPTED'`,
          [fx.tickets[name]!.id],
        );
        expect(rows[0]!.n, name).toBe(1);
      }
    } finally {
      await Promise.all(cores.map((c) => c.dispose()));
    }
  });
});
