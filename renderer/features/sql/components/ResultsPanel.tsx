import { useEffect, useState } from 'react';
import type { StatementOutcome } from '../../../../shared/contract/query';
import { RpcError } from '../../../../shared/rpc/rpc-error';
import { formatCount } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { ExportControls } from '../../../components/export/ExportControls';
import { exportQuery } from '../api/export-query';
import { ResultGrid } from './ResultGrid';
import type { TabRun } from './SqlPage';

const label = (s: StatementOutcome) => {
  if (s.error) return `${s.index + 1}: error`;
  if (s.result) return `${s.index + 1}: ${s.command ?? 'result'} (${formatCount(s.result.rows.length)}${s.result.hasMore ? '+' : ''})`;
  return `${s.index + 1}: ${s.command ?? 'done'}`;
};

/** One tab per statement of the run (its rows, or what it did), plus the run's messages. */
export function ResultsPanel({ connectionId, run, sql }: { connectionId: string; run: TabRun | undefined; sql: string }) {
  const statements = run?.result?.statements ?? [];
  const firstError = statements.findIndex((s) => s.error);
  const lastResult = statements.reduce((found, s, i) => (s.result ? i : found), -1);
  // The failed statement (else the last result) is shown first; a click picks another for this run.
  const [picked, setPicked] = useState<{ runId: string; index: number } | undefined>();
  const selected = picked && picked.runId === run?.runId ? picked.index : firstError >= 0 ? firstError : Math.max(0, lastResult);
  const setSelected = (index: number) => run && setPicked({ runId: run.runId, index });

  if (!run) return <div className="sql-results muted">Run a statement (Ctrl/Cmd+Enter) to see its results here.</div>;
  if (run.running) return <RunningNote startedAt={run.startedAt} />;
  if (run.error) return <div className="sql-results">{<ErrorView error={run.error} title="The run failed" />}</div>;
  const result = run.result!;
  const current = statements[selected];
  return (
    <div className="sql-results">
      <div className="sql-result-tabs" role="tablist" aria-label="Result sets">
        {statements.map((s, i) => (
          <button
            key={i}
            role="tab"
            aria-selected={i === selected}
            className={`${i === selected ? 'active' : ''}${s.error ? ' failed' : ''}`}
            onClick={() => setSelected(i)}
          >
            {label(s)}
          </button>
        ))}
        {result.skipped > 0 && <span className="muted">{result.skipped} not run</span>}
      </div>
      {result.warning && <p className="sql-warning">{result.warning}</p>}
      {current && <StatementView key={`${run.runId}-${selected}`} connectionId={connectionId} statement={current} sql={sql} />}
    </div>
  );
}

function RunningNote({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="sql-results" role="status">
      Running… {((now - startedAt) / 1000).toFixed(1)} s — press Esc or Cancel to stop it.
    </div>
  );
}

function StatementView({ connectionId, statement, sql }: { connectionId: string; statement: StatementOutcome; sql: string }) {
  const line = sql.slice(0, statement.start).split('\n').length;
  const summary = `${statement.command ?? ''}${statement.rowsAffected !== null ? ` ${formatCount(statement.rowsAffected)} rows` : ''} in ${statement.durationMs.toFixed(1)} ms (line ${line})`;
  return (
    <div className="sql-statement-view">
      <div className="sql-statement-meta">
        <span className="muted">{summary}</span>
        {statement.result && (
          <ExportControls
            start={(format, taskId) => exportQuery({ connectionId, sql: statement.sql, format, taskId })}
            title="Runs this statement again in a READ ONLY transaction and streams every row to a file"
          />
        )}
      </div>
      {statement.notices.length > 0 && <pre className="sql-notices">{statement.notices.join('\n')}</pre>}
      {statement.error && (
        <ErrorView
          error={new RpcError(statement.error.code as RpcError['code'], statement.error.message, statement.error.pg)}
          title="The statement failed"
        />
      )}
      {statement.result && <ResultGrid connectionId={connectionId} result={statement.result} />}
    </div>
  );
}
