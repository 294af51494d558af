import type { MigrationRow } from '../../../../shared/contract/migrations';
import { formatMs } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { useDryRun } from '../api/dry-run';
import { Differences } from './Differences';
import { RehearsePanel } from './RehearsePanel';

/** Pending migrations run inside one transaction that is rolled back: what each statement did and locked. */
export function DryRunTab({ connectionId, dir, row }: { connectionId: string; dir: string | undefined; row: MigrationRow }) {
  const run = useDryRun(connectionId, dir);
  const pending = row.status === 'pending' || row.status === 'out_of_order';
  const report = run.data;
  return (
    <div className="dry-run-tab">
      <div className="toolbar">
        <button className="primary" disabled={run.isPending} onClick={() => run.mutate(undefined)}>
          Dry run all pending
        </button>
        {pending && (
          <button disabled={run.isPending} onClick={() => run.mutate(row.version)}>
            Dry run up to {row.version}
          </button>
        )}
        <span className="muted">Runs on the connected database in a transaction that is rolled back; it takes the same locks while it runs.</span>
      </div>
      <RehearsePanel connectionId={connectionId} dir={dir} />
      {run.isPending && <p role="status">Dry run in progress…</p>}
      {run.error && <ErrorView title="The dry run could not run" error={run.error} />}
      {report && (
        <div className="dry-run-report" aria-label="Dry run report">
          <p className={report.ok ? 'migrations-lint-clean' : 'badge level-error'}>
            {report.ok ? 'Every statement ran' : 'A statement failed'} · {formatMs(report.totalMs)} · rolled back, nothing was changed
          </p>
          <ul className="muted">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {report.migrations.map((m) => (
            <section key={m.version}>
              <h3>
                {m.version} {m.name} <span className="muted">{m.file}</span>
              </h3>
              <table className="data-table" aria-label={`Dry run of ${m.version}`}>
                <thead>
                  <tr>
                    <th>Line</th>
                    <th>Statement</th>
                    <th>Outcome</th>
                    <th className="num">Duration</th>
                    <th className="num">Rows</th>
                    <th>Locks acquired</th>
                  </tr>
                </thead>
                <tbody>
                  {m.statements.map((s) => (
                    <tr key={s.index} className={`migrations-dry-${s.outcome}`}>
                      <td>{s.line}</td>
                      <td>
                        <code className="migrations-statement-text">{s.summary}</code>
                        {s.message && <div className={s.outcome === 'failed' ? 'migrations-error-text' : 'muted'}>{s.message}</div>}
                      </td>
                      <td>{s.outcome === 'skipped' ? 'not dry-runnable' : s.outcome.replace('_', ' ')}</td>
                      <td className="num">{s.durationMs !== null ? formatMs(s.durationMs) : ''}</td>
                      <td className="num">{s.rowCount ?? ''}</td>
                      <td>
                        {s.locks.map((l) => (
                          <div key={`${l.locktype}-${l.object}-${l.mode}`}>
                            <strong>{l.lock ?? l.mode}</strong> {l.object}
                            {l.relationKind && l.relationKind !== 'table' ? ` (${l.relationKind})` : ''}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <h3>Schema difference</h3>
          <Differences items={report.differences} label="Schema difference" />
        </div>
      )}
    </div>
  );
}
