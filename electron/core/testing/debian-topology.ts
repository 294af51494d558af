import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../db/free-port';
import { isRoot, postgresUserIds } from '../db/run-as-postgres-user';
import { keepExitCode } from './keep-exit-code';

keepExitCode();

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server binaries and PgBouncer (both installed by .ci/run). */
export const PG15_BIN = '/usr/lib/postgresql/15/bin';
export const PGBOUNCER_BIN = '/usr/sbin/pgbouncer';

export interface Endpoint {
  port: number;
  urlFor(database: string, user?: string): string;
}

/**
 * A real topology for integration tests and the bench: a Debian PostgreSQL 15 primary, a streaming
 * standby made with `pg_basebackup -R`, and PgBouncer 1.18 in transaction mode in front of the
 * primary — all on 127.0.0.1 and free ports, in one temp folder removed by stop().
 */
export interface Topology {
  root: string;
  user: 'postgres';
  password: string;
  primary: Endpoint;
  standby: Endpoint;
  /** PgBouncer: any database name maps to the primary's database of that name; `pgbouncer` is its admin console. */
  bouncer: Endpoint & { poolSize: number };
  stop(): Promise<void>;
}

export interface TopologyOptions {
  prefix: string;
  password?: string;
  /** PgBouncer's default_pool_size (server connections per database and user). */
  poolSize?: number;
}

/** As root, servers run as the OS user postgres (neither PostgreSQL nor PgBouncer runs as root). */
function runAs(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const ids = postgresUserIds();
  if (!ids)
    throw new Error(
      'Running as root needs an OS user "postgres" to run PostgreSQL and PgBouncer as (apt-get install postgresql-15 creates it).',
    );
  return ids;
}

function ownedDir(dir: string, ids: { uid?: number; gid?: number }, mode = 0o700): void {
  mkdirSync(dir, { recursive: true });
  if (ids.uid !== undefined && ids.gid !== undefined) chownSync(dir, ids.uid, ids.gid);
  chmodSync(dir, mode);
}

function ownedFile(file: string, text: string, ids: { uid?: number; gid?: number }): void {
  writeFileSync(file, text, { mode: 0o600 });
  if (ids.uid !== undefined && ids.gid !== undefined) chownSync(file, ids.uid, ids.gid);
}

const serverFlags = (port: number) =>
  `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c max_connections=100`;

async function pgCtlStart(dataDir: string, port: number, ids: { uid?: number; gid?: number }): Promise<void> {
  await run(
    path.join(PG15_BIN, 'pg_ctl'),
    ['start', '-w', '-t', '60', '-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-o', serverFlags(port)],
    {
      ...ids,
    },
  );
}

async function pgCtlStop(dataDir: string, ids: { uid?: number; gid?: number }): Promise<void> {
  if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  await run(path.join(PG15_BIN, 'pg_ctl'), ['stop', '-m', 'immediate', '-w', '-D', dataDir], { ...ids }).catch(() => undefined);
}

const endpoint = (port: number, password: string): Endpoint => ({
  port,
  urlFor: (database, user = 'postgres') => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
});

/** Waits until `url` answers a query (PgBouncer listens a moment after it is spawned). */
async function waitForQuery(url: string, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SHOW VERSION');
      return;
    } catch (err) {
      if (child?.exitCode !== null && child?.exitCode !== undefined)
        throw new Error(`pgbouncer exited with ${child.exitCode}`, { cause: err });
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const password = options.password ?? 'topology-password';
  const poolSize = options.poolSize ?? 8;
  const ids = runAs();
  const root = mkdtempSync(path.join(os.tmpdir(), `${options.prefix}-`));
  if (isRoot()) chmodSync(root, 0o711);
  const primaryDir = path.join(root, 'primary');
  const standbyDir = path.join(root, 'standby');
  const bouncerDir = path.join(root, 'pgbouncer');
  let bouncer: ChildProcess | undefined;
  const stop = async () => {
    if (bouncer && bouncer.exitCode === null) {
      const exited = new Promise((r) => bouncer?.once('exit', r));
      bouncer.kill('SIGINT');
      await exited;
    }
    await pgCtlStop(standbyDir, ids);
    await pgCtlStop(primaryDir, ids);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [primaryPort, standbyPort, bouncerPort] = [await freePort(), await freePort(), await freePort()];
    ownedDir(primaryDir, ids);
    const pwfile = path.join(root, 'pwfile');
    ownedFile(pwfile, `${password}\n`, ids);
    await run(
      path.join(PG15_BIN, 'initdb'),
      ['-D', primaryDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-sync'],
      { ...ids },
    );
    await pgCtlStart(primaryDir, primaryPort, ids);
    const primary = endpoint(primaryPort, password);

    // The standby: a base backup with -R (standby.signal + primary_conninfo), replaying over streaming.
    ownedDir(standbyDir, ids);
    await run(
      path.join(PG15_BIN, 'pg_basebackup'),
      ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream', '--no-sync'],
      {
        ...ids,
        env: { ...process.env, PGPASSWORD: password },
      },
    );
    await pgCtlStart(standbyDir, standbyPort, ids);
    const standby = endpoint(standbyPort, password);

    ownedDir(bouncerDir, ids);
    const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
    ownedFile(path.join(bouncerDir, 'userlist.txt'), `${quoted('postgres')} ${quoted(password)}\n`, ids);
    ownedFile(
      path.join(bouncerDir, 'pgbouncer.ini'),
      [
        '[databases]',
        `* = host=127.0.0.1 port=${primaryPort}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${bouncerPort}`,
        'unix_socket_dir =',
        'auth_type = scram-sha-256',
        `auth_file = ${path.join(bouncerDir, 'userlist.txt')}`,
        'admin_users = postgres',
        'stats_users = postgres',
        'pool_mode = transaction',
        `default_pool_size = ${poolSize}`,
        'max_client_conn = 500',
        'ignore_startup_parameters = extra_float_digits',
        '',
      ].join('\n'),
      ids,
    );
    bouncer = spawn(PGBOUNCER_BIN, [path.join(bouncerDir, 'pgbouncer.ini')], { ...ids, stdio: 'ignore' });
    const bouncerEndpoint = endpoint(bouncerPort, password);
    await waitForQuery(bouncerEndpoint.urlFor('pgbouncer'), bouncer);
    return { root, user: 'postgres', password, primary, standby, bouncer: { ...bouncerEndpoint, poolSize }, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}

/** Waits until the standby has replayed everything the primary wrote so far. */
export async function waitForReplay(topology: Topology, database = 'postgres'): Promise<void> {
  const primary = new pg.Client({ connectionString: topology.primary.urlFor(database) });
  const standby = new pg.Client({ connectionString: topology.standby.urlFor(database) });
  await primary.connect();
  await standby.connect();
  try {
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows: replayed } = await standby.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [
        rows[0]?.lsn,
      ]);
      if (replayed[0]?.done) return;
      if (Date.now() > deadline) throw new Error('the standby did not catch up within 20 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await primary.end();
    await standby.end();
  }
}
