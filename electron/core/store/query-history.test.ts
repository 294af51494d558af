import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryHistory, redactPasswords } from './query-history';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const entry = (sql: string) => ({ sql, durationMs: 1, outcome: 'succeeded' as const, statements: 1, rows: null, readOnly: false });

describe('query history', () => {
  it('masks password literals before they reach the disk', () => {
    expect(redactPasswords("ALTER ROLE app PASSWORD 'hunter2'")).toBe("ALTER ROLE app PASSWORD '•••'");
    expect(redactPasswords("CREATE ROLE x LOGIN password 'it''s secret' VALID UNTIL 'infinity'")).toBe(
      "CREATE ROLE x LOGIN password '•••' VALID UNTIL 'infinity'",
    );
    expect(redactPasswords("CREATE USER MAPPING FOR me SERVER s OPTIONS (user 'me', password 'pw')")).toContain("password '•••'");
    expect(redactPasswords("SELECT 'password' AS word")).toBe("SELECT 'password' AS word");
  });

  it('keeps entries per connection, newest first, searchable, in a 0600 file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'history-'));
    dirs.push(dir);
    const history = new QueryHistory(dir);
    history.record('a', entry('SELECT 1'));
    history.record('a', entry("ALTER ROLE r PASSWORD 'x'"));
    history.record('b', entry('SELECT 2'));
    expect(history.list('a', undefined, 10).map((e) => e.sql)).toEqual(["ALTER ROLE r PASSWORD '•••'", 'SELECT 1']);
    expect(history.list('a', 'select', 10).map((e) => e.sql)).toEqual(['SELECT 1']);
    expect(history.list('b', undefined, 10)).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'history', 'a.jsonl'), 'utf8')).not.toContain("'x'");
  });
});
