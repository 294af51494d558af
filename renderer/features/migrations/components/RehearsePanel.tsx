import { useState } from 'react';
import { formatCount, formatDateTime, formatMs } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { newTaskId } from '../../../lib/task-id';
import { useTaskProgress } from '../../../lib/task-store';
import { useRehearse } from '../api/rehearse';

/**
 * Rehearse beside Dry run: the pending migrations on a restored copy (the newest backup of this
 * database, or a fresh dump) in a scratch database; the connected database is never changed.
 */
export function RehearsePanel({ connectionId, dir }: { connectionId: string; dir: string | undefined }) {
  const { run, cancel } = useRehearse(connectionId, dir);
  const [taskId, setTaskId] = useState<string | undefined>();
  const progress = useTaskProgress(taskId);
  const report = run.data?.report;
  return (
    <section className="migrations-rehearse" aria-label="Rehearsal">
      <div className="toolbar">
        <button
          disabled={run.isPending}
          onClick={() => {
            const id = newTaskId();
            setTaskId(id);
            run.mutate(id);
          }}
        >
          Rehearse on a restored copy
        </button>
        <span className="muted">Restores the newest backup (or a fresh dump) into a scratch database, applies the pending migrations there, compares rows.</span>
      </div>
      <TaskProgressBar progress={progress} onCancel={() => taskId && cancel.mutate(taskId)} />
      {run.error && <ErrorView title="The rehearsal could not run" error={run.error} />}
      {report && (
        <div aria-label="Rehearsal report">
          <p className={report.ok ? 'level-ok' : 'level-critical'}>
            {report.ok ? 'The rehearsal passed' : 'The rehearsal failed'} · on {report.backup.source === 'fresh' ? 'a fresh dump' : report.backup.file} taken{' '}
            {formatDateTime(report.backup.takenAt)}
          </p>
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {report.migrations.length === 0 && <p>Nothing pending.</p>}
          {report.migrations.map((m) => (
            <table key={m.version} className="data-table" aria-label={`Rehearsal of ${m.version}`}>
              <caption>
                {m.ok ? '✓' : '✗'} {m.version} {m.name} · {formatMs(m.durationMs)}
                {m.error ? ` · ${m.error}` : ''}
              </caption>
              <tbody>
                {m.statements.map((s) => (
                  <tr key={`${s.line}-${s.summary}`}>
                    <td>line {s.line}</td>
                    <td>{s.summary}</td>
                    <td className="num">{formatMs(s.durationMs)}</td>
                    <td>{s.locks.map((l) => `${l.lock} on ${l.table}`).join(', ')}</td>
                  </tr>
                ))}
                {m.tables.map((t) => (
                  <tr key={t.table}>
                    <td colSpan={2}>{t.table}</td>
                    <td className="num" colSpan={2}>
                      {t.rowsBefore === null ? '—' : formatCount(t.rowsBefore)} → {t.rowsAfter === null ? '—' : formatCount(t.rowsAfter)} rows
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <p className="muted">
            Untouched tables: {report.untouched.length}, {report.untouched.every((u) => u.unchanged) ? 'all checksums unchanged' : 'some CHANGED'}.
          </p>
        </div>
      )}
    </section>
  );
}
