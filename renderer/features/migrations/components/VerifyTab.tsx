import { useState } from 'react';
import type { MigrationRow } from '../../../../shared/contract/migrations';
import { ErrorView } from '../../../components/ErrorView';
import { useVerify } from '../api/verify';
import { Differences } from './Differences';

/**
 * Reversibility: on a scratch database, up → snapshot → down → compare → up again, per migration.
 * Same check as `npx ticketz-console migrate verify`.
 */
export function VerifyTab({ connectionId, dir, row }: { connectionId: string; dir: string | undefined; row: MigrationRow }) {
  const check = useVerify(connectionId, dir);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = check.data;
  const range = { ...(from.trim() ? { from: from.trim() } : {}), ...(to.trim() ? { to: to.trim() } : {}) };
  return (
    <div className="verify-tab">
      <div className="toolbar">
        <button className="primary" disabled={check.isPending} onClick={() => check.mutate({ from: row.version, to: row.version })}>
          Check {row.version}
        </button>
        <label>
          From <input value={from} onChange={(e) => setFrom(e.target.value)} size={8} aria-label="From version" />
        </label>
        <label>
          to <input value={to} onChange={(e) => setTo(e.target.value)} size={8} aria-label="To version" />
        </label>
        <button disabled={check.isPending} onClick={() => check.mutate(range)}>
          Check range
        </button>
      </div>
      <p className="muted">
        CLI: <code>npx ticketz-console migrate verify{range.from ? ` --from ${range.from}` : ''}{range.to ? ` --to ${range.to}` : ''}</code>
      </p>
      {check.isPending && <p role="status">Checking on a scratch database…</p>}
      {check.error && <ErrorView title="The reversibility check could not run" error={check.error} />}
      {report && (
        <div aria-label="Verify report">
          <p className={report.ok ? 'migrations-lint-clean' : 'badge level-error'}>{report.ok ? 'Every migration rolls back cleanly.' : 'Some migrations do not roll back cleanly.'}</p>
          <p className="muted">Ran on {report.scratch}, dropped afterwards.</p>
          {report.migrations.map((m) => (
            <section key={m.version} className={`verify-${m.outcome}`}>
              <h3>
                <span className={`badge ${m.outcome === 'ok' ? 'level-info' : 'level-error'}`}>{m.outcome === 'differs' ? 'DIFFERS' : m.outcome}</span> {m.version} {m.name}
              </h3>
              {m.note && <p>{m.note}</p>}
              {m.outcome !== 'skipped' && (
                <>
                  <Differences items={m.afterDown} label="Left different by down" />
                  <Differences items={m.afterReapply} label="Built differently by up again" />
                </>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
