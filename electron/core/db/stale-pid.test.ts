import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStalePid } from './embedded-demo';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stale-pid-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('removeStalePid', () => {
  it('removes a postmaster.pid whose process is gone', () => {
    writeFileSync(path.join(dir, 'postmaster.pid'), '999999\n/data\n');
    expect(removeStalePid(dir)).toBe(true);
    expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('removes a postmaster.pid whose pid now belongs to another program', () => {
    // Our own pid is alive but is node, not postgres: the situation after a container restart.
    writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n/data\n`);
    expect(removeStalePid(dir)).toBe(process.platform === 'linux');
  });

  it('does nothing without a pid file', () => {
    expect(removeStalePid(dir)).toBe(false);
  });
});
