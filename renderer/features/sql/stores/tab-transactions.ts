import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { SessionState, TransactionMode } from '../../../../shared/contract/query-session';
import { registerLeaveGuard } from '../../../lib/leave-guards';
import { closeSession } from '../api/close-session';
import { sessionState } from '../api/session-state';
import { loadTabs } from '../editor-tabs';
import { atStakeLine, hasOpenTransaction } from '../transaction-view';

export interface TabTransaction {
  connectionId: string;
  mode: TransactionMode;
  /** The pinned session (Manual mode), once opened; kept across reloads so the tab finds it again. */
  sessionId?: string;
  /** Why the tab's last session ended, until dismissed or the next run. */
  notice?: string;
}

interface TabTransactionsState {
  tabs: Record<string, TabTransaction>;
  setMode(tabId: string, connectionId: string, mode: TransactionMode): void;
  setSession(tabId: string, sessionId: string | undefined, notice?: string): void;
  setNotice(tabId: string, notice: string | undefined): void;
  forget(tabId: string): void;
}

/**
 * Each editor tab's transaction mode and pinned session. Lives outside the SQL page so a
 * transaction survives going to another page, and so a connection switch or disconnect anywhere
 * can ask before rolling it back (the leave guard below).
 */
export const useTabTransactions = create<TabTransactionsState>()(
  persist(
    (set) => ({
      tabs: {},
      setMode: (tabId, connectionId, mode) =>
        set((s) => ({
          tabs: { ...s.tabs, [tabId]: { connectionId, mode, ...(s.tabs[tabId]?.notice ? { notice: s.tabs[tabId].notice } : {}) } },
        })),
      setSession: (tabId, sessionId, notice) =>
        set((s) => {
          const tab = s.tabs[tabId];
          if (!tab) return s;
          const { sessionId: _old, notice: _note, ...rest } = tab;
          return { tabs: { ...s.tabs, [tabId]: { ...rest, ...(sessionId ? { sessionId } : {}), ...(notice ? { notice } : {}) } } };
        }),
      setNotice: (tabId, notice) =>
        set((s) => {
          const tab = s.tabs[tabId];
          if (!tab) return s;
          const { notice: _note, ...rest } = tab;
          return { tabs: { ...s.tabs, [tabId]: { ...rest, ...(notice ? { notice } : {}) } } };
        }),
      forget: (tabId) =>
        set((s) => {
          const { [tabId]: _gone, ...tabs } = s.tabs;
          return { tabs };
        }),
    }),
    { name: 'ticketz-console.sql-transactions' },
  ),
);

function pinnedTabs(connectionId: string): [string, string][] {
  return Object.entries(useTabTransactions.getState().tabs)
    .filter(([, t]) => t.connectionId === connectionId && t.sessionId)
    .map(([tabId, t]) => [tabId, t.sessionId!]);
}

/** The tab's session state when a transaction is open on it (closing the tab would roll it back). */
export async function openTransactionOf(connectionId: string, tabId: string): Promise<SessionState | undefined> {
  const sessionId = useTabTransactions.getState().tabs[tabId]?.sessionId;
  if (!sessionId) return undefined;
  const state = await sessionState(connectionId, sessionId).catch(() => undefined);
  return hasOpenTransaction(state) ? state : undefined;
}

/** Rolls back and gives back the tab's session; the tab keeps its mode. */
export async function releaseTabSession(connectionId: string, tabId: string): Promise<void> {
  const sessionId = useTabTransactions.getState().tabs[tabId]?.sessionId;
  if (!sessionId) return;
  useTabTransactions.getState().setSession(tabId, undefined);
  await closeSession(connectionId, sessionId).catch(() => undefined);
}

// Switching connection, disconnecting or editing the profile rolls back the tabs' transactions on
// the connection left: say which, and release them all (idle ones too, they hold pool sessions).
registerLeaveGuard({
  async check(connectionId) {
    const titles = new Map(loadTabs(localStorage, connectionId).tabs.map((t) => [t.id, t.title]));
    const lines = await Promise.all(
      pinnedTabs(connectionId).map(async ([tabId]) => {
        const state = await openTransactionOf(connectionId, tabId);
        return state ? atStakeLine(titles.get(tabId) ?? 'An editor tab', state, Date.now()) : undefined;
      }),
    );
    return lines.filter((l): l is string => l !== undefined);
  },
  async release(connectionId) {
    await Promise.all(pinnedTabs(connectionId).map(([tabId]) => releaseTabSession(connectionId, tabId)));
  },
});
