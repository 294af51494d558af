import { useState } from 'react';
import { statementSorts, type StatementSort } from '../../../../shared/contract/insights';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { useResetStatements } from '../api/reset-statements';
import { useStatements } from '../api/statements';
import { useStatementsStatus } from '../api/statements-status';
import { StatementDetailPanel } from './StatementDetailPanel';
import { StatementsSetup } from './StatementsSetup';
import { StatementsTable } from './StatementsTable';
import { formatDateTime, formatTime } from '../../../../shared/domain/format';

const SORT_LABELS: Record<StatementSort, string> = {
  totalTime: 'Total time',
  meanTime: 'Mean time',
  calls: 'Calls',
  rows: 'Rows',
  io: 'I/O',
};
const WINDOWS = [
  { seconds: 60, label: '1 min' },
  { seconds: 300, label: '5 min' },
  { seconds: 900, label: '15 min' },
  { seconds: 3600, label: '1 h' },
];
const POLL_MS = 10_000;

/** pg_stat_statements, pghero-style, plus what changed while this page is open. */
export function SlowQueriesTab({ connectionId }: { connectionId: string }) {
  const status = useStatementsStatus(connectionId);
  const [sort, setSort] = useState<StatementSort>('totalTime');
  const [includeConsole, setIncludeConsole] = useState(false);
  const [allDatabases, setAllDatabases] = useState(false);
  const [windowSeconds, setWindowSeconds] = useState(300);
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<string | undefined>();
  const [confirmReset, setConfirmReset] = useState(false);
  const ready = status.data?.state === 'ready';
  const list = useStatements(
    { connectionId, sort, includeConsole, allDatabases, deltaWindowSeconds: windowSeconds, limit: 100 },
    ready,
    paused ? false : POLL_MS,
  );
  const reset = useResetStatements(connectionId);

  if (status.error) return <ErrorView title="Could not check pg_stat_statements" error={status.error} />;
  if (!status.data) return <p>Checking pg_stat_statements…</p>;
  if (!ready) return <StatementsSetup connectionId={connectionId} status={status.data} />;
  const data = list.data;
  const row = data?.rows.find((r) => r.key === selected);

  return (
    <div className="slow-queries">
      <div className="toolbar">
        <span className="segmented" role="group" aria-label="Sort by">
          {statementSorts.map((s) => (
            <button key={s} className={s === sort ? 'active' : undefined} aria-pressed={s === sort} onClick={() => setSort(s)}>
              {SORT_LABELS[s]}
            </button>
          ))}
        </span>
        <label>
          Changes over{' '}
          <select value={windowSeconds} onChange={(e) => setWindowSeconds(Number(e.target.value))}>
            {WINDOWS.map((w) => (
              <option key={w.seconds} value={w.seconds}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={includeConsole} onChange={(e) => setIncludeConsole(e.target.checked)} /> Show the console’s own
        </label>
        <label>
          <input type="checkbox" checked={allDatabases} onChange={(e) => setAllDatabases(e.target.checked)} /> All databases
        </label>
        <button onClick={() => setPaused(!paused)} aria-pressed={paused}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button onClick={() => void list.refetch()}>Refresh</button>
        <button className="danger" onClick={() => setConfirmReset(true)}>
          Reset statistics…
        </button>
      </div>
      <p className="muted">
        pg_stat_statements {data?.extensionVersion} · counters since {data?.statsReset ? formatDateTime(data.statsReset) : 'the last reset'}
        {data?.deltaSince
          ? ` · changes since ${formatTime(data.deltaSince)}`
          : ` · changes appear after the next refresh (every ${POLL_MS / 1000} s)`}
        {data && !includeConsole && data.hiddenConsoleStatements > 0 ? ` · ${data.hiddenConsoleStatements} console statements hidden` : ''}
        {data && !data.trackIoTiming ? ' · track_io_timing is off: I/O times are zero' : ''}
      </p>
      {list.error && <ErrorView title="Could not read pg_stat_statements" error={list.error} />}
      {reset.error && <ErrorView title="Reset failed" error={reset.error} />}
      {data && <StatementsTable rows={data.rows} selected={selected} onSelect={(k) => setSelected(k === selected ? undefined : k)} />}
      {row && <StatementDetailPanel connectionId={connectionId} row={row} onClose={() => setSelected(undefined)} />}
      {confirmReset && (
        <ConfirmDialog
          title="Reset statement statistics?"
          confirmLabel="Reset"
          danger
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => {
            setConfirmReset(false);
            reset.mutate({});
          }}
        >
          <p>
            Runs <code>pg_stat_statements_reset</code> for every statement of this database: all counters start again from zero, for every
            tool that reads them. Recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
