import type { StatementRow } from '../../../../shared/contract/insights';
import { formatCount, formatDecimal, formatMs, formatPercent } from '../../../../shared/domain/format';
import { DataTable, type DataTableColumn } from '../../../components/table/DataTable';

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
    <DataTable
      rows={rows}
      columns={statementColumns}
      rowKey={(r) => r.key}
      ariaLabel="Statements"
      className="insights-statements-table"
      activeKey={selected}
      onRowClick={(r) => onSelect(r.key)}
      maxHeight="55vh"
    />
  );
}

const deltaMean = (r: StatementRow) => (r.delta?.meanExecMs !== undefined && r.delta?.meanExecMs !== null ? r.delta.meanExecMs : null);

const statementColumns: DataTableColumn<StatementRow>[] = [
  {
    id: 'query',
    header: 'Query',
    className: 'query-cell',
    value: (r) => oneLine(r.query),
    cell: (r) => <code title={r.query}>{oneLine(r.query).slice(0, 200)}</code>,
  },
  { id: 'role', header: 'Role', className: 'muted', value: (r) => r.role },
  { id: 'calls', header: 'Calls', numeric: true, value: (r) => r.calls, cell: (r) => formatCount(r.calls) },
  { id: 'total', header: 'Total', numeric: true, value: (r) => r.totalExecMs, cell: (r) => formatMs(r.totalExecMs) },
  { id: 'mean', header: 'Mean', numeric: true, value: (r) => r.meanExecMs, cell: (r) => formatMs(r.meanExecMs) },
  { id: 'rows', header: 'Rows', numeric: true, value: (r) => r.rows, cell: (r) => formatCount(r.rows) },
  {
    id: 'io',
    header: 'I/O',
    headerTitle: 'Time spent reading and writing blocks (track_io_timing)',
    numeric: true,
    value: (r) => r.ioReadMs + r.ioWriteMs,
    cell: (r) => <span title={`${formatCount(r.sharedBlksRead)} blocks read`}>{formatMs(r.ioReadMs + r.ioWriteMs)}</span>,
  },
  {
    id: 'share',
    header: 'Share',
    headerTitle: 'Share of the total execution time of all statements',
    numeric: true,
    value: (r) => r.shareOfTotal,
    cell: (r) => (
      <span className="share-bar" style={{ ['--share' as string]: `${Math.round(r.shareOfTotal * 100)}%` }}>
        {formatPercent(r.shareOfTotal)}
      </span>
    ),
  },
  {
    id: 'dcalls',
    header: 'Δ calls',
    headerTitle: 'Calls in the chosen window',
    numeric: true,
    value: (r) => r.delta?.calls ?? null,
    cell: (r) => (r.delta ? formatCount(r.delta.calls) : '—'),
  },
  {
    id: 'dmean',
    header: 'Δ mean',
    headerTitle: 'Mean time of the calls in the window',
    numeric: true,
    value: deltaMean,
    cell: (r) => {
      const ratio = slowerInWindow(r);
      const slower = ratio !== null && ratio >= 1.5;
      const mean = deltaMean(r);
      return (
        <span className={slower ? 'level-warning' : undefined} title={slower ? `${formatDecimal(ratio, 1)}× its long-run mean` : undefined}>
          {mean === null ? '—' : formatMs(mean)}
          {slower ? ' ▲' : ''}
        </span>
      );
    },
  },
];
