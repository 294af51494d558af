import './ui.css';
import type { TaskProgress } from '../../shared/contract/events';
import { formatMs } from '../../shared/domain/format';

/**
 * A background task as it runs: a real bar when the server knows the fraction (pg_stat_progress_*),
 * an indeterminate one with elapsed time when it does not, the phase, and Cancel.
 */
export function TaskProgressBar({
  progress,
  onCancel,
  label,
}: {
  progress: TaskProgress | undefined;
  onCancel?: () => void;
  label?: string;
}) {
  if (!progress) return null;
  const running = progress.state === 'running';
  const pct = progress.fraction === null ? null : Math.round(progress.fraction * 1000) / 10;
  return (
    <div className={`task-progress task-${progress.state}`} role="status" aria-live="polite">
      <div className="task-progress-head">
        <span className="task-label">{label ?? progress.label}</span>
        <span className="muted">
          {running ? 'running' : progress.state} · {formatMs(progress.elapsedMs)}
          {pct !== null ? ` · ${pct} %` : ''}
        </span>
        {running && onCancel && (
          <button className="danger" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <div
        className={`progress-track${pct === null && running ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-label={progress.label}
      >
        <div className="progress-fill" style={{ width: `${pct ?? (running ? 30 : 100)}%` }} />
      </div>
      {progress.detail && <div className="muted task-detail">{progress.detail}</div>}
    </div>
  );
}
