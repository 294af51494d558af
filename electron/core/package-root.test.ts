import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from './package-root';

const root = mkdtempSync(path.join(os.tmpdir(), 'ticketz-root-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findPackageRoot', () => {
  it('finds the nearest folder with a package.json, at or above the start', () => {
    const pkg = path.join(root, 'pkg');
    mkdirSync(path.join(pkg, 'dist', 'electron'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{}');
    expect(findPackageRoot(path.join(pkg, 'dist', 'electron'))).toBe(pkg);
    expect(findPackageRoot(pkg)).toBe(pkg);
  });

  it('finds this repository from this folder', () => {
    expect(findPackageRoot(import.meta.dirname)).toBe(path.resolve(import.meta.dirname, '../..'));
  });
});
