import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import pinSessionSql from '../sql/query/pin-session.sql?raw';
import type { EditorSession } from './editor-sessions';
import { TransactionTracker } from './transaction-tracker';

/** One tab's session in Manual mode. */
export interface Pinned {
  id: string;
  connectionId: string;
  /** The page (CallContext.client) that opened it; undefined when the host cannot tell. */
  owner: string | undefined;
  client: pg.PoolClient;
  pid: number;
  tracker: TransactionTracker;
  /** What is executing on it now (a run, Commit, Rollback); undefined when free. */
  busy: string | undefined;
  runId: string | undefined;
  /** Settles when the current busy operation ends. */
  work: Promise<unknown>;
  /** Being closed: no new operation starts. */
  closing: boolean;
  /** The one ending of the session (tab close, idle limit and a closing pool may race to it). */
  finishing: Promise<boolean> | undefined;
  /** The run whose result set (a suspended cursor) still occupies the session. */
  held: EditorSession | undefined;
  idleTimer: NodeJS.Timeout | undefined;
  idleDeadline: number | null;
  /** Set when the connection died: the server rolled back whatever was open. */
  lost: { detail: string; duringCommit: boolean } | undefined;
  onError: (err: Error) => void;
}
/**
 * Checks a client out of the pool for a tab and prepares it: the server-side idle-in-transaction
 * backstop, and an error listener (pg-pool removes its own from a checked-out client; a terminated
 * backend would otherwise throw from the 'error' event).
 */
export async function checkOut(
  pool: pg.Pool,
  connectionId: string,
  serverIdleLimitMs: number,
  onLost: (p: Pinned, err: Error) => void,
): Promise<Pinned> {
  const client = await pool.connect();
  const p: Pinned = {
    id: randomUUID(),
    connectionId,
    owner: undefined,
    client,
    pid: (client as unknown as { processID: number }).processID,
    tracker: new TransactionTracker(),
    busy: undefined,
    runId: undefined,
    work: Promise.resolve(),
    closing: false,
    finishing: undefined,
    held: undefined,
    idleTimer: undefined,
    idleDeadline: null,
    lost: undefined,
    onError: (err) => onLost(p, err),
  };
  client.on('error', p.onError);
  try {
    await client.query(pinSessionSql, [String(serverIdleLimitMs)]);
  } catch (err) {
    client.off('error', p.onError);
    client.release(true);
    throw err;
  }
  return p;
}
