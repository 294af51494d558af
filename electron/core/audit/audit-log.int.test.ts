import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { audited } from './audit-log';

let db: TestDatabase;
let direct: DirectCore;

beforeAll(async () => {
  db = await createTestDatabase('audit');
  direct = createDirectCore();
});
afterAll(async () => {
  await direct.dispose();
  await db.drop();
});

describe('audit log', () => {
  it('records into ticketz_console.audit_log when the role may write, with role and OS user', async () => {
    const id = await direct.addProfile(db);
    const entry = await direct.core.deps.audit.record(id, {
      action: 'maintenance.vacuum',
      target: 'public.t',
      detail: 'VACUUM public.t',
      outcome: 'succeeded',
      durationMs: 12,
    });
    expect(entry.storage).toBe('database');
    expect(entry.role).toBe(db.user);
    expect(entry.osUser).not.toBe('');
    const { rows } = await db.pool.query('SELECT action, target, outcome FROM ticketz_console.audit_log');
    expect(rows).toContainEqual({ action: 'maintenance.vacuum', target: 'public.t', outcome: 'succeeded' });
  });

  it('falls back to the local append-only log on a read-only connection, and lists both', async () => {
    const id = await direct.addProfile(db, { readOnly: true, name: 'ro' });
    const entry = await direct.core.deps.audit.record(id, {
      action: 'session.cancel',
      target: 'pid 42',
      detail: 'pg_cancel_backend(42)',
      outcome: 'failed',
      durationMs: 1,
      error: 'boom',
    });
    expect(entry.storage).toBe('local');
    expect(entry.detail).toMatch(/read-only/);
    const listed = await direct.call('audit.list', { connectionId: id });
    expect(listed.databaseTable).toBe(true);
    expect(listed.entries.map((e) => e.storage).sort()).toEqual(['database', 'local']);
    const filtered = await direct.call('audit.list', { connectionId: id, action: 'session.cancel' });
    expect(filtered.entries).toHaveLength(1);
    expect(filtered.entries[0]).toMatchObject({ target: 'pid 42', outcome: 'failed', error: 'boom' });
  });

  it('audited() records failures and cancellations and rethrows', async () => {
    const id = await direct.addProfile(db, { name: 'rw2' });
    const audit = direct.core.deps.audit;
    await expect(
      audited(audit, id, { action: 'test.fail', target: 'x', detail: 'y' }, async () => {
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    await expect(
      audited(audit, id, { action: 'test.cancel', target: 'x', detail: 'y' }, () =>
        db.pool.query('SET statement_timeout = 50; SELECT pg_sleep(1)'),
      ),
    ).rejects.toThrow(/statement timeout/);
    const { entries } = await direct.call('audit.list', { connectionId: id, search: 'x' });
    const byAction = Object.fromEntries(entries.map((e) => [e.action, e.outcome]));
    expect(byAction['test.fail']).toBe('failed');
    expect(byAction['test.cancel']).toBe('cancelled');
  });
});
