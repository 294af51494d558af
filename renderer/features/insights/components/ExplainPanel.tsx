import { useState } from 'react';
import { formatMs } from '../../../../shared/domain/format';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { useExplain } from '../api/explain';
import { PlanTree } from '../../../components/explain/PlanTree';

/**
 * EXPLAIN a statement. Plain EXPLAIN runs nothing; EXPLAIN (ANALYZE, BUFFERS) runs the statement,
 * so it is confirmed first and always rolled back by the core.
 */
export function ExplainPanel({ connectionId, sql }: { connectionId: string; sql: string }) {
  const explain = useExplain(connectionId);
  const [confirmAnalyze, setConfirmAnalyze] = useState(false);
  const [showJson, setShowJson] = useState(false);
  const result = explain.data;
  return (
    <section className="explain-panel" aria-label="Query plan">
      <div className="toolbar">
        <button onClick={() => explain.mutate({ sql, analyze: false })} disabled={explain.isPending}>
          EXPLAIN
        </button>
        <button onClick={() => setConfirmAnalyze(true)} disabled={explain.isPending}>
          EXPLAIN ANALYZE…
        </button>
        {explain.isPending && <span className="muted">Planning…</span>}
        {result && (
          <span className="muted">
            {result.analyzed ? 'Executed and rolled back' : 'Estimated plan (nothing ran)'}
            {result.genericPlan ? ' · generic plan for $n parameters' : ''}
            {result.planningMs !== null ? ` · planning ${formatMs(result.planningMs)}` : ''}
            {result.executionMs !== null ? ` · execution ${formatMs(result.executionMs)}` : ''}
          </span>
        )}
        {result && (
          <button onClick={() => setShowJson(!showJson)} aria-pressed={showJson}>
            {showJson ? 'Hide JSON' : 'JSON'}
          </button>
        )}
      </div>
      {explain.error && <ErrorView title="EXPLAIN failed" error={explain.error} />}
      {result && <PlanTree result={result} />}
      {result && showJson && <CodeView code={result.rawJson} language="json" label="EXPLAIN (FORMAT JSON)" height={300} />}
      {confirmAnalyze && (
        <ConfirmDialog
          title="Run the statement with EXPLAIN ANALYZE?"
          confirmLabel="Run and roll back"
          danger
          onCancel={() => setConfirmAnalyze(false)}
          onConfirm={() => {
            setConfirmAnalyze(false);
            explain.mutate({ sql, analyze: true });
          }}
        >
          <p>
            EXPLAIN (ANALYZE, BUFFERS) <strong>executes</strong> the statement to measure it, inside a transaction that is always rolled
            back. It takes as long as the statement does and holds its locks meanwhile; sequences it advances stay advanced, and effects
            outside the database (dblink, NOTIFY already sent, files) cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
