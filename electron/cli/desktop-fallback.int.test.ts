import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRootForTests } from '../core/testing/package-root';
import { findElectron } from './electron-binary';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'desktop-fallback-'));
});
// Stopped during the demo's first start, its initdb may still be finishing its last writes for a moment.
afterAll(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 }));

// What `npm start` runs, on a machine where the Electron binary cannot be had (ours: its download host is unreachable).
describe.skipIf(findElectron(packageRootForTests).state === 'ready')('ticketz-console desktop without an Electron binary', () => {
  it('says in one line why, then serves browser mode and prints the URL', async () => {
    const cli = path.join(packageRootForTests, 'dist', 'cli.js');
    expect(existsSync(cli)).toBe(true);
    const child = spawn(process.execPath, [cli, 'desktop'], {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', TICKETZ_CONSOLE_DATA_DIR: dataDir, BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(stdout);
        if (match) resolve(match[0]);
      });
      void exited.then((code) => reject(new Error(`desktop exited (${code}) before printing a URL: ${stderr}`)));
    });
    try {
      expect(stderr).toContain(
        'Opening browser mode instead of the desktop window: the Electron binary is not installed and could not be fetched: ELECTRON_SKIP_BINARY_DOWNLOAD is set.',
      );
      await expect.poll(() => stderr).toContain('No browser was opened (BROWSER=none is set); open the URL above yourself.');
      const { origin, hash } = new URL(url);
      const res = await fetch(`${origin}/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hash.slice('#token='.length)}` },
        body: JSON.stringify({ method: 'connections.list', input: {} }),
      });
      // Browser mode with the demo database (serve --demo).
      expect(await res.json()).toMatchObject({ ok: true, value: { profiles: [expect.objectContaining({ id: 'demo' })] } });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
