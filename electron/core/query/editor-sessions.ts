import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type Cursor from 'pg-cursor';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { readBatch, type CursorBatch } from '../db/cursor-read';
import type { PoolRegistry } from '../db/pool-registry';
import { sessionEnded } from '../db/transaction-status';
import cancelBackendSql from '../sql/query/cancel-backend.sql?raw';
import resetSessionSql from '../sql/query/reset-session.sql?raw';

type Row = (string | null)[];

/** A pooled session checked out for one run, kept while its last result set stays open. */
export interface EditorSession {
  runId: string;
  connectionId: string;
  client: pg.PoolClient;
  pid: number;
  readOnly: boolean;
  /** A statement (or a fetch) is executing on it right now. */
  busy: boolean;
  cancelled: boolean;
  cancelling: Promise<unknown> | undefined;
  released: boolean;
  /** Manual mode: the tab's pinned session, handed back to its owner instead of the pool. */
  pinned: PinnedHold | undefined;
  /** The result set kept open on it, if any. */
  resultId: string | undefined;
}

/** The owner of a pinned session (PinnedSessions), told when a run's hold on it ends. */
export interface PinnedHold {
  client: pg.PoolClient;
  pid: number;
  handBack(session: EditorSession): Promise<void>;
  /** Paging through its result set is activity: the idle limit starts again. */
  touch(): void;
}

interface OpenResult {
  id: string;
  session: EditorSession;
  cursor: Cursor<Row>;
  timer: NodeJS.Timeout;
  /** Fetches on one cursor run one after another. */
  chain: Promise<unknown>;
  openedAt: number;
  /**
   * The next batch, already being read while the caller handles the last one, so the server
   * produces rows while the client decodes and shows them. One batch at most: memory stays bounded.
   */
  ahead: { size: number; batch: Promise<CursorBatch<Row>> } | undefined;
}

export interface SessionLimits {
  /** An open result set holds a snapshot and its tables' ACCESS SHARE locks: close it when idle. */
  idleMs: number;
  /** Open result sets per connection; the oldest is closed first (the pool has only a few sessions). */
  maxOpenPerConnection: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 60_000, maxOpenPerConnection: 2 };

export const LEFT_OPEN_WARNING =
  'The script left a transaction open (BEGIN without COMMIT or ROLLBACK), and each run is its own session, so it was rolled back. Run the whole transaction, COMMIT included, in one run.';

/**
 * The SQL editor's sessions: one pooled client per run, held on while the run's last result set
 * is open (a server-side cursor), then reset and given back. Cancel signals the backend from
 * another pooled session.
 */
export class EditorSessions {
  private readonly sessions = new Map<string, EditorSession>();
  private readonly results = new Map<string, OpenResult>();
  /** Cancels that arrived before their run had a session (the two calls race). */
  private readonly earlyCancels = new Map<string, number>();

  constructor(
    private readonly pools: PoolRegistry,
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {
    pools.onClose((connectionId) => this.closeConnection(connectionId));
  }

  /** A session for one run: a fresh pooled one, or the tab's pinned one in Manual mode. */
  async begin(connectionId: string, runId: string, readOnly: boolean, pinned?: PinnedHold): Promise<EditorSession> {
    if (this.sessions.has(runId)) throw new RpcError('CONFLICT', `Run ${runId} is already in progress.`);
    let client: pg.PoolClient;
    if (pinned) client = pinned.client;
    else {
      const pool = await this.pools.get(connectionId);
      client = await pool.connect();
      // A checked-out client has no error listener (pg-pool removes its own): a backend terminated
      // mid-run would otherwise throw from the 'error' event and end the process.
      client.on('error', ignoreError);
    }
    const pid = pinned?.pid ?? (client as unknown as { processID: number }).processID;
    const session: EditorSession = {
      runId,
      connectionId,
      client,
      pid,
      readOnly,
      busy: false,
      cancelled: this.earlyCancels.delete(runId),
      cancelling: undefined,
      released: false,
      pinned,
      resultId: undefined,
    };
    this.sessions.set(runId, session);
    return session;
  }

  /** Holds the session open behind a cursor that has more rows; returns the result set id. */
  keepOpen(session: EditorSession, cursor: Cursor<Row>): string {
    const id = randomUUID();
    const open: OpenResult = {
      id,
      session,
      cursor,
      timer: this.idleTimer(id),
      chain: Promise.resolve(),
      openedAt: Date.now(),
      ahead: undefined,
    };
    this.results.set(id, open);
    session.resultId = id;
    const mine = [...this.results.values()]
      .filter((r) => r.session.connectionId === session.connectionId)
      .sort((a, b) => a.openedAt - b.openedAt);
    for (const old of mine.slice(0, Math.max(0, mine.length - this.limits.maxOpenPerConnection))) void this.close(old.id);
    return id;
  }

  /** Gives the session back to the pool, reset; says so if the script left a transaction open. */
  async release(session: EditorSession): Promise<string | null> {
    if (session.released) return null;
    session.released = true;
    this.sessions.delete(session.runId);
    await session.cancelling?.catch(() => undefined);
    if (session.pinned) {
      await session.pinned.handBack(session);
      return null;
    }
    let warning: string | null = null;
    let broken = false;
    try {
      const status = session.client.getTransactionStatus?.() ?? 'I';
      if (status !== 'I') {
        await session.client.query('ROLLBACK');
        if (!session.readOnly) warning = LEFT_OPEN_WARNING;
      }
      await session.client.query(resetSessionSql);
    } catch {
      broken = true; // a session we cannot reset is not given back to the pool
    }
    session.client.off('error', ignoreError);
    session.client.release(broken);
    return warning;
  }

  async fetch(connectionId: string, id: string, count: number): Promise<{ rows: Row[]; hasMore: boolean }> {
    const open = this.results.get(id);
    if (!open || open.session.connectionId !== connectionId)
      throw new RpcError(
        'NOT_FOUND',
        `This result set is closed: it was idle for ${this.limits.idleMs / 1000} s, newer results replaced it (at most ${this.limits.maxOpenPerConnection} stay open per connection), or its tab's transaction moved on (a new run, Commit or Rollback). Run the statement again.`,
      );
    const work = open.chain.then(async () => {
      clearTimeout(open.timer);
      open.session.pinned?.touch();
      open.session.busy = true;
      try {
        const pending = open.ahead ?? { size: count, batch: readBatch(open.cursor, count) };
        open.ahead = undefined;
        const batch = await pending.batch;
        const done = batch.command !== null || batch.rows.length < pending.size;
        if (done) await this.closeNow(open);
        else {
          const next = readBatch(open.cursor, count);
          next.catch(() => undefined); // surfaced by the fetch that takes it
          open.ahead = { size: count, batch: next };
          open.timer = this.idleTimer(id);
        }
        return { rows: batch.rows, hasMore: !done };
      } catch (err) {
        await this.closeNow(open);
        throw err;
      } finally {
        open.session.busy = false;
      }
    });
    open.chain = work.catch(() => undefined);
    return work;
  }

  async close(id: string): Promise<boolean> {
    const open = this.results.get(id);
    if (!open) return false;
    await open.chain;
    return this.closeNow(open);
  }

  private async closeNow(open: OpenResult): Promise<boolean> {
    if (!this.results.delete(open.id)) return false;
    clearTimeout(open.timer);
    await open.ahead?.batch.catch(() => undefined);
    open.ahead = undefined;
    // Closing waits for a ReadyForQuery that a dead connection never sends.
    if (!sessionEnded(open.session.client)) await open.cursor.close().catch(() => undefined);
    await this.release(open.session);
    return true;
  }

  /** pg_cancel_backend on the run's backend, sent from another pooled session. */
  async cancel(connectionId: string, runId: string): Promise<boolean> {
    const session = this.sessions.get(runId);
    if (!session) {
      this.earlyCancels.set(runId, Date.now());
      for (const [id, at] of this.earlyCancels) if (Date.now() - at > 60_000) this.earlyCancels.delete(id);
      return false;
    }
    if (session.connectionId !== connectionId) return false;
    session.cancelled = true;
    if (!session.busy) return false;
    const pool = await this.pools.get(connectionId);
    const signal = pool.query<{ cancelled: boolean }>(cancelBackendSql, [session.pid]);
    session.cancelling = signal;
    const { rows } = await signal;
    return rows[0]?.cancelled ?? false;
  }

  private idleTimer(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => void this.close(id), this.limits.idleMs);
    timer.unref();
    return timer;
  }

  private async closeConnection(connectionId: string): Promise<void> {
    const open = [...this.results.values()].filter((r) => r.session.connectionId === connectionId);
    await Promise.all(open.map((r) => this.close(r.id)));
    for (const session of this.sessions.values()) {
      // A pinned session's owner ends it (PinnedSessions listens to the same close).
      if (session.connectionId !== connectionId || session.pinned) continue;
      // A run still executing: end its connection so pool.end() does not wait for it.
      this.sessions.delete(session.runId);
      session.released = true;
      session.client.off('error', ignoreError);
      session.client.release(true);
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.results.keys()].map((id) => this.close(id)));
  }
}

function ignoreError(): void {
  // The failure reaches the statement that was running; a session that cannot be reset is not reused.
}
