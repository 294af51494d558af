import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import type { TabTransactionControls } from '../hooks/use-tab-transaction';
import { describeSession } from '../transaction-view';

export const COMMIT_KEYS = 'Ctrl/Cmd+Alt+Shift+C';
export const ROLLBACK_KEYS = 'Ctrl/Cmd+Alt+Shift+R';

/** Re-renders every `ms` while on, for a live transaction age. */
function useNow(ms: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (ms === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Mode (Auto-commit / Manual), the pinned session's state, Commit and Rollback — in the toolbar. */
export function TransactionBar({ tx, running }: { tx: TabTransactionControls; running: boolean }) {
  /** The open transaction, described when the switch to Auto-commit was asked for. */
  const [confirmAuto, setConfirmAuto] = useState<string>();
  const now = useNow(tx.open ? 1_000 : null);
  const { state } = tx;
  const ending = tx.commit.isPending || tx.rollback.isPending;
  const label = state ? describeSession(state, now) : tx.sessionId ? 'Opening…' : 'No session — the next run opens one';
  return (
    <span className="sql-tx" role="group" aria-label="Transaction">
      <label title="Auto-commit: each run commits on its own. Manual: the tab keeps one session and one transaction until you Commit or Roll back.">
        Tx{' '}
        <select
          aria-label="Transaction mode"
          value={tx.mode}
          disabled={running || ending}
          onChange={(e) => {
            if (e.target.value === 'auto' && tx.open && state) setConfirmAuto(describeSession(state, Date.now()));
            else void tx.setMode(e.target.value === 'manual' ? 'manual' : 'auto');
          }}
        >
          <option value="auto">Auto-commit</option>
          <option value="manual">Manual</option>
        </select>
      </label>
      {tx.mode === 'manual' && (
        <>
          <span className={`sql-tx-state ${state?.status ?? 'none'}`} role="status" aria-label="Transaction state">
            {label}
          </span>
          <button onClick={() => tx.commit.mutate()} disabled={state?.status !== 'transaction' || running || ending} title={COMMIT_KEYS}>
            Commit
          </button>
          <button className="danger" onClick={() => tx.rollback.mutate()} disabled={!tx.open || running || ending} title={ROLLBACK_KEYS}>
            Rollback
          </button>
        </>
      )}
      {confirmAuto && (
        <RollbackConfirm
          title="Switch to Auto-commit?"
          what="This tab"
          description={confirmAuto}
          confirmLabel="Roll back and switch"
          onCancel={() => setConfirmAuto(undefined)}
          onConfirm={() => {
            setConfirmAuto(undefined);
            void tx.setMode('auto');
          }}
        />
      )}
    </span>
  );
}

/** What the last Commit or Rollback said, why the last session ended, or why Manual mode failed. */
export function TransactionNotes({ tx }: { tx: TabTransactionControls }) {
  const done = tx.commit.data ?? tx.rollback.data;
  const failed = tx.commit.error ?? tx.rollback.error;
  return (
    <>
      {tx.notice && (
        <p className="sql-warning sql-tx-notice" role="alert">
          {tx.notice}{' '}
          <button className="link" onClick={tx.dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      {tx.modeError !== undefined && <ErrorView error={tx.modeError} title="Manual mode needs a session of its own" />}
      {failed && <ErrorView error={failed} title={tx.commit.error ? 'Commit failed' : 'Rollback failed'} />}
      {done && !failed && (
        <p className="muted sql-tx-done" role="status">
          {done.message}
        </p>
      )}
    </>
  );
}

/** Asks before a tab's open transaction is rolled back (mode switch, tab close). */
export function RollbackConfirm(props: {
  title: string;
  what: string;
  /** describeSession() at the moment the question was asked. */
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog title={props.title} confirmLabel={props.confirmLabel} danger onConfirm={props.onConfirm} onCancel={props.onCancel}>
      <p>
        {props.what} has an open transaction: {props.description}.
      </p>
      <p>It will be rolled back on the server: nothing of it is committed. To keep its changes, cancel and Commit first.</p>
    </ConfirmDialog>
  );
}
