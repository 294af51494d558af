import { useState } from 'react';
import type { StatementsStatus } from '../../../../shared/contract/insights';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { useCreateExtension } from '../api/create-extension';

/** pg_stat_statements is missing or not preloaded: what that means and the exact steps. */
export function StatementsSetup({ connectionId, status }: { connectionId: string; status: StatementsStatus }) {
  const create = useCreateExtension(connectionId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="insights-setup-panel" role="region" aria-label="Set up pg_stat_statements">
      <h2>Slow queries need pg_stat_statements</h2>
      <p>{status.explanation}</p>
      <ol className="steps">
        {status.steps.map((s) => (
          <li key={s}>
            <code>{s}</code>
          </li>
        ))}
      </ol>
      {status.canCreate && (
        <button className="primary" onClick={() => setConfirming(true)} disabled={create.isPending}>
          Create the extension now
        </button>
      )}
      {status.state === 'not-installed' && !status.canCreate && (
        <p className="muted">Ask a superuser to run the statement above in this database.</p>
      )}
      {create.error && <ErrorView title="CREATE EXTENSION failed" error={create.error} />}
      {confirming && (
        <ConfirmDialog
          title="Create pg_stat_statements?"
          confirmLabel="Create extension"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            create.mutate('pg_stat_statements');
          }}
        >
          <p>
            Runs <code>CREATE EXTENSION IF NOT EXISTS pg_stat_statements</code> in this database. It adds a view and functions; nothing else
            changes. The action is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
