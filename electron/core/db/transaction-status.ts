import type { EventEmitter } from 'node:events';
import type pg from 'pg';

export type TxStatus = 'I' | 'T' | 'E';

/** The node-postgres internals read here (pg 8.x lib/client.js); not in its type declarations. */
interface ClientInternals {
  readyForQuery?: boolean;
  connection?: EventEmitter;
}

/**
 * The session's transaction status once PostgreSQL has answered the last command.
 *
 * The source is the status byte of the protocol's ReadyForQuery message (PG docs, "Message
 * Formats": 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block), which
 * node-postgres keeps as Client.getTransactionStatus(). It is the one signal that also works in a
 * failed transaction, where any query (`now() <> statement_timestamp()`, `txid_current_if_assigned()`)
 * is itself refused. After an error, pg-cursor reports the failure before the ReadyForQuery that
 * follows it arrives, so this waits for that message when the client is not ready yet. Never call
 * it while a cursor's portal is suspended: no ReadyForQuery comes until the cursor is closed.
 */
export async function settledStatus(client: pg.ClientBase): Promise<TxStatus> {
  const internals = client as unknown as ClientInternals;
  const connection = internals.connection;
  if (internals.readyForQuery === false && connection) {
    await new Promise<void>((resolve) => {
      const done = () => {
        connection.off('readyForQuery', done);
        connection.off('end', done);
        resolve();
      };
      connection.once('readyForQuery', done);
      connection.once('end', done);
    });
  }
  return client.getTransactionStatus() ?? 'I';
}

/** The client's connection has ended (terminated backend, server restart, network loss). */
export function sessionEnded(client: pg.ClientBase): boolean {
  const internals = client as unknown as { _ended?: boolean; _queryable?: boolean };
  return internals._ended === true || internals._queryable === false;
}
