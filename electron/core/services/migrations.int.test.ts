import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../shared/contract/events';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { copyFixture, emptyMigrationsDir } from '../migrations/testing/engine-fixtures';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('svc_migrations');

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e as RpcError,
  );

describe('migrations service', () => {
  it('status, plan, apply and rollback through the dispatcher, audited, with progress per migration and statement', async () => {
    const dir = copyFixture('ticketz');
    const status = await env.call('migrations.status', { connectionId: env.id, dir });
    expect(status).toMatchObject({ dir, historyTable: false, flywayHistory: [], warnings: [], invalidIndexes: [] });
    expect(status.migrations.map((m) => [m.version, m.status, m.format, m.hasDown])).toEqual([
      ['0001', 'pending', 'up-down', true],
      ['0002', 'pending', 'up-down', true],
    ]);

    const plan = await env.call('migrations.plan', { connectionId: env.id, dir });
    expect(plan).toMatchObject({
      direction: 'up',
      blockers: [],
      steps: [{ version: '0001', statements: 6, transactional: true }, { version: '0002' }],
    });

    const events: TaskProgress[] = [];
    const unsubscribe = env.direct.core.events.subscribe(
      (name, payload) => name === 'task.progress' && events.push(payload as TaskProgress),
    );
    const applied = await env.call('migrations.apply', { connectionId: env.id, dir, taskId: 'task-1' });
    unsubscribe();
    expect(applied.ran.map((r) => r.version)).toEqual(['0001', '0002']);
    expect(events.every((e) => e.taskId === 'task-1' && e.connectionId === env.id)).toBe(true);
    expect(events.some((e) => e.detail?.startsWith('0001 create_catalog: line 4: CREATE SCHEMA catalog'))).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'succeeded', fraction: 1 });

    const after = await env.call('migrations.status', { connectionId: env.id, dir });
    expect(after.migrations[0]).toMatchObject({
      status: 'applied',
      appliedBy: expect.stringMatching(new RegExp(`^${env.db.user} \\(.+\\)$`)),
      durationMs: expect.any(Number),
    });

    const back = await env.call('migrations.rollback', { connectionId: env.id, dir, steps: 1 });
    expect(back.ran.map((r) => [r.direction, r.version])).toEqual([['down', '0002']]);

    const audit = await env.call('audit.list', { connectionId: env.id, search: 'ticketz' });
    expect(audit.entries.map((e) => [e.action, e.outcome])).toEqual(
      expect.arrayContaining([
        ['migration.apply', 'succeeded'],
        ['migration.rollback', 'succeeded'],
      ]),
    );
    expect(audit.entries.find((e) => e.action === 'migration.apply')!.detail).toBe('up: 0001 create_catalog, 0002 add_genre_slug');
  });

  it('maps failures: drift is CONFLICT, a failed statement PG_ERROR with its SQLSTATE; both audited', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '7_a.up.sql'), 'CREATE TABLE svc_a (id int);\n');
    await env.call('migrations.apply', { connectionId: env.id, dir });
    appendFileSync(path.join(dir, '7_a.up.sql'), '-- edited\n');
    const drift = await failure(env.call('migrations.apply', { connectionId: env.id, dir }));
    expect(drift).toBeInstanceOf(RpcError);
    expect(drift.code).toBe('CONFLICT');
    expect(drift.message).toContain('7_a.up.sql changed since it was applied');

    const broken = emptyMigrationsDir();
    writeFileSync(path.join(broken, '9_b.up.sql'), 'SELECT 1/0;\n');
    const sql = await failure(env.call('migrations.apply', { connectionId: env.id, dir: broken }));
    expect(sql.code).toBe('PG_ERROR');
    expect(sql.pg).toMatchObject({ sqlstate: '22012' });
    expect(sql.message).toContain('9_b.up.sql:1:');
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'migration.apply', outcome: 'failed' });
    expect(audit.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses to change a read-only connection, and says where the folder was not found', async () => {
    const readOnly = await env.direct.addProfile(env.db, { name: 'ro', readOnly: true });
    const refused = await failure(env.call('migrations.apply', { connectionId: readOnly, dir: copyFixture('ticketz') }));
    expect(refused.code).toBe('READ_ONLY');
    const missing = await failure(env.call('migrations.status', { connectionId: env.id, dir: '/nonexistent/migrations' }));
    expect(missing).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Migrations folder not found: /nonexistent/migrations'),
    });
  });
});
