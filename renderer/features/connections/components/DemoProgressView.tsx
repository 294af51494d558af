import './connections.css';
import type { DemoProgress } from '../../../../shared/contract/events';
import { formatMs } from '../../../../shared/domain/format';

/** The demo's start in the status bar: the phase in words, a thin bar when it counts steps, the time so far. */
export function DemoProgressView({ progress }: { progress: DemoProgress }) {
  const pct = progress.fraction === null ? null : Math.round(progress.fraction * 100);
  return (
    <span className="connections-demo-progress" role="status" aria-live="polite" data-testid="demo-progress">
      <span>Preparing the demo database (first start takes up to a minute): {progress.label}</span>
      <span
        className={`connections-demo-bar${pct === null ? ' connections-demo-bar-busy' : ''}`}
        role="progressbar"
        aria-label="Demo database start"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <span style={{ width: `${pct ?? 30}%` }} />
      </span>
      <span>{formatMs(progress.elapsedMs)}</span>
    </span>
  );
}
