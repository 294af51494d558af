import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AuditEntry } from '../../../shared/contract/audit';
import { isServerGone } from '../db/pg-errors';
import { osUserName } from '../db/run-as-postgres-user';
import type { PoolRegistry } from '../db/pool-registry';
import ensureTableSql from '../sql/audit/ensure-table.sql?raw';
import insertSql from '../sql/audit/insert.sql?raw';
import lastByTargetSql from '../sql/audit/last-by-target.sql?raw';
import listSql from '../sql/audit/list.sql?raw';
import tableExistsSql from '../sql/audit/table-exists.sql?raw';
import tableWritableSql from '../sql/audit/table-writable.sql?raw';
import { LocalJournal, type JournalEntry } from './local-journal';

/** What a finished change records; "unknown" is only ever read back from a journal without its end. */
export type KnownOutcome = Exclude<AuditEntry['outcome'], 'unknown'>;
import { poolerOf } from '../db/pooler';

export interface AuditRecord {
  action: string;
  target: string;
  detail: string;
  outcome: KnownOutcome;
  durationMs: number;
  error?: string;
}

export interface LastEntry {
  at: string;
  durationMs: number;
  by: string;
}

export interface AuditFilter {
  action?: string;
  outcome?: AuditEntry['outcome'];
  search?: string;
  since?: string;
  limit: number;
}

interface AuditRow {
  id: string;
  at: Date;
  database: string;
  role: string;
  os_user: string;
  host: string;
  action: string;
  target: string;
  detail: string;
  outcome: AuditEntry['outcome'];
  duration_ms: number;
  error: string | null;
}

/** A change announced in the local journal (on disk) before it was sent. */
export interface PendingAudit {
  connectionId: string;
  id: string;
  started: number;
}

/**
 * Every change the console makes to a database is recorded: in `ticketz_console.audit_log` in
 * that database when the role may write there, otherwise in a local append-only JSON-lines file
 * (`<dataDir>/audit/<connection>.jsonl`), so a read-only role still leaves a trace. Before a
 * change is sent it is announced in that local file and fsynced (see LocalJournal): a crash
 * while it runs leaves an entry whose outcome is "unknown", never no entry.
 */
export class AuditLog {
  private readonly dir: string;
  private readonly journals = new Map<string, LocalJournal>();
  /** Per pool: whether statements may write audit entries themselves (see tableWritable). */
  private readonly writable = new WeakMap<object, Promise<boolean>>();

  constructor(
    dataDir: string,
    private readonly pools: PoolRegistry,
    private readonly host: string,
  ) {
    this.dir = path.join(dataDir, 'audit');
  }

  localPath(connectionId: string): string {
    return path.join(this.dir, `${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}.jsonl`);
  }

  private journal(connectionId: string): LocalJournal {
    let journal = this.journals.get(connectionId);
    if (!journal) this.journals.set(connectionId, (journal = new LocalJournal(this.localPath(connectionId))));
    return journal;
  }

  /** Announces a change: resolves once its entry is on disk, so call it before sending the change. */
  async begin(connectionId: string, what: { action: string; target: string; detail: string }): Promise<PendingAudit> {
    const id = randomUUID();
    await this.journal(connectionId).begin({
      kind: 'begin',
      id,
      at: new Date().toISOString(),
      connectionId,
      database: '',
      role: '',
      osUser: osUserName(),
      host: this.host,
      ...what,
    });
    return { connectionId, id, started: performance.now() };
  }

  /**
   * Completes an announced change: the entry goes to the database table when it can (as record()
   * does), and the journal notes the outcome and where the entry went. `localOnly`: the role
   * cannot write the table (the gate knows), so do not try.
   */
  async finish(pending: PendingAudit, entry: AuditRecord, options: { localOnly?: boolean } = {}): Promise<void> {
    const stored = options.localOnly ? undefined : await this.insert(pending.connectionId, entry).catch(() => undefined);
    this.journal(pending.connectionId).end({
      kind: 'end',
      id: pending.id,
      outcome: entry.outcome,
      durationMs: entry.durationMs,
      ...(entry.error !== undefined ? { error: entry.error } : {}),
      storedIn: stored ? 'database' : 'local',
      target: entry.target,
      detail: entry.detail,
    });
  }

  /** Journals flushed and closed (core disposal). */
  async close(): Promise<void> {
    await Promise.all([...this.journals.values()].map((j) => j.close()));
  }

  async record(connectionId: string, entry: AuditRecord): Promise<AuditEntry> {
    try {
      return await this.insert(connectionId, entry);
    } catch (err) {
      return this.recordLocally(connectionId, entry, osUserName(), err);
    }
  }

  /** The entry in ticketz_console.audit_log (the table created first when the role may). */
  private async insert(connectionId: string, entry: AuditRecord): Promise<AuditEntry> {
    const osUser = osUserName();
    const pool = await this.pools.get(connectionId);
    if (poolerOf(pool)?.adminConsole) throw new Error("PgBouncer's admin console has no tables");
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(ensureTableSql);
      const { rows } = await client.query<{ id: string; at: Date; role: string; database: string }>(insertSql, [
        osUser,
        this.host,
        entry.action,
        entry.target,
        entry.detail,
        entry.outcome,
        entry.durationMs,
        entry.error ?? null,
      ]);
      await client.query('COMMIT');
      const row = rows[0]!;
      return {
        ...entry,
        id: row.id,
        at: row.at.toISOString(),
        role: row.role,
        database: row.database,
        osUser,
        host: this.host,
        connectionId,
        storage: 'database',
      };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Who the console runs as, for statements that write their own audit entries. */
  get osUser(): string {
    return osUserName();
  }

  get hostName(): string {
    return this.host;
  }

  /**
   * Whether the database table can take entries written by a statement itself (the gate writes
   * each scan's entry in the scan's own statement: no extra commit per scan). Creates the table
   * when the role may; asked once per pool, until `forgetWritable`. Only an answer is kept: a
   * probe that could not reach the server is forgotten, so the next scan after an outage asks again.
   */
  tableWritable(connectionId: string, pool: object): Promise<boolean> {
    let known = this.writable.get(pool);
    if (!known) {
      known = this.probeWritable(connectionId);
      this.writable.set(pool, known);
      known.catch(() => {
        if (this.writable.get(pool) === known) this.writable.delete(pool);
      });
    }
    return known;
  }

  /** After a statement failed on the audit table (privilege revoked, table dropped): ask again. */
  forgetWritable(pool: object): void {
    this.writable.delete(pool);
  }

  private async probeWritable(connectionId: string): Promise<boolean> {
    const pool = await this.pools.get(connectionId);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(ensureTableSql);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // refused (read-only, no CREATE privilege): the question below answers; lost the server: no answer
      if (isServerGone(err)) throw err;
    } finally {
      client.release();
    }
    try {
      const { rows } = await pool.query<{ writable: boolean }>(tableWritableSql);
      return rows[0]?.writable === true;
    } catch (err) {
      // cannot even look: write nothing there (the local log takes the entries)
      if (!isServerGone(err)) return false;
      throw err;
    }
  }

  /** An entry for the local log only (a refusal on a read-only profile: nothing is written to the database). */
  recordLocal(connectionId: string, entry: AuditRecord, why: string): AuditEntry {
    return this.recordLocally(connectionId, entry, osUserName(), new Error(why));
  }

  private recordLocally(connectionId: string, entry: AuditRecord, osUser: string, why: unknown): AuditEntry {
    const full: AuditEntry = {
      ...entry,
      id: randomUUID(),
      at: new Date().toISOString(),
      connectionId,
      database: '',
      role: '',
      osUser,
      host: this.host,
      storage: 'local',
      detail: `${entry.detail}${why ? ` [kept locally: ${why instanceof Error ? why.message : String(why)}]` : ''}`,
    };
    this.journal(connectionId).appendNow(full);
    return full;
  }

  /**
   * Entries of the database table and of the local journal, newest first. When the table cannot be
   * read (no USAGE on ticketz_console, no SELECT, the server unreachable), the local entries still
   * come, with `databaseError` saying why the others are missing.
   */
  async list(
    connectionId: string,
    filter: AuditFilter,
  ): Promise<{ entries: AuditEntry[]; databaseTable: boolean; databaseError?: string }> {
    let remote: AuditEntry[] = [];
    let databaseTable = false;
    let databaseError: string | undefined;
    try {
      const pool = await this.pools.get(connectionId);
      // PgBouncer's admin console has no tables: its entries (PAUSE, RESUME …) are local only.
      const { rows: exists } = poolerOf(pool)?.adminConsole ? { rows: [] } : await pool.query<{ present: boolean }>(tableExistsSql);
      if (exists[0]?.present) {
        databaseTable = true;
        const { rows } = await pool.query<AuditRow>(listSql, [
          filter.action ?? null,
          filter.outcome ?? null,
          filter.search ?? null,
          filter.since ?? null,
          filter.limit,
        ]);
        remote = rows.map((r) => fromRow(connectionId, r));
      }
    } catch (err) {
      databaseTable = false;
      databaseError = `The database's audit table could not be read (${err instanceof Error ? err.message : String(err)}); showing the entries kept on this computer only.`;
    }
    // entries also written to the table are shown from there, unless it cannot be read now
    await this.journals.get(connectionId)?.settled();
    const local = this.readLocal(connectionId).filter((e) => (databaseError !== undefined || !e.inDatabase) && matches(e, filter));
    const entries = [...remote, ...local.map(withoutJournalFields)].sort((a, b) => b.at.localeCompare(a.at)).slice(0, filter.limit);
    return { entries, databaseTable, ...(databaseError ? { databaseError } : {}) };
  }

  /**
   * The latest successful entry per target for one action, from the database table and the local
   * log together (e.g. when each materialized view was last refreshed by the console).
   */
  async lastSucceeded(connectionId: string, action: string): Promise<Map<string, LastEntry>> {
    const last = new Map<string, LastEntry>();
    const keep = (target: string, entry: LastEntry) => {
      const known = last.get(target);
      if (!known || known.at < entry.at) last.set(target, entry);
    };
    await this.journals.get(connectionId)?.settled();
    for (const e of this.readLocal(connectionId))
      if (e.action === action && e.outcome === 'succeeded') keep(e.target, { at: e.at, durationMs: e.durationMs, by: e.role || e.osUser });
    const pool = await this.pools.get(connectionId);
    // PgBouncer's admin console has no tables: its entries (PAUSE, RESUME …) are local only.
    const { rows: exists } = poolerOf(pool)?.adminConsole ? { rows: [] } : await pool.query<{ present: boolean }>(tableExistsSql);
    if (exists[0]?.present) {
      const { rows } = await pool.query<{ target: string; at: Date; duration_ms: number; role: string; os_user: string }>(lastByTargetSql, [
        action,
      ]);
      for (const r of rows) keep(r.target, { at: r.at.toISOString(), durationMs: r.duration_ms, by: `${r.role} (${r.os_user})` });
    }
    return last;
  }

  private readLocal(connectionId: string): JournalEntry[] {
    return this.journal(connectionId).read();
  }
}

function fromRow(connectionId: string, r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    connectionId,
    database: r.database,
    role: r.role,
    osUser: r.os_user,
    host: r.host,
    action: r.action,
    target: r.target,
    detail: r.detail,
    outcome: r.outcome,
    durationMs: r.duration_ms,
    ...(r.error ? { error: r.error } : {}),
    storage: 'database',
  };
}

function withoutJournalFields({ inDatabase: _inDatabase, ...entry }: JournalEntry): AuditEntry {
  return entry;
}

function matches(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.action && entry.action !== filter.action) return false;
  if (filter.outcome && entry.outcome !== filter.outcome) return false;
  if (filter.since && entry.at < filter.since) return false;
  if (filter.search) {
    const needle = filter.search.toLowerCase();
    if (!entry.target.toLowerCase().includes(needle) && !entry.detail.toLowerCase().includes(needle)) return false;
  }
  return true;
}

/**
 * Runs a change and records it whatever happens: the one way destructive actions are executed.
 * The entry is on disk before the change is sent (a crash leaves "outcome unknown"), and completed
 * with the outcome afterwards. `cancelled` when the error is Postgres's query_canceled (57014).
 */
export async function audited<T>(
  audit: AuditLog,
  connectionId: string,
  what: { action: string; target: string; detail: string },
  work: () => Promise<T>,
): Promise<T> {
  const pending = await audit.begin(connectionId, what);
  try {
    const result = await work();
    await audit.finish(pending, { ...what, outcome: 'succeeded', durationMs: performance.now() - pending.started });
    return result;
  } catch (err) {
    const cancelled = typeof err === 'object' && err !== null && (err as { code?: string }).code === '57014';
    await audit.finish(pending, {
      ...what,
      outcome: cancelled ? 'cancelled' : 'failed',
      durationMs: performance.now() - pending.started,
      error: err instanceof Error ? err.message : String(err),
    });
    throw err;
  }
}
