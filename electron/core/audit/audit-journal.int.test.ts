import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../create-core';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { audited } from './audit-log';

let db: TestDatabase;
let direct: DirectCore;

beforeAll(async () => {
  db = await createTestDatabase('audit_journal');
  direct = createDirectCore();
});
afterAll(async () => {
  await direct?.dispose();
  await db?.drop();
});

const journalLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { kind?: string; id: string; storedIn?: string });

describe('the local audit journal', () => {
  it('is on disk before the change is sent, and completed with where the entry went', async () => {
    const id = await direct.addProfile(db, { name: 'journal-rw' });
    const audit = direct.core.deps.audit;
    const file = audit.localPath(id);
    let seenBefore: Array<{ kind?: string }> = [];
    await audited(audit, id, { action: 'test.change', target: 't', detail: 'd' }, async () => {
      seenBefore = journalLines(file);
    });
    expect(seenBefore.map((l) => l.kind)).toEqual(['begin']);
    await audit.close(); // waits for the end line
    const lines = journalLines(file);
    expect(lines.map((l) => [l.kind, l.storedIn])).toEqual([
      ['begin', undefined],
      ['end', 'database'],
    ]);
  });

  it('lists a change that was announced but never completed (a crash) as outcome unknown, once', async () => {
    const id = await direct.addProfile(db, { name: 'journal-crash' });
    // one core announces a change and "dies" before it ends (never disposed, never finished)
    const crashed = createCore({ dataDir: direct.dataDir, host: 'direct' });
    await crashed.deps.audit.begin(id, { action: 'maintenance.vacuum', target: 'public.big', detail: 'VACUUM public.big' });
    // a finished one in the same file, stored in the database: listed from there, not twice
    await audited(
      direct.core.deps.audit,
      id,
      { action: 'maintenance.analyze', target: 'public.big', detail: 'ANALYZE public.big' },
      async () => undefined,
    );
    const listed = await direct.call('audit.list', { connectionId: id, search: 'public.big' });
    expect(listed.entries.map((e) => [e.action, e.outcome, e.storage])).toEqual([
      ['maintenance.analyze', 'succeeded', 'database'],
      ['maintenance.vacuum', 'unknown', 'local'],
    ]);
    const unknown = await direct.call('audit.list', { connectionId: id, outcome: 'unknown' });
    expect(unknown.entries.map((e) => e.target)).toEqual(['public.big']);
    await crashed.dispose();
  });

  it("shows the local entries, and says why, when the role cannot read the database's audit table", async () => {
    const owner = await direct.addProfile(db, { name: 'journal-owner' });
    await audited(direct.core.deps.audit, owner, { action: 'test.owner', target: 'x', detail: 'in the table' }, async () => undefined);
    const role = `no_audit_${db.name}`;
    await db.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD '${db.password.replace(/'/g, "''")}'`);
    await db.pool.query(`REVOKE ALL ON SCHEMA ticketz_console FROM PUBLIC`);
    const conn = await direct.addProfile(db, { name: 'journal-no-usage', user: role });
    await audited(
      direct.core.deps.audit,
      conn,
      { action: 'session.cancel', target: 'pid 7', detail: 'pg_cancel_backend(7)' },
      async () => undefined,
    );

    const listed = await direct.call('audit.list', { connectionId: conn });
    expect(listed.databaseError).toMatch(/audit table could not be read \(permission denied for schema ticketz_console\)/);
    expect(listed.entries.map((e) => [e.action, e.outcome, e.storage])).toEqual([['session.cancel', 'succeeded', 'local']]);
  });
});
