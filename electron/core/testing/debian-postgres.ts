import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../db/free-port';
import { isRoot, postgresUserIds } from '../db/run-as-postgres-user';

const run = promisify(execFile);

/** Where Debian's postgresql-N package puts the server and client binaries. */
export const debianBinDir = (major: number) => `/usr/lib/postgresql/${major}/bin`;

export interface DebianPostgres {
  major: number;
  binDir: string;
  port: number;
  password: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * A throwaway cluster of the distribution's PostgreSQL (initdb + pg_ctl from
 * /usr/lib/postgresql/N/bin, installed by .ci/run), on 127.0.0.1 and a free port, for tests that
 * need a server matching the installed pg_dump. As root the server runs as the OS user postgres
 * (Postgres refuses root), like the embedded one.
 */
export async function startDebianPostgres(major: number, prefix = 'ticketz-pg'): Promise<DebianPostgres> {
  const binDir = debianBinDir(major);
  if (!existsSync(path.join(binDir, 'initdb')))
    throw new Error(`PostgreSQL ${major} server binaries not found in ${binDir}: install postgresql-${major} (.ci/run does).`);
  const root = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const data = path.join(root, 'pgdata');
  const password = 'pg15-test-password';
  const pwfile = path.join(root, 'pwfile');
  const ids = isRoot() ? postgresUserIds() : undefined;
  if (isRoot() && !ids) throw new Error('Running as root needs the OS user postgres (the postgresql package creates it).');
  mkdirSync(data, { mode: 0o700 });
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (ids) {
    chmodSync(root, 0o711);
    chownSync(data, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  const as = ids ? { uid: ids.uid, gid: ids.gid } : {};
  const env = { ...process.env, LC_ALL: 'C.UTF-8' };
  await run(path.join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8'], {
    ...as,
    env,
  });
  const port = await freePort();
  const log = path.join(data, 'server.log');
  const pgCtl = path.join(binDir, 'pg_ctl');
  await run(
    pgCtl,
    [
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='' -c fsync=off`,
      'start',
    ],
    { ...as, env },
  );
  return {
    major,
    binDir,
    port,
    password,
    urlFor: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    async stop() {
      await run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...as, env }).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
