import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT, UsageError } from './exit-codes';
import { discoverForLint, lintDirectory, runMigrateLint } from './migrate-lint';

let dir: string;
let out: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lint-cli-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function write(files: Record<string, string>) {
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
}

describe('migrate lint', () => {
  it("reads the folder with the engine's discovery: pairs, Flyway names, unknown files left out", () => {
    write({
      '0001_create_refunds.up.sql': 'SELECT 1',
      '0001_create_refunds.down.sql': 'SELECT 2',
      'V2__add_index.sql': 'SELECT 3',
      'notes.txt': 'x',
    });
    expect(discoverForLint(dir).map((m) => [m.version, m.name, m.upFile, m.downFile ?? null])).toEqual([
      ['0001', 'create_refunds', '0001_create_refunds.up.sql', '0001_create_refunds.down.sql'],
      ['2', 'add index', 'V2__add_index.sql', null],
    ]);
  });

  it('exits with lintFailed on an error finding and prints file:line:column, why and the rewrite', async () => {
    write({
      '0001_drop.up.sql': 'SELECT 1;\nDROP TABLE legacy_coupons;',
      '0001_drop.down.sql': 'CREATE TABLE legacy_coupons (id bigint);',
    });
    expect(await runMigrateLint(['--dir', dir])).toBe(EXIT.lintFailed);
    const text = out.join('\n');
    expect(text).toContain('0001_drop.up.sql:2:1  error  dropping-table');
    expect(text).toContain('why: DROP TABLE loses the data');
    expect(text).toContain('ALTER TABLE legacy_coupons RENAME TO legacy_coupons_deprecated;');
    expect(text).toContain('1 error, 0 warnings, 0 info in 1 migration.');
  });

  it('exits 0 with warnings only, and --json prints migrations with their findings', async () => {
    write({ '0001_create.up.sql': 'CREATE TABLE events (id bigint, starts_at timestamp);' });
    expect(await runMigrateLint(['--dir', dir, '--json'])).toBe(EXIT.ok);
    const json = JSON.parse(out.join('\n')) as {
      migrations: Array<{ version: string; name: string; findings: Array<{ ruleId: string; line: number }> }>;
    };
    expect(json.migrations).toHaveLength(1);
    expect(json.migrations[0]).toMatchObject({ version: '0001', name: 'create', upFile: '0001_create.up.sql', downFile: null });
    expect(json.migrations[0]?.findings.map((f) => f.ruleId).sort()).toEqual(['missing-down-script', 'prefer-timestamptz']);
  });

  it('--strict-lock-timeout requires SET lock_timeout in the file', async () => {
    write({ '0001_alter.up.sql': 'ALTER TABLE t ADD COLUMN a text;', '0001_alter.down.sql': 'ALTER TABLE t DROP COLUMN a;' });
    expect(await runMigrateLint(['--dir', dir])).toBe(EXIT.ok);
    expect(out.join('\n')).toContain('No findings in 1 migration.');
    out = [];
    await runMigrateLint(['--dir', dir, '--strict-lock-timeout']);
    expect(out.join('\n')).toContain('missing-lock-timeout');
  });

  it('lints the folder in version order, so down-does-not-undo-up knows what earlier migrations left', async () => {
    write({
      '0001_t.up.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, code text NOT NULL, note text);',
      '0001_t.down.sql': 'DROP TABLE t;',
      '0002_codes.up.sql': 'ALTER TABLE t ALTER COLUMN code SET NOT NULL;',
      '0002_codes.down.sql': 'SELECT 1;',
      '0003_notes.up.sql': 'ALTER TABLE t ALTER COLUMN note SET NOT NULL;',
      '0003_notes.down.sql': 'SELECT 1;',
    });
    const linted = await lintDirectory(dir);
    const undo = linted.map((m) => [m.version, m.findings.filter((f) => f.ruleId === 'down-does-not-undo-up').length]);
    expect(undo).toEqual([
      ['0001', 0],
      ['0002', 0],
      ['0003', 1],
    ]);
  });

  it('says what to do when the folder does not exist', async () => {
    await expect(runMigrateLint(['--dir', path.join(dir, 'nope')])).rejects.toThrow(UsageError);
    await expect(runMigrateLint(['--dir', path.join(dir, 'nope')])).rejects.toThrow(/Pass --dir/);
  });
});
