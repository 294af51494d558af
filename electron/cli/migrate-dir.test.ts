import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes';
import { assertMigrationsFolder } from './migrate-dir';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'migrate-dir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const failure = (folder: string): string => {
  try {
    assertMigrationsFolder(folder);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('assertMigrationsFolder', () => {
  it('refuses a folder with no migration of any format, naming the formats and the files it did not understand', () => {
    writeFileSync(path.join(dir, 'schema.sql'), 'CREATE TABLE t (id int);');
    writeFileSync(path.join(dir, 'README.md'), '# not sql');
    const message = failure(dir);
    expect(message).toContain(`No migrations found in ${dir}`);
    for (const shape of ['0001_name.up.sql', 'V1__name.sql', '-- migrate:up', 'up.sql and down.sql', '0001_name.sql'])
      expect(message).toContain(shape);
    expect(message).toContain('schema.sql was ignored');
  });

  it('refuses a missing folder and an empty one', () => {
    expect(failure(path.join(dir, 'nope'))).toContain('No migrations folder at');
    expect(failure(dir)).toContain('No migrations found');
  });

  it('accepts any one known format', () => {
    const flyway = path.join(dir, 'flyway');
    mkdirSync(flyway);
    writeFileSync(path.join(flyway, 'V13.1__x.sql'), 'SELECT 1;');
    expect(() => assertMigrationsFolder(flyway)).not.toThrow();
    const diesel = path.join(dir, 'diesel');
    mkdirSync(path.join(diesel, '2024-01-01-000000_x'), { recursive: true });
    writeFileSync(path.join(diesel, '2024-01-01-000000_x', 'up.sql'), 'SELECT 1;');
    expect(() => assertMigrationsFolder(diesel)).not.toThrow();
  });
});
