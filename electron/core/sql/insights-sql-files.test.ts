import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, splitSql } from '../sql-parser';

/**
 * The insights concerns; each file must parse (PostgreSQL 18's grammar) and carry the marker twice:
 * as its first line (for readers) and inside the statement, after the first keyword — PostgreSQL 18's
 * pg_stat_statements drops comments before a statement, and the marker is how Slow queries hides
 * the console's own statements.
 */
const DIRS = ['statements', 'bloat', 'indexes', 'activity', 'health', 'maintenance', 'matviews', 'audit', 'connection'];
const root = path.dirname(new URL(import.meta.url).pathname);
const files = [
  ...DIRS.flatMap((d) =>
    readdirSync(path.join(root, d))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => path.join(d, f)),
  ),
  'locks/waiting.sql', // locks/ is shared with the migration lock view
];

beforeAll(() => loadSqlParser());

describe('insights SQL files', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(40));

  it.each(files)('%s parses with the console marker inside each statement', async (file) => {
    const sql = readFileSync(path.join(root, file), 'utf8');
    expect(sql.startsWith('/* ticketz-console */\n-- ')).toBe(true);
    const body = sql.replace(/^(\/\*.*?\*\/\s*|--[^\n]*\n)*/s, '');
    expect(body).toMatch(/^[A-Z]+ \/\* ticketz-console \*\/ /);
    const statements = await splitSql(sql);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements.slice(1)) expect(s.text).toMatch(/^[A-Z]+ \/\* ticketz-console \*\/ /);
  });
});
