import { useId } from 'react';
import { formatCount } from '../../../shared/domain/format';

export interface BarDatum {
  /** Shown under the first, middle and last bar, and in each bar's tooltip. */
  label: string;
  value: number;
  /** An optional second series drawn as a line over the bars (same scale if `lineScale` is 'shared'). */
  line?: number;
}

const WIDTH = 640;
const PLOT_TOP = 10;
const PLOT_BOTTOM = 22;

/**
 * A small hand-written SVG bar chart (no chart library): bars scaled to the largest value, an
 * optional line series on its own scale, three axis labels and a tooltip per bar. The numbers are
 * also in the accessible description, so the chart is not the only way to read them.
 */
export function BarChart({
  data,
  title,
  valueLabel,
  lineLabel,
  height = 160,
  format = (n) => formatCount(n),
}: {
  data: BarDatum[];
  title: string;
  valueLabel: string;
  lineLabel?: string;
  height?: number;
  format?: (n: number) => string;
}) {
  const descId = useId();
  if (data.length === 0) return <p className="muted chart-empty">{title}: no data yet.</p>;
  const max = Math.max(1, ...data.map((d) => d.value));
  const lineMax = Math.max(1, ...data.map((d) => d.line ?? 0));
  const plotHeight = height - PLOT_TOP - PLOT_BOTTOM;
  const step = WIDTH / data.length;
  const barWidth = Math.max(1, step * 0.8);
  const y = (v: number, m: number) => PLOT_TOP + plotHeight - (v / m) * plotHeight;
  const hasLine = data.some((d) => d.line !== undefined);
  const linePoints = data.map((d, i) => `${(i + 0.5) * step},${y(d.line ?? 0, lineMax)}`).join(' ');
  const ticks = [...new Set([0, Math.floor((data.length - 1) / 2), data.length - 1])];
  const total = data.reduce((n, d) => n + d.value, 0);
  return (
    <figure className="bar-chart">
      <figcaption>
        {title}
        <span className="muted">
          {' '}
          — max {format(max)} {valueLabel}, total {format(total)}
          {hasLine && lineLabel ? `; line: ${lineLabel} (max ${format(lineMax)})` : ''}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} aria-describedby={descId}>
        <desc id={descId}>{data.map((d) => `${d.label}: ${format(d.value)} ${valueLabel}`).join('; ')}</desc>
        <line x1={0} x2={WIDTH} y1={PLOT_TOP + plotHeight} y2={PLOT_TOP + plotHeight} className="chart-axis" />
        {data.map((d, i) => (
          <rect
            key={d.label}
            className="chart-bar"
            x={i * step + (step - barWidth) / 2}
            y={y(d.value, max)}
            width={barWidth}
            height={Math.max(0, PLOT_TOP + plotHeight - y(d.value, max))}
          >
            <title>{`${d.label}: ${format(d.value)} ${valueLabel}${d.line !== undefined && lineLabel ? `, ${format(d.line)} ${lineLabel}` : ''}`}</title>
          </rect>
        ))}
        {hasLine && <polyline className="chart-line" points={linePoints} fill="none" />}
        {ticks.map((i) => (
          <text
            key={i}
            className="chart-tick"
            x={(i + 0.5) * step}
            y={height - 6}
            textAnchor={i === 0 ? 'start' : i === data.length - 1 ? 'end' : 'middle'}
          >
            {data[i]!.label}
          </text>
        ))}
      </svg>
    </figure>
  );
}
