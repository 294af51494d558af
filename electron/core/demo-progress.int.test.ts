import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoProgressSchema, type DemoProgress } from '../../shared/contract/events';
import { createCore, type Core } from './create-core';
import { testDataRoot } from './testing/test-database';

let core: Core | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await core?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('demo.progress through the core', () => {
  it('pushes every phase of a first start as events, keeps the latest in the status, and holds connections back until ready', async () => {
    // Under the run's temp root, which the postgres OS user can traverse when we are root.
    dataDir = mkdtempSync(path.join(testDataRoot(), 'demo-progress-'));
    chmodSync(dataDir, 0o711);
    const events: DemoProgress[] = [];
    let during: { list: unknown; read: unknown } | undefined;
    const started = createCore({
      dataDir,
      host: 'direct',
      validateOutput: true,
      demo: {
        enabled: true,
        onReady: async (_endpoint, created, report) => {
          expect(created).toBe(true);
          report({ phase: 'migrating', label: 'Applying migration 1 of 1: 0001 probe', step: 1, steps: 1 });
          during = {
            list: await started.dispatch('connections.list', {}, { host: 'direct' }),
            read: await started.dispatch('schema.listSchemas', { connectionId: 'demo' }, { host: 'direct' }),
          };
        },
      },
    });
    core = started;
    core.events.subscribe((name, payload) => {
      if (name === 'demo.progress') events.push(demoProgressSchema.parse(payload));
    });

    const ping = await core.dispatch('connections.ping', { id: 'demo' }, { host: 'direct' });
    expect(ping.ok).toBe(true);
    expect(events.map((e) => e.phase)).toEqual(['initialising', 'starting-server', 'preparing-database', 'migrating', 'ready']);
    expect(events[3]).toMatchObject({ step: 1, steps: 1, fraction: 1, label: 'Applying migration 1 of 1: 0001 probe' });

    expect(during?.list).toMatchObject({ ok: true, value: { demo: { state: 'starting', progress: { phase: 'migrating' } } } });
    expect(during?.read).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('still being prepared (Applying migration 1 of 1: 0001 probe)') },
    });

    const list = await core.dispatch('connections.list', {}, { host: 'direct' });
    expect(list).toMatchObject({ ok: true, value: { demo: { state: 'running', progress: { phase: 'ready' } } } });
  }, 120_000);
});
