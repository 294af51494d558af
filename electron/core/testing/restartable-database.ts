import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';
import type { TestDatabase } from './test-database';

/** A database on its own server, which a test can take away and bring back under a live core. */
export interface RestartableDatabase extends TestDatabase {
  server: ThrowawayPostgres;
  /** Fast shutdown: every session is closed, new connections are refused. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
}

/**
 * Outage tests cannot stop the run's shared server, so each gets its own throwaway PostgreSQL
 * (persistent, so it keeps its data across stop and start) with one database on it.
 */
export async function startRestartableDatabase(prefix: string, flags: string[] = []): Promise<RestartableDatabase> {
  const server = await startThrowawayPostgres({ prefix, password: `${prefix}-pw`, persistent: true, flags });
  const name = `${prefix}_db`.toLowerCase();
  await server.server.createDatabase(name);
  const url = server.urlFor(name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  let running = true;
  return {
    name,
    url,
    host: '127.0.0.1',
    port: server.port,
    user: server.user,
    password: server.password,
    pool,
    server,
    async stopServer() {
      if (running) await server.server.stop();
      running = false;
    },
    async startServer() {
      if (!running) await server.server.start();
      running = true;
    },
    async drop() {
      await pool.end().catch(() => undefined);
      running = false;
      await server.stop();
    },
  };
}
