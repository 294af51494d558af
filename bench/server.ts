import { execFile } from 'node:child_process';
import pg from 'pg';
import { startThrowawayPostgres } from '../electron/core/testing/throwaway-postgres';

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
  const postgres = await startThrowawayPostgres({
    prefix: 'ticketz-bench',
    password: 'bench-password',
    rootMode: 0o777,
    // The settings the demo database runs with; durability stays on, as in real use.
    flags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'max_connections=100'],
    log,
  });
  const { port, user, password } = postgres;
  const urlFor = postgres.urlFor;
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
    stop: () => postgres.stop(),
  };
}
