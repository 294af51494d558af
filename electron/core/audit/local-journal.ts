import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry } from '../../../shared/contract/audit';

/**
 * The local audit file of one connection (`<dataDir>/audit/<connection>.jsonl`), written as a
 * journal so a crash loses nothing:
 *
 *   {"kind":"begin", id, at, action, target, detail, …}   appended and fsynced BEFORE the change is sent
 *   {"kind":"end", id, outcome, durationMs, storedIn, …}  appended when the outcome is known
 *
 * A begin without its end is a change whose outcome nobody saw (the process was killed while it
 * ran): it reads as "unknown". An end with storedIn 'database' means the entry itself was written
 * to ticketz_console.audit_log; the local pair is then only shown when that table cannot be read.
 * Lines from before the journal (a whole entry, no kind) still read as finished local entries.
 *
 * Begins that arrive together share one write and one fsync (group commit), like the gate's scans.
 */
export type BeginLine = Omit<AuditEntry, 'outcome' | 'durationMs' | 'storage' | 'error'> & { kind: 'begin' };

export interface EndLine {
  kind: 'end';
  id: string;
  outcome: Exclude<AuditEntry['outcome'], 'unknown'>;
  durationMs: number;
  error?: string;
  storedIn: 'database' | 'local';
  /** What only the outcome tells (a scan's result and ticket): replaces the begin's text. */
  target?: string;
  detail?: string;
}

export interface JournalEntry extends AuditEntry {
  /** Also written to the database table (hidden locally while that table can be read). */
  inDatabase: boolean;
}

interface Waiting {
  line: string;
  resolve(): void;
  reject(err: unknown): void;
}

export class LocalJournal {
  private handle: Promise<FileHandle> | undefined;
  private queue: Waiting[] = [];
  private flushing = false;
  private flushed: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Appends the begin line and resolves once it is on disk (write + fdatasync). */
  begin(line: BeginLine): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(line)}\n`, resolve, reject });
      if (!this.flushing) this.flushed = this.flush();
    });
  }

  /** Appends an end line; synced too, but nobody waits for it (a lost end reads as "unknown", never as nothing). */
  end(line: EndLine): void {
    this.begin(line as unknown as BeginLine).catch(() => undefined);
  }

  /** Resolves once every line appended so far is written (readers then see the latest outcomes). */
  settled(): Promise<void> {
    return this.flushed;
  }

  /** A whole entry at once, synchronously (no change to wait for: e.g. work refused before it started). */
  appendNow(entry: AuditEntry): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          const handle = await this.open();
          await handle.appendFile(batch.map((w) => w.line).join(''));
          await handle.datasync();
          for (const w of batch) w.resolve();
        } catch (err) {
          this.handle = undefined; // a later begin opens the file again (folder recreated, disk back)
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private open(): Promise<FileHandle> {
    this.handle ??= (async () => {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      return open(this.file, 'a', 0o600);
    })();
    return this.handle;
  }

  /** After every line handed in so far is on disk. */
  async close(): Promise<void> {
    await this.flushed;
    const handle = this.handle;
    this.handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }

  /** Every entry of the file, begins joined with their ends. */
  read(): JournalEntry[] {
    if (!existsSync(this.file)) return [];
    const byId = new Map<string, JournalEntry>();
    const ends: EndLine[] = [];
    for (const text of readFileSync(this.file, 'utf8').split('\n')) {
      if (!text) continue;
      let line: BeginLine | EndLine | AuditEntry;
      try {
        line = JSON.parse(text) as BeginLine | EndLine | AuditEntry;
      } catch {
        continue; // a line torn by a crash mid-write
      }
      if ('kind' in line && line.kind === 'end') ends.push(line);
      else if ('kind' in line && line.kind === 'begin') {
        const { kind: _kind, ...rest } = line;
        byId.set(line.id, { ...rest, outcome: 'unknown', durationMs: 0, storage: 'local', inDatabase: false });
      } else byId.set(line.id, { ...(line as AuditEntry), inDatabase: false });
    }
    for (const end of ends) {
      const entry = byId.get(end.id);
      if (!entry) continue;
      entry.outcome = end.outcome;
      entry.durationMs = end.durationMs;
      if (end.error !== undefined) entry.error = end.error;
      if (end.target !== undefined) entry.target = end.target;
      if (end.detail !== undefined) entry.detail = end.detail;
      entry.inDatabase = end.storedIn === 'database';
    }
    return [...byId.values()];
  }
}
