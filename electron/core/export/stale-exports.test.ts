import { lutimesSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleExports } from './stale-exports';

const DAY = 24 * 60 * 60 * 1000;
let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('removeStaleExports', () => {
  it('deletes export files older than a day and keeps newer ones, folders and symlinks', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'ticketz-stale-'));
    const dir = path.join(root, 'exports');
    mkdirSync(dir);
    const now = Date.now();
    const put = (name: string, ageMs: number) => {
      writeFileSync(path.join(dir, name), 'a,b\r\n');
      const t = new Date(now - ageMs);
      utimesSync(path.join(dir, name), t, t);
    };
    put('old.csv', DAY + 60_000);
    put('fresh.csv', DAY - 60_000);
    mkdirSync(path.join(dir, 'folder'));
    const outside = path.join(root, 'outside.csv');
    writeFileSync(outside, 'keep');
    symlinkSync(outside, path.join(dir, 'link.csv'));
    const old = new Date(now - 2 * DAY);
    lutimesSync(path.join(dir, 'link.csv'), old, old);
    utimesSync(outside, old, old);

    expect(await removeStaleExports(dir, now)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['folder', 'fresh.csv', 'link.csv']);
    expect(readdirSync(root)).toContain('outside.csv');
  });

  it('does nothing when the folder does not exist', async () => {
    expect(await removeStaleExports(path.join(os.tmpdir(), `ticketz-missing-${process.pid}-${Date.now()}`))).toBe(0);
  });
});
