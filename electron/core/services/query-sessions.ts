import type { querySessionContract } from '../../../shared/contract/query-session';
import type { PinnedSessions } from '../query/pinned-sessions';
import type { HandlersFor } from '../rpc/dispatcher';
import type { QueryHistory } from '../store/query-history';

/**
 * Manual mode's calls: pin a session to a tab, read its state, Commit, Rollback, close. Commit and
 * Rollback go into the query history like any statement run in the editor (and into the audit log
 * when the transaction wrote, see PinnedSessions).
 */
export function querySessionHandlers(
  pinned: PinnedSessions,
  history: QueryHistory,
  readOnlyProfile: (connectionId: string) => boolean,
): HandlersFor<typeof querySessionContract> {
  const ending = async <T>(connectionId: string, sql: 'COMMIT' | 'ROLLBACK', work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const remember = (outcome: 'succeeded' | 'failed', error?: string) =>
      history.record(connectionId, {
        sql,
        durationMs: performance.now() - started,
        readOnly: false,
        outcome,
        statements: 1,
        rows: null,
        ...(error ? { error } : {}),
      });
    try {
      const result = await work();
      remember('succeeded');
      return result;
    } catch (err) {
      remember('failed', err instanceof Error ? err.message : String(err));
      throw err;
    }
  };

  return {
    'query.openSession': async ({ connectionId }, ctx) => pinned.open(connectionId, ctx.client),
    'query.sessionState': async ({ connectionId, sessionId }) => pinned.state(connectionId, sessionId),
    'query.commit': async ({ connectionId, sessionId }) =>
      ending(connectionId, 'COMMIT', () => pinned.commit(connectionId, sessionId, readOnlyProfile(connectionId))),
    'query.rollback': async ({ connectionId, sessionId }) =>
      ending(connectionId, 'ROLLBACK', () => pinned.rollback(connectionId, sessionId)),
    'query.closeSession': async ({ connectionId, sessionId }) => pinned.close(connectionId, sessionId),
  };
}
