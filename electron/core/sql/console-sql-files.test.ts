import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, splitSql } from '../sql-parser';

/**
 * Every SQL file the console sends; each must parse (PostgreSQL 18's grammar) and carry the marker twice:
 * as its first line (for readers) and inside the statement, after the first keyword — PostgreSQL 18's
 * pg_stat_statements drops comments before a statement, and the marker is how Slow queries hides
 * the console's own statements.
 */
const root = path.dirname(new URL(import.meta.url).pathname);
const walk = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.sql') ? [path.join(dir, e.name)] : [],
  );
const files = walk('.');

beforeAll(() => loadSqlParser());

describe('console SQL files', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(140));

  it.each(files)('%s parses with the console marker inside each statement', async (file) => {
    const sql = readFileSync(path.join(root, file), 'utf8');
    expect(sql.startsWith('/* ticketz-console */\n-- ')).toBe(true);
    const body = sql.replace(/^(\/\*.*?\*\/\s*|--[^\n]*\n)*/s, '');
    expect(body).toMatch(/^[A-Z]+ \/\* ticketz-console \*\/ /);
    // flyway-history.sql has a `$schema` placeholder filled in before it runs.
    const statements = await splitSql(sql.replace('$schema.', 'placeholder.'));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements.slice(1)) expect(s.text).toMatch(/^[A-Z]+ \/\* ticketz-console \*\/ /);
  });
});
