import pg from 'pg';
import type { ProfileFields } from '../../../shared/contract/connections';
import type { ConsolePool, PoolerInfo } from '../../../shared/contract/connections';
import { defaultHealthThresholds, levelOf } from '../../../shared/domain/health-thresholds';
import { clientConfigFor, directFields, sslFor } from './pg-config';
import { identifyPooler, markPooler, refusedEvidence, startupParameterRefused } from './pooler';
import { readOnlyPerTransaction } from './read-only-pool';

/** What the registry needs to open a pool: the profile's fields and its decrypted password. */
export interface ResolvedProfile {
  fields: ProfileFields;
  password: string | undefined;
}

export type CloseListener = (connectionId: string, pool: Promise<pg.Pool>) => Promise<void>;

/** Sessions per connection unless the host asks for more (a busy gate or a benchmark does). */
export const DEFAULT_POOL_SIZE = 5;

/**
 * One pg.Pool per connection id, opened on first use. A profile edit or disconnect closes it,
 * so the next call reconnects with the new settings.
 */
export class PoolRegistry {
  private readonly pools = new Map<string, Promise<pg.Pool>>();
  private readonly closeListeners = new Set<CloseListener>();

  constructor(
    private readonly resolve: (connectionId: string) => ResolvedProfile,
    private readonly poolSize = DEFAULT_POOL_SIZE,
  ) {}

  get(connectionId: string): Promise<pg.Pool> {
    let pool = this.pools.get(connectionId);
    if (!pool) {
      pool = openPool(this.resolve(connectionId), this.poolSize);
      this.pools.set(connectionId, pool);
      pool.catch(() => this.pools.delete(connectionId));
    }
    return pool;
  }

  /**
   * The pool for what needs a server session of its own (migrations, maintenance, Manual mode):
   * the profile's direct host and port when it has them, else the everyday pool.
   */
  getDirect(connectionId: string): Promise<pg.Pool> {
    const profile = this.resolve(connectionId);
    const direct = directFields(profile.fields);
    if (!direct) return this.get(connectionId);
    const key = `${connectionId}${DIRECT_SUFFIX}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = openPool({ fields: direct, password: profile.password }, this.poolSize, { direct: true });
      this.pools.set(key, pool);
      pool.catch(() => this.pools.delete(key));
    }
    return pool;
  }

  isOpen(connectionId: string): boolean {
    return this.pools.has(connectionId);
  }

  /**
   * Called before a pool ends, so whoever holds its clients (the SQL editor's open result sets)
   * gives them back; pool.end() waits for every checked-out client. The pool is passed along: it
   * still works until the listeners are done (get() would open a new one).
   */
  onClose(listener: CloseListener): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(connectionId: string): Promise<boolean> {
    const [closed] = await Promise.all([this.closeOne(connectionId), this.closeOne(`${connectionId}${DIRECT_SUFFIX}`)]);
    return closed;
  }

  /** `key`: a connection id, or its direct pool's; listeners always hear the connection id. */
  private async closeOne(key: string): Promise<boolean> {
    const pool = this.pools.get(key);
    if (!pool) return false;
    this.pools.delete(key);
    const connectionId = key.endsWith(DIRECT_SUFFIX) ? key.slice(0, -DIRECT_SUFFIX.length) : key;
    await Promise.all([...this.closeListeners].map((listener) => listener(connectionId, pool).catch(() => undefined)));
    await pool.then((p) => p.end()).catch(() => undefined);
    return true;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.pools.keys()].map((id) => this.closeOne(id)));
  }
}

const DIRECT_SUFFIX = '#direct';

/** pg.Pool's own counters as seed 004 logs them; waiting requests warn, use is held to 70 % / 85 % of max. */
export function poolMetrics(pool: pg.Pool): ConsolePool {
  const max = pool.options.max ?? DEFAULT_POOL_SIZE;
  const total = pool.totalCount;
  const idle = pool.idleCount;
  const waiting = pool.waitingCount;
  const active = total - idle;
  const level = levelOf(active / max, defaultHealthThresholds.connectionsRatio);
  return {
    max,
    total,
    active,
    idle,
    waiting,
    level: level === 'critical' ? 'critical' : waiting > 0 || level === 'warning' ? 'warning' : 'ok',
  };
}

/**
 * Opens a single session to prove the settings work before the pool is shared, and learns on it
 * whether a pooler is in between. `direct`: the user said this is the server itself (a profile's
 * direct host), so a relay seen there (a container's port proxy) is not treated as a pooler.
 */
export async function openPool(
  { fields, password }: ResolvedProfile,
  max = DEFAULT_POOL_SIZE,
  options: { direct?: boolean } = {},
): Promise<pg.Pool> {
  const { config, pooler: refused } = await negotiate(fields, password);
  const pool = new pg.Pool({ ...config, max, idleTimeoutMillis: 30_000 });
  // An idle client's error (server restart) must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      const pooler = await identifyPooler(client, fields.database, refused, options.direct);
      if (pooler) {
        markPooler(pool, pooler);
        if (fields.readOnly && !pooler.adminConsole) readOnlyPerTransaction(pool);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return pool;
}

/**
 * The client settings that work for this server: sslmode=prefer tries TLS first and falls back to
 * plain text when the server has none; a pooler that refuses the session settings as startup
 * parameters (PgBouncer) gets none, and is named in `pooler`.
 */
export async function negotiate(
  fields: ProfileFields,
  password: string | undefined,
): Promise<{ config: pg.ClientConfig; pooler?: PoolerInfo }> {
  let ssl = sslFor(fields);
  let pooler: PoolerInfo | undefined;
  for (;;) {
    const config = clientConfigFor(fields, password, ssl, { pooled: pooler !== undefined });
    const probe = new pg.Client(config);
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return { config, pooler };
    } catch (err) {
      const refused = startupParameterRefused(err);
      if (refused && !pooler) pooler = refusedEvidence(refused);
      else if (fields.sslmode === 'prefer' && ssl !== false && err instanceof Error && /does not support SSL/i.test(err.message))
        ssl = false;
      else throw err;
    } finally {
      await probe.end().catch(() => undefined);
    }
  }
}

/** sslmode=prefer: TLS when the server offers it, plain text when it says it does not. */
export async function negotiateSsl(fields: ProfileFields, password: string | undefined): Promise<pg.ClientConfig['ssl']> {
  return (await negotiate(fields, password)).config.ssl;
}

/** A one-off session for "test connection", closed afterwards; `pooler` says what sits in between. */
export async function withOneOffClient<T>(
  profile: ResolvedProfile,
  work: (client: pg.ClientBase, pooler: PoolerInfo | undefined) => Promise<T>,
): Promise<T> {
  const { config, pooler } = await negotiate(profile.fields, profile.password);
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client, await identifyPooler(client, profile.fields.database, pooler));
  } finally {
    await client.end().catch(() => undefined);
  }
}
