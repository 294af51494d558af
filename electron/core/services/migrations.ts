import { randomUUID } from 'node:crypto';
import type { MigrationPlan, migrationsContract } from '../../../shared/contract/migrations';
import type { PgErrorFields } from '../../../shared/rpc/envelope';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited } from '../audit/audit-log';
import { applierRunsFor, type ApplierRun } from '../migrations/applier-runs';
import { isPgDatabaseError, pgFieldsOf } from '../db/pg-errors';
import type { CoreDeps } from '../deps';
import { defaultMigrationsDir } from '../migrations/default-dir';
import { MigrationEngine, type EngineEvent, type EngineOptions, type RanStep } from '../migrations/engine';
import { MigrationError } from '../migrations/errors';
import type { HandlersFor } from '../rpc/dispatcher';
import { DEMO_ID } from './connections';

/** Engine failures as RPC errors: the kind picks the code; a failed statement keeps its Postgres fields. */
function toRpcError(err: unknown): unknown {
  if (!(err instanceof MigrationError)) return err;
  switch (err.kind) {
    case 'discovery':
      return new RpcError('BAD_REQUEST', err.message);
    case 'blocked':
      return new RpcError('CONFLICT', err.message);
    case 'lock_timeout':
    case 'sql': {
      if (err.code === '57014') return new RpcError('CANCELLED', err.message);
      const cause = err.details.cause;
      let pg: PgErrorFields | undefined;
      if (isPgDatabaseError(cause)) {
        // Postgres's position counts within one statement; the message carries file:line:column instead.
        const { position: _position, ...fields } = pgFieldsOf(cause);
        pg = fields;
      }
      return new RpcError(err.kind === 'sql' ? 'PG_ERROR' : 'TIMEOUT', err.message, pg);
    }
    case 'lock_lost':
      return new RpcError('UNAVAILABLE', err.message);
    case 'needs_direct':
      return new RpcError('CONFLICT', err.message);
  }
}

const stepList = (plan: MigrationPlan) => plan.steps.map((s) => `${s.version} ${s.name}`).join(', ');

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toRpcError(err);
  }
}

export function migrationsHandlers(deps: CoreDeps): HandlersFor<typeof migrationsContract> {
  const engine = async (connectionId: string, dir: string | undefined, extra: Partial<EngineOptions> = {}) =>
    // The direct pool: the applier lock is a session-level advisory lock, unsafe through a pooler.
    new MigrationEngine({ pool: await deps.pools.getDirect(connectionId), dir: dir ?? defaultMigrationsDir(), ...extra });

  const assertWritable = (connectionId: string) => {
    if (connectionId !== DEMO_ID && deps.profiles.get(connectionId).readOnly)
      throw new RpcError(
        'READ_ONLY',
        'This connection is read-only, so migrations cannot be applied or rolled back. Edit the connection to allow changes.',
      );
  };

  const runs = applierRunsFor(deps);

  /**
   * task.progress per migration and per statement, for the workbench's progress bar; the run's
   * backend pid is registered (lock panel, cancel) and a requested cancel stops it before the next statement.
   */
  const progress = (run: ApplierRun, label: string) => {
    const { taskId, connectionId } = run;
    const started = performance.now();
    const emit = (state: 'running' | 'succeeded' | 'failed' | 'cancelled', fraction: number | null, detail?: string) =>
      deps.events.emit('task.progress', {
        taskId,
        connectionId,
        label,
        state,
        fraction,
        elapsedMs: performance.now() - started,
        ...(detail ? { detail } : {}),
      });
    const onEvent = (e: EngineEvent) => {
      if (e.type === 'session') run.pid = e.pid;
      if (e.type === 'step-start' || e.type === 'statement') runs.checkpoint(run);
      if (e.type === 'lock-wait') emit('running', null, e.message);
      else if (e.type === 'step-start') emit('running', e.index / e.total, `${e.step.version} ${e.step.name}`);
      else if (e.type === 'statement')
        emit(
          'running',
          (e.index + (e.statement - 1) / e.statements) / e.total,
          `${e.step.version} ${e.step.name}: line ${e.line}: ${e.summary}${e.outsideTransaction ? ' (outside a transaction)' : ''}`,
        );
      else if (e.type === 'step-done') emit('running', (e.index + 1) / e.total, `${e.step.version} ${e.step.name} done`);
    };
    return { onEvent, emit };
  };

  /**
   * Apply or roll back (the caller checked the connection is writable) as an audited, cancellable
   * task: the plan names the steps in the audit entry; the task ends succeeded ("N applied"), or
   * cancelled/failed with the reason.
   */
  const auditedRun = async (
    run: { connectionId: string; dir?: string; taskId?: string; direction: 'up' | 'down'; label: string; action: string; done: string },
    timeouts: Pick<EngineOptions, 'lockTimeoutMs' | 'statementTimeoutMs' | 'lockWaitMs'>,
    describe: (e: MigrationEngine) => Promise<string>,
    work: (e: MigrationEngine) => Promise<RanStep[]>,
  ) => {
    const { connectionId, dir } = run;
    const applier = runs.start(run.taskId ?? randomUUID(), connectionId, run.direction);
    const task = progress(applier, run.label);
    try {
      const e = await engine(connectionId, dir, { ...timeouts, onEvent: task.onEvent });
      const detail = await mapped(() => describe(e));
      return await mapped(async () => {
        try {
          const ran = await audited(deps.audit, connectionId, { action: run.action, target: dir ?? defaultMigrationsDir(), detail }, () =>
            work(e),
          );
          task.emit('succeeded', 1, `${ran.length} ${run.done}`);
          return { ran };
        } catch (err) {
          task.emit(applier.cancelRequested ? 'cancelled' : 'failed', null, err instanceof Error ? err.message : String(err));
          throw err;
        }
      });
    } finally {
      runs.finish(applier.taskId);
    }
  };

  return {
    'migrations.status': ({ connectionId, dir }) => mapped(async () => (await engine(connectionId, dir)).status()),

    'migrations.plan': ({ connectionId, dir, direction, to, steps, allowOutOfOrder }) =>
      mapped(async () => {
        const e = await engine(connectionId, dir);
        return direction === 'up' ? e.plan({ direction, to, allowOutOfOrder }) : e.plan({ direction, to, steps });
      }),

    'migrations.apply': async ({
      connectionId,
      dir,
      to,
      allowOutOfOrder,
      resume,
      taskId,
      lockTimeoutMs,
      statementTimeoutMs,
      lockWaitMs,
    }) => {
      assertWritable(connectionId);
      return auditedRun(
        { connectionId, dir, taskId, direction: 'up', label: 'Apply migrations', action: 'migration.apply', done: 'applied' },
        { lockTimeoutMs, statementTimeoutMs, lockWaitMs },
        async (e) => {
          const plan = await e.plan({ direction: 'up', to, allowOutOfOrder, resume });
          return `${resume ? 'resume' : 'up'}${to ? ` to ${to}` : ''}: ${stepList(plan) || 'nothing pending'}`;
        },
        (e) => e.up({ to, allowOutOfOrder, resume }),
      );
    },

    'migrations.markRepaired': async ({ connectionId, dir, version }) => {
      assertWritable(connectionId);
      const e = await engine(connectionId, dir);
      return mapped(() =>
        audited(
          deps.audit,
          connectionId,
          { action: 'migration.repair', target: dir ?? defaultMigrationsDir(), detail: `mark ${version} repaired (recorded as applied)` },
          () => e.markRepaired(version),
        ),
      );
    },

    'migrations.rollback': async ({ connectionId, dir, to, steps, taskId, lockTimeoutMs, statementTimeoutMs, lockWaitMs }) => {
      assertWritable(connectionId);
      if (to !== undefined && steps !== undefined) throw new RpcError('BAD_REQUEST', 'Give steps or to, not both.');
      return auditedRun(
        { connectionId, dir, taskId, direction: 'down', label: 'Roll back migrations', action: 'migration.rollback', done: 'rolled back' },
        { lockTimeoutMs, statementTimeoutMs, lockWaitMs },
        async (e) => {
          const plan = await e.plan({ direction: 'down', to, steps });
          return `down${to ? ` to ${to}` : ` ${steps ?? 1} step(s)`}: ${stepList(plan) || 'nothing applied'}`;
        },
        (e) => e.down({ to, steps }),
      );
    },
  };
}
