import '../ui.css';
/**
 * A small line chart of the values seen while the page is open (no chart library). Optional
 * warning/critical lines show where the thresholds are; the last value is marked.
 */
export function Sparkline({
  values,
  width = 160,
  height = 36,
  min,
  max,
  warning,
  critical,
  label,
}: {
  values: (number | null)[];
  width?: number;
  height?: number;
  min?: number;
  max?: number;
  warning?: number | null;
  critical?: number | null;
  label: string;
}) {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return <span className="muted sparkline-empty">no data yet</span>;
  const lines = [warning, critical].filter((v): v is number => v !== null && v !== undefined);
  const lo = min ?? Math.min(...known, ...lines);
  const hi = max ?? Math.max(...known, ...lines);
  const span = hi - lo || 1;
  const pad = 2;
  const x = (i: number) => (values.length === 1 ? width - pad : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => height - pad - ((v - lo) / span) * (height - 2 * pad);
  let d = '';
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    d += `${d && values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  const last = values[lastIndex] as number;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}: ${known.length} samples`}
    >
      {warning !== null && warning !== undefined && <line className="spark-warning" x1={0} x2={width} y1={y(warning)} y2={y(warning)} />}
      {critical !== null && critical !== undefined && (
        <line className="spark-critical" x1={0} x2={width} y1={y(critical)} y2={y(critical)} />
      )}
      <path className="spark-line" d={d} fill="none" />
      <circle className="spark-last" cx={x(lastIndex)} cy={y(last)} r={2.5} />
    </svg>
  );
}
