import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { TaskInfo, TaskResult } from '../../../shared/contract/maintenance';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited, type AuditLog } from '../audit/audit-log';
import { needsDirectConnection, poolerOf } from '../db/pooler';
import type { PoolRegistry } from '../db/pool-registry';
import type { EventBus } from '../rpc/call-context';

export interface Progress {
  fraction: number | null;
  detail?: string;
}

export interface TaskContext {
  client: pg.PoolClient;
  pid: number;
  /** Throws a cancellation error when cancel was asked before a statement could be signalled. */
  checkCancelled(): void;
  /** For multi-step tasks: report progress between statements. */
  report(progress: Progress): void;
}

export interface TaskSpec<T> {
  taskId?: string;
  connectionId: string;
  kind: TaskInfo['kind'];
  label: string;
  statement: string;
  audit: { action: string; target: string; detail: string };
  /**
   * The table the task works on (an index's table for REINDEX INDEX): one task per table at a
   * time, because two on one table wait for each other's locks (VACUUM and REINDEX CONCURRENTLY
   * together deadlock).
   */
  tableOid?: number;
  /** Reads the running session's progress (pg_stat_progress_*), polled while the work runs. */
  progress?: (pool: pg.Pool, pid: number) => Promise<Progress | undefined>;
  work: (ctx: TaskContext) => Promise<T>;
}

/** Work that is not one SQL statement (pg_dump, pg_restore …): cancel aborts its signal. */
export interface JobContext {
  signal: AbortSignal;
  report(progress: Progress): void;
}

export interface JobSpec<T> {
  taskId?: string;
  connectionId: string;
  kind: TaskInfo['kind'];
  label: string;
  /** What runs, in words or as a command line without secrets. */
  statement: string;
  audit: { action: string; target: string; detail: string };
  work: (ctx: JobContext) => Promise<T>;
}

interface TaskState extends TaskInfo {
  started: number;
  tableOid?: number;
  cancelRequested: boolean;
  pool?: pg.Pool;
  /** Jobs only: what cancel aborts. */
  abort?: AbortController;
}

const POLL_MS = 400;
const KEEP_FINISHED = 50;

/** Postgres's own cancellation error, so audited() records "cancelled" and callers see 57014. */
function cancelledError(): Error {
  return Object.assign(new Error('canceling statement due to user request'), { code: '57014', severity: 'ERROR' });
}

/**
 * Long database work (VACUUM, REINDEX, REFRESH …) on its own pooled session: the pid is tracked per
 * task so cancel is pg_cancel_backend(pid); progress is polled from another session and pushed as
 * `task.progress` events; every run is audited. statement_timeout is lifted for the session while
 * the task runs (maintenance can legitimately take hours) and restored before it returns to the pool.
 * Work that is not SQL (pg_dump, pg_restore) runs as a job (runJob): same list, events, audit and
 * cancel, with an AbortSignal instead of a backend pid. One runner per core, in CoreDeps.
 */
export class TaskRunner {
  private readonly tasks = new Map<string, TaskState>();

  constructor(private readonly deps: { pools: PoolRegistry; events: EventBus; audit: AuditLog }) {}

  async run<T>(spec: TaskSpec<T>): Promise<{ result: T; info: TaskResult }> {
    const state = this.begin(spec, spec.progress ? 0 : null);
    const taskId = state.taskId;
    let client: pg.PoolClient | undefined;
    let broken = false;
    let poller: NodeJS.Timeout | undefined;
    try {
      const result = await audited(this.deps.audit, spec.connectionId, spec.audit, async () => {
        // The direct pool: through a transaction pooler the pid below would be whichever server
        // session ran that one statement, and cancelling it could stop another client's query.
        const pool = await this.deps.pools.getDirect(spec.connectionId);
        const pooler = poolerOf(pool);
        if (pooler)
          throw new RpcError(
            'CONFLICT',
            needsDirectConnection(`${spec.label} (a task tracked and cancelled by its server session)`, pooler),
          );
        state.pool = pool;
        client = await pool.connect();
        const { rows } = await client.query<{ pid: number }>(`SELECT /* ticketz-console */ pg_catalog.pg_backend_pid() AS pid`);
        state.pid = rows[0]!.pid;
        await client.query(`SET /* ticketz-console */ statement_timeout = 0`);
        if (spec.progress) poller = this.poll(state, pool, spec.progress);
        const ctx: TaskContext = {
          client,
          pid: state.pid,
          checkCancelled: () => {
            if (state.cancelRequested) throw cancelledError();
          },
          report: (p) => this.update(state, p),
        };
        ctx.checkCancelled();
        return spec.work(ctx);
      });
      this.finish(state, 'succeeded');
      return { result, info: { taskId, statement: spec.statement, elapsedMs: state.elapsedMs } };
    } catch (err) {
      const code = (err as { code?: string }).code;
      // A server error leaves the session usable; a network error or termination does not.
      broken = !(err instanceof RpcError) && (!/^[0-9A-Z]{5}$/.test(code ?? '') || code === '57P01');
      this.finish(state, code === '57014' ? 'cancelled' : 'failed', err instanceof Error ? err.message : String(err));
      throw err;
    } finally {
      clearInterval(poller);
      if (client) {
        if (!broken) await client.query('RESET /* ticketz-console */ statement_timeout').catch(() => (broken = true));
        client.release(broken);
      }
    }
  }

  /**
   * Background work that is not SQL on a pooled session: the work gets an AbortSignal (cancel
   * aborts it: stop the child process, cancel its own queries) and reports its own progress.
   */
  async runJob<T>(spec: JobSpec<T>): Promise<{ result: T; info: TaskResult }> {
    const state = this.begin(spec, 0);
    const abort = new AbortController();
    state.abort = abort;
    try {
      const result = await audited(this.deps.audit, spec.connectionId, spec.audit, () => {
        // Cancelled while its audit entry was being written: the work never starts.
        if (abort.signal.aborted) throw Object.assign(new Error('Cancelled before it started.'), { code: '57014' });
        return spec.work({ signal: abort.signal, report: (p) => state.state === 'running' && this.update(state, p) });
      });
      this.finish(state, 'succeeded');
      return { result, info: { taskId: state.taskId, statement: spec.statement, elapsedMs: state.elapsedMs } };
    } catch (err) {
      const cancelled = abort.signal.aborted || (err as { code?: string }).code === '57014';
      this.finish(state, cancelled ? 'cancelled' : 'failed', err instanceof Error ? err.message : String(err));
      throw err;
    } finally {
      state.abort = undefined;
    }
  }

  private begin(
    spec: {
      taskId?: string;
      connectionId: string;
      kind: TaskInfo['kind'];
      label: string;
      statement: string;
      tableOid?: number | undefined;
    },
    fraction: number | null,
  ): TaskState {
    const taskId = spec.taskId ?? randomUUID();
    if (this.tasks.get(taskId)?.state === 'running') throw new RpcError('CONFLICT', `Task ${taskId} is already running.`);
    const busy =
      spec.tableOid === undefined
        ? undefined
        : [...this.tasks.values()].find(
            (t) => t.state === 'running' && t.connectionId === spec.connectionId && t.tableOid === spec.tableOid,
          );
    if (busy)
      throw new RpcError(
        'CONFLICT',
        `${busy.label} is still running on this table. Wait for it to finish or cancel it first: two maintenance tasks on one table wait for each other's locks (VACUUM and REINDEX CONCURRENTLY deadlock).`,
      );
    const state: TaskState = {
      taskId,
      connectionId: spec.connectionId,
      kind: spec.kind,
      label: spec.label,
      statement: spec.statement,
      startedAt: new Date().toISOString(),
      started: performance.now(),
      pid: null,
      state: 'running',
      fraction,
      elapsedMs: 0,
      cancelRequested: false,
      tableOid: spec.tableOid,
    };
    this.tasks.set(taskId, state);
    this.trim();
    this.emit(state);
    return state;
  }

  /** pg_cancel_backend on the task's session (a job: abort its signal); a task not yet on the server stops before it starts. */
  async cancel(taskId: string): Promise<boolean> {
    const state = this.tasks.get(taskId);
    if (!state || state.state !== 'running') return false;
    state.cancelRequested = true;
    if (state.abort) {
      state.abort.abort();
      return true;
    }
    if (state.pid === null || !state.pool) return true;
    const { rows } = await state.pool.query<{ ok: boolean }>(`SELECT /* ticketz-console */ pg_catalog.pg_cancel_backend($1::int) AS ok`, [
      state.pid,
    ]);
    return rows[0]?.ok ?? false;
  }

  list(connectionId?: string): TaskInfo[] {
    return [...this.tasks.values()]
      .filter((t) => !connectionId || t.connectionId === connectionId)
      .map((t) => this.publicInfo(t))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  private poll(state: TaskState, pool: pg.Pool, read: NonNullable<TaskSpec<unknown>['progress']>): NodeJS.Timeout {
    let busy = false;
    return setInterval(() => {
      if (busy || state.state !== 'running' || state.pid === null) return;
      busy = true;
      read(pool, state.pid)
        .then((p) => p && state.state === 'running' && this.update(state, p))
        .catch(() => undefined) // a failed progress read must never fail the task
        .finally(() => (busy = false));
    }, POLL_MS);
  }

  private update(state: TaskState, p: Progress): void {
    // Never go backwards: VACUUM may loop over heap and indexes more than once.
    if (p.fraction !== null) state.fraction = Math.max(state.fraction ?? 0, Math.min(1, p.fraction));
    if (p.detail !== undefined) state.detail = p.detail;
    this.emit(state);
  }

  private finish(state: TaskState, outcome: TaskInfo['state'], error?: string): void {
    state.state = outcome;
    if (outcome === 'succeeded' && state.fraction !== null) state.fraction = 1;
    if (error) state.error = error;
    state.pool = undefined;
    this.emit(state);
  }

  private emit(state: TaskState): void {
    state.elapsedMs = performance.now() - state.started;
    this.deps.events.emit('task.progress', {
      taskId: state.taskId,
      connectionId: state.connectionId,
      label: state.label,
      state: state.state,
      fraction: state.fraction,
      ...(state.detail !== undefined ? { detail: state.detail } : {}),
      elapsedMs: state.elapsedMs,
    });
  }

  private publicInfo(t: TaskState): TaskInfo {
    const elapsedMs = t.state === 'running' ? performance.now() - t.started : t.elapsedMs;
    return {
      taskId: t.taskId,
      connectionId: t.connectionId,
      kind: t.kind,
      label: t.label,
      statement: t.statement,
      startedAt: t.startedAt,
      pid: t.pid,
      state: t.state,
      fraction: t.fraction,
      ...(t.detail !== undefined ? { detail: t.detail } : {}),
      elapsedMs,
      ...(t.error !== undefined ? { error: t.error } : {}),
    };
  }

  private trim(): void {
    const finished = [...this.tasks.values()].filter((t) => t.state !== 'running');
    for (const t of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.tasks.delete(t.taskId);
  }
}
