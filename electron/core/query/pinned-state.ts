import type { SessionState } from '../../../shared/contract/query-session';
import type { TransactionTracker } from './transaction-tracker';

/** The wire form of a live pinned session's state. */
export function liveState(
  id: string,
  tracker: TransactionTracker,
  extra: { busy: boolean; idleDeadline: number | null; idleLimitMs: number },
): SessionState {
  return {
    sessionId: id,
    status: tracker.status === 'I' ? 'idle' : tracker.status === 'T' ? 'transaction' : 'failed',
    since: tracker.startedAt === null ? null : new Date(tracker.startedAt).toISOString(),
    statements: tracker.statements,
    wrote: tracker.wrote,
    readOnly: tracker.readOnly,
    busy: extra.busy,
    idleDeadline: extra.idleDeadline === null ? null : new Date(extra.idleDeadline).toISOString(),
    idleLimitMs: extra.idleLimitMs,
    reason: null,
  };
}

/** The wire form of a session that is gone, with why. */
export function closedState(id: string, reason: string, idleLimitMs: number): SessionState {
  return {
    sessionId: id,
    status: 'closed',
    since: null,
    statements: 0,
    wrote: false,
    readOnly: false,
    busy: false,
    idleDeadline: null,
    idleLimitMs,
    reason,
  };
}
