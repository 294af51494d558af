import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../shared/contract/events';
import { startDebianPostgres, type DebianPostgres } from '../testing/debian-postgres';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import type { TestDatabase } from '../testing/test-database';

let server: DebianPostgres;
let direct: DirectCore;
let id: string;
const progress: TaskProgress[] = [];

beforeAll(async () => {
  server = await startDebianPostgres(15, 'ticketz-backups-service');
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE shop');
  await admin.end();
  const shop = new pg.Client({ connectionString: server.urlFor('shop') });
  await shop.connect();
  await shop.query(`CREATE TABLE orders AS SELECT g AS id, g * 2.5 AS total FROM generate_series(1, 20000) AS g`);
  await shop.end();
  direct = createDirectCore();
  direct.core.events.subscribe((name, payload) => name === 'task.progress' && progress.push(payload as TaskProgress));
  const db = { name: 'shop', host: '127.0.0.1', port: server.port, user: 'postgres', password: server.password } as TestDatabase;
  id = await direct.addProfile(db, { environment: 'production' });
}, 120_000);

afterAll(async () => {
  await direct?.dispose();
  await server?.stop();
});

describe('backups service (PostgreSQL 15, pg_dump 15)', () => {
  let file: string;

  it('creates a backup as a task with progress events, lists it with its age, and audits it', async () => {
    const taskId = '3d0c8d36-6a57-4c8e-9b4f-0f3a3c2b1a01';
    const created = await direct.call('backups.create', { connectionId: id, taskId });
    file = created.file;
    expect(existsSync(file)).toBe(true);
    const mine = progress.filter((p) => p.taskId === taskId);
    expect(mine.at(-1)).toMatchObject({ state: 'succeeded', fraction: 1 });
    expect(mine.some((p) => p.state === 'running' && (p.fraction ?? 0) > 0 && (p.fraction ?? 0) < 1)).toBe(true);

    const list = await direct.call('backups.list', { connectionId: id });
    expect(list.backups[0]).toMatchObject({ file, database: 'shop', totalRows: '20000', verification: null });
    expect(list.age.state).toBe('ok');
    expect(list.age.ageHours).toBeLessThan(1);

    const audit = await direct.call('audit.list', { connectionId: id, action: 'backups.create' });
    expect(audit.entries[0]).toMatchObject({ action: 'backups.create', outcome: 'succeeded', target: 'shop' });
  });

  it('verifies it by restoring, and the list shows it proven', async () => {
    const verified = await direct.call('backups.verify', { connectionId: id, file });
    expect(verified.report).toMatchObject({ ok: true, problems: [], tables: 1, rows: '20000' });
    const list = await direct.call('backups.list', { connectionId: id });
    expect(list.backups[0]!.verification).toMatchObject({ ok: true });
  });

  it('restores only with the name typed on a production connection', async () => {
    await expect(direct.call('backups.restore', { connectionId: id, file, to: 'shop_restored' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('type the database name "shop_restored"'),
    });
    const restored = await direct.call('backups.restore', { connectionId: id, file, to: 'shop_restored', confirmName: 'shop_restored' });
    expect(restored).toMatchObject({ database: 'shop_restored', created: true });
    const audit = await direct.call('audit.list', { connectionId: id, action: 'backups.restore' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded', target: 'shop_restored' });
  });

  it('cancels a running backup through the task runner, leaving it cancelled and audited', async () => {
    const taskId = '9a4d6b1e-2c3f-4e5a-8b7c-6d5e4f3a2b10';
    const stop = direct.core.events.subscribe((name, payload) => {
      const p = payload as TaskProgress;
      if (name === 'task.progress' && p.taskId === taskId && p.state === 'running') void direct.call('maintenance.cancelTask', { taskId });
    });
    try {
      await expect(direct.call('backups.create', { connectionId: id, taskId })).rejects.toBeDefined();
    } finally {
      stop();
    }
    const tasks = await direct.call('maintenance.tasks', { connectionId: id });
    expect(tasks.tasks.find((t) => t.taskId === taskId)).toMatchObject({ kind: 'backup.create', state: 'cancelled' });
    const audit = await direct.call('audit.list', { connectionId: id, action: 'backups.create', outcome: 'cancelled' });
    expect(audit.entries).toHaveLength(1);
  });

  it('reads WAL archiving from pg_stat_archiver', async () => {
    const wal = await direct.call('backups.walArchiving', { connectionId: id });
    expect(wal.archiveMode).toBe('off');
    expect(wal.archivedCount).toBe('0');
    expect(wal.lastArchivedWal).toBeNull();
  });

  it('rehearses the pending migrations on the newest backup as a task, leaving the source as it was', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-rehearse-ui-'));
    writeFileSync(path.join(dir, '0001_add_note.up.sql'), 'ALTER TABLE orders ADD COLUMN note text;\n');
    writeFileSync(path.join(dir, '0001_add_note.down.sql'), 'ALTER TABLE orders DROP COLUMN note;\n');
    try {
      const { report } = await direct.call('migrations.rehearse', { connectionId: id, dir });
      expect(report.backup.source).toBe('latest');
      expect(report.ok).toBe(true);
      expect(report.migrations).toEqual([
        expect.objectContaining({
          version: '0001',
          ok: true,
          tables: [{ table: 'public.orders', rowsBefore: '20000', rowsAfter: '20000' }],
        }),
      ]);
      const status = await direct.call('migrations.status', { connectionId: id, dir });
      expect(status.migrations.map((m) => m.status)).toEqual(['pending']);
      const audit = await direct.call('audit.list', { connectionId: id, action: 'migrations.rehearse' });
      expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the tools it would use, takes the pre-migration snapshot and restores it in place as one confirmed action', async () => {
    const tools = await direct.call('backups.tools', { connectionId: id });
    expect(tools).toMatchObject({ serverMajor: 15, problem: null, pgDump: { version: expect.stringContaining('15.') } });

    const dir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-premigration-ui-'));
    writeFileSync(path.join(dir, '0001_shrink.up.sql'), 'DELETE FROM orders WHERE id > 100;\n');
    try {
      const snap = await direct.call('backups.snapshotBeforeMigrations', { connectionId: id, dir });
      expect(snap.tables).toEqual(['public.orders']);
      await direct.call('migrations.apply', { connectionId: id, dir });
      const count = async () => {
        const c = new pg.Client({ connectionString: server.urlFor('shop') });
        await c.connect();
        const n = (await c.query<{ n: string }>('SELECT count(*)::text AS n FROM orders')).rows[0]!.n;
        await c.end();
        return n;
      };
      expect(await count()).toBe('100');
      await expect(
        direct.call('backups.restoreInPlace', { connectionId: id, file: snap.file!, confirmName: 'wrong' }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      const restored = await direct.call('backups.restoreInPlace', { connectionId: id, file: snap.file!, confirmName: 'shop' });
      expect(restored).toMatchObject({ tables: ['public.orders'], forgotten: ['0001'] });
      expect(await count()).toBe('20000');
      const list = await direct.call('backups.list', { connectionId: id });
      expect(list.backups.find((b) => b.file === snap.file)?.preMigration).toEqual({ versions: ['0001'] });
      const audit = await direct.call('audit.list', { connectionId: id, action: 'backups.restoreInPlace' });
      expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
