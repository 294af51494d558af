import { useState } from 'react';
import type { BloatRow } from '../../../../shared/contract/insights';
import { formatBytes, formatCount, formatDateTime, formatPercent } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { DataTable, type DataTableColumn } from '../../../components/table/DataTable';
import { useBloat } from '../api/bloat';
import { BloatDetail } from './BloatDetail';

const MIN_OPTIONS = [
  { bytes: 0, label: 'all' },
  { bytes: 1024 * 1024, label: '≥ 1 MB' },
  { bytes: 100 * 1024 * 1024, label: '≥ 100 MB' },
  { bytes: 1024 * 1024 * 1024, label: '≥ 1 GB' },
];

const rowKeyOf = (r: BloatRow) => `${r.kind}:${r.oid}`;

const bloatColumns: DataTableColumn<BloatRow>[] = [
  {
    id: 'relation',
    header: 'Relation',
    value: (r) => relName(r),
    cell: (r) => (
      <>
        {relName(r)}
        {r.unreliable && (
          <span className="badge muted-badge" title="Columns without statistics or of type name: the estimate may be far off">
            unreliable
          </span>
        )}
      </>
    ),
  },
  { id: 'kind', header: 'Kind', value: (r) => r.kind },
  {
    id: 'size',
    header: 'Heap or index size',
    headerTitle: 'The table’s heap without indexes and TOAST, or the index itself',
    numeric: true,
    value: (r) => r.realBytes,
    cell: (r) => formatBytes(r.realBytes),
  },
  { id: 'wasted', header: 'Wasted', numeric: true, value: (r) => r.wastedBytes, cell: (r) => formatBytes(r.wastedBytes) },
  {
    id: 'share',
    header: 'Share',
    numeric: true,
    value: (r) => r.wastedRatio,
    cell: (r) => (
      <span
        className={`share-bar${r.wastedRatio >= 0.5 ? ' level-warning' : ''}`}
        style={{ ['--share' as string]: `${Math.round(r.wastedRatio * 100)}%` }}
      >
        {formatPercent(r.wastedRatio)}
      </span>
    ),
  },
  {
    id: 'dead',
    header: 'Dead tuples',
    numeric: true,
    value: (r) => r.deadTuples,
    cell: (r) => (r.deadTuples === null ? '—' : formatCount(r.deadTuples)),
  },
  { id: 'vacuum', header: 'Last vacuum', value: (r) => lastVacuumIso(r), cell: (r) => lastVacuum(r) },
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
        <DataTable
          rows={data.rows}
          columns={bloatColumns}
          rowKey={rowKeyOf}
          ariaLabel="Bloat"
          className="insights-bloat-table"
          activeKey={selected}
          onRowClick={(r) => setSelected(rowKeyOf(r) === selected ? undefined : rowKeyOf(r))}
        />
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

function lastVacuumIso(r: BloatRow): string | null {
  if (r.kind === 'index') return null;
  return (
    [r.lastVacuum, r.lastAutovacuum]
      .filter((t): t is string => t !== null)
      .sort()
      .at(-1) ?? null
  );
}

function lastVacuum(r: BloatRow): string {
  if (r.kind === 'index') return '';
  return formatDateTime(lastVacuumIso(r), 'never');
}
