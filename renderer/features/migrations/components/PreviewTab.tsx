import type { LintFinding } from '../../../../shared/contract/migration-lint';
import type { StatementLockInfo } from '../../../../shared/contract/migration-locks';
import type { MigrationSources } from '../../../../shared/contract/migration-workbench';
import { formatBytes, formatCount } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { MonacoEditor } from '../../../components/monaco/MonacoEditor';
import { useLint } from '../api/lint';
import { useStatementLocks } from '../api/locks';
import { findingMarker } from '../model/markers';
import { FindingsList } from './FindingsList';

const markersFor = (text: string, findings: LintFinding[], script: 'up' | 'down') => findings.filter((f) => f.script === script).map((f) => findingMarker(text, f));

/**
 * Up and down side by side (read-only Monaco, lint findings underlined at line:column), then each
 * statement of the up script: whether it runs outside a transaction, the locks it takes and on which
 * tables with their current size, and the lint findings.
 */
export function PreviewTab({ connectionId, sources }: { connectionId: string; sources: MigrationSources }) {
  const lint = useLint(connectionId, sources.upFile, sources.upSql, sources.downSql, sources.transaction);
  const locks = useStatementLocks(connectionId, sources.upSql);
  const findings = lint.data?.findings ?? [];
  return (
    <div className="preview-tab">
      <div className="migrations-script-pair">
        <div className="migrations-script">
          <div className="muted">{sources.upFile}</div>
          <div className="migrations-script-editor">
            <MonacoEditor value={sources.upSql} readOnly ariaLabel={`Up script ${sources.upFile}`} markers={markersFor(sources.upSql, findings, 'up')} options={{ minimap: { enabled: false }, renderValidationDecorations: 'on', lineNumbers: (n) => String(n + sources.upFirstLine - 1) }} />
          </div>
        </div>
        <div className="migrations-script">
          <div className="muted">{sources.downFile ?? 'no rollback script'}</div>
          <div className="migrations-script-editor">
            {sources.downSql !== null ? (
              <MonacoEditor value={sources.downSql} readOnly ariaLabel={`Down script ${sources.downFile ?? ''}`} markers={markersFor(sources.downSql, findings, 'down')} options={{ minimap: { enabled: false }, renderValidationDecorations: 'on', lineNumbers: (n) => String(n + (sources.downFirstLine ?? 1) - 1) }} />
            ) : (
              <p className="migrations-missing-down">This migration cannot be rolled back: it has no down script. Add one (Verify checks it restores the schema).</p>
            )}
          </div>
        </div>
      </div>
      <h3>Statements and locks</h3>
      {locks.error && <ErrorView title="Could not analyse the locks" error={locks.error} />}
      {locks.data && <StatementTable statements={locks.data.statements} firstLine={sources.upFirstLine} transactional={sources.transaction} />}
      <h3>Lint</h3>
      {lint.error && <ErrorView title="Could not lint" error={lint.error} />}
      {lint.data ? <FindingsList findings={findings} files={{ up: sources.upFile, down: sources.downFile }} /> : !lint.error && <p className="muted">Linting…</p>}
    </div>
  );
}

function StatementTable({ statements, firstLine, transactional }: { statements: StatementLockInfo[]; firstLine: number; transactional: boolean }) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Statements">
        <thead>
          <tr>
            <th>#</th>
            <th>Line</th>
            <th>Statement</th>
            <th>Transaction</th>
            <th>Locks</th>
          </tr>
        </thead>
        <tbody>
          {statements.map((s) => (
            <tr key={s.index}>
              <td>{s.index + 1}</td>
              <td>{s.line + firstLine - 1}</td>
              <td>
                <code className="migrations-statement-text">{s.text.length > 160 ? `${s.text.slice(0, 159)}…` : s.text}</code>
                {s.notes.map((n) => (
                  <div key={n} className="muted">
                    {n}
                  </div>
                ))}
              </td>
              <td>{s.nonTransactional ? <span className="badge level-warning" title={s.nonTransactional}>outside a transaction</span> : transactional ? 'in the migration’s transaction' : <span className="badge level-warning">file runs without a transaction</span>}</td>
              <td>
                {s.locks.length === 0 && <span className="muted">no table lock</span>}
                {s.locks.map((l) => (
                  <div key={`${l.schema ?? ''}.${l.name}.${l.lock}`} className={`migrations-lock-line${l.blocksReads ? ' migrations-lock-blocks-reads' : l.blocksWrites ? ' migrations-lock-blocks-writes' : ''}`}>
                    <strong>{l.lock}</strong> on {l.schema ? `${l.schema}.` : ''}
                    {l.name}
                    {l.viaIndex && ` (via index ${l.viaIndex})`}
                    {l.createdInScript
                      ? ' — created by this script, empty'
                      : l.existsNow
                        ? ` — ${l.rowEstimate === null ? 'rows unknown' : `~${formatCount(Math.round(l.rowEstimate))} rows`}, ${l.totalBytes === null ? 'size unknown' : formatBytes(l.totalBytes)}`
                        : ' — does not exist now'}
                    <span className="muted"> · {l.blocksReads ? 'blocks reads and writes' : l.blocksWrites ? 'blocks writes' : 'blocks neither reads nor writes'} · {l.reason}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
