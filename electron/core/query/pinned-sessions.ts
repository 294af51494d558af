import type pg from 'pg';
import type { SessionState } from '../../../shared/contract/query-session';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited, type AuditLog } from '../audit/audit-log';
import type { PoolRegistry } from '../db/pool-registry';
import { needsDirectConnection, poolerOf } from '../db/pooler';
import { sessionEnded, settledStatus } from '../db/transaction-status';
import cancelBackendSql from '../sql/query/cancel-backend.sql?raw';
import resetSessionSql from '../sql/query/reset-session.sql?raw';
import transactionWroteSql from '../sql/query/transaction-wrote.sql?raw';
import type { EditorSession, EditorSessions } from './editor-sessions';
import { endTransaction } from './pinned-endings';
import { checkOut, type Pinned } from './pinned-session';
import { closedMessage, type ClosedCause } from './pinned-messages';
import { closedState, liveState } from './pinned-state';
import { formatSeconds, transactionAuditEntry } from './transaction-audit';

export interface PinnedLimits {
  /** A pinned session idle this long is rolled back (if a transaction is open) and given back. */
  idleMs: number;
  /** The server's idle_in_transaction_session_timeout is idleMs plus this: a backstop, not the rule. */
  serverGraceMs: number;
  /** How long a closing pool waits for a cancelled statement before cutting the connection. */
  cancelWaitMs: number;
}

export const DEFAULT_PINNED_LIMITS: PinnedLimits = { idleMs: 10 * 60_000, serverGraceMs: 60_000, cancelWaitMs: 5_000 };

const GONE_KEPT = 500;
const GONE_MS = 24 * 3_600_000;

/**
 * The SQL editor's pinned sessions (Manual mode): a pooled client per tab, kept checked out and
 * named by a random id. At most pool size − 1 per connection, so the rest of the console always
 * has a session. Idle sessions are rolled back and released after `idleMs`; a closing pool rolls
 * them back; a dead connection is reported as what it is — the server rolled the transaction back.
 */
export class PinnedSessions {
  private readonly pinned = new Map<string, Pinned>();
  /** Why a session is gone, for the tab that asks next. */
  private readonly gone = new Map<string, { connectionId: string; reason: string; at: number }>();
  private readonly opening = new Map<string, number>();

  constructor(
    private readonly pools: PoolRegistry,
    private readonly sessions: EditorSessions,
    private readonly audit: AuditLog,
    readonly limits: PinnedLimits = DEFAULT_PINNED_LIMITS,
  ) {
    pools.onClose((connectionId, pool) => this.closeConnection(connectionId, pool));
  }

  async open(connectionId: string, owner?: string): Promise<SessionState> {
    // One session held across statements: the server's own, never a pooler's shared one.
    const pool = await this.pools.getDirect(connectionId);
    const pooler = poolerOf(pool);
    if (pooler) throw new RpcError('CONFLICT', needsDirectConnection('Manual transaction mode (one session pinned to this tab)', pooler));
    const size = pool.options.max ?? 10;
    const mine = [...this.pinned.values()].filter((p) => p.connectionId === connectionId).length + (this.opening.get(connectionId) ?? 0);
    if (mine >= size - 1)
      throw new RpcError(
        'CONFLICT',
        `No session to spare for Manual mode: this connection has ${size} sessions and ${mine} ${mine === 1 ? 'is' : 'are'} already pinned to editor tabs (one is always kept for the rest of the console). Commit or roll back in another tab and switch it to Auto-commit, or close it.`,
      );
    this.opening.set(connectionId, (this.opening.get(connectionId) ?? 0) + 1);
    try {
      const p = await checkOut(pool, connectionId, this.limits.idleMs + this.limits.serverGraceMs, (pinned, err) =>
        this.onLost(pinned, err),
      );
      p.owner = owner;
      this.pinned.set(p.id, p);
      this.armIdle(p);
      return this.stateOf(p);
    } finally {
      this.opening.set(connectionId, (this.opening.get(connectionId) ?? 1) - 1);
    }
  }

  /** The session's state; a session that is gone reads as closed, with why. */
  state(connectionId: string, id: string): SessionState {
    const p = this.find(connectionId, id);
    if (p) return this.stateOf(p);
    const gone = this.gone.get(id);
    const reason = gone?.connectionId === connectionId ? gone.reason : closedMessage({ kind: 'unknown' });
    return closedState(id, reason, this.limits.idleMs);
  }

  private stateOf(p: Pinned): SessionState {
    return liveState(p.id, p.tracker, { busy: p.busy !== undefined, idleDeadline: p.idleDeadline, idleLimitMs: this.limits.idleMs });
  }

  /**
   * Runs `work` with the session to itself: one operation at a time, a second one is refused
   * (the tab's buttons are disabled meanwhile; another window or a script gets a clear error).
   * A result set still open from the previous run is closed first: its cursor occupies the session.
   */
  async exclusive<T>(
    connectionId: string,
    id: string,
    what: string,
    runId: string | undefined,
    work: (p: Pinned) => Promise<T>,
  ): Promise<T> {
    const p = this.find(connectionId, id);
    if (!p) throw new RpcError('NOT_FOUND', this.state(connectionId, id).reason!);
    if (p.closing)
      throw new RpcError(
        'NOT_FOUND',
        'This tab’s session is being closed (idle limit, tab closed or disconnect) and any open transaction rolled back. Run again to start a new session.',
      );
    if (p.busy)
      throw new RpcError(
        'CONFLICT',
        `This tab's session is busy (${p.busy}). Wait for it to finish, or press Esc to cancel it, then try again.`,
      );
    p.busy = what;
    p.runId = runId;
    this.disarmIdle(p);
    const done = (async () => {
      try {
        await this.dropHeld(p);
        if (p.lost) throw new Error(p.lost.detail);
        return await work(p);
      } catch (err) {
        if (p.lost || sessionEnded(p.client)) {
          p.lost ??= { detail: err instanceof Error ? err.message : String(err), duringCommit: false };
          throw new RpcError('CONNECTION_FAILED', this.lostMessage(p));
        }
        throw err;
      } finally {
        p.busy = undefined;
        p.runId = undefined;
        await this.settle(p);
      }
    })();
    p.work = done.catch(() => undefined);
    return done;
  }

  /** Activity outside a run (paging through its open result set) restarts the idle clock. */
  touch(p: Pinned): void {
    if (!p.busy && !p.closing && this.pinned.has(p.id)) this.armIdle(p);
  }

  /** Marks the run's EditorSession as holding the session through its open result set. */
  hold(p: Pinned, session: EditorSession | undefined): void {
    p.held = session && !session.released ? session : undefined;
  }

  /** On a read-only profile a transaction that wrote is not committed: it is rolled back (see endTransaction). */
  commit(connectionId: string, id: string, readOnlyProfile = false): Promise<{ state: SessionState; message: string }> {
    return endTransaction(this, this.audit, connectionId, id, readOnlyProfile ? 'commit-read-only' : 'commit');
  }

  rollback(connectionId: string, id: string): Promise<{ state: SessionState; message: string }> {
    return endTransaction(this, this.audit, connectionId, id, 'rollback');
  }

  /** pg_current_xact_id_if_assigned() inside the open transaction, when it is worth asking. */
  async probe(p: Pinned): Promise<void> {
    if (p.tracker.status !== 'T' || !p.tracker.unconfirmed) return;
    try {
      const { rows } = await p.client.query<{ wrote: boolean }>(transactionWroteSql);
      p.tracker.probed(rows[0]?.wrote === true);
    } catch {
      p.tracker.status = await settledStatus(p.client);
    }
  }

  /** Rolls back whatever is open and gives the session back to the pool (tab closed, mode switched). */
  async close(connectionId: string, id: string): Promise<{ closed: boolean; rolledBack: boolean }> {
    const p = this.find(connectionId, id);
    if (!p || p.closing) return { closed: false, rolledBack: false };
    p.closing = true;
    // A statement still running (the tab was closed mid-run): cancel it, then roll back.
    if (p.busy && p.runId) await this.sessions.cancel(connectionId, p.runId).catch(() => false);
    await p.work;
    if (!this.pinned.has(p.id)) return { closed: true, rolledBack: false };
    const rolledBack = await this.finish(p, { kind: 'closed' }, 'tab closed or mode switched');
    return { closed: true, rolledBack };
  }

  /**
   * The page that opened these sessions is gone (its event stream closed, its window was
   * destroyed): cancel what runs, roll back what is open (audited when it wrote) and release them,
   * at once rather than after the idle limit; a tab that held only a LOCK TABLE frees its locks too.
   */
  async releaseOwner(owner: string): Promise<number> {
    const mine = [...this.pinned.values()].filter((p) => p.owner === owner && !p.closing);
    await Promise.all(
      mine.map(async (p) => {
        p.closing = true;
        if (p.busy && p.runId) await this.sessions.cancel(p.connectionId, p.runId).catch(() => false);
        await p.work;
        if (this.pinned.has(p.id)) await this.finish(p, { kind: 'page-gone' }, 'its browser tab or window went away');
      }),
    );
    return mine.length;
  }

  /** PoolRegistry.onClose: roll back and release every pinned session of the connection. */
  private async closeConnection(connectionId: string, pool: Promise<pg.Pool>): Promise<void> {
    const mine = [...this.pinned.values()].filter((p) => p.connectionId === connectionId);
    await Promise.all(
      mine.map(async (p) => {
        p.closing = true;
        if (p.busy) {
          // Cancel the running statement through the closing pool (it still works), give the run a
          // moment to stop, and cut the connection if it does not: pool.end() waits for the client.
          await pool.then((pl) => pl.query(cancelBackendSql, [p.pid])).catch(() => undefined);
          const timeout = new Promise((resolve) => setTimeout(resolve, this.limits.cancelWaitMs).unref());
          await Promise.race([p.work, timeout]);
        }
        if (!this.pinned.has(p.id)) return;
        if (p.busy) {
          this.forget(p, closedMessage({ kind: 'pool-closed', running: true }, p.tracker.status !== 'I'));
          p.client.release(true);
          return;
        }
        // No audit entry here (AuditLog would open a new pool for this connection): the UI asks
        // first and closes sessions through query.closeSession, which is audited.
        await this.finish(p, { kind: 'pool-closed', running: false }, undefined);
      }),
    );
  }

  /**
   * Ends the session: ROLLBACK if a transaction is open (audited when it wrote and `by` is set),
   * reset, back to the pool. Returns whether a transaction was rolled back.
   */
  private finish(p: Pinned, cause: ClosedCause, by: string | undefined): Promise<boolean> {
    p.closing = true;
    p.finishing ??= this.rollBackAndRelease(p, cause, by);
    return p.finishing;
  }

  private async rollBackAndRelease(p: Pinned, cause: ClosedCause, by: string | undefined): Promise<boolean> {
    this.disarmIdle(p);
    await this.dropHeld(p);
    let rolledBack = false;
    let broken = false;
    try {
      if (sessionEnded(p.client)) throw new Error('connection ended');
      const status = (p.tracker.status = await settledStatus(p.client));
      if (status !== 'I') {
        await this.probe(p);
        const tx = p.tracker.end()!;
        const rollback = () => p.client.query('ROLLBACK');
        if (tx.wrote && by)
          await audited(this.audit, p.connectionId, transactionAuditEntry('rollback', tx, { now: Date.now(), by }), rollback);
        else await rollback();
        rolledBack = true;
      }
      await p.client.query(resetSessionSql);
    } catch {
      broken = true; // not reset: the pool must not hand it out again
    }
    this.forget(p, closedMessage(cause, rolledBack));
    p.client.release(broken);
    return rolledBack;
  }

  private async dropHeld(p: Pinned): Promise<void> {
    const held = p.held;
    p.held = undefined;
    if (held?.resultId) await this.sessions.close(held.resultId);
  }

  /** After an operation: a lost session is cleared away, a live one starts its idle clock. */
  private async settle(p: Pinned): Promise<void> {
    if (!this.pinned.has(p.id) || p.closing) return;
    if (p.lost) {
      await this.dropHeld(p);
      this.forget(p, this.lostMessage(p));
      p.client.release(true);
      return;
    }
    this.armIdle(p);
  }

  private lostMessage(p: Pinned): string {
    const lost = p.lost ?? { detail: 'connection ended', duringCommit: false };
    return this.gone.get(p.id)?.reason ?? closedMessage({ kind: 'lost', ...lost }, p.tracker.status !== 'I');
  }

  private onLost(p: Pinned, err: Error): void {
    p.lost ??= { detail: err.message, duringCommit: false };
    if (!p.busy) void this.settle(p);
  }

  private armIdle(p: Pinned): void {
    this.disarmIdle(p);
    p.idleDeadline = Date.now() + this.limits.idleMs;
    p.idleTimer = setTimeout(() => void this.expire(p), this.limits.idleMs);
    p.idleTimer.unref();
  }

  private disarmIdle(p: Pinned): void {
    clearTimeout(p.idleTimer);
    p.idleTimer = undefined;
    p.idleDeadline = null;
  }

  private async expire(p: Pinned): Promise<void> {
    if (p.busy || p.closing || !this.pinned.has(p.id)) return;
    p.closing = true;
    const limit = formatSeconds(this.limits.idleMs);
    p.work = this.finish(p, { kind: 'idle', limit }, `idle limit of ${limit}`).catch(() => undefined);
    await p.work;
  }

  private forget(p: Pinned, reason: string): void {
    if (!this.pinned.delete(p.id)) return;
    this.disarmIdle(p);
    p.tracker.end();
    // Every caller releases the client right after, synchronously: the pool adds its own listener then.
    p.client.off('error', p.onError);
    this.gone.set(p.id, { connectionId: p.connectionId, reason, at: Date.now() });
    for (const [id, g] of this.gone) if (this.gone.size > GONE_KEPT || Date.now() - g.at > GONE_MS) this.gone.delete(id);
  }

  private find(connectionId: string, id: string): Pinned | undefined {
    const p = this.pinned.get(id);
    return p && p.connectionId === connectionId ? p : undefined;
  }
}
