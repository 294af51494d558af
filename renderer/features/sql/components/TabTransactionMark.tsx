import { useSessionState } from '../api/session-state';
import { useTabTransactions } from '../stores/tab-transactions';

/** A dot on a tab's title while its pinned session has a transaction open (red when it failed). */
export function TabTransactionMark({ connectionId, tabId }: { connectionId: string; tabId: string }) {
  const tab = useTabTransactions((s) => s.tabs[tabId]);
  const sessionId = tab?.connectionId === connectionId && tab.mode === 'manual' ? tab.sessionId : undefined;
  const { data } = useSessionState(connectionId, sessionId);
  if (!sessionId || !data || (data.status !== 'transaction' && data.status !== 'failed')) return null;
  const failed = data.status === 'failed';
  return (
    <span
      className={`sql-tx-mark${failed ? ' failed' : ''}`}
      role="img"
      aria-label={failed ? 'failed transaction' : 'open transaction'}
      title={failed ? 'Failed transaction: roll back to continue' : 'Open transaction: Commit or Rollback'}
    >
      {' '}
      ●
    </span>
  );
}
