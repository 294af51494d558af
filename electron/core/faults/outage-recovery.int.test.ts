import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';
import { startRestartableDatabase, type RestartableDatabase } from '../testing/restartable-database';
import { applyTicketzSchema } from '../testing/ticketz-schema';

/**
 * The database goes away under a live core and comes back: nothing the core asked while it was
 * gone may be remembered as an answer (no failure cached). Each capability that keeps state per
 * connection — the pool, the audit table's writability, the gate's prepared statements, server
 * facts, extension presence — is used before, during and after the outage.
 */
let db: RestartableDatabase;
let fx: GateFixture;
let direct: DirectCore;
let conn: string;

beforeAll(async () => {
  db = await startRestartableDatabase('outage', ['-c', 'shared_preload_libraries=pg_stat_statements']);
  await applyTicketzSchema(db.pool);
  fx = await insertGateFixture(db.pool, 10);
  await db.pool.query('CREATE EXTENSION pg_stat_statements');
  direct = createDirectCore({ poolSize: 4 });
  conn = await direct.addProfile(db);
});
afterAll(async () => {
  await direct?.dispose();
  await db?.drop();
});

const scan = (ticket: string) =>
  direct.call('tickets.validate', { connectionId: conn, eventId: fx.eventId, qrHash: fx.tickets[ticket]!.hash, gate: 'G', staff: 's' });

async function failsWhileDown(call: () => Promise<unknown>): Promise<RpcError> {
  const err = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RpcError);
  return err as RpcError;
}

async function auditedInDatabase(ticketId: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM ticketz_console.audit_log WHERE action = 'ticket.validate' AND target = $1",
    [ticketId],
  );
  return rows[0]!.n;
}

describe('after the database goes away and comes back', () => {
  it('opens a pool whose first attempt came during the outage', async () => {
    await db.stopServer();
    try {
      expect((await failsWhileDown(() => direct.call('connections.connect', { id: conn }))).code).toBe('CONNECTION_FAILED');
    } finally {
      await db.startServer();
    }
    const info = await direct.call('connections.connect', { id: conn });
    expect(info.database).toBe(db.name);
  });

  it('scans again, audited in the database, when the first scan ever came during the outage', async () => {
    // the pool is open (the test above), the gate has not asked about the audit table yet
    await db.stopServer();
    try {
      await failsWhileDown(() => scan('valid-1'));
      await failsWhileDown(() => scan('valid-1'));
    } finally {
      await db.startServer();
    }
    expect((await scan('valid-1')).outcome).toBe('ACCEPTED');
    // the audited statement form, not the local fallback a failed probe would have chosen
    expect(await auditedInDatabase(fx.tickets['valid-1']!.id)).toBe(1);
  });

  it('keeps its prepared gate statements working on the new sessions after a restart', async () => {
    expect((await scan('valid-2')).outcome).toBe('ACCEPTED');
    // concurrent scans take the batch statement on several sessions
    await Promise.all(['valid-3', 'valid-4', 'valid-5', 'valid-6'].map(scan));
    await db.stopServer();
    await db.startServer();
    expect((await scan('valid-2')).outcome).toBe('ALREADY_USED');
    const outcomes = await Promise.all(['valid-3', 'valid-4', 'valid-7', 'valid-8'].map(scan));
    expect(outcomes.map((o) => o.outcome)).toEqual(['ALREADY_USED', 'ALREADY_USED', 'ACCEPTED', 'ACCEPTED']);
    expect(await auditedInDatabase(fx.tickets['valid-8']!.id)).toBe(1);
  });

  it('reads server facts and extension presence again', async () => {
    await db.stopServer();
    try {
      await failsWhileDown(() => direct.call('connections.ping', { id: conn }));
      await failsWhileDown(() => direct.call('insights.statementsStatus', { connectionId: conn }));
    } finally {
      await db.startServer();
    }
    expect((await direct.call('connections.ping', { id: conn })).serverVersionNum).toBeGreaterThanOrEqual(130000);
    expect((await direct.call('insights.statementsStatus', { connectionId: conn })).state).toBe('ready');
  });

  it('records changes in the database audit table again (not the local fallback)', async () => {
    await db.stopServer();
    try {
      // While the server is down the Audit page still lists what is kept locally, and says why the rest is missing.
      const down = await direct.call('audit.list', { connectionId: conn, limit: 10 });
      expect(down.databaseTable).toBe(false);
      expect(down.databaseError).toMatch(/could not be read/);
      await failsWhileDown(() => direct.call('insights.resetStatements', { connectionId: conn, minmaxOnly: false }));
    } finally {
      await db.startServer();
    }
    await direct.call('insights.resetStatements', { connectionId: conn, minmaxOnly: false });
    const resets = await direct.call('audit.list', { connectionId: conn, action: 'statements.reset', limit: 10 });
    expect(resets.databaseTable).toBe(true);
    // Newest first: the reset after the restart is in the database table; the one tried during the outage stayed local.
    expect(resets.entries.map((e) => [e.storage, e.outcome])).toEqual([
      ['database', 'succeeded'],
      ['local', 'failed'],
    ]);
  });
});
