import { ReplicaLag } from '../../../components/ReplicaLag';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import { MonacoEditor, type EditorMarker } from '../../../components/monaco/MonacoEditor';
import { TypeNameConfirm } from '../../../components/TypeNameConfirm';
import { monaco } from '../../../components/monaco/monaco';
import { useSession } from '../../../lib/session-store';
import { cancelQuery } from '../api/cancel-query';
import { closeResult } from '../api/close-result';
import { useConnectionProfile } from '../../../lib/connection-profile';
import { useRunQuery } from '../api/run-query';
import { registerSqlCompletion, setCompletionTarget } from '../completion-provider';
import { loadTabs, newTab, TabSaver, type EditorTabsState } from '../editor-tabs';
import { useEditorKeys } from '../hooks/use-editor-keys';
import { useTabTransaction } from '../hooks/use-tab-transaction';
import { openTransactionOf, releaseTabSession, useTabTransactions } from '../stores/tab-transactions';
import { describeSession } from '../transaction-view';
import { HistoryPanel } from './HistoryPanel';
import { ResultsPanel } from './ResultsPanel';
import { RollbackConfirm, TransactionBar, TransactionNotes } from './TransactionBar';
import { TabTransactionMark } from './TabTransactionMark';
import './sql.css';

type RunResult = OutputOf<'query.run'>;
export interface TabRun {
  runId: string;
  running: boolean;
  startedAt: number;
  result?: RunResult;
  error?: unknown;
}

const TIMEOUTS = [
  [0, 'connection default'],
  [5_000, '5 s'],
  [30_000, '30 s'],
  [300_000, '5 min'],
  [1_800_000, '30 min'],
] as const;

export function SqlPage() {
  const connectionId = useSession((s) => s.activeConnectionId);
  if (!connectionId) return <p className="muted">Choose a connection first (Connections page).</p>;
  return <SqlWorkspace key={connectionId} connectionId={connectionId} />;
}

/** Tabs of SQL saved as you type, run at the cursor / selection / all, results below. */
function SqlWorkspace({ connectionId }: { connectionId: string }) {
  const client = useQueryClient();
  const [state, setState] = useState<EditorTabsState>(() => loadTabs(localStorage, connectionId));
  const saver = useMemo(() => new TabSaver(localStorage, connectionId), [connectionId]);
  const [runs, setRuns] = useState<Record<string, TabRun>>({});
  const [readOnlySwitch, setReadOnly] = useState(false);
  // A read-only profile: the server runs everything read-only anyway; the switch shows it, locked.
  const profile = useConnectionProfile(connectionId);
  const profileReadOnly = profile?.readOnly === true;
  /** DROP/TRUNCATE on a production connection: the server asked for the database name; run again with it. */
  const [nameNeeded, setNameNeeded] = useState<{ scope: 'cursor' | 'all'; message: string }>();
  const readOnly = profileReadOnly || readOnlySwitch;
  const [timeoutMs, setTimeoutMs] = useState(0);
  const [showHistory, setShowHistory] = useState(false);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const runQuery = useRunQuery(connectionId);
  const active = state.tabs.find((t) => t.id === state.activeId) ?? state.tabs[0]!;
  const activeRun = runs[active.id];
  const tx = useTabTransaction(connectionId, active.id);
  /** A tab whose close waits for "roll back?": its id and its transaction, described. */
  const [closing, setClosing] = useState<{ id: string; title: string; description: string }>();

  useEffect(() => {
    registerSqlCompletion();
    setCompletionTarget({ connectionId, client });
    return () => setCompletionTarget(undefined);
  }, [connectionId, client]);

  // Saved 300 ms after typing stops, and at once when the page goes away — with what was typed
  // last even if React has not rendered it yet (a reload right after typing must not lose it).
  const typed = useRef<{ tabId: string; sql: string }>(undefined);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
    saver.save(state);
  }, [saver, state]);
  useEffect(() => {
    const flush = () => {
      const last = typed.current;
      if (last)
        saver.save({ ...latest.current, tabs: latest.current.tabs.map((t) => (t.id === last.tabId ? { ...t, sql: last.sql } : t)) });
      saver.flush();
    };
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [saver]);

  // The editor is keyed by the active tab, so its changes belong to that tab.
  const setSql = (sql: string) => {
    typed.current = { tabId: active.id, sql };
    setState((s) => ({ ...s, tabs: s.tabs.map((t) => (t.id === active.id ? { ...t, sql } : t)) }));
  };

  const releaseResults = useCallback(
    (run: TabRun | undefined) => {
      for (const s of run?.result?.statements ?? []) if (s.result?.id) void closeResult(connectionId, s.result.id).catch(() => undefined);
    },
    [connectionId],
  );

  const run = useCallback(
    async (scope: 'cursor' | 'all', confirmDatabase?: string) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return;
      const tabId = state.activeId;
      if (runs[tabId]?.running) return;
      const sql = model.getValue();
      const selection = editor.getSelection();
      const useSelection = scope === 'cursor' && selection && !selection.isEmpty();
      const runId = crypto.randomUUID();
      releaseResults(runs[tabId]);
      setRuns((r) => ({ ...r, [tabId]: { runId, running: true, startedAt: Date.now() } }));
      let sessionId: string | undefined;
      try {
        // Manual mode: the tab's pinned session (opened on first need); auto-commit: a fresh one per run.
        sessionId = await tx.ensureSession();
        const result = await runQuery.mutateAsync({
          connectionId,
          runId,
          sql,
          scope: useSelection ? 'selection' : scope,
          ...(useSelection
            ? {
                selection: [model.getOffsetAt(selection.getStartPosition()), model.getOffsetAt(selection.getEndPosition())] as [
                  number,
                  number,
                ],
              }
            : {}),
          cursor: model.getOffsetAt(editor.getPosition() ?? { lineNumber: 1, column: 1 }),
          readOnly,
          statementTimeoutMs: timeoutMs,
          pageSize: 500,
          ...(sessionId ? { sessionId } : {}),
          ...(confirmDatabase !== undefined ? { confirmDatabase } : {}),
        });
        tx.afterRun(result.session);
        const asked = result.statements.find((s) => s.error?.code === 'CONFIRMATION_REQUIRED');
        if (asked?.error && confirmDatabase === undefined) setNameNeeded({ scope, message: asked.error.message });
        setRuns((r) => ({ ...r, [tabId]: { runId, running: false, startedAt: r[tabId]?.startedAt ?? Date.now(), result } }));
      } catch (error) {
        if (sessionId) tx.afterRun(null, error);
        setRuns((r) => ({ ...r, [tabId]: { runId, running: false, startedAt: r[tabId]?.startedAt ?? Date.now(), error } }));
      }
    },
    [connectionId, readOnly, timeoutMs, runQuery, runs, state.activeId, releaseResults, tx],
  );

  const cancel = useCallback(() => {
    const current = runs[state.activeId];
    if (current?.running) void cancelQuery(connectionId, current.runId);
  }, [runs, state.activeId, connectionId]);

  // Leaving the page frees the server sessions behind any open result sets at once, rather than
  // after their idle timeout.
  const runsRef = useRef(runs);
  useEffect(() => {
    runsRef.current = runs;
  }, [runs]);
  useEffect(() => () => Object.values(runsRef.current).forEach(releaseResults), [releaseResults]);

  const bindKeys = useEditorKeys({ run, cancel, endTransaction: (how) => tx.end(how, activeRun?.running ?? false) });
  const onMount = (editor: monaco.editor.IStandaloneCodeEditor) => {
    editorRef.current = editor;
    bindKeys(editor);
    editor.focus();
  };

  const markers = useMemo<EditorMarker[]>(() => {
    const failed = activeRun?.result?.statements.find((s) => s.error?.textIndex !== undefined);
    if (!failed?.error || failed.error.textIndex === undefined) return [];
    const at = failed.error.textIndex;
    const token = /^[^\s,;()]+/.exec(active.sql.slice(at))?.[0].length ?? 1;
    return [{ start: at, end: at + token, message: failed.error.message }];
  }, [activeRun, active.sql]);

  // Shade what the last run executed, so "run at cursor" shows which statement it took.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !activeRun?.result) return undefined;
    const decorations = editor.createDecorationsCollection(
      activeRun.result.statements.map((s) => {
        const from = model.getPositionAt(s.start);
        const to = model.getPositionAt(s.end);
        return {
          range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
          options: {
            className: s.error ? 'ran-statement failed' : 'ran-statement',
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          },
        };
      }),
    );
    // Switching tabs unmounts the editor (keyed by tab) before this cleanup runs: its model is
    // gone then, and clearing decorations on it would throw "Model is disposed!".
    return () => {
      if (!model.isDisposed()) decorations.clear();
    };
  }, [activeRun?.result]);

  const addTab = (sql = '') => {
    const tab = newTab(state.tabs.length + 1, sql);
    setState((s) => ({ tabs: [...s.tabs, tab], activeId: tab.id }));
  };
  // A tab with an open transaction asks first; its session is rolled back and given back on close.
  const closeTab = async (id: string) => {
    const open = await openTransactionOf(connectionId, id);
    const title = state.tabs.find((t) => t.id === id)?.title ?? 'This tab';
    if (open) setClosing({ id, title, description: describeSession(open, Date.now()) });
    else removeTab(id);
  };
  const removeTab = (id: string) => {
    releaseResults(runs[id]);
    void releaseTabSession(connectionId, id).then(() => useTabTransactions.getState().forget(id));
    setState((s) => {
      const tabs = s.tabs.filter((t) => t.id !== id);
      if (!tabs.length) tabs.push(newTab(1));
      return { tabs, activeId: s.activeId === id ? tabs[Math.max(0, s.tabs.findIndex((t) => t.id === id) - 1)]!.id : s.activeId };
    });
  };

  return (
    <div className="sql-page">
      <ReplicaLag connectionId={connectionId} />
      <div className="sql-tabs" role="tablist" aria-label="Editor tabs">
        {state.tabs.map((t) => (
          <span key={t.id} className={`sql-tab${t.id === active.id ? ' active' : ''}`}>
            <button role="tab" aria-selected={t.id === active.id} onClick={() => setState((s) => ({ ...s, activeId: t.id }))}>
              {t.title}
              <TabTransactionMark connectionId={connectionId} tabId={t.id} />
              {runs[t.id]?.running && ' ⏳'}
            </button>
            <button className="sql-tab-close" aria-label={`Close ${t.title}`} onClick={() => void closeTab(t.id)}>
              ×
            </button>
          </span>
        ))}
        <button onClick={() => addTab()} aria-label="New tab">
          +
        </button>
      </div>
      <div className="sql-toolbar">
        <button
          className="primary"
          onClick={() => void run('cursor')}
          disabled={activeRun?.running}
          title="Ctrl/Cmd+Enter: the statement at the cursor, or the selection"
        >
          Run statement
        </button>
        <button onClick={() => void run('all')} disabled={activeRun?.running} title="Ctrl/Cmd+Shift+Enter">
          Run all
        </button>
        <button className="danger" onClick={cancel} disabled={!activeRun?.running} title="Esc">
          Cancel
        </button>
        <label
          title={
            profileReadOnly
              ? 'This connection’s profile is read-only: every statement runs inside a READ ONLY transaction, and statements that could leave it are refused. Edit the connection to change that.'
              : tx.open
                ? 'The open transaction keeps the mode it began with: Commit or Roll back first'
                : 'Wraps the run in BEGIN READ ONLY (in Manual mode, each transaction): the server refuses any change'
          }
        >
          <input type="checkbox" checked={readOnly} disabled={tx.open || profileReadOnly} onChange={(e) => setReadOnly(e.target.checked)} />{' '}
          Read-only{profileReadOnly ? ' (profile)' : ''}
        </label>
        <label>
          Timeout{' '}
          <select value={timeoutMs} onChange={(e) => setTimeoutMs(Number(e.target.value))} aria-label="Statement timeout">
            {TIMEOUTS.map(([ms, label]) => (
              <option key={ms} value={ms}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <TransactionBar key={active.id} tx={tx} running={activeRun?.running ?? false} />
        <span className="spacer" />
        <button onClick={() => setShowHistory((v) => !v)} aria-pressed={showHistory}>
          History
        </button>
      </div>
      <TransactionNotes tx={tx} />
      {nameNeeded && profile && (
        <TypeNameConfirm
          title="Run a destructive statement on production?"
          message={nameNeeded.message.replace(/ Nothing was run\.$/, '')}
          database={profile.database}
          confirmLabel="Run it"
          onConfirm={(typed) => {
            const scope = nameNeeded.scope;
            setNameNeeded(undefined);
            void run(scope, typed);
          }}
          onCancel={() => setNameNeeded(undefined)}
        />
      )}
      {closing && (
        <RollbackConfirm
          title={`Close ${closing.title}?`}
          what={closing.title}
          description={closing.description}
          confirmLabel="Roll back and close"
          onCancel={() => setClosing(undefined)}
          onConfirm={() => {
            setClosing(undefined);
            removeTab(closing.id);
          }}
        />
      )}
      <div className="sql-body">
        <div className="sql-main">
          <div className="sql-editor">
            <MonacoEditor key={active.id} value={active.sql} onChange={setSql} markers={markers} onMount={onMount} ariaLabel="SQL editor" />
          </div>
          <ResultsPanel connectionId={connectionId} run={activeRun} sql={active.sql} />
        </div>
        {showHistory && <HistoryPanel connectionId={connectionId} onOpen={(sql) => addTab(sql)} />}
      </div>
    </div>
  );
}
