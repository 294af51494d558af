import { useState } from 'react';
import {
  healthMetricLabels,
  healthMetrics,
  thresholdProblem,
  type HealthMetric,
  type Threshold,
} from '../../../../shared/domain/health-thresholds';
import { useHealthThresholds } from '../stores/health-thresholds';

/** Edit the alert levels (ratios as percentages); defaults are the seeds' house rules. */
export function ThresholdsEditor() {
  const { thresholds, set, reset } = useHealthThresholds();
  return (
    <div className="insights-thresholds-editor" role="region" aria-label="Thresholds">
      <table className="data-table">
        <thead>
          <tr>
            <th>Metric</th>
            <th>Worse when</th>
            <th>Warning</th>
            <th>Critical</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {healthMetrics.map((m) => (
            <ThresholdRow
              key={`${m}-${thresholds[m].warning}-${thresholds[m].critical}`}
              metric={m}
              value={thresholds[m]}
              onSave={(t) => set(m, t)}
            />
          ))}
        </tbody>
      </table>
      <button onClick={reset}>Restore the house rules</button>
    </div>
  );
}

const isRatio = (m: HealthMetric) => m.endsWith('Ratio');

function ThresholdRow({ metric, value, onSave }: { metric: HealthMetric; value: Threshold; onSave: (t: Threshold) => void }) {
  const scale = isRatio(metric) ? 100 : 1;
  const [warning, setWarning] = useState(String(value.warning * scale));
  const [critical, setCritical] = useState(value.critical === null ? '' : String(value.critical * scale));
  const candidate: Threshold = {
    direction: value.direction,
    warning: Number(warning) / scale,
    critical: critical.trim() === '' ? null : Number(critical) / scale,
  };
  const problem = warning.trim() === '' ? 'The warning level is required.' : thresholdProblem(candidate);
  return (
    <tr>
      <td>{healthMetricLabels[metric]}</td>
      <td>{value.direction === 'above' ? 'above' : 'below'}</td>
      <td>
        <input
          aria-label={`${healthMetricLabels[metric]} warning`}
          value={warning}
          onChange={(e) => setWarning(e.target.value)}
          inputMode="decimal"
          size={8}
        />
        {isRatio(metric) ? ' %' : ''}
      </td>
      <td>
        <input
          aria-label={`${healthMetricLabels[metric]} critical`}
          value={critical}
          onChange={(e) => setCritical(e.target.value)}
          inputMode="decimal"
          size={8}
          placeholder="none"
        />
        {isRatio(metric) ? ' %' : ''}
      </td>
      <td>
        <button disabled={problem !== undefined} onClick={() => onSave(candidate)}>
          Save
        </button>
        {problem && <span className="field-error">{problem}</span>}
      </td>
    </tr>
  );
}
