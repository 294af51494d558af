import '../ui.css';
import './plan-tree.css';
import { Fragment, useState } from 'react';
import type { ExplainResult, PlanNode } from '../../../shared/contract/insights';
import { formatCount, formatMs } from '../../../shared/domain/format';

function rowsCell(n: PlanNode) {
  if (n.actualRows === null) return formatCount(n.planRows);
  const ratio = n.rowsRatio ?? 1;
  const off =
    ratio >= 1 ? `${ratio.toFixed(ratio >= 10 ? 0 : 1)}× more` : `${(1 / Math.max(ratio, 1e-9)).toFixed(ratio <= 0.1 ? 0 : 1)}× fewer`;
  return (
    <span className={n.misestimate ? 'misestimate' : undefined} title={n.misestimate ? `Estimate off: ${off} than planned` : undefined}>
      {formatCount(n.planRows)} → {formatCount(n.actualRows)}
      {n.misestimate ? ' ⚠' : ''}
    </span>
  );
}

function buffersCell(n: PlanNode) {
  if (!n.buffers) return '—';
  const b = n.buffers;
  const parts = [
    `hit ${formatCount(b.sharedHit)}`,
    b.sharedRead ? `read ${formatCount(b.sharedRead)}` : '',
    b.tempWritten ? `temp ${formatCount(b.tempWritten)}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * The plan as an indented tree with per-node time, estimates vs actual rows and buffers; hottest
 * first above it. In components/ so any page that calls insights.explain (the SQL editor too) shows it alike.
 */
export function PlanTree({ result }: { result: ExplainResult }) {
  const [open, setOpen] = useState<number | undefined>();
  const analyzed = result.analyzed;
  const total = analyzed
    ? Math.max(...result.nodes.map((n) => n.actualTotalMs ?? 0), 0.0001)
    : Math.max(result.nodes[0]?.totalCost ?? 1, 1);
  const weight = (n: PlanNode) => (analyzed ? (n.exclusiveMs ?? 0) : n.exclusiveCost);
  const hottest = result.hottest.slice(0, 5).map((i) => result.nodes[i]!);
  return (
    <div className="plan">
      <h3>Most expensive nodes</h3>
      <ol className="hottest">
        {hottest.map((n) => (
          <li key={n.id}>
            <button className="link" onClick={() => setOpen(n.id)}>
              #{n.id} {n.title}
            </button>{' '}
            <span className="muted">
              {analyzed ? formatMs(n.exclusiveMs) : `cost ${n.exclusiveCost.toFixed(1)}`} ({((weight(n) / total) * 100).toFixed(0)} %)
            </span>
          </li>
        ))}
      </ol>
      <div className="table-scroll">
        <table className="data-table plan-table">
          <thead>
            <tr>
              <th>Node</th>
              <th className="num">{analyzed ? 'Self time' : 'Self cost'}</th>
              <th className="num">Rows (est → actual)</th>
              <th className="num">Loops</th>
              <th className="num">Total cost</th>
              <th>Buffers</th>
            </tr>
          </thead>
          <tbody>
            {result.nodes.map((n) => (
              <Fragment key={n.id}>
                <tr className={n.id === open ? 'selected' : undefined} onClick={() => setOpen(n.id === open ? undefined : n.id)}>
                  <td style={{ paddingLeft: `${8 + n.depth * 18}px` }}>
                    <span className="muted">{n.depth ? '└ ' : ''}</span>
                    {n.title}
                  </td>
                  <td className="num">
                    <span className="share-bar" style={{ ['--share' as string]: `${Math.round((weight(n) / total) * 100)}%` }}>
                      {analyzed ? formatMs(n.exclusiveMs) : n.exclusiveCost.toFixed(1)}
                    </span>
                  </td>
                  <td className="num">{rowsCell(n)}</td>
                  <td className="num">{n.loops ?? '—'}</td>
                  <td className="num">{n.totalCost.toFixed(1)}</td>
                  <td>{buffersCell(n)}</td>
                </tr>
                {n.id === open && n.details.length > 0 && (
                  <tr className="plan-details">
                    <td colSpan={6} style={{ paddingLeft: `${26 + n.depth * 18}px` }}>
                      {n.details.map((d) => (
                        <div key={d}>
                          <code>{d}</code>
                        </div>
                      ))}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
