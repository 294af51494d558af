import type pg from 'pg';
import { RpcError } from '../../../shared/rpc/rpc-error';
import cancelSql from '../sql/activity/cancel.sql?raw';
import { MigrationError } from './errors';

export interface ApplierRun {
  taskId: string;
  connectionId: string;
  direction: 'up' | 'down';
  /** The backend running the migrations, once the engine has a session (null while it waits for the applier lock). */
  pid: number | null;
  startedAt: number;
  cancelRequested: boolean;
}

/** Postgres's query_canceled, so audited() and the RPC mapping treat it like pg_cancel_backend's error. */
function cancelledBetweenStatements(): MigrationError {
  return new MigrationError('sql', 'Cancelled before the next statement started: the migration in progress was rolled back.', {
    cause: { code: '57014', message: 'canceling statement due to user request' },
  });
}

/**
 * The apply and rollback runs in progress, by task id: what the workbench's lock panel watches
 * and what cancel signals. Cancel is pg_cancel_backend(pid) on the statement running now plus a
 * flag checked before the next statement starts, so a cancel that lands between two statements
 * still stops the run. The engine's per-migration transaction keeps the history consistent.
 */
export class ApplierRuns {
  private readonly runs = new Map<string, ApplierRun>();

  start(taskId: string, connectionId: string, direction: 'up' | 'down'): ApplierRun {
    if (this.runs.has(taskId)) throw new RpcError('CONFLICT', `A migration run with task id ${taskId} is already in progress.`);
    const run: ApplierRun = { taskId, connectionId, direction, pid: null, startedAt: Date.now(), cancelRequested: false };
    this.runs.set(taskId, run);
    return run;
  }

  finish(taskId: string): void {
    this.runs.delete(taskId);
  }

  get(taskId: string): ApplierRun | undefined {
    return this.runs.get(taskId);
  }

  /** Called by the engine's events: throws (inside the migration's transaction) when cancel was asked. */
  checkpoint(run: ApplierRun): void {
    if (run.cancelRequested) throw cancelledBetweenStatements();
  }

  /** Asks the run to stop; signals its backend when it has one. False when no such run is in progress. */
  async cancel(pool: pg.Pool, connectionId: string, taskId: string): Promise<{ found: boolean; signalled: boolean; pid: number | null }> {
    const run = this.runs.get(taskId);
    if (!run || run.connectionId !== connectionId) return { found: false, signalled: false, pid: null };
    run.cancelRequested = true;
    if (run.pid === null) return { found: true, signalled: false, pid: null };
    const { rows } = await pool.query<{ signalled: boolean }>(cancelSql, [run.pid]);
    return { found: true, signalled: rows[0]?.signalled ?? false, pid: run.pid };
  }
}

const registries = new WeakMap<object, ApplierRuns>();

/** One registry per core (keyed by its deps), shared by the migrations and workbench services. */
export function applierRunsFor(deps: object): ApplierRuns {
  let runs = registries.get(deps);
  if (!runs) {
    runs = new ApplierRuns();
    registries.set(deps, runs);
  }
  return runs;
}
