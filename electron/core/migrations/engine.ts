import type pg from 'pg';
import type { MigrationPlan, MigrationsStatus } from '../../../shared/contract/migrations';
import { osUserName } from '../db/run-as-postgres-user';
import { discoverMigrations } from './discover';
import { MigrationError } from './errors';
import { ensureHistoryTable, insertHistory, readDatabaseState } from './history';
import { acquireApplierLock, describeHolder, type LockHolder } from './lock';
import { planDown, planUp, toContractPlan, type EnginePlan } from './plan';
import { clearProgress, describeProgress, ensureProgressTable } from './progress';
import { runStep, type RunSettings, type StepEvent } from './run-step';
import { analyzeAll, computeStates, toRow, type MigrationState } from './status';
import { versionKey } from './version';

export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15 * 60_000;
export const DEFAULT_LOCK_WAIT_MS = 60_000;

export interface EngineOptions {
  /** Two connections are used while applying: one holds the applier lock, one runs migrations. */
  pool: pg.Pool;
  dir: string;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** How long to wait for another applier before failing (ms). */
  lockWaitMs?: number;
  onEvent?: (event: EngineEvent) => void;
}

export type EngineEvent =
  | StepEvent
  | { type: 'lock-wait'; holder: LockHolder | undefined; message: string }
  | { type: 'lock-acquired' }
  /** The backend that runs the migrations: what the workbench watches (pg_locks) and cancels. */
  | { type: 'session'; pid: number };

export interface UpRequest {
  to?: string;
  allowOutOfOrder?: boolean;
  /** Continue a partly applied migration from its first statement not done (migrate resume). */
  resume?: boolean;
}
export interface DownRequest {
  to?: string;
  steps?: number;
}
export type PlanRequest = ({ direction: 'up' } & UpRequest) | ({ direction: 'down' } & DownRequest);

export interface RanStep {
  direction: 'up' | 'down';
  version: string;
  name: string;
  durationMs: number;
}

/**
 * The migration engine over one database and one folder: status, plan, apply and roll back.
 * Used by the service (GUI), the CLI and the tests alike.
 */
export class MigrationEngine {
  constructor(private readonly options: EngineOptions) {}

  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.options.pool.connect();
    let broken = false;
    try {
      return await work(client);
    } catch (err) {
      broken = !(err instanceof MigrationError) && !(typeof err === 'object' && err !== null && 'severity' in err);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async load(client: pg.ClientBase): Promise<{ states: MigrationState[]; status: MigrationsStatus }> {
    const discovery = discoverMigrations(this.options.dir);
    const analyses = await analyzeAll(discovery);
    const state = await readDatabaseState(client);
    const states = computeStates(discovery, state, analyses);
    return {
      states,
      status: {
        dir: discovery.dir,
        historyTable: state.historyTable,
        migrations: states.map(toRow),
        flywayHistory: state.flyway.map((f) => ({ ...f, installedOn: f.installedOn.toISOString() })),
        warnings: discovery.warnings,
        invalidIndexes: state.invalidIndexes,
      },
    };
  }

  async status(): Promise<MigrationsStatus> {
    return this.withClient(async (client) => (await this.load(client)).status);
  }

  async plan(request: PlanRequest): Promise<MigrationPlan> {
    return this.withClient(async (client) => toContractPlan(planFor((await this.load(client)).states, request)));
  }

  up(request: UpRequest = {}): Promise<RanStep[]> {
    return this.run({ direction: 'up', ...request });
  }

  down(request: DownRequest = {}): Promise<RanStep[]> {
    return this.run({ direction: 'down', ...request });
  }

  /**
   * Marks a partly applied migration repaired (golang-migrate's `force`): the person fixed the
   * database by hand, so it is recorded as applied and its statement records go. Under the lock.
   */
  async markRepaired(version: string): Promise<{ version: string; name: string; was: string }> {
    const lock = await acquireApplierLock(this.options.pool, { waitMs: this.options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS });
    try {
      return await this.withClient(async (client) => {
        const { states } = await this.load(client);
        const s = states.find((x) => x.status === 'partly_applied' && versionKey(x.version) === versionKey(version));
        if (!s?.progress || !s.file)
          throw new MigrationError('blocked', `${version} is not partly applied here: nothing to mark repaired (see migrate status).`);
        await client.query('BEGIN');
        try {
          lock.assertHeld();
          await insertHistory(client, { version: s.file.version, name: s.file.name, checksum: s.file.up.checksum, downChecksum: s.file.down?.checksum ?? null, osUser: osUserName(), durationMs: 0 });
          await clearProgress(client, s.progress.version);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
        return { version: s.version, name: s.name, was: describeProgress(s.progress) };
      });
    } finally {
      await lock.release();
    }
  }

  /** Lock, then read the history and plan (another applier may just have finished), then run. */
  private async run(request: PlanRequest): Promise<RanStep[]> {
    const emit = this.options.onEvent ?? (() => undefined);
    const lock = await acquireApplierLock(this.options.pool, {
      waitMs: this.options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
      onWait: (holder) => emit({ type: 'lock-wait', holder, message: `Waiting for another migration run to finish: ${describeHolder(holder)} holds the applier lock…` }),
    });
    try {
      emit({ type: 'lock-acquired' });
      return await this.withClient(async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT /* ticketz-console */ pg_catalog.pg_backend_pid() AS pid');
        emit({ type: 'session', pid: rows[0]!.pid });
        if (request.direction === 'up') {
          await ensureHistoryTable(client).catch((err: unknown) => Promise.reject(historyTableError(err)));
          await ensureProgressTable(client).catch((err: unknown) => Promise.reject(historyTableError(err)));
        }
        const { states } = await this.load(client);
        const plan = planFor(states, request);
        if (plan.blockers.length > 0) throw blocked(plan);
        const settings: RunSettings = {
          lockTimeoutMs: this.options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
          statementTimeoutMs: this.options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
          osUser: osUserName(),
        };
        const ran: RanStep[] = [];
        for (const [index, step] of plan.steps.entries()) {
          lock.assertHeld();
          const durationMs = await runStep(client, step, { settings, lock, index, total: plan.steps.length, onEvent: emit });
          ran.push({ direction: step.direction, version: step.state.version, name: step.state.name, durationMs });
        }
        return ran;
      });
    } finally {
      await lock.release();
    }
  }
}

function planFor(states: MigrationState[], request: PlanRequest): EnginePlan {
  return request.direction === 'up' ? planUp(states, request) : planDown(states, request);
}

function blocked(plan: EnginePlan): MigrationError {
  const verb = plan.direction === 'up' ? 'No migration was applied' : 'Nothing was rolled back';
  return new MigrationError('blocked', `${verb}:\n${plan.blockers.map((b) => `  - ${b.message}`).join('\n')}`, { blockers: plan.blockers });
}

function historyTableError(err: unknown): MigrationError {
  const message = err instanceof Error ? err.message : String(err);
  return new MigrationError(
    'sql',
    `Could not create the history table ticketz_console.schema_migrations: ${message}. ` +
      'The role needs CREATE on the database (or an existing ticketz_console schema it may create tables in).',
    { cause: err },
  );
}
