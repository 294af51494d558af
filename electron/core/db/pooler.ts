import type net from 'node:net';
import type pg from 'pg';
import type { PoolerInfo } from '../../../shared/contract/connections';
import { isPgDatabaseError } from './pg-errors';

/**
 * Whether a connection reaches PostgreSQL through a pooler (PgBouncer) or another relay.
 *
 * Behind a transaction pooler each transaction may run on a different server session, and that
 * session serves other clients afterwards: a named prepared statement may be missing (or another
 * client's), a session SET leaks to strangers, a session advisory lock is held by nobody in
 * particular, and a pinned "session" is not one. PgBouncer before 1.21 has no answer for any of
 * these (https://www.pgbouncer.org/features.html). So whatever depends on a session asks here.
 */
const poolers = new WeakMap<pg.Pool, PoolerInfo>();

export function markPooler(pool: pg.Pool, info: PoolerInfo): void {
  poolers.set(pool, info);
}

export function poolerOf(pool: pg.Pool): PoolerInfo | undefined {
  return poolers.get(pool);
}

/**
 * The name for a prepared statement, or undefined (node-postgres then sends an unnamed statement,
 * parsed per execution) when the pool is behind a pooler, where a named one is not safe.
 */
export function preparedName(pool: pg.Pool, name: string): string | undefined {
  return poolers.has(pool) ? undefined : name;
}

/** PgBouncer refuses startup parameters it does not track (statement_timeout, options) with 08P01. */
export function startupParameterRefused(err: unknown): string | undefined {
  if (!isPgDatabaseError(err) || err.code !== '08P01') return undefined;
  return /unsupported startup parameter:\s*(\S+)/i.exec(err.message)?.[1];
}

export const refusedEvidence = (parameter: string): PoolerInfo => ({
  kind: 'pgbouncer',
  evidence: `It refused the startup parameter ${parameter} ("unsupported startup parameter"), as PgBouncer does; the console sends no session settings on this connection.`,
});

/**
 * A relay in front of the server, seen from one open session: the server sees the session coming
 * from a port other than our socket's local port (pooler or proxy in between). Needs TCP; a Unix
 * socket (inet_client_port() is null) tells nothing.
 */
export async function detectRelay(client: pg.ClientBase): Promise<PoolerInfo | undefined> {
  const socket = (client as unknown as { connection?: { stream?: net.Socket } }).connection?.stream;
  const localPort = socket?.localPort;
  if (!localPort) return undefined;
  const { rows } = await client.query<{ port: number | null }>('SELECT /* ticketz-console */ pg_catalog.inet_client_port() AS port');
  const seen = rows[0]?.port;
  if (seen === null || seen === undefined || seen === localPort) return undefined;
  return {
    kind: 'relay',
    evidence: `The server sees this session coming from port ${seen}, not from ours (${localPort}): a pooler or proxy relays it.`,
  };
}

/** PgBouncer's admin console answers SHOW VERSION with its own version; PostgreSQL has no such setting. */
async function adminConsoleVersion(client: pg.ClientBase): Promise<string | undefined> {
  try {
    const { rows } = await client.query<{ version?: unknown }>('SHOW VERSION');
    const version = rows[0]?.version;
    return typeof version === 'string' && version.startsWith('PgBouncer') ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What sits in front of the server, learned on a freshly opened session: PgBouncer's admin
 * console, a pooler that refused our startup parameters, or a relay seen by the client port.
 * `direct`: the user said this address is the server itself, so a relay there is not a pooler.
 */
export async function identifyPooler(
  client: pg.ClientBase,
  database: string,
  refused: PoolerInfo | undefined,
  direct = false,
): Promise<PoolerInfo | undefined> {
  if (database === 'pgbouncer') {
    const version = await adminConsoleVersion(client);
    if (version) return { kind: 'pgbouncer', evidence: `This is the admin console of ${version}.`, adminConsole: true };
  }
  if (refused) return refused;
  return direct ? undefined : detectRelay(client);
}

/** The message of anything that needs one server session for longer than a transaction. */
export function needsDirectConnection(what: string, pooler: PoolerInfo): string {
  const name = pooler.kind === 'pgbouncer' ? 'PgBouncer' : 'a pooler or proxy';
  return `${what} needs a direct connection to PostgreSQL, and this connection goes through ${name}. ${pooler.evidence} Give it a direct connection to the server itself: the profile's direct host and port, or migrate --url with the server's address.`;
}
