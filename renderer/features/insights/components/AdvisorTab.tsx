import { useState } from 'react';
import type { Finding, FindingKind } from '../../../../shared/contract/insights';
import { formatBytes, formatDateTime } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { useAdvisor } from '../api/advisor';
import { DraftDialog } from './DraftDialog';

const KIND_LABELS: Record<FindingKind, string> = {
  'fk-without-index': 'Foreign keys without an index',
  'invalid-index': 'Invalid indexes',
  'duplicate-index': 'Duplicate and redundant indexes',
  'unused-index': 'Unused indexes',
  'seq-scan-heavy': 'Large tables read by sequential scans',
  'uuid-as-text': 'UUIDs stored as text',
};
const ORDER: FindingKind[] = ['invalid-index', 'fk-without-index', 'duplicate-index', 'unused-index', 'seq-scan-heavy', 'uuid-as-text'];

/** Index advisor: each finding says why it matters, its size, and offers a migration. */
export function AdvisorTab({ connectionId }: { connectionId: string }) {
  const advisor = useAdvisor(connectionId);
  const [draftFor, setDraftFor] = useState<Finding | undefined>();
  const data = advisor.data;
  return (
    <div className="advisor-tab">
      <div className="toolbar">
        <button onClick={() => void advisor.refetch()} disabled={advisor.isFetching}>
          {advisor.isFetching ? 'Checking…' : 'Refresh'}
        </button>
        {data && (
          <span className="muted">
            {data.findings.length} findings · index usage counted{' '}
            {data.statsReset ? `since ${formatDateTime(data.statsReset)}` : 'since statistics began'} on this server
          </span>
        )}
      </div>
      {advisor.error && <ErrorView title="The index advisor failed" error={advisor.error} />}
      {advisor.isPending && <p>Reading the catalog…</p>}
      {data && data.findings.length === 0 && (
        <p>No findings: every foreign key has an index, and no index is unused, duplicated or invalid.</p>
      )}
      {ORDER.map((kind) => {
        const group = data?.findings.filter((f) => f.kind === kind) ?? [];
        if (!group.length) return null;
        return (
          <section key={kind} className="insights-finding-group" aria-label={KIND_LABELS[kind]}>
            <h2>
              {KIND_LABELS[kind]} <span className="muted">({group.length})</span>
            </h2>
            <ul className="insights-findings">
              {group.map((f) => (
                <li key={f.id} className={`insights-finding severity-${f.severity}`}>
                  <div className="insights-finding-head">
                    <span className={`badge level-${f.severity === 'critical' ? 'critical' : f.severity === 'warning' ? 'warning' : 'ok'}`}>
                      {f.severity}
                    </span>
                    <strong>{f.title}</strong>
                    <span className="muted">
                      {f.schema}.{f.table} · {formatBytes(f.bytes)}
                    </span>
                    {f.hasDraft && (
                      <button className="primary" onClick={() => setDraftFor(f)}>
                        Create migration
                      </button>
                    )}
                  </div>
                  <p>{f.why}</p>
                  {f.facts.length > 0 && (
                    <dl className="facts">
                      {f.facts.map((x) => (
                        <div key={x.label}>
                          <dt>{x.label}</dt>
                          <dd>{x.value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {draftFor && <DraftDialog connectionId={connectionId} finding={draftFor} onClose={() => setDraftFor(undefined)} />}
    </div>
  );
}
