import { z } from 'zod';
import { connectionId, isoTime, mutation, query } from './define';

/**
 * Manual-commit mode of the SQL editor: a tab owns one pinned session (a pooled connection kept
 * checked out on the server, named by an opaque random id) and every run of the tab goes to it.
 * The first statement after idle opens a transaction (BEGIN, or BEGIN READ ONLY); Commit and
 * Rollback end it.
 */

export const transactionModes = ['auto', 'manual'] as const;
export type TransactionMode = (typeof transactionModes)[number];

/** Opaque, random (a UUID): never a backend pid or anything another caller could guess. */
export const sessionId = z.string().min(16).max(64);

export const sessionStatuses = ['idle', 'transaction', 'failed', 'closed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionStateSchema = z.object({
  sessionId: z.string(),
  /**
   * From the transaction status byte of PostgreSQL's last ReadyForQuery message: idle ('I', no
   * transaction), transaction ('T', inside BEGIN …), failed ('E', an error aborted it and only
   * ROLLBACK works). closed: the session is gone, `reason` says why.
   */
  status: z.enum(sessionStatuses),
  /** When the open transaction began; null when there is none. */
  since: isoTime.nullable(),
  /** Statements run in the open transaction (the console's own BEGIN not counted). */
  statements: z.number().int(),
  /** The transaction changed something (PostgreSQL assigned it a transaction id): Commit is audited. */
  wrote: z.boolean(),
  /** The open transaction is READ ONLY. */
  readOnly: z.boolean(),
  /** A run, Commit or Rollback is executing on it. */
  busy: z.boolean(),
  /** When the console rolls back an idle transaction (or gives an idle session back); null while busy or closed. */
  idleDeadline: isoTime.nullable(),
  /** The idle limit in force, for the message. */
  idleLimitMs: z.number().int(),
  /** For `closed`: what happened, whether anything was lost, what to do. */
  reason: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

const sessionRef = z.object({ connectionId, sessionId });

export const querySessionContract = {
  'query.openSession': mutation(
    'Pin a session of the connection to an editor tab (Manual mode); refused when the connection has no session to spare',
    z.object({ connectionId }),
    sessionStateSchema,
    { writes: 'guarded' },
  ),
  'query.sessionState': query(
    'Where a pinned session stands: idle, in a transaction (since when, how many statements), failed, or closed and why',
    sessionRef,
    sessionStateSchema,
  ),
  'query.commit': mutation(
    'COMMIT the pinned session’s transaction (audited when it changed something); refused when it failed',
    sessionRef,
    z.object({ state: sessionStateSchema, message: z.string() }),
    { writes: 'guarded' },
  ),
  'query.rollback': mutation(
    'ROLLBACK the pinned session’s transaction (audited when it changed something)',
    sessionRef,
    z.object({ state: sessionStateSchema, message: z.string() }),
    { writes: false },
  ),
  'query.closeSession': mutation(
    'Roll back any open transaction and give the pinned session back to the pool',
    sessionRef,
    z.object({ closed: z.boolean(), rolledBack: z.boolean() }),
    { writes: false },
  ),
};
