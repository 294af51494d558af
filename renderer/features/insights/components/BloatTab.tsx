import { useState } from 'react';
import type { BloatRow } from '../../../../shared/contract/insights';
import { formatBytes, formatCount, formatPercent } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { useBloat } from '../api/bloat';
import { BloatDetail } from './BloatDetail';

const MIN_OPTIONS = [
  { bytes: 0, label: 'all' },
  { bytes: 1024 * 1024, label: '≥ 1 MB' },
  { bytes: 100 * 1024 * 1024, label: '≥ 100 MB' },
  { bytes: 1024 * 1024 * 1024, label: '≥ 1 GB' },
];

const relName = (r: BloatRow) => (r.kind === 'index' ? `${r.schema}.${r.index} (on ${r.table})` : `${r.schema}.${r.table}`);

/** Estimated table and index bloat for every relation, largest waste first. */
export function BloatTab({ connectionId }: { connectionId: string }) {
  const [minBytes, setMinBytes] = useState(0);
  const [selected, setSelected] = useState<string | undefined>();
  const bloat = useBloat(connectionId, minBytes);
  const data = bloat.data;
  const row = data?.rows.find((r) => `${r.kind}:${r.oid}` === selected);
  return (
    <div className="bloat-tab">
      <div className="toolbar">
        <label>
          Waste{' '}
          <select value={minBytes} onChange={(e) => setMinBytes(Number(e.target.value))}>
            {MIN_OPTIONS.map((o) => (
              <option key={o.bytes} value={o.bytes}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button onClick={() => void bloat.refetch()} disabled={bloat.isFetching}>
          {bloat.isFetching ? 'Estimating…' : 'Refresh'}
        </button>
      </div>
      {data && (
        <details className="insights-caveats">
          <summary>How these estimates work, and their limits</summary>
          <ul>
            {data.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      {bloat.error && <ErrorView title="Could not estimate bloat" error={bloat.error} />}
      {bloat.isPending && <p>Estimating from statistics…</p>}
      {data && data.rows.length === 0 && (
        <p className="muted">Nothing above this size. Tables without statistics are not estimated: run ANALYZE first.</p>
      )}
      {data && data.rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table insights-bloat-table">
            <thead>
              <tr>
                <th>Relation</th>
                <th>Kind</th>
                <th className="num" title="The table’s heap without indexes and TOAST, or the index itself">
                  Heap or index size
                </th>
                <th className="num">Wasted</th>
                <th className="num">Share</th>
                <th className="num">Dead tuples</th>
                <th>Last vacuum</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => {
                const key = `${r.kind}:${r.oid}`;
                return (
                  <tr
                    key={key}
                    className={key === selected ? 'selected' : undefined}
                    onClick={() => setSelected(key === selected ? undefined : key)}
                  >
                    <td>
                      {relName(r)}
                      {r.unreliable && (
                        <span className="badge muted-badge" title="Columns without statistics or of type name: the estimate may be far off">
                          unreliable
                        </span>
                      )}
                    </td>
                    <td>{r.kind}</td>
                    <td className="num">{formatBytes(r.realBytes)}</td>
                    <td className="num">{formatBytes(r.wastedBytes)}</td>
                    <td className={`num${r.wastedRatio >= 0.5 ? ' level-warning' : ''}`}>
                      <span className="share-bar" style={{ ['--share' as string]: `${Math.round(r.wastedRatio * 100)}%` }}>
                        {formatPercent(r.wastedRatio)}
                      </span>
                    </td>
                    <td className="num">{r.deadTuples === null ? '—' : formatCount(r.deadTuples)}</td>
                    <td>{lastVacuum(r)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {row && data && (
        <BloatDetail
          key={`${row.kind}:${row.oid}`}
          connectionId={connectionId}
          row={row}
          pgstattupleInstalled={data.pgstattupleInstalled}
          pgstattupleAvailable={data.pgstattupleAvailable}
        />
      )}
    </div>
  );
}

function lastVacuum(r: BloatRow): string {
  const times = [r.lastVacuum, r.lastAutovacuum].filter((t): t is string => t !== null).sort();
  const last = times.at(-1);
  if (r.kind === 'index') return '';
  return last ? new Date(last).toLocaleString() : 'never';
}
