import { useState } from 'react';
import { auditOutcomes, type AuditEntry } from '../../../../shared/contract/audit';
import { formatDateTime, formatMs } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { DataTable, type DataTableColumn } from '../../../components/table/DataTable';
import { RequireConnection } from '../../../components/RequireConnection';
import { useAudit, type AuditFilter } from '../api/list-audit';

/** Actions the console records; free text is accepted too for actions added later. */
const KNOWN_ACTIONS = [
  'migration.apply',
  'migration.rollback',
  'maintenance.vacuum',
  'maintenance.analyze',
  'maintenance.reindex',
  'matview.refresh',
  'matview.refreshAll',
  'session.cancel',
  'session.terminate',
  'extension.create',
  'statements.reset',
  'ticket.validate',
];

export function AuditPage() {
  return (
    <RequireConnection title="Audit log">{(connectionId) => <Audit key={connectionId} connectionId={connectionId} />}</RequireConnection>
  );
}

/** Every change the console made to this database: who, what, when, how long, the outcome. */
function Audit({ connectionId }: { connectionId: string }) {
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState<'' | AuditEntry['outcome']>('');
  const [search, setSearch] = useState('');
  const [since, setSince] = useState('');
  const [open, setOpen] = useState<string | undefined>();
  const filter: AuditFilter = {
    ...(action ? { action } : {}),
    ...(outcome ? { outcome } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(since ? { since: new Date(since).toISOString() } : {}),
  };
  const audit = useAudit(connectionId, filter);
  const data = audit.data;
  return (
    <section className="page audit-page">
      <header className="page-header">
        <h1>Audit log</h1>
      </header>
      <div className="toolbar" role="search">
        <label>
          Action{' '}
          <input list="audit-actions" value={action} onChange={(e) => setAction(e.target.value)} placeholder="any" aria-label="Action" />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label>
          Outcome{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} aria-label="Outcome">
            <option value="">any</option>
            {auditOutcomes.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search{' '}
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="target or detail"
            aria-label="Search"
          />
        </label>
        <label>
          Since <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} aria-label="Since" />
        </label>
        <button onClick={() => void audit.refetch()}>Refresh</button>
      </div>
      {data?.databaseError && (
        <p className="level-warning" role="status">
          {data.databaseError}
        </p>
      )}
      {data && (
        <p className="muted">
          {data.databaseError
            ? 'Entries kept on this computer'
            : data.databaseTable
              ? 'Kept in ticketz_console.audit_log in this database'
              : 'No audit table in this database yet'}
          ; entries the console could not write there (read-only roles) are in <code>{data.localPath}</code>. An outcome of <em>unknown</em>{' '}
          means the console ended (crash, killed) while that change ran: check the database for its effect.
        </p>
      )}
      {audit.error && <ErrorView title="Could not read the audit log" error={audit.error} />}
      {data && data.entries.length === 0 && <p>No entries match.</p>}
      {data && data.entries.length > 0 && (
        <DataTable
          rows={data.entries}
          columns={auditColumns}
          rowKey={(e) => e.id}
          ariaLabel="Audit log"
          className="audit-table"
          activeKey={open}
          onRowClick={(e) => setOpen(open === e.id ? undefined : e.id)}
          renderDetail={(e) =>
            open === e.id ? (
              <div className="audit-detail">
                <pre>{e.detail}</pre>
                {e.error && <p className="level-critical">{e.error}</p>}
              </div>
            ) : null
          }
        />
      )}
    </section>
  );
}

const auditColumns: DataTableColumn<AuditEntry>[] = [
  { id: 'at', header: 'When', value: (e) => e.at, cell: (e) => formatDateTime(e.at) },
  { id: 'action', header: 'Action', value: (e) => e.action, cell: (e) => <code>{e.action}</code> },
  { id: 'target', header: 'Target', value: (e) => e.target },
  {
    id: 'outcome',
    header: 'Outcome',
    value: (e) => e.outcome,
    cell: (e) => <span className={e.outcome === 'succeeded' ? 'level-ok' : 'level-critical'}>{e.outcome}</span>,
  },
  { id: 'duration', header: 'Duration', numeric: true, value: (e) => e.durationMs, cell: (e) => formatMs(e.durationMs) },
  { id: 'who', header: 'Who', value: (e) => `${e.role || '?'} (${e.osUser}@${e.host})` },
  { id: 'storage', header: 'Kept', value: (e) => e.storage },
];
