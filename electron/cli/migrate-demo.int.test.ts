import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoDatabase } from '../core/db/embedded-demo';
import { fixturesDir } from '../core/migrations/testing/engine-fixtures';
import { createKeyFileSecretBox } from '../core/store/secret-box';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { EXIT } from './exit-codes';

let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'migrate-demo-'));
  await bundleCli();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const dir = path.join(fixturesDir, 'sqlx');

describe('migrate without --url uses the demo database', () => {
  it('attaches to the demo database another process runs, and starts it itself when none runs', async () => {
    const demo = new DemoDatabase(dataDir, createKeyFileSecretBox(dataDir));
    await demo.start();
    try {
      const up = await runCli(['migrate', 'up', '--dir', dir, '--data-dir', dataDir]);
      expect(up.code).toBe(EXIT.ok);
      expect(up.stderr).toContain('on running demo database (127.0.0.1:');
      expect(up.stdout).toMatch(/^Applied 2 migrations/);
    } finally {
      await demo.stop();
    }

    const status = await runCli(['migrate', 'status', '--dir', dir, '--data-dir', dataDir, '--json'], { timeoutMs: 120_000 });
    expect(status.code).toBe(EXIT.ok);
    expect(status.stderr).toContain('Starting the demo database');
    const { migrations } = JSON.parse(status.stdout) as { migrations: Array<{ status: string }> };
    expect(migrations.map((m) => m.status)).toEqual(['applied', 'applied']);
  }, 180_000);
});
