import type { StatementRow } from '../../../../shared/contract/insights';
import { formatCount, formatMs, formatPercent } from '../../../../shared/domain/format';

/** A statement that got noticeably slower in the window than its long-run mean. */
export function slowerInWindow(row: StatementRow): number | null {
  const recent = row.delta?.meanExecMs;
  if (recent === null || recent === undefined || row.meanExecMs <= 0) return null;
  return recent / row.meanExecMs;
}

const oneLine = (q: string) => q.replace(/\s+/g, ' ').trim();

export function StatementsTable({
  rows,
  selected,
  onSelect,
}: {
  rows: StatementRow[];
  selected?: string;
  onSelect: (key: string) => void;
}) {
  if (rows.length === 0)
    return <p className="muted">No statements recorded yet. Run the application (or the demo workload), then refresh.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table insights-statements-table">
        <thead>
          <tr>
            <th>Query</th>
            <th>Role</th>
            <th className="num">Calls</th>
            <th className="num">Total</th>
            <th className="num">Mean</th>
            <th className="num">Rows</th>
            <th className="num">I/O</th>
            <th className="num">Share</th>
            <th className="num" title="Calls in the chosen window">
              Δ calls
            </th>
            <th className="num" title="Mean time of the calls in the window">
              Δ mean
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const ratio = slowerInWindow(r);
            const slower = ratio !== null && ratio >= 1.5;
            return (
              <tr
                key={r.key}
                className={r.key === selected ? 'selected' : undefined}
                onClick={() => onSelect(r.key)}
                aria-selected={r.key === selected}
              >
                <td className="query-cell" title={r.query}>
                  <code>{oneLine(r.query).slice(0, 200)}</code>
                </td>
                <td className="muted">{r.role}</td>
                <td className="num">{formatCount(r.calls)}</td>
                <td className="num">{formatMs(r.totalExecMs)}</td>
                <td className="num">{formatMs(r.meanExecMs)}</td>
                <td className="num">{formatCount(r.rows)}</td>
                <td className="num" title={`${formatCount(r.sharedBlksRead)} blocks read`}>
                  {formatMs(r.ioReadMs + r.ioWriteMs)}
                </td>
                <td className="num">
                  <span className="share-bar" style={{ ['--share' as string]: `${Math.round(r.shareOfTotal * 100)}%` }}>
                    {formatPercent(r.shareOfTotal)}
                  </span>
                </td>
                <td className="num">{r.delta ? formatCount(r.delta.calls) : '—'}</td>
                <td
                  className={`num${slower ? ' level-warning' : ''}`}
                  title={slower ? `${ratio.toFixed(1)}× its long-run mean` : undefined}
                >
                  {r.delta?.meanExecMs !== undefined && r.delta?.meanExecMs !== null ? formatMs(r.delta.meanExecMs) : '—'}
                  {slower ? ' ▲' : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
