import type pg from 'pg';
import lockHolderSql from '../sql/migrations/lock-holder.sql?raw';
import { needsDirectConnection, poolerOf } from '../db/pooler';
import { MigrationError } from './errors';

/**
 * The applier lock: one migration run per database at a time.
 *
 * Why this shape: CREATE INDEX CONCURRENTLY waits for every transaction that might still see
 * the table as it was, including a session that sits in `SELECT pg_advisory_lock(…)` waiting
 * for the lock (its statement is a transaction with a snapshot) and any session holding a
 * transaction-level advisory lock. Tools that wait that way deadlock a CONCURRENTLY migration
 * against a second applier (flyway/flyway#1654, golang-migrate/migrate#960). So:
 * - the lock is session-level (pg_advisory_lock family), held on a connection of its own that
 *   stays idle, outside any transaction, while migrations run on another connection;
 * - a waiting applier polls pg_try_advisory_lock, each poll a transaction of microseconds,
 *   and sleeps between polls outside any transaction.
 */
export const LOCK_KEYS = [0x746b747a /* 'tktz' */, 1 /* migrations */] as const;

const POLL_MS = 200;

export interface LockHolder {
  pid: number;
  role: string;
  applicationName: string;
  clientAddr: string | null;
  backendStart: Date;
}

export interface ApplierLock {
  /** False once the lock's connection is gone (the server then released the lock). */
  readonly held: boolean;
  assertHeld(): void;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for another applier (ms). */
  waitMs: number;
  /** Called once when the lock is taken by someone else and we start waiting. */
  onWait?: (holder: LockHolder | undefined) => void;
}

export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'another session';
  const app = holder.applicationName ? ` "${holder.applicationName}"` : '';
  const from = holder.clientAddr ? ` from ${holder.clientAddr}` : '';
  return `backend pid ${holder.pid}${app} (role ${holder.role}${from}, connected since ${holder.backendStart.toISOString()})`;
}

async function readHolder(client: pg.ClientBase): Promise<LockHolder | undefined> {
  const { rows } = await client.query<{ pid: number; role: string; application_name: string; client_addr: string | null; backend_start: Date }>(lockHolderSql, [
    LOCK_KEYS[0],
    LOCK_KEYS[1],
  ]);
  const r = rows[0];
  return r && { pid: r.pid, role: r.role, applicationName: r.application_name, clientAddr: r.client_addr, backendStart: r.backend_start };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the applier lock on its own pooled connection, waiting up to `waitMs` for another applier. */
export async function acquireApplierLock(pool: pg.Pool, options: LockOptions): Promise<ApplierLock> {
  // Through a transaction pooler the lock would be held by a server session that serves others
  // next, and migrations would run on sessions it does not protect: refuse, naming the pooler.
  const pooler = poolerOf(pool);
  if (pooler) throw new MigrationError('needs_direct', needsDirectConnection('Applying or rolling back migrations (the applier holds a session-level advisory lock)', pooler));
  const client = await pool.connect();
  let held = false;
  let lostReason: string | undefined;
  const onLost = (why: string) => () => {
    lostReason ??= why;
    held = false;
  };
  const onError = onLost('its connection failed');
  const onEnd = onLost('its connection closed');
  client.on('error', onError);
  client.on('end', onEnd);
  // The client goes back to the pool afterwards: our listeners must not stay on it.
  const detach = () => {
    client.off('error', onError);
    client.off('end', onEnd);
  };
  try {
    // This session only holds the lock; a server-side idle timeout must not end it (PG 14+).
    await client.query("SELECT pg_catalog.set_config('idle_session_timeout', '0', false) WHERE pg_catalog.current_setting('server_version_num')::int >= 140000");
    const started = Date.now();
    let announced = false;
    let holder: LockHolder | undefined;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_catalog.pg_try_advisory_lock($1, $2) AS locked', [LOCK_KEYS[0], LOCK_KEYS[1]]);
      if (rows[0]?.locked) break;
      if (!announced) {
        holder = await readHolder(client);
        options.onWait?.(holder);
        announced = true;
      }
      if (Date.now() - started >= options.waitMs) {
        holder = (await readHolder(client)) ?? holder;
        throw new MigrationError(
          'lock_timeout',
          `Another migration run holds the applier lock on this database: ${describeHolder(holder)}. Gave up after ${Math.round(options.waitMs / 1000)} s. ` +
            'Wait for it to finish and run again, or wait longer (--lock-wait).',
        );
      }
      await sleep(POLL_MS);
    }
    held = true;
  } catch (err) {
    detach();
    client.release(true);
    throw err;
  }

  return {
    get held() {
      return held;
    },
    assertHeld() {
      if (!held)
        throw new MigrationError(
          'lock_lost',
          `The applier lock was lost (${lostReason ?? 'released'}), so another applier may now run. Stopped before the next migration; run again to continue.`,
        );
    },
    async release() {
      detach();
      if (!held) {
        client.release(true);
        return;
      }
      held = false;
      try {
        await client.query('SELECT pg_catalog.pg_advisory_unlock($1, $2)', [LOCK_KEYS[0], LOCK_KEYS[1]]);
        client.release();
      } catch (err) {
        // Destroying the connection releases a session-level lock too.
        client.release(err instanceof Error ? err : true);
      }
    },
  };
}
