import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { SessionState, TransactionMode } from '../../../../shared/contract/query-session';
import { RpcError } from '../../../../shared/rpc/rpc-error';
import { connKeys } from '../../../lib/query-keys';
import { commitTransaction } from '../api/commit-transaction';
import { openSession } from '../api/open-session';
import { rollbackTransaction } from '../api/rollback-transaction';
import { sessionStateOptions, useSessionState } from '../api/session-state';
import { releaseTabSession, useTabTransactions } from '../stores/tab-transactions';
import { hasOpenTransaction } from '../transaction-view';

export type TabTransactionControls = ReturnType<typeof useTabTransaction>;

/**
 * The active tab's transaction mode and pinned session: opens the session when a Manual run needs
 * one, follows its state (from runs, Commit/Rollback and a poll), and starts fresh — saying why —
 * when the server closed it (idle limit, disconnect, terminated backend, restart).
 */
export function useTabTransaction(connectionId: string, tabId: string) {
  const client = useQueryClient();
  const tab = useTabTransactions((s) => s.tabs[tabId]);
  const store = useTabTransactions.getState;
  const mode: TransactionMode = tab?.connectionId === connectionId ? tab.mode : 'auto';
  const sessionId = mode === 'manual' ? tab?.sessionId : undefined;
  const { data } = useSessionState(connectionId, sessionId);
  const state = sessionId && data?.sessionId === sessionId ? data : undefined;

  const put = useCallback(
    (next: SessionState) => client.setQueryData(sessionStateOptions(connectionId, next.sessionId).queryKey, next),
    [client, connectionId],
  );

  useEffect(() => {
    if (sessionId && state?.status === 'closed') store().setSession(tabId, undefined, state.reason ?? undefined);
  }, [sessionId, state, tabId, store]);

  /** The session a Manual run goes to, opened on first need; undefined in auto-commit mode. */
  const ensureSession = useCallback(async (): Promise<string | undefined> => {
    if (mode !== 'manual') return undefined;
    store().setNotice(tabId, undefined);
    return sessionId ?? openFor(connectionId, tabId, put);
  }, [mode, sessionId, connectionId, tabId, put, store]);

  /** After a run: its session state; a closed one (lost mid-run) frees the tab. */
  const afterRun = useCallback(
    (session: SessionState | null, error?: unknown) => {
      if (session) put(session);
      if (session?.status === 'closed') store().setSession(tabId, undefined);
      // The session was gone before the run reached it: the run's error says why.
      if (error instanceof RpcError && sessionId && (error.code === 'NOT_FOUND' || error.code === 'CONNECTION_FAILED'))
        store().setSession(tabId, undefined);
      else if (error && sessionId) void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'sql', 'session', sessionId) });
    },
    [put, store, tabId, sessionId, client, connectionId],
  );

  const ending = (how: 'commit' | 'rollback') => ({
    mutationFn: async () => (how === 'commit' ? commitTransaction : rollbackTransaction)(connectionId, sessionId!),
    onSuccess: (r: { state: SessionState }) => put(r.state),
    onError: (error: unknown) => afterRun(null, error),
  });
  const commit = useMutation(ending('commit'));
  const rollback = useMutation(ending('rollback'));
  const { reset: resetCommit } = commit;
  const { reset: resetRollback } = rollback;
  useEffect(() => {
    resetCommit();
    resetRollback();
  }, [tabId, resetCommit, resetRollback]);

  const [modeError, setModeError] = useState<{ tabId: string; error: unknown }>();
  /** Auto → Manual pins a session at once (a connection with none to spare says so now); Manual → Auto rolls back. */
  const setMode = useCallback(
    async (next: TransactionMode) => {
      if (next === mode) return;
      setModeError(undefined);
      if (next === 'auto') await releaseTabSession(connectionId, tabId);
      store().setMode(tabId, connectionId, next);
      if (next === 'manual')
        await openFor(connectionId, tabId, put).catch((error: unknown) => {
          store().setMode(tabId, connectionId, 'auto');
          setModeError({ tabId, error });
        });
    },
    [mode, connectionId, tabId, put, store],
  );

  /** Commit or Rollback from a shortcut: only when its button would be enabled. */
  const end = (how: 'commit' | 'rollback', running: boolean) => {
    if (running || commit.isPending || rollback.isPending) return;
    if (how === 'commit' ? state?.status === 'transaction' : hasOpenTransaction(state)) (how === 'commit' ? commit : rollback).mutate();
  };

  return {
    mode,
    sessionId,
    state,
    open: hasOpenTransaction(state),
    notice: tab?.connectionId === connectionId ? tab.notice : undefined,
    dismissNotice: () => store().setNotice(tabId, undefined),
    ensureSession,
    afterRun,
    setMode,
    modeError: modeError?.tabId === tabId ? modeError.error : undefined,
    commit,
    rollback,
    end,
  };
}

async function openFor(connectionId: string, tabId: string, put: (s: SessionState) => void): Promise<string> {
  const opened = await openSession(connectionId);
  put(opened);
  useTabTransactions.getState().setSession(tabId, opened.sessionId);
  return opened.sessionId;
}
