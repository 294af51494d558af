/** Why a pinned session is gone; each message says what happened, what was lost, what comes next. */
export type ClosedCause =
  | { kind: 'unknown' }
  | { kind: 'closed' }
  | { kind: 'page-gone' }
  | { kind: 'idle'; limit: string }
  | { kind: 'pool-closed'; running: boolean }
  | { kind: 'lost'; detail: string; duringCommit?: boolean };

export function closedMessage(cause: ClosedCause, hadTransaction = false): string {
  switch (cause.kind) {
    case 'unknown':
      return 'This tab’s session is no longer open (it was closed, or the console restarted since); any transaction it had was rolled back. The next run opens a new session.';
    case 'closed':
      return hadTransaction
        ? 'The session was closed and its transaction rolled back.'
        : 'The session was closed; no transaction was open.';
    case 'page-gone':
      return hadTransaction
        ? 'The browser tab or window that held this session went away, so the console rolled its transaction back (nothing of it was committed) and released its locks. The next run opens a new session.'
        : 'The browser tab or window that held this session went away, so the session was released; no transaction was open.';
    case 'idle':
      return hadTransaction
        ? `The transaction sat idle for ${cause.limit}, so the console rolled it back (nothing of it was committed) and gave its session back to the pool. The next run starts a new session and transaction.`
        : `The session sat idle for ${cause.limit} and went back to the pool; no transaction was open, so nothing was lost. The next run opens a new one.`;
    case 'pool-closed':
      return hadTransaction
        ? `The connection was closed (Disconnect, a profile edit or the console quitting)${cause.running ? ' while a statement was running' : ''}, so the transaction was rolled back and nothing of it was committed. The next run opens a new session.`
        : 'The connection was closed (Disconnect, a profile edit or the console quitting), so the session was released; no transaction was open. The next run opens a new session.';
    case 'lost':
      if (cause.duringCommit)
        return `The connection was lost while COMMIT was on its way (${cause.detail}): PostgreSQL may or may not have committed the transaction. Check the data before running anything again; the next run opens a new session.`;
      return hadTransaction
        ? `The session ended on the server (${cause.detail}), so the transaction was rolled back by the server: nothing of it was committed. The tab starts fresh: the next run opens a new session.`
        : `The session ended on the server (${cause.detail}). No transaction was open, so nothing was lost; the next run opens a new session.`;
  }
}
