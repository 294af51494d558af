import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osUserName } from '../db/run-as-postgres-user';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { applyTicketzSchema } from '../testing/ticketz-schema';

let db: TestDatabase;
let fx: GateFixture;
let direct: DirectCore;

beforeAll(async () => {
  db = await createTestDatabase('tickets_audit');
  await applyTicketzSchema(db.pool);
  fx = await insertGateFixture(db.pool, 30);
  direct = createDirectCore({ poolSize: 8 });
});
afterAll(async () => {
  await direct?.dispose();
  await db?.drop();
});

const scan = (connectionId: string, qrHash: string, gate = 'Audit Gate') =>
  direct.call('tickets.validate', { connectionId, eventId: fx.eventId, qrHash, gate, staff: 'auditor' });

describe('ticket validations in the audit log', () => {
  it('records every scan, alone or batched, in the database audit table with role, OS user and outcome', async () => {
    const conn = await direct.addProfile(db, { name: 'gate-rw' });
    expect((await scan(conn, fx.tickets['valid-1']!.payload)).outcome).toBe('ACCEPTED');
    expect((await scan(conn, 'not a ticket')).outcome).toBe('INVALID_INPUT');
    // concurrent scans leave in batches: still one entry per scan
    const names = ['valid-2', 'valid-3', 'valid-4', 'valid-5'];
    await Promise.all(Array.from({ length: 20 }, (_, i) => scan(conn, fx.tickets[names[i % names.length]!]!.hash, 'Batch Gate')));

    const { rows } = await db.pool.query<{ role: string; os_user: string; target: string; detail: string; outcome: string }>(
      `SELECT role, os_user, target, detail, outcome FROM ticketz_console.audit_log WHERE action = 'ticket.validate' ORDER BY at, detail`,
    );
    expect(rows).toHaveLength(22);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set([db.user]));
    expect(new Set(rows.map((r) => r.os_user))).toEqual(new Set([osUserName()]));
    expect(rows.every((r) => r.outcome === 'succeeded')).toBe(true);
    const accepted = rows.filter((r) => r.detail.startsWith('ACCEPTED'));
    expect(accepted.map((r) => r.target).sort()).toEqual(['valid-1', ...names].map((n) => fx.tickets[n]!.id).sort());
    expect(rows.filter((r) => r.detail.startsWith('ALREADY_USED'))).toHaveLength(16);
    expect(rows.find((r) => r.detail.startsWith('INVALID_INPUT'))?.target).toBe('not a ticket');

    const listed = await direct.call('audit.list', { connectionId: conn, action: 'ticket.validate', search: 'Batch Gate', limit: 100 });
    expect(listed.entries).toHaveLength(20);
    expect(listed.entries.every((e) => e.storage === 'database')).toBe(true);
  });

  it('keeps scans working and records them locally for a gate role that cannot write the audit table', async () => {
    const gateRole = `gate_only_${db.name}`;
    await db.pool.query(`CREATE ROLE ${gateRole} LOGIN PASSWORD '${db.password.replace(/'/g, "''")}'`);
    await db.pool.query(`GRANT USAGE ON SCHEMA ticketing TO ${gateRole};
      GRANT SELECT ON ALL TABLES IN SCHEMA ticketing TO ${gateRole};
      GRANT UPDATE ON ticketing.tickets TO ${gateRole};
      GRANT INSERT ON ticketing.ticket_validations TO ${gateRole};
      GRANT USAGE ON SCHEMA ticketz_console TO ${gateRole};
      GRANT SELECT ON ticketz_console.audit_log TO ${gateRole};
      REVOKE CREATE ON DATABASE ${db.name} FROM PUBLIC;`);
    const conn = await direct.addProfile(db, { name: 'gate-only', user: gateRole });
    expect((await scan(conn, fx.tickets['valid-6']!.payload, 'Local Gate')).outcome).toBe('ACCEPTED');
    expect((await scan(conn, fx.tickets['valid-6']!.payload, 'Local Gate')).outcome).toBe('ALREADY_USED');

    const listed = await direct.call('audit.list', { connectionId: conn, action: 'ticket.validate', search: 'Local Gate', limit: 10 });
    expect(listed.entries.map((e) => [e.storage, e.detail.split(' ')[0]])).toEqual([
      ['local', 'ALREADY_USED'],
      ['local', 'ACCEPTED'],
    ]);
    const { rows } = await db.pool.query(`SELECT 1 FROM ticketz_console.audit_log WHERE detail LIKE '%Local Gate%'`);
    expect(rows).toHaveLength(0);
  });

  it('notices when the audit table goes away between scans and still records the next scan', async () => {
    const conn = await direct.addProfile(db, { name: 'gate-rw-2' });
    expect((await scan(conn, fx.tickets['valid-7']!.payload, 'Gone Gate')).outcome).toBe('ACCEPTED');
    await db.pool.query('DROP TABLE ticketz_console.audit_log');
    expect((await scan(conn, fx.tickets['valid-8']!.payload, 'Gone Gate')).outcome).toBe('ACCEPTED');
    // the console's role may create it: it was created again and took the entry
    const { rows } = await db.pool.query<{ target: string }>(
      `SELECT target FROM ticketz_console.audit_log WHERE detail LIKE '%Gone Gate%'`,
    );
    expect(rows.map((r) => r.target)).toEqual([fx.tickets['valid-8']!.id]);
  });
});
