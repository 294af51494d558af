import type { DemoEndpoint } from './db/embedded-demo';

/**
 * What the demo database does after each start. The reference schema and demo data are
 * applied here by the migration engine once it lands; until then the demo is an empty,
 * real PostgreSQL with pg_stat_statements.
 */
export function demoBootstrap(log: (line: string) => void): (endpoint: DemoEndpoint, created: boolean) => Promise<void> {
  return async (endpoint, created) => {
    if (created) log(`Demo database created on port ${endpoint.port}.`);
  };
}
