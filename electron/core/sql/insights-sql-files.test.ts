import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, splitSql } from '../sql-parser';

/** The insights concerns; each file must parse (PostgreSQL 18's grammar) and carry the marker and a source comment. */
const DIRS = ['statements', 'bloat', 'indexes', 'activity', 'locks', 'health', 'maintenance', 'matviews'];
const root = path.dirname(new URL(import.meta.url).pathname);
const files = DIRS.flatMap((d) =>
  readdirSync(path.join(root, d))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => path.join(d, f)),
);

beforeAll(() => loadSqlParser());

describe('insights SQL files', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(40));

  it.each(files)('%s parses as one statement with the console marker', async (file) => {
    const sql = readFileSync(path.join(root, file), 'utf8');
    expect(sql.startsWith('/* ticketz-console */\n-- ')).toBe(true);
    const statements = await splitSql(sql);
    expect(statements).toHaveLength(1);
  });
});
