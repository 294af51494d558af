import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry } from '../../../shared/contract/query';

const KEEP = 2_000;
const MAX_SQL_CHARS = 100_000;

/**
 * Password literals (CREATE/ALTER ROLE … PASSWORD '…', CREATE USER MAPPING … password '…')
 * are not written to disk: the history keeps the statement with the literal masked.
 */
export function redactPasswords(sql: string): string {
  return sql.replace(/(\bpassword\s+)('(?:[^']|'')*')/gi, "$1'•••'");
}

/**
 * What was run in the SQL editor, per connection, in `<dataDir>/history/<connection>.jsonl`
 * (0600, append-only; trimmed to the newest 2,000 runs once it grows past 2,500).
 */
export class QueryHistory {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'history');
  }

  private file(connectionId: string): string {
    return path.join(this.dir, `${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}.jsonl`);
  }

  record(connectionId: string, entry: Omit<HistoryEntry, 'id' | 'at'>): HistoryEntry {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const full: HistoryEntry = {
      id: randomUUID(),
      at: new Date().toISOString(),
      ...entry,
      sql: redactPasswords(entry.sql.slice(0, MAX_SQL_CHARS)),
    };
    const file = this.file(connectionId);
    appendFileSync(file, `${JSON.stringify(full)}\n`, { mode: 0o600 });
    const all = this.read(connectionId);
    if (all.length > KEEP * 1.25)
      writeFileSync(
        file,
        all
          .slice(-KEEP)
          .map((e) => `${JSON.stringify(e)}\n`)
          .join(''),
        { mode: 0o600 },
      );
    return full;
  }

  list(connectionId: string, search: string | undefined, limit: number): HistoryEntry[] {
    const needle = search?.trim().toLowerCase();
    const entries = this.read(connectionId).reverse();
    return (needle ? entries.filter((e) => e.sql.toLowerCase().includes(needle)) : entries).slice(0, limit);
  }

  private read(connectionId: string): HistoryEntry[] {
    const file = this.file(connectionId);
    if (!existsSync(file)) return [];
    const entries: HistoryEntry[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as HistoryEntry);
      } catch {
        // A line cut short by a crash is skipped, not fatal.
      }
    }
    return entries;
  }
}
