import pg from 'pg';
import type { ProfileFields } from '../../../shared/contract/connections';
import { clientConfigFor, sslFor } from './pg-config';

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
    const pool = this.pools.get(connectionId);
    if (!pool) return false;
    this.pools.delete(connectionId);
    await Promise.all([...this.closeListeners].map((listener) => listener(connectionId, pool).catch(() => undefined)));
    await pool.then((p) => p.end()).catch(() => undefined);
    return true;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.pools.keys()].map((id) => this.close(id)));
  }
}

/** Opens a single session to prove the settings work before the pool is shared. */
export async function openPool({ fields, password }: ResolvedProfile, max = DEFAULT_POOL_SIZE): Promise<pg.Pool> {
  const ssl = await negotiateSsl(fields, password);
  const pool = new pg.Pool({ ...clientConfigFor(fields, password, ssl), max, idleTimeoutMillis: 30_000 });
  // An idle client's error (server restart) must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch(async (err: unknown) => {
    await pool.end().catch(() => undefined);
    throw err;
  });
  client.release();
  return pool;
}

/** sslmode=prefer: TLS when the server offers it, plain text when it says it does not. */
export async function negotiateSsl(fields: ProfileFields, password: string | undefined): Promise<pg.ClientConfig['ssl']> {
  const ssl = sslFor(fields);
  if (fields.sslmode !== 'prefer') return ssl;
  const probe = new pg.Client(clientConfigFor(fields, password, ssl));
  try {
    await probe.connect();
    return ssl;
  } catch (err) {
    if (err instanceof Error && /does not support SSL/i.test(err.message)) return false;
    throw err;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** A one-off session for "test connection", closed afterwards. */
export async function withOneOffClient<T>(profile: ResolvedProfile, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const ssl = await negotiateSsl(profile.fields, profile.password);
  const client = new pg.Client(clientConfigFor(profile.fields, profile.password, ssl));
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
