import { Fragment, useState } from 'react';
import { auditOutcomes, type AuditEntry } from '../../../../shared/contract/audit';
import { formatMs } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
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
        <div className="table-scroll">
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Action</th>
                <th>Target</th>
                <th>Outcome</th>
                <th className="num">Duration</th>
                <th>Who</th>
                <th>Kept</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <Fragment key={e.id}>
                  <tr onClick={() => setOpen(open === e.id ? undefined : e.id)} className={open === e.id ? 'selected' : undefined}>
                    <td>{new Date(e.at).toLocaleString()}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>{e.target}</td>
                    <td className={e.outcome === 'succeeded' ? 'level-ok' : e.outcome === 'unknown' ? 'level-warning' : 'level-critical'}>
                      {e.outcome}
                    </td>
                    <td className="num">{formatMs(e.durationMs)}</td>
                    <td>
                      {e.role || '?'} ({e.osUser}@{e.host})
                    </td>
                    <td>{e.storage}</td>
                  </tr>
                  {open === e.id && (
                    <tr className="audit-detail">
                      <td colSpan={7}>
                        <pre>{e.detail}</pre>
                        {e.error && <p className="level-critical">{e.error}</p>}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
