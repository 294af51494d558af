import { useEffect, useRef, useState } from 'react';
import type { StatementRow } from '../../../../shared/contract/insights';
import { ErrorView } from '../../../components/ErrorView';
import { formatStatementField } from './statement-field';
import { CodeView } from '../../../components/monaco/CodeView';
import { useResetStatements } from '../api/reset-statements';
import { useStatementDetail } from '../api/statement-detail';
import { ExplainPanel } from './ExplainPanel';

/** One statement: its normalized text, every counter the server keeps, EXPLAIN and reset. */
export function StatementDetailPanel({ connectionId, row, onClose }: { connectionId: string; row: StatementRow; onClose: () => void }) {
  const detail = useStatementDetail(connectionId, row.key);
  const reset = useResetStatements(connectionId);
  const [explaining, setExplaining] = useState(false);
  const panel = useRef<HTMLElement>(null);
  // Opened from a row of a long list: bring it into view rather than leave it below the table.
  useEffect(() => panel.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' }), [row.key]);
  const title = row.query.replace(/\s+/g, ' ').trim();
  return (
    <section className="detail-panel" aria-label="Statement detail" ref={panel}>
      <header className="detail-header">
        <h2 title={title}>
          {title.length > 90 ? `${title.slice(0, 90)}…` : title} <span className="muted small">queryid {row.queryid}</span>
        </h2>
        <span className="row-actions">
          <button className="primary" onClick={() => setExplaining(true)}>
            EXPLAIN…
          </button>
          {row.statsSince && (
            <button
              onClick={() => reset.mutate({ key: row.key, minmaxOnly: true })}
              title="pg_stat_statements_reset(…, minmax_only => true)"
            >
              Reset min/max
            </button>
          )}
          <button onClick={() => reset.mutate({ key: row.key })}>Reset this statement</button>
          <button onClick={onClose} aria-label="Close detail">
            Close
          </button>
        </span>
      </header>
      {reset.error && <ErrorView title="Reset failed" error={reset.error} />}
      <CodeView code={row.query} label="Normalized query text (constants shown as $1, $2 …)" height={160} />
      {explaining && <ExplainPanel connectionId={connectionId} sql={row.query} />}
      {detail.error && <ErrorView title="Could not read the statement" error={detail.error} />}
      {detail.data && (
        <dl className="fields-grid">
          {detail.data.fields.map((f) => (
            <div key={f.name}>
              <dt>{f.name}</dt>
              <dd>{formatStatementField(f.name, f.value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
