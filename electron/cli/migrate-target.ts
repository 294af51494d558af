import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parseConnectionUrl } from '../../shared/domain/connection-url';
import { APPLICATION_NAME } from '../core/db/pg-config';
import { negotiate } from '../core/db/pool-registry';
import { identifyPooler, markPooler } from '../core/db/pooler';
import { DEMO_DATABASE, DEMO_USER, DemoDatabase } from '../core/db/embedded-demo';
import { readJsonOr } from '../core/store/json-file';
import { createKeyFileSecretBox, type SecretBox } from '../core/store/secret-box';
import { UsageError } from './exit-codes';

/** The database `migrate` works on: a URL, or the built-in demo database (started here if needed). */
export interface MigrateTarget {
  pool: pg.Pool;
  /** Settings to reach the same server (the reversibility check makes a scratch database there). */
  config: pg.ClientConfig;
  label: string;
  close(): Promise<void>;
}

function poolFor(config: pg.ClientConfig): pg.Pool {
  // Two sessions while applying (the lock's and the migrations'), one more for status reads.
  const pool = new pg.Pool({ ...config, max: 3, application_name: `${APPLICATION_NAME} migrate` });
  pool.on('error', () => undefined);
  return pool;
}

export async function openTarget(options: {
  url?: string;
  /** Asked for with --password-prompt: wins over a password in the URL. */
  password?: string;
  dataDir: string;
  log: (line: string) => void;
}): Promise<MigrateTarget> {
  if (options.url !== undefined) {
    let parsed: ReturnType<typeof parseConnectionUrl>;
    try {
      parsed = parseConnectionUrl(options.url);
    } catch (err) {
      throw new UsageError(
        `--url: ${err instanceof Error ? err.message : String(err)} Expected postgres://user:password@host:port/database.`,
      );
    }
    const { fields } = parsed;
    const password = options.password ?? parsed.password;
    // sslmode=prefer: TLS when the server offers it, as the console's own connections do; a
    // pooler in between is noticed the same way too, so the engine can refuse to lock through it.
    const { config, pooler: refused } = await negotiate(fields, password);
    const pool = poolFor(config);
    const pooler = await pool.connect().then((client) => identifyPooler(client, fields.database, refused).finally(() => client.release()));
    if (pooler) markPooler(pool, pooler);
    return { pool, config, label: `${fields.host}:${fields.port}/${fields.database}`, close: () => pool.end() };
  }

  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = createKeyFileSecretBox(dataDir);
  const running = await attachToRunningDemo(dataDir, secrets);
  if (running) return running;
  // No onReady: the demo's own bootstrap applies migrations on start, which is this command's job.
  const demo = new DemoDatabase(dataDir, secrets);
  options.log(`Starting the demo database (${dataDir}) …`);
  const endpoint = await demo.start().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${message}\nIf the demo database is already running (ticketz-console demo or serve), pass its URL with --url.`);
  });
  const config: pg.ClientConfig = {
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password,
    database: endpoint.database,
  };
  const pool = poolFor(config);
  return {
    pool,
    config,
    label: `demo database (127.0.0.1:${endpoint.port}/${endpoint.database})`,
    async close() {
      await pool.end();
      await demo.stop();
    },
  };
}

/**
 * The demo database may already run in another process (`serve`, `demo`, the desktop app) on
 * this data dir; a second server cannot start there, so connect to it: postmaster.pid holds its
 * port (line 4, https://www.postgresql.org/docs/current/storage-file-layout.html), demo.json
 * its sealed password.
 */
async function attachToRunningDemo(dataDir: string, secrets: SecretBox): Promise<MigrateTarget | undefined> {
  const pidFile = path.join(dataDir, 'demo', 'pgdata', 'postmaster.pid');
  const state = readJsonOr<{ sealedPassword?: string } | undefined>(path.join(dataDir, 'demo', 'demo.json'), undefined);
  if (!existsSync(pidFile) || !state?.sealedPassword) return undefined;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const config: pg.ClientConfig = {
    host: '127.0.0.1',
    port,
    user: DEMO_USER,
    password: secrets.open(state.sealedPassword),
    database: DEMO_DATABASE,
  };
  const probe = new pg.Client(config);
  probe.on('error', () => undefined);
  try {
    await probe.connect();
  } catch {
    return undefined; // a stale pid file: start the server instead
  } finally {
    await probe.end().catch(() => undefined);
  }
  const pool = poolFor(config);
  return { pool, config, label: `running demo database (127.0.0.1:${port}/${DEMO_DATABASE})`, close: () => pool.end() };
}
