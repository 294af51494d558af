import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskProgress } from '../../../shared/contract/events';
import { AuditLog } from '../audit/audit-log';
import type { PoolRegistry } from '../db/pool-registry';
import { EventBus } from '../rpc/call-context';
import { TaskRunner } from './task-runner';

/** No database reachable: audit entries go to the local log, which the test reads back. */
const noDatabase = { get: () => Promise.reject(new Error('no database in this test')) } as unknown as PoolRegistry;

let dataDir: string;
let audit: AuditLog;
let events: EventBus;
let runner: TaskRunner;
let progress: TaskProgress[];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-jobs-'));
  audit = new AuditLog(dataDir, noDatabase, 'direct');
  events = new EventBus();
  progress = [];
  events.subscribe((name, payload) => name === 'task.progress' && progress.push(payload as TaskProgress));
  runner = new TaskRunner({ pools: noDatabase, events, audit });
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** The local journal's entries (no database here), as the Audit page reads them. */
const localAudit = async () => (await audit.list('c1', { limit: 50 })).entries;

const spec = { connectionId: 'c1', kind: 'backup.create' as const, label: 'pg_dump shop', statement: 'pg_dump -Fc shop' };
const audited = { action: 'backup.create', target: 'shop', detail: 'pg_dump -Fc' };

describe('task runner jobs (work that is not SQL)', () => {
  it('reports progress, lists the job, and audits success', async () => {
    const { result, info } = await runner.runJob({
      ...spec,
      audit: audited,
      work: async ({ report }) => {
        report({ fraction: 0.5, detail: 'half' });
        expect(runner.list('c1')).toEqual([
          expect.objectContaining({ kind: 'backup.create', state: 'running', fraction: 0.5, detail: 'half' }),
        ]);
        return 42;
      },
    });
    expect(result).toBe(42);
    expect(info.statement).toBe('pg_dump -Fc shop');
    expect(progress.map((p) => [p.state, p.fraction])).toEqual([
      ['running', 0],
      ['running', 0.5],
      ['succeeded', 1],
    ]);
    expect(await localAudit()).toEqual([expect.objectContaining({ action: 'backup.create', outcome: 'succeeded' })]);
  });

  it('cancel aborts the job’s signal; the job ends cancelled and is audited as cancelled', async () => {
    const taskId = '6f1c1f9e-8d7a-4c55-9a53-3f8d8f0e7a11';
    let started = false;
    const running = runner.runJob({
      ...spec,
      taskId,
      audit: audited,
      work: ({ signal }) => {
        started = true;
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(Object.assign(new Error('stopped'), { code: '57014' }))),
        );
      },
    });
    // The work starts once its audit entry is on disk.
    await vi.waitFor(() => expect(started).toBe(true));
    expect(await runner.cancel(taskId)).toBe(true);
    await expect(running).rejects.toThrow('stopped');
    expect(runner.list('c1')[0]).toMatchObject({ taskId, state: 'cancelled' });
    expect(await localAudit()).toEqual([expect.objectContaining({ outcome: 'cancelled' })]);
    expect(await runner.cancel(taskId)).toBe(false); // finished: nothing to cancel
  });

  it('a job cancelled while its audit entry is still being written never starts its work', async () => {
    const taskId = '3c9a2d41-5b6e-4f70-8a11-9e2b7c4d5f33';
    let started = false;
    const running = runner.runJob({ ...spec, taskId, audit: audited, work: async () => void (started = true) });
    expect(await runner.cancel(taskId)).toBe(true);
    await expect(running).rejects.toThrow('Cancelled before it started.');
    expect(started).toBe(false);
    expect(await localAudit()).toEqual([expect.objectContaining({ outcome: 'cancelled' })]);
  });

  it('a failing job is failed with its message, and a second job with the same id may not start while one runs', async () => {
    const taskId = '0b7f3c52-1d1e-4c0a-8a55-5b1f0f1e2a22';
    let release!: () => void;
    const first = runner.runJob({ ...spec, taskId, audit: audited, work: () => new Promise<void>((r) => (release = r)) });
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    await expect(runner.runJob({ ...spec, taskId, audit: audited, work: async () => undefined })).rejects.toThrow(/already running/);
    release();
    await first;
    await expect(
      runner.runJob({ ...spec, audit: audited, work: () => Promise.reject(new Error('pg_dump failed (exit 1)')) }),
    ).rejects.toThrow();
    expect(runner.list('c1').find((t) => t.state === 'failed')).toMatchObject({ error: 'pg_dump failed (exit 1)' });
  });
});
