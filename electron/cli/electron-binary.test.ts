import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchElectron, findElectron, launchElectron, mainEntry } from './electron-binary';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const realElectronDir = path.dirname(createRequire(path.join(repo, 'package.json')).resolve('electron/package.json'));

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'electron-standin-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A package root like a fresh clone: the real package.json, and the real electron package's index.js and package.json. */
function standInPackage(): string {
  copyFileSync(path.join(repo, 'package.json'), path.join(root, 'package.json'));
  const pkg = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  for (const file of ['index.js', 'package.json']) copyFileSync(path.join(realElectronDir, file), path.join(pkg, file));
  return pkg;
}

/** What electron's postinstall leaves: path.txt naming dist/<binary>. Here the binary records what it was handed. */
function standInBinary(pkg: string, script: string): string {
  writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  const binary = path.join(pkg, 'dist', 'electron');
  writeFileSync(binary, script);
  chmodSync(binary, 0o755);
  return binary;
}

describe('desktop launch against a stand-in Electron binary', () => {
  it('hands Electron the main bundle the build really writes', async () => {
    // The real build (esbuild.config.mjs), then its output where the package root expects it.
    execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: repo, stdio: 'pipe' });
    const pkg = standInPackage();
    const main = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { main: string };
    mkdirSync(path.dirname(path.join(root, main.main)), { recursive: true });
    copyFileSync(path.join(repo, main.main), path.join(root, main.main));
    const report = path.join(root, 'handed.json');
    standInBinary(
      pkg,
      `#!${process.execPath}
const fs = require('node:fs');
const entry = process.argv[2];
const text = fs.existsSync(entry) ? fs.readFileSync(entry, 'utf8') : '';
fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify({ entry, exists: fs.existsSync(entry), isMain: text.includes('rpc:call') && text.includes('requestSingleInstanceLock') }));
process.exit(7);
`,
    );

    const lookup = findElectron(root);
    expect(lookup.state).toBe('ready');
    if (lookup.state !== 'ready') return;
    const outcome = await launchElectron(lookup.binary, mainEntry(root));
    expect(outcome).toEqual({ code: 7 });
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      entry: path.join(root, 'dist', 'electron', 'main.js'),
      exists: true,
      isMain: true,
    });
  }, 60_000);

  it('tells a skipped download from a broken one', async () => {
    expect(findElectron(root).state).toBe('no-package');
    const pkg = standInPackage();
    expect(findElectron(root)).toEqual({ state: 'not-downloaded', packageDir: pkg });

    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectron(root)).toMatchObject({ state: 'broken', reason: 'the file is missing' });

    const binary = path.join(pkg, 'dist', 'electron');
    writeFileSync(binary, 'not a program');
    chmodSync(binary, 0o644);
    expect(findElectron(root)).toMatchObject({ state: 'broken', binary, reason: 'the file is not executable' });
  });

  it('reports a binary that cannot be executed instead of throwing', async () => {
    const binary = standInBinary(standInPackage(), '\x7fELF garbage, truncated download');
    const outcome = await launchElectron(binary, mainEntry(root));
    expect(outcome).toMatchObject({
      error: expect.stringMatching(/could not be (started \(E\w+\)|executed \(exit code 12[67]\)).*damaged/),
    });
  });

  it("fetches the deferred binary with electron's own install.js, after which the launch is ready", async () => {
    const pkg = standInPackage();
    // What install.js does once the download succeeds: unpack into dist/ and write path.txt.
    writeFileSync(
      path.join(pkg, 'install.js'),
      `const fs = require('node:fs');
fs.writeFileSync('dist/electron', '#!/bin/sh\\nexit 0\\n', { mode: 0o755 });
fs.writeFileSync('path.txt', 'electron');`,
    );
    const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    delete process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    try {
      expect(findElectron(root).state).toBe('not-downloaded');
      expect(await fetchElectron(pkg)).toBeUndefined();
      expect(findElectron(root)).toEqual({ state: 'ready', binary: path.join(pkg, 'dist', 'electron'), packageDir: pkg });
    } finally {
      if (skip !== undefined) process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = skip;
    }
  });

  it('says why the deferred download did not happen', async () => {
    const pkg = standInPackage();
    const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
    try {
      expect(await fetchElectron(pkg)).toBe(`${path.join(pkg, 'install.js')} is missing`);
      writeFileSync(path.join(pkg, 'install.js'), "console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1);");
      expect(await fetchElectron(pkg)).toBe('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
      delete process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
      // What our machines answer: electron's install.js cannot reach its download host.
      expect(await fetchElectron(pkg)).toBe('the download failed (RequestError: getaddrinfo ENOTFOUND github.com)');
    } finally {
      if (skip === undefined) delete process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
      else process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = skip;
    }
  });
});
