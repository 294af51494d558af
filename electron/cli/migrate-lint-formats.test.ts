import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT, UsageError } from './exit-codes';
import { runMigrateLint } from './migrate-lint';

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lint-formats-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  // Paths are reported relative to the working directory, as CI checks the repository out there.
  vi.spyOn(process, 'cwd').mockReturnValue(path.dirname(dir));
  writeFileSync(path.join(dir, '0001_drop.up.sql'), 'SELECT 1;\nDROP TABLE legacy;\n');
  writeFileSync(path.join(dir, '0001_drop.down.sql'), 'CREATE TABLE legacy (id bigint);\nCREATE INDEX orders_code ON orders (code);\n');
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const rel = (file: string) => `${path.basename(dir)}/${file}`;

describe('migrate lint --format', () => {
  it('sarif: SARIF 2.1.0 with the rules used and one result per finding, at file, line and column', async () => {
    expect(await runMigrateLint(['--dir', dir, '--format', 'sarif'])).toBe(EXIT.lintFailed);
    const sarif = JSON.parse(out.join('\n')) as {
      version: string;
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
        results: Array<Record<string, unknown>>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]).sort()).toEqual([
      ['create-index-non-concurrently', 'error'],
      ['dropping-table', 'error'],
    ]);
    expect(run.results).toEqual([
      expect.objectContaining({
        ruleId: 'dropping-table',
        level: 'error',
        locations: [{ physicalLocation: { artifactLocation: { uri: rel('0001_drop.up.sql') }, region: { startLine: 2, startColumn: 1 } } }],
      }),
      expect.objectContaining({
        ruleId: 'create-index-non-concurrently',
        level: 'error',
        locations: [
          { physicalLocation: { artifactLocation: { uri: rel('0001_drop.down.sql') }, region: { startLine: 2, startColumn: 29 } } },
        ],
      }),
    ]);
  });

  it('github: one workflow command per finding, with properties and message escaped', async () => {
    expect(await runMigrateLint(['--dir', dir, '--format', 'github'])).toBe(EXIT.lintFailed);
    const lines = out.join('\n').split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${rel('0001_drop.up.sql')},line=2,col=1,title=dropping-table%3A Table dropped::`));
    expect(lines[0]).toContain('%0AWhy: ');
    expect(lines[1]).toMatch(
      /^::error file=.*0001_drop\.down\.sql,line=2,col=29,title=create-index-non-concurrently%3A CREATE INDEX without CONCURRENTLY/,
    );
  });

  it('github: warnings and infos become ::warning and ::notice; a comma in a title is escaped', async () => {
    writeFileSync(path.join(dir, '0002_codes.up.sql'), 'CREATE TABLE codes (id bigint, code char(2));\n');
    writeFileSync(path.join(dir, '0002_codes.down.sql'), 'DROP TABLE codes;\n');
    await runMigrateLint(['--dir', dir, '--format', 'github']);
    expect(out.join('\n')).toMatch(
      /^::warning file=.*0002_codes\.up\.sql,line=1,col=37,title=char-type%3A char \/ character \/ char\(n\)%2C arrays included::/m,
    );
  });

  it('refuses an unknown format', async () => {
    await expect(runMigrateLint(['--dir', dir, '--format', 'xml'])).rejects.toThrow(UsageError);
  });
});
